package org.ipdesk.allocator;

import java.util.Locale;

/** How automatic allocation picks among free addresses. */
public enum Strategy {
    /** The lowest free usable address. */
    FIRST,
    /** A uniformly random free address over the whole free space. */
    RANDOM;

    public static Strategy parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AllocatorException.InvalidInput("'" + text + "' is not a strategy (first or random)");
        }
    }
}
