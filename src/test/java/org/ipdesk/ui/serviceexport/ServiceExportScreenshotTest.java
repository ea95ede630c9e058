package org.ipdesk.ui.serviceexport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.ipdesk.address.Cidr;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.service.ServiceTarget;
import org.ipdesk.store.Location;
import org.ipdesk.ui.FxTaskExecutor;
import org.ipdesk.ui.PaneStage;
import org.ipdesk.ui.SampleDatabase;
import org.ipdesk.ui.ScriptedDialogs;
import org.ipdesk.ui.TaskExecutor;
import org.ipdesk.ui.serviceexport.ServiceExportViewModel.ScopeChoice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The dialog on the application's real background executor, in the light and the dark theme: the check runs off the
 * JavaFX thread, and the added and removed lines of the change view are drawn in colours that differ from each other
 * and from the file headings in both themes. Snapshots: {@code target/screenshots/service-export-{light,dark}.png}.
 */
class ServiceExportScreenshotTest {
    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private final FxTaskExecutor executor = new FxTaskExecutor();
    private final List<Boolean> onFxThread = new CopyOnWriteArrayList<>();
    private Allocator allocator;
    private Stage stage;

    @AfterEach
    void close() throws Exception {
        if (stage != null) {
            robot.interact(stage::close);
        }
        executor.submit(() -> {
            allocator.close();
            return null;
        }, done -> { }, failed -> { });
        executor.close();
        PaneStage.theme(robot, false);
        FxToolkit.cleanupStages();
    }

    @Test
    void theCheckRunsOffTheFxThreadAndTheChangesAreColouredInBothThemes() throws Exception {
        FxToolkit.registerPrimaryStage();
        Path file = dir.resolve("sample.db");
        SampleDatabase.seed(file);
        Path hosts = dir.resolve("hosts.ipdesk");
        // the last export: the branch office's desks were named differently then
        Files.writeString(hosts, "192.168.20.2\tdesk-old-01\n192.168.20.3\tdesk-02\n");
        TaskExecutor tasks = new TaskExecutor() {
            @Override
            public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess,
                    Consumer<? super Throwable> onFailure) {
                executor.submit(() -> {
                    onFxThread.add(Platform.isFxApplicationThread());
                    return work.call();
                }, onSuccess, onFailure);
            }
        };
        executor.submit(() -> allocator = Allocator.open(Location.of(file)), done -> { }, failed -> { });
        List<ScopeChoice> choices = ServiceExportViewModel.choices(Optional.of("branch-office"),
                Optional.of(Cidr.parse("192.168.20.0/24")));
        ServiceExportViewModel viewModel = new ServiceExportViewModel(() -> allocator, tasks, new ScriptedDialogs(),
                choices, choices.get(2), () -> dir, message -> { });

        for (boolean dark : new boolean[] {false, true}) {
            PaneStage.theme(robot, dark);
            robot.interact(() -> {
                if (stage != null) {
                    stage.close();
                }
                stage = ServiceExportView.showWindow(null, List.of(), viewModel);
                viewModel.targetProperty().set(ServiceTarget.HOSTS);
                viewModel.pathProperty().set(hosts.toString());
                viewModel.check();
            });
            PaneStage.waitUntil(() -> viewModel.checkedProperty().get());
            assertThat(robot.lookup("#messageLabel").queryAs(Label.class).getText()).isEqualTo(
                    "Checked: ready to write.");
            PaneStage.screenshot(robot, stage, "service-export-" + (dark ? "dark" : "light") + ".png");
            Color added = background(cell("added"));
            Color removed = background(cell("removed"));
            Color heading = background(cell("file"));
            assertThat(added).as("added against removed, dark %s", dark).isNotEqualTo(removed);
            assertThat(added).as("added against a heading").isNotEqualTo(heading);
            assertThat(removed.getRed()).as("removed lines are reddish: %s", removed)
                    .isGreaterThan(removed.getGreen());
            assertThat(added.getGreen()).as("added lines are greenish: %s", added).isGreaterThan(added.getRed());
        }
        assertThat(onFxThread).isNotEmpty().containsOnly(false);
    }

    @Test
    void bindShowsTheZoneFieldsAndTheRulesAndTheListsStayInView() throws Exception {
        FxToolkit.registerPrimaryStage();
        Path file = dir.resolve("sample.db");
        SampleDatabase.seed(file);
        Path zones = Files.createDirectories(dir.resolve("zones"));
        PaneStage.theme(robot, false);
        executor.submit(() -> allocator = Allocator.open(Location.of(file)), done -> { }, failed -> { });
        List<ScopeChoice> choices = ServiceExportViewModel.choices(Optional.of("dc1"), Optional.empty());
        ServiceExportViewModel viewModel = new ServiceExportViewModel(() -> allocator, executor,
                new ScriptedDialogs(), choices, choices.get(1), () -> dir, message -> { });
        robot.interact(() -> {
            stage = ServiceExportView.showWindow(null, List.of(), viewModel);
            viewModel.targetProperty().set(ServiceTarget.BIND);
            viewModel.pathProperty().set(zones.toString());
            viewModel.zoneProperty().set("dc1.example.com");
            viewModel.check();
        });
        PaneStage.waitUntil(() -> viewModel.checkedProperty().get());
        assertThat(robot.lookup("#zoneField").queryAs(javafx.scene.control.TextField.class).isVisible()).isTrue();
        assertThat(robot.lookup("#zoneRulesLabel").queryAs(Label.class).getText())
                .contains("web-01 becomes web-01.dc1.example.com.");
        PaneStage.screenshot(robot, stage, "service-export-bind.png");
        // the problems and the changes keep rows in view under the zone fields and rules
        for (String list : new String[] {"#problemTable", "#diffList"}) {
            assertThat(robot.lookup(list).queryAs(javafx.scene.layout.Region.class).getHeight()).as(list)
                    .isGreaterThan(60);
        }
    }

    private ListCell<?> cell(String pseudoClass) {
        return robot.lookup(".export-diff .list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals(pseudoClass)))
                .findFirst().orElseThrow(() -> new AssertionError("no line marked " + pseudoClass));
    }

    /** The colour drawn just inside the cell's left edge, past the sign. */
    private Color background(ListCell<?> cell) {
        javafx.geometry.Bounds b = cell.localToScene(cell.getLayoutBounds());
        javafx.scene.image.WritableImage image = PaneStage.snapshot(robot, stage);
        return image.getPixelReader().getColor((int) b.getMaxX() - 40, (int) b.getCenterY());
    }
}
