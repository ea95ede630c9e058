package org.ipdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ipdesk.dev.DatasetGenerator;
import org.ipdesk.store.Location;
import org.ipdesk.store.ContentSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code ipdesk copy}: what it prints, and every refusal with its message, leaving every file as it was. */
class CopyCommandTest {
    @TempDir
    Path dir;

    private Path source;
    private Cli cli;

    @BeforeEach
    void source() {
        source = dir.resolve("source.db");
        cli = new Cli(source);
        cli.ok("network", "add", "dc1");
        cli.ok("subnet", "add", "dc1", "10.0.0.0/24");
        cli.ok("subnet", "add", "dc1", "10.0.0.0/26");
        cli.ok("range", "add", "10.0.0.0/24", "10.0.0.200", "10.0.0.250", "--kind", "dhcp");
        cli.ok("ip", "reserve", "10.0.0.0/26", "10.0.0.5", "--hostname", "web-01");
        cli.ok("ip", "next", "10.0.0.0/24", "--count", "3");
    }

    private String files() throws Exception {
        try (Stream<Path> all = Files.list(dir)) {
            return all.map(p -> p.getFileName().toString()).sorted().toList().toString();
        }
    }

    @Test
    void copiesIntoANewFileAndSaysWhat() throws Exception {
        Path target = dir.resolve("copy.db");
        Cli.Result result = cli.ok("copy", "--to", target.toString());
        assertThat(result.out()).startsWith("Copied 1 network, 2 subnets, 4 addresses, 1 range, ")
                .contains(" changes from " + source + " to " + target + " in ");
        assertThat(ContentSnapshot.records(target)).isEqualTo(ContentSnapshot.records(source));
        assertThat(new Cli(target).ok("find", "web-01").out()).contains("10.0.0.5");
        assertThat(files()).isEqualTo("[copy.db, source.db]");
        if (Files.getFileStore(target).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
        }
    }

    @Test
    void copiesIntoADatabaseJustMadeWithCreatedbOnTheServer() {
        org.ipdesk.store.ServerLocation empty = org.ipdesk.store.postgres.TestPostgres.freshDatabase();
        Cli.Result result = cli.ok("copy", "--to", empty.toString());
        assertThat(result.out()).startsWith("Copied 1 network, 2 subnets, 4 addresses, 1 range, ");
        Path back = dir.resolve("back.db");
        cli.ok("copy", "--from", empty.toString(), "--to", back.toString());
        assertThat(ContentSnapshot.records(back)).isEqualTo(ContentSnapshot.records(source));
    }

    @Test
    void fromNamesTheSourceInsteadOfDb() {
        Path target = dir.resolve("copy.db");
        Cli.Result result = Cli.raw("--db", dir.resolve("other.db").toString(), "copy", "--from", source.toString(),
                "--to", target.toString());
        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(ContentSnapshot.records(target)).isEqualTo(ContentSnapshot.records(source));
        assertThat(dir.resolve("other.db")).doesNotExist();
    }

