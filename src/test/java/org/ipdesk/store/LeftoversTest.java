package org.ipdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ipdesk.cli.Cli;
import org.ipdesk.cli.Cli.Result;
import org.ipdesk.dev.DatasetGenerator;
import org.ipdesk.ui.Launcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What IPDesk leaves behind: a backup leaves only the backup beside it, a refused file gets no -wal/-shm, and an
 * interrupted {@code dev generate} (an exception midway, or the process killed) leaves nothing, so it runs again.
 */
class LeftoversTest {
    @TempDir
    Path dir;

    private static Result cli(String... args) {
        return Cli.raw(args);
    }

    private static List<String> names(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aBackupLeavesOnlyTheBackupInItsFolder() throws Exception {
        Path db = dir.resolve("ipdesk.db");
        assertThat(cli("--db", db.toString(), "network", "add", "dc1").code()).isZero();
        Path backups = Files.createDirectory(dir.resolve("backups"));
        Path copy = backups.resolve("monday.db");

        Result r = cli("--db", db.toString(), "backup", copy.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(names(backups)).containsExactly("monday.db");

        try (Database open = Database.open(db, OpenMode.EXISTING)) {
            open.backup(copy, OutputTargets.IfDatabase.REPLACE); // over an older backup, from an open database (its -wal and -shm exist meanwhile)
            assertThat(names(backups)).containsExactly("monday.db");
        }
        assertThat(names(dir)).containsExactly("backups", "ipdesk.db");
        assertThat(cli("--db", copy.toString(), "network", "list").out()).contains("dc1");
    }

    @Test
    void aRefusedFileInWalModeGetsNoCompanionFiles() throws Exception {
        Path foreign = dir.resolve("other.sqlite");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + foreign); var st = c.createStatement()) {
            st.execute("PRAGMA journal_mode = WAL");
            st.execute("CREATE TABLE t (x)");
        }
        assertThat(names(dir)).containsExactly("other.sqlite");
        assertThatThrownBy(() -> Database.open(foreign, OpenMode.EXISTING)).isInstanceOf(StoreException.class)
                .hasMessageContaining("not an IPDesk database");
        assertThatThrownBy(() -> Database.open(foreign, OpenMode.CREATE)).isInstanceOf(StoreException.class)
                .hasMessageContaining("not an IPDesk database");
        assertThat(names(dir)).containsExactly("other.sqlite");
    }

    /** More subnets than one batch of the generator, so that it reports progress before it is done. */
    private static final DatasetGenerator.Plan TWO_BATCHES = new DatasetGenerator.Plan(700, 3000, 20, 7);

    @Test
    void aGenerationInterruptedMidwayLeavesNothingAndRunsAgain() throws Exception {
        Path db = dir.resolve("gen.db");
        AtomicInteger reports = new AtomicInteger();
        try (DatasetGenerator generator = new DatasetGenerator(Database.open(db, OpenMode.CREATE), Clock.systemUTC(),
                "test")) {
            assertThatThrownBy(() -> generator.generate(TWO_BATCHES, line -> {
                if (reports.incrementAndGet() == 1) {
                    throw new IllegalStateException("interrupted after the first batch");
                }
            })).hasMessage("interrupted after the first batch");
        }
        try (Database database = Database.open(db, OpenMode.EXISTING)) {
            assertThat(database.read(Session::networks)).isEmpty();
            assertThat(database.read(Session::subnets)).isEmpty();
        }
        Result again = cli("--db", db.toString(), "dev", "generate", "--subnets", "30", "--addresses", "100");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("30 subnets");
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aKilledGenerateLeavesNothingAndRunsAgain() throws Exception {
        Path db = dir.resolve("killed.db");
        Path err = dir.resolve("generate.err");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Launcher.class.getName(), "--db", db.toString(), "dev", "generate", "--subnets", "3000",
                "--addresses", "400000")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            // the first progress line: a first batch of subnets and addresses is written, more are to come
            while (!(Files.exists(err) && Files.readString(err).contains(" subnets, "))) {
                assertThat(child.isAlive()).as("the child is still generating; its stderr: %s", Files.readString(err))
                        .isTrue();
                assertThat(System.nanoTime()).as("a first batch within 120 s").isLessThan(deadline);
                Thread.sleep(20);
            }
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback by the child
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(Files.readString(err)).doesNotContain("Generated");

        Result list = cli("--db", db.toString(), "network", "list");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).doesNotContain("gen-site");
        Result again = cli("--db", db.toString(), "dev", "generate", "--subnets", "30", "--addresses", "100");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("30 subnets");
    }
}
