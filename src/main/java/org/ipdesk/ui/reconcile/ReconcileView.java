package org.ipdesk.ui.reconcile;

import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.ipdesk.ui.ToolWindow;
import org.ipdesk.ui.TooltipTextCell;

/**
 * The Reconcile window, laid out in code: stale days and Reload above, the findings in a table (kind, address, seen,
 * recorded, suggested, and a choice of action per row), what the last apply did or why it was refused below, with
 * Apply. Keyboard: the arrows move through the rows, Space steps the selected row's action through its choices,
 * Ctrl+Enter applies, F5 reads again, Ctrl+W closes.
 */
public final class ReconcileView {

    private final ReconcileViewModel viewModel;
    private final BorderPane root = new BorderPane();
    private final TableView<ReconcileRow> table = new TableView<>();
    private final Spinner<Integer> staleDays = new Spinner<>(1, 3650, 30);
    private final Button apply = new Button("_Apply chosen actions");
    private final Button reload = new Button("_Reload");
    private final Label message = new Label();
    private final Label count = new Label();

    public ReconcileView(ReconcileViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        build();
    }

    /** The node to place. */
    public Parent root() {
        return root;
    }

    /** The findings table (tests read it). */
    public TableView<ReconcileRow> table() {
        return table;
    }

    /**
     * Opens a Reconcile window, not modal, owned by {@code owner} (may be null), with {@code stylesheets} on its
     * scene; reads the findings; returns the window.
     */
    public static Stage showWindow(Window owner, List<String> stylesheets, ReconcileViewModel viewModel) {
        ReconcileView view = new ReconcileView(viewModel);
        Stage stage = ToolWindow.create(owner, view.root(), stylesheets, 1100, 560);
        stage.getScene().getAccelerators().put(new KeyCodeCombination(KeyCode.F5), viewModel::reload);
        stage.getScene().getAccelerators().put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN),
                viewModel::apply);
        stage.titleProperty().bind(viewModel.titleProperty());
        stage.setMinWidth(720);
        stage.setMinHeight(360);
        stage.show();
        viewModel.reload();
        view.table.requestFocus();
        return stage;
    }

    private void build() {
        root.getStyleClass().add("reconcile-view");
        // each subnet's own stale days (its Edit dialog) unless the admin asks for one number for every subnet
        CheckBox daysLabel = new CheckBox("_Same stale days for every subnet:");
        daysLabel.setMnemonicParsing(true);
        daysLabel.selectedProperty().bindBidirectional(viewModel.sameStaleDaysProperty());
        daysLabel.setTooltip(new Tooltip("Unticked, each subnet's own stale days count (Edit subnet; "
                + org.ipdesk.model.Subnet.DEFAULT_STALE_DAYS + " unless set there)"));
        daysLabel.selectedProperty().addListener((property, was, now) -> viewModel.reload());
        staleDays.disableProperty().bind(daysLabel.selectedProperty().not());
        staleDays.setEditable(true);
        staleDays.setPrefWidth(90);
        staleDays.getValueFactory().setValue(viewModel.staleDaysProperty().get());
        staleDays.valueProperty().addListener((property, was, now) -> {
            if (now != null) {
                viewModel.staleDaysProperty().set(now);
                viewModel.reload();
            }
        });
        reload.setOnAction(event -> viewModel.reload());
        reload.setTooltip(new Tooltip("Read the findings again (F5); the chosen actions are forgotten"));
        count.textProperty().bind(viewModel.countProperty());
        count.getStyleClass().add(Styles.TEXT_MUTED);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(10, daysLabel, staleDays, reload, spacer, count);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(10, 12, 8, 12));
        root.setTop(top);

        table.getColumns().add(column("Kind", 150, ReconcileRow::kind));
        table.getColumns().add(column("Address", 110, ReconcileRow::address));
        table.getColumns().add(column("Seen", 280, ReconcileRow::seen));
        table.getColumns().add(column("Recorded", 215, ReconcileRow::recorded));
        table.getColumns().add(column("Suggested", 150, ReconcileRow::suggested));
        TableColumn<ReconcileRow, ReconcileRow> action = new TableColumn<>("Action");
        action.setPrefWidth(160);
        action.setSortable(false);
        action.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyObjectWrapper<>(cell.getValue()));
        action.setCellFactory(c -> new ActionCell());
        table.getColumns().add(action);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setItems(viewModel.rows());
        Label placeholder = new Label();
        placeholder.textProperty().bind(viewModel.countProperty().map(
                text -> text.isEmpty() ? "Reading the findings\u2026" : text));
        table.setPlaceholder(placeholder);
        table.setOnKeyPressed(event -> {
            ReconcileRow row = table.getSelectionModel().getSelectedItem();
            if (event.getCode() == KeyCode.SPACE && row != null) {
                List<String> choices = row.choices();
                int at = choices.indexOf(row.chosenProperty().get());
                row.chosenProperty().set(choices.get((at + 1) % choices.size()));
                event.consume();
            }
        });
        BorderPane.setMargin(table, new Insets(0, 12, 0, 12));
        root.setCenter(table);

        message.textProperty().bind(viewModel.messageProperty());
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        viewModel.failedProperty().addListener((property, was, now) -> danger(now));
        danger(viewModel.failedProperty().get());
        apply.getStyleClass().add(Styles.ACCENT);
        apply.setMnemonicParsing(true);
        reload.setMnemonicParsing(true);
        apply.setTooltip(new Tooltip("Apply the chosen actions as one change (Ctrl+Enter); Edit \u2192 Undo takes it "
                + "back"));
        apply.setOnAction(event -> {
            viewModel.apply();
            table.requestFocus();
        });
        apply.disableProperty().bind(viewModel.busyProperty());
        reload.disableProperty().bind(viewModel.busyProperty());
        Label hint = new Label("Space: next action for the selected row");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setMinWidth(Region.USE_PREF_SIZE);
        apply.setMinWidth(Region.USE_PREF_SIZE);
        message.setMinWidth(0);
        // the keyboard stays in the table when Apply is disabled while the apply runs
        viewModel.busyProperty().addListener((property, was, now) -> {
            if (!now && apply.getScene() != null && apply.getScene().getFocusOwner() == null) {
                table.requestFocus();
            }
        });
        HBox bottom = new HBox(10, message, hint, apply);
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.setPadding(new Insets(8, 12, 10, 12));
        root.setBottom(bottom);
        root.setPrefSize(1100, 560);
    }

    private void danger(boolean failed) {
        message.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
        message.getStyleClass().add(failed ? Styles.DANGER : Styles.SUCCESS);
    }

    /** A text column, the whole text in a tooltip. */
    private static TableColumn<ReconcileRow, String> column(String title, double width,
            Function<ReconcileRow, String> text) {
        TableColumn<ReconcileRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        column.setCellFactory(c -> new TooltipTextCell<>());
        return column;
    }

    /** The row's action as a combo box of its choices, bound both ways to the row's chosen action. */
    private static final class ActionCell extends TableCell<ReconcileRow, ReconcileRow> {
        private final ComboBox<String> choice = new ComboBox<>();
        private ReconcileRow bound;

        ActionCell() {
            choice.setMaxWidth(Double.MAX_VALUE);
            choice.getStyleClass().add("reconcile-action");
            setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(ReconcileRow row, boolean empty) {
            super.updateItem(row, empty);
            if (bound != null) {
                choice.valueProperty().unbindBidirectional(bound.chosenProperty());
                bound = null;
            }
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            choice.getItems().setAll(row.choices());
            choice.valueProperty().bindBidirectional(row.chosenProperty());
            choice.setDisable(row.choices().size() < 2);
            bound = row;
            setGraphic(choice);
        }
    }
}
