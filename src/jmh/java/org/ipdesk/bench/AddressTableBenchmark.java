package org.ipdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.ipdesk.store.Location;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.dev.DatasetGenerator;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.ui.TaskExecutor;
import org.ipdesk.ui.grid.AddressGridViewModel;
import org.ipdesk.ui.table.AddressTableRows;
import org.ipdesk.ui.table.AddressTableViewModel;
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
 * The address table on a /16 holding 60,000 allocated addresses (from the {@link DatasetGenerator}, with a
 * gateway and a DHCP range):
 * <ul>
 *   <li>{@code rows16}: the read the table does on the database executor, {@link AddressTableRows#read}, held
 *       addresses only (60,000 rows);</li>
 *   <li>{@code rowsWithFree16}: the same with the free addresses too (65,534 rows);</li>
 *   <li>{@code load16}: the view model's whole load (the read, then the rows into its list and the summary);</li>
 *   <li>{@code filter16}: the filter typed over the loaded 60,000 rows ("web-1") and cleared again.</li>
 * </ul>
 * No JavaFX toolkit is needed: the view model runs its read on the calling thread here. The table on screen is a
 * virtualised {@code TableView}: it lays out only the rows that show, whatever the count.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(1)
public class AddressTableBenchmark {
    static final int HELD = 60_000;

    private Path folder;
    private Allocator allocator;
    private Subnet slash16;
    private AddressTableViewModel table;

    /** Runs each job at once on the calling thread. */
    private static final TaskExecutor NOW = new TaskExecutor() {
        @Override
        public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        }
    };

    @Setup(Level.Trial)
    public void build() throws IOException {
        folder = Files.createTempDirectory("ipdesk-table-bench-");
        Path file = folder.resolve("table.db");
        try (Allocator seed = Allocator.open(Location.of(file))) {
            seed.createNetwork("bench", "");
            Subnet lan = seed.createSubnet("bench", SubnetSpec.of(Cidr.parse("172.16.0.0/16"))
                    .withGateway(Ip.parse("172.16.0.1")));
            seed.addRange(lan.id(), Ip.parse("172.16.250.0"), Ip.parse("172.16.251.255"), RangeKind.DHCP, "");
            try (DatasetGenerator generator = DatasetGenerator.open(Location.of(file))) {
                generator.fill(lan.id(), HELD, 2_000, 42);
            }
            slash16 = seed.subnet(lan.id());
        }
        allocator = Allocator.open(Location.of(file));
        AddressGridViewModel grid = new AddressGridViewModel(() -> allocator, Runnable::run, Runnable::run);
        table = new AddressTableViewModel(() -> allocator, NOW, grid);
        table.activeProperty().set(true);
        grid.show(slash16);
        if (table.allRows().size() != HELD) {
            throw new IllegalStateException("the table holds " + table.allRows().size() + " rows, not " + HELD);
        }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        allocator.close();
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Benchmark
    public AddressTableRows rows16() {
        return AddressTableRows.read(allocator, slash16.id(), false);
    }

    @Benchmark
    public AddressTableRows rowsWithFree16() {
        return AddressTableRows.read(allocator, slash16.id(), true);
    }

    @Benchmark
    public int load16() {
        table.reload();
        return table.rows().size();
    }

    @Benchmark
    public int filter16() {
        table.filterProperty().set("web-1");
        int shown = table.rows().size();
        table.filterProperty().set("");
        return shown;
    }
}
