package org.ipdesk.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javakeyring.BackendNotSupportedException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ipdesk.settings.PasswordKeyring;
import org.ipdesk.store.ServerLocation;
import org.ipdesk.ui.CurrentThreadTaskExecutor;
import org.ipdesk.ui.QueuedTaskExecutor;
import org.junit.jupiter.api.Test;

/** File → Connect to a team database… without a window: what it checks as you type, the URL, Test connection. */
class ConnectDialogViewModelTest {

    static PasswordKeyring noKeyring() {
        return new PasswordKeyring(() -> {
            throw new BackendNotSupportedException("No available keyring backend found");
        });
    }

    /** A keyring that keeps passwords in a map. */
    static PasswordKeyring mapKeyring(Map<String, String> kept) {
        return new PasswordKeyring(() -> new PasswordKeyring.Backend() {
            @Override
            public String get(String key) {
                return kept.get(key);
            }

            @Override
            public void set(String key, String password) {
                kept.put(key, password);
            }

            @Override
            public void delete(String key) {
                kept.remove(key);
            }
        });
    }

    private static ConnectDialogViewModel blank() {
        return new ConnectDialogViewModel(new CurrentThreadTaskExecutor(), noKeyring(),
                ConnectDialogViewModel.Tester.OPEN_AND_CLOSE, Optional.empty(), false);
    }

    private static void fill(ConnectDialogViewModel vm, String host, String port, String database, String user) {
        vm.hostProperty().set(host);
        vm.portProperty().set(port);
        vm.databaseProperty().set(database);
        vm.userProperty().set(user);
    }

    @Test
    void aBlankDialogOpensWithoutErrorsOffersTheDefaultPortAndAsksForWhatIsEmptiedAgain() {
        ConnectDialogViewModel vm = blank();
        assertThat(vm.portProperty().get()).isEqualTo("5432");
        // nothing typed yet: nothing is wrong, but Connect waits for a host and a database
        assertThat(vm.hostErrorProperty().get()).isEmpty();
        assertThat(vm.databaseErrorProperty().get()).isEmpty();
        assertThat(vm.portErrorProperty().get()).isEmpty();
        assertThat(vm.validProperty().get()).isFalse();
        vm.hostProperty().set("d");
        vm.hostProperty().set("");
        assertThat(vm.hostErrorProperty().get()).isEqualTo("Enter the server\u2019s host name or address");
        vm.databaseProperty().set("i");
        vm.databaseProperty().set("");
        assertThat(vm.databaseErrorProperty().get()).isEqualTo("Enter the name of the database (its owner knows it)");
        assertThat(vm.validProperty().get()).isFalse();
        assertThat(vm.urlProperty().get()).isEmpty();
        assertThat(vm.result()).isEmpty();
        assertThat(vm.sslModeProperty().get()).isEqualTo("prefer");
        assertThat(vm.sslModeInfoProperty().get()).contains("without checking its certificate");
    }

    @Test
    void thePortMustBeATcpPort() {
        ConnectDialogViewModel vm = blank();
        fill(vm, "db.example", "0", "ipam", "alice");
        assertThat(vm.portErrorProperty().get()).isEqualTo("Port 0 is not a TCP port (1 to 65535)");
        assertThat(vm.validProperty().get()).isFalse();
        vm.portProperty().set("65536");
        assertThat(vm.portErrorProperty().get()).isEqualTo("Port 65536 is not a TCP port (1 to 65535)");
        vm.portProperty().set("54a");
        assertThat(vm.portErrorProperty().get()).isEqualTo("\u201854a\u2019 is not a port number (digits 0-9)");
        vm.portProperty().set("");
        assertThat(vm.portErrorProperty().get()).startsWith("Enter the port (5432");
        vm.portProperty().set("65535");
        assertThat(vm.portErrorProperty().get()).isEmpty();
        assertThat(vm.validProperty().get()).isTrue();
        vm.portProperty().set(" 1 ");
        assertThat(vm.validProperty().get()).isTrue();
    }

    @Test
    void hostAndDatabaseThatCannotBeInAUrlAreNamed() {
        ConnectDialogViewModel vm = blank();
        fill(vm, "db example", "5432", "ipam/x", "");
        assertThat(vm.hostErrorProperty().get()).isEqualTo("\u2018db example\u2019 is not a host name or address");
        assertThat(vm.databaseErrorProperty().get()).isEqualTo("A database name holds no \u2018/\u2019");
        vm.hostProperty().set("   ");
        assertThat(vm.hostErrorProperty().get()).startsWith("Enter the server");
        assertThat(vm.validProperty().get()).isFalse();
    }

    @Test
    void theUrlPreviewIsWhatDbTakesAndReadsBackTheSame() {
        ConnectDialogViewModel vm = blank();
        fill(vm, "db.example", "5432", "ipam", "alice");
        assertThat(vm.urlProperty().get()).isEqualTo("postgresql://alice@db.example/ipam");
        vm.portProperty().set("6432");
        vm.sslModeProperty().set("verify-full");
        assertThat(vm.urlProperty().get()).isEqualTo("postgresql://alice@db.example:6432/ipam?sslmode=verify-full");
        assertThat(ServerLocation.parse(vm.urlProperty().get())).isEqualTo(vm.result().orElseThrow().location());
        assertThat(vm.sslModeInfoProperty().get()).contains("name this host");
        vm.userProperty().set("");
        vm.hostProperty().set("2001:db8::5");
        assertThat(vm.urlProperty().get()).isEqualTo("postgresql://[2001:db8::5]:6432/ipam?sslmode=verify-full");
        vm.portProperty().set("x");
        assertThat(vm.urlProperty().get()).as("no URL while a field is wrong").isEmpty();
    }

