package org.ipdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.ImportPlan;
import org.ipdesk.exchange.CsvImport;
import org.ipdesk.store.Location;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A 100,000-address import into a fresh database, end to end as {@code ipdesk import FILE} runs it: read and
 * parse the CSV (IPDesk's mixed layout: one subnet row, a /15, then 100,000 address rows with host name, MAC,
 * owner and description), preview every row (a rolled-back rehearsal), and apply it as one transaction. The CSV
 * is written once per trial; every invocation gets a new empty database file (created untimed).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class ImportBenchmark {
    static final int ADDRESSES = 100_000;

    private Path folder;
    private Path csv;
    private Allocator allocator;
    private int round;

    @Setup(Level.Trial)
    public void writeCsv() throws IOException {
        folder = Files.createTempDirectory("ipdesk-bench-import-");
        csv = folder.resolve("addresses.csv");
        StringBuilder text = new StringBuilder(ADDRESSES * 80);
        text.append("kind,network,cidr,name,ip,status,hostname,mac,owner,description\n");
        text.append("subnet,bench,10.64.0.0/15,import,,,,,,\n");
        for (int i = 0; i < ADDRESSES; i++) {
            int n = i + 1;
            text.append("address,bench,10.64.0.0/15,,10.").append(64 + (n >> 16)).append('.').append((n >> 8) & 255)
                    .append('.').append(n & 255).append(',').append(i % 10 == 0 ? "reserved" : "allocated")
                    .append(",host-").append(i).append(String.format(",02:00:00:%02x:%02x:%02x", (i >> 16) & 255,
                            (i >> 8) & 255, i & 255)).append(",team-").append(i % 8).append(",imported row ")
                    .append(i).append('\n');
        }
        Files.writeString(csv, text);
    }

    @Setup(Level.Invocation)
    public void freshDatabase() {
        allocator = Allocator.open(Location.of(folder.resolve("import-" + (round++) + ".db")));
    }

    @TearDown(Level.Invocation)
    public void closeDatabase() {
        long held = allocator.addressCount();
        allocator.close();
        if (held != ADDRESSES) {
            throw new IllegalStateException("the import left " + held + " addresses, not " + ADDRESSES);
        }
    }

    @Benchmark
    public ImportPlan.Applied parsePreviewApply() {
        CsvImport.ParsedFile parsed = CsvImport.read(csv, Optional.empty());
        ImportPlan plan = CsvImport.preview(allocator, parsed);
        if (!plan.canApply()) {
            throw new IllegalStateException(plan.problems().get(0).describe());
        }
        return allocator.applyImport(plan);
    }

    @TearDown(Level.Trial)
    public void removeFolder() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
