package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.CellState;
import org.ipdesk.settings.SettingsStore;
import org.ipdesk.store.ContentSnapshot;
import org.ipdesk.store.Engine;
import org.ipdesk.store.FileLocation;
import org.ipdesk.store.Location;
import org.ipdesk.store.ServerLocation;
import org.ipdesk.store.postgres.TestPostgres;
import org.ipdesk.ui.CancellingDialogs;
import org.ipdesk.ui.CurrentThreadTaskExecutor;
import org.ipdesk.ui.DialogService;
import org.ipdesk.ui.QueuedTaskExecutor;
import org.ipdesk.ui.SampleDatabase;
import org.ipdesk.ui.ScriptedDialogs;
import org.ipdesk.ui.TaskExecutor;
import org.ipdesk.ui.TestThreadTaskExecutor;
import org.ipdesk.ui.grid.GridContent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The main view model with plain JUnit: no JavaFX toolkit, jobs run on the test thread. What is about a database file
 * (opening, creating, refusing, backing up files) is tested here on SQLite; what any database does, in
 * {@link OnEachEngine}, on SQLite and on PostgreSQL.
 */
class MainViewModelTest {

    @TempDir
    Path dir;

    @Test
    void aFileThatIsNotAnIpdeskDatabaseGivesAClearErrorAndIsLeftAlone() throws IOException {
        Path notes = dir.resolve("notes.txt");
        Files.writeString(notes, "not a database\n");
        MainViewModel vm = new MainViewModel(notes, new CurrentThreadTaskExecutor(), null, new CancellingDialogs());

        vm.fileSwitch().load();

        assertThat(vm.tree().networks()).isEmpty();
        assertThat(vm.state().loadingProperty().get()).isFalse();
        assertThat(vm.status().summaryProperty().get()).isEqualTo("Cannot open the database");
        assertThat(vm.state().errorProperty().get())
                .isEqualTo(notes.toAbsolutePath().normalize()
                        + " is not an IPDesk database (it is not an SQLite file); it was left unchanged");
        assertThat(vm.state().placeholderProperty().get())
                .startsWith("Cannot open the database.")
                .contains(vm.state().errorProperty().get())
                .contains("File \u2192 Open");
        assertThat(Files.readString(notes)).isEqualTo("not a database\n");
    }

    @Test
    void openingAnotherFileRemembersItAndARefusedFileLeavesTheCurrentOneOpen() throws IOException {
        Path first = dir.resolve("first.db");
        Path second = dir.resolve("second.db");
        SampleDatabase.seed(first);
        try (Allocator allocator = Allocator.open(Location.of(second))) {
            allocator.createNetwork("lab", "");
        }
        Path notes = dir.resolve("notes.db");
        Files.writeString(notes, "not a database\n");
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        MainViewModel vm = new MainViewModel(first, new CurrentThreadTaskExecutor(), store, new ScriptedDialogs());
        vm.fileSwitch().load();

        vm.fileSwitch().open(second);
        assertThat(vm.fileSwitch().databaseFile()).isEqualTo(second.toAbsolutePath());
        assertThat(vm.fileSwitch().titleProperty().get()).isEqualTo("IPDesk \u2014 second.db");
        assertThat(vm.tree().networks()).extracting(TreeRow::label).containsExactly("lab");
        assertThat(vm.status().lastOperationProperty().get()).isEqualTo("Opened " + second.toAbsolutePath());
        assertThat(vm.preferences().recentDatabases()).containsExactly(Location.of(second.toAbsolutePath()));

        vm.fileSwitch().open(notes);
        assertThat(vm.status().lastOperationFailedProperty().get()).isTrue();
        assertThat(vm.status().lastOperationProperty().get()).startsWith("Cannot open " + notes.toAbsolutePath())
                .contains("is not an IPDesk database");
        assertThat(vm.fileSwitch().databaseFile()).isEqualTo(second.toAbsolutePath());
        assertThat(vm.tree().networks()).extracting(TreeRow::label).containsExactly("lab");
        assertThat(Files.readString(notes)).isEqualTo("not a database\n");

        vm.fileSwitch().open(first);
        assertThat(vm.preferences().recentDatabases()).containsExactly(Location.of(first.toAbsolutePath()),
                Location.of(second.toAbsolutePath()));
        assertThat(store.load().lastFile()).contains(first.toAbsolutePath());
        assertThat(MainViewModel.startupDatabase(store)).isEqualTo(Location.of(first.toAbsolutePath()));
        vm.close();
    }

