package org.ipdesk.store;

/**
 * A capability of an open {@link Database}: tells whether other writers (another window, the CLI, another process
 * or user) changed the data. SQLite answers by polling {@code PRAGMA data_version}; PostgreSQL counts the
 * notifications of other writers received on a listening connection of its own. The window's change watcher asks for it instead of assuming it.
 */
@FunctionalInterface
public interface ChangeFeed {
    /**
     * A number that changes whenever another connection commits to the database; compare it with the last one
     * read. Cheap enough to poll.
     */
    long version();

    /**
     * Calls {@code listener}, on a thread of the feed's own and soon after it, when another writer committed, for
     * engines that are told of commits (a server's notifications), so that a window need not wait for its next
     * poll; returns what stops the calls. Engines that must be asked (SQLite) never call it: {@link #version()} is
     * polled. The listener must return quickly and must not touch the database on the feed's thread.
     */
    default AutoCloseable onChange(Runnable listener) {
        return () -> { };
    }

    /**
     * Whether the feed hears other writers now: false while a server's listening connection is lost and being
     * re-established (the version rises again on its return, since changes may have been missed). A file always
     * is.
     */
    default boolean connected() {
        return true;
    }
}
