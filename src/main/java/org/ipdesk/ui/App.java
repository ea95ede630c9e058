package org.ipdesk.ui;

import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import javafx.application.Application;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.ipdesk.store.DataLocation;
import org.ipdesk.ui.main.MainView;
import org.ipdesk.ui.main.MainViewModel;

/** The window: the default database, or the file of {@code --db FILE}. Started by {@link Launcher}. */
public final class App extends Application {

    private FxTaskExecutor executor;
    private MainViewModel viewModel;

    @Override
    public void start(Stage stage) throws IOException {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Path file = Launcher.databaseOption(getParameters().getRaw()).orElseGet(DataLocation::defaultDatabase)
                .toAbsolutePath().normalize();

        executor = new FxTaskExecutor();
        viewModel = new MainViewModel(file, executor);

        FXMLLoader loader = new FXMLLoader(
                Objects.requireNonNull(App.class.getResource("/fxml/main/MainView.fxml"), "fxml/main/MainView.fxml"));
        loader.setControllerFactory(type -> {
            if (type == MainView.class) {
                return new MainView(viewModel);
            }
            throw new IllegalArgumentException("no controller " + type);
        });
        Parent root = loader.load();

        Scene scene = new Scene(root, 1000, 640);
        scene.getStylesheets().add(
                Objects.requireNonNull(App.class.getResource("/org/ipdesk/ui/ipdesk.css"), "ipdesk.css").toExternalForm());
        stage.titleProperty().bind(viewModel.titleProperty());
        stage.setScene(scene);
        stage.show();

        viewModel.load();
    }

    @Override
    public void stop() {
        if (viewModel != null) {
            viewModel.close();
        }
        if (executor != null) {
            executor.close();
        }
    }
}
