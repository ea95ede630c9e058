package org.ipdesk.ui.copy;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.store.Credentials;
import org.ipdesk.store.Database;
import org.ipdesk.store.Location;
import org.ipdesk.store.OpenMode;
import org.ipdesk.store.WithoutBackup;
import org.ipdesk.ui.FxTaskExecutor;
import org.ipdesk.ui.PaneStage;
import org.ipdesk.ui.SampleDatabase;
import org.ipdesk.ui.ScriptedDialogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The copy dialog while a copy runs (held midway by the source's reads), on the application's real background
 * executor: a progress bar partly full with rows done of the total and Cancel; Cancel stops it and leaves no file.
 * The dialog is written to {@code target/screenshots/copy-to-team-running.png} to be looked at.
 */
class CopyDatabaseScreenshotTest {
    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private final FxTaskExecutor tasks = new FxTaskExecutor();
    private PausingDatabase database;
    private Stage stage;

    @AfterEach
    void close() throws Exception {
        if (database != null) {
            database.go.release(100);
        }
        if (stage != null) {
            robot.interact(stage::close);
        }
        tasks.close();
        if (database != null) {
            database.close();
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void showsRowsDoneOfTheTotalWhileItCopiesAndCancelLeavesNothing() throws Exception {
        Path file = dir.resolve("desk.db");
        SampleDatabase.seed(file);
        database = new PausingDatabase(Database.open(Location.of(file), OpenMode.EXISTING));
        Allocator allocator = new Allocator(database, Clock.systemUTC(), "tester", new Random(1));
        CopyDatabaseViewModel viewModel = new CopyDatabaseViewModel(() -> allocator, tasks, new ScriptedDialogs(),
                Credentials.NONE, () -> dir, location -> { }, false);
        FxToolkit.registerPrimaryStage();
        robot.interact(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            stage = CopyDatabaseView.showWindow(null, List.of(), viewModel);
            // narrow, so that what the database holds, read after the window shows, takes two lines
            stage.setWidth(420);
        });
        Label contents = robot.lookup("#contentsLabel").queryAs(Label.class);
        PaneStage.waitUntil(() -> contents.getText().startsWith("2 networks"));
        Button close = robot.lookup("#closeButton").queryAs(Button.class);
        PaneStage.waitUntil(() -> close.localToScene(close.getBoundsInLocal()).getMaxY()
                <= stage.getScene().getHeight());
        assertThat(stage.getWidth()).as("the width given stays").isEqualTo(420);

        Path target = dir.resolve("team.db");
        robot.clickOn("#targetField").write(target.toString(), 0);
        robot.clickOn("#copyButton");
        assertThat(database.reached.tryAcquire(10, TimeUnit.SECONDS)).as("the copy reached its pause").isTrue();
        Label rows = robot.lookup("#progressLabel").queryAs(Label.class);
        PaneStage.waitUntil(() -> rows.getText().matches("[0-9,]+ of [0-9,]+ rows"));
        ProgressBar bar = robot.lookup("#copyProgress").queryAs(ProgressBar.class);
        assertThat(bar.getProgress()).isGreaterThan(0).isLessThan(1);
        Button cancel = robot.lookup("#cancelButton").queryAs(Button.class);
        assertThat(cancel.isVisible()).isTrue();
        assertThat(robot.lookup("#closeButton").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#copySummaryLabel").queryAs(Label.class).getText())
                .isEqualTo("Copying to " + target + " \u2026");
        assertThat(PaneStage.screenshot(robot, stage, "copy-to-team-running.png")).exists();

        robot.clickOn(cancel);
        database.go.release(100);
        Label summary = robot.lookup("#copySummaryLabel").queryAs(Label.class);
        PaneStage.waitUntil(() -> summary.getText().startsWith("Copy cancelled"));
        assertThat(summary.getText()).isEqualTo("Copy cancelled; nothing was written to " + target);
        assertThat(cancel.isVisible()).isFalse();
        assertThat(target).doesNotExist();
        assertThat(dir.toFile().list()).allMatch(name -> name.startsWith("desk.db"));
    }

    @Test
    void theBackupOfADatabaseWithoutOneOfItsOwnIsACopyToANewFile() throws Exception {
        Path file = dir.resolve("team.db");
        SampleDatabase.seed(file);
        Allocator allocator = new Allocator(new WithoutBackup(Database.open(Location.of(file), OpenMode.EXISTING)),
                Clock.systemUTC(), "tester", new Random(1));
        CopyDatabaseViewModel viewModel = new CopyDatabaseViewModel(() -> allocator, tasks, new ScriptedDialogs(),
                Credentials.NONE, () -> dir, location -> { }, true);
        FxToolkit.registerPrimaryStage();
        Path backup = dir.resolve("team-backup.db");
        robot.interact(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            stage = CopyDatabaseView.showWindow(null, List.of(), viewModel);
            viewModel.copyTo(backup);
        });
        Label summary = robot.lookup("#copySummaryLabel").queryAs(Label.class);
        PaneStage.waitUntil(() -> summary.getText().startsWith("Copied "));
        assertThat(stage.getTitle()).isEqualTo("Back up to a database file");
        assertThat(robot.lookup("#hintLabel").queryAs(Label.class).getText())
                .startsWith("This database has no backup of its own, so it is copied whole into a new database file");
        assertThat(robot.lookup("#openButton").queryAs(Button.class).isVisible()).isTrue();
        assertThat(PaneStage.screenshot(robot, stage, "backup-by-copy.png")).exists();
        robot.interact(stage::close);
        stage = null;
        tasks.submit(() -> {
            allocator.close();
            return null;
        }, done -> { }, failed -> { });
        try (Allocator copy = Allocator.open(Location.of(backup), OpenMode.EXISTING)) {
            assertThat(copy.addressCount()).isEqualTo(45);
        }
    }
}
