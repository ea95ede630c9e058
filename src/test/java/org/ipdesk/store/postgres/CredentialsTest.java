package org.ipdesk.store.postgres;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;
import org.ipdesk.store.Credentials;
import org.ipdesk.store.Database;
import org.ipdesk.store.OpenMode;
import org.ipdesk.store.ServerLocation;
import org.ipdesk.store.StoreException;
import org.junit.jupiter.api.Test;

/** The password of a team database comes from the Credentials given to open; a refused one is said in words. */
class CredentialsTest {
    private static ServerLocation asPasswordUser() {
        Optional<String> user = TestPostgres.passwordUser();
        assumeTrue(user.isPresent(), "the password rule is set up on the started server only");
        assumeTrue(System.getenv("PGPASSWORD") == null, "PGPASSWORD would stand in for a missing password");
        return TestPostgres.freshDatabase().withUser(user.get());
    }

    @Test
    void theRightPasswordLogsIn() {
        ServerLocation location = asPasswordUser();
        Credentials right = l -> Optional.of(TestPostgres.PASSWORD.toCharArray());

        // logged in: the refusal is about the (empty) database, no longer about the login
        assertThatThrownBy(() -> Database.open(location, OpenMode.EXISTING, right))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is an empty database, not an IPDesk database yet");
    }

    @Test
    void aWrongOrMissingPasswordIsRefusedNamingTheUser() {
        ServerLocation location = asPasswordUser();
        Credentials wrong = l -> Optional.of("not it".toCharArray());
        String refused = "cannot log in to " + location + " as " + TestPostgres.PASSWORD_USER
                + ": the server refused the password (or none was given); put it in ~/.pgpass or give it when asked";

        assertThatThrownBy(() -> Database.open(location, OpenMode.EXISTING, wrong))
                .isInstanceOf(StoreException.class).hasMessage(refused);
        assertThatThrownBy(() -> Database.open(location, OpenMode.EXISTING, Credentials.NONE))
                .isInstanceOf(StoreException.class)
                .hasMessage("cannot log in to " + location + " as " + TestPostgres.PASSWORD_USER + ": the server asks"
                        + " for a password and none was given; put it in ~/.pgpass or give it when asked");
    }
}
