package org.ipdesk.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javafx.util.Duration;
import org.ipdesk.settings.PasswordKeyring;
import org.ipdesk.settings.WindowState;
import org.ipdesk.settings.SettingsStore;
import org.ipdesk.store.Location;
import org.ipdesk.ui.main.ExternalChangeWatcher;
import org.ipdesk.ui.main.MainView;
import org.ipdesk.ui.main.MainViewModel;
import org.ipdesk.ui.main.NetworkTreeViewModel;
import org.ipdesk.ui.main.TeamPasswords;
import org.ipdesk.ui.main.WindowPreferences;

/**
 * The window: the database of {@code --db FILE} or {@code --db postgresql://…}, else the last one used (remembered
 * in the settings), else the default database. Started by {@link Launcher}.
 */
public final class App extends Application {

    /** How long after show a window that comes out smaller than placed is given its size again. */
    static final Duration SETTLE = Duration.seconds(2);

    private static final List<Integer> ICON_SIZES = List.of(16, 24, 32, 48, 64, 128, 256);

    private FxTaskExecutor executor;
    private MainViewModel viewModel;
    private MainView view;
    /** Takes this application's listeners off the stage (tests start several applications on one stage). */
    private Runnable forgetStage = () -> { };

    @Override
    public void start(Stage stage) {
        SettingsStore settings = SettingsStore.forUser();
        Optional<Location> asked = Launcher.databaseOption(getParameters().getRaw());
        Location location = asked.orElseGet(() -> MainViewModel.startupDatabase(settings));

        executor = new FxTaskExecutor();
        String css = Objects.requireNonNull(App.class.getResource("/org/ipdesk/ui/ipdesk.css"), "ipdesk.css")
                .toExternalForm();
        // every dialog and tool window takes these from the main window's scene
        List<String> stylesheets = OpaquePopups.with(List.of(css), OpaquePopups.needed());
        viewModel = new MainViewModel(new NetworkTreeViewModel(), location, executor, settings,
                new FxDialogService(() -> stage, stylesheets), new TeamPasswords(PasswordKeyring.forUser()));
        if (asked.isEmpty()) {
            viewModel.reportMissingStartupFile();
        }
        // the database opens and its tree is read on the database thread while this thread builds the window
        viewModel.fileSwitch().load();
        applyTheme(viewModel.preferences().darkThemeProperty().get());
        viewModel.preferences().darkThemeProperty().addListener((property, before, dark) -> applyTheme(dark));

        view = new MainView(viewModel);
        Parent root = Fxml.load("/fxml/main/MainView.fxml", view);

        WindowPreferences preferences = viewModel.preferences();
        WindowState placement = preferences.placement(screens());
        Scene scene = new Scene(root, placement.width(), placement.height());
        scene.getStylesheets().addAll(stylesheets);
        stage.titleProperty().bind(viewModel.fileSwitch().titleProperty());
        giveIconsWhenLoaded(stage);
        stage.setScene(scene);
        place(stage, placement);
        stage.show();
        // after show, when the split pane has its real width: set before, the positions are scaled on the way
        view.setDividerPositions(placement.dividers());
        Runnable settled = holdPlacedSize(stage, placement, SETTLE);
        if (placement.maximized()) {
            stage.setMaximized(true);
        }
        rememberWhereTheWindowIs(stage, preferences, placement);
        Runnable forgetBounds = forgetStage;
        forgetStage = () -> {
            settled.run();
            forgetBounds.run();
        };
        viewModel.externalChanges().start(ExternalChangeWatcher.POLL);

        if (StartupProbe.requested()) {
            StartupProbe.exitWhenUsable(scene, viewModel.state().loadingProperty(), viewModel.status().summaryProperty(),
                    viewModel.state().errorProperty());
        }
    }

