package org.ipdesk.ui.importer;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.ipdesk.exchange.ImportLayout;
import org.ipdesk.ui.Fxml;
import org.ipdesk.ui.ToolWindow;

/** Controller of {@code fxml/importer/ImportPreview.fxml}: binds the preview table and its buttons. */
public final class ImportPreviewView {

    static final String FXML = "/fxml/importer/ImportPreview.fxml";
    private static final PseudoClass CONFLICT = PseudoClass.getPseudoClass("conflict");
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    /** The Layout list's first entry: the layout told from the file's header or content. */
    static final String TELL_FROM_THE_FILE = "Tell from the file";

    private final ImportPreviewViewModel viewModel;

    @FXML
    private BorderPane root;
    @FXML
    private Label fileLabel;
    @FXML
    private ChoiceBox<ImportLayout> layoutChoice;
    @FXML
    private Label summaryLabel;
    @FXML
    private Label errorLabel;
    @FXML
    private Label conflictLegend;
    @FXML
    private Label errorLegend;
    @FXML
    private TableView<ImportPreviewViewModel.PreviewRow> table;
    @FXML
    private ProgressIndicator busyIndicator;
    @FXML
    private Button importButton;
    @FXML
    private ProgressBar importProgress;
    @FXML
    private Button cancelImportButton;
    @FXML
    private Button closeButton;

    public ImportPreviewView(ImportPreviewViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
    }

    /** Opens the preview as a modal window over {@code owner} and starts reading the file. */
    public static Stage showWindow(Window owner, List<String> stylesheets, ImportPreviewViewModel viewModel) {
        ImportPreviewView view = new ImportPreviewView(viewModel);
        Parent root = Fxml.load(FXML, view);
        Stage stage = ToolWindow.create(owner, root, stylesheets, -1, -1);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Import " + viewModel.file().getFileName());
        stage.show();
        viewModel.preview();
        return stage;
    }

    @FXML
    private void initialize() {
        root.getStylesheets().add(Objects.requireNonNull(ImportPreviewView.class.getResource("importer.css"),
                "importer.css").toExternalForm());
        fileLabel.setText(String.valueOf(viewModel.file()));
        layoutChoice.getItems().setAll(ImportPreviewViewModel.layouts());
        layoutChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(ImportLayout layout) {
                return layout == null ? TELL_FROM_THE_FILE : layout.title();
            }

            @Override
            public ImportLayout fromString(String text) {
                return layoutChoice.getItems().stream().filter(layout -> toString(layout).equals(text)).findFirst()
                        .orElse(null);
            }
        });
        layoutChoice.valueProperty().bindBidirectional(viewModel.layoutProperty());
        layoutChoice.disableProperty().bind(viewModel.importingProperty().or(viewModel.importedProperty()));
        conflictLegend.setText(ImportPreviewViewModel.CONFLICT_MEANS);
        errorLegend.setText(ImportPreviewViewModel.ERROR_MEANS);
        javafx.beans.binding.BooleanBinding anyProblem = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> viewModel.rows().stream().anyMatch(ImportPreviewViewModel.PreviewRow::problem), viewModel.rows());
        conflictLegend.getParent().visibleProperty().bind(anyProblem);
        conflictLegend.getParent().managedProperty().bind(anyProblem);
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        errorLabel.textProperty().bind(viewModel.errorProperty());
        errorLabel.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        busyIndicator.visibleProperty().bind(viewModel.busyProperty().and(viewModel.importingProperty().not()));
        importProgress.visibleProperty().bind(viewModel.importingProperty());
        importProgress.progressProperty().bind(viewModel.progressProperty());
        cancelImportButton.visibleProperty().bind(viewModel.importingProperty());
        closeButton.disableProperty().bind(viewModel.importingProperty());
        Timeline poll = new Timeline(new KeyFrame(Duration.millis(100), event -> viewModel.pollProgress()));
        poll.setCycleCount(Animation.INDEFINITE);
        viewModel.importingProperty().addListener((p, b, running) -> {
            if (running) {
                poll.play();
            } else {
                poll.stop();
            }
        });
        importButton.disableProperty().bind(viewModel.canImportProperty().not());
        table.setItems(viewModel.rows());
        Label placeholder = new Label();
        placeholder.textProperty().bind(viewModel.emptyTextProperty());
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("text-muted");
        table.setPlaceholder(placeholder);
        TableColumn<ImportPreviewViewModel.PreviewRow, String> number = column("Row", row -> Integer.toString(row.row()),
                60);
        number.textProperty().bind(viewModel.unitProperty());
        table.getColumns().setAll(List.of(
                number,
                column("Kind", ImportPreviewViewModel.PreviewRow::kind, 80),
                column("What", ImportPreviewViewModel.PreviewRow::what, 300),
                column("Result", ImportPreviewViewModel.PreviewRow::result, 90),
                column("Note", ImportPreviewViewModel.PreviewRow::note, 400)));
        // the columns share the window's width; a reason too long for its cell shows in full on hover
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(ImportPreviewViewModel.PreviewRow item, boolean empty) {
                super.updateItem(item, empty);
                boolean shown = !empty && item != null;
                pseudoClassStateChanged(CONFLICT, shown && item.conflict());
                pseudoClassStateChanged(ERROR, shown && item.error());
                setTooltip(shown && !item.note().isEmpty()
                        ? new Tooltip(viewModel.unitProperty().get() + " " + item.row() + ", " + item.result() + ": "
                        + item.note()) : null);
            }
        });
    }

    private static TableColumn<ImportPreviewViewModel.PreviewRow, String> column(String title, Function<ImportPreviewViewModel.PreviewRow, String> value,
                                                              double width) {
        TableColumn<ImportPreviewViewModel.PreviewRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setMinWidth(Math.min(width, 60));
        column.setCellFactory(c -> new org.ipdesk.ui.TooltipTextCell<>());
        return column;
    }

    @FXML
    private void importAll() {
        viewModel.importAll();
    }

    @FXML
    private void cancelImport() {
        viewModel.cancelImport();
    }

    @FXML
    private void close() {
        root.getScene().getWindow().hide();
    }
}
