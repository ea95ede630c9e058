package org.ipdesk.ui.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import atlantafx.base.theme.Styles;
import org.ipdesk.address.Ip;
import org.ipdesk.ui.Fxml;
import org.ipdesk.ui.action.ActionFactory;
import org.ipdesk.ui.action.Command;
import org.ipdesk.ui.action.StandardAction;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Controller of {@code fxml/table/AddressTable.fxml}: a virtualised {@link TableView} over the rows of an
 * {@link AddressTableViewModel}, sortable by every column (addresses as numbers), with the filter field and the
 * free-address switch. The view copies the table's selection into the view model and selects what the view model
 * says the grid has selected; the commands come from the window ({@link #useCommands}).
 */
public final class AddressTableView {

    /** Where the FXML lives on the classpath. */
    public static final String FXML = "/fxml/table/AddressTable.fxml";

    private final AddressTableViewModel viewModel;
    /** Set while the view selects what the grid selected, so the table's own listener stays quiet. */
    private boolean following;

    @FXML
    private VBox addressTablePane;
    @FXML
    private TextField tableFilterField;
    @FXML
    private CheckBox freeBox;
    @FXML
    private Label tableSummaryLabel;
    @FXML
    private TableView<AddressRow> addressTable;
    @FXML
    private TableColumn<AddressRow, Ip> ipColumn;
    @FXML
    private TableColumn<AddressRow, String> statusColumn;
    @FXML
    private TableColumn<AddressRow, String> hostColumn;
    @FXML
    private TableColumn<AddressRow, String> macColumn;
    @FXML
    private TableColumn<AddressRow, String> ownerColumn;
    @FXML
    private TableColumn<AddressRow, String> descriptionColumn;
    @FXML
    private TableColumn<AddressRow, String> changedColumn;
    @FXML
    private TableColumn<AddressRow, String> seenColumn;

    private AddressTableView(AddressTableViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public static AddressTableView load(AddressTableViewModel viewModel) {
        AddressTableView view = new AddressTableView(viewModel);
        Fxml.load(FXML, view);
        return view;
    }

    public VBox root() {
        return addressTablePane;
    }

    public TableView<AddressRow> table() {
        return addressTable;
    }

    @FXML
    private void initialize() {
        addressTablePane.visibleProperty().bind(viewModel.activeProperty());
        addressTablePane.managedProperty().bind(addressTablePane.visibleProperty());
        addressTablePane.getStylesheets().add(Objects.requireNonNull(AddressTableView.class.getResource("table.css"), "table.css")
                .toExternalForm());
        tableFilterField.textProperty().bindBidirectional(viewModel.filterProperty());
        freeBox.selectedProperty().bindBidirectional(viewModel.includeFreeProperty());
        tableSummaryLabel.textProperty().bind(viewModel.summaryProperty());
        ipColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().ip()));
        ipColumn.setComparator(Ip::compareTo);
        text(statusColumn, AddressRow::statusText);
        text(hostColumn, AddressRow::hostname);
        text(macColumn, AddressRow::mac);
        text(ownerColumn, AddressRow::owner);
        text(descriptionColumn, AddressRow::description);
        text(changedColumn, AddressRow::lastChangedText);
        text(seenColumn, AddressRow::lastSeenText);
        // which file saw it, with the MAC and host name it saw, on hover
        seenColumn.setCellFactory(column -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                AddressRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : item);
                setTooltip(row == null || row.lastSeenDetail().isEmpty() ? null
                        : new javafx.scene.control.Tooltip(row.lastSeenDetail()));
            }
        });
        SortedList<AddressRow> sorted = new SortedList<>(viewModel.rows());
        sorted.comparatorProperty().bind(addressTable.comparatorProperty());
        addressTable.setItems(sorted);
        addressTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        Label placeholder = new Label();
        placeholder.textProperty().bind(viewModel.placeholderProperty());
        // a narrow pane wraps the text rather than cutting it
        placeholder.setWrapText(true);
        placeholder.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        placeholder.setPadding(new javafx.geometry.Insets(0, 16, 0, 16));
        addressTable.setPlaceholder(placeholder);
        // IPv6 addresses need a wider column than IPv4 ones
        viewModel.allRows().addListener((ListChangeListener<AddressRow>) change -> {
            boolean v6 = !viewModel.allRows().isEmpty() && !viewModel.allRows().get(0).ip().isV4();
            ipColumn.setPrefWidth(v6 ? 280 : 120);
        });
        addressTable.getSelectionModel().getSelectedItems().addListener((ListChangeListener<AddressRow>) change -> tell());
        addressTable.getFocusModel().focusedItemProperty().addListener((property, before, now) -> tell());
        viewModel.followProperty().addListener((property, before, now) -> follow(now));
    }

    private static void text(TableColumn<AddressRow, String> column, Function<AddressRow, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }

    /**
     * The window's commands on the table: a context menu from the action catalogue, Enter and double-click to edit
     * or reserve the focused row, Delete to release the selected rows, Ctrl+C to copy them.
     */
    public void useCommands(Command edit, Command reserve, Command release, Command copy) {
        addressTable.setContextMenu(new ContextMenu(
                ActionFactory.contextItem(StandardAction.EDIT_ADDRESS, edit),
                ActionFactory.contextItem(StandardAction.RESERVE, reserve),
                ActionFactory.contextItem(StandardAction.RELEASE, release),
                ActionFactory.contextItem(StandardAction.COPY, copy)));
        KeyCombination copyKeys = ActionFactory.accelerator(StandardAction.COPY);
        addressTable.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (copyKeys.match(event)) {
                copy.execute();
            } else if (event.getCode() == KeyCode.DELETE && !event.isShortcutDown()) {
                release.execute();
            } else if (event.getCode() == KeyCode.ENTER) {
                (edit.isExecutable() ? edit : reserve).execute();
            } else {
                return;
            }
            event.consume();
        });
        addressTable.setRowFactory(view -> {
            TableRow<AddressRow> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && !row.isEmpty()) {
                    (edit.isExecutable() ? edit : reserve).execute();
                }
            });
            return row;
        });
    }

    /**
     * The Grid | Table switch for the centre pane: Table shows the table instead of the grid (and lets the view
     * model read its rows). It needs no table: the window loads the table the first time Table is pressed.
     */
    public static HBox switchBar(AddressTableViewModel viewModel) {
        ToggleButton grid = new ToggleButton("Grid", new FontIcon(Material2AL.GRID_ON));
        ToggleButton list = new ToggleButton("Table", new FontIcon(Material2MZ.TABLE_ROWS));
        grid.setId("gridViewButton");
        list.setId("tableViewButton");
        grid.getStyleClass().add(Styles.LEFT_PILL);
        list.getStyleClass().add(Styles.RIGHT_PILL);
        ToggleGroup group = new ToggleGroup();
        group.getToggles().setAll(grid, list);
        list.setSelected(viewModel.activeProperty().get());
        grid.setSelected(!viewModel.activeProperty().get());
        // one of the two is always pressed
        group.selectedToggleProperty().addListener((property, before, now) -> {
            if (now == null) {
                before.setSelected(true);
            }
        });
        list.selectedProperty().addListener((property, before, now) -> viewModel.activeProperty().set(now));
        viewModel.activeProperty().addListener((property, before, now) -> (now ? list : grid).setSelected(true));
        HBox bar = new HBox(grid, list);
        bar.getStyleClass().add("view-switch");
        return bar;
    }

    /** The table's selection changed: tell the view model, unless the view is following the grid. */
    private void tell() {
        if (following) {
            return;
        }
        viewModel.select(List.copyOf(addressTable.getSelectionModel().getSelectedItems()),
                addressTable.getFocusModel().getFocusedItem());
    }

    /** Selects the rows the grid's selection covers, with the focus on its caret's address. */
    private void follow(AddressTableViewModel.Follow wanted) {
        if (wanted == null) {
            return;
        }
        List<AddressRow> items = addressTable.getItems();
        List<Integer> indices = new ArrayList<>();
        int caret = -1;
        for (int i = 0; i < items.size(); i++) {
            Ip ip = items.get(i).ip();
            if (wanted.range().contains(ip)) {
                indices.add(i);
                if (wanted.caret().isPresent() && wanted.caret().get().equals(ip)) {
                    caret = i;
                }
            }
        }
        following = true;
        try {
            addressTable.getSelectionModel().clearSelection();
            if (!indices.isEmpty()) {
                int[] rest = indices.stream().skip(1).mapToInt(Integer::intValue).toArray();
                addressTable.getSelectionModel().selectIndices(indices.get(0), rest);
                if (caret >= 0) {
                    addressTable.getFocusModel().focus(caret);
                }
            }
        } finally {
            following = false;
        }
        // the view model learns what is selected now, without steering the grid back
        viewModel.select(List.copyOf(addressTable.getSelectionModel().getSelectedItems()),
                addressTable.getFocusModel().getFocusedItem());
        if (caret >= 0 && !addressTablePane.isFocusWithin()) {
            addressTable.scrollTo(Math.max(0, caret - 3));
        }
    }
}
