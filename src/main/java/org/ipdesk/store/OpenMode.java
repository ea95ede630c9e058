package org.ipdesk.store;

/** What {@link Database#open(Location, OpenMode)} may do with a file that is not an IPDesk database yet. */
public enum OpenMode {
    /** Open an existing IPDesk database only; a missing, empty or foreign file is refused and left unchanged. */
    EXISTING,
    /**
     * Also create a missing file, or initialise an empty one (0 bytes, or an SQLite file holding nothing at all):
     * for the commands that start a database ({@code network add}, {@code import}, the window's New database and
     * Open after the user confirmed).
     */
    CREATE
}
