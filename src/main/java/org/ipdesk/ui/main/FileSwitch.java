package org.ipdesk.ui.main;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.ipdesk.settings.DataLocation;
import org.ipdesk.settings.PasswordKeyring;
import org.ipdesk.store.FileLocation;
import org.ipdesk.store.Location;
import org.ipdesk.store.OpenMode;
import org.ipdesk.store.ServerLocation;
import org.ipdesk.ui.DialogService;
import org.ipdesk.ui.TaskExecutor;
import org.ipdesk.ui.undo.UndoStack;

/**
 * Which database the window shows, and the switch between databases on the window's side: reading the open one
 * (and again after a change), File → Open, New database, Open the default database, Connect to a team database; a
 * database that opened replaces the one shown (title, status line, recent files, an empty undo stack and selection), one that did not leaves it
 * as it was and says why. After every read the selection is kept (or the row asked for is selected).
 */
public final class FileSwitch {

    /** The status line when the file cannot be opened; {@link LoadState#errorProperty()} says why. */
    static final String CANNOT_OPEN = "Cannot open the database";

    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final OpenDatabase database;
    private final NetworkTreeViewModel tree;
    private final LoadState state;
    private final StatusLine status;
    private final Navigation navigation;
    private final UndoStack undoStack;
    private final WindowPreferences preferences;
    private final ExternalChangeWatcher externalChanges;

