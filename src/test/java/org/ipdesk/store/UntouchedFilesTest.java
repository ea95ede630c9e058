package org.ipdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.ipdesk.cli.Cli;
import org.ipdesk.cli.Cli.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing is written to a file before it is known to be an IPDesk database of a version this build opens: a
 * refused file keeps every byte and gets no companion files (-journal, -wal, -shm). Only {@code network add}
 * (and {@code import}) may create a missing file or initialise an empty one; every other command refuses a
 * missing, empty or foreign file. Each case compares the file's bytes and the folder's listing before and after.
 */
class UntouchedFilesTest {
    @TempDir
    Path dir;

    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void tearDown() {
        executor.shutdownNow();
    }

    /** {@code ipdesk --db FILE args...}, on another thread so that a command stuck on a pipe fails the test. */
    private Result cli(Path db, String... args) throws Exception {
        Future<Result> running = executor.submit(() -> new Cli(db).run(args));
        return running.get(30, TimeUnit.SECONDS);
    }

    /** The folder's files with their bytes' hash: equal listings mean nothing was added, removed or changed. */
    private Map<String, String> listing() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (var stream = Files.list(dir)) {
            for (Path p : stream.toList()) {
                files.put(p.getFileName().toString(), Files.isRegularFile(p)
                        ? java.util.HexFormat.of().formatHex(sha256(Files.readAllBytes(p))) : "(not a regular file)");
            }
        }
        return files;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** Runs each command on {@code file}: refused (exit 1, one line naming the file), folder left exactly as it was. */
    private void refusedAndUntouched(Path file, String reason, String[]... commands) throws Exception {
        for (String[] command : commands) {
            Map<String, String> before = listing();
            Result r = cli(file, command);
            assertThat(r.code()).as(String.join(" ", command) + ": " + r.err() + r.out()).isEqualTo(1);
            assertThat(r.out()).isEmpty();
            assertThat(r.err().lines()).as(r.err()).hasSize(1);
            assertThat(r.err()).startsWith("ipdesk: ").contains(file.getFileName().toString()).contains(reason)
                    .doesNotContain("Exception");
            assertThat(listing()).as("the folder after " + String.join(" ", command)).isEqualTo(before);
        }
    }

    private static final String[] SUBNET_LIST = {"subnet", "list"};
    private static final String[] USAGE = {"usage"};
    private static final String[] NETWORK_ADD = {"network", "add", "dc1"};

