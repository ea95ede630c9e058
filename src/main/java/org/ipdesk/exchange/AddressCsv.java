package org.ipdesk.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import org.ipdesk.report.CsvReport;
import org.ipdesk.report.ExportMonitor;
import org.ipdesk.report.SpreadsheetText;

/**
 * An address list as CSV (UTF-8, header line, columns {@link AddressList#HEADERS}); times in ISO-8601 UTC; text
 * cells {@linkplain SpreadsheetText#neutralise neutralised}.
 */
public final class AddressCsv {
    public void write(AddressList list, OutputStream out, ExportMonitor monitor) throws IOException {
        List<List<Object>> rows = list.entries().stream().map(e -> list.cells(e).stream()
                .map(v -> v instanceof Instant i ? (Object) i.toString() : v).toList()).toList();
        CsvReport.writeTable(AddressList.HEADERS, rows, out, monitor);
    }
}
