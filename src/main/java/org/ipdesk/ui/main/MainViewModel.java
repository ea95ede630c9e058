package org.ipdesk.ui.main;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.ipdesk.model.Subnet;
import org.ipdesk.settings.DataLocation;
import org.ipdesk.settings.PasswordKeyring;
import org.ipdesk.settings.Settings;
import org.ipdesk.settings.SettingsStore;
import org.ipdesk.store.ChangeFeed;
import org.ipdesk.store.FileLocation;
import org.ipdesk.store.Location;
import org.ipdesk.store.OpenMode;
import org.ipdesk.store.ServerLocation;
import org.ipdesk.store.Team;
import org.ipdesk.ui.DialogService;
import org.ipdesk.ui.TaskExecutor;
import org.ipdesk.ui.details.AddressDetailsViewModel;
import org.ipdesk.ui.grid.AddressGridViewModel;
import org.ipdesk.ui.table.AddressTableViewModel;
import org.ipdesk.ui.search.SearchViewModel;
import org.ipdesk.ui.subnet.SubnetHeaderViewModel;
import org.ipdesk.ui.undo.UndoStack;
import org.ipdesk.ui.undo.Undoable;

/**
 * The main window's view model: it wires the window's parts (the open database, the tree, the selection and the
 * panes that follow it, the switch between files, the command sets, the status line, the preferences) and hands
 * each out through its accessor. It holds no state of its own.
 *
 * <p>The allocator is opened, used and closed only by jobs on the {@link TaskExecutor} (see
 * {@link OpenDatabase}, which refuses every other thread), so a database call on the JavaFX thread fails loudly
 * instead of freezing the window. Results land in the properties on the UI thread.
 */
public final class MainViewModel {

    private final NetworkTreeViewModel tree;
    private final SelectionState selection = new SelectionState();
    private final StatusLine status = new StatusLine();
    private final LoadState state;
    private final OpenDatabase database;
    private final AddressGridViewModel grid;
    private final AddressTableViewModel table;
    private final SubnetHeaderViewModel header;
    private final AddressDetailsViewModel details;
    private final SearchViewModel search;
    private final WindowPreferences preferences;
    private final ExternalChangeWatcher externalChanges;
    private final Navigation navigation;
    private final FileSwitch fileSwitch;
    private final UndoRedo undoRedo;
    private final SampleDataLoader sample;
    private final AddressCommands addresses;
    private final EditCommands edits;
    private final FileCommands files;
    private final CopyText copy;
    private final HelpTexts help;
    private final ToolWindows windows;
    private final TeamConnection team;

    /** A view model with a tree of its own, for tests that need no other; {@code App} passes the tree in. */
    public MainViewModel(Path databaseFile, TaskExecutor tasks, SettingsStore settingsStore, DialogService dialogs) {
        this(new NetworkTreeViewModel(), databaseFile, tasks, settingsStore, dialogs);
    }

    /**
     * A view model showing {@code databaseFile} in {@code tree}, remembering the theme, the last file and the recent
     * files in {@code settingsStore} (null: remember nothing), asking the user through {@code dialogs}.
     */
    public MainViewModel(NetworkTreeViewModel tree, Path databaseFile, TaskExecutor tasks, SettingsStore settingsStore,
            DialogService dialogs) {
        this(tree, Location.of(databaseFile), tasks, settingsStore, dialogs,
                new TeamPasswords(PasswordKeyring.forUser()));
    }

    /**
     * A view model showing the database at {@code location} (a file, or a team database on a server) in
     * {@code tree}; a team database's password comes from {@code passwords} (typed this run, or the keyring).
     */
    public MainViewModel(NetworkTreeViewModel tree, Location location, TaskExecutor tasks, SettingsStore settingsStore,
            DialogService dialogs, TeamPasswords passwords) {
        Location databaseFile = location instanceof FileLocation file
                ? Location.of(file.file().toAbsolutePath().normalize()) : location;
        this.tree = tree;
        this.state = new LoadState(tree);
        this.database = new OpenDatabase(tasks, databaseFile, passwords);
        UndoStack undoStack = new UndoStack(database::allocator, tasks);
        this.search = new SearchViewModel(database::allocator, tasks);
        this.externalChanges = new ExternalChangeWatcher(tasks, new ChangeFeed() {
            @Override
            public long version() {
                return database.allocator().changeFeed().version();
            }

            @Override
            public boolean connected() {
                return database.allocator().changeFeed().connected();
            }
        }, () -> state.isLoading() || state.failed(), this::externalChange, this::connectionChanged);
        // a team database says at once when someone else committed: look now rather than at the next poll (the
        // look itself runs on the database thread and its answer on this one, as every other)
        database.whenChangedElsewhere(() -> tasks.submit(() -> Boolean.TRUE, heard -> externalChanges.check(),
                problem -> { }));
        this.preferences = new WindowPreferences(settingsStore, message -> status.report(message, true));
        this.grid = new AddressGridViewModel(database::allocator, tasks);
        this.table = new AddressTableViewModel(database::allocator, tasks, grid);
        this.header = new SubnetHeaderViewModel(database::allocator, tasks);
        this.details = new AddressDetailsViewModel(database::allocator, tasks);
        this.navigation = new Navigation(tree, selection, grid, header, details, status, this::may);
        this.fileSwitch = new FileSwitch(tasks, dialogs, database, tree, state, status, navigation, undoStack,
                preferences, externalChanges, databaseFile);
        this.undoRedo = new UndoRedo(undoStack, fileSwitch::refresh);
        fileSwitch.afterRefresh(search::refresh);
        fileSwitch.locationProperty().addListener((o, before, after) -> search.databaseSwitched());
        this.sample = new SampleDataLoader(database::allocator, tasks, tree, state, status, fileSwitch::refresh);
        CommandHost host = new CommandHost() {
            @Override
            public Optional<Subnet> selectedSubnet() {
                return selection.subnet();
            }

            @Override
            public void done(String key, String operation, Undoable undo) {
                undoStack.done(undo);
                fileSwitch.selectAfterLoad(key);
                fileSwitch.refresh(operation, false);
            }

            @Override
            public void recorded(Undoable undo) {
                undoStack.done(undo);
                fileSwitch.load();
            }

            @Override
            public void reload() {
                fileSwitch.load();
            }

            @Override
            public void report(String operation, boolean failed) {
                status.report(operation, failed);
            }
        };
        this.addresses = new AddressCommands(database::allocator, tasks, dialogs, grid, host);
        this.edits = new EditCommands(database::allocator, tasks, dialogs, tree, selection, grid, host);
        this.files = new FileCommands(database::allocator, tasks, dialogs, selection, status,
                fileSwitch::location, fileSwitch::folder, fileSwitch::open, passwords);
        files.setOnConnect(fileSwitch::connect);
        this.copy = new CopyText(grid, selection);
        this.help = new HelpTexts(preferences, fileSwitch::location);
        this.team = new TeamConnection(tasks, dialogs, passwords, fileSwitch, status, preferences);
        this.windows = new ToolWindows(database::allocator, tasks, dialogs, preferences, fileSwitch::location,
                navigation::openSubnet, done -> fileSwitch.refresh(done, false),
                message -> status.report(message, false));
        windows.setOnRecorded(host::recorded);
        grid.setOnActivate(addresses::activate);
        tree.setOnFiltered(state::showPlaceholder);
    }

