package org.ipdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.SampleData;
import org.ipdesk.model.Address;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressRange;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DatabaseCopy} of the sample data plus a generated /16 (thousands of addresses, nested subnets, ranges, ids
 * with gaps, a long change log): the same records, row by row; refusals and failures leave nothing behind. The
 * target is made by {@link #target(String)} alone, so this class runs against another engine by changing that method.
 */
class DatabaseCopyTest {
    @TempDir
    static Path shared;
    @TempDir
    Path dir;

    /** The filled source database, made once. */
    private static Path source;

    @BeforeAll
    static void fillSource() {
        source = shared.resolve("source.db");
        fill(source);
    }

    /** The sample data plus a /16 with 5,000 addresses, nested subnets, ranges, releases and edits. */
    static void fill(Path file) {
        try (Allocator a = Allocator.open(Location.of(file))) {
            SampleData.create(a);
            a.createNetwork("lab", "Generated: a /16 with thousands of addresses");
            Subnet big = a.createSubnet("lab", new SubnetSpec(Cidr.parse("10.99.0.0/16"), "Lab", "the whole lab",
                    OptionalInt.of(42), Optional.of(Ip.parse("10.99.0.1"))));
            a.createSubnet("lab", SubnetSpec.of(Cidr.parse("10.99.16.0/20")));
            Subnet leaf = a.createSubnet("lab", SubnetSpec.of(Cidr.parse("10.99.17.0/24")));
            a.addRange(big.id(), Ip.parse("10.99.200.0"), Ip.parse("10.99.200.255"), RangeKind.DHCP, "pool");
            AddressRange gone = a.addRange(big.id(), Ip.parse("10.99.201.0"), Ip.parse("10.99.201.15"),
                    RangeKind.RESERVED, "");
            a.deleteRange(gone.id());
            List<Address> block = a.allocateBlock(big.id(), 5000, AddressDetails.allocated("node"));
            a.allocateBlock(leaf.id(), 100, AddressDetails.allocated("leaf"));
            a.releaseAll(big.id(), block.subList(10, 60).stream().map(Address::ip).toList());
            a.update(big.id(), block.get(0).ip(), AddressDetails.allocated("node-renamed"));
            a.storeZoneSerial("lab.example.com", 2026112803L);
        }
    }

    /**
     * Where a copy goes: a database file that does not exist yet. For another engine, return an empty database of
     * that engine here (for a file, the same test asks again with {@code name}).
     */
    Location target(String name) {
        return Location.of(dir.resolve(name));
    }

    /** Every record as the store reads it back, ids and times included: what any two engines must agree on. */
    static List<String> records(Location location) {
        try (Database db = Database.open(location, OpenMode.EXISTING)) {
            return db.read(s -> {
                List<String> rows = new ArrayList<>();
                s.networks().forEach(n -> rows.add("network " + n));
                for (Subnet subnet : s.subnets()) {
                    rows.add("subnet " + subnet);
                    s.ranges(subnet.id()).forEach(r -> rows.add("range " + r));
                    s.extents(subnet.id()).forEach(e -> rows.add("extent " + subnet.id() + " " + e));
                    s.addresses(subnet.id()).forEach(a -> rows.add("address " + a));
                }
                s.forEachChange(c -> rows.add("change " + c));
                s.zoneSerials().forEach(z -> rows.add("zone " + z));
                return rows;
            });
        }
    }

    private static DatabaseCopy.Copied copy(Location from, Location to) {
        return DatabaseCopy.copy(from, to, Credentials.NONE, () -> false, DatabaseCopy.Progress.NONE);
    }

    @Test
    void aCopyHoldsTheSameRecordsIdsAndTimesIncluded() throws Exception {
        Location to = target("copy.db");
        List<Long> progress = new ArrayList<>();
        DatabaseCopy.Copied copied = DatabaseCopy.copy(Location.of(source), to, Credentials.NONE, () -> false,
                (done, total) -> {
                    progress.add(done);
                    assertThat(done).isLessThanOrEqualTo(total);
                });

        List<String> expected = records(Location.of(source));
        assertThat(records(to)).containsExactlyElementsOf(expected);
        assertThat(copied.networks()).isEqualTo(4);
        assertThat(copied.addresses()).isGreaterThan(5000);
        assertThat(copied.changes()).isGreaterThan(50);
        assertThat(copied.ranges()).isEqualTo(expected.stream().filter(r -> r.startsWith("range ")).count());
        assertThat(copied.extents()).isEqualTo(expected.stream().filter(r -> r.startsWith("extent ")).count());
        assertThat(progress).isSorted().last().isEqualTo(copied.rows());
        if (to instanceof FileLocation file) {
            assertThat(ContentSnapshot.records(file.file())).isEqualTo(ContentSnapshot.records(source));
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files).containsExactly(file.file());
            }
        }
    }

    @Test
    void thereAndBackGivesTheSameRowsAndTheCopyTakesNewWork() {
        Location there = target("there.db");
        copy(Location.of(source), there);
        Path back = dir.resolve("back.db");
        copy(there, Location.of(back));
        assertThat(ContentSnapshot.records(back)).isEqualTo(ContentSnapshot.records(source));

        try (Allocator a = Allocator.open(there, OpenMode.EXISTING)) {
            long highest = a.subnets().stream().mapToLong(Subnet::id).max().orElseThrow();
            Subnet added = a.createSubnet("lab", SubnetSpec.of(Cidr.parse("10.98.0.0/24")));
            assertThat(added.id()).isGreaterThan(highest);
            Subnet big = a.findSubnet(Cidr.parse("10.99.0.0/16"), Optional.empty());
            List<Address> held = a.addresses(big.id());
            long highestAddress = held.stream().mapToLong(Address::id).max().orElseThrow();
            Address next = a.allocateNext(big.id(), 1, org.ipdesk.allocator.Strategy.FIRST,
                    AddressDetails.allocated("new")).get(0);
            assertThat(next.id()).isGreaterThan(highestAddress);
            assertThat(held).extracting(Address::ip).doesNotContain(next.ip());
            assertThat(a.history("network", "lab", 10)).isNotEmpty();
        }
    }

    @Test
    void aTargetThatHoldsANetworkIsRefusedAndLeftUnchanged() {
        Path file = dir.resolve("busy.db");
        try (Allocator a = Allocator.open(Location.of(file))) {
            a.createNetwork("dc9", "");
        }
        String before = ContentSnapshot.of(file);
        assertThatThrownBy(() -> copy(Location.of(source), Location.of(file)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot copy to " + file)
                .hasMessageContaining("already holds 1 network and 1 change")
                .hasMessageContaining("left unchanged");
        assertThat(ContentSnapshot.of(file)).isEqualTo(before);
    }

    @Test
    void anEmptyIpdeskDatabaseTakesTheCopy() {
        Path file = dir.resolve("empty.db");
        Database.open(Location.of(file), OpenMode.CREATE).close();
        copy(Location.of(source), Location.of(file));
        assertThat(ContentSnapshot.records(file)).isEqualTo(ContentSnapshot.records(source));
    }

    @Test
    void aCancelAfterSomeRowsLeavesNoFileBehind() {
        Location to = target("cancelled.db");
        long[] seen = {0};
        assertThatThrownBy(() -> DatabaseCopy.copy(Location.of(source), to, Credentials.NONE,
                () -> seen[0] >= 3000, (done, total) -> seen[0] = done))
                .isInstanceOf(CancellationException.class)
                .hasMessage("the copy was cancelled; nothing was written to " + to);
        assertThat(seen[0]).isBetween(3000L, 4000L);
        if (to instanceof FileLocation file) {
            assertThat(file.file()).doesNotExist();
            assertThat(dir).isEmptyDirectory();
        }
    }

    @Test
    void aFailureInTheChangeLogLeavesAnEmptyTargetEmpty() {
        Path file = dir.resolve("empty.db");
        Database.open(Location.of(file), OpenMode.CREATE).close();
        String before = ContentSnapshot.of(file);
        assertThatThrownBy(() -> DatabaseCopy.copy(Location.of(source), Location.of(file), Credentials.NONE,
                () -> false, (done, all) -> {
                    if (done > all - 10) {
                        throw new IllegalStateException("disk full");
                    }
                }))
                .isInstanceOf(IllegalStateException.class).hasMessage("disk full");
        assertThat(ContentSnapshot.of(file)).isEqualTo(before);
    }

    @Test
    void theSameFileIsRefusedAlsoThroughALink() throws Exception {
        String before = ContentSnapshot.of(source);
        assertThatThrownBy(() -> copy(Location.of(source), Location.of(source)))
                .isInstanceOf(StoreException.class).hasMessageContaining("they are the same file");
        Path link = Files.createSymbolicLink(dir.resolve("link.db"), source);
        assertThatThrownBy(() -> copy(Location.of(source), Location.of(link)))
                .isInstanceOf(StoreException.class).hasMessageContaining("the same file (through a link)");
        assertThat(ContentSnapshot.of(source)).isEqualTo(before);
    }

    @Test
    void aMissingSourceIsRefusedAndNoTargetMade() {
        Path missing = dir.resolve("missing.db");
        Path to = dir.resolve("to.db");
        assertThatThrownBy(() -> copy(Location.of(missing), Location.of(to)))
                .isInstanceOf(StoreException.class).hasMessageContaining("there is no database at " + missing);
        assertThat(missing).doesNotExist();
        assertThat(to).doesNotExist();
    }

    @Test
    void aTargetThatIsNotAnIpdeskDatabaseIsRefusedAndLeftUnchanged() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "keep me\n");
        assertThatThrownBy(() -> copy(Location.of(source), Location.of(notes)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot copy to " + notes)
                .hasMessageContaining("not an IPDesk database")
                .hasMessageContaining("the target must be a new file or an empty IPDesk database");
        assertThat(notes).hasContent("keep me");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(notes);
        }
    }

    @Test
    void aTargetInAMissingFolderIsRefused() {
        Path to = dir.resolve("no-such-folder").resolve("copy.db");
        assertThatThrownBy(() -> copy(Location.of(source), Location.of(to)))
                .hasMessageContaining("does not exist; create it first");
        assertThat(to.getParent()).doesNotExist();
    }

    @Test
    void theSourcesWalFileIsNotATarget() {
        Path wal = Path.of(source + "-wal");
        assertThatThrownBy(() -> copy(Location.of(source), Location.of(wal)))
                .hasMessageContaining("cannot copy to " + wal);
        assertThat(ContentSnapshot.records(source)).contains("## network");
    }

    @Test
    void theSameTeamDatabaseIsRefusedBeforeConnecting() {
        assertThatThrownBy(() -> copy(Location.parse("postgresql://alice@DB.example/ipam"),
                Location.parse("postgresql://bob@db.example:5432/ipam?sslmode=require")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("they are the same database on the same server; give another target");
        assertThat(DatabaseCopy.sameDatabase(Location.parse("postgresql://db.example/ipam"),
                Location.parse("postgresql://db.example/ipam2"))).isEmpty();
        assertThat(DatabaseCopy.sameDatabase(Location.parse("postgresql://db.example/ipam"),
                Location.parse("postgresql://db.example:5433/ipam"))).isEmpty();
    }
}
