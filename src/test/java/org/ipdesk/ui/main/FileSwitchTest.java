package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.Network;
import org.ipdesk.store.Location;
import org.ipdesk.ui.CurrentThreadTaskExecutor;
import org.ipdesk.ui.SampleDatabase;
import org.ipdesk.ui.ScriptedDialogs;
import org.ipdesk.ui.TaskExecutor;
import org.ipdesk.ui.details.AddressDetailsViewModel;
import org.ipdesk.ui.grid.AddressGridViewModel;
import org.ipdesk.ui.subnet.SubnetHeaderViewModel;
import org.ipdesk.ui.undo.UndoStack;
import org.ipdesk.ui.undo.Undoables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The switch between files on its own, built from its parts as the window builds it. */
class FileSwitchTest {

    @TempDir
    Path dir;

    private final TaskExecutor tasks = new CurrentThreadTaskExecutor();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final NetworkTreeViewModel tree = new NetworkTreeViewModel();
    private final LoadState state = new LoadState(tree);
    private final SelectionState selection = new SelectionState();
    private final StatusLine status = new StatusLine();
    private final WindowPreferences preferences = new WindowPreferences(null, message -> { });
    private OpenDatabase database;
    private UndoStack undoStack;
    private AddressGridViewModel grid;
    private Path first;
    private FileSwitch files;

    @BeforeEach
    void openSample() {
        first = dir.resolve("first.db");
        SampleDatabase.seed(first);
        database = new OpenDatabase(tasks, first.toAbsolutePath());
        undoStack = new UndoStack(database.supplier(), tasks);
        grid = new AddressGridViewModel(database.supplier(), tasks);
        Navigation navigation = new Navigation(tree, selection, grid,
                new SubnetHeaderViewModel(database.supplier(), tasks),
                new AddressDetailsViewModel(database.supplier(), tasks), status, change -> true);
        ExternalChangeWatcher watcher = new ExternalChangeWatcher(tasks, () -> 0L, () -> false, () -> { });
        files = new FileSwitch(tasks, dialogs, database, tree, state, status, navigation, undoStack, preferences,
                watcher, first);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void readingTheFileFillsTheTreeTitleAndStatusLineAndSelectsTheRowAskedFor() {
        assertThat(files.titleProperty().get()).isEqualTo("IPDesk \u2014 first.db");
        assertThat(status.databaseTextProperty().get()).isEqualTo("Database: " + first.toAbsolutePath());

        files.load();
        assertThat(tree.networks()).extracting(TreeRow::label).containsExactlyInAnyOrder("dc1", "branch-office");
        assertThat(status.summaryProperty().get()).isEqualTo("2 networks \u00b7 7 subnets \u00b7 45 addresses");
        assertThat(state.loadingProperty().get()).isFalse();

        String printers = tree.findRow(row -> row.label().equals("192.168.30.0/28")).orElseThrow().key();
        files.selectAfterLoad(printers);
        files.refresh("Changed something", false);
        assertThat(selection.get().label()).isEqualTo("192.168.30.0/28");
        assertThat(grid.subnetProperty().get().cidr().toString()).isEqualTo("192.168.30.0/28");
        assertThat(status.lastOperationProperty().get()).isEqualTo("Changed something");
    }

    @Test
    void anotherFileReplacesTheShownOneWithAnEmptyUndoStackAndSelection() {
        Path second = dir.resolve("second.db");
        try (Allocator allocator = Allocator.open(Location.of(second))) {
            allocator.createNetwork("lab", "");
        }
        files.load();
        selection.set(tree.networks().get(0));
        undoStack.done(Undoables.networkCreated("Create network x", new Network(99, "x", "", 1)));
        assertThat(undoStack.canUndoProperty().get()).isTrue();

        files.open(second);

        assertThat(files.databaseFile()).isEqualTo(second.toAbsolutePath());
        assertThat(files.titleProperty().get()).isEqualTo("IPDesk \u2014 second.db");
        assertThat(tree.networks()).extracting(TreeRow::label).containsExactly("lab");
        assertThat(selection.get()).isNull();
        assertThat(undoStack.canUndoProperty().get()).isFalse();
        assertThat(preferences.recentDatabases()).containsExactly(Location.of(second.toAbsolutePath()));
        assertThat(status.lastOperationProperty().get()).isEqualTo("Opened " + second.toAbsolutePath());
        assertThat(files.folder()).isEqualTo(dir.toAbsolutePath());

        files.open(second);
        assertThat(status.lastOperationProperty().get()).isEqualTo("Already open: " + second.toAbsolutePath());
    }

    @Test
    void aFileThatDoesNotOpenLeavesTheShownOneAndSaysWhy() throws IOException {
        Path notes = dir.resolve("notes.db");
        Files.writeString(notes, "not a database\n");
        files.load();

        files.open(notes);

        assertThat(files.databaseFile()).isEqualTo(first.toAbsolutePath());
        assertThat(tree.networks()).hasSize(2);
        assertThat(status.lastOperationFailedProperty().get()).isTrue();
        assertThat(status.lastOperationProperty().get()).startsWith("Cannot open " + notes.toAbsolutePath() + ": ")
                .contains("is not an IPDesk database");
        assertThat(Files.readString(notes)).isEqualTo("not a database\n");
    }

    @Test
    void anEmptyFileBecomesADatabaseOnlyWhenTheUserSaysSo() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.db"));
        files.load();

        dialogs.answer = false;
        files.open(empty);
        assertThat(status.lastOperationProperty().get())
                .isEqualTo("Did not open " + empty.toAbsolutePath() + ": it is empty and was left unchanged");
        assertThat(Files.size(empty)).isZero();

        dialogs.answer = true;
        files.open(empty);
        assertThat(files.databaseFile()).isEqualTo(empty.toAbsolutePath());
        assertThat(tree.networks()).isEmpty();
        assertThat(state.emptyDatabaseProperty().get()).isTrue();
    }

    @Test
    void aFileThatCannotBeReadEmptiesTheTreeAndExplainsInThePlaceholder() throws IOException {
        Path notes = dir.resolve("notes.txt");
        Files.writeString(notes, "not a database\n");
        database = new OpenDatabase(tasks, notes.toAbsolutePath());
        Navigation navigation = new Navigation(tree, selection, grid,
                new SubnetHeaderViewModel(database.supplier(), tasks),
                new AddressDetailsViewModel(database.supplier(), tasks), status, change -> true);
        files = new FileSwitch(tasks, dialogs, database, tree, state, status, navigation, undoStack, preferences,
                new ExternalChangeWatcher(tasks, () -> 0L, () -> false, () -> { }), notes);

        files.load();

        assertThat(status.summaryProperty().get()).isEqualTo(FileSwitch.CANNOT_OPEN);
        assertThat(state.errorProperty().get()).contains("is not an IPDesk database");
        assertThat(state.placeholderProperty().get()).startsWith("Cannot open the database.").contains("File \u2192 Open");
        assertThat(Files.readString(notes)).isEqualTo("not a database\n");
        // the tree's pane says why; the grid does not offer to create a network in a database that did not open
        assertThat(grid.messageProperty().get()).isEmpty();
    }
}
