package org.ipdesk.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats of the usage report. */
public enum ReportFormat {
    CSV(new CsvReport()),
    XLSX(new XlsxReport()),
    PDF(new PdfReport()),
    HTML(new HtmlReport()),
    JSON(new JsonReport());

    private final UsageExporter exporter;

    ReportFormat(UsageExporter exporter) {
        this.exporter = exporter;
    }

    public UsageExporter exporter() {
        return exporter;
    }

    /** "csv", as typed on the command line and used as the file extension. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses csv, xlsx, pdf, html or json (any case); a clear message names them otherwise. */
    public static ReportFormat parse(String text) {
        for (ReportFormat f : values()) {
            if (f.label().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return f;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a report format ("
                + Arrays.stream(values()).map(ReportFormat::label).collect(Collectors.joining(", ")) + ")");
    }
}