    private final ReadOnlyObjectWrapper<Location> location = new ReadOnlyObjectWrapper<>(this, "location");
    private final ReadOnlyObjectWrapper<Path> databaseFile = new ReadOnlyObjectWrapper<>(this, "databaseFile");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "IPDesk");
    private final TeamRights rights = new TeamRights();
    /** The row to select once the next reload lands (a network or subnet just created). */
    private String selectAfterLoad;
    /** Run after every refresh's reload is asked for (the search runs again, for one). */
    private final java.util.List<Runnable> afterRefresh = new java.util.ArrayList<>();

    /**
     * The window on {@code database}, showing its rows in {@code tree}; {@code navigation} holds the selection and
     * the panes that follow it; {@code externalChanges} learns the version of every read.
     */
    public FileSwitch(TaskExecutor tasks, DialogService dialogs, OpenDatabase database, NetworkTreeViewModel tree,
            LoadState state, StatusLine status, Navigation navigation, UndoStack undoStack,
            WindowPreferences preferences, ExternalChangeWatcher externalChanges, Path file) {
        this(tasks, dialogs, database, tree, state, status, navigation, undoStack, preferences, externalChanges,
                Location.of(file));
    }

    /** The window on the database at {@code location} (a file or a team database). */
    public FileSwitch(TaskExecutor tasks, DialogService dialogs, OpenDatabase database, NetworkTreeViewModel tree,
            LoadState state, StatusLine status, Navigation navigation, UndoStack undoStack,
            WindowPreferences preferences, ExternalChangeWatcher externalChanges, Location location) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.database = database;
        this.tree = tree;
        this.state = state;
        this.status = status;
        this.navigation = navigation;
        this.undoStack = undoStack;
        this.preferences = preferences;
        this.externalChanges = externalChanges;
        switchTo(normal(location));
    }

    /** The database shown: a file, or a team database on a server. */
    public ReadOnlyObjectProperty<Location> locationProperty() {
        return location.getReadOnlyProperty();
    }

    public Location location() {
        return location.get();
    }

    /** The file shown; null while a team database is shown. */
    public ReadOnlyObjectProperty<Path> databaseFileProperty() {
        return databaseFile.getReadOnlyProperty();
    }

    /** The file shown; null while a team database is shown. */
    public Path databaseFile() {
        return databaseFile.get();
    }

    /**
     * Where the window is and as whom, for the title and the status bar: a file's name, or "ipam on db.example:5432
     * as alice" for a team database (its user, else the OS user, as the driver logs in).
     */
    public static String where(Location location) {
        if (location instanceof ServerLocation server) {
            return server.name() + " as " + PasswordKeyring.user(server);
        }
        return location.name();
    }

    /** What the connected user's role lets the window change (everything, on a file). */
    public TeamRights rights() {
        return rights;
    }

    /** "IPDesk — file.db", "IPDesk — ipam on db.example:5432 as alice". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Opens the database (the first time) and reads the networks, subnets and usage, in the background. */
    public void load() {
        state.setLoading(true);
        if (tree.networks().isEmpty()) {
            state.setPlaceholder("Opening " + location.get() + " \u2026");
        }
        tasks.submit(() -> NetworkTreeViewModel.read(database.allocator()), this::show, this::fail);
    }

    /**
     * Reads everything shown again after a change (one made in this window, or found by the
     * {@link ExternalChangeWatcher}), keeping the selection, and reports the operation in the status line.
     */
    public void refresh(String operation, boolean failed) {
        status.report(operation, failed);
        load();
        afterRefresh.forEach(Runnable::run);
    }

    /** Runs {@code action} after every {@link #refresh}. */
    public void afterRefresh(Runnable action) {
        afterRefresh.add(action);
    }

    /** The next read selects the row with {@code key} ("s:ID" or "n:ID"), if it holds it. */
    void selectAfterLoad(String key) {
        selectAfterLoad = key;
    }

    /**
     * Opens another database file (File → Open, Open recent, the default database). The current file stays
     * open until the new one has opened; a file that is not an IPDesk database is refused and left unchanged.
     * An empty file becomes a new database only after the user confirms it.
     */
    public void open(Path file) {
        Path target = file.toAbsolutePath().normalize();
        if (Location.of(target).equals(location.get()) && !state.failed()) {
            status.report("Already open: " + target, false);
            return;
        }
        OpenMode mode = OpenMode.EXISTING;
        if (OpenDatabase.isEmptyFile(target)) {
            if (!dialogs.confirm("Open an empty file", target + " is empty, so it is not an IPDesk database yet.\n\n"
                    + "Make it a new, empty IPDesk database?", "Make it a database")) {
                status.report("Did not open " + target + ": it is empty and was left unchanged", false);
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
        }, snapshot -> opened(Location.of(target), snapshot, "Opened " + target), problem -> notOpened(target, problem));
    }

    /** File → Open recent: opens the entry's database. */
    public void open(RecentDatabase entry) {
        open(entry.location());
    }

    /** Opens a recent entry: a file as {@link #open(Path)} does, a team database as {@link #connect} does. */
    public void open(Location target) {
        if (target instanceof ServerLocation server) {
            connect(server);
        } else {
            open(((FileLocation) target).file());
        }
    }

    /**
     * Connects to a team database (File → Connect to a team database…, Open recent, {@code --db postgresql://…}) on
     * the database thread. The database shown stays open until the server's has opened and been read; a refusal
     * (no server, wrong password, not an IPDesk database) leaves it as it was and says why.
     */
    public void connect(ServerLocation server) {
        connect(server, () -> { });
    }

    /** {@link #connect(ServerLocation)}, then {@code afterConnecting} once it has connected (not when refused). */
    public void connect(ServerLocation server, Runnable afterConnecting) {
        if (server.equals(location.get()) && !state.failed()) {
            status.report("Already connected: " + where(server), false);
            afterConnecting.run();
            return;
        }
        state.setLoading(true);
        tasks.submit(() -> database.openAndRead(server, OpenMode.EXISTING),
                snapshot -> {
                    opened(server, snapshot, "Connected to " + where(server));
                    afterConnecting.run();
                },
                problem -> {
                    state.setLoading(false);
                    status.report("Cannot connect to " + server + ": " + Problems.message(problem), true);
                });
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
        }, snapshot -> opened(Location.of(target), snapshot, "Created " + target), problem -> notOpened(target, problem));
    }

    /** Opens the default database in the data folder, creating it on first use. */
    public void openDefault() {
        Path target = DataLocation.defaultDatabase().toAbsolutePath().normalize();
        if (Location.of(target).equals(location.get()) && !state.failed()) {
            status.report("Already open: " + target, false);
            return;
        }
        state.setLoading(true);
        tasks.submit(() -> database.openAndRead(target, OpenDatabase.createWhenMissing(target)),
                snapshot -> opened(Location.of(target), snapshot, "Opened the default database " + target),
                problem -> notOpened(target, problem));
    }

    /** File → Open: asks for a file, then opens it. */
    public void chooseAndOpen() {
        dialogs.chooseDatabaseToOpen(folder()).ifPresent(this::open);
    }

    /** File → New database: asks for a new file name, then creates and opens it. */
    public void chooseAndCreate() {
        dialogs.chooseNewDatabase(folder()).ifPresent(this::createDatabase);
    }

    /** Where the file choosers start: the open file's folder, or the data folder (also for a team database). */
    Path folder() {
        Path file = databaseFile.get();
        Path folder = file == null ? null : file.getParent();
        return folder != null && Files.isDirectory(folder) ? folder : DataLocation.dataFolder();
    }

    // ================================================================= results, on the UI thread

    private void show(NetworkTreeViewModel.Snapshot snapshot) {
        externalChanges.seen(snapshot.version());
        if (location.get() instanceof ServerLocation server && snapshot.seat().isPresent()) {
            // the server's word on who this is and what they may do: "ipam on db.example:5432 as alice (editor)"
            String where = server.name() + " as " + snapshot.seat().get().who();
            title.set("IPDesk \u2014 " + where);
            status.showDatabase("Team database: " + where);
        }
        rights.show(snapshot.seat().map(NetworkTreeViewModel.Seat::user),
                snapshot.seat().flatMap(NetworkTreeViewModel.Seat::role));
        state.setError("");
        tree.show(snapshot.rows());
        status.showSummary(snapshot.summary());
        state.setLoading(false);
        String key = selectAfterLoad;
        selectAfterLoad = null;
        navigation.reselect(key);
    }

    private void opened(Location target, NetworkTreeViewModel.Snapshot snapshot, String operation) {
        if (!target.equals(location.get())) {
            undoStack.clear();
            navigation.clear();
            switchTo(target);
        }
        preferences.opened(target);
        status.report(operation, false);
        show(snapshot);
    }

    private void notOpened(Path target, Throwable problem) {
        state.setLoading(false);
        status.report("Cannot open " + target + ": " + Problems.message(problem), true);
        preferences.forgetIfGone(target, !Files.exists(target));
    }

    private void fail(Throwable problem) {
        tree.clear();
        navigation.unreadable();
        String message = Problems.message(problem);
        state.setError(message);
        status.showSummary(CANNOT_OPEN);
        state.setPlaceholder(CANNOT_OPEN + ".\n\n" + message + "\n\nUse File \u2192 Open to open another file"
                + " or File \u2192 Connect to a team database.");
        state.setLoading(false);
        status.report(CANNOT_OPEN + " " + location.get() + ": " + message, true);
    }

    private void switchTo(Location next) {
        database.switchTo(next);
        location.set(next);
        databaseFile.set(next instanceof FileLocation file ? file.file() : null);
        externalChanges.forget();
        title.set("IPDesk \u2014 " + where(next));
        status.showDatabase(next instanceof FileLocation file ? "Database: " + file.file()
                : "Team database: " + where(next));
    }

    private static Location normal(Location location) {
        return location instanceof FileLocation file ? Location.of(file.file().toAbsolutePath().normalize()) : location;
    }
}
