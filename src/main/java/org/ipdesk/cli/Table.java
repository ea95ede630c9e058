package org.ipdesk.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A plain-text table: upper-case headers, columns two spaces apart, numbers right-aligned, no trailing blanks. Every
 * cell goes through {@link TerminalText#cell}: escaped, and at most {@value TerminalText#MAX_CELL} characters wide
 * (a longer one is cut and ends in "..."), so one long value never pads every row of the table.
 */
final class Table {
    private final List<String> headers;
    private final Set<Integer> right = new HashSet<>();
    private final List<List<String>> rows = new ArrayList<>();

    Table(String... headers) {
        this.headers = List.of(headers);
    }

    /** Right-aligns the given columns (0-based). */
    Table alignRight(int... columns) {
        for (int c : columns) {
            right.add(c);
        }
        return this;
    }

    Table row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException(headers.size() + " cells expected, not " + cells.length);
        }
        List<String> row = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            row.add(cell == null ? "" : TerminalText.cell(cell.toString()));
        }
        rows.add(row);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void print(PrintWriter out) {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = headers.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        printRow(out, headers, widths);
        for (List<String> row : rows) {
            printRow(out, row, widths);
        }
    }

    private void printRow(PrintWriter out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - cell.length());
            if (c > 0) {
                line.append("  ");
            }
            line.append(right.contains(c) ? pad + cell : cell + pad);
        }
        out.println(line.toString().stripTrailing());
    }
}
