package org.ipdesk.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.Change;
import org.ipdesk.model.Network;
import org.ipdesk.store.ContentSnapshot;
import org.ipdesk.store.Database;
import org.ipdesk.store.OpenMode;
import org.ipdesk.store.ServerLocation;
import org.ipdesk.store.StoreException;
import org.junit.jupiter.api.Test;

/**
 * A team database made by the IPDesk before edits could cross (schema 1): a member cannot bring it up to date and is
 * told who can and how, with nothing changed; its owner's next start does, keeping every row and who wrote it.
 */
class SchemaUpgradeTest {

    private static ServerLocation versionOne() throws SQLException {
        ServerLocation location = TestPostgres.freshDatabase();
        Properties login = new Properties();
        location.user().ifPresent(user -> login.setProperty("user", user));
        Flyway.configure().dataSource(location.jdbcUrl(), login.getProperty("user"), null)
                .locations("classpath:db/postgres").target("1").load().migrate();
        try (Connection c = TestPostgres.connect(location); Statement st = c.createStatement()) {
            st.execute("INSERT INTO network (name, description) VALUES ('dc1', 'old')");
            st.execute("INSERT INTO change_log (at, os_user, action, object_type, object_key, after_json) "
                    + "VALUES ('2026-01-05T08:00:00Z', 'carol', 'create', 'network', 'dc1', '{\"name\":\"dc1\"}')");
        }
        return location;
    }

    @Test
    void aMemberIsToldOnlyTheOwnerCanUpdateTheSchemaAndNothingChanges() throws SQLException {
        ServerLocation location = versionOne();
        String login = "member_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100_000;
        try (Connection c = TestPostgres.connect(location); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + login + " LOGIN");
            st.execute("GRANT CONNECT ON DATABASE " + location.database() + " TO " + login);
            st.execute("GRANT USAGE ON SCHEMA public TO " + login);
            st.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + login);
        }
        String before = ContentSnapshot.of(location);

        assertThatThrownBy(() -> Database.open(location.withUser(login), OpenMode.EXISTING))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("has an older IPDesk schema than this IPDesk (version " + PostgresDatabase.SCHEMA_VERSION + ")")
                .hasMessageContaining("not " + login)
                .hasMessageContaining("team init")
                .hasMessageEndingWith("It was left unchanged");
        assertThat(ContentSnapshot.of(location)).isEqualTo(before);
    }

    @Test
    void theOwnersStartBringsItUpToDateKeepingEveryRowAndItsAuthor() throws SQLException {
        ServerLocation location = versionOne();

        try (Allocator owner = Allocator.open(location, OpenMode.EXISTING)) {
            Network dc1 = owner.network("dc1");
            assertThat(dc1.description()).isEqualTo("old");
            Change old = owner.history("network", "dc1", 1).get(0);
            assertThat(old.who()).isEqualTo("carol"); // written before logins were recorded: the OS user names it
            Network renamed = owner.updateNetwork(dc1, "dc1", "new");
            assertThat(renamed.rowVersion()).isEqualTo(dc1.rowVersion() + 1);
            assertThat(owner.history("network", "dc1", 1).get(0).who()).isEqualTo(location.user().orElseThrow());
        }
        try (Connection c = TestPostgres.connect(location); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT max(version::int) FROM flyway_schema_history")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(PostgresDatabase.SCHEMA_VERSION);
        }
    }
}
