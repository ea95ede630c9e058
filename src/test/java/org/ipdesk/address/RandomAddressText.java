package org.ipdesk.address;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;

/**
 * Address-like text for random-input tests, from one seeded {@link Random} (a failure replays with its seed):
 * well-formed IPv4, IPv6 and embedded-IPv4 forms and CIDRs, and the same broken in the ways people and scripts
 * break them: leading zeros, five-digit groups, Unicode digits (Arabic-Indic, full-width...), control and format
 * characters, white space, bare prefixes, masks and host masks, empty parts, very long tokens, random bytes.
 */
public final class RandomAddressText {
    /** Digits that are not ASCII: Arabic-Indic, Extended Arabic-Indic, Devanagari, Bengali, full-width, Thai. */
    private static final int[] UNICODE_ZEROS = {0x0660, 0x06F0, 0x0966, 0x09E6, 0xFF10, 0x0E50, 0x1D7CE};
    private static final String[] ODD_CHARACTERS = {"\u0000", "\u0007", "\u0008", "\t", "\n", "\r", "\u001b",
        "\u001b[31m", "\u001b]0;x\u0007", "\u007f", "\u0085", "\u00a0", "\u200b", "\u200e", "\u202e", "\u2028",
        "\u3000", "\ufeff", "\ufffd", "\ud800", "\udc00", "\ud83d\ude00", "\uff0e", "\uff1a", "\uff0f", "\u3002",
        "%", "%eth0", "*", "-", "+", "_", "[", "]", "x", "0x", "#", ",", ";", " ", "//", "::", ":::", ".."};
    private static final String ALPHABET = "0123456789abcdefABCDEF.:/ %-*x";
    private static final String[] FIXED = {"", " ", "/", "//", ":", "::", ":::", ".", "..", "...", "/0", "/24",
        "/128", "0", "00", "0.0.0.0", "0.0.0.0/0", "::/0", "::/00", "0.0.0.0/00", "255.255.255.255/32",
        "::ffff:010.1.1.0/120", "64:ff9b::010.1.1.0/120", "2001:db8::00001", "10.1.1.0/0.0.0.255",
        "10.0.0.0/255.0.255.0", "10.0.0.0/024", "1::2::3", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::",
        "::1:2:3:4:5:6:7", "1:2:3:4::5:6:7:8", "::1.2.3", "::1.2.3.4.5", "1.2.3.4::", "::ffff:1.2.3.4/96",
        "1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:7:1.2.3.4", "[::1]", "fe80::1%eth0", "10.0.0.1%1", "0x0a.0.0.1",
        "012.1.1.1", "1.2.3", "1.2.3.4.5", "4294967295", "20010db8000000000000000000000001", "1.2.3.4/33",
        "::/129", "10.0.0.0/-1", "10.0.0.0/+8", "10.0.0.0/ 8", "10.0.0.0 /8", "10.0.0.0/8/8", "10.0.0.*",
        "10.0.0.1-5", "1-2::", "10.0.0.0/٢٤", "١٠.٠.٠.١", "１０.０.０.１", "::ffff:0.0.0.0/96", "::/ffff::",
        "2001:db8::/ffff:ffff::", "1.2.3.0/ffff::", "::/255.0.0.0", "4)+k&C#VzJ4br>0wv%Yp", "0:0:0:0:0:0:0:0/0"};

    private final Random random;

    public RandomAddressText(Random random) {
        this.random = random;
    }

    /** One input, of a randomly chosen kind. */
    public String next() {
        return switch (random.nextInt(14)) {
            case 0, 1 -> maybeMutate(ipv4(random.nextInt(5) == 0) + suffix(4));
            case 2, 3 -> maybeMutate(cidr(false));
            case 4, 5 -> maybeMutate(cidr(true));
            case 6 -> maybeMutate(ipv6(random.nextInt(3) == 0, random.nextInt(4) == 0) + suffix(6));
            case 7 -> FIXED[random.nextInt(FIXED.length)];
            case 8 -> mutate(FIXED[random.nextInt(FIXED.length)]);
            case 9 -> "/" + random.nextInt(140);
            case 10 -> randomChars(1 + random.nextInt(45));
            case 11 -> randomBytes(1 + random.nextInt(40));
            case 12 -> longToken();
            default -> mixed();
        };
    }

