package org.ipdesk.address;

import inet.ipaddr.IPAddress;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;
import java.math.BigInteger;

/**
 * One IP address, held as its version and unsigned value. Compared as numbers (IPv4 before IPv6),
 * stored as fixed-width big-endian bytes, printed in canonical form (RFC 5952 for IPv6).
 */
public record Ip(IpVersion version, BigInteger value) implements Comparable<Ip> {

    public Ip {
        if (version == null || value == null) {
            throw new IllegalArgumentException("version and value are required");
        }
        if (value.signum() < 0 || value.bitLength() > version.bits()) {
            throw new IllegalArgumentException(value + " is out of range for IPv" + version.number());
        }
    }

    /** Parses one address; a prefix length or mask is refused. */
    public static Ip parse(String text) {
        Parsing.Parsed parsed = Parsing.parse(text, "IP address");
        if (parsed.prefixLength() != null) {
            throw new InvalidAddressException(Parsing.quote(text.strip()) + " is a network, not a single IP address");
        }
        return of(parsed.address());
    }

    static Ip of(IPAddress address) {
        IpVersion version = address.isIPv4() ? IpVersion.V4 : IpVersion.V6;
        return new Ip(version, address.getValue());
    }

    public static Ip fromBytes(byte[] bytes) {
        IpVersion version = switch (bytes.length) {
            case 4 -> IpVersion.V4;
            case 16 -> IpVersion.V6;
            default -> throw new IllegalArgumentException("an address has 4 or 16 bytes, not " + bytes.length);
        };
        return new Ip(version, new BigInteger(1, bytes));
    }

    /** Fixed-width big-endian bytes: 4 for IPv4, 16 for IPv6. Byte order equals numeric order. */
    public byte[] toBytes() {
        byte[] raw = value.toByteArray();
        int width = version.bytes();
        byte[] out = new byte[width];
        int copy = Math.min(raw.length, width);
        System.arraycopy(raw, raw.length - copy, out, width - copy, copy);
        return out;
    }

    public boolean isV4() {
        return version == IpVersion.V4;
    }

    public Ip plus(BigInteger delta) {
        return new Ip(version, value.add(delta));
    }

    public Ip plus(long delta) {
        return plus(BigInteger.valueOf(delta));
    }

    public Ip next() {
        return plus(BigInteger.ONE);
    }

    public Ip previous() {
        return plus(BigInteger.ONE.negate());
    }

    /** Whether this is the highest address of its version. */
    public boolean isMax() {
        return value.bitLength() == version.bits() && value.bitCount() == version.bits();
    }

    IPAddress toLibrary() {
        return isV4() ? new IPv4Address(value.intValue()) : new IPv6Address(value);
    }

    @Override
    public int compareTo(Ip other) {
        int byVersion = version.compareTo(other.version);
        return byVersion != 0 ? byVersion : value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return toLibrary().toCanonicalString();
    }
}
