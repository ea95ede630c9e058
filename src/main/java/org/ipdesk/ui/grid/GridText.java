package org.ipdesk.ui.grid;

import java.math.BigInteger;
import java.util.Locale;
import org.ipdesk.model.BlockUsage;

/** How the grid writes numbers: counts, and the used share of a block. */
final class GridText {

    private GridText() {
    }

    /** "12.5%", "3.25%", "<0.01%" for a sliver, "0%" for none, "100%" only when full. */
    static String percent(BlockUsage block) {
        if (block.used().signum() == 0 || block.size().signum() == 0) {
            return "0%";
        }
        if (block.used().compareTo(block.size()) >= 0) {
            return "100%";
        }
        double share = 100.0 * block.fraction();
        if (share < 0.01) {
            return "<0.01%";
        }
        if (share > 99.9) {
            return ">99.9%";
        }
        return String.format(Locale.ROOT, share < 10 ? "%.2f%%" : "%.1f%%", share);
    }

    /** "65,536"; past a trillion, the nearest power of two ("2^72", "~2^72"). */
    static String number(BigInteger n) {
        if (n.bitLength() <= 40) {
            return String.format(Locale.ROOT, "%,d", n);
        }
        int exponent = n.bitLength() - 1 + (n.testBit(n.bitLength() - 2) ? 1 : 0);
        return (n.bitCount() == 1 ? "2^" : "~2^") + exponent;
    }
}
