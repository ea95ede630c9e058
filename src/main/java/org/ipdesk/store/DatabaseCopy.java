package org.ipdesk.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.ipdesk.address.IpRange;
import org.ipdesk.model.Address;
import org.ipdesk.model.AddressCounts;
import org.ipdesk.model.AddressRange;
import org.ipdesk.model.Change;
import org.ipdesk.model.Network;
import org.ipdesk.model.Subnet;

/**
 * Copies a whole IPDesk database into an empty one, whatever the two engines (SQLite file to PostgreSQL server and
 * back): every network, subnet (with its parent), range, address (with its created and updated times), free extent
 * and change-log row, each with its own id, so that everything that refers to an id matches. It speaks only
 * {@link Database} and {@link Session}.
 * <p>
 * All or nothing: the source is read in one read transaction and the target written in one write transaction, which
 * a failure or a cancel rolls back whole. A target that already holds networks or changes is refused and left as it
 * was. A target file that does not exist yet is written as a temporary file beside it and moved into place only when
 * the copy is complete, so a failed or cancelled copy leaves no file behind, nor does a process stopped midway
 * (Ctrl+C, a shutdown: a shutdown hook deletes the unfinished copy; only a process killed outright leaves it, as a
 * hidden temporary file beside the target).
 */
public final class DatabaseCopy {
    /** Rows written per batch; cancellation is asked and progress told between batches. */
    static final int BATCH = 1000;

    /** Told how far a copy is: {@code done} of {@code total} rows (networks, subnets, ranges, addresses, changes). */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> { };

