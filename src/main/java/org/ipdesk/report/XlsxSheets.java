package org.ipdesk.report;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes tables into XLSX sheets for the report and the address list: a bold, frozen header; numbers as numbers
 * (counts beyond 2^53, which a spreadsheet's doubles cannot hold exactly, as exact decimal text); percentages with
 * two decimals; instants as dates; every text cell {@linkplain SpreadsheetText#neutralise neutralised} and
 * {@linkplain #fit cut} to what a cell holds.
 */
public final class XlsxSheets {
    /** The largest count a spreadsheet number holds exactly. */
    private static final BigInteger EXACT = BigInteger.ONE.shiftLeft(53);
    /** The most characters a cell holds (Excel's limit; a longer one makes it repair the file and drop content). */
    static final int MAX_CELL = 32_767;

    private XlsxSheets() {
    }

    public static Workbook workbook(java.io.OutputStream out) {
        return new Workbook(out, "IPDesk", "1.0");
    }

    /** Writes one sheet; returns the number of rows written so far (for progress across sheets). */
    public static long table(Workbook workbook, String name, List<String> headers, List<List<Object>> rows,
                      ExportMonitor monitor, long done, long total) {
        Worksheet sheet = workbook.newWorksheet(name);
        for (int c = 0; c < headers.size(); c++) {
            sheet.value(0, c, headers.get(c));
            sheet.style(0, c).bold().set();
        }
        sheet.freezePane(0, 1);
        int r = 1;
        for (List<Object> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                cell(sheet, r, c, row.get(c));
            }
            r++;
            monitor.step(++done, total);
        }
        return done;
    }

    /**
     * The text when a cell holds it, else its start and a mark saying how long it was: "... [cut: 40,000 characters
     * in all]", {@value #MAX_CELL} characters together. Only older data can be that long: no field takes more than
     * 1,000 characters now.
     */
    static String fit(String text) {
        if (text.length() <= MAX_CELL) {
            return text;
        }
        String mark = String.format(java.util.Locale.ROOT, "... [cut: %,d characters in all]", text.length());
        int end = MAX_CELL - mark.length();
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + mark;
    }

    static void cell(Worksheet sheet, int r, int c, Object value) {
        if (value instanceof BigInteger i) {
            if (i.abs().compareTo(EXACT) <= 0) {
                sheet.value(r, c, i.longValue());
            } else {
                sheet.value(r, c, i.toString());
            }
        } else if (value instanceof BigDecimal d) {
            sheet.value(r, c, d);
            sheet.style(r, c).format("0.00").set();
        } else if (value instanceof Number n) {
            sheet.value(r, c, n);
        } else if (value instanceof Instant instant) {
            sheet.value(r, c, java.time.LocalDateTime.ofInstant(instant, java.time.ZoneOffset.UTC));
            sheet.style(r, c).format("yyyy-mm-dd hh:mm:ss").set();
        } else {
            String text = String.valueOf(value);
            if (!text.isEmpty()) {
                sheet.value(r, c, fit(SpreadsheetText.neutralise(text)));
            }
        }
    }
}
