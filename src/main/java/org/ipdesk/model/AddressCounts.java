package org.ipdesk.model;

import java.math.BigInteger;
import java.util.Locale;

/**
 * The one way IPDesk writes address counts for people, in the window, the reports and the command line. IPv6 counts
 * go far past 2^64, so large ones take a power-of-two form: exact ("2^64", "2^80 − 1") when the count is a power of
 * two or one less, otherwise the nearest power ("~2^70"). Data formats (JSON, CSV columns) keep exact digits.
 */
public final class AddressCounts {

    /** Counts up to this many bits (about a trillion) are written out in full in running text. */
    private static final int EXACT_BITS = 40;
    /** Counts up to this many bits are written out in full next to their power-of-two form. */
    private static final int EXACT_WITH_POWER_BITS = 64;

    private AddressCounts() {
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

    /** "149", "65,536"; past a trillion the power form alone ("2^64 − 1", "~2^64"), for columns and running text. */
    public static String compact(BigInteger n) {
        return n.bitLength() <= EXACT_BITS ? grouped(n) : power(n);
    }

    /** "1 network", "3 subnets", "1,024 addresses", "0 errors": the count, grouped, and the noun in its number. */
    public static String counted(long n, String noun) {
        String plural = noun.endsWith("s") || noun.endsWith("x") ? noun + "es" : noun + "s";
        return String.format(Locale.ROOT, "%,d", n) + " " + (n == 1 ? noun : plural);
    }

    /** "1,234,567". */
    public static String grouped(BigInteger n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** "2^64" for a power of two, "2^64 − 1" for one less, otherwise the nearest power: "~2^63". */
    public static String power(BigInteger n) {
        if (n.signum() <= 0) {
            return grouped(n);
        }
        if (n.bitCount() == 1) {
            return "2^" + (n.bitLength() - 1);
        }
        BigInteger plusOne = n.add(BigInteger.ONE);
        if (plusOne.bitCount() == 1) {
            return "2^" + (plusOne.bitLength() - 1) + " \u2212 1";
        }
        int exponent = n.bitLength() - 1 + (n.testBit(n.bitLength() - 2) ? 1 : 0);
        return "~2^" + exponent;
    }
}
