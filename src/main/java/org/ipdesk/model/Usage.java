package org.ipdesk.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Utilisation of a subnet or a network. {@code usable = allocated + reserved + dhcp + deprecated + free}.
 * Unheld addresses in DHCP ranges count as dhcp, those in reserved ranges and an unheld gateway as reserved.
 * Counts are BigInteger: an IPv6 /64 alone holds 2^64 addresses.
 */
public record Usage(BigInteger usable, BigInteger allocated, BigInteger reserved, BigInteger dhcp,
                    BigInteger deprecated, BigInteger free) {

    public static final Usage ZERO = new Usage(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO,
            BigInteger.ZERO, BigInteger.ZERO);

    public BigInteger used() {
        return usable.subtract(free);
    }

    /** Used share of the usable addresses, 0-100, two decimals. */
    public BigDecimal percent() {
        if (usable.signum() == 0) {
            return BigDecimal.ZERO.setScale(2, RoundingMode.UNNECESSARY);
        }
        return new BigDecimal(used()).multiply(BigDecimal.valueOf(100))
                .divide(new BigDecimal(usable), 2, RoundingMode.HALF_UP);
    }

    public Usage plus(Usage other) {
        return new Usage(usable.add(other.usable), allocated.add(other.allocated), reserved.add(other.reserved),
                dhcp.add(other.dhcp), deprecated.add(other.deprecated), free.add(other.free));
    }
}
