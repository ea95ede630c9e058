package org.ipdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServerLocationTest {

    @Test
    void readsEveryPartOfAServerLocation() {
        ServerLocation location = ServerLocation.parse("postgresql://alice@db.example:5433/ipam?sslmode=verify-full");

        assertThat(location.host()).isEqualTo("db.example");
        assertThat(location.port()).isEqualTo(5433);
        assertThat(location.database()).isEqualTo("ipam");
        assertThat(location.user()).contains("alice");
        assertThat(location.sslMode()).isEqualTo("verify-full");
        assertThat(location.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5433/ipam?sslmode=verify-full");
        assertThat(location.name()).isEqualTo("ipam on db.example:5433");
    }

    @Test
    void fillsInPsqlsDefaults() {
        ServerLocation location = ServerLocation.parse("postgres://db.example/ipam");

        assertThat(location.port()).isEqualTo(5432);
        assertThat(location.user()).isEmpty();
        assertThat(location.sslMode()).isEqualTo("prefer");
        assertThat(location).hasToString("postgresql://db.example/ipam");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql://alice@db.example:5433/ipam?sslmode=verify-full",
            "postgresql://db.example/ipam", "postgresql://[::1]:5432/team", "postgresql://bob%40corp@h/d%20b"})
    void writesWhatItReads(String text) {
        ServerLocation location = ServerLocation.parse(text);

        assertThat(ServerLocation.parse(location.toString())).isEqualTo(location);
    }

    @Test
    void readsAnIpv6Host() {
        ServerLocation location = ServerLocation.parse("postgresql://[::1]:6543/team");

        assertThat(location.host()).isEqualTo("::1");
        assertThat(location.jdbcUrl()).startsWith("jdbc:postgresql://[::1]:6543/team");
    }

    @Test
    void refusesAPasswordInTheLocation() {
        assertThatThrownBy(() -> ServerLocation.parse("postgresql://alice:secret@db.example/ipam"))
                .hasMessageContaining("leave the password out").hasMessageNotContaining("secret");
    }

    @Test
    void namesWhatIsWrong() {
        assertThatThrownBy(() -> ServerLocation.parse("postgresql://db.example/"))
                .hasMessageContaining("needs a database name");
        assertThatThrownBy(() -> ServerLocation.parse("postgresql://db.example/ipam?sslmode=sometimes"))
                .hasMessageContaining("sslmode 'sometimes' is not one of");
        assertThatThrownBy(() -> ServerLocation.parse("postgresql://db.example/ipam?timeout=3"))
                .hasMessageContaining("unknown parameter 'timeout'");
        assertThatThrownBy(() -> ServerLocation.parse("postgresql://db.example:99999/ipam"))
                .hasMessageContaining("not a TCP port");
        assertThatThrownBy(() -> ServerLocation.parse("postgresql://127.0.0.1:99999999999/ipam"))
                .hasMessage("port 99999999999 is not a TCP port (1 to 65535)");
        assertThatThrownBy(() -> ServerLocation.parse("postgresql:///ipam"))
                .hasMessageContaining("names no server host");
    }

    @Test
    void aPathIsAFileAndAUrlIsAServer() {
        assertThat(Location.parse("ipam.db")).isEqualTo(Location.of(Path.of("ipam.db")));
        assertThat(Location.parse("PostgreSQL://h/d")).isInstanceOf(ServerLocation.class);
        assertThat(Location.parse("postgresql://h/d"))
                .isEqualTo(new ServerLocation("h", 5432, "d", Optional.empty(), "prefer"));
    }
}
