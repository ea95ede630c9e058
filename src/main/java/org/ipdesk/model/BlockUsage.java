package org.ipdesk.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.ipdesk.address.Cidr;

/**
 * One cell of the block map of a large subnet: a child block with how many of its addresses are held or
 * lie in a range, out of its size.
 */
public record BlockUsage(Cidr block, BigInteger size, BigInteger used) {

    /** The used share, 0.0 to 1.0. */
    public double fraction() {
        if (size.signum() == 0) {
            return 0;
        }
        return new BigDecimal(used).divide(new BigDecimal(size), 6, RoundingMode.HALF_UP).doubleValue();
    }
}
