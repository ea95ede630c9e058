package org.ipdesk.cli;

import java.nio.file.Path;
import org.ipdesk.allocator.Allocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ipdesk backup FILE}: a consistent copy of a live database. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Writes a consistent copy of the database to FILE with SQLite's online backup, also while "
                + "IPDesk or another program is writing to it. The copy has owner-only permissions and opens as an "
                + "IPDesk database; an existing FILE is replaced. The database itself is refused as FILE."})
final class BackupCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "Where to write the copy.")
    Path target;

    @Override
    void execute() {
        try (Allocator allocator = openAllocator()) {
            long started = System.nanoTime();
            allocator.backup(target);
            out().printf("Backed up %s to %s (%,d addresses) in %.1f s%n", allocator.file(),
                    target.toAbsolutePath().normalize(), allocator.addressCount(), (System.nanoTime() - started) / 1e9);
        }
    }
}
