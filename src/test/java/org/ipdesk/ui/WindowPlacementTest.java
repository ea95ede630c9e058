package org.ipdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.ipdesk.settings.SettingsStore;
import org.ipdesk.settings.WindowState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window ({@link App}, headless through Monocle) opens where the settings say it was, or on first start at
 * a share of the screen that shows all three panes; closing it remembers where it was.
 */
class WindowPlacementTest {

    @TempDir
    static Path shared;
    private static Path sample;

    @TempDir
    Path dir;

    private String settingsBefore;
    private Stage stage;
    private Application app;

    @BeforeAll
    static void seed() {
        sample = shared.resolve("sample.db");
        SampleDatabase.seed(sample);
    }

    @BeforeEach
    void ownSettings() {
        settingsBefore = System.getProperty(SettingsStore.FILE_PROPERTY);
        System.setProperty(SettingsStore.FILE_PROPERTY, settingsFile().toString());
    }

    @AfterEach
    void closeWindow() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
        // the primary stage is shared with the tests that run after this one: no minimum or maximised state left
        WaitForAsyncUtils.asyncFx(() -> {
            Stage primary = FxToolkit.toolkitContext().getRegisteredStage();
            if (primary != null) {
                primary.setMaximized(false);
                primary.setMinWidth(0);
                primary.setMinHeight(0);
            }
        }).get();
        if (settingsBefore == null) {
            System.clearProperty(SettingsStore.FILE_PROPERTY);
        } else {
            System.setProperty(SettingsStore.FILE_PROPERTY, settingsBefore);
        }
    }

    private Path settingsFile() {
        return dir.resolve("settings.json");
    }

    private void remembered(WindowState window) {
        SettingsStore store = new SettingsStore(settingsFile());
        assertThat(store.save(store.load().withWindow(window))).isEmpty();
    }

    private void open() throws TimeoutException {
        stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(App.class, "--db", sample.toString());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Rectangle2D screen() {
        return Screen.getPrimary().getVisualBounds();
    }

    @Test
    void aStoredSizeAndPositionAreRestoredAndClosingRemembersAMove() throws Exception {
        remembered(new WindowState(60, 40, 1200, 820, false, List.of(0.3, 0.75)));
        open();

        assertThat(stage.getX()).isEqualTo(60);
        assertThat(stage.getY()).isEqualTo(40);
        assertThat(stage.getWidth()).isEqualTo(1200);
        assertThat(stage.getHeight()).isEqualTo(820);
        assertThat(stage.isMaximized()).isFalse();

        // a user moves it once it has settled (until then a smaller size is taken for JDK-8316423)
        Thread.sleep((long) App.SETTLE.toMillis() + 500);
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setX(90);
            stage.setWidth(1100);
        }).get();
        // closed as a user closes it: the window first, then the application
        WaitForAsyncUtils.asyncFx(stage::hide).get();
        FxToolkit.cleanupApplication(app);
        app = null;

        WindowState saved = new SettingsStore(settingsFile()).load().window().orElseThrow();
        assertThat(saved.x()).isEqualTo(90);
        assertThat(saved.y()).isEqualTo(40);
        assertThat(saved.width()).isEqualTo(1100);
        assertThat(saved.height()).isEqualTo(820);
        assertThat(saved.maximized()).isFalse();
        assertThat(saved.dividers()).hasSize(2);
    }

    @Test
    void withNoSettingsTheWindowShowsAllThreePanes() throws Exception {
        open();

        double leastWidth = Math.min(1024, screen().getWidth());
        double leastHeight = Math.min(700, screen().getHeight());
        assertThat(stage.getWidth()).isGreaterThanOrEqualTo(leastWidth).isLessThanOrEqualTo(screen().getWidth());
        assertThat(stage.getHeight()).isGreaterThanOrEqualTo(leastHeight).isLessThanOrEqualTo(screen().getHeight());
        assertThat(stage.getMinWidth()).isEqualTo(leastWidth);
        assertThat(stage.getMinHeight()).isEqualTo(leastHeight);
        // centred on the screen
        assertThat(stage.getX() + stage.getWidth() / 2).isCloseTo(screen().getMinX() + screen().getWidth() / 2,
                org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void aPositionOffTheScreenIsPulledBackOntoIt() throws Exception {
        remembered(new WindowState(5000, -400, 1100, 760, false, List.of(0.3, 0.75)));
        open();

        assertThat(stage.getX()).isEqualTo(screen().getMaxX() - 1100);
        assertThat(stage.getY()).isEqualTo(screen().getMinY());
        assertThat(stage.getWidth()).isEqualTo(1100);
        assertThat(stage.getHeight()).isEqualTo(760);
    }

    @Test
    void aMaximisedWindowOpensMaximised() throws Exception {
        remembered(new WindowState(60, 40, 1100, 760, true, List.of(0.3, 0.75)));
        open();

        assertThat(stage.isMaximized()).isTrue();
        assertThat(stage.getWidth()).isEqualTo(screen().getWidth());

        // un-maximised, it returns to the remembered bounds
        WaitForAsyncUtils.asyncFx(() -> stage.setMaximized(false)).get();
        Thread.sleep(800);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getX()).isEqualTo(60);
        assertThat(stage.getY()).isEqualTo(40);
        assertThat(stage.getWidth()).isEqualTo(1100);
        assertThat(stage.getHeight()).isEqualTo(760);
    }

    /** JDK-8316423: a window that the window manager shows smaller than placed gets its size back. */
    @Test
    void aWindowShownSmallerThanPlacedGetsItsSizeBack() throws Exception {
        Stage plain = FxToolkit.registerPrimaryStage();
        WindowState placement = new WindowState(20, 20, 1100, 760, false, List.of(0.3, 0.75));
        Runnable[] release = new Runnable[1];
        WaitForAsyncUtils.asyncFx(() -> {
            plain.setScene(new Scene(new Pane()));
            App.place(plain, placement);
            plain.setMinWidth(0);
            plain.setMinHeight(0);
            plain.show();
            release[0] = App.holdPlacedSize(plain, placement, Duration.seconds(30));
            // as the window manager does under the bug
            plain.setWidth(200);
            plain.setHeight(200);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();

        try {
            assertThat(plain.getWidth()).isEqualTo(1100);
            assertThat(plain.getHeight()).isEqualTo(760);
            assertThat(WaitForAsyncUtils.asyncFx(() -> App.keepPlacedSize(plain, placement)).get())
                    .as("nothing left to correct").isFalse();
        } finally {
            // the primary stage is shared with the tests that run after this one
            WaitForAsyncUtils.asyncFx(release[0]).get();
        }
    }
}
