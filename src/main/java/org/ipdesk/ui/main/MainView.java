package org.ipdesk.ui.main;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToolBar;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.ipdesk.ui.AttachedWhenShown;
import org.ipdesk.ui.details.AddressDetailsView;
import org.ipdesk.ui.action.ActionFactory;
import org.ipdesk.ui.action.Command;
import org.ipdesk.ui.main.RoleGuards.Change;
import org.ipdesk.ui.action.StandardAction;
import org.ipdesk.ui.grid.AddressGrid;
import org.ipdesk.ui.grid.AddressGridViewModel;
import org.ipdesk.ui.grid.GridBreadcrumb;
import org.ipdesk.ui.grid.GridLegend;
import org.ipdesk.ui.help.HowItWorksView;
import org.ipdesk.ui.help.KeyboardShortcuts;
import org.ipdesk.ui.help.ShortcutsView;
import org.ipdesk.ui.history.HistoryView;
import org.ipdesk.ui.reconcile.ReconcileView;
import org.ipdesk.ui.search.SearchView;
import org.ipdesk.ui.serviceexport.ServiceExportView;
import org.ipdesk.ui.subnet.SubnetHeaderView;
import org.ipdesk.ui.table.AddressTableView;
import org.ipdesk.ui.table.AddressTableViewModel;
import org.ipdesk.ui.usage.UsageDashboardView;

/**
 * Controller of {@code fxml/main/MainView.fxml}: binds the menus, the tree, the grid and the status bar to
 * {@link MainViewModel} and forwards the user's commands to it.
 */
public final class MainView {


    /** The width of the keyboard focus ring around the grid (ipdesk.css, {@code .grid-slot:focus-within}). */
    private static final double FOCUS_RING = 2;

    private final MainViewModel viewModel;
    private final RoleGuards roles;
    private final FileChoosers choosers;
    /** The address table, once it has been shown. */
    private AddressTableView table;
    private final AddressGrid grid;

    private final Menu recentMenu = new Menu("Open _recent");

    @FXML
    private Menu fileMenu;
    @FXML
    private Menu editMenu;
    @FXML
    private Menu addressMenu;
    @FXML
    private Menu viewMenu;
    @FXML
    private Menu helpMenu;
    @FXML
    private ToolBar toolBar;
    @FXML
    private Pane toolBarSpacer;
    @FXML
    private StackPane searchSlot;
    @FXML
    private SplitPane splitPane;
    @FXML
    private TextField filterField;
    @FXML
    private TreeView<TreeRow> networkTree;
    @FXML
    private Label placeholderLabel;
    @FXML
    private VBox centerPane;
    @FXML
    private StackPane headerSlot;
    @FXML
    private HBox breadcrumbSlot;
    @FXML
    private StackPane gridSlot;
    @FXML
    private StackPane legendSlot;
    @FXML
    private VBox detailsSlot;
    @FXML
    private Label databaseLabel;
    @FXML
    private Label summaryLabel;
    @FXML
    private Label lastOperationLabel;
    /** View → Dark theme's toolbar twin, at the toolbar's end. */
    private ToggleButton themeButton;

    public MainView(MainViewModel viewModel) {
        this.viewModel = viewModel;
        this.roles = new RoleGuards(viewModel.fileSwitch().rights());
        this.grid = new AddressGrid(viewModel.grid());
        this.choosers = new FileChoosers(viewModel, this::window);
    }

    @FXML
    private void initialize() {
        bindTree();
        bindCentre();
        bindTheme();
        bindFileCommands();
        bindMenus();
        bindEditing();
        bindAddressCommands();
        bindSearchHistoryAndHelp();
        bindCopy();
        bindStatusBar();
    }

    /** The address grid of the selected subnet (tests and screenshots read it). */
    public AddressGrid grid() {
        return grid;
    }

    /** Where the dividers between tree, grid and details are, left to right, as shares of the width. */
    public List<Double> dividerPositions() {
        return java.util.Arrays.stream(splitPane.getDividerPositions()).boxed().toList();
    }

    /** Puts the dividers between tree, grid and details at these shares of the width (the remembered ones). */
    public void setDividerPositions(List<Double> positions) {
        splitPane.setDividerPositions(positions.stream().mapToDouble(Double::doubleValue).toArray());
    }

