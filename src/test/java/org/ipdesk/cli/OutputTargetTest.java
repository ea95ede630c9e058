package org.ipdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ipdesk.store.ExternalCommands.run;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ipdesk.store.ContentSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file the command line writes (exports, reports, backups) goes through one guard: it never replaces the open
 * database (also reached through a symbolic or hard link) nor its -wal/-shm/-journal, another SQLite database unless
 * asked (backup --replace), or anything that is not a regular file; {@code -o -} writes to standard output. After
 * every refusal the database content and the target are as they were.
 */
class OutputTargetTest {
    @TempDir
    Path dir;

    private Path db;
    private Cli cli;

    /** A small database: one network, one subnet, three addresses. */
    private Cli database() {
        db = dir.resolve("ipdesk.db");
        cli = new Cli(db);
        cli.ok("network", "add", "hq");
        cli.ok("subnet", "add", "hq", "10.0.0.0/24", "--name", "servers");
        cli.ok("ip", "reserve", "10.0.0.0/24", "10.0.0.5", "--hostname", "web-01");
        cli.ok("ip", "reserve", "10.0.0.0/24", "10.0.0.6", "--hostname", "web-02");
        cli.ok("ip", "reserve", "10.0.0.0/24", "10.0.0.7", "--hostname", "web-03");
        return cli;
    }

    /** The commands that write a file named by -o, with the file appended. */
    private static List<String[]> writers(Path target) {
        return List.of(
                new String[] {"export", "addresses", "--format", "csv", "-o", target.toString()},
                new String[] {"export", "addresses", "--format", "xlsx", "-o", target.toString()},
                new String[] {"report", "usage", "--format", "pdf", "-o", target.toString()},
                new String[] {"report", "usage", "--format", "csv", "-o", target.toString()},
                new String[] {"backup", target.toString()});
    }

    /** Runs every writer onto {@code target}; each must be refused with a message naming it and {@code reason}. */
    private void everyWriterRefuses(Path target, String reason) {
        String before = ContentSnapshot.of(db);
        for (String[] args : writers(target)) {
            Cli.Result result = cli.run(args);
            assertThat(result.code()).as(String.join(" ", args) + "\n" + result).isEqualTo(1);
            assertThat(result.out()).as(String.join(" ", args)).isEmpty();
            assertThat(result.err()).as(String.join(" ", args))
                    .startsWith("ipdesk: ").contains(target.toString()).contains(reason)
                    .doesNotContain("Exception").hasLineCount(1);
            assertThat(ContentSnapshot.of(db)).as("the database content after " + String.join(" ", args))
                    .isEqualTo(before);
        }
        assertThat(leftovers()).as("no temporary files are left behind").isEmpty();
    }

    private List<Path> leftovers() {
        List<Path> found = new ArrayList<>();
        try (var files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().startsWith(".")).forEach(found::add);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return found;
    }

    private static String type(Path path, LinkOption... options) throws IOException {
        int mode = (Integer) Files.getAttribute(path, "unix:mode", options) & 0170000;
        return switch (mode) {
            case 0100000 -> "regular";
            case 0040000 -> "folder";
            case 0120000 -> "link";
            case 0020000 -> "character device";
            case 0060000 -> "block device";
            case 0010000 -> "fifo";
            case 0140000 -> "socket";
            default -> "unknown " + Integer.toOctalString(mode);
        };
    }

    // ================================================================= the open database

    @Test
    void theOpenDatabaseIsNeverReplaced() throws IOException {
        database();
        byte[] bytes = Files.readAllBytes(db);
        everyWriterRefuses(db, "open database");
        assertThat(type(db, LinkOption.NOFOLLOW_LINKS)).isEqualTo("regular");
        assertThat(new Cli(db).ok("ip", "list", "10.0.0.0/24").out()).contains("web-01", "web-02", "web-03");
        assertThat(Files.readAllBytes(db)).hasSameSizeAs(bytes);
    }

    @Test
    void theOpenDatabaseReachedThroughASymbolicLinkIsNeverReplaced() throws IOException {
        database();
        Path link = Files.createSymbolicLink(dir.resolve("link.db"), db.getFileName());
        everyWriterRefuses(link, "open database");
        assertThat(type(link, LinkOption.NOFOLLOW_LINKS)).isEqualTo("link");
        assertThat(type(db, LinkOption.NOFOLLOW_LINKS)).isEqualTo("regular");
    }

    @Test
    void theOpenDatabaseOpenedThroughASymbolicLinkIsNeverReplaced() throws IOException {
        database();
        Path link = Files.createSymbolicLink(dir.resolve("link.db"), db.getFileName());
        cli = new Cli(link);
        everyWriterRefuses(db, "open database");
        assertThat(type(db, LinkOption.NOFOLLOW_LINKS)).isEqualTo("regular");
    }

    @Test
    void theOpenDatabaseReachedThroughAHardLinkIsNeverReplaced() throws IOException {
        database();
        Path hard = Files.createLink(dir.resolve("hard.db"), db);
        everyWriterRefuses(hard, "open database");
        assertThat(Files.isSameFile(hard, db)).as("still the same file").isTrue();
    }

