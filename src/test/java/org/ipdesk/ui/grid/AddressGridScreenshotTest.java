package org.ipdesk.ui.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.Subnet;
import org.ipdesk.settings.CellSize;
import org.ipdesk.store.Location;
import org.ipdesk.ui.FxTaskExecutor;
import org.ipdesk.ui.PaneStage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The grid with its breadcrumb and legend in the application's theme, in windows of a small and a large screen's
 * width; each run writes {@code target/screenshots/grid-1024.png} and {@code grid-1920.png}.
 */
class AddressGridScreenshotTest {

    @TempDir
    static Path dir;

    private static Allocator allocator;
    private static Subnet lan;

    private final FxRobot robot = new FxRobot();
    private FxTaskExecutor executor;
    private AddressGridViewModel vm;
    private AddressGrid grid;

    @BeforeAll
    static void seed() throws Exception {
        FxToolkit.registerPrimaryStage();
        allocator = Allocator.open(Location.of(dir.resolve("shots.db")));
        lan = GridFixtures.mixed24(allocator);
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
    }

    @Test
    void aSmallAndALargeWindowDrawTheCellsAtTheSameSize() throws Exception {
        Stage small = PaneStage.show(build(), 1024, 700);
        showLan();
        double pitchSmall = pitch();
        int columnsSmall = grid.getColumns();
        assertThat(call(() -> grid.getWidth())).isEqualTo(1024);
        assertThat(PaneStage.screenshot(robot, small, "grid-1024.png")).exists();
        closeWindow();

        // wider than the headless screen: a scene of that size without a window, drawn by a snapshot
        BorderPane root = build();
        Scene wide = call(() -> new Scene(root, 1920, 1080));
        showLan();
        WritableImage image = call(() -> {
            root.applyCss();
            root.layout();
            return wide.snapshot(null);
        });
        assertThat(grid.getWidth()).isEqualTo(1920);
        double pitchLarge = pitch();
        Path png = PaneStage.SCREENSHOTS.resolve("grid-1920.png");
        Files.createDirectories(PaneStage.SCREENSHOTS);
        GridScreenshots.write(image, png);
        assertThat(png).exists();

        assertThat(pitchSmall).isEqualTo(CellSize.MEDIUM.pitch());
        assertThat(pitchLarge).isEqualTo(CellSize.MEDIUM.pitch());
        assertThat(grid.getColumns()).isGreaterThan(columnsSmall);
    }

    private BorderPane build() throws Exception {
        executor = new FxTaskExecutor();
        return call(() -> {
            vm = new AddressGridViewModel(() -> allocator, executor);
            grid = new AddressGrid(vm);
            GridBreadcrumb breadcrumb = new GridBreadcrumb(vm);
            GridLegend legend = new GridLegend(grid);
            breadcrumb.setPadding(new Insets(6, 10, 6, 10));
            legend.setPadding(new Insets(8, 10, 8, 10));
            return new BorderPane(grid, breadcrumb, null, legend, null);
        });
    }

    /** Shows the /24 with a range selected. */
    private void showLan() throws Exception {
        robot.interact(() -> vm.show(lan));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.getContent() != null && !vm.loadingProperty().get());
        robot.interact(() -> {
            vm.select(10);
            vm.extendSelection(29);
            grid.requestFocus();
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            grid.getScene().getRoot().applyCss();
            grid.getScene().getRoot().layout();
        });
    }

    private double pitch() throws Exception {
        return call(() -> grid.cellBounds(1).getMinX() - grid.cellBounds(0).getMinX());
    }

    private static <T> T call(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }
}
