package org.ipdesk.ui.grid;

import java.math.BigInteger;
import org.ipdesk.model.BlockUsage;

/**
 * How full one block of a block map is, in the steps its colour scale shows: empty stands apart from every
 * used step, and full is exact (a block one address short of full is not full).
 */
public enum BlockLevel {
    EMPTY("empty"),
    UNDER_25("under 25%"),
    UNDER_50("25\u201350%"),
    UNDER_75("50\u201375%"),
    UNDER_100("75% or more"),
    FULL("full");

    private static final BlockLevel[] VALUES = values();

    private final String label;

    BlockLevel(String label) {
        this.label = label;
    }

    /** "empty", "under 25%", ... as the legend says it. */
    public String label() {
        return label;
    }

    public static BlockLevel ofCode(byte code) {
        return VALUES[code];
    }

    public byte code() {
        return (byte) ordinal();
    }

    public static BlockLevel of(BlockUsage usage) {
        BigInteger used = usage.used();
        if (used.signum() <= 0 || usage.size().signum() <= 0) {
            return EMPTY;
        }
        if (used.compareTo(usage.size()) >= 0) {
            return FULL;
        }
        // used * 4 / size, exact: 0 under 25%, 1 from 25% ... 3 from 75% (never 4, the block is not full)
        int quarter = used.shiftLeft(2).divide(usage.size()).intValue();
        return switch (quarter) {
            case 0 -> UNDER_25;
            case 1 -> UNDER_50;
            case 2 -> UNDER_75;
            default -> UNDER_100;
        };
    }
}
