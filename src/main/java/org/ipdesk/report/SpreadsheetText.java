package org.ipdesk.report;

/**
 * Guards against spreadsheet formula injection (CSV injection): a spreadsheet treats a cell starting with
 * {@code =}, {@code +}, {@code -} or {@code @} (and, after a tab or carriage return, the same) as a formula, so a
 * host name like {@code =HYPERLINK(...)} could run when someone opens the export. Every text cell of the CSV and
 * XLSX exports goes through {@link #neutralise}. IP addresses, CIDRs and MAC addresses never start with those
 * characters, so they are written unchanged; numbers are written as numbers, not through here.
 * <p>The guard is undone exactly by {@link #restore}, which IPDesk's own import applies: a text that starts with a
 * single quote gets one more in front too, so a cell that starts with {@code '} followed by one of
 * {@code = + - @ '} tab or carriage return is always IPDesk's guard, never the user's text.
 */
public final class SpreadsheetText {
    private SpreadsheetText() {
    }

    /** The text with a single quote in front when it starts with = + - @ ' tab or carriage return; else unchanged. */
    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        return guarded(text.charAt(0)) ? "'" + text : text;
    }

    /**
     * Undoes {@link #neutralise}: a text that starts with {@code '} followed by = + - @ ' tab or carriage return
     * loses that first quote; any other text is returned as it is. {@code restore(neutralise(x))} is {@code x}.
     */
    public static String restore(String text) {
        if (text == null || text.length() < 2 || text.charAt(0) != '\'' || !guarded(text.charAt(1))) {
            return text == null ? "" : text;
        }
        return text.substring(1);
    }

    private static boolean guarded(char first) {
        return switch (first) {
            case '=', '+', '-', '@', '\t', '\r', '\'' -> true;
            default -> false;
        };
    }
}
