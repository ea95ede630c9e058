package org.ipdesk.ui.connect;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.settings.PasswordKeyring;
import org.ipdesk.store.Credentials;
import org.ipdesk.store.OpenMode;
import org.ipdesk.store.ServerLocation;
import org.ipdesk.ui.TaskExecutor;

/**
 * File → Connect to a team database…: host, port, database, user, password and TLS mode of a PostgreSQL server,
 * checked as they are typed, the {@code postgresql://} URL they make (the same {@code --db} takes), Test connection
 * (opens and closes the database on the database thread) and whether to remember the password in the system
 * keyring (offered only where there is one). OK gives a {@link Connection}; nothing here writes a file.
 */
public final class ConnectDialogViewModel {

    /** Opens and closes the database at a location, throwing what went wrong. */
    @FunctionalInterface
    public interface Tester {
        void test(ServerLocation location, Credentials credentials);

        /** The real test: the database opens as an IPDesk database, and is closed again. */
        Tester OPEN_AND_CLOSE = (location, credentials) -> {
            try (Allocator ignored = Allocator.open(location, OpenMode.EXISTING, credentials)) {
                // opened: it is there, the password is right and it is an IPDesk database
            }
        };
    }

    /** What OK gives: where to connect, the password typed (may be empty: ~/.pgpass or the keyring) and whether to keep it. */
    public record Connection(ServerLocation location, char[] password, boolean remember) {
    }

    /** The TLS modes (libpq's sslmode), weakest first, each with what it means. */
    public static final Map<String, String> SSL_MODES = sslModeTexts();

    private final TaskExecutor tasks;
    private final PasswordKeyring keyring;
    private final Tester tester;