    /** The usable area of every screen, the primary one first. */
    static List<WindowPreferences.Area> screens() {
        Screen primary = Screen.getPrimary();
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(primary),
                        Screen.getScreens().stream().filter(screen -> !screen.equals(primary)))
                .map(Screen::getVisualBounds)
                .map(b -> new WindowPreferences.Area(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight()))
                .toList();
    }

    /** Sets the window's least size (all three panes, or the screen if smaller) and its bounds, before it shows. */
    static void place(Stage stage, WindowState placement) {
        Rectangle2D bounds = Screen.getScreensForRectangle(placement.x(), placement.y(), placement.width(),
                placement.height()).stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
        WindowPreferences.Area onScreen = new WindowPreferences.Area(bounds.getMinX(), bounds.getMinY(),
                bounds.getWidth(), bounds.getHeight());
        stage.setMinWidth(WindowPreferences.minimumWidth(onScreen));
        stage.setMinHeight(WindowPreferences.minimumHeight(onScreen));
        stage.setX(placement.x());
        stage.setY(placement.y());
        stage.setWidth(placement.width());
        stage.setHeight(placement.height());
    }

    /**
     * Gives the window its placed size again whenever it comes out smaller during {@code settle} after show: the
     * window manager's answer to the first configure arrives at no fixed time (JDK-8316423, see
     * {@link #keepPlacedSize}). Too short for a user to have resized it. Returns what ends it earlier.
     */
    static Runnable holdPlacedSize(Stage stage, WindowState placement, Duration settle) {
        keepPlacedSize(stage, placement);
        javafx.beans.InvalidationListener resized = observable -> keepPlacedSize(stage, placement);
        stage.widthProperty().addListener(resized);
        stage.heightProperty().addListener(resized);
        Runnable stop = () -> {
            stage.widthProperty().removeListener(resized);
            stage.heightProperty().removeListener(resized);
        };
        // the stage can also believe it has its size while the window manager shows it at 200 x 200: send the size
        // to the window again, whatever the stage believes, once the window is mapped
        List<PauseTransition> resends = Stream.of(0.3, 1.0).map(seconds -> {
            PauseTransition resend = new PauseTransition(Duration.seconds(seconds));
            resend.setOnFinished(event -> {
                if (!stage.isMaximized() && !stage.isFullScreen() && !stage.isIconified()) {
                    stage.setWidth(Math.max(stage.getWidth(), placement.width()));
                    stage.setHeight(Math.max(stage.getHeight(), placement.height()));
                }
            });
            resend.play();
            return resend;
        }).toList();
        PauseTransition settled = new PauseTransition(settle);
        settled.setOnFinished(event -> stop.run());
        settled.play();
        return () -> {
            resends.forEach(PauseTransition::stop);
            settled.stop();
            stop.run();
        };
    }

    /**
     * JDK-8316423 (JavaFX 21 on Linux, fixed in 22): under a window manager (openbox, GNOME) a stage can come up at
     * 200 x 200 instead of its scene's size. After show, a window smaller than placed is given its size again.
     * Returns true when it had to.
     */
    static boolean keepPlacedSize(Stage stage, WindowState placement) {
        if (stage.isMaximized() || stage.isFullScreen() || stage.isIconified()) {
            return false;
        }
        boolean tooSmall = stage.getWidth() < placement.width() - 1 || stage.getHeight() < placement.height() - 1;
        if (tooSmall) {
            stage.setWidth(placement.width());
            stage.setHeight(placement.height());
        }
        return tooSmall;
    }

    /**
     * Keeps the window's bounds while it is neither maximised nor iconified (those are the bounds it returns to),
     * and on closing saves them with the maximised state and the dividers for the next run.
     */
    private void rememberWhereTheWindowIs(Stage stage, WindowPreferences preferences, WindowState placement) {
        double[] normal = {placement.x(), placement.y(), placement.width(), placement.height()};
        double[] beforeMaximised = normal.clone();
        javafx.beans.InvalidationListener moved = observable -> {
            if (!stage.isMaximized() && !stage.isIconified() && !stage.isFullScreen() && stage.getWidth() > 0
                    && stage.getHeight() > 0) {
                normal[0] = stage.getX();
                normal[1] = stage.getY();
                normal[2] = stage.getWidth();
                normal[3] = stage.getHeight();
            }
        };
        // a window that opened maximised returns to its remembered bounds, not to the window manager's guess
        javafx.beans.value.ChangeListener<Boolean> maximised = (property, was, now) -> {
            if (now) {
                System.arraycopy(normal, 0, beforeMaximised, 0, 4);
            } else {
                double[] back = beforeMaximised.clone();
                // after the window manager has un-maximised it (its own idea of the old size comes first)
                PauseTransition later = new PauseTransition(Duration.millis(300));
                later.setOnFinished(event -> {
                    if (!stage.isMaximized()) {
                        stage.setX(back[0]);
                        stage.setY(back[1]);
                        stage.setWidth(back[2]);
                        stage.setHeight(back[3]);
                    }
                });
                later.play();
            }
        };
        javafx.event.EventHandler<WindowEvent> closing = event -> {
            preferences.windowIs(new WindowState(normal[0], normal[1], normal[2], normal[3], stage.isMaximized(),
                    view.dividerPositions()));
            preferences.saveWindow();
        };
        List<javafx.beans.value.ObservableValue<?>> bounds = List.of(stage.xProperty(), stage.yProperty(),
                stage.widthProperty(), stage.heightProperty());
        bounds.forEach(property -> property.addListener(moved));
        stage.maximizedProperty().addListener(maximised);
        stage.addEventHandler(WindowEvent.WINDOW_HIDING, closing);
        forgetStage = () -> {
            bounds.forEach(property -> property.removeListener(moved));
            stage.maximizedProperty().removeListener(maximised);
            stage.removeEventHandler(WindowEvent.WINDOW_HIDING, closing);
        };
    }

    /**
     * Gives the window its icons once a spare thread has read them. Read on the window's thread, seven PNGs and the
     * scaling of one for the window system held back the first frame by some 30 ms; the icon is not needed by then.
     */
    static void giveIconsWhenLoaded(Stage stage) {
        Thread reader = new Thread(() -> {
            List<Image> icons = icons();
            Platform.runLater(() -> stage.getIcons().setAll(icons));
        }, "ipdesk-icons");
        reader.setDaemon(true);
        reader.start();
    }

    /** The application icon in every size the window system may pick from (taskbar, title bar, Alt+Tab). */
    static List<Image> icons() {
        return ICON_SIZES.stream()
                .map(size -> Objects.requireNonNull(App.class.getResource("/icons/ipdesk-" + size + ".png"),
                        "icons/ipdesk-" + size + ".png"))
                .map(url -> new Image(url.toExternalForm()))
                .toList();
    }

    private static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    @Override
    public void stop() {
        forgetStage.run();
        if (viewModel != null) {
            viewModel.externalChanges().stop();
        }
        if (viewModel != null) {
            viewModel.close();
        }
        if (executor != null) {
            executor.close();
        }
    }
}