    @Test
    void everyTlsModeIsOfferedWithWhatItMeans() {
        ConnectDialogViewModel vm = blank();
        assertThat(vm.sslModes()).containsExactlyElementsOf(ServerLocation.SSL_MODES);
        for (String mode : ServerLocation.SSL_MODES) {
            vm.sslModeProperty().set(mode);
            assertThat(vm.sslModeInfoProperty().get()).as(mode).isNotBlank();
        }
        vm.sslModeProperty().set("disable");
        assertThat(vm.sslModeInfoProperty().get()).contains("in clear");
    }

    @Test
    void withoutAKeyringTheRememberBoxIsOffAndSaysWhy() {
        ConnectDialogViewModel vm = blank();
        assertThat(vm.keyringAvailableProperty().get()).isFalse();
        assertThat(vm.keyringInfoProperty().get()).contains("no system keyring").contains("every time")
                .contains("~/.pgpass");
        fill(vm, "db.example", "5432", "ipam", "alice");
        vm.passwordProperty().set("s3cret");
        vm.rememberProperty().set(true);
        ConnectDialogViewModel.Connection connection = vm.result().orElseThrow();
        assertThat(connection.remember()).as("nowhere to remember it").isFalse();
        assertThat(new String(connection.password())).isEqualTo("s3cret");
    }

    @Test
    void aRememberedPasswordIsOfferedAgainForTheSameServer() {
        Map<String, String> kept = new HashMap<>();
        ServerLocation team = ServerLocation.parse("postgresql://alice@db.example/ipam");
        PasswordKeyring keyring = mapKeyring(kept);
        keyring.save(team, "s3cret".toCharArray());
        ConnectDialogViewModel vm = new ConnectDialogViewModel(new CurrentThreadTaskExecutor(), keyring,
                ConnectDialogViewModel.Tester.OPEN_AND_CLOSE, Optional.of(team), true);
        assertThat(vm.keyringAvailableProperty().get()).isTrue();
        assertThat(vm.keyringInfoProperty().get()).contains("system keyring").contains("never in a file");
        assertThat(vm.hostProperty().get()).isEqualTo("db.example");
        assertThat(vm.databaseProperty().get()).isEqualTo("ipam");
        assertThat(vm.userProperty().get()).isEqualTo("alice");
        assertThat(vm.rememberProperty().get()).isTrue();
        assertThat(vm.passwordProperty().get()).as("a kept password is not shown").isEmpty();
    }

    @Test
    void testConnectionRunsOnTheDatabaseThreadAndShowsTheRefusal() {
        QueuedTaskExecutor tasks = new QueuedTaskExecutor();
        ConnectDialogViewModel vm = new ConnectDialogViewModel(tasks, noKeyring(),
                ConnectDialogViewModel.Tester.OPEN_AND_CLOSE, Optional.empty(), false);
        // nothing listens on port 1: refused whatever the engine
        fill(vm, "127.0.0.1", "1", "ipam", "alice");
        vm.testConnection();
        assertThat(tasks.pending()).as("nothing opened on the calling thread").isEqualTo(1);
        assertThat(vm.testingProperty().get()).isTrue();
        assertThat(vm.testResultProperty().get()).isEqualTo("Connecting to ipam on 127.0.0.1:1 as alice \u2026");
        tasks.runAll();
        assertThat(vm.testingProperty().get()).isFalse();
        assertThat(vm.testFailedProperty().get()).isTrue();
        assertThat(vm.testResultProperty().get()).startsWith("Cannot connect: ").hasSizeGreaterThan(20);
        vm.databaseProperty().set("other");
        assertThat(vm.testResultProperty().get()).as("a changed field clears the old answer").isEmpty();
    }

    @Test
    void testConnectionGivesTheTypedPasswordAndSaysWhereItConnected() {
        List<String> tried = new ArrayList<>();
        ConnectDialogViewModel vm = new ConnectDialogViewModel(new CurrentThreadTaskExecutor(), noKeyring(),
                (location, credentials) -> tried.add(location + " " + new String(credentials.password(location)
                        .orElseThrow())), Optional.empty(), false);
        fill(vm, "db.example", "5432", "ipam", "bob");
        vm.passwordProperty().set("pw");
        vm.testConnection();
        assertThat(tried).containsExactly("postgresql://bob@db.example/ipam pw");
        assertThat(vm.testFailedProperty().get()).isFalse();
        assertThat(vm.testResultProperty().get()).isEqualTo("Connected: ipam on db.example:5432 as bob is an IPDesk database.");
    }

    @Test
    void noTestWhileAFieldIsWrong() {
        List<String> tried = new ArrayList<>();
        ConnectDialogViewModel vm = new ConnectDialogViewModel(new CurrentThreadTaskExecutor(), noKeyring(),
                (location, credentials) -> tried.add(location.toString()), Optional.empty(), false);
        fill(vm, "db.example", "99999", "ipam", "bob");
        vm.testConnection();
        assertThat(tried).isEmpty();
        assertThat(vm.testResultProperty().get()).isEmpty();
    }
}
