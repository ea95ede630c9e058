package org.ipdesk.ui.main;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.ipdesk.address.Cidr;
import org.ipdesk.allocator.SampleData;
import org.ipdesk.model.Subnet;
import org.ipdesk.settings.DataLocation;
import org.ipdesk.settings.Settings;
import org.ipdesk.settings.SettingsStore;
import org.ipdesk.store.OpenMode;
import org.ipdesk.ui.DialogService;
import org.ipdesk.ui.TaskExecutor;
import org.ipdesk.ui.details.AddressDetailsViewModel;
import org.ipdesk.ui.grid.AddressGridViewModel;
import org.ipdesk.ui.grid.GridContent;
import org.ipdesk.ui.search.SearchResult;
import org.ipdesk.ui.search.SearchViewModel;
import org.ipdesk.ui.subnet.SubnetHeaderViewModel;
import org.ipdesk.ui.undo.UndoStack;
import org.ipdesk.ui.undo.Undoable;

/**
 * State of the main window: which database file is open, its networks and subnets with their usage (the
 * tree, and the part of it the filter lets through), the selected row, the address grid of the selected
 * subnet, the theme, the recent files, and the status line (totals and the last operation with its result).
 *
 * <p>The allocator is opened, used and closed only by jobs on the {@link TaskExecutor} (see
 * {@link OpenDatabase}, which refuses every other thread), so a database call on the JavaFX thread fails loudly instead of freezing the
 * window. Results land in the properties on the UI thread.
 */
public final class MainViewModel {

    /** Shown as the usage of a network that holds both IPv4 and IPv6 subnets. */
    static final String NOT_APPLICABLE = NetworkTreeViewModel.NOT_APPLICABLE;
    /** The status line when the file cannot be opened; {@link #errorProperty()} says why. */
    static final String CANNOT_OPEN = "Cannot open the database";

    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final EditCommands edits;
    private final FileCommands files;
    private final CopyText copy;
    private final UndoStack undoStack;
    private final AddressCommands addresses;
    private final SearchViewModel search;
    private final ExternalChangeWatcher externalChanges;
    /** The row to select once the next reload lands (a network or subnet just created). */
    private String selectAfterLoad;
    private final WindowPreferences preferences;
    private final HelpTexts help;
    private final ToolWindows windows;

    /** The open file and its allocator, used only by jobs on the executor. */
    private final OpenDatabase database;

    private final AddressGridViewModel grid;
    private final SubnetHeaderViewModel header;
    private final AddressDetailsViewModel details;