    @Test
    void theSameFileIsRefused() {
        String before = ContentSnapshot.of(source);
        Cli.Result result = cli.run("copy", "--to", dir.resolve(".").resolve("source.db").toString());
        assertThat(result.code()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("they are the same file; give another target");
        assertThat(ContentSnapshot.of(source)).isEqualTo(before);
    }

    @Test
    void aMissingSourceIsRefusedAndNothingIsMade() throws Exception {
        Path missing = dir.resolve("missing.db");
        Cli.Result result = new Cli(missing).run("copy", "--to", dir.resolve("copy.db").toString());
        assertThat(result.code()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("cannot copy from " + missing + ": there is no database at " + missing
                + "; check --db (or give --from)");
        Cli.Result named = cli.run("copy", "--from", missing.toString(), "--to", dir.resolve("copy.db").toString());
        assertThat(named.err()).contains("; check --from");
        assertThat(files()).isEqualTo("[source.db]");
    }

    @Test
    void aTargetThatHoldsNetworksIsRefusedAndUnchanged() {
        Path target = dir.resolve("busy.db");
        new Cli(target).ok("network", "add", "dc2");
        new Cli(target).ok("network", "add", "dc3");
        String before = ContentSnapshot.of(target);
        Cli.Result result = cli.run("copy", "--to", target.toString());
        assertThat(result.code()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("cannot copy to " + target + ": it already holds 2 networks and 2 changes; "
                + "the target must be empty");
        assertThat(ContentSnapshot.of(target)).isEqualTo(before);
    }

    @Test
    void aTargetThatIsNotADatabaseIsRefusedAndUnchanged() throws Exception {
        Path target = Files.writeString(dir.resolve("notes.db"), "not a database\n");
        Cli.Result result = cli.run("copy", "--to", target.toString());
        assertThat(result.code()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("cannot copy to " + target).contains("not an IPDesk database")
                .contains("the target must be a new file or an empty IPDesk database");
        assertThat(target).hasContent("not a database");
    }

    @Test
    void hostileTargetsAreRefusedInOneLine() throws Exception {
        Cli.Result missingTo = cli.run("copy");
        assertThat(missingTo.code()).isEqualTo(2);
        assertThat(missingTo.err()).contains("Missing required option: '--to=LOCATION'");

        Cli.Result blank = cli.run("copy", "--to", "  ");
        assertThat(blank.code()).isEqualTo(1);
        assertThat(blank.err()).contains("--to is empty; give a database file or a postgresql:// URL");

        Cli.Result nul = cli.run("copy", "--to", "a\0b.db");
        assertThat(nul.code()).isEqualTo(1);
        assertThat(nul.err()).contains("--to 'a").contains("is not a valid file name");

        Cli.Result folder = cli.run("copy", "--to", dir.toString());
        assertThat(folder.code()).isEqualTo(1);
        assertThat(folder.err()).contains("is a folder");

        Cli.Result password = cli.run("copy", "--to", "postgresql://alice:secret@db.example/ipam");
        assertThat(password.code()).isEqualTo(1);
        assertThat(password.err()).contains("leave the password out of the location");

        Cli.Result escape = cli.run("copy", "--to", dir.resolve("no-folder").resolve("\u001b]0;owned\u0007.db").toString());
        assertThat(escape.code()).isEqualTo(1);
        assertThat(escape.err()).contains("does not exist; create it first").doesNotContain("\u001b", "\u0007");
        assertThat(files()).isEqualTo("[source.db]");
    }

    @Test
    void aNewFileWithControlCharactersInItsNameIsPrintedEscaped() {
        Path target = dir.resolve("copy\u001b[2J.db");
        Cli.Result result = cli.ok("copy", "--to", target.toString());
        assertThat(result.out()).startsWith("Copied 1 network").doesNotContain("\u001b");
        assertThat(ContentSnapshot.records(target)).isEqualTo(ContentSnapshot.records(source));
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void aLongCopyShowsItsProgressAndStoppedMidwayLeavesNoFile() throws Exception {
        Path big = dir.resolve("big.db");
        try (DatasetGenerator generator = DatasetGenerator.open(Location.of(big))) {
            generator.generate(new DatasetGenerator.Plan(1000, 200_000, 0, 3), line -> { });
        }
        Path target = dir.resolve("copy.db");
        Path err = dir.resolve("copy.err");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                IpDeskCli.class.getName(), "--db", big.toString(), "copy", "--to", target.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            // the first progress line: 100,000 rows are copied, about as many are to come
            while (!(Files.exists(err) && Files.readString(err).contains(" rows"))) {
                assertThat(child.isAlive()).as("the child is still copying; its stderr: %s", Files.readString(err))
                        .isTrue();
                assertThat(System.nanoTime()).as("100,000 rows within 120 s").isLessThan(deadline);
                Thread.sleep(10);
            }
            assertThat(Files.readString(err)).matches("  copied 100,\\d{3} of 20\\d,\\d{3} rows\\R");
            assertThat(files()).containsPattern("\\.copy\\.db\\.\\d+\\.tmp");
        } finally {
            child.destroy(); // SIGTERM, as Ctrl+C or a shutdown: the shutdown hooks run
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        Files.delete(err);
        // the source's own -wal and -shm stay (its reader was stopped before closing it); nothing of the copy does
        assertThat(files().replace(", big.db-shm, big.db-wal", "")).isEqualTo("[big.db, source.db]");
        assertThat(new Cli(big).ok("network", "list").out()).contains("gen-");
    }
}
