package org.ipdesk.cli;

import java.nio.file.Path;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.store.Backup;
import org.ipdesk.store.OutputTargets.IfDatabase;
import org.ipdesk.store.ServerLocation;
import org.ipdesk.store.StoreException;
import org.ipdesk.store.TargetRefusedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ipdesk backup FILE [--replace]}: a consistent copy of a live database. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Writes a consistent copy of the database to FILE with SQLite's online backup, also while "
                + "IPDesk or another program is writing to it. The copy has owner-only permissions and opens as an "
                + "IPDesk database. The database itself is refused as FILE, and so are its -wal and -shm files, "
                + "a folder, a device or a pipe; an existing database (an older backup) is replaced only with "
                + "--replace.", "A team database (--db postgresql://...) is refused: back it up with the server's "
                + "own tools."})
final class BackupCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "Where to write the copy; its folder must exist.")
    Path target;

    @Option(names = "--replace", description = "Replace FILE when it is a database (an older backup).")
    boolean replace;

    @Override
    void execute() {
        if (database() instanceof ServerLocation server) {
            throw new IllegalArgumentException("ipdesk backup copies a database file with SQLite's online backup, and "
                    + server + " is a team database on a server: back it up with the server's own tools (pg_dump)");
        }
        try (Allocator allocator = openAllocator()) {
            Backup backup = allocator.backup().orElseThrow(
                    () -> new StoreException("cannot back up: " + Backup.unavailable(allocator.location())));
            long started = System.nanoTime();
            try {
                backup.to(target, replace ? IfDatabase.REPLACE : IfDatabase.REFUSE);
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
    }
}
