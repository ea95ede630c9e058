package org.ipdesk.ui.subnet;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.ipdesk.model.AddressCounts;

/** How the subnet header writes shares of a subnet; the counts themselves are written by {@link AddressCounts}. */
public final class Counts {

    private Counts() {
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
