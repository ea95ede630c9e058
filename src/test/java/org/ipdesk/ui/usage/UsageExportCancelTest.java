package org.ipdesk.ui.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.SampleData;
import org.ipdesk.report.ReportFormat;
import org.ipdesk.store.Location;
import org.ipdesk.ui.PaneStage;
import org.ipdesk.ui.TaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The dashboard's export in the window: while it runs the progress bar and Cancel show; Cancel stops it and no
 * file appears. The export job is held at a gate until Cancel has been clicked, so the test does not race a
 * fast export.
 */
class UsageExportCancelTest {

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private final GatedExecutor tasks = new GatedExecutor();

    @AfterEach
    void close() throws Exception {
        tasks.open();
        tasks.executor.shutdownNow();
        FxToolkit.cleanupStages();
    }

    @Test
    void cancelShowsWhileExportingAndLeavesNoFile() throws Exception {
        Path file = dir.resolve("sample.db");
        try (Allocator allocator = Allocator.open(Location.of(file))) {
            SampleData.create(allocator);
            FxToolkit.registerPrimaryStage();
            UsageDashboardViewModel vm = new UsageDashboardViewModel(() -> allocator, tasks, () -> "sample.db");
            Stage[] window = new Stage[1];
            robot.interact(() -> window[0] = UsageDashboardView.showWindow(null, List.of(), vm));
            PaneStage.waitUntil(() -> vm.reportProperty().get() != null);
            Button cancel = robot.lookup("#cancelButton").queryButton();
            ProgressBar progress = robot.lookup("#exportProgress").queryAs(ProgressBar.class);
            assertThat(cancel.isVisible()).isFalse();
            assertThat(progress.isVisible()).isFalse();

            Path pdf = dir.resolve("usage.pdf");
            tasks.close();
            robot.interact(() -> vm.export(pdf, ReportFormat.PDF));
            PaneStage.waitUntil(() -> cancel.isVisible() && progress.isVisible());
            assertThat(robot.lookup("#exportButton").queryButton().isDisabled()).isTrue();
            assertThat(robot.lookup("#exportLabel").queryAs(Label.class).getText()).isEqualTo("Writing " + pdf + " \u2026");

            robot.clickOn(cancel);
            tasks.open();
            PaneStage.waitUntil(() -> !vm.exportingProperty().get());
            assertThat(robot.lookup("#exportLabel").queryAs(Label.class).getText())
                    .isEqualTo("Export cancelled; nothing was written to " + pdf);
            assertThat(pdf).doesNotExist();
            try (var files = Files.list(dir)) {
                assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.contains("usage"));
            }
            assertThat(cancel.isVisible()).isFalse();
        }
    }

    /** Runs jobs on one background thread, results on the JavaFX thread; a closed gate holds the next job. */
    private static final class GatedExecutor implements TaskExecutor {
        final ExecutorService executor = Executors.newSingleThreadExecutor();
        private volatile CountDownLatch gate = new CountDownLatch(0);

        void close() {
            gate = new CountDownLatch(1);
        }

        void open() {
            gate.countDown();
        }

        @Override
        public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
            CountDownLatch held = gate;
            executor.execute(() -> {
                try {
                    held.await(10, TimeUnit.SECONDS);
                    T result = work.call();
                    Platform.runLater(() -> onSuccess.accept(result));
                } catch (Exception e) {
                    Platform.runLater(() -> onFailure.accept(e));
                }
            });
        }
    }
}