    /**
     * For a window started without {@code --db} (so on {@link #startupDatabase}): if the file the preferences say
     * to open at start has gone, the status line says so, since the window fell back to the default database.
     */
    public void reportMissingStartupFile() {
        preferences.startupFile().filter(file -> !Files.isRegularFile(file)).ifPresent(file -> status.report(
                "The database set in Preferences to open at start is not there any more: " + file, true));
    }

    /**
     * The database the window opens when started without {@code --db}: the file the preferences say to open always,
     * else the last one used (a team database too); if that file is not there any more, the default database in
     * the data folder.
     */
    public static Location startupDatabase(SettingsStore settingsStore) {
        Settings settings = settingsStore.load();
        Optional<Location> wanted = settings.preferences().startupFile().isPresent()
                ? settings.preferences().startupFile().map(Location::of) : settings.lastDatabase();
        return wanted.filter(location -> location instanceof ServerLocation
                        || Files.isRegularFile(((FileLocation) location).file()))
                .orElseGet(() -> Location.of(DataLocation.defaultDatabase()));
    }

    /** Someone else wrote to the database: read it again and say so. */
    private void externalChange() {
        fileSwitch.refresh("Another program changed the database; refreshed", false);
    }

    /** The team database's server went away or came back (a file never goes away this way). */
    private void connectionChanged(boolean connected) {
        if (connected) {
            status.report("The connection to the team database is back; refreshing", false);
        } else {
            status.report("Lost the connection to the team database; reconnecting. Commands fail until it is back;"
                    + " what is shown may be out of date", true);
        }
    }

    /** Closes the database after any work still queued; an address held by an open dialog is given back first. */
    public void close() {
        addresses.givePendingBack();
        database.close();
    }

    /** Whether the user may make {@code change}: as their role allows on a team database, always on a file. */
    private boolean may(Team.Change change) {
        return fileSwitch.rights().mayProperty(change).get();
    }

    // ================================================================= the parts

    /** The network tree: its rows, the filter and the rows it lets through. */
    public NetworkTreeViewModel tree() {
        return tree;
    }

    /** File → Connect to a team database…: the dialog, the passwords, the switch to the server's database. */
    public TeamConnection team() {
        return team;
    }

    /** Which file is shown, reading it (again), and File → Open, New database, Open the default database. */
    public FileSwitch fileSwitch() {
        return fileSwitch;
    }

    /** Selecting a tree row, going to a subnet or a search result. */
    public Navigation navigation() {
        return navigation;
    }

    /** Edit → Undo and Redo. */
    public UndoRedo undoRedo() {
        return undoRedo;
    }

    /** The first-run offer to load the sample data. */
    public SampleDataLoader sample() {
        return sample;
    }

    /** The selection every pane shares. */
    public SelectionState selection() {
        return selection;
    }

    /** The address table beside the grid (same subnet, selection shared with the grid). */
    public AddressTableViewModel table() {
        return table;
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

    /** The status bar: database, summary, last operation. */
    public StatusLine status() {
        return status;
    }

    /** Loading, the error and the tree's placeholder. */
    public LoadState state() {
        return state;
    }

    /** The open file and its allocator. */
    public OpenDatabase database() {
        return database;
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

    /** The search field's state (Ctrl+F). */
    public SearchViewModel search() {
        return search;
    }

    /** The watcher for other writers; the application starts its timer. */
    public ExternalChangeWatcher externalChanges() {
        return externalChanges;
    }
}
