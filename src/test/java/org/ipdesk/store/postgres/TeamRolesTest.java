package org.ipdesk.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.Strategy;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.store.OpenMode;
import org.ipdesk.store.ServerLocation;
import org.ipdesk.store.StoreException;
import org.ipdesk.store.Team;
import org.ipdesk.store.Team.Member;
import org.ipdesk.store.Team.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Roles of a team database are enforced by PostgreSQL itself: checked with plain JDBC as the member (what psql with
 * the same login would do) and through IPDesk as the member, whose refusals are said in words.
 */
class TeamRolesTest {
    private static final AtomicInteger USERS = new AtomicInteger();

    private ServerLocation location;
    private Allocator owner;
    private Subnet lan;

    @BeforeEach
    void setUp() {
        location = TestPostgres.freshIpdeskDatabase();
        owner = Allocator.open(location, OpenMode.EXISTING);
        team(owner).init();
        owner.createNetwork("dc1", "");
        lan = owner.createSubnet("dc1", SubnetSpec.of(Cidr.parse("10.0.0.0/24")));
    }

    @AfterEach
    void tearDown() {
        owner.close();
    }

    private static Team team(Allocator allocator) {
        return allocator.team().orElseThrow();
    }

    /** A new login on the test server (names are server-wide, so each test's are its own). */
    private static String newUser(String base) throws SQLException {
        String name = base + "_" + ProcessHandle.current().pid() + "_" + USERS.incrementAndGet();
        createUser(name);
        return name;
    }