    /**
     * MAC-like text: EUI-48 or EUI-64 bytes (sometimes broadcast, all-zero or multicast) with colons, dashes, Cisco
     * dots or bare, any case, sometimes broken like {@link #next()} breaks addresses.
     */
    public String nextMac() {
        byte[] raw = new byte[random.nextInt(5) == 0 ? 8 : 6];
        switch (random.nextInt(8)) {
            case 0 -> java.util.Arrays.fill(raw, (byte) -1);
            case 1 -> java.util.Arrays.fill(raw, (byte) 0);
            case 2 -> {
                random.nextBytes(raw);
                raw[0] |= 1;
            }
            default -> {
                random.nextBytes(raw);
                raw[0] &= (byte) ~1;
            }
        }
        StringBuilder hex = new StringBuilder();
        for (byte b : raw) {
            hex.append(String.format(Locale.ROOT, "%02x", b & 0xff));
        }
        String h = random.nextInt(3) == 0 ? hex.toString().toUpperCase(Locale.ROOT) : hex.toString();
        String text = switch (random.nextInt(4)) {
            case 0 -> h;
            case 1 -> h.replaceAll("(.{4})(?!$)", "$1.");
            default -> {
                String separator = random.nextBoolean() ? ":" : "-";
                StringBuilder out = new StringBuilder();
                for (int i = 0; i < h.length(); i += 2) {
                    String pair = h.substring(i, i + 2);
                    out.append(i == 0 ? "" : separator)
                            .append(pair.charAt(0) == '0' && random.nextInt(4) == 0 ? pair.substring(1) : pair);
                }
                yield out.toString();
            }
        };
        return random.nextInt(3) == 0 ? mutate(text) : text;
    }

