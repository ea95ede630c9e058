package org.ipdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.ipdesk.address.Cidr;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.Address;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.Subnet;
import org.ipdesk.store.postgres.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A desk's file copied to a team database on PostgreSQL and back ({@code ipdesk copy}): the same records, ids, times
 * and change log included, row by row; the team database then takes new work with new ids.
 */
class TeamCopyTest {
    @TempDir
    Path dir;

    private static DatabaseCopy.Copied copy(Location from, Location to) {
        return DatabaseCopy.copy(from, to, Credentials.NONE, () -> false, DatabaseCopy.Progress.NONE);
    }

    @Test
    void fileToTeamDatabaseAndBackGivesTheSameRowsRowByRow() {
        Path source = dir.resolve("desk.db");
        DatabaseCopyTest.fill(source);
        ServerLocation team = TestPostgres.freshIpdeskDatabase();

        DatabaseCopy.Copied there = copy(Location.of(source), team);
        Path back = dir.resolve("back.db");
        DatabaseCopy.Copied returned = copy(team, Location.of(back));

        assertThat(DatabaseCopyTest.records(team)).containsExactlyElementsOf(
                DatabaseCopyTest.records(Location.of(source)));
        assertThat(ContentSnapshot.records(back)).as("every SQLite row of the copy that came back")
                .isEqualTo(ContentSnapshot.records(source));
        assertThat(returned.rows()).isEqualTo(there.rows());
        assertThat(there.addresses()).isGreaterThan(5_000);
    }

    @Test
    void theTeamDatabaseTakesNewWorkWithNewIdsAfterACopy() {
        Path source = dir.resolve("desk.db");
        DatabaseCopyTest.fill(source);
        ServerLocation team = TestPostgres.freshIpdeskDatabase();
        copy(Location.of(source), team);

        try (Allocator allocator = Allocator.open(team, OpenMode.EXISTING)) {
            Subnet lab = allocator.findSubnet(Cidr.parse("10.99.0.0/16"), java.util.Optional.of("lab"));
            long highest = allocator.addresses(lab.id()).stream().mapToLong(Address::id).max().orElseThrow();
            Address next = allocator.allocateNext(lab.id(), 1, org.ipdesk.allocator.Strategy.FIRST,
                    AddressDetails.allocated("after-copy")).get(0);
            Subnet added = allocator.createSubnet("lab", org.ipdesk.model.SubnetSpec.of(Cidr.parse("10.98.0.0/24")));

            assertThat(next.id()).isGreaterThan(highest);
            assertThat(added.id()).isGreaterThan(lab.id());
        }
    }

    @Test
    void aTeamDatabaseThatHoldsANetworkIsRefusedAndLeftUnchanged() {
        Path source = dir.resolve("desk.db");
        DatabaseCopyTest.fill(source);
        ServerLocation team = TestPostgres.freshIpdeskDatabase();
        try (Allocator allocator = Allocator.open(team, OpenMode.EXISTING)) {
            allocator.createNetwork("theirs", "already here");
        }
        List<String> before = DatabaseCopyTest.records(team);

        assertThatThrownBy(() -> copy(Location.of(source), team)).hasMessageContaining("it already holds");
        assertThat(DatabaseCopyTest.records(team)).isEqualTo(before);
    }
}