    private final StringProperty host = new SimpleStringProperty(this, "host", "");
    private final StringProperty port = new SimpleStringProperty(this, "port", String.valueOf(ServerLocation.DEFAULT_PORT));
    private final StringProperty database = new SimpleStringProperty(this, "database", "");
    private final StringProperty user = new SimpleStringProperty(this, "user", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty sslMode = new SimpleStringProperty(this, "sslMode", ServerLocation.DEFAULT_SSL_MODE);
    private final BooleanProperty remember = new SimpleBooleanProperty(this, "remember", false);
    private final ObservableList<String> sslModes = FXCollections.unmodifiableObservableList(
            FXCollections.observableArrayList(ServerLocation.SSL_MODES));

    private final ReadOnlyStringWrapper hostError = new ReadOnlyStringWrapper(this, "hostError", "");
    private final ReadOnlyStringWrapper portError = new ReadOnlyStringWrapper(this, "portError", "");
    private final ReadOnlyStringWrapper databaseError = new ReadOnlyStringWrapper(this, "databaseError", "");
    private final ReadOnlyStringWrapper url = new ReadOnlyStringWrapper(this, "url", "");
    private final ReadOnlyStringWrapper sslModeInfo = new ReadOnlyStringWrapper(this, "sslModeInfo", "");
    private final ReadOnlyStringWrapper userPrompt = new ReadOnlyStringWrapper(this, "userPrompt", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", false);
    private final ReadOnlyBooleanWrapper keyringAvailable = new ReadOnlyBooleanWrapper(this, "keyringAvailable", false);
    private final ReadOnlyStringWrapper keyringInfo = new ReadOnlyStringWrapper(this, "keyringInfo", "");
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper(this, "testing", false);
    private final ReadOnlyStringWrapper testResult = new ReadOnlyStringWrapper(this, "testResult", "");
    private final ReadOnlyBooleanWrapper testFailed = new ReadOnlyBooleanWrapper(this, "testFailed", false);

    private ServerLocation location;
    /** The host, port and database fields that ever held text (typed, or filled in from the last connection). */
    private final Set<StringProperty> touched = new HashSet<>();
    /** Counts the tests started, so that an older test's answer does not replace a newer one's. */
    private int tests;

    /**
     * A dialog starting from {@code start} (the team database shown or used last; empty: blank), testing on
     * {@code tasks} with {@code tester}, offering to keep the password in {@code keyring} when it is there;
     * {@code remembered}: the keyring holds a password for {@code start} (looked up by the caller off the FX thread).
     */
    public ConnectDialogViewModel(TaskExecutor tasks, PasswordKeyring keyring, Tester tester,
            Optional<ServerLocation> start, boolean remembered) {
        this.tasks = tasks;
        this.keyring = keyring;
        this.tester = tester;
        start.ifPresent(server -> {
            host.set(server.host());
            port.set(String.valueOf(server.port()));
            database.set(server.database());
            user.set(server.user().orElse(""));
            sslMode.set(server.sslMode());
        });
        Optional<String> noKeyring = keyring.unavailableReason();
        keyringAvailable.set(noKeyring.isEmpty());
        keyringInfo.set(noKeyring.map(reason -> reason + ". ~/.pgpass works without one.")
                .orElse("Kept by the system keyring under \u2018" + PasswordKeyring.SERVICE + "\u2019, never in a file;"
                        + " a kept password is used while the field is left empty."));
        remember.set(noKeyring.isEmpty() && start.isPresent() && remembered);
        userPrompt.set("empty: " + System.getProperty("user.name", "your user name") + " (as psql)");
        for (StringProperty field : List.of(host, port, database)) {
            markTouched(field);
            field.addListener(o -> markTouched(field));
        }
        for (Observable field : new Observable[] {host, port, database, user, sslMode}) {
            field.addListener(o -> check());
        }
        password.addListener(o -> testResult.set(""));
        check();
    }

    // ================================================================= fields

    public StringProperty hostProperty() {
        return host;
    }

    /** The port as typed; {@value ServerLocation#DEFAULT_PORT} to start with. */
    public StringProperty portProperty() {
        return port;
    }

    public StringProperty databaseProperty() {
        return database;
    }

    /** The database user; empty means the OS user, as psql does. */
    public StringProperty userProperty() {
        return user;
    }

    /** The password typed; empty: the keyring's, or ~/.pgpass (read by the driver). Never saved to a file. */
    public StringProperty passwordProperty() {
        return password;
    }

    /** libpq's sslmode, one of {@link #sslModes()}. */
    public StringProperty sslModeProperty() {
        return sslMode;
    }

    public ObservableList<String> sslModes() {
        return sslModes;
    }

    /** Remember the password in the system keyring; can be on only where there is one. */
    public BooleanProperty rememberProperty() {
        return remember;
    }

    // ================================================================= what the dialog shows

    public ReadOnlyStringProperty hostErrorProperty() {
        return hostError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty portErrorProperty() {
        return portError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty databaseErrorProperty() {
        return databaseError.getReadOnlyProperty();
    }

    /** The location as {@code --db} takes it ("postgresql://alice@db.example/ipam"); empty while a field is wrong. */
    public ReadOnlyStringProperty urlProperty() {
        return url.getReadOnlyProperty();
    }

    /** What the chosen TLS mode means. */
    public ReadOnlyStringProperty sslModeInfoProperty() {
        return sslModeInfo.getReadOnlyProperty();
    }

    /** Who an empty user field logs in as. */
    public ReadOnlyStringProperty userPromptProperty() {
        return userPrompt.getReadOnlyProperty();
    }

    /** Every field is right: Test connection and Connect are enabled. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** There is a system keyring, so the password can be remembered. */
    public ReadOnlyBooleanProperty keyringAvailableProperty() {
        return keyringAvailable.getReadOnlyProperty();
    }

    /** Where a remembered password is kept, or why none can be. */
    public ReadOnlyStringProperty keyringInfoProperty() {
        return keyringInfo.getReadOnlyProperty();
    }

    /** A test is running. */
    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }

    /** What the last test found; empty before a test and after a field changes. */
    public ReadOnlyStringProperty testResultProperty() {
        return testResult.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty testFailedProperty() {
        return testFailed.getReadOnlyProperty();
    }

    // ================================================================= commands

    /**
     * Test connection: opens the database on the database thread with the password typed (else the keyring's, else
     * ~/.pgpass) and closes it again; the result or the refusal lands in {@link #testResultProperty()}.
     */
    public void testConnection() {
        if (location == null || testing.get()) {
            return;
        }
        ServerLocation target = location;
        Credentials credentials = credentials();
        int test = ++tests;
        testing.set(true);
        testFailed.set(false);
        testResult.set("Connecting to " + where(target) + " \u2026");
        tasks.submit(() -> {
            tester.test(target, credentials);
            return target;
        }, done -> {
            if (test == tests) {
                testing.set(false);
                testFailed.set(false);
                testResult.set("Connected: " + where(done) + " is an IPDesk database.");
            }
        }, problem -> {
            if (test == tests) {
                testing.set(false);
                testFailed.set(true);
                testResult.set("Cannot connect: " + message(problem));
            }
        });
    }

    /** What Connect gives, while every field is right. */
    public Optional<Connection> result() {
        if (location == null) {
            return Optional.empty();
        }
        return Optional.of(new Connection(location, password.get().toCharArray(),
                remember.get() && keyringAvailable.get()));
    }

    // ================================================================= checks

    private void check() {
        testResult.set("");
        testFailed.set(false);
        sslModeInfo.set(SSL_MODES.getOrDefault(sslMode.get(), ""));
        // an empty field is an error only once something was typed into it: the dialog does not open in red
        String hostText = text(host);
        hostError.set(hostText.isEmpty() ? onceTyped(host, "Enter the server\u2019s host name or address")
                : hostText.matches(".*[\\s/@?#].*") ? "\u2018" + hostText + "\u2019 is not a host name or address"
                : "");
        portError.set(text(port).isEmpty() ? onceTyped(port, portProblem("")) : portProblem(text(port)));
        String databaseText = text(database);
        databaseError.set(databaseText.isEmpty()
                ? onceTyped(database, "Enter the name of the database (its owner knows it)")
                : databaseText.contains("/") ? "A database name holds no \u2018/\u2019" : "");
        location = null;
        boolean filled = !hostText.isEmpty() && !text(port).isEmpty() && !databaseText.isEmpty();
        if (filled && hostError.get().isEmpty() && portError.get().isEmpty() && databaseError.get().isEmpty()) {
            try {
                location = new ServerLocation(hostText.startsWith("[") && hostText.endsWith("]")
                        ? hostText.substring(1, hostText.length() - 1) : hostText,
                        Integer.parseInt(text(port)), databaseText, Optional.of(text(user)), sslMode.get());
            } catch (IllegalArgumentException e) {
                hostError.set(e.getMessage());
            }
        }
        valid.set(location != null);
        url.set(location == null ? "" : location.toString());
    }

    private void markTouched(StringProperty field) {
        if (!field.get().isBlank()) {
            touched.add(field);
        }
    }

    /** {@code message} for an empty field once something was typed into it; nothing before. */
    private String onceTyped(StringProperty field, String message) {
        return touched.contains(field) ? message : "";
    }

    private static String portProblem(String text) {
        if (text.isEmpty()) {
            return "Enter the port (" + ServerLocation.DEFAULT_PORT + " unless the server says otherwise)";
        }
        if (!text.matches("[0-9]{1,9}")) {
            return "\u2018" + text + "\u2019 is not a port number (digits 0-9)";
        }
        int value = Integer.parseInt(text);
        return value < 1 || value > 65_535 ? "Port " + value + " is not a TCP port (1 to 65535)" : "";
    }

    private Credentials credentials() {
        char[] typed = password.get().toCharArray();
        if (typed.length > 0) {
            return server -> Optional.of(Arrays.copyOf(typed, typed.length));
        }
        return keyring.credentials();
    }

    private static String where(ServerLocation server) {
        return server.name() + " as " + PasswordKeyring.user(server);
    }

    private static String message(Throwable problem) {
        return problem.getMessage() == null || problem.getMessage().isBlank()
                ? problem.getClass().getSimpleName() : problem.getMessage();
    }

    private static String text(StringProperty property) {
        return property.get() == null ? "" : property.get().strip();
    }

    private static Map<String, String> sslModeTexts() {
        Map<String, String> modes = new LinkedHashMap<>();
        modes.put("disable", "No TLS: the password and the data cross the network in clear. Only on a network you trust.");
        modes.put("allow", "TLS only when the server insists on it; its certificate is not checked.");
        modes.put("prefer", "TLS when the server offers it, without checking its certificate (the default).");
        modes.put("require", "Always TLS, but the server\u2019s certificate is not checked.");
        modes.put("verify-ca", "Always TLS, from a server whose certificate a trusted authority signed"
                + " (~/.postgresql/root.crt).");
        modes.put("verify-full", "Always TLS; the certificate must be trusted and name this host. The safe choice on a"
                + " network you do not control.");
        return java.util.Collections.unmodifiableMap(modes);
    }
}