    /** A well-formed CIDR with its host bits clear; IPv6 in a random text form. */
    private String cidr(boolean v6) {
        byte[] raw = new byte[v6 ? 16 : 4];
        random.nextBytes(raw);
        int bits = raw.length * 8;
        int prefix = random.nextInt(bits + 1);
        for (int bit = prefix; bit < bits; bit++) {
            raw[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        String address = v6 ? ipv6Text(raw, random.nextInt(4) == 0) : dotted(raw, false);
        String suffix = !v6 && random.nextInt(4) == 0 ? dotted(mask(prefix, 4, false), false)
                : v6 && random.nextInt(10) == 0 ? ipv6Text(mask(prefix, 16, false), false) : Integer.toString(prefix);
        return address + "/" + suffix;
    }

    private String ipv4(boolean leadingZero) {
        byte[] raw = new byte[4];
        random.nextBytes(raw);
        if (random.nextBoolean()) {
            raw[random.nextInt(4)] = 0;
        }
        return dotted(raw, leadingZero);
    }

    private String ipv6(boolean embedded, boolean broken) {
        byte[] raw = new byte[16];
        random.nextBytes(raw);
        for (int g = 0; g < 8; g++) {
            if (random.nextInt(3) == 0) {
                raw[2 * g] = 0;
                raw[2 * g + 1] = 0;
            }
        }
        if (embedded && random.nextBoolean()) {
            // the usual embeddings: IPv4-mapped ::ffff:0:0/96 and the NAT64 prefix 64:ff9b::/96
            byte[] head = random.nextBoolean() ? new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1}
                    : new byte[] {0, 0x64, -1, -101, 0, 0, 0, 0, 0, 0, 0, 0};
            System.arraycopy(head, 0, raw, 0, 12);
        }
        String text = ipv6Text(raw, embedded);
        if (broken) {
            // a group of five digits, or a dotted part with a leading zero
            text = text.contains(".") ? text.replaceFirst("([:.])(\\d{1,2})(?=\\.|$)", "$10$2")
                    : text.replaceFirst("(^|:)([0-9a-fA-F]{1,4})(?=:|$)", "$1" + "0".repeat(1 + random.nextInt(2)) + "$2");
        }
        return text;
    }

    /** An IPv6 address as RFC 4291 allows it: any zero run compressed or none, groups padded or not, any case. */
    private String ipv6Text(byte[] raw, boolean embedded) {
        int groups = embedded ? 6 : 8;
        int[] g = new int[groups];
        for (int i = 0; i < groups; i++) {
            g[i] = (raw[2 * i] & 0xff) << 8 | (raw[2 * i + 1] & 0xff);
        }
        int runStart = -1;
        int runLength = 0;
        if (random.nextInt(4) > 0) {
            // pick a random run of zero groups to compress (any run is allowed, not only the longest)
            int starts = 0;
            for (int i = 0; i < groups; i++) {
                if (g[i] == 0 && (i == 0 || g[i - 1] != 0 || random.nextInt(3) == 0)) {
                    starts++;
                    if (random.nextInt(starts) == 0) {
                        runStart = i;
                    }
                }
            }
            if (runStart >= 0) {
                while (runStart + runLength < groups && g[runStart + runLength] == 0
                        && (runLength == 0 || random.nextInt(6) > 0)) {
                    runLength++;
                }
            }
        }
        boolean upper = random.nextInt(4) == 0;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < groups; i++) {
            if (i == runStart) {
                out.append(i == 0 ? "::" : ":");
                i += runLength - 1;
                continue;
            }
            String hex = Integer.toHexString(g[i]);
            int width = hex.length() + random.nextInt(5 - hex.length());
            hex = "0".repeat(width - hex.length()) + hex;
            out.append(upper ? hex.toUpperCase(Locale.ROOT) : hex);
            if (i < groups - 1 || embedded) {
                out.append(':');
            }
        }
        String text = out.toString();
        if (runStart >= 0 && runStart + runLength == groups && !embedded) {
            text = text.endsWith("::") ? text : text + ":";
        }
        if (embedded) {
            byte[] v4 = {raw[12], raw[13], raw[14], raw[15]};
            text = (runStart >= 0 && runStart + runLength == groups ? (text.endsWith("::") ? text : text + ":") : text)
                    + dotted(v4, false);
        }
        return text;
    }

    private String dotted(byte[] raw, boolean leadingZero) {
        StringBuilder out = new StringBuilder();
        int zeroAt = leadingZero ? random.nextInt(raw.length) : -1;
        for (int i = 0; i < raw.length; i++) {
            if (i > 0) {
                out.append('.');
            }
            out.append(i == zeroAt ? "0" : "").append(raw[i] & 0xff);
        }
        return out.toString();
    }

    private static byte[] mask(int prefix, int bytes, boolean host) {
        byte[] out = new byte[bytes];
        for (int bit = 0; bit < bytes * 8; bit++) {
            if ((bit < prefix) != host) {
                out[bit / 8] |= (byte) (0x80 >>> (bit % 8));
            }
        }
        return out;
    }

    /** Nothing, a prefix length (in range or not, with a leading zero), a netmask, a host mask or a broken suffix. */
    private String suffix(int version) {
        int bits = version == 4 ? 32 : 128;
        int bytes = bits / 8;
        return switch (random.nextInt(12)) {
            case 0, 1, 2, 3 -> "";
            case 4, 5 -> "/" + random.nextInt(bits + 1);
            case 6 -> "/" + (random.nextInt(bits + 20) - 5);
            case 7 -> "/0" + random.nextInt(bits);
            case 8 -> "/" + (version == 4 ? dotted(mask(random.nextInt(33), 4, false), false)
                    : ipv6Text(mask(random.nextInt(129), 16, false), false));
            case 9 -> "/" + (version == 4 ? dotted(mask(random.nextInt(33), 4, true), false)
                    : ipv6Text(mask(random.nextInt(129), 16, true), false));
            case 10 -> "/" + ipv4(false);
            default -> "/";
        };
    }

