package org.ipdesk.model;

import java.util.Locale;
import java.util.Optional;

/**
 * What the free-text fields take: which characters and how many. One rule for every entry point (the command
 * line, the dialogs, the import), so each refuses the same value with the same message.
 *
 * <p>Every field is one line of printable text: the dialogs edit each of them in a single-line text field, so no
 * field takes a line break. Refused anywhere in a value: control characters (Unicode category Cc: NUL, ESC, BEL,
 * CR, LF, tab, DEL, the C1 controls), the bidirectional embeddings, overrides and isolates (U+202A-U+202E,
 * U+2066-U+2069), which reorder the text shown around them, the line and paragraph separators (U+2028, U+2029),
 * unpaired surrogates and noncharacters (U+FDD0-U+FDEF and the last two code points of every plane). Everything
 * else printable is taken: letters and digits of any script, punctuation, symbols, emoji (with their joiners).
 * Host names follow the DNS rules of {@link Hostnames}, after this character check.
 *
 * <p>Lengths count characters (code points), after leading and trailing white space is stripped, as stored.
 */
public final class TextFields {

    /**
     * The free-text fields and their limits. Why these numbers: a name is shown in the tree, the grid's header
     * and every table, so 100 keeps it readable (and was the network name's limit already); an owner is a person,
     * a team or an e-mail address, and 254 characters hold any e-mail address (RFC 5321 caps a path at 256 with
     * its angle brackets); a host name is a DNS name, at most 253 characters (RFC 1035, without the final dot);
     * a description is a sentence or a short paragraph, and 1,000 characters keep every export cell, table and
     * report far below the 32,767 characters a spreadsheet cell takes.
     */
    public enum Field {
        NETWORK_NAME("network name", 100),
        NETWORK_DESCRIPTION("network description", 1_000),
        SUBNET_NAME("subnet name", 100),
        SUBNET_DESCRIPTION("subnet description", 1_000),
        RANGE_DESCRIPTION("range description", 1_000),
        HOSTNAME("host name", 253),
        OWNER("owner", 254),
        DESCRIPTION("description", 1_000);

        private final String label;
        private final int limit;

        Field(String label, int limit) {
            this.label = label;
            this.limit = limit;
        }

        /** How messages name the field: "owner", "subnet name". */
        public String label() {
            return label;
        }

        /** The most characters the field takes. */
        public int limit() {
            return limit;
        }
    }

    /** The most characters of a typed text that a sentence quotes back: "No address matches “…”". */
    public static final int QUOTED = 60;

    private static final String[] C0_NAMES = {"NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "TAB",
        "LF", "VT", "FF", "CR", "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB",
        "ESC", "FS", "GS", "RS", "US"};

    private TextFields() {
    }

    /**
     * Why {@code value} cannot be stored in {@code field}, or empty when it can (an empty value always can):
     * "owner contains a control character (U+001B ESC) at position 4; remove it",
     * "description is 100,001 characters; the limit is 1,000". The value is never quoted, so the message stays
     * one short line whatever the value holds.
     */
    public static Optional<String> problem(Field field, String value) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (field == Field.HOSTNAME) {
            return Hostnames.problem(text);
        }
        Optional<String> characters = characterProblem(field.label(), text);
        if (characters.isPresent()) {
            return characters;
        }
        int length = text.codePointCount(0, text.length());
        if (length > field.limit()) {
            return Optional.of(tooLong(field.label(), length, field.limit()));
        }
        return Optional.empty();
    }

    /** The problem of the first character of {@code text} that no field takes, naming {@code what} and where it is. */
    public static Optional<String> characterProblem(String what, String text) {
        if (text == null) {
            return Optional.empty();
        }
        int position = 1;
        for (int i = 0; i < text.length(); position++) {
            int c = text.codePointAt(i);
            if (isRefused(c)) {
                return Optional.of(what + " contains " + kind(c) + " (" + describe(c) + ") at position " + position
                        + "; remove it");
            }
            i += Character.charCount(c);
        }
        return Optional.empty();
    }

    /**
     * A typed or pasted text as a sentence quotes it back: whole when it has at most {@link #QUOTED} characters,
     * else its first {@link #QUOTED} and "… (1,200 characters)", so a pasted page does not become a page of message.
     */
    public static String shortened(String text) {
        return shortened(text, QUOTED);
    }

    /** {@link #shortened(String)} with another limit than {@link #QUOTED}. */
    public static String shortened(String text, int max) {
        int count = text.codePointCount(0, text.length());
        if (count <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max))
                + String.format(Locale.ROOT, "\u2026 (%,d characters)", count);
    }

    /** "description is 100,001 characters; the limit is 1,000". */
    public static String tooLong(String what, long length, int limit) {
        return String.format(Locale.ROOT, "%s is %,d characters; the limit is %,d", what, length, limit);
    }

    /**
     * Whether no field takes this code point: a control character, a bidirectional embedding, override or isolate,
     * a line or paragraph separator, a surrogate (a paired one never reaches here: pairs are read as one code point)
     * or a noncharacter.
     */
    public static boolean isRefused(int c) {
        return Character.getType(c) == Character.CONTROL
                || isBidiControl(c)
                || c == 0x2028 || c == 0x2029
                || Character.getType(c) == Character.SURROGATE
                || isNoncharacter(c);
    }

    private static boolean isBidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    private static boolean isNoncharacter(int c) {
        return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
    }

    private static String kind(int c) {
        if (Character.getType(c) == Character.CONTROL) {
            return "a control character";
        }
        if (isBidiControl(c)) {
            return "a text-direction control";
        }
        if (c == 0x2028 || c == 0x2029) {
            return "a line break";
        }
        if (Character.getType(c) == Character.SURROGATE) {
            return "an unpaired surrogate";
        }
        return "a noncharacter";
    }

    /** "U+001B ESC", "U+202E RIGHT-TO-LEFT OVERRIDE", "U+FFFE". */
    public static String describe(int c) {
        String code = String.format(Locale.ROOT, "U+%04X", c);
        String name = c < C0_NAMES.length ? C0_NAMES[c] : c == 0x7F ? "DEL"
                : Character.getType(c) == Character.SURROGATE ? null : Character.getName(c);
        return name == null ? code : code + " " + name;
    }
}