    // ================================================================= binding

    private void bindTree() {
        networkTree.setRoot(new TreeItem<>());
        networkTree.setShowRoot(false);
        networkTree.setCellFactory(tree -> new NetworkTreeCell(viewModel.preferences().warningPercentProperty(),
                viewModel.preferences().criticalPercentProperty()));
        // new thresholds (Edit → Preferences) recolour the bars at once
        viewModel.preferences().warningPercentProperty().addListener((property, before, now) -> networkTree.refresh());
        viewModel.preferences().criticalPercentProperty().addListener((property, before, now) -> networkTree.refresh());
        filterField.textProperty().bindBidirectional(viewModel.tree().filterProperty());
        NetworkTreePane pane = new NetworkTreePane(networkTree, viewModel);
        placeholderLabel.textProperty().bind(viewModel.state().placeholderProperty());
        placeholderLabel.visibleProperty().bind(viewModel.state().placeholderProperty().isNotEmpty()
                .and(viewModel.state().emptyDatabaseProperty().not()));
        StackPane treeStack = (StackPane) networkTree.getParent();
        VBox firstRun = FirstRun.pane(viewModel);
        treeStack.getChildren().add(firstRun);
        AttachedWhenShown.attach(treeStack, firstRun, viewModel.state().emptyDatabaseProperty());
        pane.showRows();
    }

