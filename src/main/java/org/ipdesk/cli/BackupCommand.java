package org.ipdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.AddressCounts;
import org.ipdesk.store.Backup;
import org.ipdesk.store.DatabaseCopy;
import org.ipdesk.store.Location;
import org.ipdesk.store.OutputTargets.IfDatabase;
import org.ipdesk.store.TargetRefusedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ipdesk backup FILE [--replace]}: a consistent copy of a live database (its engine's backup, or a whole copy
 * when it has none).
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Writes a consistent copy of the database to FILE with SQLite's online backup, also while "
                + "IPDesk or another program is writing to it. The copy has owner-only permissions and opens as an "
                + "IPDesk database. The database itself is refused as FILE, and so are its -wal and -shm files, "
                + "a folder, a device or a pipe; an existing database (an older backup) is replaced only with "
                + "--replace. A database without SQLite's online backup (a team database on a server) is copied "
                + "whole into FILE instead, as 'ipdesk copy' does, so that its backup opens on any desk without a "
                + "server; FILE must then be a new file (--replace does not apply), and the copy is all or nothing."})
final class BackupCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "Where to write the copy; its folder must exist.")
    Path target;

    @Option(names = "--replace", description = "Replace FILE when it is a database (an older backup).")
    boolean replace;

    @Override
    void execute() {
        try (Allocator allocator = openAllocator()) {
            backUp(allocator);
        }
    }

    /** Backs up the open {@code allocator}'s database: its engine's backup when it has one, else a whole copy. */
    void backUp(Allocator allocator) {
        long started = System.nanoTime();
        Optional<Backup> backup = allocator.backup();
        if (backup.isEmpty()) {
            copyInstead(allocator, started);
            return;
        }
        try {
            backup.get().to(target, replace ? IfDatabase.REPLACE : IfDatabase.REFUSE);
        } catch (TargetRefusedException e) {
            if (e.reason() == TargetRefusedException.Reason.DATABASE && !replace) {
                throw new IllegalArgumentException(e.getMessage() + ", or add --replace to overwrite an older "
                        + "backup", e);
            }
            throw e;
        }
        out().printf("Backed up %s to %s (%,d addresses) in %.1f s%n", allocator.location(),
                target.toAbsolutePath().normalize(), allocator.addressCount(), (System.nanoTime() - started) / 1e9);
    }

    /** The backup of a database without one of its own: the whole database copied into the new file {@code target}. */
    private void copyInstead(Allocator allocator, long started) {
        Path file = target.toAbsolutePath().normalize();
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("cannot back up " + allocator.location() + " to " + file + ": this "
                    + "database has no backup of its own, so it is copied whole, into a new file only; give a file "
                    + "that does not exist yet (--replace does not apply)");
        }
        PrintWriter err = spec.commandLine().getErr();
        long[] shown = {0};
        DatabaseCopy.Copied copied = allocator.copyTo(Location.of(file), credentials(), () -> false,
                (done, total) -> {
                    if (done / CopyCommand.PROGRESS_STEP > shown[0] / CopyCommand.PROGRESS_STEP && done < total) {
                        shown[0] = done;
                        err.printf(Locale.ROOT, "  copied %,d of %,d rows%n", done, total);
                        err.flush();
                    }
                });
        out().printf(Locale.ROOT, "Backed up %s to %s by copying it whole (%s, %s) in %.1f s%n",
                allocator.location(), file, AddressCounts.counted(copied.addresses(), "address"),
                AddressCounts.counted(copied.changes(), "change"), (System.nanoTime() - started) / 1e9);
    }
}
