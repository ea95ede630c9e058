package org.ipdesk.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Random;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.ImportPlan;
import org.ipdesk.store.Database;

/** Fixtures of the import tests. */
final class ImportTestSupport {
    private ImportTestSupport() {
    }

    static Allocator open(Path file) {
        return new Allocator(Database.open(file), Clock.fixed(Instant.parse("2026-11-27T09:00:00Z"), ZoneOffset.UTC),
                "alice", new Random(3));
    }

    static Path fixture(String name) {
        try {
            return Path.of(ImportTestSupport.class.getResource("/import/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static CsvImport.ParsedFile read(String name) {
        return CsvImport.read(fixture(name), Optional.empty());
    }

    /** Previews and applies a fixture; fails when the preview has a problem. */
    static ImportPlan.Applied importFixture(Allocator allocator, String name) {
        ImportPlan plan = CsvImport.preview(allocator, read(name));
        if (!plan.canApply()) {
            throw new AssertionError(name + ": " + plan.problems());
        }
        return allocator.applyImport(plan);
    }

    static void write(Path file, String text) {
        try {
            java.nio.file.Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
