package org.ipdesk.cli;

import org.ipdesk.model.TextFields;

/**
 * The one escaper of what the command line prints as text: every table cell and every message with a value in it.
 * A database written before the field rules ({@link TextFields}) may hold characters a terminal acts on (ESC starts
 * colour codes, window-title changes, clear-screen and OSC 8 links; CR overwrites a line; U+202E reverses the text
 * after it); here each of them becomes visible text:
 * <ul>
 *   <li>a newline, carriage return and tab as {@code \n}, {@code \r}, {@code \t};</li>
 *   <li>every other character no field takes ({@link TextFields#isRefused}) as {@code \}{@code uXXXX}, one per UTF-16
 *       unit: ESC as {@code \}{@code u001b}, U+202E as {@code \}{@code u202e};</li>
 *   <li>a backslash as {@code \\}, so that an escape is never confused with text that looks like one.</li>
 * </ul>
 * Everything else is printed as it is. JSON output does not come through here: it keeps exact values, and its writer
 * escapes the same characters the JSON way ({@link Json}).
 */
public final class TerminalText {
    /** The widest a table cell gets; a longer one is cut and ends in {@link #CUT}. */
    static final int MAX_CELL = 60;
    static final String CUT = "...";
    /** The longest message the error handlers print; a longer one is cut, saying how long it was. */
    static final int MAX_MESSAGE = 1_000;

    private TerminalText() {
    }

    /** The text with every character a terminal could act on made visible, and backslashes doubled. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        if (isPlain(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int n = Character.charCount(c);
            if (c == '\\') {
                out.append("\\\\");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (TextFields.isRefused(c)) {
                for (int k = i; k < i + n; k++) {
                    out.append(String.format("\\u%04x", (int) text.charAt(k)));
                }
            } else {
                out.append(text, i, i + n);
            }
            i += n;
        }
        return out.toString();
    }

    /** A table cell: escaped, and cut to {@link #MAX_CELL} characters with {@link #CUT} at the end when longer. */
    static String cell(String text) {
        String escaped = escape(text);
        if (escaped.length() <= MAX_CELL) {
            return escaped;
        }
        int end = MAX_CELL - CUT.length();
        if (Character.isHighSurrogate(escaped.charAt(end - 1))) {
            end--;
        }
        return escaped.substring(0, end) + CUT;
    }

    /**
     * A value echoed inside a sentence, in single quotes: escaped and cut as a {@linkplain #cell table cell} is, and
     * when cut followed by its full length, so a pasted page of text stays one short line.
     */
    static String quoted(String text) {
        String escaped = escape(text);
        String cell = cell(text);
        return cell.length() == escaped.length() ? "'" + cell + "'"
                : String.format(java.util.Locale.ROOT, "'%s' (%,d characters)", cell, text.length());
    }

    /** A message for the error stream: escaped, and cut at {@link #MAX_MESSAGE} characters, naming its full length. */
    public static String message(String text) {
        String escaped = escape(text);
        if (escaped.length() <= MAX_MESSAGE) {
            return escaped;
        }
        int end = MAX_MESSAGE;
        if (Character.isHighSurrogate(escaped.charAt(end - 1))) {
            end--;
        }
        return escaped.substring(0, end) + String.format(java.util.Locale.ROOT, "%s (%,d characters)", CUT,
                text.length());
    }

    private static boolean isPlain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == '\\' || c >= 0x7f && (c <= 0x9f || c >= 0x2028 && TextFields.isRefused(c)
                    || Character.isSurrogate(c))) {
                return false;
            }
        }
        return true;
    }
}
