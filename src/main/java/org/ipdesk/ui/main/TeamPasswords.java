package org.ipdesk.ui.main;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.ipdesk.settings.PasswordKeyring;
import org.ipdesk.store.Credentials;
import org.ipdesk.store.ServerLocation;

/**
 * Where the window finds a team database's password: the one typed in File → Connect to a team database… during
 * this run (kept in memory only), else the one remembered in the system keyring, else none, and then the PostgreSQL
 * driver reads {@code ~/.pgpass}. Nothing here is written to a file.
 */
public final class TeamPasswords implements Credentials {

    private final PasswordKeyring keyring;
    private final Map<String, char[]> typed = new ConcurrentHashMap<>();

    public TeamPasswords(PasswordKeyring keyring) {
        this.keyring = keyring;
    }

    /** The system keyring (or the reason there is none). */
    public PasswordKeyring keyring() {
        return keyring;
    }

    /** Keeps {@code password} for {@code location} for this run; an empty one forgets it. */
    public void typed(ServerLocation location, char[] password) {
        if (password.length == 0) {
            typed.remove(PasswordKeyring.key(location));
        } else {
            typed.put(PasswordKeyring.key(location), Arrays.copyOf(password, password.length));
        }
    }

    @Override
    public Optional<char[]> password(ServerLocation location) {
        char[] password = typed.get(PasswordKeyring.key(location));
        if (password != null) {
            return Optional.of(Arrays.copyOf(password, password.length));
        }
        return keyring.read(location);
    }
}
