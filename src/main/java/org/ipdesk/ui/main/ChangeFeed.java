package org.ipdesk.ui.main;

/**
 * Where the window learns that someone else wrote to the open database. Today the allocator's external version
 * (SQLite's {@code data_version}), read on the database executor; a server's notifications can answer the same
 * question later.
 */
@FunctionalInterface
public interface ChangeFeed {

    /** A number that changes whenever another connection commits; read on the database executor only. */
    long version() throws Exception;
}