        void update(long done, long total);
    }

    /** What a copy wrote: how many rows of each kind. Free extents are not part of {@link #rows()}. */
    public record Copied(long networks, long subnets, long ranges, long addresses, long extents, long changes) {
        /** The rows that progress counts: networks, subnets, ranges, addresses and changes. */
        public long rows() {
            return networks + subnets + ranges + addresses + changes;
        }
    }

    private DatabaseCopy() {
    }

    /**
     * Copies the database at {@code from} into the one at {@code to}: a file that does not exist yet, an empty IPDesk
     * database file, or an empty team database (its schema made, nothing in it). The source must be an IPDesk
     * database; the two must not be the same database. {@code cancelled} is asked between batches: a cancel throws a
     * {@link CancellationException} and nothing is written. Refusals are {@link StoreException}s naming the problem.
     */
    public static Copied copy(Location from, Location to, Credentials credentials, BooleanSupplier cancelled,
                              Progress progress) {
        sameDatabase(from, to).ifPresent(why -> {
            throw new StoreException("cannot copy " + from + " to " + to + ": " + why
                    + "; give another target");
        });
        try (Database source = Database.open(from, OpenMode.EXISTING, credentials)) {
            return copy(source, to, credentials, cancelled, progress);
        }
    }

    /**
     * Copies the open database {@code source} (the window's, say) into the one at {@code to}, as
     * {@link #copy(Location, Location, Credentials, BooleanSupplier, Progress)} does; {@code source} stays open.
     */
    public static Copied copy(Database source, Location to, Credentials credentials, BooleanSupplier cancelled,
                              Progress progress) {
        sameDatabase(source.location(), to).ifPresent(why -> {
            throw new StoreException("cannot copy " + source.location() + " to " + to + ": " + why
                    + "; give another target");
        });
        if (to instanceof FileLocation file && !Files.exists(file.file(), LinkOption.NOFOLLOW_LINKS)) {
            return toNewFile(source, file.file(), cancelled, progress);
        }
        Database target;
        try {
            // an empty database on a server gets IPDesk's tables first (as a desk's new file does): copying a desk
            // onto a database just made with createdb is the first thing a team does; another program's tables are
            // still refused
            target = Database.open(to, to instanceof ServerLocation ? OpenMode.CREATE : OpenMode.EXISTING, credentials);
        } catch (StoreException e) {
            throw new StoreException("cannot copy to " + to + ": " + e.getMessage() + (to instanceof FileLocation
                    ? "; the target must be a new file or an empty IPDesk database" : ""), e);
        }
        try (target) {
            return copy(source, target, to, cancelled, progress);
        }
    }

    /**
     * Copies {@code source} into {@code target}, which must hold no networks and no changes, in one write
     * transaction on the target inside one read transaction on the source. {@code shownAs} is how messages name
     * the target.
     */
    public static Copied copy(Database source, Database target, Location shownAs, BooleanSupplier cancelled,
                              Progress progress) {
        return source.read(from -> target.write(to -> new Run(from, to, shownAs, cancelled, progress).copy()));
    }

    /** Why {@code from} and {@code to} are one database, if they are: the same path, file or server database. */
    static Optional<String> sameDatabase(Location from, Location to) {
        if (from instanceof FileLocation a && to instanceof FileLocation b) {
            Path left = a.file().toAbsolutePath().normalize();
            Path right = b.file().toAbsolutePath().normalize();
            if (left.equals(right)) {
                return Optional.of("they are the same file");
            }
            try {
                if (Files.exists(left) && Files.exists(right) && Files.isSameFile(left, right)) {
                    return Optional.of("they are the same file (through a link)");
                }
            } catch (IOException e) {
                // cannot tell: opening will say what is wrong with either
            }
        }
        if (from instanceof ServerLocation a && to instanceof ServerLocation b
                && a.host().toLowerCase(Locale.ROOT).equals(b.host().toLowerCase(Locale.ROOT))
                && a.port() == b.port() && a.database().equals(b.database())) {
            return Optional.of("they are the same database on the same server");
        }
        return Optional.empty();
    }

    /**
     * Writes the copy to a temporary file beside {@code file} (owner-only, as every new database) and moves it into
     * place once it is complete and closed; any failure or cancel deletes the temporary file and its companions.
     */
    private static Copied toNewFile(Database source, Path file, BooleanSupplier cancelled, Progress progress) {
        Path real = OutputTargets.check(file);
        Path temporary = null;
        Thread onExit = null;
        try {
            temporary = OutputTargets.temporaryBeside(real, ".tmp");
            // the process stopped midway (Ctrl+C, a shutdown): the unfinished copy goes too
            Path unfinished = temporary;
            onExit = new Thread(() -> deleteWithCompanions(unfinished), "delete an unfinished copy");
            Runtime.getRuntime().addShutdownHook(onExit);
            Copied copied;
            try (Database target = Database.open(Location.of(temporary), OpenMode.CREATE)) {
                copied = copy(source, target, Location.of(file), cancelled, progress);
            }
            OutputTargets.check(file);
            Files.move(temporary, real);
            temporary = null;
            return copied;
        } catch (FileAlreadyExistsException e) {
            throw new StoreException("cannot copy to " + file + ": another program created it while the copy ran; "
                    + "nothing was written to it", e);
        } catch (IOException e) {
            throw new StoreException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            if (temporary != null) {
                deleteWithCompanions(temporary);
            }
            if (onExit != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(onExit);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs anyway, and finds nothing more to delete
                }
            }
        }
    }

    private static void deleteWithCompanions(Path file) {
        for (String part : List.of("", "-wal", "-shm", "-journal")) {
            try {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + part));
            } catch (IOException ignored) {
                // best effort: the copy failed already, and that is what is reported
            }
        }
    }

    /** One copy: the source's and the target's sessions, the counts so far. */
    private static final class Run {
        private final Session from;
        private final Session to;
        private final Location shownAs;
        private final BooleanSupplier cancelled;
        private final Progress progress;
        private long done;
        private long total;

        Run(Session from, Session to, Location shownAs, BooleanSupplier cancelled, Progress progress) {
            this.from = from;
            this.to = to;
            this.shownAs = shownAs;
            this.cancelled = cancelled;
            this.progress = progress;
        }

        Copied copy() {
            refuseUnlessEmpty();
            List<Network> networks = from.networks();
            // a parent's prefix is always shorter than its child's, so parents go in first
            List<Subnet> subnets = from.subnets().stream()
                    .sorted(Comparator.comparingInt((Subnet s) -> s.cidr().prefixLength()).thenComparingLong(Subnet::id))
                    .toList();
            List<List<AddressRange>> ranges = subnets.stream().map(s -> from.ranges(s.id())).toList();
            long rangeCount = ranges.stream().mapToLong(List::size).sum();
            long addressCount = from.countAllAddresses();
            long changeCount = from.countChanges(ALL_CHANGES);
            total = networks.size() + subnets.size() + rangeCount + addressCount + changeCount;
            progress.update(0, total);

            for (Network network : networks) {
                to.copyNetwork(network);
            }
            advance(networks.size());
            for (Subnet subnet : subnets) {
                to.copySubnet(subnet);
            }
            advance(subnets.size());
            long extents = 0;
            long addresses = 0;
            for (int i = 0; i < subnets.size(); i++) {
                long subnetId = subnets.get(i).id();
                for (AddressRange range : ranges.get(i)) {
                    to.copyRange(range);
                }
                advance(ranges.get(i).size());
                List<IpRange> free = from.extents(subnetId);
                for (int start = 0; start < free.size(); start += BATCH) {
                    to.copyExtents(subnetId, free.subList(start, Math.min(free.size(), start + BATCH)));
                    checkCancelled();
                }
                extents += free.size();
                List<Address> held = from.addresses(subnetId);
                for (int start = 0; start < held.size(); start += BATCH) {
                    List<Address> batch = held.subList(start, Math.min(held.size(), start + BATCH));
                    to.copyAddresses(batch);
                    advance(batch.size());
                }
                addresses += held.size();
            }
            long changes = copyChanges();
            copyObservations();
            from.zoneSerials().forEach(z -> to.storeZoneSerial(z.zone(), z.serial(), z.writtenAt()));
            to.continueIdsAfterCopy();
            checkCancelled();
            Copied copied = new Copied(networks.size(), subnets.size(), rangeCount, addresses, extents, changes);
            if (copied.rows() != total) {
                // one read transaction is one snapshot, so only an engine that breaks that can get here
                throw new StoreException("cannot copy to " + shownAs + ": " + copied.rows() + " rows were read but "
                        + total + " counted in the source; nothing was written");
            }
            return copied;
        }

        private long copyChanges() {
            List<Change> batch = new ArrayList<>(BATCH);
            long[] copied = {0};
            from.forEachChange(change -> {
                batch.add(change);
                if (batch.size() == BATCH) {
                    to.copyChanges(batch);
                    copied[0] += batch.size();
                    advance(batch.size());
                    batch.clear();
                }
            });
            to.copyChanges(batch);
            copied[0] += batch.size();
            advance(batch.size());
            return copied[0];
        }

        /** What the network was seen to use, the MAC history and the ignored findings, as they are. */
        private void copyObservations() {
            List<IpRange> spaces = List.of(
                    new IpRange(org.ipdesk.address.Ip.parse("0.0.0.0"), org.ipdesk.address.Ip.parse("255.255.255.255")),
                    new IpRange(org.ipdesk.address.Ip.parse("::"),
                            org.ipdesk.address.Ip.parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")));
            for (IpRange space : spaces) {
                to.copyObservations(from.observationsIn(space), from.macSightingsIn(space),
                        from.ignoredFindingsIn(space));
                checkCancelled();
            }
        }

        private void refuseUnlessEmpty() {
            int networks = to.networks().size();
            long changes = to.countChanges(ALL_CHANGES);
            if (networks > 0 || changes > 0) {
                throw new StoreException("cannot copy to " + shownAs + ": it already holds "
                        + AddressCounts.counted(networks, "network") + " and " + AddressCounts.counted(changes, "change")
                        + "; the target must be empty (a new file, or an IPDesk database with nothing in it); it was "
                        + "left unchanged");
            }
        }

        private void advance(long rows) {
            done += rows;
            progress.update(done, total);
            checkCancelled();
        }

        private void checkCancelled() {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("the copy was cancelled; nothing was written to " + shownAs);
            }
        }
    }

    private static final Session.ChangeQuery ALL_CHANGES = new Session.ChangeQuery(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
}