    @Test
    void theWalShmAndJournalOfTheOpenDatabaseAreNeverWritten() throws IOException {
        database();
        for (String suffix : List.of("-wal", "-shm", "-journal")) {
            Path side = dir.resolve(db.getFileName() + suffix);
            everyWriterRefuses(side, "open database");
            assertThat(side).as(suffix + " is not left behind").doesNotExist();
        }
    }

    // ================================================================= other databases

    @Test
    void anotherIpdeskDatabaseIsReplacedOnlyByABackupWithReplace() throws IOException {
        database();
        Path other = dir.resolve("other.db");
        new Cli(other).ok("network", "add", "branch");
        byte[] bytes = Files.readAllBytes(other);
        everyWriterRefuses(other, "is an SQLite database");
        assertThat(Files.readAllBytes(other)).isEqualTo(bytes);

        Cli.Result refused = cli.run("backup", other.toString());
        assertThat(refused.err()).contains("--replace");

        Cli.Result replaced = cli.run("backup", "--replace", other.toString());
        assertThat(replaced.code()).as(replaced.toString()).isZero();
        assertThat(new Cli(other).ok("network", "list").out()).contains("hq").doesNotContain("branch");
    }

    @Test
    void theWalOfAnotherDatabaseIsNeverWritten() throws IOException {
        database();
        Path other = dir.resolve("other.db");
        new Cli(other).ok("network", "add", "branch");
        Path wal = dir.resolve("other.db-wal");
        Files.writeString(wal, "not yet checkpointed");
        everyWriterRefuses(wal, "other.db");
        Cli.Result evenWithReplace = cli.run("backup", "--replace", wal.toString());
        assertThat(evenWithReplace.code()).isEqualTo(1);
        assertThat(Files.readString(wal)).isEqualTo("not yet checkpointed");
    }

    // ================================================================= not regular files

    @Test
    void aFolderIsRefused() throws IOException {
        database();
        Path folder = Files.createDirectory(dir.resolve("out"));
        everyWriterRefuses(folder, "folder");
        Path link = Files.createSymbolicLink(dir.resolve("out-link"), folder.getFileName());
        everyWriterRefuses(link, "folder");
        assertThat(type(folder)).isEqualTo("folder");
        assertThat(type(link, LinkOption.NOFOLLOW_LINKS)).isEqualTo("link");
    }

    @Test
    void aMissingFolderIsRefused() {
        database();
        everyWriterRefuses(dir.resolve("missing/usage.csv"), "does not exist");
        assertThat(dir.resolve("missing")).doesNotExist();
    }

    @Test
    void aFifoIsRefusedAndStaysAFifo() throws IOException {
        database();
        Path fifo = dir.resolve("pipe");
        assumeTrue(run("mkfifo", fifo.toString()), "mkfifo is not available");
        everyWriterRefuses(fifo, "not a regular file");
        assertThat(type(fifo, LinkOption.NOFOLLOW_LINKS)).isEqualTo("fifo");
        Path link = Files.createSymbolicLink(dir.resolve("pipe-link"), fifo.getFileName());
        everyWriterRefuses(link, "not a regular file");
        assertThat(type(link, LinkOption.NOFOLLOW_LINKS)).isEqualTo("link");
    }

    @Test
    void aSymbolicLinkToDevNullIsRefusedAndStaysALink() throws IOException {
        database();
        Path link = Files.createSymbolicLink(dir.resolve("null-link"), Path.of("/dev/null"));
        everyWriterRefuses(link, "character device");
        assertThat(type(link, LinkOption.NOFOLLOW_LINKS)).isEqualTo("link");
        assertThat(type(Path.of("/dev/null"))).isEqualTo("character device");
    }

    /** A device node of this test's own (needs root): what happened to /dev/null, where nothing else can break. */
    @Test
    void aDeviceNodeIsRefusedAndStaysADevice() throws IOException {
        database();
        Path node = dir.resolve("null-device");
        assumeTrue(run("mknod", node.toString(), "c", "1", "3"), "mknod needs root");
        everyWriterRefuses(node, "character device");
        assertThat(type(node, LinkOption.NOFOLLOW_LINKS)).isEqualTo("character device");
    }

    @Test
    void devNullAndDevFullAreRefusedAndStayDevices() throws IOException {
        for (Path device : List.of(Path.of("/dev/null"), Path.of("/dev/full"))) {
            assumeTrue(Files.isWritable(device), device + " is not writable here");
        }
        database();
        // with root rights, first the same on a device node of our own: if the guard failed, only that node is lost
        Path node = dir.resolve("full-device");
        if (run("mknod", node.toString(), "c", "1", "7")) {
            everyWriterRefuses(node, "character device");
            assertThat(type(node, LinkOption.NOFOLLOW_LINKS)).isEqualTo("character device");
        }
        for (Path device : List.of(Path.of("/dev/null"), Path.of("/dev/full"))) {
            everyWriterRefuses(device, "character device");
            assertThat(type(device, LinkOption.NOFOLLOW_LINKS)).as(device.toString()).isEqualTo("character device");
        }
    }

