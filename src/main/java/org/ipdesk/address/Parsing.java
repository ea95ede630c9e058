package org.ipdesk.address;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import inet.ipaddr.IncompatibleAddressException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strict parsing through the ipaddress library: no wildcards, ranges, inet_aton forms, zones, base 85, bare
 * prefixes or empty input; no leading zeros in IPv4 parts (also not in the IPv4 part of an IPv6 address) or in a
 * prefix length; at most four hex digits in an IPv6 group; a mask only if it is a netmask (one-bits first).
 */
final class Parsing {
    private static final IPAddressStringParameters STRICT = new IPAddressStringParameters.Builder()
            .allowEmpty(false)
            .allowAll(false)
            .allowSingleSegment(false)
            .allowMask(true)
            .allowPrefix(true)
            .allowPrefixOnly(false)
            .setRangeOptions(RangeParameters.NO_RANGE)
            .getIPv4AddressParametersBuilder()
                .allow_inet_aton(false)
                .allowLeadingZeros(false)
                .allowUnlimitedLeadingZeros(false)
                .allowBinary(false)
                .getParentBuilder()
            .getIPv6AddressParametersBuilder()
                .allowZone(false)
                .allowBinary(false)
                .allowBase85(false)
                .allowUnlimitedLeadingZeros(false)
                .getEmbeddedIPv4AddressParametersBuilder()
                    .allow_inet_aton(false)
                    .allowLeadingZeros(false)
                    .allowUnlimitedLeadingZeros(false)
                    .allowBinary(false)
                    .setRangeOptions(RangeParameters.NO_RANGE)
                    .getEmbeddedIPv4AddressParentBuilder()
                .getParentBuilder()
            .toParams();

    /** A dotted part with a leading zero (010, 00), where dotted parts stand: at the start, after ':' or '.'. */
    private static final Pattern DOTTED_LEADING_ZERO = Pattern.compile("(?:^|[.:])(0[0-9]+)(?=\\.|/|$)");
    /** A colon-separated group of five or more hex digits. */
    private static final Pattern LONG_GROUP = Pattern.compile("(?:^|:)([0-9A-Fa-f]{5,})(?=:|/|$)");
    /** A longer echo of the input than this is cut short in messages. */
    private static final int ECHO_LIMIT = 60;

    private Parsing() {
    }

    /** What a text holds: the address as written (no mask applied) and the prefix length, if one was given. */
    record Parsed(IPAddress address, Integer prefixLength) {
    }

