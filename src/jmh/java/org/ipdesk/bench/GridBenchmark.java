package org.ipdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.dev.DatasetGenerator;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.BlockUsage;
import org.ipdesk.model.CellStates;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.store.Location;
import org.ipdesk.ui.grid.AddressGrid;
import org.ipdesk.ui.grid.AddressGridViewModel;
import org.ipdesk.ui.grid.GridContent;
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
 * The address grid on a /16 holding 30,000 allocated addresses (scattered over its first 45,000, with a
 * gateway, a DHCP range, a reserved range and a child /22), and on a /8 block map:
 * <ul>
 *   <li>{@code cellStates16}: the engine's query alone, {@code Allocator.cellStates} for the whole /16;</li>
 *   <li>{@code load16}: the view model's whole load of it (the query, then row labels and state counts),
 *       as the grid does on a background thread (target: under 150 ms);</li>
 *   <li>{@code loadBlocks8}: the view model's load of a /8's block map (256 blocks of /16);</li>
 *   <li>{@code draw16}: one frame of the loaded /16 drawn by {@link AddressGrid} on a 1600 x 1000 canvas, on the
 *       JavaFX thread (target: under 16 ms); {@code draw16Scrolling} the same while scrolling a few rows per
 *       frame; {@code draw16Rasterized} the frame plus a snapshot of the canvas, which forces the pipeline
 *       to rasterise it and read it back (an upper bound: the readback of 1.6 M pixels is not part of a
 *       frame); {@code snapshotUnchanged16} that snapshot alone, of a canvas with nothing new to draw, so
 *       the difference is the rasterising; {@code drawBlocks8} one frame of the /8 block map.</li>
 * </ul>
 * The draw benchmarks need the JavaFX toolkit; the benchmark jar carries JavaFX and Monocle, so without a
 * {@code DISPLAY} they start it headless through Monocle; see docs/benchmarks.md. Each draw is posted to the JavaFX thread and waited for, so
 * its time includes one hand-over between threads (some tens of microseconds).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(1)
public class GridBenchmark {
    static final int HELD = 30_000;
    static final int WIDTH = 1600;
    static final int HEIGHT = 1000;

    private Path folder;
    private Allocator allocator;
    private Subnet slash16;
    private Subnet slash8;
    private AddressGridViewModel grid16;
    private AddressGridViewModel grid8;

    private boolean drawing;
    private Stage stage;
    private AddressGrid view16;
    private AddressGrid view8;
    private int frame;

    @Setup(Level.Trial)
    public void build() throws IOException {
        folder = Files.createTempDirectory("ipdesk-grid-bench-");
        Path file = folder.resolve("grid.db");
        try (Allocator seed = Allocator.open(Location.of(file))) {
            seed.createNetwork("bench", "");
            Subnet lan = seed.createSubnet("bench", SubnetSpec.of(Cidr.parse("172.16.0.0/16"))
                    .withGateway(Ip.parse("172.16.0.1")));
            seed.addRange(lan.id(), Ip.parse("172.16.200.0"), Ip.parse("172.16.203.255"), RangeKind.DHCP, "");
            seed.addRange(lan.id(), Ip.parse("172.16.250.0"), Ip.parse("172.16.251.255"), RangeKind.RESERVED, "");
            seed.createSubnet("bench", SubnetSpec.of(Cidr.parse("172.16.240.0/22")));
            Subnet wan = seed.createSubnet("bench", SubnetSpec.of(Cidr.parse("10.0.0.0/8")));
            for (int i = 1; i <= 8; i++) {
                seed.createSubnet("bench", SubnetSpec.of(Cidr.parse("10." + i + ".0.0/16")));
            }
            seed.addRange(wan.id(), Ip.parse("10.64.0.0"), Ip.parse("10.64.191.255"), RangeKind.DHCP, "");
            seed.reserve(wan.id(), Ip.parse("10.99.1.1"), AddressDetails.allocated("one"));
            try (DatasetGenerator generator = DatasetGenerator.open(Location.of(file))) {
                generator.fill(lan.id(), HELD, 15_000, 42);
                generator.fill(wan.id(), 20_000, 5_000, 43);
                List<Subnet> children = seed.subnets("bench").stream()
                        .filter(s -> s.cidr().prefixLength() == 16 && s.cidr().toString().startsWith("10."))
                        .sorted(Comparator.comparing(Subnet::cidr)).toList();
                for (int i = 0; i < children.size(); i++) {
                    generator.fill(children.get(i).id(), 60_000L >> i, 0, i);
                }
            }
            slash16 = seed.subnet(lan.id());
            slash8 = seed.subnet(wan.id());
        }
        allocator = Allocator.open(Location.of(file));
        Supplier<Allocator> engine = () -> allocator;
        grid16 = new AddressGridViewModel(engine, Runnable::run, Runnable::run);
        grid16.show(slash16);
        grid8 = new AddressGridViewModel(engine, Runnable::run, Runnable::run);
        grid8.show(slash8);
        GridContent.Addresses cells = (GridContent.Addresses) grid16.getContent();
        System.out.printf("%nfixture: %s with %s%n", slash16.cidr(), cells.counts());
    }

