package org.ipdesk.address;

import java.math.BigInteger;

/** An inclusive range of addresses of one version, start &lt;= end. */
public record IpRange(Ip start, Ip end) {

    public IpRange {
        if (start.version() != end.version()) {
            throw new InvalidAddressException("a range cannot mix IPv4 and IPv6 (" + start + " - " + end + ")");
        }
        if (start.compareTo(end) > 0) {
            throw new InvalidAddressException("the range starts at " + start + ", after its end " + end);
        }
    }

    public static IpRange of(Ip single) {
        return new IpRange(single, single);
    }

    public IpVersion version() {
        return start.version();
    }

    public BigInteger size() {
        return end.value().subtract(start.value()).add(BigInteger.ONE);
    }

    public boolean contains(Ip ip) {
        return ip.version() == start.version() && start.compareTo(ip) <= 0 && ip.compareTo(end) <= 0;
    }

    public boolean contains(IpRange other) {
        return contains(other.start) && contains(other.end);
    }

    public boolean overlaps(IpRange other) {
        return start.version() == other.start.version()
                && start.compareTo(other.end) <= 0 && other.start.compareTo(end) <= 0;
    }

    @Override
    public String toString() {
        return start.equals(end) ? start.toString() : start + "-" + end;
    }
}
