package org.ipdesk.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The usage report as a workbook: sheets Subnets, Networks, Totals, Fullest and Over threshold (the columns of
 * {@link CsvReport}), and About (date, database, network, thresholds).
 */
public final class XlsxReport implements UsageExporter {
    @Override
    public void write(UsageReport report, OutputStream out, ExportMonitor monitor) throws IOException {
        Workbook workbook = XlsxSheets.workbook(out);
        long total = report.rowCount() + report.fullest().size() + report.overThreshold().size();
        long done = XlsxSheets.table(workbook, "Subnets", UsageColumns.HEADERS,
                report.subnets().stream().map(UsageColumns::subnet).toList(), monitor, 0, total);
        done = XlsxSheets.table(workbook, "Networks", UsageColumns.HEADERS,
                report.networks().stream().map(UsageColumns::total).toList(), monitor, done, total);
        done = XlsxSheets.table(workbook, "Totals", UsageColumns.HEADERS,
                report.totals().stream().map(UsageColumns::total).toList(), monitor, done, total);
        done = XlsxSheets.table(workbook, "Fullest", UsageColumns.HEADERS,
                report.fullest().stream().map(UsageColumns::subnet).toList(), monitor, done, total);
        XlsxSheets.table(workbook, "Over threshold", UsageColumns.HEADERS,
                report.overThreshold().stream().map(UsageColumns::subnet).toList(), monitor, done, total);
        Worksheet about = workbook.newWorksheet("About");
        List<List<Object>> facts = List.of(
                List.of("Report", "IPDesk usage report"),
                List.of("Date", Figures.date(report.generatedAt())),
                List.of("Database", report.databaseName()),
                List.of("Network", report.network().orElse("all networks")),
                List.of("Warning at (%)", report.thresholds().warn()),
                List.of("Critical at (%)", report.thresholds().critical()));
        for (int r = 0; r < facts.size(); r++) {
            about.value(r, 0, (String) facts.get(r).get(0));
            about.style(r, 0).bold().set();
            XlsxSheets.cell(about, r, 1, facts.get(r).get(1));
        }
        about.width(0, 18);
        about.width(1, 40);
        workbook.finish();
    }
}
