package org.ipdesk.allocator;

import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.Parameter;
import org.ipdesk.store.Engine;
import org.ipdesk.store.Location;
import org.ipdesk.store.OpenMode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ipdesk.allocator.AllocatorFixture.cidr;
import static org.ipdesk.allocator.AllocatorFixture.ip;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.ipdesk.allocator.AllocatorException.InvalidInput;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.Change;
import org.ipdesk.model.ChangeAction;
import org.ipdesk.model.ChangeFilter;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The History view's query: each filter, their combination, newest first, the limit and the count. */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class ChangeLogQueryTest {
    @Parameter
    Engine engine;

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path dir;
    /** The time the next change is written at; the tests move it. */
    Instant now = Instant.parse("2026-11-20T09:00:00Z");
    Allocator alice;
    Allocator bob;
    /** How the change log names them: the OS user on a file, the database login on a team database. */
    String aliceName;
    String bobName;
    Subnet lan;
    Subnet lan2;
    Subnet other;

    @BeforeEach
    void setUp() {
        Location file = engine.fresh(dir, "h");
        Database.open(file, OpenMode.CREATE).close();
        Engine.Desk aliceDesk = engine.desk(file, "alice");
        Engine.Desk bobDesk = engine.desk(file, "bob");
        aliceName = aliceDesk.who();
        bobName = bobDesk.who();
        alice = allocator(aliceDesk.location(), "alice");
        bob = allocator(bobDesk.location(), "bob");
        alice.createNetwork("dc1", "");
        alice.createNetwork("dc2", "");
        // a network whose name starts with another's: its keys must not pass for dc1's
        alice.createNetwork("dc1 annex", "");
        lan = alice.createSubnet("dc1", SubnetSpec.of(cidr("10.0.0.0/24")));
        lan2 = alice.createSubnet("dc2", SubnetSpec.of(cidr("10.0.0.0/24")));
        other = alice.createSubnet("dc1", SubnetSpec.of(cidr("10.0.1.0/24")));
        alice.createSubnet("dc1 annex", SubnetSpec.of(cidr("10.0.0.0/24")));
        alice.addRange(lan.id(), ip("10.0.0.100"), ip("10.0.0.199"), RangeKind.DHCP, "pool");
        alice.reserve(lan.id(), ip("10.0.0.5"), AddressDetails.allocated("web-01"));
        bob.reserve(lan2.id(), ip("10.0.0.5"), AddressDetails.allocated("web-02"));
        bob.reserve(lan.id(), ip("10.0.0.50"), AddressDetails.allocated("web-50"));
        bob.reserve(other.id(), ip("10.0.1.5"), AddressDetails.allocated("db-01"));
        bob.update(lan.id(), ip("10.0.0.5"), AddressDetails.allocated("web-01b"));
    }

    @AfterEach
    void tearDown() {
        alice.close();
        bob.close();
    }

    private Allocator allocator(Location file, String user) {
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        return new Allocator(Database.open(file, OpenMode.CREATE), clock, user, new Random(7));
    }

    private List<String> keys(ChangeFilter filter) {
        return alice.changes(filter, ZoneOffset.UTC, 100).stream().map(c -> c.objectType() + " " + c.objectKey()).toList();
    }

    @Test
    void noFilterListsEverythingNewestFirst() {
        List<Change> all = alice.changes(ChangeFilter.ANY, ZoneOffset.UTC, 100);

        assertThat(all).hasSize(13);
        assertThat(all).extracting(Change::id).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(all.get(0).action()).isEqualTo(ChangeAction.UPDATE);
        assertThat(all.get(all.size() - 1).objectKey()).isEqualTo("dc1");
        assertThat(alice.countChanges(ChangeFilter.ANY, ZoneOffset.UTC)).isEqualTo(13);
    }

    @Test
    void limitKeepsTheNewestAndCountCountsThemAll() {
        List<Change> first = alice.changes(ChangeFilter.ANY, ZoneOffset.UTC, 3);

        assertThat(first).extracting(Change::objectKey).containsExactly("10.0.0.0/24 in dc1 10.0.0.5",
                "10.0.1.0/24 in dc1 10.0.1.5", "10.0.0.0/24 in dc1 10.0.0.50");
        assertThat(alice.changes(ChangeFilter.ANY, ZoneOffset.UTC, 0)).isEmpty();
        assertThat(alice.countChanges(ChangeFilter.ANY.withUser(bobName), ZoneOffset.UTC)).isEqualTo(4);
    }

    @Test
    void subnetLabelMatchesTheSubnetItsRangesAndItsAddressesOnly() {
        assertThat(keys(ChangeFilter.ANY.withSubnet("10.0.0.0/24 in dc1"))).containsExactly(
                "address 10.0.0.0/24 in dc1 10.0.0.5",
                "address 10.0.0.0/24 in dc1 10.0.0.50",
                "address 10.0.0.0/24 in dc1 10.0.0.5",
                "range 10.0.0.0/24 in dc1 10.0.0.100-10.0.0.199",
                "subnet 10.0.0.0/24 in dc1");
        assertThat(keys(ChangeFilter.ANY.withSubnet("10.0.0.0/24 in dc1 annex")))
                .containsExactly("subnet 10.0.0.0/24 in dc1 annex");
        assertThat(keys(ChangeFilter.ANY.withSubnet("10.0.0.0/24 in nowhere"))).isEmpty();
    }

    @Test
    void subnetCidrMatchesThatBlockInEveryNetwork() {
        assertThat(keys(ChangeFilter.ANY.withSubnet(" 10.0.0.0/24 "))).containsExactly(
                "address 10.0.0.0/24 in dc1 10.0.0.5",
                "address 10.0.0.0/24 in dc1 10.0.0.50",
                "address 10.0.0.0/24 in dc2 10.0.0.5",
                "address 10.0.0.0/24 in dc1 10.0.0.5",
                "range 10.0.0.0/24 in dc1 10.0.0.100-10.0.0.199",
                "subnet 10.0.0.0/24 in dc1 annex",
                "subnet 10.0.0.0/24 in dc2",
                "subnet 10.0.0.0/24 in dc1");
        assertThat(keys(ChangeFilter.ANY.withSubnet("10.0.0.0/8"))).isEmpty();
        assertThat(keys(ChangeFilter.ANY.withSubnet("10.0.1.0/24"))).containsExactly(
                "address 10.0.1.0/24 in dc1 10.0.1.5", "subnet 10.0.1.0/24 in dc1");
    }

    @Test
    void addressMatchesThatAddressInAnySubnetAndNoLongerOne() {
        assertThat(keys(ChangeFilter.ANY.withAddress("10.0.0.5"))).containsExactly(
                "address 10.0.0.0/24 in dc1 10.0.0.5",
                "address 10.0.0.0/24 in dc2 10.0.0.5",
                "address 10.0.0.0/24 in dc1 10.0.0.5");
        assertThat(keys(ChangeFilter.ANY.withAddress("10.0.0.50"))).hasSize(1);
        assertThat(keys(ChangeFilter.ANY.withAddress("10.0.0.6"))).isEmpty();
    }

    @Test
    void userMatchesExactlyAndUsersAreListedOnce() {
        assertThat(alice.changes(ChangeFilter.ANY.withUser(bobName), ZoneOffset.UTC, 100))
                .extracting(Change::who).hasSize(4).containsOnly(bobName);
        assertThat(keys(ChangeFilter.ANY.withUser("bo"))).isEmpty();
        assertThat(alice.changeUsers()).containsExactly(aliceName, bobName);
    }

    @Test
    void daysAreInclusiveInTheReadersTimeZone() {
        // 2026-11-26 in Berlin runs from 2026-11-25T23:00Z to 2026-11-26T23:00Z
        now = Instant.parse("2026-11-25T22:59:59.999Z");
        alice.reserve(lan.id(), ip("10.0.0.7"), AddressDetails.allocated("before"));
        now = Instant.parse("2026-11-25T23:00:00Z");
        alice.reserve(lan.id(), ip("10.0.0.8"), AddressDetails.allocated("first"));
        now = Instant.parse("2026-11-26T22:59:59.500Z");
        alice.reserve(lan.id(), ip("10.0.0.9"), AddressDetails.allocated("last"));
        now = Instant.parse("2026-11-26T23:00:00Z");
        alice.reserve(lan.id(), ip("10.0.0.10"), AddressDetails.allocated("after"));
        LocalDate day = LocalDate.of(2026, 11, 26);

        assertThat(alice.changes(ChangeFilter.ANY.withFrom(day).withTo(day), BERLIN, 100))
                .extracting(Change::objectKey)
                .containsExactly("10.0.0.0/24 in dc1 10.0.0.9", "10.0.0.0/24 in dc1 10.0.0.8");
        assertThat(alice.changes(ChangeFilter.ANY.withFrom(day), BERLIN, 100)).hasSize(3);
        assertThat(alice.changes(ChangeFilter.ANY.withTo(day.minusDays(1)), BERLIN, 100)).hasSize(14);
        // in UTC the same day holds the last two
        assertThat(alice.changes(ChangeFilter.ANY.withFrom(day).withTo(day), ZoneOffset.UTC, 100))
                .extracting(Change::objectKey)
                .containsExactly("10.0.0.0/24 in dc1 10.0.0.10", "10.0.0.0/24 in dc1 10.0.0.9");
    }

    @Test
    void filtersCombine() {
        now = Instant.parse("2026-11-26T10:00:00Z");
        bob.release(lan.id(), ip("10.0.0.5"));
        LocalDate day = LocalDate.of(2026, 11, 26);
        ChangeFilter filter = ChangeFilter.ANY.withSubnet("10.0.0.0/24 in dc1").withAddress("10.0.0.5").withUser(bobName);

        assertThat(alice.changes(filter, ZoneOffset.UTC, 100)).extracting(Change::action)
                .containsExactly(ChangeAction.RELEASE, ChangeAction.UPDATE);
        assertThat(alice.changes(filter.withFrom(day).withTo(day), ZoneOffset.UTC, 100)).extracting(Change::action)
                .containsExactly(ChangeAction.RELEASE);
        assertThat(alice.changes(filter.withUser(aliceName), ZoneOffset.UTC, 100)).extracting(Change::action)
                .containsExactly(ChangeAction.ALLOCATE);
        assertThat(alice.countChanges(filter.withSubnet("10.0.0.0/24"), ZoneOffset.UTC)).isEqualTo(3);
    }

    @Test
    void aBadFilterIsRefusedWithItsReason() {
        assertThatThrownBy(() -> alice.changes(ChangeFilter.ANY.withAddress("10.0.0"), ZoneOffset.UTC, 10))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("is not an IP address");
        assertThatThrownBy(() -> alice.changes(ChangeFilter.ANY.withSubnet("10.0.0.5/24"), ZoneOffset.UTC, 10))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("host bits");
        assertThatThrownBy(() -> alice.changes(ChangeFilter.ANY.withSubnet("web"), ZoneOffset.UTC, 10))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("is not a subnet");
        assertThatThrownBy(() -> alice.changes(ChangeFilter.ANY.withFrom(LocalDate.of(2026, 11, 2))
                .withTo(LocalDate.of(2026, 11, 1)), ZoneOffset.UTC, 10))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("is after the last");
    }

    @Test
    void likeWildcardsInTheAddressAreNotWildcards() {
        // an IPv6 address is written canonically and matched literally
        Subnet v6 = alice.createSubnet("dc1", SubnetSpec.of(cidr("2001:db8::/64")));
        alice.reserve(v6.id(), ip("2001:db8::5"), AddressDetails.allocated("v6"));

        assertThat(keys(ChangeFilter.ANY.withAddress("2001:DB8:0::5"))).containsExactly("address 2001:db8::/64 in dc1 2001:db8::5");
        assertThat(keys(ChangeFilter.ANY.withSubnet("2001:db8:0::/64 in dc1"))).hasSize(2);
    }
}
