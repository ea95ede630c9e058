package org.ipdesk.ui.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.Observation;
import org.ipdesk.model.SourceKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.store.Location;
import org.ipdesk.ui.FxTaskExecutor;
import org.ipdesk.ui.PaneStage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The seen mark on the rendered grid, light and dark: a scan saw one address of each state, and each of those cells
 * shows the dot in its corner while an unseen cell of the same state does not. Writes
 * {@code target/screenshots/grid-seen-light.png} and {@code grid-seen-dark.png}.
 */
class GridSeenScreenshotTest {

    /** Seen cells of /24 192.168.1.0 (see {@link GridFixtures#mixed24}) with an unseen cell of the same state. */
    private static final int[][] SEEN_AND_UNSEEN = {
            {1, -1}, {10, 11}, {30, 31}, {34, 35}, {60, 61}, {100, 101}, {106, 107}, {200, 201}, {245, 246}};
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    @org.junit.jupiter.api.io.TempDir
    static Path dir;

    private static Allocator allocator;
    private static Subnet lan;

    private final FxRobot robot = new FxRobot();
    private FxTaskExecutor executor;

    @BeforeAll
    static void seed() throws Exception {
        FxToolkit.registerPrimaryStage();
        allocator = Allocator.open(Location.of(dir.resolve("seen.db")));
        lan = GridFixtures.mixed24(allocator);
        List<Observation> scan = new ArrayList<>();
        for (int[] pair : SEEN_AND_UNSEEN) {
            scan.add(new Observation(GridFixtures.ip("192.168.1." + pair[0]), Optional.empty(), Optional.empty(),
                    NOW.minus(Duration.ofHours(2)), SourceKind.NMAP, "nmap-scan-0612.xml"));
        }
        // seen, but too long ago for the mark
        scan.add(new Observation(GridFixtures.ip("192.168.1.12"), Optional.empty(), Optional.empty(),
                NOW.minus(Duration.ofDays(45)), SourceKind.NMAP, "old-scan.xml"));
        allocator.observe(scan);
    }

    @AfterAll
    static void close() {
        allocator.close();
    }

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupStages();
        if (executor != null) {
            executor.close();
        }
        PaneStage.theme(robot, false);
    }

    @ParameterizedTest(name = "dark={0}")
    @ValueSource(booleans = {false, true})
    void seenCellsShowTheDotOnEveryStateColour(boolean dark) throws Exception {
        PaneStage.theme(robot, dark);
        executor = new FxTaskExecutor();
        AddressGridViewModel[] vm = new AddressGridViewModel[1];
        AddressGrid[] grid = new AddressGrid[1];
        GridLegend[] legend = new GridLegend[1];
        BorderPane root = call(() -> {
            vm[0] = new AddressGridViewModel(() -> allocator, executor);
            vm[0].setClock(Clock.fixed(NOW, ZoneOffset.UTC));
            grid[0] = new AddressGrid(vm[0]);
            grid[0].darkProperty().set(dark);
            legend[0] = new GridLegend(grid[0]);
            legend[0].setPadding(new Insets(8, 10, 8, 10));
            return new BorderPane(grid[0], null, null, legend[0], null);
        });
        Stage stage = PaneStage.show(root, 1024, 560);
        robot.interact(() -> vm[0].show(lan));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> vm[0].getContent() != null && !vm[0].loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        WritableImage image = PaneStage.snapshot(robot, stage);
        PaneStage.write(image, dark ? "grid-seen-dark.png" : "grid-seen-light.png");

        GridPalette palette = GridPalette.of(dark);
        for (int[] pair : SEEN_AND_UNSEEN) {
            assertThat(dotPixel(image, grid[0], pair[0])).as("the dot on seen cell %d", pair[0])
                    .satisfies(c -> PaneStage.assertColor(c, palette.seenDot()));
            if (pair[1] >= 0) {
                assertThat(distance(dotPixel(image, grid[0], pair[1]), palette.seenDot()))
                        .as("no dot on unseen cell %d", pair[1]).isGreaterThan(0.1);
            }
        }
        assertThat(distance(dotPixel(image, grid[0], 12), palette.seenDot()))
                .as("no dot on a cell seen 45 days ago").isGreaterThan(0.1);
        assertThat(call(() -> legend[0].summary())).contains("seen in the last 30 days " + SEEN_AND_UNSEEN.length);
    }

    /** The pixel at the centre of where cell {@code index} draws its seen dot. */
    private static Color dotPixel(WritableImage image, AddressGrid grid, int index) throws Exception {
        Bounds cell = call(() -> grid.localToScene(grid.cellBounds(index)));
        double d = GridPalette.seenSize(cell.getWidth(), cell.getHeight());
        double inset = GridPalette.seenInset(cell.getWidth(), cell.getHeight());
        int x = (int) Math.floor(cell.getMinX() + cell.getWidth() - inset - d / 2);
        int y = (int) Math.floor(cell.getMinY() + inset + d / 2);
        return image.getPixelReader().getColor(x, y);
    }

    private static double distance(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen())
                + Math.abs(a.getBlue() - b.getBlue());
    }

    private static <T> T call(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }
}
