package org.ipdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Random;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.store.ContentSnapshot;
import org.ipdesk.store.Database;
import org.ipdesk.store.Location;
import org.ipdesk.store.OpenMode;
import org.ipdesk.store.WithoutBackup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ImportBackupCommandTest {
    @TempDir
    Path dir;

    private Path csv(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static final String GOOD = """
            kind,network,cidr,ip,status,hostname
            subnet,dc1,10.0.0.0/24,,,
            address,dc1,10.0.0.0/24,10.0.0.5,allocated,web-01
            address,dc1,10.0.0.0/24,10.0.0.6,reserved,web-02
            """;

    /** A database with one network, so that it exists before the import. */
    private Cli existing(Path db) {
        Cli cli = new Cli(db);
        cli.ok("network", "add", "dc0");
        return cli;
    }

    @Test
    void dryRunPrintsThePreviewAndWritesNothing() throws Exception {
        Path db = dir.resolve("ipdesk.db");
        Cli cli = existing(db);
        String before = ContentSnapshot.of(db);
        Cli.Result result = cli.ok("import", csv("good.csv", GOOD).toString(), "--dry-run");
        assertThat(result.out()).contains("Preview of good.csv (layout ipdesk, delimiter ,): 3 rows: 3 new, 0 unchanged, "
                + "0 conflicts, 0 errors").contains("Dry run: nothing was written.");
        assertThat(ContentSnapshot.of(db)).isEqualTo(before);
    }

    @Test
    void dryRunOnAMissingDatabaseCreatesNoFile() throws Exception {
        Path db = dir.resolve("none.db");
        new Cli(db).ok("import", csv("good.csv", GOOD).toString(), "--dry-run");
        assertThat(db).doesNotExist();
    }

    @Test
    void importAppliesAndSaysWhat() throws Exception {
        Cli cli = new Cli(dir.resolve("ipdesk.db"));
        Cli.Result result = cli.ok("import", csv("good.csv", GOOD).toString());
        assertThat(result.out()).contains("Imported good.csv: 1 network, 1 subnet, 0 ranges, 2 addresses");
        assertThat(cli.ok("find", "web-02").out()).contains("10.0.0.6");
    }

    @Test
    void anErrorRowRefusesTheImportNamingTheRow() throws Exception {
        Path db = dir.resolve("ipdesk.db");
        Cli cli = existing(db);
        String before = ContentSnapshot.of(db);
        Cli.Result result = cli.run("import", csv("bad.csv", GOOD + "address;dc1;10.0.0.0/24;10.0.0.300;;x\n"
                .replace(';', ',')).toString());
        assertThat(result.code()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).contains("row 5: error: '10.0.0.300' is not a valid IP address");
        assertThat(result.err()).contains("refused and nothing was written")
                .contains("row 5: error: '10.0.0.300' is not a valid IP address");
        assertThat(ContentSnapshot.of(db)).isEqualTo(before);
    }

    @Test
    void backupWritesACopyAndRefusesTheDatabaseItself() {
        Path db = dir.resolve("ipdesk.db");
        Cli cli = new Cli(db);
        cli.ok("network", "add", "dc1");
        Path copy = dir.resolve("backup.db");
        assertThat(cli.ok("backup", copy.toString()).out()).contains("Backed up");
        assertThat(new Cli(copy).ok("network", "list").out()).contains("dc1");
        Cli.Result self = cli.run("backup", db.toString());
        assertThat(self.code()).isEqualTo(1);
        assertThat(self.err()).contains("onto itself");
    }

    @Test
    void aDatabaseWithoutABackupOfItsOwnIsBackedUpByCopyingItWholeIntoANewFile() {
        Path db = dir.resolve("ipdesk.db");
        Cli cli = new Cli(db);
        cli.ok("network", "add", "dc1");
        cli.ok("subnet", "add", "dc1", "10.0.0.0/24");
        for (String ip : new String[] {"10.0.0.5", "10.0.0.6", "10.0.0.7"}) {
            cli.ok("ip", "reserve", "10.0.0.0/24", ip, "--hostname", "web-" + ip.substring(ip.length() - 1));
        }
        Path copy = dir.resolve("team-backup.db");
        try (Allocator team = new Allocator(new WithoutBackup(Database.open(Location.of(db), OpenMode.EXISTING)),
                Clock.systemUTC(), "tester", new Random(1))) {
            StringWriter out = new StringWriter();
            BackupCommand backup = new BackupCommand();
            CommandLine line = new CommandLine(backup);
            line.setOut(new PrintWriter(out));
            line.setErr(new PrintWriter(new StringWriter()));
            line.parseArgs(copy.toString());
            backup.backUp(team);
            assertThat(out.toString()).startsWith("Backed up " + db + " to " + copy.toAbsolutePath().normalize()
                    + " by copying it whole (3 addresses, ");
            assertThat(ContentSnapshot.records(copy)).isEqualTo(ContentSnapshot.records(db));

            String before = ContentSnapshot.of(copy);
            line.parseArgs(copy.toString(), "--replace");
            assertThatThrownBy(() -> backup.backUp(team)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("cannot back up " + db + " to " + copy.toAbsolutePath().normalize() + ": this database"
                            + " has no backup of its own, so it is copied whole, into a new file only; give a file that"
                            + " does not exist yet (--replace does not apply)");
            assertThat(ContentSnapshot.of(copy)).isEqualTo(before);
        }
        assertThat(new Cli(copy).ok("ip", "list", "10.0.0.0/24").out()).contains("10.0.0.5", "web-6", "10.0.0.7");
    }

    @Test
    void helpTextsSayHowImportIsRefused() {
        assertThat(Cli.raw("import", "--help").out().replaceAll("\\s+", " ")).contains("--dry-run")
                .contains("If any row is a conflict or an error, nothing is written and the exit code is 1");
        assertThat(Cli.raw("backup", "--help").out().replaceAll("\\s+", " ")).contains("consistent copy")
                .contains("A database without SQLite's online backup (a team database on a server) is copied whole "
                        + "into FILE instead");
    }
}