    static Parsed parse(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new InvalidAddressException(what + " is empty");
        }
        String trimmed = text.strip();
        if (trimmed.startsWith("/")) {
            throw new InvalidAddressException(quote(trimmed) + " has no address before the prefix length");
        }
        foreignCharacter(trimmed, false).ifPresent(reason -> {
            throw invalid(trimmed, what, reason);
        });
        IPAddressString string = new IPAddressString(trimmed, STRICT);
        IPAddress address;
        try {
            string.validate();
            address = string.toHostAddress();
        } catch (AddressStringException e) {
            throw invalid(trimmed, what, reason(trimmed, e));
        } catch (IncompatibleAddressException e) {
            // a form the library reads but cannot make one value of
            throw invalid(trimmed, what, "it is not an IPv4 or IPv6 address");
        }
        if (address == null) {
            throw invalid(trimmed, what, "it is not an IPv4 or IPv6 address");
        }
        if (address.isMultiple()) {
            throw new InvalidAddressException(quote(trimmed) + " is not a single " + what);
        }
        int slash = trimmed.indexOf('/');
        if (slash < 0) {
            return new Parsed(address.withoutPrefixLength(), null);
        }
        String suffix = trimmed.substring(slash + 1);
        IPAddress mask = string.getMask();
        if (mask == null) {
            if (suffix.length() > 1 && suffix.charAt(0) == '0') {
                throw invalid(trimmed, what, "the prefix length has a leading zero (" + shortPart(suffix) + "); write /"
                        + shortPart(suffix.replaceFirst("^0+(?=.)", "")));
            }
            return new Parsed(address.withoutPrefixLength(), string.getNetworkPrefixLength());
        }
        Integer netmask = mask.getBlockMaskPrefixLength(true);
        if (netmask == null) {
            Integer hostmask = mask.getBlockMaskPrefixLength(false);
            String shown = mask.withoutPrefixLength().toCanonicalString();
            if (hostmask != null) {
                Ip ip = Ip.of(address.withoutPrefixLength());
                throw invalid(trimmed, what, shown + " is not a netmask (a netmask has its one-bits first); as a host "
                        + "mask (wildcard) it means /" + hostmask + ": write " + Cidr.containing(ip, hostmask));
            }
            throw invalid(trimmed, what, shown + " is not a netmask (a netmask has its one-bits first, like "
                    + (mask.isIPv4() ? "255.255.255.0" : "ffff:ffff:ffff:ffff::") + ")");
        }
        return new Parsed(address.withoutPrefixLength(), netmask);
    }

    /**
     * The first character outside printable ASCII (a space only where {@code spaces} allows it, as between the
     * bytes of a MAC), which no address or MAC has, named: the library would drop
     * control characters at either end ("\u0000" + "10.0.0.1" read as 10.0.0.1), and Unicode digits are not digits
     * of an address.
     */
    static Optional<String> foreignCharacter(String text, boolean spaces) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if ((c <= ' ' && !(spaces && c == ' ')) || c >= 0x7f) {
                String code = String.format(Locale.ROOT, "U+%04X", c);
                return Optional.of(c == ' ' ? "it has a space in it"
                        : "it has the character " + (printable(c) ? code + " (" + Character.toString(c) + ")" : code)
                        + ", which is not part of any address");
            }
        }
        return Optional.empty();
    }

    private static InvalidAddressException invalid(String trimmed, String what, String reason) {
        return new InvalidAddressException(quote(trimmed) + " is not a valid " + what + ": " + reason);
    }

    /** The library's reason without its echo of the input ("10.0.0.0/33 IP Address error: ..."), in plain words. */
    static String reason(String text, AddressStringException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int error = message.indexOf("error: ");
        String reason = (error >= 0 ? message.substring(error + "error: ".length()) : message)
                .toLowerCase(Locale.ROOT);
        int slash = text.indexOf('/');
        String address = slash >= 0 ? text.substring(0, slash) : text;
        boolean v6 = address.contains(":");
        if (reason.contains("starts with zero") || reason.contains("leading zero")) {
            Matcher zero = DOTTED_LEADING_ZERO.matcher(address);
            if (zero.find()) {
                return (v6 ? "the IPv4 part has" : "a part has") + " a leading zero (" + shortPart(zero.group(1))
                        + "); octal is not accepted";
            }
            return "a part starts with 0; write decimal parts without leading zeros (octal and hex are not accepted)";
        }
        if (reason.contains("segment too long") || reason.contains("too many digits")) {
            Matcher group = LONG_GROUP.matcher(address);
            if (v6 && group.find()) {
                return "a group has more than four hex digits (" + shortPart(group.group(1)) + ")";
            }
            return "it is not an IPv4 or IPv6 address";
        }
        if (reason.contains("prefix bit-length") || reason.contains("prefix length")) {
            String suffix = slash >= 0 ? text.substring(slash + 1) : "";
            if (suffix.isEmpty()) {
                return "nothing follows the '/'; give a prefix length (/24) or a netmask (/255.255.255.0)";
            }
            if (suffix.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return "the prefix length must be at most 32 for IPv4 and 128 for IPv6";
            }
            return "what follows the '/' (" + quote(suffix) + ") is neither a prefix length nor a netmask of the "
                    + "same IP version";
        }
        if (reason.contains("segment value missing")) {
            return "a part is empty";
        }
        if (reason.contains("less than four segments") || reason.contains("ipv4 address has too many segments")) {
            return "an IPv4 address has four parts";
        }
        if (reason.contains("too many segments")) {
            return "it has too many parts";
        }
        if (reason.contains("too few segments")) {
            return "it has too few parts";
        }
        if (reason.contains("compressed address is ambiguous")) {
            return "'::' may stand only once";
        }
        if (reason.contains("single colon")) {
            return "an IPv6 address cannot start or end with a single ':'";
        }
        if (reason.contains("position of ipv6 separator")) {
            return "a ':' is out of place";
        }
        if (reason.contains("invalid decimal digit")) {
            return "an IPv4 part has a character that is not a decimal digit";
        }
        if (reason.contains("wildcard")) {
            return "wildcards and zones (*, _, %) are not accepted";
        }
        if (reason.contains("range segments")) {
            return "ranges (-) are not accepted; give one address or a CIDR";
        }
        if (reason.startsWith("ipv4 segment too large")) {
            return reason;
        }
        return "it is not an IPv4 or IPv6 address";
    }

    /** A part of the input as a message shows it: a long run cut short. */
    private static String shortPart(String part) {
        return part.length() <= 12 ? part : part.substring(0, 8) + "\u2026 (" + part.length() + " characters)";
    }

    /**
     * The input as a message shows it, in single quotes: control, format and separator characters (ESC, CR, LF,
     * U+202E...) written as escapes, so a message stays one harmless line; a long input cut short.
     */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("'");
        int shown = 0;
        int count = text.codePointCount(0, text.length());
        for (int i = 0; i < text.length() && shown < ECHO_LIMIT; shown++) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            out.append(printable(c) ? Character.toString(c) : escape(c));
        }
        if (shown < count) {
            out.append("\u2026 (").append(count).append(" characters)");
        }
        return out.append('\'').toString();
    }

    private static boolean printable(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> false;
            default -> true;
        };
    }

    private static String escape(int c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> c <= 0xFFFF ? String.format(Locale.ROOT, "\\u%04x", c) : String.format(Locale.ROOT, "\\U%08x", c);
        };
    }
}
