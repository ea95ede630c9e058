package org.ipdesk.store.jdbc;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The row version a new network, subnet, range or address starts with. Not 1: SQLite gives a new row the id of a row
 * deleted just before (the highest id plus one), so an editor who read the deleted row would otherwise find "the
 * same" id and version on the new one and write over it. A start taken from the clock, in microseconds and never the
 * same twice in this process, makes the new row a different one to every conditional update. Later changes add one.
 */
public final class RowVersions {
    private static final AtomicLong LAST = new AtomicLong();

    private RowVersions() {
    }

    public static long first() {
        long now = System.currentTimeMillis() * 1_000;
        return LAST.updateAndGet(last -> Math.max(last + 1, now));
    }
}
