package org.ipdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.dev.DatasetGenerator;
import org.ipdesk.model.Usage;
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
 * Utilisation of every subnet, {@code Allocator.usageBySubnet()}, in a database of 10,000 subnets and
 * 1,000,000 addresses made by the generator ({@code dev generate --subnets 10000 --addresses 1000000}).
 * Building it takes about half a minute, so it is kept as {@code target/bench-usage-10k-1m.db} (folder
 * overridable with {@code -Dipdesk.bench.dir=...}) and reused when present; it is only read.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(1)
public class UsageBenchmark {
    static final int SUBNETS = 10_000;
    static final long ADDRESSES = 1_000_000;

    private Allocator allocator;

    @Setup(Level.Trial)
    public void open() throws IOException {
        Path folder = Path.of(System.getProperty("ipdesk.bench.dir", "target")).toAbsolutePath();
        Path file = folder.resolve("bench-usage-10k-1m.db");
        if (!Files.exists(file)) {
            Files.createDirectories(folder);
            Path building = folder.resolve("bench-usage-10k-1m.db.building");
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(Path.of(building + suffix));
            }
            long started = System.nanoTime();
            try (DatasetGenerator generator = DatasetGenerator.open(Location.of(building))) {
                generator.generate(new DatasetGenerator.Plan(SUBNETS, ADDRESSES, SUBNETS / 20, 1), line -> { });
            }
            Files.move(building, file, StandardCopyOption.ATOMIC_MOVE);
            System.out.printf("%nbuilt %s in %.1f s%n", file, (System.nanoTime() - started) / 1e9);
        } else {
            System.out.printf("%nreusing %s%n", file);
        }
        allocator = Allocator.open(Location.of(file));
        Map<Long, Usage> all = allocator.usageBySubnet();
        if (all.size() != SUBNETS) {
            throw new IllegalStateException(file + " has " + all.size() + " subnets, not " + SUBNETS
                    + "; delete it to rebuild");
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        allocator.close();
    }

    @Benchmark
    public Map<Long, Usage> usageBySubnet() {
        return allocator.usageBySubnet();
    }
}
