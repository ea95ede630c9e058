package org.ipdesk.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.model.Address;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.Network;
import org.ipdesk.store.ChangeFeed;
import org.ipdesk.store.Credentials;
import org.ipdesk.store.Database;
import org.ipdesk.store.OpenMode;
import org.ipdesk.store.ServerLocation;
import org.ipdesk.store.Session;
import org.ipdesk.store.StoreException;
import org.junit.jupiter.api.Test;

/** The PostgreSQL engine: opening, transactions, errors in words, retries and the change feed. */
class PostgresDatabaseTest {
    @Test
    void createInitialisesAnEmptyDatabaseAndExistingOpensIt() {
        ServerLocation location = TestPostgres.freshDatabase();
        try (Database database = Database.open(location, OpenMode.CREATE)) {
            database.write(s -> s.insertNetwork("dc1", "first"));
        }
        try (Database database = Database.open(location, OpenMode.EXISTING)) {
            assertThat(database.location()).isEqualTo(location);
            assertThat(database.read(Session::networks)).extracting(Network::name).containsExactly("dc1");
            assertThat(database.backup()).isEmpty();
        }
    }

    @Test
    void existingRefusesAnEmptyDatabaseNamingItAndLeavesItEmpty() throws SQLException {
        ServerLocation location = TestPostgres.freshDatabase();

        assertThatThrownBy(() -> Database.open(location, OpenMode.EXISTING))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(location.toString())
                .hasMessageContaining("empty database, not an IPDesk database yet")
                .hasMessageContaining("left unchanged");
        assertThat(tables(location)).isEmpty();
    }

    @Test
    void anotherProgramsDatabaseIsRefusedEvenWhenCreating() throws SQLException {
        ServerLocation location = TestPostgres.freshDatabase();
        try (Connection c = TestPostgres.connect(location); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE invoices (id int)");
        }

        assertThatThrownBy(() -> Database.open(location, OpenMode.CREATE))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(location + " holds tables of another program");
        assertThat(tables(location)).containsExactly("invoices");
    }

    @Test
    void aWriteThatThrowsAndARehearsalChangeNothing() {
        try (Database database = Database.open(TestPostgres.freshIpdeskDatabase(), OpenMode.EXISTING)) {
            assertThatThrownBy(() -> database.write(s -> {
                s.insertNetwork("dc1", "");
                throw new IllegalStateException("stop");
            })).hasMessage("stop");
            Network rehearsed = database.rehearse(s -> s.insertNetwork("dc2", ""));

            assertThat(rehearsed.name()).isEqualTo("dc2");
            assertThat(database.read(Session::networks)).isEmpty();
        }
    }

    @Test
    void aRefusedConstraintIsAViolationInWordsAndTheNextWriteWorks() {
        try (Database database = Database.open(TestPostgres.freshIpdeskDatabase(), OpenMode.EXISTING)) {
            database.write(s -> s.insertNetwork("dc1", ""));

            assertThatThrownBy(() -> database.write(s -> s.insertNetwork("DC1", "")))
                    .isInstanceOf(Session.ConstraintViolation.class)
                    .hasMessage("a network with this name exists already (names are compared without case)");
            database.write(s -> s.insertNetwork("dc2", ""));
            Optional<Network> found = database.read(s -> s.networkByName("DC2"));
            assertThat(found).map(Network::name).contains("dc2");
        }
    }

    @Test
    void addressesRoundTripWithTheirTimesAndDetails() {
        Instant now = Instant.parse("2026-11-26T12:00:00.123456789Z");
        try (Database database = Database.open(TestPostgres.freshIpdeskDatabase(), OpenMode.EXISTING)) {
            long subnet = database.write(s -> s.insertSubnet(s.insertNetwork("dc1", "").id(), Cidr.parse("2001:db8::/64"),
                    "lab", "", OptionalInt.of(12), Optional.of(Ip.parse("2001:db8::1")), OptionalLong.empty(),
                    OptionalInt.empty()));
            database.write(s -> s.insertAddress(subnet, Ip.parse("2001:db8::ffff"),
                    AddressDetails.allocated("web-01"), now));

            var read = database.read(s -> s.address(subnet, Ip.parse("2001:db8::ffff"))).orElseThrow();
            assertThat(read.details().hostname()).isEqualTo("web-01");
            assertThat(read.createdAt()).isEqualTo(now);
            List<Address> matching = database.read(s -> s.addressesMatching("WEB", 10));
            assertThat(matching).hasSize(1);
            assertThat(database.read(s -> s.subnet(subnet)).orElseThrow().vlan()).hasValue(12);
        }
    }