    @Test
    void newDatabaseIsCreatedEmptyButNeverOverAnExistingFile() {
        Path existing = dir.resolve("existing.db");
        SampleDatabase.seed(existing);
        MainViewModel vm = new MainViewModel(existing, new CurrentThreadTaskExecutor(), null, new CancellingDialogs());
        vm.fileSwitch().load();

        vm.fileSwitch().createDatabase(existing);
        assertThat(vm.status().lastOperationFailedProperty().get()).isTrue();
        assertThat(vm.status().lastOperationProperty().get()).contains("already exists");
        assertThat(vm.tree().networks()).hasSize(2);

        Path fresh = dir.resolve("fresh.db");
        vm.fileSwitch().createDatabase(fresh);
        assertThat(fresh).exists();
        assertThat(vm.fileSwitch().databaseFile()).isEqualTo(fresh.toAbsolutePath());
        assertThat(vm.tree().networks()).isEmpty();
        assertThat(vm.status().lastOperationProperty().get()).isEqualTo("Created " + fresh.toAbsolutePath());
        vm.close();
    }

    @Test
    void theThemeIsRemembered() {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        MainViewModel vm = new MainViewModel(dir.resolve("a.db"), new CurrentThreadTaskExecutor(), store, new ScriptedDialogs());
        assertThat(vm.preferences().darkThemeProperty().get()).isFalse();

        vm.preferences().darkThemeProperty().set(true);

        assertThat(new MainViewModel(dir.resolve("a.db"), new CurrentThreadTaskExecutor(), store, new ScriptedDialogs())
                .preferences().darkThemeProperty().get()).isTrue();
    }

    @Test
    void backUpWritesACopyAndRestoreOpensItAfterAsking() throws IOException {
        ScriptedDialogs dialogs = new ScriptedDialogs();
        MainViewModel vm = loadedSampleFile(dialogs);
        Path copy = dir.resolve("copy.db");
        dialogs.files.add(copy);
        vm.files().backUp();
        assertThat(vm.status().lastOperationProperty().get()).isEqualTo("Backed up " + vm.fileSwitch().databaseFile() + " to " + copy);
        assertThat(copy).exists();

        dialogs.files.add(copy);
        vm.files().restore(); // the user says no
        assertThat(dialogs.asked).singleElement().asString().startsWith("Restore a backup: Work on the backup ");
        assertThat(vm.fileSwitch().databaseFile()).isEqualTo(dir.resolve("sample.db").toAbsolutePath());

        dialogs.answer = true;
        dialogs.files.add(copy);
        vm.files().restore();
        assertThat(vm.fileSwitch().databaseFile()).isEqualTo(copy.toAbsolutePath());
        assertThat(vm.tree().networks()).hasSize(2);
        vm.close();
    }

    @Test
    void fileChoosersOpenAndCreate() {
        Path first = dir.resolve("first.db");
        SampleDatabase.seed(first);
        ScriptedDialogs dialogs = new ScriptedDialogs();
        MainViewModel vm = new MainViewModel(first, new CurrentThreadTaskExecutor(), null, dialogs);
        vm.fileSwitch().load();

        vm.fileSwitch().chooseAndOpen(); // cancelled
        assertThat(vm.fileSwitch().databaseFile()).isEqualTo(first.toAbsolutePath());

        Path fresh = dir.resolve("fresh.db");
        dialogs.files.add(fresh);
        vm.fileSwitch().chooseAndCreate();
        assertThat(vm.fileSwitch().databaseFile()).isEqualTo(fresh.toAbsolutePath());
        assertThat(vm.tree().networks()).isEmpty();

        dialogs.files.add(first);
        vm.fileSwitch().chooseAndOpen();
        assertThat(vm.fileSwitch().databaseFile()).isEqualTo(first.toAbsolutePath());
        assertThat(vm.tree().networks()).hasSize(2);
        vm.close();
    }

    /** A view model on the seeded sample file ({@code sample.db}), loaded, asking {@code dialogs}. */
    private MainViewModel loadedSampleFile(ScriptedDialogs dialogs) {
        Path file = dir.resolve("sample.db");
        SampleDatabase.seed(file);
        MainViewModel vm = new MainViewModel(file, new CurrentThreadTaskExecutor(), null, dialogs);
        vm.fileSwitch().load();
        return vm;
    }