    @Test
    void devStdoutOnAPipeIsRefusedAsNotARegularFileAndPointsToDashO() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/self/fd")), "no /proc here");
        database();
        String before = ContentSnapshot.of(db);
        // a real process, so that its standard output is a pipe and /dev/stdout leads to it (/proc/self/fd/1)
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.ipdesk.ui.Launcher", "--db", db.toString(),
                "export", "addresses", "--format", "csv", "-o", "/dev/stdout")
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(err).isEqualTo(1);
        assertThat(out).isEmpty();
        assertThat(err).isEqualTo("ipdesk: cannot write /dev/stdout: it leads to a pipe, socket or device, not a "
                + "regular file (for standard output give -o -)" + System.lineSeparator());
        assertThat(ContentSnapshot.of(db)).isEqualTo(before);
    }

    // ================================================================= what is written

    @Test
    void aSymbolicLinkToARegularFileIsWrittenThroughAndStaysALink() throws IOException {
        database();
        Path real = Files.writeString(dir.resolve("addresses.csv"), "yesterday");
        Path link = Files.createSymbolicLink(dir.resolve("latest.csv"), real.getFileName());
        cli.ok("export", "addresses", "--format", "csv", "-o", link.toString());
        assertThat(type(link, LinkOption.NOFOLLOW_LINKS)).isEqualTo("link");
        assertThat(Files.readString(real)).startsWith("ip,subnet,network").contains("web-03");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void anExistingRegularFileIsStillReplacedWhole() throws IOException {
        database();
        Path target = Files.writeString(dir.resolve("addresses.csv"), "yesterday");
        assertThat(cli.ok("export", "addresses", "--format", "csv", "-o", target.toString()).out())
                .startsWith("Wrote 3 addresses");
        assertThat(Files.readString(target)).startsWith("ip,subnet,network");
        Path copy = Files.writeString(dir.resolve("notes.txt"), "not a database");
        assertThat(cli.ok("backup", copy.toString()).out()).startsWith("Backed up");
        assertThat(new Cli(copy).ok("network", "list").out()).contains("hq");
    }

    @Test
    void dashOWritesTheCsvToStandardOutputByteForByte() throws IOException {
        database();
        Path file = dir.resolve("addresses.csv");
        Cli.Result toFile = cli.ok("export", "addresses", "--format", "csv", "-o", file.toString());
        assertThat(toFile.out()).startsWith("Wrote 3 addresses");
        Cli.Result toStdout = cli.ok("export", "addresses", "--format", "csv", "-o", "-");
        assertThat(toStdout.out().getBytes(StandardCharsets.UTF_8)).isEqualTo(Files.readAllBytes(file));
        assertThat(toStdout.err()).startsWith("Wrote 3 addresses (csv) to standard output");
        assertThat(Path.of("-")).as("no file named '-'").doesNotExist();
    }

    @Test
    void dashOWritesTheUsageReportToStandardOutput() throws IOException {
        database();
        Path file = dir.resolve("usage.json");
        cli.ok("report", "usage", "--format", "json", "-o", file.toString());
        Cli.Result toStdout = cli.ok("report", "usage", "--format", "json", "-o", "-");
        // the report carries the time it was made: compare all but that
        String stdout = toStdout.out().replaceAll("\"generated_at\" *: *\"[^\"]*\"", "T");
        String written = Files.readString(file).replaceAll("\"generated_at\" *: *\"[^\"]*\"", "T");
        assertThat(stdout).isEqualTo(written);
        assertThat(toStdout.err()).startsWith("Wrote the usage report (json, 1 subnet) to standard output");
        assertThat(Path.of("-")).doesNotExist();
    }

    @Test
    void binaryFormatsGoToStandardOutputOnlyWhenItIsNotATerminal() {
        database();
        for (String[] args : List.of(new String[] {"export", "addresses", "--format", "xlsx", "-o", "-"},
                new String[] {"report", "usage", "--format", "xlsx", "-o", "-"},
                new String[] {"report", "usage", "--format", "pdf", "-o", "-"})) {
            Cli.Bytes terminal = cli.runOn(true, args);
            assertThat(terminal.code()).as(String.join(" ", args)).isEqualTo(1);
            assertThat(terminal.out()).isEmpty();
            assertThat(terminal.err()).startsWith("ipdesk: refusing to write ").contains("to the terminal")
                    .hasLineCount(1);

            Cli.Bytes piped = cli.runOn(false, args);
            assertThat(piped.code()).as(String.join(" ", args) + piped.err()).isZero();
            byte[] magic = args[3].equals("pdf") ? "%PDF".getBytes(StandardCharsets.US_ASCII) : new byte[] {'P', 'K'};
            assertThat(piped.out()).startsWith(magic);
            assertThat(piped.err()).startsWith("Wrote ").contains("to standard output");
        }
        Cli.Bytes csv = cli.runOn(true, "export", "addresses", "--format", "csv", "-o", "-");
        assertThat(csv.code()).as("text goes to a terminal").isZero();
        assertThat(new String(csv.out(), StandardCharsets.UTF_8)).startsWith("ip,subnet,network");
    }
}
