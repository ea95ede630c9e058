package org.ipdesk.report;

/**
 * Guards against spreadsheet formula injection (CSV injection): a spreadsheet treats a cell starting with
 * {@code =}, {@code +}, {@code -} or {@code @} (and, after a tab or carriage return, the same) as a formula, so a
 * host name like {@code =HYPERLINK(...)} could run when someone opens the export. Every text cell of the CSV and
 * XLSX exports goes through {@link #neutralise}. IP addresses, CIDRs and MAC addresses never start with those
 * characters, so they are written unchanged; numbers are written as numbers, not through here.
 */
public final class SpreadsheetText {
    private SpreadsheetText() {
    }

    /** The text with a single quote in front when it starts with = + - @ tab or carriage return; else unchanged. */
    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