    /** Ctrl+C in the grid or the tree: the selected address(es), block, subnet or network, as plain text. */
    private void bindCopy() {
        KeyCombination copy = ActionFactory.accelerator(StandardAction.COPY);
        grid.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (copy.match(event)) {
                copy(true);
                event.consume();
            }
        });
        networkTree.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (copy.match(event)) {
                copy(false);
                event.consume();
            }
        });
    }

    private void copy(boolean fromGrid) {
        putOnClipboard(viewModel.copy().text(fromGrid));
    }

    private void putOnClipboard(String text) {
        if (!text.isEmpty()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
            long lines = text.lines().count();
            viewModel.status().report("Copied " + (lines > 1 ? lines + " addresses" : text.strip()), false);
        }
    }

    /** What an empty database offers: its first network, another file, or the sample data to look around. */
    private void bindCentre() {
        SubnetHeaderView header = SubnetHeaderView.load(viewModel.header());
        header.darkProperty().bind(viewModel.preferences().darkThemeProperty());
        headerSlot.getChildren().setAll(header.root());
        AddressDetailsView details = AddressDetailsView.load(viewModel.details());
        details.darkProperty().bind(viewModel.preferences().darkThemeProperty());
        detailsSlot.getChildren().setAll(details.root());
        VBox.setVgrow(details.root(), javafx.scene.layout.Priority.ALWAYS);
        gridSlot.getChildren().setAll(grid);
        // a short window gives the grid what the header and legend leave; it scrolls, and draws nothing over them
        // (but the focus ring, drawn just outside the slot so that focus changes no size: ipdesk.css)
        grid.setMinHeight(0);
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle(-FOCUS_RING, -FOCUS_RING, 0, 0);
        clip.widthProperty().bind(gridSlot.widthProperty().add(2 * FOCUS_RING));
        clip.heightProperty().bind(gridSlot.heightProperty().add(2 * FOCUS_RING));
        gridSlot.setClip(clip);
        legendSlot.getChildren().setAll(new GridLegend(grid));
        breadcrumbSlot.getChildren().setAll(new GridBreadcrumb(viewModel.grid()));
        // the header already names the subnet: the breadcrumb shows only once the user zooms into a block map
        breadcrumbSlot.visibleProperty().bind(Bindings.size(viewModel.grid().path()).greaterThan(1)
                .or(viewModel.grid().modeProperty().isEqualTo(AddressGridViewModel.Mode.BLOCKS)));
        breadcrumbSlot.managedProperty().bind(breadcrumbSlot.visibleProperty());
        grid.darkProperty().bind(viewModel.preferences().darkThemeProperty());
        grid.cellSizeProperty().bind(viewModel.preferences().cellSizeProperty());
        bindTable();
    }

    /**
     * The address table in the grid's place (the Grid | Table switch above them), with the address commands. The
     * table is built the first time it is shown, so a start that never uses it does not pay for it.
     */
    private void bindTable() {
        AddressTableViewModel rows = viewModel.table();
        grid.visibleProperty().bind(rows.activeProperty().not());
        // the grid's slot is as high as its rows (the legend right under them); the table takes all there is
        gridSlot.maxHeightProperty().bind(javafx.beans.binding.Bindings.when(rows.activeProperty())
                .then(Double.MAX_VALUE).otherwise(javafx.scene.layout.Region.USE_PREF_SIZE));
        legendSlot.visibleProperty().bind(rows.activeProperty().not());
        legendSlot.managedProperty().bind(legendSlot.visibleProperty());
        centerPane.getChildren().add(centerPane.getChildren().indexOf(gridSlot), AddressTableView.switchBar(rows));
        rows.activeProperty().subscribe(active -> {
            if (active && table == null) {
                loadTable(rows);
            }
        });
    }

    private void loadTable(AddressTableViewModel rows) {
        table = AddressTableView.load(rows);
        gridSlot.getChildren().add(table.root());
        Runnable activate = () -> rows.focusedIp().ifPresent(viewModel.addresses()::activate);
        table.useCommands(Command.when(rows.focusedHeldProperty(), activate),
                Command.when(rows.focusedFreeProperty(), activate),
                roles.command(rows.heldSelectedProperty(), Change.ADDRESSES,
                        () -> viewModel.addresses().release(rows.selectedHeldIps())),
                Command.when(rows.anySelectedProperty(), () -> putOnClipboard(rows.copyText())));
    }

    /**
     * The editing commands, each one menu item in Edit, a toolbar button where it is common, and an entry in the
     * tree's context menu; enabled only when they apply.
     */
    private void bindEditing() {
        // a team role greys out what it may not change (networks and subnets: admins; ranges: editors too)
        Command newNetwork = roles.command(Change.NETWORKS, viewModel.edits()::newNetwork);
        Command newSubnet = roles.command(viewModel.tree().hasNetworksProperty(), Change.SUBNETS, viewModel.edits()::newSubnet);
        Command newRange = roles.command(viewModel.selection().subnetSelectedProperty(), Change.RANGES, viewModel.edits()::newRange);
        Command edit = roles.command(viewModel.selection().somethingSelectedProperty(), Change.SUBNETS, viewModel.edits()::editSelected);
        Command delete = roles.command(viewModel.selection().somethingSelectedProperty(), Change.SUBNETS, viewModel.edits()::deleteSelected);
        Command deleteRange = roles.command(viewModel.selection().subnetSelectedProperty(), Change.RANGES, viewModel.edits()::deleteRangeAtCaret);
        Command editRange = roles.command(viewModel.selection().subnetSelectedProperty(), Change.RANGES, viewModel.edits()::editRangeAtCaret);
        Command newChild = roles.command(viewModel.selection().subnetSelectedProperty(), Change.SUBNETS, viewModel.addresses()::newChildSubnet);
        MenuItem undo = ActionFactory.menuItem(StandardAction.UNDO,
                Command.when(viewModel.undoRedo().stack().canUndoProperty(), viewModel.undoRedo()::undo));
        undo.textProperty().bind(viewModel.undoRedo().stack().undoTextProperty());
        MenuItem redo = ActionFactory.menuItem(StandardAction.REDO,
                Command.when(viewModel.undoRedo().stack().canRedoProperty(), viewModel.undoRedo()::redo));
        redo.textProperty().bind(viewModel.undoRedo().stack().redoTextProperty());
        editMenu.getItems().setAll(undo, redo, new SeparatorMenuItem(),
                ActionFactory.menuItem(StandardAction.NEW_NETWORK, newNetwork),
                ActionFactory.menuItem(StandardAction.NEW_SUBNET, newSubnet),
                ActionFactory.menuItem(StandardAction.NEW_RANGE, newRange), new SeparatorMenuItem(),
                ActionFactory.menuItem(StandardAction.EDIT, edit),
                ActionFactory.menuItem(StandardAction.DELETE, delete),
                ActionFactory.menuItem(StandardAction.EDIT_RANGE, editRange),
                ActionFactory.menuItem(StandardAction.DELETE_RANGE, deleteRange));
        // Ctrl+Y is redo on Windows and in many tools: accept it too
        networkTree.sceneProperty().addListener((property, before, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(ActionFactory.alternativeAccelerator(StandardAction.REDO),
                        viewModel.undoRedo()::redo);
            }
        });

        toolBar.getItems().addAll(0, List.of(
                roles.explained(ActionFactory.button(StandardAction.NEW_NETWORK, newNetwork), Change.NETWORKS),
                roles.explained(ActionFactory.button(StandardAction.NEW_SUBNET, newSubnet), Change.SUBNETS),
                roles.explained(ActionFactory.button(StandardAction.NEW_RANGE, newRange), Change.RANGES),
                new Separator(),
                roles.explained(ActionFactory.button(StandardAction.EDIT, edit), Change.SUBNETS),
                roles.explained(ActionFactory.button(StandardAction.DELETE, delete), Change.SUBNETS)));

        networkTree.setContextMenu(new ContextMenu(
                ActionFactory.contextItem(StandardAction.NEW_SUBNET, newSubnet),
                ActionFactory.contextItem(StandardAction.NEW_CHILD_SUBNET, newChild),
                ActionFactory.contextItem(StandardAction.EDIT, edit),
                ActionFactory.contextItem(StandardAction.DELETE, delete),
                ActionFactory.contextItem(StandardAction.RECONCILE, reconcile()),
                ActionFactory.contextItem(StandardAction.EXPORT_SERVICE, exportService())));
    }

    /** File → Export to DHCP/DNS… and the tree's: the dialog, its scope preselected from the tree's selection. */
    private Command exportService() {
        return Command.of(() -> ServiceExportView.showWindow(window(), window().getScene().getStylesheets(),
                viewModel.files().newServiceExport(viewModel.selection().get())));
    }

    /** Address → Reconcile… and the tree's: a Reconcile window for the selected network or subnet (or everything). */
    private Command reconcile() {
        return Command.of(() -> ReconcileView.showWindow(window(), window().getScene().getStylesheets(),
                viewModel.windows().newReconcile(viewModel.selection().get())));
    }

    /**
     * The address commands: the Address menu, toolbar buttons for the daily ones, the grid's context menu, and
     * the Delete key in the grid.
     */
    private void bindAddressCommands() {
        ObservableValue<Boolean> subnet = roles.may(viewModel.selection().subnetSelectedProperty(), Change.ADDRESSES);
        Command reserve = Command.when(subnet, viewModel.addresses()::reserveAddress);
        Command next = Command.when(subnet, viewModel.addresses()::allocateNext);
        Command editAddress = Command.when(subnet, viewModel.addresses()::editAddress);
        // with the table shown, release what its rows select (not the grid's range from the first to the last)
        Command release = Command.when(subnet, () -> {
            if (viewModel.table().activeProperty().get()) {
                viewModel.addresses().release(viewModel.table().selectedHeldIps());
            } else {
                viewModel.addresses().releaseSelection();
            }
        });
        Command markRange = roles.command(subnet, Change.RANGES, viewModel.edits()::newRange);
        addressMenu.getItems().setAll(
                ActionFactory.menuItem(StandardAction.RESERVE, reserve),
                ActionFactory.menuItem(StandardAction.ALLOCATE_NEXT, next),
                ActionFactory.menuItem(StandardAction.ALLOCATE_BLOCK, Command.when(subnet, viewModel.addresses()::allocateBlock)),
                ActionFactory.menuItem(StandardAction.ALLOCATE_PAIR,
                        roles.command(viewModel.tree().hasNetworksProperty(), Change.ADDRESSES, viewModel.addresses()::allocatePair)),
                new SeparatorMenuItem(),
                ActionFactory.menuItem(StandardAction.EDIT_ADDRESS, editAddress),
                ActionFactory.menuItem(StandardAction.RELEASE, release),
                ActionFactory.menuItem(StandardAction.MARK_RANGE, markRange),
                new SeparatorMenuItem(),
                ActionFactory.menuItem(StandardAction.NEW_CHILD_SUBNET, roles.command(subnet, Change.SUBNETS, viewModel.addresses()::newChildSubnet)),
                new SeparatorMenuItem(),
                ActionFactory.menuItem(StandardAction.RECONCILE, reconcile()));

        toolBar.getItems().addAll(toolBar.getItems().indexOf(toolBarSpacer), List.of(new Separator(),
                roles.explained(ActionFactory.button(StandardAction.RESERVE, reserve), Change.ADDRESSES),
                roles.explained(ActionFactory.button(StandardAction.ALLOCATE_NEXT, next), Change.ADDRESSES),
                roles.explained(ActionFactory.button(StandardAction.RELEASE, release), Change.ADDRESSES)));

        ContextMenu cells = new ContextMenu(
                ActionFactory.contextItem(StandardAction.EDIT_ADDRESS, editAddress),
                ActionFactory.contextItem(StandardAction.RELEASE, release),
                ActionFactory.contextItem(StandardAction.MARK_RANGE, markRange),
                ActionFactory.contextItem(StandardAction.EDIT_RANGE, roles.command(subnet, Change.RANGES, viewModel.edits()::editRangeAtCaret)),
                ActionFactory.contextItem(StandardAction.COPY, Command.of(() -> copy(true))));
        grid.setOnContextMenuRequested(event -> cells.show(grid, event.getScreenX(), event.getScreenY()));
        // Delete releases in the grid only: in a text field it must stay a text key
        grid.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.DELETE && !event.isShortcutDown()) {
                release.execute();
                event.consume();
            }
        });
    }

    /**
     * The search field in the toolbar (Ctrl+F), Edit → Preferences (Ctrl+,), the History window (Ctrl+H), Help → How
     * IPDesk works, Keyboard shortcuts (F1) and About.
     */
    private void bindSearchHistoryAndHelp() {
        SearchView search = SearchView.load(viewModel.search());
        search.root().getStyleClass().add("toolbar-search");
        searchSlot.getChildren().setAll(search.root());
        // after a result is chosen the grid shows it: let the keyboard go on from there
        viewModel.search().setOnChoose(result -> {
            viewModel.navigation().navigate(result);
            grid.requestFocus();
        });

        editMenu.getItems().addAll(new SeparatorMenuItem(),
                ActionFactory.menuItem(StandardAction.FIND, Command.of(search::focusField)), new SeparatorMenuItem(),
                ActionFactory.menuItem(StandardAction.PREFERENCES, Command.of(viewModel.windows()::editPreferences)));

        viewMenu.getItems().add(0, ActionFactory.menuItem(StandardAction.HISTORY, Command.of(() -> HistoryView.showWindow(
                window(), window().getScene().getStylesheets(), viewModel.windows().newHistory()))));
        viewMenu.getItems().add(0, ActionFactory.menuItem(StandardAction.USAGE, Command.of(
                () -> UsageDashboardView.showWindow(window(), window().getScene().getStylesheets(),
                        viewModel.windows().newUsageDashboard()))));

        helpMenu.getItems().setAll(
                ActionFactory.menuItem(StandardAction.HOW_IT_WORKS, Command.of(() -> HowItWorksView.showWindow(
                        window(), window().getScene().getStylesheets(), viewModel.help().howItWorks(),
                        viewModel.preferences().darkThemeProperty()))),
                ActionFactory.menuItem(StandardAction.SHORTCUTS, Command.of(() -> ShortcutsView.showWindow(window(),
                        window().getScene().getStylesheets(), KeyboardShortcuts.ALL))),
                new SeparatorMenuItem(),
                ActionFactory.menuItem(StandardAction.ABOUT, Command.of(this::about)));
    }

    private void about() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, viewModel.help().aboutText());
        alert.setTitle("About IPDesk");
        alert.setHeaderText("IPDesk: IP address management on your desk");
        alert.initOwner(window());
        alert.getDialogPane().getStylesheets().setAll(window().getScene().getStylesheets());
        alert.showAndWait();
    }

    /** File: the database commands; View → Refresh and its toolbar button. */
    private void bindFileCommands() {
        viewModel.files().setOnCopyWindow(choosers::showCopy);
        fileMenu.getItems().setAll(
                ActionFactory.menuItem(StandardAction.NEW_DATABASE,
                        Command.of(viewModel.fileSwitch()::chooseAndCreate)),
                ActionFactory.menuItem(StandardAction.OPEN_DATABASE, Command.of(viewModel.fileSwitch()::chooseAndOpen)),
                recentMenu,
                ActionFactory.menuItem(StandardAction.OPEN_DEFAULT, Command.of(viewModel.fileSwitch()::openDefault)),
                ActionFactory.menuItem(StandardAction.CONNECT_TEAM, Command.of(viewModel.team()::chooseAndConnect)),
                new SeparatorMenuItem(),
                ActionFactory.menuItem(StandardAction.IMPORT_CSV, Command.of(choosers::importCsv)),
                ActionFactory.menuItem(StandardAction.EXPORT_ADDRESSES, Command.of(choosers::exportAddresses)),
                ActionFactory.menuItem(StandardAction.EXPORT_DATABASE, Command.of(choosers::exportDatabase)),
                ActionFactory.menuItem(StandardAction.EXPORT_SERVICE, exportService()),
                ActionFactory.menuItem(StandardAction.BACK_UP, Command.of(viewModel.files()::backUp)),
                ActionFactory.menuItem(StandardAction.RESTORE, Command.of(viewModel.files()::restore)),
                ActionFactory.menuItem(StandardAction.COPY_TO_TEAM, Command.of(choosers::copyToTeam)),
                new SeparatorMenuItem(),
                ActionFactory.menuItem(StandardAction.QUIT, Command.of(this::quit)));
        viewMenu.getItems().add(ActionFactory.menuItem(StandardAction.REFRESH,
                Command.of(viewModel.fileSwitch()::load)));
        bindPaneKeys();
        Button refreshButton = ActionFactory.button(StandardAction.REFRESH,
                Command.when(viewModel.state().loadingProperty().not(), viewModel.fileSwitch()::load));
        refreshButton.setId("refreshButton");
        toolBar.getItems().add(toolBar.getItems().indexOf(themeButton), refreshButton);
    }

    /** View → Dark theme and the moon/sun button at the toolbar's end, both on the preference. */
    private void bindTheme() {
        viewMenu.getItems().add(ActionFactory.checkMenuItem(StandardAction.DARK_THEME,
                viewModel.preferences().darkThemeProperty()));
        themeButton = ActionFactory.toggleButton(StandardAction.DARK_THEME,
                viewModel.preferences().darkThemeProperty());
        themeButton.setId("themeButton");
        toolBar.getItems().add(themeButton);
    }

    /** View → Next pane (F6) and Previous pane (Shift+F6): the keyboard moves between tree, grid and details. */
    private void bindPaneKeys() {
        PaneFocus panes = new PaneFocus(List.of(
                new PaneFocus.Pane((javafx.scene.Parent) networkTree.getParent().getParent(),
                        () -> java.util.Optional.of(networkTree)),
                new PaneFocus.Pane(centerPane, () -> java.util.Optional.of(grid)),
                // the details are read-only fields out of the Tab order: F6 still enters them, at the first one
                new PaneFocus.Pane(detailsSlot,
                        () -> java.util.Optional.ofNullable(detailsSlot.lookup(".value-field")))));
        viewMenu.getItems().addAll(new SeparatorMenuItem(),
                ActionFactory.menuItem(StandardAction.NEXT_PANE,
                        Command.of(() -> panes.move(networkTree.getScene().getFocusOwner(), 1))),
                ActionFactory.menuItem(StandardAction.PREVIOUS_PANE,
                        Command.of(() -> panes.move(networkTree.getScene().getFocusOwner(), -1))));
    }

    private void bindMenus() {
        viewModel.preferences().recentDatabases().addListener((InvalidationListener) change -> showRecent());
        showRecent();
    }

    private void bindStatusBar() {
        StatusBar.bind(viewModel, databaseLabel, summaryLabel, lastOperationLabel);
    }

    // ================================================================= handlers

    private void quit() {
        window().hide();
        Platform.exit();
    }

    // ================================================================= helpers

    private void showRecent() {
        List<RecentDatabase> recent = viewModel.preferences().recentMenu();
        if (recent.isEmpty()) {
            MenuItem none = new MenuItem("(none yet)");
            none.setDisable(true);
            recentMenu.getItems().setAll(none);
            return;
        }
        recentMenu.getItems().setAll(recent.stream().map(entry -> {
            MenuItem item = new MenuItem(entry.label());
            item.setMnemonicParsing(false);
            item.setOnAction(event -> viewModel.team().open(entry));
            return item;
        }).toList());
    }

    private Window window() {
        return networkTree.getScene().getWindow();
    }
}