    private String maybeMutate(String text) {
        return random.nextBoolean() ? text : mutate(text);
    }

    /** The text with zero to three of: a changed, inserted, removed or doubled character, white space around. */
    private String mutate(String text) {
        String out = text;
        int changes = random.nextInt(4);
        for (int i = 0; i < changes; i++) {
            int at = out.isEmpty() ? 0 : random.nextInt(out.length() + 1);
            switch (random.nextInt(7)) {
                case 0 -> out = out.substring(0, at) + ODD_CHARACTERS[random.nextInt(ODD_CHARACTERS.length)]
                        + out.substring(at);
                case 1 -> out = unicodeDigit(out);
                case 2 -> out = at < out.length() ? out.substring(0, at) + out.substring(at + 1) : out;
                case 3 -> out = at < out.length() ? out.substring(0, at + 1) + out.substring(at) : out;
                case 4 -> out = out.substring(0, at) + ALPHABET.charAt(random.nextInt(ALPHABET.length()))
                        + out.substring(at);
                case 5 -> out = ODD_CHARACTERS[random.nextInt(ODD_CHARACTERS.length)] + out
                        + (random.nextBoolean() ? " " : "\t");
                default -> out = " " + out + " ";
            }
        }
        return out;
    }

    /** One ASCII digit replaced by the same digit of another script. */
    private String unicodeDigit(String text) {
        int digits = (int) text.chars().filter(c -> c >= '0' && c <= '9').count();
        if (digits == 0) {
            return text;
        }
        int which = random.nextInt(digits);
        StringBuilder out = new StringBuilder();
        for (int i = 0, seen = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9' && seen++ == which) {
                out.appendCodePoint(UNICODE_ZEROS[random.nextInt(UNICODE_ZEROS.length)] + (c - '0'));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private String randomChars(int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(random.nextInt(8) == 0 ? ODD_CHARACTERS[random.nextInt(ODD_CHARACTERS.length)]
                    : String.valueOf(ALPHABET.charAt(random.nextInt(ALPHABET.length()))));
        }
        return out.toString();
    }

    /** Random bytes read as UTF-8 (malformed sequences become U+FFFD) or as Latin-1. */
    private String randomBytes(int length) {
        byte[] raw = new byte[length];
        random.nextBytes(raw);
        return new String(raw, random.nextBoolean() ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    }

    private String longToken() {
        int n = 1_000 + random.nextInt(20_000);
        return switch (random.nextInt(6)) {
            case 0 -> "1".repeat(n);
            case 1 -> "1:".repeat(n) + "1";
            case 2 -> "1.".repeat(n) + "1";
            case 3 -> "10.0.0.0/" + "0".repeat(n) + "8";
            case 4 -> "::ffff:" + "0".repeat(n) + "1.2.3.4";
            default -> "0".repeat(n) + "::1/64";
        };
    }

    /** Mixed and misplaced IPv4 and IPv6 parts. */
    private String mixed() {
        String v4 = ipv4(random.nextInt(4) == 0);
        String v6 = ipv6(false, false);
        return switch (random.nextInt(8)) {
            case 0 -> v4 + ":" + v6;
            case 1 -> v6 + ":" + v4;
            case 2 -> v4 + "::";
            case 3 -> "::" + v4.substring(0, v4.lastIndexOf('.'));
            case 4 -> v6 + "." + (random.nextInt(300));
            case 5 -> v4 + "/" + v6;
            case 6 -> v6 + "/" + v4;
            default -> v4 + "." + random.nextInt(300);
        };
    }
}
