package org.ipdesk.report;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a usage report in one format. Reports its rows to the monitor, which may cancel. */
@FunctionalInterface
public interface UsageExporter {
    void write(UsageReport report, OutputStream out, ExportMonitor monitor) throws IOException;
}