    private static void sql(Path file, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            for (String statement : statements) {
                st.execute(statement);
            }
        }
    }

    @Test
    void anEmptyFileIsNotInitialisedByAReadCommand() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.db"));
        refusedAndUntouched(empty, "is empty", SUBNET_LIST, USAGE, new String[] {"find", "web"},
                new String[] {"ip", "next", "10.0.0.0/24"});
        assertThat(Files.size(empty)).isZero();
    }

    @Test
    void networkAddInitialisesAnEmptyFileAndCreatesAMissingOne() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.db"));
        assertThat(cli(empty, NETWORK_ADD).code()).isZero();
        assertThat(cli(empty, SUBNET_LIST).code()).isZero();
        Path missing = dir.resolve("new.db");
        assertThat(cli(missing, NETWORK_ADD).code()).isZero();
        assertThat(cli(missing, "network", "list").out()).contains("dc1");
    }

    @Test
    void aNewDatabaseCarriesIpdesksApplicationIdAndAnOldOneWithoutItStillOpens() throws Exception {
        Path file = dir.resolve("ipdesk.db");
        assertThat(cli(file, NETWORK_ADD).code()).isZero();
        assertThat(pragma(file, "application_id")).isEqualTo(org.ipdesk.store.sqlite.SqliteDatabase.APPLICATION_ID);
        sql(file, "PRAGMA application_id = 0"); // as every database made before IPDesk set it
        Result list = cli(file, "network", "list");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains("dc1");
    }

    private static int pragma(Path file, String name) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA " + name)) {
            return rs.getInt(1);
        }
    }

    @Test
    void anotherProgramsSqliteFileWithoutTablesIsNotTakenOver() throws Exception {
        Path versioned = dir.resolve("versioned.sqlite");
        sql(versioned, "PRAGMA user_version = 42");
        refusedAndUntouched(versioned, "not an IPDesk database", SUBNET_LIST, NETWORK_ADD);

        Path tagged = dir.resolve("tagged.sqlite");
        sql(tagged, "PRAGMA application_id = 1234567");
        refusedAndUntouched(tagged, "not an IPDesk database", SUBNET_LIST, NETWORK_ADD);
    }

    @Test
    void aBlankSqliteFileIsRefusedByReadsAndInitialisedOnlyByNetworkAdd() throws Exception {
        Path blank = dir.resolve("blank.db");
        sql(blank, "VACUUM"); // an SQLite header and nothing else, as `sqlite3 blank.db VACUUM` leaves it
        assertThat(Files.size(blank)).isPositive();
        refusedAndUntouched(blank, "holds no IPDesk data", SUBNET_LIST);
        assertThat(cli(blank, NETWORK_ADD).code()).isZero();
        assertThat(cli(blank, "network", "list").out()).contains("dc1");
    }

    @Test
    void anotherProgramsDatabaseInWalModeGetsNoCompanionFiles() throws Exception {
        Path other = dir.resolve("other.sqlite");
        sql(other, "PRAGMA journal_mode = WAL", "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)",
                "INSERT INTO customers (name) VALUES ('ACME')");
        assertThat(Files.exists(dir.resolve("other.sqlite-wal"))).isFalse();
        refusedAndUntouched(other, "not an IPDesk database", SUBNET_LIST, NETWORK_ADD);
    }

    @Test
    void aNewerIpdeskDatabaseInRollbackJournalModeIsRefusedBeforeAnyWrite() throws Exception {
        Path future = dir.resolve("future.db");
        assertThat(cli(future, NETWORK_ADD).code()).isZero();
        sql(future, "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, "
                        + "installed_by, installed_on, execution_time, success) VALUES (99, '99', 'from the future', "
                        + "'SQL', 'V99__future.sql', 1, 'x', CURRENT_TIMESTAMP, 1, 1)",
                "PRAGMA journal_mode = DELETE");
        assertThat(Files.readAllBytes(future)[18]).as("rollback-journal mode in the header").isEqualTo((byte) 1);
        refusedAndUntouched(future, "newer IPDesk", SUBNET_LIST, NETWORK_ADD);
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aNamedPipeIsRefusedWithoutBeingOpened() throws Exception {
        Path fifo = dir.resolve("pipe.db");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).as("mkfifo works here").isTrue();
        refusedAndUntouched(fifo, "not a regular file", SUBNET_LIST, NETWORK_ADD);
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aDeviceIsRefusedAndGetsNoJournalBesideIt() throws Exception {
        Path journal = Path.of("/dev/null-journal");
        assumeThat(Files.exists(journal)).as("no /dev/null-journal left from elsewhere").isFalse();
        for (String[] command : new String[][] {SUBNET_LIST, NETWORK_ADD}) {
            Result r = cli(Path.of("/dev/null"), command);
            assertThat(r.code()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).startsWith("ipdesk: ").contains("/dev/null").contains("not a regular file");
            assertThat(r.err().lines()).hasSize(1);
            assertThat(journal).doesNotExist();
        }
    }

    @Test
    void aFolderIsRefused() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("folder.db"));
        refusedAndUntouched(folder, "is a folder", SUBNET_LIST, NETWORK_ADD);
        try (var inside = Files.list(folder)) {
            assertThat(inside).isEmpty();
        }
    }

    @Test
    void aMissingFileIsRefusedByEveryCommandButTheOnesThatCreate() throws Exception {
        Path missing = dir.resolve("missing.db");
        refusedAndUntouched(missing, "there is no database", SUBNET_LIST, USAGE);
        assertThat(missing).doesNotExist();
    }

    @Test
    void theOpenModesSayWhatTheyDoOnTheirOwn() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.db"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Database.open(empty, OpenMode.EXISTING))
                .isInstanceOf(StoreException.class).hasMessageContaining("is empty").hasMessageContaining("unchanged");
        assertThat(Files.size(empty)).isZero();
        Path missing = dir.resolve("missing.db");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Database.open(missing, OpenMode.EXISTING))
                .isInstanceOf(StoreException.class).hasMessageContaining("there is no database at");
        assertThat(missing).doesNotExist();
        Database.open(empty, OpenMode.CREATE).close();
        try (Database again = Database.open(empty, OpenMode.EXISTING)) {
            assertThat(again.read(Session::networks)).isEmpty();
        }
    }
}
