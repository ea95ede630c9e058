package org.ipdesk.address;

import java.math.BigInteger;
import java.util.Optional;

/**
 * An independent reading of address text, written from the RFCs and not from the ipaddress library, for the
 * random-input tests to compare {@link Ip#parse} and {@link Cidr#parse} with.
 *
 * <ul>
 *   <li>IPv4: the dotted quad, four decimal parts of ASCII digits, 0 to 255, without leading zeros ("0" itself is
 *       fine), as Python's {@code ipaddress} and RFC 6943 section 3.1.1 (strict form) have it.</li>
 *   <li>IPv6: the text forms of RFC 4291 section 2.2: eight groups of one to four hex digits; or "::" once, standing
 *       for one or more zero groups; the last two groups may be written as a dotted quad (IPv4 rules above).</li>
 *   <li>A CIDR (RFC 4291 section 2.3, RFC 4632): an address, "/", and either a decimal prefix length (ASCII digits,
 *       no leading zero, at most 32 or 128) or a netmask of the same version (one-bits first, then zero-bits); the
 *       address has no bits set past the prefix.</li>
 *   <li>Surrounding white space ({@link String#strip()}) is ignored, as the application ignores it.</li>
 * </ul>
 */
public final class AddressOracle {
    private AddressOracle() {
    }

    /** One address: 4 or 6, and its value. */
    public record Value(int version, BigInteger value) {
        int bits() {
            return version == 4 ? 32 : 128;
        }
    }

    /** A CIDR block: its network address (no host bits) and prefix length. */
    public record Block(Value network, int prefixLength) {
        @Override
        public String toString() {
            return network.version() + ":" + network.value().toString(16) + "/" + prefixLength;
        }
    }

    /** The address the text is, or empty when it is not exactly one address (a prefix or mask included). */
    public static Optional<Value> ip(String text) {
        return address(text.strip());
    }

    /** The CIDR the text is, or empty when it is not one (no prefix, bad prefix or mask, host bits set). */
    public static Optional<Block> cidr(String text) {
        String s = text.strip();
        int slash = s.indexOf('/');
        if (slash < 0 || slash != s.lastIndexOf('/')) {
            return Optional.empty();
        }
        Optional<Value> address = address(s.substring(0, slash));
        if (address.isEmpty()) {
            return Optional.empty();
        }
        Value a = address.get();
        String suffix = s.substring(slash + 1);
        int prefix;
        if (isDecimal(suffix)) {
            if (suffix.length() > 3 || (suffix.length() > 1 && suffix.charAt(0) == '0')) {
                return Optional.empty();
            }
            prefix = Integer.parseInt(suffix);
            if (prefix > a.bits()) {
                return Optional.empty();
            }
        } else {
            Optional<Value> mask = address(suffix);
            if (mask.isEmpty() || mask.get().version() != a.version()) {
                return Optional.empty();
            }
            prefix = netmaskPrefix(mask.get());
            if (prefix < 0) {
                return Optional.empty();
            }
        }
        BigInteger hostBits = BigInteger.ONE.shiftLeft(a.bits() - prefix).subtract(BigInteger.ONE);
        if (a.value().and(hostBits).signum() != 0) {
            return Optional.empty();
        }
        return Optional.of(new Block(a, prefix));
    }

