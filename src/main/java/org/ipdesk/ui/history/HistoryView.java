package org.ipdesk.ui.history;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.ipdesk.ui.Fxml;
import org.ipdesk.ui.ToolWindow;

/**
 * Controller of {@code fxml/history/HistoryView.fxml}: binds the filter bar, the change table and the before/after
 * texts to a {@link HistoryViewModel}. Open it in a window of its own with {@link #showWindow}, or place
 * {@code HistoryView.load(viewModel).root()} yourself (then call {@code viewModel.load()}).
 */
public final class HistoryView {

    /** Where the FXML lives on the classpath. */
    public static final String FXML = "/fxml/history/HistoryView.fxml";

    private static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");

    private final HistoryViewModel viewModel;
    /** Set while the view copies the view model's selection into the table, so the copy does not echo back. */
    private boolean syncing;

    @FXML
    private BorderPane root;
    @FXML
    private TextField subnetField;
    @FXML
    private TextField addressField;
    @FXML
    private ChoiceBox<String> userChoice;
    @FXML
    private DatePicker fromPicker;
    @FXML
    private DatePicker toPicker;
    @FXML
    private Label subnetError;
    @FXML
    private Label addressError;
    @FXML
    private Label datesError;
    @FXML
    private TableView<ChangeRow> table;
    @FXML
    private Label tablePlaceholder;
    @FXML
    private TableColumn<ChangeRow, String> timeColumn;
    @FXML
    private TableColumn<ChangeRow, String> userColumn;
    @FXML
    private TableColumn<ChangeRow, String> actionColumn;
    @FXML
    private TableColumn<ChangeRow, String> objectColumn;
    @FXML
    private TableColumn<ChangeRow, String> summaryColumn;
    @FXML
    private TextArea beforeArea;
    @FXML
    private TextArea afterArea;
    @FXML
    private Label countLabel;

    public HistoryView(HistoryViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
    }

    /** Loads the FXML with a controller bound to {@code viewModel}; the Node to place is {@link #root()}. */
    public static HistoryView load(HistoryViewModel viewModel) {
        HistoryView view = new HistoryView(viewModel);
        Fxml.load(FXML, view);
        return view;
    }

    /**
     * Opens the History in a window of its own, not modal, owned by {@code owner} (may be null), with the given
     * stylesheets on its scene (the application's), titled "History — FILE"; reads the log; returns the window.
     * In the window F5 reads again and Ctrl+W (Cmd+W) closes it.
     */
    public static Stage showWindow(Window owner, List<String> stylesheets, HistoryViewModel viewModel) {
        HistoryView view = load(viewModel);
        Stage stage = ToolWindow.create(owner, view.root(), stylesheets, -1, -1);
        stage.getScene().getAccelerators().put(new KeyCodeCombination(KeyCode.F5), viewModel::refresh);
        stage.titleProperty().bind(viewModel.titleProperty());
        stage.setMinWidth(640);
        stage.setMinHeight(420);
        stage.show();
        viewModel.load();
        return stage;
    }

    @FXML
    private void initialize() {
        root.getStylesheets().add(Objects.requireNonNull(HistoryView.class.getResource("history.css"),
                "history.css").toExternalForm());
        subnetField.textProperty().bindBidirectional(viewModel.subnetProperty());
        addressField.textProperty().bindBidirectional(viewModel.addressProperty());
        userChoice.setItems(viewModel.users());
        userChoice.valueProperty().bindBidirectional(viewModel.userProperty());
        fromPicker.valueProperty().bindBidirectional(viewModel.fromProperty());
        toPicker.valueProperty().bindBidirectional(viewModel.toProperty());
        error(subnetField, subnetError, viewModel.subnetErrorProperty());
        error(addressField, addressError, viewModel.addressErrorProperty());
        error(fromPicker.getEditor(), datesError, viewModel.datesErrorProperty());
        error(toPicker.getEditor(), datesError, viewModel.datesErrorProperty());

        column(timeColumn, ChangeRow::time);
        column(userColumn, ChangeRow::user);
        column(actionColumn, ChangeRow::action);
        column(objectColumn, ChangeRow::object);
        // the object ends with what matters ("address 10.0.0.0/24 in dc1 10.0.0.5"): cut its start, not the IP
        objectColumn.getStyleClass().add("object-column");
        column(summaryColumn, ChangeRow::summary);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        SortedList<ChangeRow> sorted = new SortedList<>(viewModel.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().selectedItemProperty().addListener((property, was, now) -> {
            if (!syncing) {
                viewModel.selectedProperty().set(now);
            }
        });
        viewModel.selectedProperty().addListener((property, was, now) -> {
            if (now != table.getSelectionModel().getSelectedItem()) {
                syncing = true;
                try {
                    if (now == null) {
                        table.getSelectionModel().clearSelection();
                    } else {
                        table.getSelectionModel().select(now);
                    }
                } finally {
                    syncing = false;
                }
            }
        });
        tablePlaceholder.textProperty().bind(viewModel.countProperty().map(
                text -> text.isEmpty() ? "Reading the history\u2026" : text));

        beforeArea.textProperty().bind(viewModel.beforeProperty());
        afterArea.textProperty().bind(viewModel.afterProperty());
        countLabel.textProperty().bind(viewModel.countProperty());
    }

    @FXML
    private void clearFilters() {
        viewModel.clearFilters();
    }

    @FXML
    private void refresh() {
        viewModel.refresh();
    }

    /** Shows a filter's message below it and marks the field (AtlantaFX's :danger state) while there is one. */
    private static void error(TextField field, Label label, ReadOnlyStringProperty message) {
        label.textProperty().bind(message);
        label.visibleProperty().bind(message.isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        field.pseudoClassStateChanged(DANGER, !message.get().isEmpty());
        message.addListener((property, was, now) -> field.pseudoClassStateChanged(DANGER, !now.isEmpty()));
    }

    /** A text column: the row's text, and the whole text in a tooltip (long keys and summaries are cut). */
    private static void column(TableColumn<ChangeRow, String> column, Function<ChangeRow, String> text) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        column.setCellFactory(c -> new org.ipdesk.ui.TooltipTextCell<>());
    }

    /** The pane. */
    public Parent root() {
        return root;
    }

    public HistoryViewModel viewModel() {
        return viewModel;
    }

    /** The change table (tests). */
    TableView<ChangeRow> table() {
        return table;
    }
}
