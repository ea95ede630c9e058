package org.ipdesk.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.ipdesk.settings.SettingsStore;
import org.ipdesk.ui.main.ExternalChangeWatcher;
import org.ipdesk.ui.main.MainView;
import org.ipdesk.ui.main.MainViewModel;

/**
 * The window: the file of {@code --db FILE}, else the last file used (remembered in the settings), else the
 * default database. Started by {@link Launcher}.
 */
public final class App extends Application {

    private static final List<Integer> ICON_SIZES = List.of(16, 24, 32, 48, 64, 128, 256);

    private FxTaskExecutor executor;
    private MainViewModel viewModel;
    private MainView view;

    @Override
    public void start(Stage stage) {
        SettingsStore settings = SettingsStore.forUser();
        Optional<Path> asked = Launcher.databaseOption(getParameters().getRaw());
        Path file = asked.orElseGet(() -> MainViewModel.startupDatabase(settings)).toAbsolutePath().normalize();

        executor = new FxTaskExecutor();
        String css = Objects.requireNonNull(App.class.getResource("/org/ipdesk/ui/ipdesk.css"), "ipdesk.css")
                .toExternalForm();
        viewModel = new MainViewModel(file, executor, settings, new FxDialogService(() -> stage, List.of(css)));
        if (asked.isEmpty()) {
            viewModel.reportMissingStartupFile();
        }
        // the database opens and its tree is read on the database thread while this thread builds the window
        viewModel.load();
        applyTheme(viewModel.preferences().darkThemeProperty().get());
        viewModel.preferences().darkThemeProperty().addListener((property, before, dark) -> applyTheme(dark));

        view = new MainView(viewModel);
        Parent root = Fxml.load("/fxml/main/MainView.fxml", view);

        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1360, screen.getWidth() * 0.92), Math.min(820, screen.getHeight() * 0.9));
        scene.getStylesheets().add(css);
        stage.titleProperty().bind(viewModel.titleProperty());
        stage.getIcons().setAll(icons());
        stage.setScene(scene);
        stage.show();
        viewModel.externalChanges().start(ExternalChangeWatcher.POLL);

        if (StartupProbe.requested()) {
            StartupProbe.exitWhenUsable(scene, viewModel.state().loadingProperty(), viewModel.status().summaryProperty(),
                    viewModel.state().errorProperty());
        }
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
