package org.ipdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.ipdesk.store.ServerLocation;
import org.ipdesk.store.postgres.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ipdesk --db postgresql://... team init|grant|revoke|members}, and what a database file answers. */
class TeamCommandTest {
    private static final AtomicInteger USERS = new AtomicInteger();

    @TempDir
    Path dir;

    private static String newUser(String base) throws SQLException {
        String name = base + "_cli_" + ProcessHandle.current().pid() + "_" + USERS.incrementAndGet();
        try (Connection c = TestPostgres.connect(TestPostgres.server());
             PreparedStatement ps = c.prepareStatement("SELECT format('CREATE ROLE %I LOGIN', ?::text)");
             Statement st = c.createStatement()) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                st.execute(rs.getString(1));
            }
        }
        return name;
    }

    @Test
    void initOnAnEmptyDatabaseThenGrantMembersAndRevoke() throws Exception {
        ServerLocation location = TestPostgres.freshDatabase();
        String db = location.toString();
        String bob = newUser("bob");

        Cli.Result init = Cli.raw("--db", db, "team", "init");
        assertThat(init.code()).as(init.toString()).isZero();
        assertThat(init.out()).contains("Team database " + location.name() + " is ready",
                "ipdesk_" + location.database() + "_editor", "also changes addresses and ranges");
        assertThat(Cli.raw("--db", db, "team", "init").code()).isZero();

        Cli.Result grant = Cli.raw("--db", db, "team", "grant", bob, "Editor");
        assertThat(grant.code()).as(grant.toString()).isZero();
        assertThat(grant.out()).isEqualTo(bob + " is now an editor of " + location.name()
                + " (also changes addresses and ranges).\n");

        Cli.Result members = Cli.raw("--db", db, "team", "members");
        assertThat(members.lines()).hasSize(3);
        assertThat(members.lines().get(0)).startsWith("USER").contains("ROLE");
        assertThat(members.lines().get(1)).startsWith("postgres").contains("owner");
        assertThat(members.lines().get(2)).startsWith(bob).contains("editor");

        // bob, an editor, may not manage members
        String asBob = location.withUser(bob).toString();
        Cli.Result refused = Cli.raw("--db", asBob, "team", "grant", bob, "admin");
        assertThat(refused.code()).isEqualTo(IpDeskCli.REFUSED);
        assertThat(refused.err()).isEqualTo("ipdesk: " + bob + " is an editor of this team database: only its admins"
                + " and its owner manage the members\n");

        Cli.Result revoke = Cli.raw("--db", db, "team", "revoke", bob);
        assertThat(revoke.out()).isEqualTo(bob + " is no longer an editor of " + location.name()
                + "; it has no role there now.\n");
        assertThat(Cli.raw("--db", db, "team", "members").lines()).hasSize(2);
    }

    @Test
    void badRolesAndUnknownUsersAreSaidInWords() {
        ServerLocation location = TestPostgres.freshIpdeskDatabase();
        String db = location.toString();
        assertThat(Cli.raw("--db", db, "team", "init").code()).isZero();

        Cli.Result badRole = Cli.raw("--db", db, "team", "grant", "bob", "superuser");
        assertThat(badRole.code()).isEqualTo(IpDeskCli.REFUSED);
        assertThat(badRole.err()).isEqualTo("ipdesk: 'superuser' is not a team role; choose viewer, editor or admin\n");

        Cli.Result unknown = Cli.raw("--db", db, "team", "grant", "no body", "viewer");
        assertThat(unknown.err()).isEqualTo("ipdesk: there is no PostgreSQL user no body on the server; create it first"
                + " (as a user allowed to create roles): CREATE ROLE \"no body\" LOGIN PASSWORD '...';\n");
    }

    @Test
    void aDatabaseFileHasNoMembersAndIsLeftAlone() {
        Path file = dir.resolve("ipam.db");
        for (String[] command : new String[][] {{"team", "init"}, {"team", "members"}, {"team", "grant", "bob", "viewer"},
                {"team", "revoke", "bob"}}) {
            Cli.Result result = new Cli(file).run(command);
            assertThat(result.code()).isEqualTo(IpDeskCli.REFUSED);
            assertThat(result.err()).endsWith(": a database file has no members; roles are for team databases"
                    + " (--db postgresql://...)\n");
        }
        assertThat(Files.exists(file)).isFalse();
    }
}