    /** What the window does on any database: a file, or a team database on the tests' PostgreSQL server. */
    @Nested
    @ParameterizedClass(name = "{0}")
    @EnumSource(Engine.class)
    class OnEachEngine {

        @Parameter
        Engine engine;

        /** Jobs of the test thread run at once; those a team database's change feed submits wait for the test. */
        private final TestThreadTaskExecutor tasks = new TestThreadTaskExecutor();
        private final List<MainViewModel> windows = new ArrayList<>();

        @AfterEach
        void closeWindows() {
            windows.forEach(MainViewModel::close);
        }

        /** A view model on {@code location}, not loaded yet; closed after the test. */
        private MainViewModel window(Location location, TaskExecutor executor, DialogService dialogs) {
            MainViewModel vm = TestWindows.on(location, executor, dialogs);
            windows.add(vm);
            return vm;
        }

        /** A view model on a new database holding the sample, loaded, asking {@code dialogs}. */
        private MainViewModel loadedSample(ScriptedDialogs dialogs) {
            MainViewModel vm = window(SampleDatabase.fresh(engine, dir), tasks, dialogs);
            vm.fileSwitch().load();
            return vm;
        }

        private long connections(ServerLocation team) throws SQLException {
            try (Connection admin = TestPostgres.connect(TestPostgres.server());
                 PreparedStatement count = admin.prepareStatement(
                         "SELECT count(*) FROM pg_stat_activity WHERE datname = ?")) {
                count.setString(1, team.database());
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }

        @Test
        void loadsNetworksWithNestedSubnetsAndUsage() {
            Location sample = SampleDatabase.fresh(engine, dir);
            MainViewModel vm = window(sample, tasks, new CancellingDialogs());

            vm.fileSwitch().load();

            assertThat(vm.state().loadingProperty().get()).isFalse();
            assertThat(vm.state().errorProperty().get()).isEmpty();
            assertThat(vm.state().placeholderProperty().get()).isEmpty();
            assertThat(vm.status().summaryProperty().get()).isEqualTo("2 networks \u00b7 7 subnets \u00b7 45 addresses");
            if (sample instanceof ServerLocation team) {
                String where = team.name() + " as " + team.user().orElseThrow() + " (owner)";
                assertThat(vm.status().databaseTextProperty().get()).isEqualTo("Team database: " + where);
                assertThat(vm.fileSwitch().titleProperty().get()).isEqualTo("IPDesk \u2014 " + where);
            } else {
                assertThat(vm.status().databaseTextProperty().get())
                        .isEqualTo("Database: " + dir.resolve("sample.db").toAbsolutePath().normalize());
                assertThat(vm.fileSwitch().titleProperty().get()).isEqualTo("IPDesk \u2014 sample.db");
            }

            List<TreeRow> networks = vm.tree().networks();
            assertThat(networks).extracting(TreeRow::label).containsExactlyInAnyOrder("dc1", "branch-office");
            TreeRow dc1 = network(vm, "dc1");
            assertThat(dc1.kind()).isEqualTo(TreeRow.Kind.NETWORK);
            assertThat(dc1.name()).isEqualTo("Main data centre");
            // top level: the IPv4 /16 and the IPv6 /48; the /24s and the /64 sit below them
            assertThat(dc1.children()).extracting(TreeRow::label)
                    .containsExactlyInAnyOrder("10.10.0.0/16", "2001:db8:10::/48");
            TreeRow servers = child(dc1, "10.10.0.0/16");
            assertThat(servers.name()).isEqualTo("Servers");
            assertThat(servers.children()).extracting(TreeRow::label).containsExactly("10.10.1.0/24", "10.10.2.0/24");

            TreeRow web = child(servers, "10.10.1.0/24");
            assertThat(web.kind()).isEqualTo(TreeRow.Kind.SUBNET);
            assertThat(web.name()).isEqualTo("Web tier");
            assertThat(web.vlan()).isEqualTo("101");
            // 12 allocated + the gateway (reserved) of 254 usable
            assertThat(web.used()).isEqualTo("13 of 254");
            assertThat(web.usage()).isEqualTo("5.12 %");
            assertThat(servers.vlan()).isEmpty();

            // IPv4 and IPv6 together: no network-wide figure
            assertThat(dc1.usage()).isEqualTo(NetworkTreeViewModel.NOT_APPLICABLE);
            assertThat(dc1.used()).isEqualTo(NetworkTreeViewModel.NOT_APPLICABLE);
            // IPv4 only: the sum over its subnets (office: 20 held + gateway + 100 DHCP; printers: 5 reserved)
            TreeRow branch = network(vm, "branch-office");
            assertThat(branch.used()).isEqualTo("126 of 268");
            assertThat(branch.usage()).isEqualTo("47.01 %");
            assertThat(branch.children()).extracting(TreeRow::label)
                    .containsExactly("192.168.20.0/24", "192.168.30.0/28");

            TreeRow v6 = child(child(dc1, "2001:db8:10::/48"), "2001:db8:10:1::/64");
            assertThat(v6.used()).isEqualTo("3 of 2^64 \u2212 1");
            assertThat(v6.usage()).isEqualTo("0.00 %");
        }

        @Test
        void anEmptyDatabaseSaysSoInsteadOfShowingAnEmptyTree() {
            MainViewModel vm = window(engine.fresh(dir, "new"), tasks, new CancellingDialogs());

            vm.fileSwitch().load();

            assertThat(vm.tree().networks()).isEmpty();
            assertThat(vm.state().errorProperty().get()).isEmpty();
            assertThat(vm.status().summaryProperty().get()).isEqualTo("0 networks \u00b7 0 subnets \u00b7 0 addresses");
            assertThat(vm.state().placeholderProperty().get()).startsWith("This database has no networks yet.");
        }

        @Test
        void databaseWorkHappensOnlyOnTheExecutor() {
            QueuedTaskExecutor executor = new QueuedTaskExecutor();
            MainViewModel vm = window(SampleDatabase.fresh(engine, dir), executor, new CancellingDialogs());

            vm.fileSwitch().load();

            // nothing read yet: the caller (the FX thread in the app) did no database work
            assertThat(vm.state().loadingProperty().get()).isTrue();
            assertThat(vm.tree().networks()).isEmpty();
            assertThat(vm.state().placeholderProperty().get()).startsWith("Opening ");

            executor.runAll();

            assertThat(vm.state().loadingProperty().get()).isFalse();
            assertThat(vm.tree().networks()).hasSize(2);
        }

        @Test
        void refreshShowsChangesMadeMeanwhileAndCloseReleasesTheDatabase() throws Exception {
            Location database = engine.fresh(dir, "sample");
            MainViewModel vm = window(database, tasks, new CancellingDialogs());
            vm.fileSwitch().load();
            assertThat(vm.tree().networks()).isEmpty();

            SampleDatabase.seed(database);
            vm.fileSwitch().load();
            assertThat(vm.tree().networks()).hasSize(2);

            vm.close();
            if (database instanceof ServerLocation team) {
                // no connection of the window is left on the server (each ends as its backend notices the close)
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (connections(team) > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(connections(team)).as("connections to %s after close", team.database()).isZero();
            } else {
                Path file = ((FileLocation) database).file();
                Files.delete(file);
                assertThat(file).doesNotExist();
            }
        }

        @Test
        void theFilterKeepsMatchingRowsAndThePathToThem() {
            MainViewModel vm = loadedSample(new ScriptedDialogs());

            vm.tree().filterProperty().set("databases");
            assertThat(vm.tree().visibleNetworks()).extracting(TreeRow::label).containsExactly("dc1");
            TreeRow servers = vm.tree().visibleNetworks().get(0).children().get(0);
            assertThat(servers.label()).isEqualTo("10.10.0.0/16");
            assertThat(servers.children()).extracting(TreeRow::label).containsExactly("10.10.2.0/24");

            vm.tree().filterProperty().set("VLAN-that-is-not-there");
            assertThat(vm.tree().visibleNetworks()).isEmpty();
            assertThat(vm.state().placeholderProperty().get()).isEqualTo("Nothing matches \u201cVLAN-that-is-not-there\u201d.");
            vm.tree().filterProperty().set("x".repeat(5_000));
            assertThat(vm.state().placeholderProperty().get())
                    .isEqualTo("Nothing matches \u201c" + "x".repeat(60) + "\u2026 (5,000 characters)\u201d.");

            vm.tree().filterProperty().set("192.168.30");
            assertThat(vm.tree().visibleNetworks()).extracting(TreeRow::label).containsExactly("branch-office");
            assertThat(vm.tree().visibleNetworks().get(0).children()).extracting(TreeRow::label).containsExactly("192.168.30.0/28");

            vm.tree().filterProperty().set("");
            assertThat(vm.tree().visibleNetworks()).hasSize(2);
            assertThat(vm.state().placeholderProperty().get()).isEmpty();
            // the whole tree is still there underneath
            assertThat(vm.tree().networks()).hasSize(2);
        }

        @Test
        void selectingASubnetShowsItsGridAndANetworkClearsIt() {
            MainViewModel vm = loadedSample(new ScriptedDialogs());
            TreeRow web = child(child(network(vm, "dc1"), "10.10.0.0/16"), "10.10.1.0/24");

            vm.navigation().select(web);

            assertThat(vm.selection().selectedProperty().get()).isEqualTo(web);
            assertThat(vm.grid().subnetProperty().get().cidr().toString()).isEqualTo("10.10.1.0/24");
            assertThat(vm.grid().getContent().size()).isEqualTo(256);

            vm.navigation().select(network(vm, "dc1"));
            assertThat(vm.grid().subnetProperty().get()).isNull();
        }

        @Test
        void anotherWriterIsNoticedAndTheSelectionSurvivesTheRefresh() throws InterruptedException {
            MainViewModel vm = loadedSample(new ScriptedDialogs());
            vm.navigation().select(child(child(network(vm, "dc1"), "10.10.0.0/16"), "10.10.1.0/24"));
            vm.grid().select(20);

            vm.externalChanges().check();
            assertThat(vm.status().lastOperationProperty().get()).isEmpty();

            // another process (here: another connection, as the CLI would be) takes 10.10.1.20
            try (Allocator other = Allocator.open(vm.fileSwitch().location())) {
                long id = other.findSubnet(Cidr.parse("10.10.1.0/24"), Optional.of("dc1")).id();
                other.reserve(id, Ip.parse("10.10.1.20"), AddressDetails.allocated("cli-host"));
            }
            // the window looks at a file when it polls; a team database's notification asks it to look by itself
            if (engine == Engine.SQLITE) {
                vm.externalChanges().check();
            }
            assertThat(tasks.runHeldUntil(() -> !vm.status().lastOperationProperty().get().isEmpty(),
                    Duration.ofSeconds(5))).as("the change noticed").isTrue();

            assertThat(vm.status().lastOperationProperty().get()).isEqualTo("Another program changed the database; refreshed");
            assertThat(vm.selection().selectedProperty().get().label()).isEqualTo("10.10.1.0/24");
            assertThat(vm.selection().selectedProperty().get().used()).isEqualTo("14 of 254");
            assertThat(vm.grid().caretProperty().get()).isEqualTo(20);
            assertThat(((GridContent.Addresses) vm.grid().getContent()).state(20)).isEqualTo(CellState.ALLOCATED);
        }

        @Test
        void theAllocatorRefusesEveryThreadButTheDatabaseThread() {
            WorkerFlagExecutor executor = new WorkerFlagExecutor();
            MainViewModel vm = window(SampleDatabase.fresh(engine, dir), executor, new CancellingDialogs());
            vm.fileSwitch().load();
            assertThat(vm.tree().networks()).hasSize(2);

            assertThatThrownBy(() -> vm.database().supplier().get())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("database thread");
        }

        @Test
        void newNetworkAndSubnetAreSelectedOnceSavedAndCancelChangesNothing() {
            ScriptedDialogs dialogs = new ScriptedDialogs();
            MainViewModel vm = loadedSample(dialogs);
            String before = ContentSnapshot.of(vm.fileSwitch().location());

            vm.edits().newNetwork(); // the scripted user cancels
            assertThat(ContentSnapshot.of(vm.fileSwitch().location())).isEqualTo(before);
            assertThat(vm.status().lastOperationProperty().get()).isEmpty();

            dialogs.network = dialog -> {
                dialog.nameProperty().set("lab");
                dialog.save();
                return Optional.ofNullable(dialog.savedProperty().get());
            };
            vm.edits().newNetwork();
            assertThat(vm.selection().selectedProperty().get().label()).isEqualTo("lab");
            assertThat(vm.status().lastOperationProperty().get()).isEqualTo("Created network lab");

            List<String> offered = new ArrayList<>();
            dialogs.subnet = dialog -> {
                offered.add(dialog.networkProperty().get());
                dialog.cidrProperty().set("10.77.0.0/24");
                dialog.save();
                return Optional.ofNullable(dialog.savedProperty().get());
            };
            vm.edits().newSubnet();
            assertThat(offered).containsExactly("lab"); // the network of the selected row
            assertThat(vm.selection().selectedProperty().get().label()).isEqualTo("10.77.0.0/24");
            assertThat(vm.grid().subnetProperty().get().cidr()).isEqualTo(Cidr.parse("10.77.0.0/24"));
            assertThat(vm.header().titleProperty().get()).isEqualTo("10.77.0.0/24");
            assertThat(vm.status().lastOperationProperty().get()).isEqualTo("Created subnet 10.77.0.0/24 in lab");
        }

        @Test
        void windowCommandsAreUndoneAndRedoneAsNewLoggedChanges() {
            ScriptedDialogs dialogs = new ScriptedDialogs();
            MainViewModel vm = loadedSample(dialogs);
            dialogs.network = dialog -> {
                dialog.nameProperty().set("lab");
                dialog.save();
                return Optional.ofNullable(dialog.savedProperty().get());
            };
            vm.edits().newNetwork();
            vm.navigation().select(child(child(network(vm, "dc1"), "10.10.0.0/16"), "10.10.2.0/24"));
            dialogs.answer = true;
            vm.edits().deleteSelected();
            assertThat(vm.undoRedo().stack().undoTextProperty().get()).isEqualTo("Undo delete subnet 10.10.2.0/24 in dc1");

            vm.undoRedo().undo();
            assertThat(vm.status().lastOperationProperty().get()).isEqualTo("Undone: Delete subnet 10.10.2.0/24 in dc1");
            TreeRow back = child(child(network(vm, "dc1"), "10.10.0.0/16"), "10.10.2.0/24");
            assertThat(back.used()).isEqualTo("5 of 254"); // its 4 addresses and the gateway are back

            vm.undoRedo().undo();
            assertThat(vm.tree().networks()).extracting(TreeRow::label).doesNotContain("lab");
            assertThat(vm.undoRedo().stack().canUndoProperty().get()).isFalse();

            vm.undoRedo().redo();
            assertThat(vm.tree().networks()).extracting(TreeRow::label).contains("lab");
            assertThat(vm.status().lastOperationProperty().get()).isEqualTo("Redone: Create network lab");
            try (Allocator check = Allocator.open(vm.fileSwitch().location())) {
                assertThat(check.history("network", "lab", 10)).hasSize(3); // create, delete (undo), create (redo)
            }
        }

        @Test
        void copyGivesTheSelectedAddressesOrTheSubnetAsPlainText() {
            MainViewModel vm = loadedSample(new ScriptedDialogs());
            assertThat(vm.copy().text(false)).isEmpty();
            vm.navigation().select(child(child(network(vm, "dc1"), "10.10.0.0/16"), "10.10.1.0/24"));
            assertThat(vm.copy().text(false)).isEqualTo("10.10.1.0/24");
            assertThat(vm.copy().text(true)).isEmpty();

            vm.grid().select(5);
            assertThat(vm.copy().text(true)).isEqualTo("10.10.1.5");
            vm.grid().extendSelection(7);
            assertThat(vm.copy().text(true).lines()).containsExactly("10.10.1.5", "10.10.1.6", "10.10.1.7");

            vm.navigation().select(network(vm, "dc1"));
            assertThat(vm.copy().text(false)).isEqualTo("dc1");
        }

        @Test
        void aboutNamesTheDatabaseAndTheDataFolder() {
            MainViewModel vm = loadedSample(new ScriptedDialogs());
            assertThat(vm.help().aboutText()).startsWith("IPDesk ")
                    .contains("Database: " + vm.fileSwitch().location())
                    .contains("Data folder: " + org.ipdesk.settings.DataLocation.dataFolder());
        }

        @Test
        void exportAddressesWritesTheSelectedSubnetsAddresses() throws IOException {
            MainViewModel vm = loadedSample(new ScriptedDialogs());
            vm.navigation().select(child(child(network(vm, "dc1"), "10.10.0.0/16"), "10.10.1.0/24"));
            Path csv = dir.resolve("web.csv");
            vm.files().exportAddresses(csv);
            assertThat(vm.status().lastOperationProperty().get()).isEqualTo("Exported 12 addresses of 10.10.1.0/24 to " + csv);
            assertThat(Files.readAllLines(csv)).hasSize(13).first().asString().startsWith("ip,subnet,network,status");

            vm.files().exportAddresses(dir.resolve("missing-folder").resolve("x.csv"));
            assertThat(vm.status().lastOperationFailedProperty().get()).isTrue();
            assertThat(vm.status().lastOperationProperty().get()).startsWith("Cannot export to ");
        }

        @Test
        void deletingTheSelectedSubnetAsksAndThenClearsTheSelection() {
            ScriptedDialogs dialogs = new ScriptedDialogs();
            MainViewModel vm = loadedSample(dialogs);
            vm.navigation().select(child(child(network(vm, "dc1"), "10.10.0.0/16"), "10.10.2.0/24"));

            vm.edits().deleteSelected();
            assertThat(dialogs.asked).singleElement().asString().contains("It holds 4 addresses");
            assertThat(vm.selection().selectedProperty().get().label()).isEqualTo("10.10.2.0/24");

            dialogs.answer = true;
            vm.edits().deleteSelected();
            assertThat(vm.status().lastOperationProperty().get()).isEqualTo("Deleted subnet 10.10.2.0/24 (4 addresses)");
            assertThat(vm.selection().selectedProperty().get()).isNull();
            assertThat(vm.grid().subnetProperty().get()).isNull();
            assertThat(vm.header().titleProperty().get()).isEmpty();
        }

        @Test
        void aRangeIsMadeFromTheGridSelectionAndDeletedFromTheCaret() {
            ScriptedDialogs dialogs = new ScriptedDialogs();
            MainViewModel vm = loadedSample(dialogs);
            vm.navigation().select(child(child(network(vm, "dc1"), "10.10.0.0/16"), "10.10.2.0/24"));
            vm.grid().select(50);
            vm.grid().extendSelection(59);

            List<String> prefilled = new ArrayList<>();
            dialogs.range = dialog -> {
                prefilled.add(dialog.startProperty().get() + "-" + dialog.endProperty().get());
                dialog.save();
                return Optional.ofNullable(dialog.savedProperty().get());
            };
            vm.edits().newRange();
            assertThat(prefilled).containsExactly("10.10.2.50-10.10.2.59");
            assertThat(vm.status().lastOperationProperty().get()).startsWith("Added ").endsWith(" 10.10.2.50-10.10.2.59 to 10.10.2.0/24 in dc1");
            assertThat(((GridContent.Addresses) vm.grid().getContent()).state(55)).isIn(CellState.DHCP_RANGE,
                    CellState.RESERVED_RANGE);

            dialogs.answer = true;
            vm.grid().select(52);
            vm.edits().deleteRangeAtCaret();
            assertThat(vm.status().lastOperationProperty().get()).startsWith("Deleted ").endsWith("10.10.2.50-10.10.2.59");
            assertThat(((GridContent.Addresses) vm.grid().getContent()).state(55)).isEqualTo(CellState.FREE);

            vm.edits().deleteRangeAtCaret();
            assertThat(vm.status().lastOperationProperty().get()).isEqualTo("10.10.2.52 is in no DHCP pool or reserved range");
            assertThat(vm.status().lastOperationFailedProperty().get()).isTrue();
        }
    }

    private static TreeRow network(MainViewModel vm, String name) {
        return vm.tree().networks().stream().filter(r -> r.label().equals(name)).findFirst().orElseThrow();
    }

    private static TreeRow child(TreeRow row, String label) {
        return row.children().stream().filter(r -> r.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError(label + " not under " + row.label()));
    }

    /** Runs jobs at once but, like the real executor, says "worker thread" only while a job runs. */
    private static final class WorkerFlagExecutor implements TaskExecutor {
        private boolean running;

        @Override
        public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
            T result;
            running = true;
            try {
                result = work.call();
            } catch (Exception e) {
                running = false;
                onFailure.accept(e);
                return;
            } finally {
                running = false;
            }
            onSuccess.accept(result);
        }

        @Override
        public boolean isWorkerThread() {
            return running;
        }
    }
}