    private static void createUser(String name) throws SQLException {
        try (Connection c = TestPostgres.connect(TestPostgres.server());
             PreparedStatement ps = c.prepareStatement("SELECT format('CREATE ROLE %I LOGIN', ?::text)");
             Statement st = c.createStatement()) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                st.execute(rs.getString(1));
            }
        }
    }

    private String member(String base, Role role) throws SQLException {
        String user = newUser(base);
        team(owner).grant(user, role);
        return user;
    }

    private static String state(ThrowingSql sql) {
        try {
            sql.run();
            return "done";
        } catch (SQLException e) {
            return e.getSQLState();
        }
    }

    @FunctionalInterface
    interface ThrowingSql {
        void run() throws SQLException;
    }

    @Test
    void aViewersPlainJdbcInsertAndUpdateFailInTheDatabaseButItReads() throws Exception {
        String viewer = member("viewer", Role.VIEWER);
        try (Connection c = TestPostgres.connect(location.withUser(viewer)); Statement st = c.createStatement()) {
            assertThat(state(() -> st.executeUpdate("INSERT INTO network (name) VALUES ('mine')"))).isEqualTo("42501");
            assertThat(state(() -> st.executeUpdate("UPDATE network SET name = 'renamed'"))).isEqualTo("42501");
            assertThat(state(() -> st.executeUpdate("INSERT INTO address (subnet_id, ip, status, created_at,"
                    + " updated_at) VALUES (" + lan.id() + ", '\\x0a000005', 'allocated', 'x', 'x')"))).isEqualTo("42501");
            assertThat(state(() -> st.executeUpdate("DELETE FROM free_extent"))).isEqualTo("42501");
            assertThat(state(() -> st.executeUpdate("INSERT INTO observation (ip, last_seen, kind, file)"
                    + " VALUES ('\\x0a000005', 1, 'nmap', 'scan.xml')"))).isEqualTo("42501");
            assertThat(state(() -> st.executeUpdate("DELETE FROM ignored_finding"))).isEqualTo("42501");
            assertThat(state(() -> st.executeUpdate("INSERT INTO dns_zone (name, serial, written_at)"
                    + " VALUES ('example.com', 1, 1)"))).isEqualTo("42501");
            assertThat(state(() -> st.executeQuery("SELECT count(*) FROM dns_zone").close())).isEqualTo("done");
            assertThat(state(() -> st.executeQuery("SELECT count(*) FROM mac_sighting").close())).isEqualTo("done");
            assertThat(state(() -> st.executeUpdate("INSERT INTO change_log (at, os_user, action, object_type,"
                    + " object_key) VALUES ('x', 'x', 'create', 'x', 'x')"))).isEqualTo("42501");
            try (ResultSet rs = st.executeQuery("SELECT name FROM network")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("dc1");
            }
        }
        // the free space and the change log are there to read for every role
        try (Allocator asViewer = Allocator.open(location.withUser(viewer), OpenMode.EXISTING)) {
            assertThat(asViewer.subnets()).hasSize(1);
            assertThat(team(asViewer).role()).contains(Role.VIEWER);
            assertThat(team(asViewer).as()).isEqualTo(viewer + " (viewer)");
            assertThatThrownBy(() -> asViewer.allocateNext(lan.id(), 1, Strategy.FIRST, AddressDetails.allocated("h")))
                    .isInstanceOf(StoreException.class)
                    .hasMessage(viewer + " is a viewer of this team database: viewers may not change addresses");
            assertThatThrownBy(() -> asViewer.createNetwork("lab", ""))
                    .hasMessage(viewer + " is a viewer of this team database: viewers may not change networks");
        }
        assertThat(owner.networks()).hasSize(1);
    }

    @Test
    void anEditorAllocatesAndAddsRangesButCannotCreateASubnetAndAnAdminCan() throws Exception {
        String editor = member("editor", Role.EDITOR);
        String admin = member("admin", Role.ADMIN);
        try (Allocator asEditor = Allocator.open(location.withUser(editor), OpenMode.EXISTING)) {
            assertThat(asEditor.allocateNext(lan.id(), 2, Strategy.FIRST, AddressDetails.allocated("web")))
                    .extracting(a -> a.ip().toString()).containsExactly("10.0.0.1", "10.0.0.2");
            asEditor.addRange(lan.id(), Ip.parse("10.0.0.100"), Ip.parse("10.0.0.199"), RangeKind.DHCP, "pool");
            assertThatThrownBy(() -> asEditor.createSubnet("dc1", SubnetSpec.of(Cidr.parse("10.1.0.0/24"))))
                    .isInstanceOf(StoreException.class)
                    .hasMessage(editor + " is an editor of this team database: editors may change addresses and"
                            + " ranges, not subnets");
            assertThatThrownBy(() -> team(asEditor).grant(editor, Role.ADMIN))
                    .hasMessage(editor + " is an editor of this team database: only its admins and its owner manage"
                            + " the members");
        }
        try (Connection c = TestPostgres.connect(location.withUser(editor)); Statement st = c.createStatement()) {
            assertThat(state(() -> st.executeUpdate("INSERT INTO subnet (network_id, version, first_ip, last_ip,"
                    + " prefix) VALUES (1, 4, '\\x0a020000', '\\x0a0200ff', 24)"))).isEqualTo("42501");
            assertThat(state(() -> st.executeUpdate("INSERT INTO observation (ip, last_seen, kind, file)"
                    + " VALUES ('\\x0a000005', 1, 'nmap', 'scan.xml')"))).isEqualTo("done");
            assertThat(state(() -> st.executeUpdate("INSERT INTO mac_sighting (ip, mac, first_seen, last_seen)"
                    + " VALUES ('\\x0a000005', '00:11:22:33:44:55', 1, 1)"))).isEqualTo("done");
            assertThat(state(() -> st.executeUpdate("INSERT INTO ignored_finding (ip, kind, seen)"
                    + " VALUES ('\\x0a000005', 'stale', 'x')"))).isEqualTo("done");
            assertThat(state(() -> st.executeUpdate("INSERT INTO dns_zone (name, serial, written_at)"
                    + " VALUES ('example.com', 2026112800, 1)"))).isEqualTo("done");
        }
        try (Allocator asAdmin = Allocator.open(location.withUser(admin), OpenMode.EXISTING)) {
            Subnet made = asAdmin.createSubnet("dc1", SubnetSpec.of(Cidr.parse("10.1.0.0/24")));
            asAdmin.createNetwork("lab", "");
            assertThat(asAdmin.allocateNext(made.id(), 1, Strategy.FIRST, AddressDetails.allocated("db")))
                    .extracting(a -> a.ip().toString()).containsExactly("10.1.0.1");
            team(asAdmin).grant(editor, Role.VIEWER);
        }
        assertThat(owner.subnets()).extracting(s -> s.cidr().toString()).contains("10.1.0.0/24");
        assertThat(team(owner).members()).contains(new Member(editor, Role.VIEWER));
    }

    @Test
    void revokeTakesEffectOnTheNextCommandOfAnOpenConnection() throws Exception {
        String editor = member("editor", Role.EDITOR);
        try (Allocator asEditor = Allocator.open(location.withUser(editor), OpenMode.EXISTING)) {
            asEditor.allocateNext(lan.id(), 1, Strategy.FIRST, AddressDetails.allocated("a"));

            assertThat(team(owner).revoke(editor)).isEqualTo(Role.EDITOR);

            assertThatThrownBy(() -> asEditor.allocateNext(lan.id(), 1, Strategy.FIRST, AddressDetails.allocated("b")))
                    .isInstanceOf(StoreException.class)
                    .hasMessage(editor + " has no role in this team database: ask its owner or an admin for one"
                            + " (ipdesk team grant " + editor + " viewer|editor|admin)");
            assertThat(team(asEditor).role()).isEmpty();
        }
        assertThat(owner.addressCount()).isEqualTo(1);
        assertThatThrownBy(() -> team(owner).revoke(editor))
                .hasMessage(editor + " has no role in " + location.name() + "; nothing was changed");
    }

    @Test
    void aLoginWithoutARoleCannotOpenTheTeamDatabaseAndIsToldWhom() throws Exception {
        String stranger = newUser("stranger");

        assertThatThrownBy(() -> Allocator.open(location.withUser(stranger), OpenMode.EXISTING))
                .isInstanceOf(StoreException.class)
                .hasMessage(stranger + " has no role in the team database " + location.name() + ": ask its owner or an"
                        + " admin for one (ipdesk team grant " + stranger + " viewer|editor|admin)");
        try (Connection c = TestPostgres.connect(location.withUser(stranger)); Statement st = c.createStatement()) {
            assertThat(state(() -> st.executeQuery("SELECT * FROM address"))).isEqualTo("42501");
        }
    }

    @Test
    void anOwnerWhoIsNoSuperuserInitsAndManagesMembersAndOthersCannotInit() throws Exception {
        String dbOwner = newUser("owner");
        String plain = newUser("plain");
        ServerLocation empty = TestPostgres.freshDatabase();
        try (Connection c = TestPostgres.connect(TestPostgres.server());
             PreparedStatement ps = c.prepareStatement("SELECT format('ALTER DATABASE %I OWNER TO %I', ?::text, ?::text)");
             Statement st = c.createStatement()) {
            ps.setString(1, empty.database());
            ps.setString(2, dbOwner);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                st.execute(rs.getString(1));
            }
            try (Allocator asOwner = Allocator.open(empty.withUser(dbOwner), OpenMode.CREATE)) {
                assertThatThrownBy(() -> team(asOwner).init())
                        .hasMessage(dbOwner + " may not create roles on the server 127.0.0.1: team init needs it (a"
                                + " superuser runs ALTER ROLE " + dbOwner + " CREATEROLE)");
                st.execute("ALTER ROLE " + dbOwner + " CREATEROLE"); // a generated name of letters, digits and _
                team(asOwner).init();
                asOwner.createNetwork("dc1", "");
                asOwner.createSubnet("dc1", SubnetSpec.of(Cidr.parse("10.0.0.0/24")));
                team(asOwner).grant(plain, Role.EDITOR);
                assertThat(team(asOwner).members()).containsExactly(new Member(dbOwner, Role.OWNER),
                        new Member(plain, Role.EDITOR));
            }
        }
        try (Allocator asPlain = Allocator.open(empty.withUser(plain), OpenMode.EXISTING)) {
            long subnet = asPlain.subnets().get(0).id();
            assertThat(asPlain.allocateNext(subnet, 1, Strategy.FIRST, AddressDetails.allocated("h")))
                    .extracting(a -> a.ip().toString()).containsExactly("10.0.0.1");
            assertThatThrownBy(() -> team(asPlain).init())
                    .hasMessage(plain + " does not own " + empty.name() + ": team init is run by the database's owner ("
                            + dbOwner + ")");
        }
    }

    @Test
    void membersListsWhatGrantDidOneRolePerUser() throws Exception {
        String bob = newUser("bob");
        String carol = newUser("carol");
        team(owner).grant(bob, Role.EDITOR);
        team(owner).grant(carol, Role.VIEWER);
        team(owner).grant(bob, Role.ADMIN);

        assertThat(team(owner).members()).containsExactly(new Member("postgres", Role.OWNER),
                new Member(bob, Role.ADMIN), new Member(carol, Role.VIEWER));
        assertThat(team(owner).role()).contains(Role.OWNER);
    }

    @Test
    void initAgainChangesNothingAndRolesAreNamedAfterTheDatabase() throws Exception {
        String bob = member("bob", Role.EDITOR);
        List<String> roles = team(owner).init();

        assertThat(roles).containsExactly("ipdesk_" + location.database() + "_viewer",
                "ipdesk_" + location.database() + "_editor", "ipdesk_" + location.database() + "_admin");
        assertThat(team(owner).members()).contains(new Member(bob, Role.EDITOR));
        ServerLocation other = TestPostgres.freshIpdeskDatabase();
        try (Allocator second = Allocator.open(other, OpenMode.EXISTING)) {
            team(second).init();
            // a member of one team database is no member of another on the same server
            assertThat(team(second).members()).containsExactly(new Member("postgres", Role.OWNER));
        }
        assertThat(PostgresTeam.roleName("x".repeat(70), Role.VIEWER).getBytes()).hasSizeLessThanOrEqualTo(63);
        assertThat(PostgresTeam.roleName("x".repeat(70), Role.VIEWER))
                .isNotEqualTo(PostgresTeam.roleName("x".repeat(71), Role.VIEWER));
    }

    @Test
    void hostileUserNamesAreQuotedOrRefused() throws Exception {
        String quoted = "o'brien \"the admin\"; DROP TABLE address; --" + USERS.incrementAndGet();
        createUser(quoted);
        team(owner).grant(quoted, Role.EDITOR);
        assertThat(team(owner).members()).contains(new Member(quoted, Role.EDITOR));
        try (Allocator asQuoted = Allocator.open(location.withUser(quoted), OpenMode.EXISTING)) {
            assertThat(team(asQuoted).as()).isEqualTo(quoted + " (editor)");
            asQuoted.allocateNext(lan.id(), 1, Strategy.FIRST, AddressDetails.allocated("q"));
        }
        assertThat(team(owner).revoke(quoted)).isEqualTo(Role.EDITOR);

        String seventy = "u".repeat(70);
        assertThatThrownBy(() -> team(owner).grant(seventy, Role.VIEWER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + seventy + "' is not a PostgreSQL user name: it has 70 bytes, and PostgreSQL names"
                        + " have at most 63");
        String missing = "nobody\"; DROP TABLE address; --";
        assertThatThrownBy(() -> team(owner).grant(missing, Role.VIEWER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("there is no PostgreSQL user " + missing + " on the server; create it first (as a user"
                        + " allowed to create roles): CREATE ROLE \"nobody\"\"; DROP TABLE address; --\" LOGIN"
                        + " PASSWORD '...';");
        assertThatThrownBy(() -> team(owner).grant("ipdesk_" + location.database() + "_admin", Role.VIEWER))
                .hasMessageContaining("is one of the team's own roles, not a user");
        assertThat(owner.addressCount()).isEqualTo(1);
        assertThat(team(owner).members()).containsExactly(new Member("postgres", Role.OWNER));
    }

    @Test
    void aMemberOfAnotherRoleCannotGrantThroughTheServerEither() throws Exception {
        String editor = member("editor", Role.EDITOR);
        try (Connection c = TestPostgres.connect(location.withUser(editor));
             PreparedStatement ps = c.prepareStatement("SELECT ipdesk_team_set(?, 3)")) {
            ps.setString(1, editor);
            assertThat(state(ps::execute)).isEqualTo("42501");
        }
        assertThat(team(owner).members()).contains(new Member(editor, Role.EDITOR));
    }
}
