package org.ipdesk.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Writes a usage report in one format. Reports its rows to the monitor, which may cancel. */
@FunctionalInterface
public interface UsageExporter {
    void write(UsageReport report, OutputStream out, ExportMonitor monitor) throws IOException;

    /**
     * What this format cannot show faithfully of {@code report}, one sentence each (no "warning:" prefix), for the
     * command line and the window to pass on; empty when the file shows everything.
     */
    default List<String> warnings(UsageReport report) {
        return List.of();
    }
}
