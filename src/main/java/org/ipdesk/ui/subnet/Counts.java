package org.ipdesk.ui.subnet;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;

/** How the subnet header writes address counts and shares; IPv6 counts go far past 2^64. */
public final class Counts {

    /** Counts up to this many bits are written out in full in running text. */
    private static final int EXACT_BITS = 40;
    /** Counts up to this many bits are written out in full next to their power-of-two form. */
    private static final int EXACT_WITH_POWER_BITS = 64;

    private Counts() {
    }

    /** "254"; "18,446,744,073,709,551,615 (2^64 − 1)"; past 2^64 the power form alone ("2^80 − 1", "~2^70"). */
    public static String full(BigInteger n) {
        if (n.bitLength() <= EXACT_BITS) {
            return grouped(n);
        }
        if (n.bitLength() <= EXACT_WITH_POWER_BITS) {
            return grouped(n) + " (" + power(n) + ")";
        }
        return power(n);
    }

    /** "149", "65,536"; past a trillion the power form ("2^64 − 1", "~2^64"), for running text. */
    public static String compact(BigInteger n) {
        return n.bitLength() <= EXACT_BITS ? grouped(n) : power(n);
    }

    /** "1,234,567". */
    public static String grouped(BigInteger n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** "2^64" for a power of two, "2^64 − 1" for one less, otherwise the nearest power: "~2^63". */
    static String power(BigInteger n) {
        if (n.signum() > 0 && n.bitCount() == 1) {
            return "2^" + (n.bitLength() - 1);
        }
        BigInteger plusOne = n.add(BigInteger.ONE);
        if (plusOne.bitCount() == 1) {
            return "2^" + (plusOne.bitLength() - 1) + " \u2212 1";
        }
        int exponent = n.bitLength() - 1 + (n.testBit(n.bitLength() - 2) ? 1 : 0);
        return "~2^" + exponent;
    }

    /** {@code part / whole} as a double, exact enough for any size (0 when {@code whole} is 0). */
    public static double fraction(BigInteger part, BigInteger whole) {
        if (whole.signum() == 0) {
            return 0;
        }
        return new BigDecimal(part).divide(new BigDecimal(whole), 17, RoundingMode.HALF_EVEN).doubleValue();
    }

    /** "41.34 %"; "<0.01 %" for a sliver that is not nothing, "100 %" only when full. */
    public static String percent(BigInteger part, BigInteger whole) {
        if (part.signum() == 0 || whole.signum() == 0) {
            return "0 %";
        }
        if (part.compareTo(whole) >= 0) {
            return "100 %";
        }
        BigDecimal share = new BigDecimal(part).multiply(BigDecimal.valueOf(100))
                .divide(new BigDecimal(whole), 2, RoundingMode.HALF_UP);
        if (share.signum() == 0) {
            return "<0.01 %";
        }
        if (share.compareTo(BigDecimal.valueOf(100)) >= 0) {
            return ">99.99 %";
        }
        return share.toPlainString() + " %";
    }
}
