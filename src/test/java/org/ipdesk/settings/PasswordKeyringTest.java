package org.ipdesk.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.javakeyring.BackendNotSupportedException;
import java.util.HashMap;
import java.util.Map;
import org.ipdesk.store.ServerLocation;
import org.junit.jupiter.api.Test;

class PasswordKeyringTest {
    private static final ServerLocation ALICE = ServerLocation.parse("postgresql://alice@db.example/ipam");

    /** A keyring that keeps passwords in a map, as the OS one does across runs. */
    static final class MapBackend implements PasswordKeyring.Backend {
        final Map<String, String> kept = new HashMap<>();

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
    }

    static PasswordKeyring none() {
        return new PasswordKeyring(() -> {
            throw new BackendNotSupportedException("No available keyring backend found");
        });
    }

    @Test
    void withoutAKeyringItSaysSoAndTheCallerAsksEveryTime() {
        PasswordKeyring keyring = none();
        assertThat(keyring.available()).isFalse();
        assertThat(keyring.unavailableReason()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("no system keyring").contains("asks for the password every time"));
        assertThat(keyring.read(ALICE)).isEmpty();
        assertThat(keyring.credentials().password(ALICE)).isEmpty();
        assertThatThrownBy(() -> keyring.save(ALICE, "s3cret".toCharArray()))
                .hasMessageStartingWith("the password was not remembered: There is no system keyring");
        keyring.forget(ALICE); // nothing to forget, and no failure
    }

    @Test
    void aMissingNativeLibraryIsNoKeyringEither() {
        PasswordKeyring keyring = new PasswordKeyring(() -> {
            throw new UnsatisfiedLinkError("libdbus");
        });
        assertThat(keyring.available()).isFalse();
        assertThat(keyring.read(ALICE)).isEmpty();
    }

    @Test
    void savesReadsAndForgetsUnderTheLocationWithItsUser() {
        MapBackend backend = new MapBackend();
        PasswordKeyring keyring = new PasswordKeyring(() -> backend);
        assertThat(keyring.read(ALICE)).isEmpty();

        keyring.save(ALICE, "s3cret".toCharArray());
        assertThat(backend.kept).containsOnlyKeys("postgresql://alice@db.example/ipam");
        assertThat(keyring.read(ALICE)).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo("s3cret"));
        assertThat(keyring.credentials().password(ALICE)).isPresent();
        assertThat(keyring.read(ALICE.withUser("bob"))).as("another user's password").isEmpty();

        keyring.forget(ALICE);
        assertThat(keyring.read(ALICE)).isEmpty();
        assertThat(backend.kept).isEmpty();
    }

    @Test
    void aLocationWithoutUserIsKeptUnderTheOsUser() {
        MapBackend backend = new MapBackend();
        PasswordKeyring keyring = new PasswordKeyring(() -> backend);
        ServerLocation noUser = ServerLocation.parse("postgresql://db.example:5433/ipam?sslmode=verify-full");
        keyring.save(noUser, "pw".toCharArray());
        String os = System.getProperty("user.name");
        assertThat(backend.kept).containsOnlyKeys("postgresql://" + os + "@db.example:5433/ipam?sslmode=verify-full");
        assertThat(keyring.read(noUser.withUser(os))).isPresent();
        assertThat(PasswordKeyring.user(noUser)).isEqualTo(os);
        assertThat(PasswordKeyring.user(ALICE)).isEqualTo("alice");
    }

    @Test
    void theKeyringIsLookedForOnceAndOnlyWhenAPasswordIsWanted() {
        int[] opened = {0};
        PasswordKeyring keyring = new PasswordKeyring(() -> {
            opened[0]++;
            return new MapBackend();
        });
        assertThat(opened[0]).isZero();
        keyring.read(ALICE);
        keyring.read(ALICE);
        keyring.available();
        assertThat(opened[0]).isEqualTo(1);
    }
}
