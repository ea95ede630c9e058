package org.ipdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.util.Locale;
import org.ipdesk.model.AddressCounts;
import org.ipdesk.store.DatabaseCopy;
import org.ipdesk.store.FileLocation;
import org.ipdesk.store.Location;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ipdesk copy [--from LOCATION] --to LOCATION}: a whole database into an empty one, all or nothing. */
@Command(name = "copy", mixinStandardHelpOptions = true,
        description = {"Copies a whole database into an empty one: every network, subnet, range and address, the free "
                + "space and the change log, with the same ids and times. LOCATION is a database file or a team "
                + "database (postgresql://[user@]host[:port]/dbname). The target must be a new file, or an IPDesk "
                + "database that holds nothing; a target that holds networks or changes is refused and left as it "
                + "was. All or nothing: when the copy fails, no new file is left behind and an existing target is "
                + "unchanged. The source is never changed. A long copy says how far it is on the error stream "
                + "every 100,000 rows."})
final class CopyCommand extends CliCommand {
    /** A line on the error stream each time this many more rows are copied, so a long copy shows it is going on. */
    static final long PROGRESS_STEP = 100_000;

    @Option(names = "--from", paramLabel = "LOCATION",
            description = "The database to copy. Default: the global --db, or the default database.")
    String from;

    @Option(names = "--to", paramLabel = "LOCATION", required = true,
            description = "Where to copy it: a new file (its folder must exist), an empty IPDesk database, or an "
                    + "empty team database.")
    String to;

    @Override
    void execute() {
        Location source = from == null ? database() : location("--from", from);
        Location target = location("--to", to);
        if (source instanceof FileLocation file && !Files.exists(file.file(), LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("cannot copy from " + source + ": there is no database at "
                    + file.file().toAbsolutePath().normalize() + "; check " + (from == null ? "--db (or give --from)"
                    : "--from"));
        }
        long started = System.nanoTime();
        PrintWriter err = spec.commandLine().getErr();
        long[] shown = {0};
        DatabaseCopy.Copied copied = DatabaseCopy.copy(source, target, credentials(), () -> false, (done, total) -> {
            if (done / PROGRESS_STEP > shown[0] / PROGRESS_STEP && done < total) {
                shown[0] = done;
                err.printf(Locale.ROOT, "  copied %,d of %,d rows%n", done, total);
                err.flush();
            }
        });
        say(String.format(Locale.ROOT, "Copied %s, %s, %s, %s, %s from %s to %s in %.1f s",
                AddressCounts.counted(copied.networks(), "network"), AddressCounts.counted(copied.subnets(), "subnet"),
                AddressCounts.counted(copied.addresses(), "address"), AddressCounts.counted(copied.ranges(), "range"),
                AddressCounts.counted(copied.changes(), "change"), source, target,
                (System.nanoTime() - started) / 1e9));
    }

    /** {@code text} as a location, or a refusal that names the option and what is wrong with it. */
    private static Location location(String option, String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException(option + " is empty; give a database file or a postgresql:// URL");
        }
        try {
            Location location = Location.parse(text);
            if (location instanceof FileLocation file && file.file().getFileName() == null) {
                throw new IllegalArgumentException(option + " '" + text + "' names no file; give a database file");
            }
            return location;
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is not a valid file name: " + e.getReason(), e);
        }
    }
}
