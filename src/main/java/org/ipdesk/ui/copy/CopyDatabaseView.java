package org.ipdesk.ui.copy;

import java.util.List;
import java.util.Objects;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.ipdesk.ui.Fxml;
import org.ipdesk.ui.ToolWindow;

/** Controller of {@code fxml/copy/CopyDatabase.fxml}: binds the copy's fields, progress and buttons. */
public final class CopyDatabaseView {

    static final String FXML = "/fxml/copy/CopyDatabase.fxml";

    private final CopyDatabaseViewModel viewModel;
    private final Timeline poll = new Timeline();

    @FXML
    private BorderPane root;
    @FXML
    private Label sourceLabel;
    @FXML
    private Label contentsLabel;
    @FXML
    private TextField targetField;
    @FXML
    private Button chooseButton;
    @FXML
    private Label hintLabel;
    @FXML
    private ProgressBar copyProgress;
    @FXML
    private Label progressLabel;
    @FXML
    private Label copySummaryLabel;
    @FXML
    private Label problemLabel;
    @FXML
    private Button cancelButton;
    @FXML
    private Button openButton;
    @FXML
    private Button copyButton;
    @FXML
    private Button closeButton;

    public CopyDatabaseView(CopyDatabaseViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
    }

    /**
     * Opens the dialog as a modal window over {@code owner} and reads what the open database holds; closing it while
     * a copy runs cancels the copy.
     */
    public static Stage showWindow(Window owner, List<String> stylesheets, CopyDatabaseViewModel viewModel) {
        CopyDatabaseView view = new CopyDatabaseView(viewModel);
        Parent root = Fxml.load(FXML, view);
        Stage stage = ToolWindow.create(owner, root, stylesheets, -1, -1);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(viewModel.title());
        stage.setOnHiding(event -> {
            viewModel.cancel();
            view.poll.stop();
        });
        stage.show();
        viewModel.load();
        return stage;
    }

    @FXML
    private void initialize() {
        root.getStylesheets().add(Objects.requireNonNull(CopyDatabaseView.class.getResource("copy.css"),
                "copy.css").toExternalForm());
        sourceLabel.textProperty().bind(viewModel.sourceProperty());
        contentsLabel.textProperty().bind(viewModel.contentsProperty());
        targetField.textProperty().bindBidirectional(viewModel.targetProperty());
        targetField.setPromptText(CopyDatabaseViewModel.TARGET_HINT);
        targetField.disableProperty().bind(viewModel.runningProperty().or(viewModel.finishedProperty()));
        chooseButton.disableProperty().bind(targetField.disableProperty());
        hintLabel.setText(viewModel.hint());
        copyProgress.progressProperty().bind(viewModel.progressProperty());
        progressLabel.textProperty().bind(viewModel.progressTextProperty());
        copySummaryLabel.textProperty().bind(viewModel.summaryProperty());
        copySummaryLabel.visibleProperty().bind(viewModel.summaryProperty().isNotEmpty());
        copySummaryLabel.managedProperty().bind(copySummaryLabel.visibleProperty());
        problemLabel.textProperty().bind(viewModel.problemProperty());
        problemLabel.visibleProperty().bind(viewModel.problemProperty().isNotEmpty());
        problemLabel.managedProperty().bind(problemLabel.visibleProperty());
        cancelButton.visibleProperty().bind(viewModel.runningProperty());
        openButton.visibleProperty().bind(viewModel.finishedProperty());
        openButton.managedProperty().bind(openButton.visibleProperty());
        copyButton.disableProperty().bind(viewModel.canCopyProperty().not());
        closeButton.disableProperty().bind(viewModel.runningProperty());
        // what the database holds (read after the window shows), a message or a summary that appears makes the window
        // as tall as its content, so the buttons stay in view
        javafx.beans.InvalidationListener fit = o -> javafx.application.Platform.runLater(() -> {
            if (root.getScene() != null && root.getScene().getWindow() instanceof Stage stage) {
                ToolWindow.growToFit(stage);
            }
        });
        viewModel.contentsProperty().addListener(fit);
        viewModel.summaryProperty().addListener(fit);
        viewModel.problemProperty().addListener(fit);
        poll.getKeyFrames().setAll(new KeyFrame(Duration.millis(100), event -> viewModel.pollProgress()));
        poll.setCycleCount(Animation.INDEFINITE);
        viewModel.runningProperty().addListener((p, was, running) -> {
            if (running) {
                poll.play();
            } else {
                poll.stop();
            }
        });
    }

    @FXML
    private void chooseFile() {
        viewModel.chooseFile();
    }

    @FXML
    private void copy() {
        viewModel.copy();
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }

    @FXML
    private void openCopy() {
        viewModel.openCopy();
        close();
    }

    @FXML
    private void close() {
        root.getScene().getWindow().hide();
    }
}
