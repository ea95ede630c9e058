package org.ipdesk.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.Random;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.Change;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.store.Database;
import org.ipdesk.store.OpenMode;
import org.ipdesk.store.ServerLocation;
import org.junit.jupiter.api.Test;

/**
 * Who did it, on a team database: the change log names the database login (PostgreSQL's session_user), with the OS
 * user kept beside it; a member cannot write another name into it, even with plain SQL.
 */
class ChangeAuthorTest {

    @Test
    void theChangeLogNamesTheDatabaseLoginAndKeepsTheOsUserBesideIt() {
        ServerLocation location = TestPostgres.freshIpdeskDatabase();
        ServerLocation bob = TestPostgres.member(location, "bob");
        String login = bob.user().orElseThrow();
        try (Allocator desk = new Allocator(Database.open(bob, OpenMode.EXISTING), Clock.systemUTC(), "asmith",
                new Random(1))) {
            desk.createNetwork("dc1", "");
            Subnet lan = desk.createSubnet("dc1", SubnetSpec.of(Cidr.parse("10.0.0.0/24")));
            desk.reserve(lan.id(), Ip.parse("10.0.0.5"), AddressDetails.allocated("web-01"));

            Change newest = desk.history("", "", 1).get(0);
            assertThat(newest.who()).isEqualTo(login);
            assertThat(newest.user()).isEqualTo("asmith");
            assertThat(newest.byline()).isEqualTo(login + " (OS user asmith)");
            assertThat(desk.changeUsers()).containsExactly(login);
        }
    }

    @Test
    void aMembersPlainInsertCannotPutAnotherNameInTheChangeLog() throws Exception {
        ServerLocation location = TestPostgres.freshIpdeskDatabase();
        ServerLocation bob = TestPostgres.member(location, "bob");
        try (Connection c = TestPostgres.connect(bob); Statement st = c.createStatement()) {
            st.execute("INSERT INTO change_log (at, os_user, action, object_type, object_key, db_user) "
                    + "VALUES ('2026-11-27T10:00:00Z', 'root', 'update', 'network', 'dc1', 'the_boss')");
            try (ResultSet rs = st.executeQuery("SELECT db_user, os_user FROM change_log ORDER BY id DESC LIMIT 1")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(bob.user().orElseThrow());
                assertThat(rs.getString(2)).isEqualTo("root");
            }
        }
    }
}
