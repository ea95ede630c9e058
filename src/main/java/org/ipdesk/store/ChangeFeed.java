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
}
