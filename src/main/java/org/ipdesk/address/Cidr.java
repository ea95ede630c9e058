package org.ipdesk.address;

import java.math.BigInteger;
import java.util.Optional;

/**
 * A canonical CIDR block: its network address has no host bits set. The usable addresses follow
 * Python's {@code ipaddress.hosts()}: IPv4 /31 and /32 and IPv6 /127 and /128 are wholly usable; other
 * IPv4 blocks lose the network and broadcast addresses, other IPv6 blocks the first (subnet-router
 * anycast) address.
 */
public record Cidr(Ip network, int prefixLength) implements Comparable<Cidr> {

    public Cidr {
        int bits = network.version().bits();
        if (prefixLength < 0 || prefixLength > bits) {
            throw new InvalidAddressException("/" + prefixLength + " is not a prefix length for IPv"
                    + network.version().number() + " (0-" + bits + ")");
        }
        if (!network.value().and(hostMaskValue(bits, prefixLength)).equals(BigInteger.ZERO)) {
            throw new InvalidAddressException(network + "/" + prefixLength + " has host bits set; did you mean "
                    + new Cidr(new Ip(network.version(), network.value().andNot(hostMaskValue(bits, prefixLength))),
                            prefixLength) + "?");
        }
    }

    /**
     * Parses a CIDR such as {@code 10.0.0.0/24} or {@code 2001:db8::/48} (a netmask such as 255.255.255.0 is
     * accepted in place of the prefix length). Host bits set and a missing prefix length are refused with a
     * message naming the fix. /0 is accepted: whether a /0 may be a subnet is the allocator's rule.
     */
    public static Cidr parse(String text) {
        Parsing.Parsed parsed = Parsing.parse(text, "CIDR");
        Ip given = Ip.of(parsed.address());
        Integer prefix = parsed.prefixLength();
        if (prefix == null) {
            throw new InvalidAddressException(Parsing.quote(text.strip()) + " has no prefix length; for a single "
                    + "address write " + given + "/" + given.version().bits());
        }
        Cidr canonical = containing(given, prefix);
        if (!canonical.network.equals(given)) {
            throw new InvalidAddressException(given + "/" + prefix + " has host bits set; did you mean " + canonical + "?");
        }
        return canonical;
    }

    /** The block of the given prefix length that holds this address. */
    public static Cidr containing(Ip ip, int prefixLength) {
        return new Cidr(new Ip(ip.version(), ip.value().andNot(hostMaskValue(ip.version().bits(), prefixLength))),
                prefixLength);
    }

    private static BigInteger hostMaskValue(int bits, int prefix) {
        return BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
    }

    public IpVersion version() {
        return network.version();
    }

    public Ip first() {
        return network;
    }

    public Ip last() {
        return new Ip(version(), network.value().or(hostMaskValue(version().bits(), prefixLength)));
    }

    public IpRange range() {
        return new IpRange(first(), last());
    }

    public BigInteger total() {
        return BigInteger.ONE.shiftLeft(version().bits() - prefixLength);
    }

    public Ip netmask() {
        BigInteger all = BigInteger.ONE.shiftLeft(version().bits()).subtract(BigInteger.ONE);
        return new Ip(version(), all.xor(hostMaskValue(version().bits(), prefixLength)));
    }

    public Ip hostmask() {
        return new Ip(version(), hostMaskValue(version().bits(), prefixLength));
    }

    /** The IPv4 broadcast address (the last one); IPv6 has none. */
    public Optional<Ip> broadcast() {
        return version() == IpVersion.V4 ? Optional.of(last()) : Optional.empty();
    }

    private boolean wholeBlockUsable() {
        return version() == IpVersion.V4 ? prefixLength >= 31 : prefixLength >= 127;
    }

    public Ip firstUsable() {
        return wholeBlockUsable() ? first() : first().next();
    }

    public Ip lastUsable() {
        return wholeBlockUsable() || version() == IpVersion.V6 ? last() : last().previous();
    }

    public IpRange usableRange() {
        return new IpRange(firstUsable(), lastUsable());
    }

    public BigInteger usableCount() {
        return usableRange().size();
    }

    public boolean contains(Ip ip) {
        return range().contains(ip);
    }

    public boolean contains(Cidr other) {
        return other.version() == version() && other.prefixLength >= prefixLength && contains(other.network);
    }

    public boolean isUsable(Ip ip) {
        return usableRange().contains(ip);
    }

    /** Why an address of this block is not usable: "network address", "broadcast address" or "subnet-router anycast address". */
    public Optional<String> unusableReason(Ip ip) {
        if (!contains(ip) || isUsable(ip)) {
            return Optional.empty();
        }
        if (version() == IpVersion.V6) {
            return Optional.of("the subnet-router anycast address");
        }
        return Optional.of(ip.equals(first()) ? "the network address" : "the broadcast address");
    }

    @Override
    public int compareTo(Cidr other) {
        int byNetwork = network.compareTo(other.network);
        return byNetwork != 0 ? byNetwork : Integer.compare(prefixLength, other.prefixLength);
    }

    @Override
    public String toString() {
        return network + "/" + prefixLength;
    }
}