    private final ReadOnlyObjectWrapper<Path> databaseFile = new ReadOnlyObjectWrapper<>(this, "databaseFile");
    private final NetworkTreeViewModel tree = new NetworkTreeViewModel();
    private final SelectionState selection = new SelectionState();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "IPDesk");
    private final StatusLine status = new StatusLine();
    private final LoadState state = new LoadState(tree);
    private final BooleanBinding hasNetworks = Bindings.isNotEmpty(tree.networks());

    /**
     * A view model on {@code databaseFile}, remembering the theme, the last file and the recent files in
     * {@code settingsStore} (null: remember nothing), asking the user through {@code dialogs}.
     */
    public MainViewModel(Path databaseFile, TaskExecutor tasks, SettingsStore settingsStore, DialogService dialogs) {
        this.tasks = tasks;
        this.database = new OpenDatabase(tasks, databaseFile.toAbsolutePath().normalize());
        this.dialogs = dialogs;
        this.undoStack = new UndoStack(database::allocator, tasks);
        this.search = new SearchViewModel(database::allocator, tasks);
        this.externalChanges = new ExternalChangeWatcher(tasks, () -> database.allocator().externalVersion(),
                () -> state.isLoading() || state.failed(),
                () -> refreshAfterChange("Another program changed the database; refreshed", false));
        this.preferences = new WindowPreferences(settingsStore, message -> report(message, true));
        this.grid = new AddressGridViewModel(database::allocator, tasks);
        this.header = new SubnetHeaderViewModel(database::allocator, tasks);
        this.details = new AddressDetailsViewModel(database::allocator, tasks);
        CommandHost host = new CommandHost() {
            @Override
            public Optional<Subnet> selectedSubnet() {
                return MainViewModel.this.selectedSubnet();
            }

            @Override
            public void done(String key, String operation, Undoable undo) {
                MainViewModel.this.done(key, operation, undo);
            }

            @Override
            public void recorded(Undoable undo) {
                MainViewModel.this.recorded(undo);
            }

            @Override
            public void reload() {
                load();
            }

            @Override
            public void report(String operation, boolean failed) {
                MainViewModel.this.report(operation, failed);
            }
        };
        this.addresses = new AddressCommands(database::allocator, tasks, dialogs, grid, host);
        this.edits = new EditCommands(database::allocator, tasks, dialogs, tree, selection, grid, host);
        this.files = new FileCommands(database::allocator, tasks, dialogs, selection, status, this.databaseFile::get,
                this::folderOfCurrentFile, this::open);
        this.copy = new CopyText(grid, selection);
        this.help = new HelpTexts(preferences, this.databaseFile::get);
        this.windows = new ToolWindows(database::allocator, tasks, dialogs, preferences, this.databaseFile::get,
                this::openSubnet, done -> refreshAfterChange(done, false), message -> report(message, false));
        grid.caretProperty().addListener((property, before, now) -> showCaretDetails());
        grid.setOnActivate(addresses::activate);
        grid.contentProperty().addListener((property, before, now) -> showCaretDetails());
        tree.setOnFiltered(state::showPlaceholder);
        switchTo(databaseFile.toAbsolutePath().normalize());
    }

    /**
     * For a window started without {@code --db} (so on {@link #startupDatabase}): if the file the preferences say
     * to open at start has gone, the status line says so, since the window fell back to the default database.
     */
    public void reportMissingStartupFile() {
        preferences.startupFile().filter(file -> !Files.isRegularFile(file)).ifPresent(file -> report(
                "The database set in Preferences to open at start is not there any more: " + file, true));
    }

    /**
     * The file the window opens when started without {@code --db}: the file the preferences say to open always,
     * else the last one used; if that file is not there any more, the default database in the data folder.
     */
    public static Path startupDatabase(SettingsStore settingsStore) {
        Settings settings = settingsStore.load();
        Optional<Path> wanted = settings.preferences().startupFile().isPresent()
                ? settings.preferences().startupFile() : settings.lastFile();
        return wanted.filter(Files::isRegularFile).orElseGet(DataLocation::defaultDatabase);
    }

    // ================================================================= state

    /** Every network, each with its top-level subnets as children (and their child subnets below them). */
    public ObservableList<TreeRow> networks() {
        return tree.networks();
    }

    /** The networks and subnets the filter lets through, with the networks and parents that lead to them. */
    public ObservableList<TreeRow> visibleNetworks() {
        return tree.visibleNetworks();
    }

    /** Text that filters the tree: part of a CIDR, a name, a VLAN, a gateway or a description. */
    public StringProperty filterProperty() {
        return tree.filterProperty();
    }

    /** The selection every pane shares. */
    public SelectionState selection() {
        return selection;
    }

    /** The grid of the selected subnet. */
    public AddressGridViewModel grid() {
        return grid;
    }

    /** The header of the selected subnet: its facts and usage. */
    public SubnetHeaderViewModel header() {
        return header;
    }

    /** The details of the address under the grid's caret. */
    public AddressDetailsViewModel details() {
        return details;
    }

    public ReadOnlyObjectProperty<Path> databaseFileProperty() {
        return databaseFile.getReadOnlyProperty();
    }

    public Path databaseFile() {
        return databaseFile.get();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The status bar: database, summary, last operation. */
    public StatusLine status() {
        return status;
    }

    /** The database has a network: a subnet can be created. */
    public BooleanBinding hasNetworksProperty() {
        return hasNetworks;
    }

    // ================================================================= commands

    /** Opens the database (the first time) and reads the networks, subnets and usage, in the background. */
    public void load() {
        state.setLoading(true);
        if (tree.networks().isEmpty()) {
            state.setPlaceholder("Opening " + databaseFile.get() + " \u2026");
        }
        tasks.submit(() -> NetworkTreeViewModel.read(database.allocator()), this::show, this::fail);
    }

    /** Selects a row of the tree: a subnet shows its grid; a network (or null) clears it. */
    public void select(TreeRow row) {
        TreeRow before = selection.get();
        if (row != null && before != null && row.key().equals(before.key())) {
            return;
        }
        selection.set(row);
        details.clear();
        Optional<Subnet> subnet = row == null ? Optional.empty() : row.subnet();
        if (subnet.isPresent()) {
            grid.show(subnet.get());
            header.show(subnet.get());
        } else {
            grid.clear();
            header.clear();
        }
    }

    /** Selects the row with this key ("s:ID" or "n:ID") if the tree holds it. */
    public void selectKey(String key) {
        tree.find(key).ifPresent(this::select);
    }

    /**
     * Opens another database file (File → Open, Open recent, the default database). The current file stays
     * open until the new one has opened; a file that is not an IPDesk database is refused and left unchanged.
     * An empty file becomes a new database only after the user confirms it.
     */
    public void open(Path file) {
        Path target = file.toAbsolutePath().normalize();
        if (target.equals(databaseFile.get()) && !state.failed()) {
            report("Already open: " + target, false);
            return;
        }
        OpenMode mode = OpenMode.EXISTING;
        if (OpenDatabase.isEmptyFile(target)) {
            if (!dialogs.confirm("Open an empty file", target + " is empty, so it is not an IPDesk database yet.\n\n"
                    + "Make it a new, empty IPDesk database?", "Make it a database")) {
                report("Did not open " + target + ": it is empty and was left unchanged", false);
                return;
            }
            mode = OpenMode.CREATE;
        }
        OpenMode chosen = mode;
        state.setLoading(true);
        tasks.submit(() -> {
            if (!Files.exists(target)) {
                throw new IllegalArgumentException("there is no file " + target);
            }
            return database.openAndRead(target, chosen);
        }, snapshot -> opened(target, snapshot, "Opened " + target), problem -> notOpened(target, problem));
    }

    /** Creates a new, empty database at {@code file} (File → New database) and opens it. */
    public void createDatabase(Path file) {
        Path target = file.toAbsolutePath().normalize();
        state.setLoading(true);
        tasks.submit(() -> {
            if (Files.exists(target)) {
                throw new IllegalArgumentException(target + " already exists; open it with File \u2192 Open");
            }
            return database.openAndRead(target, OpenMode.CREATE);
        }, snapshot -> opened(target, snapshot, "Created " + target), problem -> notOpened(target, problem));
    }

    /** Opens the default database in the data folder, creating it on first use. */
    public void openDefault() {
        Path target = DataLocation.defaultDatabase().toAbsolutePath().normalize();
        if (target.equals(databaseFile.get()) && !state.failed()) {
            report("Already open: " + target, false);
            return;
        }
        state.setLoading(true);
        tasks.submit(() -> database.openAndRead(target, OpenDatabase.createWhenMissing(target)),
                snapshot -> opened(target, snapshot, "Opened the default database " + target),
                problem -> notOpened(target, problem));
    }

    /** File → Open: asks for a file, then opens it. */
    public void chooseAndOpen() {
        dialogs.chooseDatabaseToOpen(folderOfCurrentFile()).ifPresent(this::open);
    }

    /** File → New database: asks for a new file name, then creates and opens it. */
    public void chooseAndCreate() {
        dialogs.chooseNewDatabase(folderOfCurrentFile()).ifPresent(this::createDatabase);
    }

    /** Address commands: reserve, allocate, release, child subnet (the Address menu, the grid). */
    public AddressCommands addresses() {
        return addresses;
    }

    /** File commands: back up, restore, exports. */
    public FileCommands files() {
        return files;
    }

    /** Edit commands: new, edit and delete of networks, subnets and ranges. */
    public EditCommands edits() {
        return edits;
    }

    /** Theme, cell size, thresholds and recent files, remembered between runs. */
    public WindowPreferences preferences() {
        return preferences;
    }

    /** The texts of Help → How IPDesk works and Help → About. */
    public HelpTexts help() {
        return help;
    }

    /** The view models of the windows this one opens: History, Usage dashboard, Import preview, Preferences. */
    public ToolWindows windows() {
        return windows;
    }

    /** What Copy (Ctrl+C) puts on the clipboard. */
    public CopyText copy() {
        return copy;
    }

    /** The watcher for other writers; the application starts its timer. */
    public ExternalChangeWatcher externalChanges() {
        return externalChanges;
    }

    /**
     * Reads everything shown again after a change (one made in this window, or found by
     * the {@link ExternalChangeWatcher}), keeping the selection, and reports the operation in the status line.
     */
    public void refreshAfterChange(String operation, boolean failed) {
        report(operation, failed);
        load();
    }

    /** Puts an operation and its result in the status line. */
    public void report(String operation, boolean failed) {
        status.report(operation, failed);
    }

    /** Closes the database after any work still queued. */
    public void close() {
        database.close();
    }

    /** The open file and its allocator. */
    public OpenDatabase database() {
        return database;
    }

    /**
     * After a command done in this window: remember it for undo, report it, read everything again, then select
     * {@code key} if given.
     */
    public void done(String key, String operation, Undoable undo) {
        undoStack.done(undo);
        selectAfterLoad = key;
        refreshAfterChange(operation, false);
    }

    /** Edit → Undo (Ctrl+Z): takes the newest command of this window back, as a new logged change. */
    public void undo() {
        undoStack.undo(this::undoneOrRedone, problem -> refreshAfterChange("Cannot undo: " + message(problem), true));
    }

    /** Edit → Redo (Ctrl+Shift+Z): does the newest undone command again. */
    public void redo() {
        undoStack.redo(this::undoneOrRedone, problem -> refreshAfterChange("Cannot redo: " + message(problem), true));
    }

    /**
     * First run: fills an empty database with the sample data (three sites, IPv4 and IPv6 subnets, DHCP pools,
     * a few thousand addresses in every status, some history), so a newcomer sees the window at work.
     */
    public void loadSample() {
        state.setLoading(true);
        state.setPlaceholder("Writing the sample data \u2026");
        tasks.submit(() -> SampleData.create(database.allocator()),
                addresses -> refreshAfterChange("Loaded the sample data: " + String.format("%,d", addresses)
                        + " addresses in three networks", false),
                problem -> {
                    state.setLoading(false);
                    tree.refilter();
                    report("Cannot load the sample data: " + message(problem), true);
                });
    }

    /** Loading, the error and the tree's placeholder. */
    public LoadState state() {
        return state;
    }

    /** The search field's state (Ctrl+F). */
    public SearchViewModel search() {
        return search;
    }

    /** Selects the subnet {@code cidr} of {@code network} in the tree (clearing a filter that hides it). */
    public void openSubnet(String network, Cidr cidr) {
        Optional<TreeRow> row = tree.findRow(r -> r.subnet().filter(s -> s.cidr().equals(cidr)
                && s.networkName().equals(network)).isPresent());
        if (row.isEmpty()) {
            report(cidr + " in " + network + " is not in the database any more", true);
            return;
        }
        if (!tree.isVisible(row.get().key())) {
            tree.filterProperty().set("");
        }
        select(row.get());
    }

    /**
     * Goes to a search result: selects its subnet in the tree (clearing a filter that hides it), shows the grid
     * and selects the result's address there, zooming through block maps as needed.
     */
    public void navigate(SearchResult result) {
        String key = "s:" + result.subnet().id();
        if (!tree.isVisible(key)) {
            tree.filterProperty().set("");
        }
        Optional<TreeRow> row = tree.find(key);
        if (row.isEmpty()) {
            report(result.subnet().label() + " is no longer in the database", true);
            return;
        }
        Subnet subnet = row.get().subnet().orElseThrow();
        selection.set(row.get());
        header.show(subnet);
        details.clear();
        grid.showAddress(subnet, result.ip().orElse(null));
        report("Found " + result.title() + " in " + subnet.label(), false);
    }

    // ================================================================= address commands

    /** A command whose status line is already reported: remember it for undo and read everything again. */
    private void recorded(Undoable undo) {
        undoStack.done(undo);
        load();
    }

    /** Undo and redo of this window's commands. */
    public UndoStack undoStack() {
        return undoStack;
    }

    private void undoneOrRedone(String operation) {
        refreshAfterChange(operation, false);
    }

    private Optional<Subnet> selectedSubnet() {
        return selection.subnet();
    }

    private Path folderOfCurrentFile() {
        Path file = databaseFile.get();
        Path folder = file == null ? null : file.getParent();
        return folder != null && Files.isDirectory(folder) ? folder : DataLocation.dataFolder();
    }

    // ================================================================= background work

    // ================================================================= results, on the UI thread

    private void show(NetworkTreeViewModel.Snapshot snapshot) {
        externalChanges.seen(snapshot.version());
        state.setError("");
        tree.show(snapshot.rows());
        status.showSummary(snapshot.summary());
        state.setLoading(false);
        String key = selectAfterLoad;
        selectAfterLoad = null;
        if (key != null && tree.find(key).isPresent()) {
            select(tree.find(key).get());
        } else {
            reselect();
        }
    }

    /** After a reload: the selected row again (by key), with the grid re-read in place; or nothing if it is gone. */
    private void reselect() {
        TreeRow before = selection.get();
        if (before == null) {
            return;
        }
        Optional<TreeRow> now = tree.find(before.key());
        if (now.isEmpty()) {
            selection.set(null);
            grid.clear();
            header.clear();
            details.clear();
            return;
        }
        selection.set(now.get());
        now.get().subnet().ifPresentOrElse(subnet -> {
            grid.show(subnet);
            header.show(subnet);
        }, () -> {
            grid.clear();
            header.clear();
        });
    }

    /** The details pane follows the grid's caret: the address under it, or nothing on a block map. */
    private void showCaretDetails() {
        int caret = grid.caretProperty().get();
        if (caret >= 0 && grid.getContent() instanceof GridContent.Addresses cells && caret < cells.size()) {
            details.show(cells.subnet(), cells.ip(caret));
        } else {
            details.clear();
        }
    }

    private void opened(Path target, NetworkTreeViewModel.Snapshot snapshot, String operation) {
        boolean other = !target.equals(databaseFile.get());
        if (other) {
            undoStack.clear();
            selection.set(null);
            grid.clear();
            header.clear();
            details.clear();
            switchTo(target);
        }
        preferences.opened(target);
        report(operation, false);
        show(snapshot);
    }

    private void notOpened(Path target, Throwable problem) {
        state.setLoading(false);
        report("Cannot open " + target + ": " + message(problem), true);
        preferences.forgetIfGone(target, !Files.exists(target));
    }

    private void fail(Throwable problem) {
        tree.clear();
        selection.set(null);
        grid.clear();
        header.clear();
        details.clear();
        String message = message(problem);
        state.setError(message);
        status.showSummary(CANNOT_OPEN);
        state.setPlaceholder(CANNOT_OPEN + ".\n\n" + message + "\n\nUse File \u2192 Open to open another file.");
        state.setLoading(false);
        report(CANNOT_OPEN + " " + databaseFile.get() + ": " + message, true);
    }

    private void switchTo(Path file) {
        database.switchTo(file);
        databaseFile.set(file);
        externalChanges.forget();
        Path name = file.getFileName();
        title.set("IPDesk \u2014 " + (name == null ? file : name));
        status.showDatabase("Database: " + file);
    }

    private static String message(Throwable problem) {
        return Problems.message(problem);
    }

}
