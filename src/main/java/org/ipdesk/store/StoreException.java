package org.ipdesk.store;

/** A database problem: the file is not an IPDesk database, is damaged, locked too long, or SQLite failed. */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
