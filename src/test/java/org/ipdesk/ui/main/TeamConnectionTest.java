package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ipdesk.settings.PasswordKeyring;
import org.ipdesk.settings.Settings;
import org.ipdesk.settings.SettingsStore;
import org.ipdesk.store.Location;
import org.ipdesk.store.ServerLocation;
import org.ipdesk.ui.CurrentThreadTaskExecutor;
import org.ipdesk.ui.QueuedTaskExecutor;
import org.ipdesk.ui.SampleDatabase;
import org.ipdesk.ui.ScriptedDialogs;
import org.ipdesk.ui.connect.ConnectDialogViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window and team databases without a toolkit: File → Connect, Open recent and the start on a server; a server
 * that refuses leaves the file open; the title says where and as whom; no password reaches settings.json.
 */
class TeamConnectionTest {
    /** Nothing listens on port 1: whatever engine opens it, the connection is refused at once. */
    private static final ServerLocation UNREACHABLE = ServerLocation.parse("postgresql://alice@127.0.0.1:1/ipam");

    @TempDir
    Path dir;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final Map<String, String> keyring = new HashMap<>();
    private Path file;
    private SettingsStore settings;
    private MainViewModel vm;

    @BeforeEach
    void openAFile() {
        file = dir.resolve("lab.db").toAbsolutePath();
        SampleDatabase.seed(file);
        settings = new SettingsStore(dir.resolve("settings.json"));
        vm = window(Location.of(file), new CurrentThreadTaskExecutor());
        vm.fileSwitch().load();
    }

    @AfterEach
    void close() {
        vm.close();
    }

    private MainViewModel window(Location location, org.ipdesk.ui.TaskExecutor tasks) {
        PasswordKeyring mapKeyring = new PasswordKeyring(() -> new PasswordKeyring.Backend() {
            @Override
            public String get(String key) {
                return keyring.get(key);
            }

            @Override
            public void set(String key, String password) {
                keyring.put(key, password);
            }

            @Override
            public void delete(String key) {
                keyring.remove(key);
            }
        });
        return new MainViewModel(new NetworkTreeViewModel(), location, tasks, settings, dialogs,
                new TeamPasswords(mapKeyring));
    }

    @Test
    void theTitleSaysWhereAndAsWhom() {
        assertThat(FileSwitch.where(ServerLocation.parse("postgresql://alice@db.example/ipam")))
                .isEqualTo("ipam on db.example:5432 as alice");
        assertThat(FileSwitch.where(ServerLocation.parse("postgresql://db.example:6432/ipam")))
                .isEqualTo("ipam on db.example:6432 as " + System.getProperty("user.name"));
        assertThat(FileSwitch.where(Location.of(file))).isEqualTo("lab.db");
        assertThat(vm.fileSwitch().titleProperty().get()).isEqualTo("IPDesk \u2014 lab.db");
    }

    @Test
    void aWindowStartedOnAServerSaysSoAndExplainsARefusal() {
        vm.close();
        vm = window(UNREACHABLE, new CurrentThreadTaskExecutor());
        assertThat(vm.fileSwitch().titleProperty().get()).isEqualTo("IPDesk \u2014 ipam on 127.0.0.1:1 as alice");
        assertThat(vm.status().databaseTextProperty().get()).isEqualTo("Team database: ipam on 127.0.0.1:1 as alice");
        assertThat(vm.fileSwitch().location()).isEqualTo(UNREACHABLE);
        assertThat(vm.fileSwitch().databaseFile()).isNull();

        vm.fileSwitch().load();
        assertThat(vm.state().failed()).isTrue();
        assertThat(vm.status().lastOperationProperty().get())
                .startsWith("Cannot open the database postgresql://alice@127.0.0.1:1/ipam: ");
        assertThat(vm.state().placeholderProperty().get()).contains("File \u2192 Connect to a team database");
        assertThat(vm.help().aboutText()).contains("Database: postgresql://alice@127.0.0.1:1/ipam");
    }