    /**
     * The bytes of a MAC in one of the usual notations (IEEE 802 and its common variants): six or eight groups of
     * one or two hex digits all separated by ':' or all by '-'; three or four groups of four hex digits separated by
     * '.' (Cisco); or 12 or 16 hex digits. Empty for anything else (the application may read more notations).
     */
    public static Optional<byte[]> mac(String text) {
        String s = text.strip();
        String[] groups;
        int width;
        if (s.matches("[0-9A-Fa-f]{1,2}(:[0-9A-Fa-f]{1,2}){5}|[0-9A-Fa-f]{1,2}(:[0-9A-Fa-f]{1,2}){7}")) {
            groups = s.split(":");
            width = 1;
        } else if (s.matches("[0-9A-Fa-f]{1,2}(-[0-9A-Fa-f]{1,2}){5}|[0-9A-Fa-f]{1,2}(-[0-9A-Fa-f]{1,2}){7}")) {
            groups = s.split("-");
            width = 1;
        } else if (s.matches("[0-9A-Fa-f]{4}(\\.[0-9A-Fa-f]{4}){2,3}")) {
            groups = s.split("\\.");
            width = 2;
        } else if (s.matches("[0-9A-Fa-f]{12}|[0-9A-Fa-f]{16}")) {
            groups = s.split("(?<=\\G..)");
            width = 1;
        } else {
            return Optional.empty();
        }
        byte[] out = new byte[groups.length * width];
        for (int i = 0; i < groups.length; i++) {
            int value = Integer.parseInt(groups[i], 16);
            if (width == 2) {
                out[2 * i] = (byte) (value >> 8);
                out[2 * i + 1] = (byte) value;
            } else {
                out[i] = (byte) value;
            }
        }
        return Optional.of(out);
    }

    /** The prefix length of a netmask (ones, then zeros), or -1. */
    private static int netmaskPrefix(Value mask) {
        int bits = mask.bits();
        int ones = 0;
        while (ones < bits && mask.value().testBit(bits - 1 - ones)) {
            ones++;
        }
        for (int i = ones; i < bits; i++) {
            if (mask.value().testBit(bits - 1 - i)) {
                return -1;
            }
        }
        return ones;
    }

    private static Optional<Value> address(String s) {
        if (s.indexOf(':') >= 0) {
            return ipv6(s).map(v -> new Value(6, v));
        }
        return ipv4(s).map(v -> new Value(4, BigInteger.valueOf(v)));
    }

    /** The dotted quad's value, or empty. */
    private static Optional<Long> ipv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        long value = 0;
        for (String part : parts) {
            if (!isDecimal(part) || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
                return Optional.empty();
            }
            int n = Integer.parseInt(part);
            if (n > 255) {
                return Optional.empty();
            }
            value = value << 8 | n;
        }
        return Optional.of(value);
    }

    private static Optional<BigInteger> ipv6(String s) {
        String hex = s;
        if (s.indexOf('.') >= 0) {
            // the last group pair as a dotted quad: rewrite it as two hex groups
            int colon = s.lastIndexOf(':');
            Optional<Long> v4 = ipv4(s.substring(colon + 1));
            if (v4.isEmpty()) {
                return Optional.empty();
            }
            hex = s.substring(0, colon + 1) + Long.toHexString(v4.get() >>> 16) + ":" + Long.toHexString(v4.get() & 0xffff);
        }
        int gap = hex.indexOf("::");
        int[] groups;
        if (gap < 0) {
            groups = h16s(hex);
            if (groups == null || groups.length != 8) {
                return Optional.empty();
            }
        } else {
            if (hex.indexOf("::", gap + 1) >= 0) {
                return Optional.empty();
            }
            int[] left = gap == 0 ? new int[0] : h16s(hex.substring(0, gap));
            int[] right = gap + 2 == hex.length() ? new int[0] : h16s(hex.substring(gap + 2));
            if (left == null || right == null || left.length + right.length > 7) {
                return Optional.empty();
            }
            groups = new int[8];
            System.arraycopy(left, 0, groups, 0, left.length);
            System.arraycopy(right, 0, groups, 8 - right.length, right.length);
        }
        BigInteger value = BigInteger.ZERO;
        for (int g : groups) {
            value = value.shiftLeft(16).or(BigInteger.valueOf(g));
        }
        return Optional.of(value);
    }

    /** Groups of one to four hex digits separated by single colons, or null. */
    private static int[] h16s(String s) {
        String[] parts = s.split(":", -1);
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 4) {
                return null;
            }
            int value = 0;
            for (int k = 0; k < p.length(); k++) {
                int digit = hexDigit(p.charAt(k));
                if (digit < 0) {
                    return null;
                }
                value = value * 16 + digit;
            }
            out[i] = value;
        }
        return out;
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** One or more ASCII digits (not Arabic-Indic, full-width or any other Unicode digits). */
    private static boolean isDecimal(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
