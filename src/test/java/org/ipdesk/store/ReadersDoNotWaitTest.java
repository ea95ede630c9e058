package org.ipdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.ipdesk.cli.Cli;
import org.ipdesk.cli.Cli.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While another connection holds the write lock (BEGIN IMMEDIATE and an insert, not committed), every read-only
 * command answers from the last committed state without waiting for that writer, and a command that must write
 * is refused after the configured busy timeout with a message that says how long it waited. The busy timeout is
 * shortened to 1.5 s for these tests ({@link Database#BUSY_TIMEOUT_PROPERTY}); a command that waited for the writer
 * would not finish inside the generous 10 s bound.
 */
class ReadersDoNotWaitTest {
    private static final long BOUND_SECONDS = 10;

    @TempDir
    Path dir;

    private Path db;
    private Connection writer;
    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @BeforeEach
    void setUp() throws Exception {
        System.setProperty(Database.BUSY_TIMEOUT_PROPERTY, "1500");
        db = dir.resolve("ipdesk.db");
        for (String[] command : new String[][] {
                {"network", "add", "hq"},
                {"subnet", "add", "hq", "10.0.0.0/24"},
                {"ip", "reserve", "10.0.0.0/24", "10.0.0.5", "--hostname", "web-01"}}) {
            Result r = cli(command);
            assertThat(r.code()).as(r.err()).isZero();
        }
        writer = DriverManager.getConnection("jdbc:sqlite:" + db);
        try (Statement st = writer.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            st.execute("INSERT INTO network (name, description) VALUES ('uncommitted', '')");
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        try (Statement st = writer.createStatement()) {
            st.execute("ROLLBACK");
        } finally {
            writer.close();
            executor.shutdownNow();
            System.clearProperty(Database.BUSY_TIMEOUT_PROPERTY);
        }
    }

    private Result cli(String... args) {
        return new Cli(db).run(args);
    }

    /** Runs the command on another thread while the writer still holds its lock; fails if it does not finish. */
    private Result whileTheWriterHoldsTheLock(String... args) throws Exception {
        Future<Result> running = executor.submit(() -> cli(args));
        try {
            return running.get(BOUND_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("'" + String.join(" ", args) + "' waited for the writer (still running after "
                    + BOUND_SECONDS + " s)");
        }
    }

    @Test
    void readOnlyCommandsAnswerWhileAnotherProcessWrites() throws Exception {
        Result networks = whileTheWriterHoldsTheLock("network", "list");
        assertThat(networks.code()).as(networks.err()).isZero();
        assertThat(networks.out()).contains("hq").doesNotContain("uncommitted");

        Result subnets = whileTheWriterHoldsTheLock("subnet", "list");
        assertThat(subnets.code()).as(subnets.err()).isZero();
        assertThat(subnets.out()).contains("10.0.0.0/24");

        Result addresses = whileTheWriterHoldsTheLock("ip", "list", "10.0.0.0/24");
        assertThat(addresses.code()).as(addresses.err()).isZero();
        assertThat(addresses.out()).contains("10.0.0.5").contains("web-01");

        Result usage = whileTheWriterHoldsTheLock("usage");
        assertThat(usage.code()).as(usage.err()).isZero();
        assertThat(usage.out()).contains("10.0.0.0/24");

        Result found = whileTheWriterHoldsTheLock("find", "web-01");
        assertThat(found.code()).as(found.err()).isZero();
        assertThat(found.out()).contains("10.0.0.5");

        Path csv = dir.resolve("addresses.csv");
        Result export = whileTheWriterHoldsTheLock("export", "addresses", "--format", "csv", "-o", csv.toString());
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(java.nio.file.Files.readString(csv)).contains("10.0.0.5").contains("web-01");

        Path json = dir.resolve("usage.json");
        Result report = whileTheWriterHoldsTheLock("report", "usage", "--format", "json", "-o", json.toString());
        assertThat(report.code()).as(report.err()).isZero();
        assertThat(java.nio.file.Files.readString(json)).contains("10.0.0.0/24");
    }

    @Test
    void aBackupIsTakenWhileAnotherProcessWrites() throws Exception {
        Path copy = dir.resolve("copy.db");
        Result backup = whileTheWriterHoldsTheLock("backup", copy.toString());
        assertThat(backup.code()).as(backup.err()).isZero();
        assertThat(ContentSnapshot.of(copy)).contains("|hq|").doesNotContain("uncommitted");
    }

    @Test
    void aWriteIsRefusedAfterTheBusyTimeoutAndTheMessageSaysHowLong() throws Exception {
        String before;
        try (Connection reader = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            before = snapshot(reader);
        }
        Result next = whileTheWriterHoldsTheLock("ip", "next", "10.0.0.0/24");
        assertThat(next.code()).as(next.err()).isEqualTo(1);
        assertThat(next.out()).isEmpty();
        assertThat(next.err().lines()).hasSize(1);
        assertThat(next.err()).startsWith("ipdesk: ").contains("busy").contains("1.5 s").contains("nothing was changed")
                .doesNotContain("Exception");
        try (Connection reader = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            assertThat(snapshot(reader)).isEqualTo(before);
        }
    }

    private static String snapshot(Connection c) throws Exception {
        StringBuilder rows = new StringBuilder();
        try (Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT (SELECT count(*) FROM address), (SELECT count(*) FROM change_log), "
                     + "(SELECT count(*) FROM network)")) {
            rows.append(rs.getLong(1)).append(' ').append(rs.getLong(2)).append(' ').append(rs.getLong(3));
        }
        return rows.toString();
    }

    @Test
    void theBusyTimeoutIsThirtySecondsUnlessConfigured() {
        System.clearProperty(Database.BUSY_TIMEOUT_PROPERTY);
        assertThat(Database.busyTimeoutMillis()).isEqualTo(30_000);
        System.setProperty(Database.BUSY_TIMEOUT_PROPERTY, "250");
        assertThat(Database.busyTimeoutMillis()).isEqualTo(250);
        System.setProperty(Database.BUSY_TIMEOUT_PROPERTY, "soon");
        assertThat(Database.busyTimeoutMillis()).isEqualTo(30_000);
    }
}