    @Test
    void aRefusedConnectionLeavesTheFileOpenAndKeepsNoPassword() throws Exception {
        QueuedTaskExecutor tasks = new QueuedTaskExecutor();
        settings.save(settings.load().opened(Location.of(file)));
        vm.close();
        vm = window(Location.of(file), tasks);
        vm.fileSwitch().load();
        tasks.runAll();
        int networks = vm.tree().networks().size();
        dialogs.connect = dialog -> {
            dialog.hostProperty().set("127.0.0.1");
            dialog.portProperty().set("1");
            dialog.databaseProperty().set("ipam");
            dialog.userProperty().set("alice");
            dialog.passwordProperty().set("Tr0ub4dor&3");
            dialog.rememberProperty().set(true);
            return dialog.result();
        };
        vm.team().chooseAndConnect();
        assertThat(tasks.pending()).as("the keyring is looked for on the database thread").isEqualTo(1);
        tasks.runAll();

        assertThat(vm.status().lastOperationFailedProperty().get()).isTrue();
        assertThat(vm.status().lastOperationProperty().get())
                .startsWith("Cannot connect to postgresql://alice@127.0.0.1:1/ipam: ");
        assertThat(vm.fileSwitch().location()).isEqualTo(Location.of(file));
        assertThat(vm.fileSwitch().titleProperty().get()).isEqualTo("IPDesk \u2014 lab.db");
        assertThat(vm.tree().networks()).hasSize(networks);
        assertThat(vm.state().failed()).isFalse();
        assertThat(keyring).as("a password that did not connect is not remembered").isEmpty();
        assertThat(vm.preferences().recentDatabases()).doesNotContain(UNREACHABLE);
        assertThat(Files.readString(settings.file())).doesNotContain("Tr0ub4dor").doesNotContain("127.0.0.1");
    }

    @Test
    void theDialogStartsOnTheLastTeamDatabaseUsed() {
        ServerLocation team = ServerLocation.parse("postgresql://bob@db.example:6432/ipam?sslmode=verify-full");
        settings.save(settings.load().opened(team).opened(Location.of(file)));
        keyring.put(PasswordKeyring.key(team), "kept");
        vm.close();
        vm = window(Location.of(file), new CurrentThreadTaskExecutor());
        List<ConnectDialogViewModel> shown = new ArrayList<>();
        dialogs.connect = dialog -> {
            shown.add(dialog);
            return Optional.empty();
        };
        vm.team().chooseAndConnect();
        assertThat(shown).hasSize(1);
        assertThat(shown.get(0).urlProperty().get()).isEqualTo(team.toString());
        assertThat(shown.get(0).rememberProperty().get()).as("its password is in the keyring").isTrue();
        assertThat(shown.get(0).passwordProperty().get()).as("and is not shown").isEmpty();
        assertThat(vm.fileSwitch().location()).as("Cancel changes nothing").isEqualTo(Location.of(file));
    }

    @Test
    void openRecentListsServersByNameAndAsksForAPasswordItDoesNotKnow() {
        ServerLocation team = UNREACHABLE;
        settings.save(settings.load().opened(team).opened(Location.of(file)));
        vm.close();
        vm = window(Location.of(file), new CurrentThreadTaskExecutor());
        vm.fileSwitch().load();
        List<RecentDatabase> menu = vm.preferences().recentMenu();
        assertThat(menu).extracting(RecentDatabase::label).containsExactly(file.toString(), "ipam on 127.0.0.1:1");

        List<ConnectDialogViewModel> shown = new ArrayList<>();
        dialogs.connect = dialog -> {
            shown.add(dialog);
            return Optional.empty();
        };
        vm.team().open(menu.get(1));
        assertThat(shown).as("no keyring entry: the dialog asks, on that server").hasSize(1);
        assertThat(shown.get(0).urlProperty().get()).isEqualTo(team.toString());
        assertThat(vm.fileSwitch().location()).as("Cancel changes nothing").isEqualTo(Location.of(file));

        keyring.put(PasswordKeyring.key(team), "kept");
        vm.team().open(menu.get(1));
        assertThat(shown).as("a remembered password connects at once").hasSize(1);
        assertThat(vm.status().lastOperationProperty().get())
                .startsWith("Cannot connect to postgresql://alice@127.0.0.1:1/ipam: ");
        assertThat(vm.fileSwitch().location()).isEqualTo(Location.of(file));
        assertThat(vm.preferences().recentDatabases()).as("a server that did not answer stays in the list")
                .contains(team);

        vm.team().open(menu.get(0));
        assertThat(vm.status().lastOperationProperty().get()).isEqualTo("Already open: " + file);
    }

    @Test
    void theLastTeamDatabaseReopensAtStart() {
        ServerLocation team = ServerLocation.parse("postgresql://alice@db.example/ipam");
        SettingsStore store = new SettingsStore(dir.resolve("start.json"));
        store.save(Settings.DEFAULTS.opened(Location.of(file)).opened(team));
        assertThat(MainViewModel.startupDatabase(store)).isEqualTo(team);
    }
}
