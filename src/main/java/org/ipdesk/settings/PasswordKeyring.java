package org.ipdesk.settings;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Optional;
import org.ipdesk.store.Credentials;
import org.ipdesk.store.ServerLocation;

/**
 * The passwords of team databases in the OS keyring (Secret Service on Linux, the macOS Keychain, the Windows
 * Credential Manager), under the service {@value #SERVICE} and the key {@link #key}. Where there is no keyring
 * (a headless Linux without a Secret Service, a CI machine) it says so ({@link #unavailableReason()}) and keeps
 * nothing: the window then asks for the password every time. A password is never written to settings.json or any
 * other file by IPDesk; {@code ~/.pgpass} is read by the PostgreSQL driver itself and needs nothing from here.
 *
 * <p>The keyring is looked for on first use (a fraction of a second), never when a file database is opened.
 */
public final class PasswordKeyring {
    /** The service name the passwords are kept under in the keyring. */
    public static final String SERVICE = "IPDesk";

    /** What the keyring of the OS offers; a test double stands in for it in tests. */
    public interface Backend {
        /** The password kept under {@code key}; null when there is none. */
        String get(String key) throws Exception;

        void set(String key, String password) throws Exception;

        void delete(String key) throws Exception;
    }

    /** Finds the OS keyring (or another backend), or throws why there is none. */
    @FunctionalInterface
    public interface Opener {
        Backend open() throws Exception;
    }

    private final Opener opener;
    private boolean looked;
    private Backend backend;
    private String unavailable;

    public PasswordKeyring(Opener opener) {
        this.opener = opener;
    }

    /** The keyring of the user's OS session. */
    public static PasswordKeyring forUser() {
        return new PasswordKeyring(PasswordKeyring::system);
    }

    /** Why passwords cannot be remembered here, or empty when the keyring is there. */
    public synchronized Optional<String> unavailableReason() {
        if (!looked) {
            looked = true;
            try {
                backend = opener.open();
            } catch (Exception | LinkageError e) {
                unavailable = "There is no system keyring on this computer (on Linux it is a Secret Service such as "
                        + "GNOME Keyring or KDE Wallet), so IPDesk asks for the password every time";
                System.getLogger(PasswordKeyring.class.getName()).log(System.Logger.Level.DEBUG,
                        "no keyring: " + e.getMessage());
            }
        }
        return Optional.ofNullable(unavailable);
    }

    /** Whether passwords can be remembered. */
    public boolean available() {
        return unavailableReason().isEmpty();
    }

    /** The remembered password of {@code location}; empty when none is kept, or there is no keyring. */
    public synchronized Optional<char[]> read(ServerLocation location) {
        if (!available()) {
            return Optional.empty();
        }
        try {
            String password = backend.get(key(location));
            return password == null || password.isEmpty() ? Optional.empty() : Optional.of(password.toCharArray());
        } catch (Exception e) {
            // not kept (the libraries say so with an exception), or the keyring is locked: ask instead
            return Optional.empty();
        }
    }

    /** Remembers the password of {@code location}; refused, saying why, when there is no keyring or it says no. */
    public synchronized void save(ServerLocation location, char[] password) {
        unavailableReason().ifPresent(reason -> {
            throw new IllegalStateException("the password was not remembered: " + reason);
        });
        try {
            backend.set(key(location), new String(password));
        } catch (Exception e) {
            throw new IllegalStateException("the system keyring did not keep the password of " + key(location) + ": "
                    + e.getMessage(), e);
        }
    }

    /** Forgets the password of {@code location}, if one is kept. */
    public synchronized void forget(ServerLocation location) {
        if (!available()) {
            return;
        }
        try {
            backend.delete(key(location));
        } catch (Exception e) {
            // nothing was kept
        }
    }

    /** The remembered passwords as a source of credentials; without one the driver reads ~/.pgpass. */
    public Credentials credentials() {
        return this::read;
    }

    /** The key of a location's password: the location as written, always with its user. */
    public static String key(ServerLocation location) {
        return location.withUser(user(location)).toString();
    }

    /** The database user of {@code location}: the one it names, else the OS user's name (as psql does). */
    public static String user(ServerLocation location) {
        return location.user().orElseGet(() -> System.getProperty("user.name", ""));
    }

    private static Backend system() throws BackendNotSupportedException {
        Keyring keyring = Keyring.create();
        return new Backend() {
            @Override
            public String get(String key) throws PasswordAccessException {
                return keyring.getPassword(SERVICE, key);
            }

            @Override
            public void set(String key, String password) throws PasswordAccessException {
                keyring.setPassword(SERVICE, key, password);
            }

            @Override
            public void delete(String key) throws PasswordAccessException {
                keyring.deletePassword(SERVICE, key);
            }
        };
    }
}
