package org.ipdesk.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The usage report as one CSV table (UTF-8, comma, header line): a line per subnet ({@code kind} subnet), then per
 * network and IP version ({@code network}), then per IP version ({@code total}). Counts are exact decimal integers;
 * text cells are {@linkplain SpreadsheetText#neutralise neutralised}.
 */
public final class CsvReport implements UsageExporter {
    @Override
    public void write(UsageReport report, OutputStream out, ExportMonitor monitor) throws IOException {
        writeTable(UsageColumns.HEADERS, UsageColumns.all(report), out, monitor);
    }

    /** Writes a header and rows; shared with the address export. */
    public static void writeTable(List<String> headers, List<List<Object>> rows, OutputStream out, ExportMonitor monitor)
            throws IOException {
        OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get().print(writer);
        printer.printRecord(headers);
        long done = 0;
        for (List<Object> row : rows) {
            printer.printRecord(row.stream().map(CsvReport::cell).toList());
            monitor.step(++done, rows.size());
        }
        printer.flush();
    }

    private static String cell(Object value) {
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        return SpreadsheetText.neutralise(String.valueOf(value));
    }
}
