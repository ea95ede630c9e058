package org.ipdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ipdesk.store.ExternalCommands.run;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import org.assertj.core.api.AbstractThrowableAssert;
import org.ipdesk.store.OutputTargets.IfDatabase;
import org.ipdesk.store.TargetRefusedException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guard of every file IPDesk writes, on its own and in {@link Database#backup}. */
class OutputTargetsTest {
    @TempDir
    Path dir;

    private static AbstractThrowableAssert<?, ? extends Throwable> refused(Path target, IfDatabase ifDatabase,
                                                                         Reason reason) {
        return assertThatThrownBy(() -> OutputTargets.check(target, ifDatabase))
                .isInstanceOfSatisfying(TargetRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.target()).isEqualTo(target);
                })
                .hasMessageStartingWith("cannot write " + target + ": ");
    }

    private Path database(String name) {
        Path file = dir.resolve(name);
        Database.open(file).close();
        return file;
    }

    @Test
    void anOpenDatabaseItsPartsAndItsLinksAreRefusedWhileItIsOpen() throws IOException {
        Path file = dir.resolve("live.db");
        Path link = dir.resolve("link.db");
        Path hard = dir.resolve("hard.db");
        try (Database db = Database.open(file)) {
            Files.createSymbolicLink(link, file.getFileName());
            Files.createLink(hard, file);
            for (IfDatabase ifDatabase : IfDatabase.values()) {
                refused(file, ifDatabase, Reason.OPEN_DATABASE).hasMessageContaining("it is the open database");
                refused(link, ifDatabase, Reason.OPEN_DATABASE)
                        .hasMessageContaining("it leads to " + file.toRealPath() + ", which is the open database");
                refused(hard, ifDatabase, Reason.OPEN_DATABASE)
                        .hasMessageContaining("the same file as the open database");
                for (String part : new String[] {"-wal", "-shm", "-journal"}) {
                    refused(dir.resolve("live.db" + part), ifDatabase, Reason.OPEN_DATABASE)
                            .hasMessageContaining("the " + part + " file of the open database");
                    // named after a link to the database: not SQLite's name for it, but refused all the same
                    refused(dir.resolve("link.db" + part), ifDatabase, Reason.DATABASE_PART);
                }
            }
        }
        // closed: an SQLite file like any other, which a caller may replace when the user asked
        refused(file, IfDatabase.REFUSE, Reason.DATABASE).hasMessageContaining("it is an SQLite database");
        assertThat(OutputTargets.check(file, IfDatabase.REPLACE)).isEqualTo(file.toRealPath());
    }

    @Test
    void aDatabaseOpenedThroughALinkIsKnownByItsRealFile() throws IOException {
        Path file = database("live.db");
        Path link = Files.createSymbolicLink(dir.resolve("link.db"), file.getFileName());
        try (Database db = Database.open(link)) {
            refused(file, IfDatabase.REPLACE, Reason.OPEN_DATABASE);
            refused(link, IfDatabase.REPLACE, Reason.OPEN_DATABASE);
            refused(dir.resolve("live.db-wal"), IfDatabase.REPLACE, Reason.OPEN_DATABASE);
            refused(dir.resolve("link.db-wal"), IfDatabase.REPLACE, Reason.OPEN_DATABASE);
        }
    }

    @Test
    void anotherDatabaseIsReplacedOnlyWhenAskedAndItsPartsNever() throws IOException {
        Path other = database("other.db");
        refused(other, IfDatabase.REFUSE, Reason.DATABASE);
        assertThat(OutputTargets.check(other, IfDatabase.REPLACE)).isEqualTo(other.toRealPath());
        for (String part : new String[] {"-wal", "-shm", "-journal"}) {
            refused(dir.resolve("other.db" + part), IfDatabase.REPLACE, Reason.DATABASE_PART)
                    .hasMessageContaining("the " + part + " file of the SQLite database " + other.toRealPath());
        }
        // changes of another program still in its -wal: replacing the file under them would damage it
        Files.writeString(dir.resolve("other.db-wal"), "frames");
        refused(other, IfDatabase.REPLACE, Reason.DATABASE).hasMessageContaining("other.db-wal");
        // a text file that happens to end in -wal is an ordinary file
        Files.writeString(dir.resolve("notes.txt"), "text");
        assertThat(OutputTargets.check(dir.resolve("notes.txt-wal")))
                .isEqualTo(dir.toRealPath().resolve("notes.txt-wal"));
    }

    @Test
    void onlyRegularFilesInExistingFoldersAreWritten() throws IOException {
        refused(dir, IfDatabase.REPLACE, Reason.FOLDER).hasMessageEndingWith("it is a folder; give a file name");
        refused(dir.resolve("missing/out.csv"), IfDatabase.REPLACE, Reason.MISSING_FOLDER)
                .hasMessageContaining("the folder " + dir.resolve("missing") + " does not exist");
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("nowhere"));
        refused(dangling, IfDatabase.REPLACE, Reason.NOT_A_REGULAR_FILE).hasMessageContaining("does not exist");
        Path toFolder = Files.createSymbolicLink(dir.resolve("folder-link"), dir);
        refused(toFolder, IfDatabase.REPLACE, Reason.FOLDER).hasMessageContaining("it leads to");
        if (Files.exists(Path.of("/dev/null"))) {
            refused(Path.of("/dev/null"), IfDatabase.REPLACE, Reason.NOT_A_REGULAR_FILE)
                    .hasMessageEndingWith("it is a character device, not a regular file");
        }
    }

    @Test
    void aNameNearTheFileSystemsLimitIsWrittenAndOneOverItIsRefusedBeforeAnyWork() throws IOException {
        // 250 bytes: the file system takes it; a temporary file named after all of it would not
        Path nearLimit = dir.resolve("b".repeat(246) + ".pdf");
        Path real = OutputTargets.check(nearLimit);
        Path temporary = OutputTargets.temporaryBeside(real, ".part");
        assertThat(temporary.getParent()).isEqualTo(real.getParent());
        assertThat(temporary.getFileName().toString()).startsWith("." + "b".repeat(100) + ".").endsWith(".part");
        Files.writeString(temporary, "report");
        OutputTargets.moveIntoPlace(temporary, nearLimit, IfDatabase.REFUSE);
        assertThat(nearLimit).hasContent("report");
        // whole characters only: 60 two-byte letters keep 50 of them (100 bytes)
        Path letters = OutputTargets.temporaryBeside(dir.resolve("\u00e9".repeat(60) + ".csv"), ".part");
        assertThat(letters.getFileName().toString()).startsWith("." + "\u00e9".repeat(50) + ".");
        Files.delete(letters);

        Path over = dir.resolve("c".repeat(300) + ".pdf");
        refused(over, IfDatabase.REFUSE, Reason.NAME_TOO_LONG)
                .hasMessageEndingWith("its name is 304 bytes long; file systems take at most 255");
        // 128 three-byte characters: 384 bytes, over the limit in UTF-8 though 128 characters
        refused(dir.resolve("\u20ac".repeat(128)), IfDatabase.REFUSE, Reason.NAME_TOO_LONG);
        assertThat(dir).isDirectoryNotContaining(path -> path.getFileName().toString().startsWith(".c"));
    }

    @Test
    void aFifoIsRefusedWithoutBeingOpened() {
        Path fifo = dir.resolve("pipe");
        assumeTrue(run("mkfifo", fifo.toString()), "mkfifo is not available");
        // opening a fifo to read its first bytes would wait for a writer forever
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            refused(fifo, IfDatabase.REPLACE, Reason.NOT_A_REGULAR_FILE).hasMessageContaining("named pipe");
        });
    }

    @Test
    void aLinkToARegularFileLeadsToThatFile() throws IOException {
        Path file = Files.writeString(dir.resolve("report.csv"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("latest.csv"), file.getFileName());
        assertThat(OutputTargets.check(link)).isEqualTo(file.toRealPath());
        assertThat(OutputTargets.check(dir.resolve("new.csv"))).isEqualTo(dir.toRealPath().resolve("new.csv"));
        assertThat(OutputTargets.check(Files.createFile(dir.resolve("empty.csv")))).isNotNull();
    }

    @Test
    void moveIntoPlaceChecksAgain() throws IOException {
        Path temporary = Files.writeString(dir.resolve(".new.tmp"), "new");
        Path other = database("other.db");
        byte[] before = Files.readAllBytes(other);
        assertThatThrownBy(() -> OutputTargets.moveIntoPlace(temporary, other, IfDatabase.REFUSE))
                .isInstanceOf(TargetRefusedException.class);
        assertThat(Files.readAllBytes(other)).isEqualTo(before);
        Path target = dir.resolve("out.csv");
        OutputTargets.moveIntoPlace(temporary, target, IfDatabase.REFUSE);
        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(temporary).doesNotExist();
    }

    // ================================================================= backup

    @Test
    void aBackupReplacesAnOlderBackupOnlyWhenAsked() throws IOException {
        Path older = database("older.db");
        byte[] before = Files.readAllBytes(older);
        try (Database db = Database.open(dir.resolve("live.db"))) {
            assertThatThrownBy(() -> db.backup(older, IfDatabase.REFUSE)).isInstanceOf(TargetRefusedException.class)
                    .hasMessageContaining("it is an SQLite database");
            assertThat(Files.readAllBytes(older)).isEqualTo(before);
            db.backup(older, IfDatabase.REPLACE);
        }
        assertThat(Files.readAllBytes(older)).isNotEqualTo(before);
        Database.open(older).close();
    }

    @Test
    void aBackupNeverWritesTheOpenDatabasesPartsNorSpecialFiles() throws IOException {
        Path file = dir.resolve("live.db");
        try (Database db = Database.open(file)) {
            assertThatThrownBy(() -> db.backup(dir.resolve("live.db-wal"), IfDatabase.REPLACE))
                    .isInstanceOf(TargetRefusedException.class).hasMessageContaining("open database");
            assertThatThrownBy(() -> db.backup(dir, IfDatabase.REPLACE)).hasMessageContaining("it is a folder");
            assertThatThrownBy(() -> db.backup(dir.resolve("missing/copy.db"), IfDatabase.REPLACE))
                    .hasMessageContaining("does not exist");
            Path link = Files.createSymbolicLink(dir.resolve("null-link"), Path.of("/dev/null"));
            assertThatThrownBy(() -> db.backup(link, IfDatabase.REPLACE)).hasMessageContaining("not a regular file");
            assertThat(Files.isSymbolicLink(link)).isTrue();
            // a name that only starts like the database's is an ordinary new file
            db.backup(dir.resolve("live.db-2024-01-01"), IfDatabase.REFUSE);
        }
        assertThat(dir.resolve("missing")).doesNotExist();
        assertThat(Files.readAllBytes(dir.resolve("live.db-2024-01-01")))
                .startsWith("SQLite format 3".getBytes(StandardCharsets.US_ASCII));
        assertThat(Files.isRegularFile(dir.resolve("live.db-2024-01-01"), LinkOption.NOFOLLOW_LINKS)).isTrue();
    }
}
