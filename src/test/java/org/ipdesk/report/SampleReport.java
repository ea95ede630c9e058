package org.ipdesk.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.SampleData;
import org.ipdesk.model.Usage;
import org.ipdesk.store.Location;

/** One sample database for all report tests (made once per test run), and helpers to write reports to bytes. */
final class SampleReport {
    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final String DATABASE = "sample.db";

    private static Allocator allocator;
    private static Map<Long, Usage> usage;

    private SampleReport() {
    }

    /** The sample database's allocator (kept open for the test run). */
    static synchronized Allocator allocator() {
        if (allocator == null) {
            try {
                Path dir = Files.createTempDirectory("ipdesk-report-test");
                dir.toFile().deleteOnExit();
                allocator = Allocator.open(Location.of(dir.resolve(DATABASE)));
                SampleData.create(allocator);
                usage = allocator.usageBySubnet();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return allocator;
    }

    /** The allocator's own figures, the reference every export is compared with. */
    static Map<Long, Usage> usage() {
        allocator();
        return usage;
    }

    static UsageReport report() {
        return UsageReport.build(allocator(), Optional.empty(), Thresholds.DEFAULT, NOW, DATABASE);
    }

    static byte[] bytes(UsageExporter exporter, UsageReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            exporter.write(report, out, ExportMonitor.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