    @Test
    void aServerThatIsNotThereIsReportedByHostAndPort() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ServerLocation nowhere = new ServerLocation("127.0.0.1", port, "ipam", Optional.of("alice"), "disable");

        assertThatThrownBy(() -> Database.open(nowhere, OpenMode.EXISTING))
                .isInstanceOf(StoreException.class)
                .hasMessage("cannot reach the PostgreSQL server 127.0.0.1:" + port + " (connection refused); nothing was"
                        + " changed by the command that failed");
    }

    @Test
    void aMissingDatabaseIsNamed() {
        ServerLocation server = TestPostgres.server();
        ServerLocation missing = new ServerLocation(server.host(), server.port(), "no_such_db", server.user(), "disable");

        assertThatThrownBy(() -> Database.open(missing, OpenMode.CREATE, Credentials.NONE))
                .hasMessageStartingWith("there is no database 'no_such_db' on the server " + server.host() + ":");
    }

    @Test
    void aLostConnectionIsReportedAndTheNextTransactionConnectsAgain() throws SQLException {
        ServerLocation location = TestPostgres.freshIpdeskDatabase();
        try (Database database = Database.open(location, OpenMode.EXISTING)) {
            database.write(s -> s.insertNetwork("dc1", ""));
            try (Connection admin = TestPostgres.connect(location); Statement st = admin.createStatement()) {
                st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'IPDesk'");
            }

            assertThatThrownBy(() -> database.read(Session::networks))
                    .isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("cannot reach the PostgreSQL server " + location.host() + ":" + location.port());
            assertThat(database.read(Session::networks)).extracting(Network::name).containsExactly("dc1");
        }
    }

    @Test
    void aDeadlockIsBrokenByTheServerAndTheLoserRunsAgain() throws Exception {
        ServerLocation location = TestPostgres.freshIpdeskDatabase();
        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch bothHoldOne = new CountDownLatch(2);
        try (Database one = Database.open(location, OpenMode.EXISTING);
             Database two = Database.open(location, OpenMode.EXISTING)) {
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> one.write(s -> {
                lockBoth(s, 1, 2, attempts, bothHoldOne);
                return null;
            }));
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> two.write(s -> {
                lockBoth(s, 2, 1, attempts, bothHoldOne);
                return null;
            }));

            CompletableFuture.allOf(first, second).get(30, TimeUnit.SECONDS);
            assertThat(attempts).hasValue(3);
        }
    }

    private static void lockBoth(Session s, long a, long b, AtomicInteger attempts, CountDownLatch bothHoldOne) {
        attempts.incrementAndGet();
        s.lockSubnet(a);
        bothHoldOne.countDown();
        try {
            bothHoldOne.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        s.lockSubnet(b);
    }

    @Test
    void aTransactionRefusedEveryTimeIsReportedAfterTheLastAttempt() {
        AtomicInteger attempts = new AtomicInteger();
        try (Database database = Database.open(TestPostgres.freshIpdeskDatabase(), OpenMode.EXISTING)) {
            assertThatThrownBy(() -> database.write(s -> {
                attempts.incrementAndGet();
                throw new StoreException("refused", new SQLException("could not serialize access", "40001"));
            })).isInstanceOf(StoreException.class)
                    .hasMessage("another user's transaction changed the same data at the same time, "
                            + PostgresDatabase.ATTEMPTS + " times in a row; nothing was changed, try again");
            assertThat(attempts).hasValue(PostgresDatabase.ATTEMPTS);
        }
    }

    @Test
    void theChangeFeedRisesWithAnotherDatabasesCommitsOnly() throws Exception {
        ServerLocation location = TestPostgres.freshIpdeskDatabase();
        try (Database watcher = Database.open(location, OpenMode.EXISTING);
             Database other = Database.open(location, OpenMode.EXISTING)) {
            ChangeFeed feed = watcher.changes();
            long before = feed.version();

            watcher.write(s -> s.insertNetwork("mine", ""));
            Thread.sleep(600);
            assertThat(feed.version()).isEqualTo(before);

            other.write(s -> s.insertNetwork("theirs", ""));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (feed.version() == before && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(feed.version()).isGreaterThan(before);
        }
    }

    @Test
    void theChangeFeedListensAgainAfterItsConnectionWasLost() throws Exception {
        ServerLocation location = TestPostgres.freshIpdeskDatabase();
        try (Database watcher = Database.open(location, OpenMode.EXISTING);
             Database other = Database.open(location, OpenMode.EXISTING)) {
            PostgresListener feed = (PostgresListener) watcher.changes();
            long before = feed.version();
            try (Connection admin = TestPostgres.connect(location); Statement st = admin.createStatement()) {
                st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '"
                        + PostgresListener.APPLICATION_NAME + "'");
            }

            // the loss itself counts (changes may be missed meanwhile), and so does the return
            waitUntil(() -> feed.version() >= before + 2 && feed.connected());
            long back = feed.version();
            other.write(s -> s.insertNetwork("after", ""));
            waitUntil(() -> feed.version() > back);
            assertThat(feed.version()).isEqualTo(back + 1);
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void aWriteNotifiesWhatItChangedInTheSameTransaction() throws Exception {
        ServerLocation location = TestPostgres.freshIpdeskDatabase();
        try (Connection listening = TestPostgres.connect(location); Statement st = listening.createStatement();
             Database database = Database.open(location, OpenMode.EXISTING)) {
            st.execute("LISTEN " + PostgresDatabase.CHANNEL);
            long network = database.write(s -> s.insertNetwork("dc1", "").id());
            assertThatThrownBy(() -> database.write(s -> {
                s.insertNetwork("dc2", "");
                throw new IllegalStateException("rolled back");
            }));

            var notifications = listening.unwrap(org.postgresql.PGConnection.class).getNotifications(2_000);
            assertThat(notifications).hasSize(1);
            assertThat(notifications[0].getParameter()).endsWith(" network:" + network);
        }
    }

    @Test
    void aReaderDoesNotWaitForAWriterOfAnotherProcess() throws Exception {
        ServerLocation location = TestPostgres.freshIpdeskDatabase();
        try (Database writer = Database.open(location, OpenMode.EXISTING);
             Database reader = Database.open(location, OpenMode.EXISTING)) {
            long subnet = writer.write(s -> s.insertSubnet(s.insertNetwork("dc1", "").id(), Cidr.parse("10.0.0.0/24"),
                    "", "", OptionalInt.empty(), Optional.empty(), OptionalLong.empty(), OptionalInt.empty()));
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> write = CompletableFuture.runAsync(() -> writer.write(s -> {
                s.lockSubnet(subnet);
                s.insertAddress(subnet, Ip.parse("10.0.0.5"), AddressDetails.allocated("web"), Instant.EPOCH);
                holding.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return null;
            }));
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

            long started = System.nanoTime();
            List<Address> meanwhile = reader.read(s -> s.addresses(subnet));
            assertThat(meanwhile).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            release.countDown();
            write.get(10, TimeUnit.SECONDS);
            List<Address> after = reader.read(s -> s.addresses(subnet));
            assertThat(after).hasSize(1);
        }
    }

    private static List<String> tables(ServerLocation location) throws SQLException {
        try (Connection c = TestPostgres.connect(location);
             PreparedStatement ps = c.prepareStatement("SELECT table_name FROM information_schema.tables "
                     + "WHERE table_schema = 'public' ORDER BY table_name");
             ResultSet rs = ps.executeQuery()) {
            List<String> names = new java.util.ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        }
    }
}