    /** Starts JavaFX (once per JVM) and shows both grids at 1600 x 1000; only the draw benchmarks need it. */
    private void startDrawing() {
        if (drawing) {
            return;
        }
        drawing = true;
        if (System.getenv("DISPLAY") == null && System.getProperty("glass.platform") == null) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            // the headless screen must hold the 1600 x 1000 window (its default is 1280 x 800)
            System.setProperty("headless.geometry", "1920x1200-32");
        }
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        await(started);
        onFx(() -> {
            view16 = new AddressGrid(grid16);
            view8 = new AddressGrid(grid8);
            stage = new Stage();
            stage.setScene(new Scene(view16, WIDTH, HEIGHT));
            stage.show();
            view16.layout();
            return null;
        });
        System.out.printf("%ndrawing with %s, %d columns, canvas %.0f x %.0f%n",
                System.getProperty("glass.platform", "the platform's glass"), view16.getColumns(),
                view16.getCanvas().getWidth(), view16.getCanvas().getHeight());
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        if (stage != null) {
            onFx(() -> {
                stage.close();
                return null;
            });
        }
        allocator.close();
        try (var files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    // ================================================================= loading

    @Benchmark
    public CellStates cellStates16() {
        return allocator.cellStates(slash16.id(), slash16.cidr().range());
    }

    /** Showing the subnet already shown reloads it: the query plus the row labels and counts. */
    @Benchmark
    public GridContent load16() {
        grid16.refresh();
        return grid16.getContent();
    }

    @Benchmark
    public List<BlockUsage> loadBlocks8() {
        grid8.refresh();
        return ((GridContent.Blocks) grid8.getContent()).blocks();
    }

    // ================================================================= drawing

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public AddressGrid draw16() {
        startDrawing();
        return onFx(() -> {
            view16.redraw();
            return view16;
        });
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public AddressGrid draw16Scrolling() {
        startDrawing();
        return onFx(() -> {
            // down 64 px (about three rows) a frame, over the first part of the /16, then from the top again
            frame = (frame + 1) % 300;
            view16.getScrollBar().setValue(Math.min(view16.getScrollBar().getMax(), frame * 64.0));
            view16.redraw();
            return view16;
        });
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public WritableImage draw16Rasterized() {
        startDrawing();
        return onFx(() -> {
            view16.getScrollBar().setValue(0);
            view16.redraw();
            return view16.getCanvas().snapshot(null, null);
        });
    }

    /** The baseline of {@code draw16Rasterized}: a snapshot of the canvas without drawing anything new. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public WritableImage snapshotUnchanged16() {
        startDrawing();
        return onFx(() -> view16.getCanvas().snapshot(null, null));
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public AddressGrid drawBlocks8() {
        startDrawing();
        return onFx(() -> {
            if (stage.getScene().getRoot() != view8) {
                stage.getScene().setRoot(view8);
                view8.layout();
            }
            view8.redraw();
            return view8;
        });
    }

    private static <T> T onFx(Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                result.set(work.get());
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                done.countDown();
            }
        });
        await(done);
        if (failure.get() != null) {
            throw new IllegalStateException(failure.get());
        }
        return result.get();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the JavaFX thread did not answer in 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
