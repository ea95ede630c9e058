package org.ipdesk.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.address.Mac;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.AllocatorException;
import org.ipdesk.model.Address;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.Observation;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.SourceKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.observe.Finding.Action;
import org.ipdesk.observe.Finding.Kind;
import org.ipdesk.store.Database;
import org.ipdesk.store.Engine;
import org.ipdesk.store.OpenMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The seven kinds of finding, ignoring and applying, on both engines. dc1 has 10.0.0.0/24 (gateway 10.0.0.1, a DHCP
 * pool .100-.199, a reserved range .240-.249) and a scan of today says what is in use.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class ReconcilerTest {
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final Mac A = Mac.parse("00:11:22:33:44:aa");
    private static final Mac B = Mac.parse("00:11:22:33:44:bb");
    private static final Mac C = Mac.parse("00:11:22:33:44:cc");
    private static final Mac D = Mac.parse("00:11:22:33:44:dd");

    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    private Allocator allocator;
    private Reconciler reconciler;
    private Subnet lan;

    @BeforeEach
    void setUp() {
        allocator = new Allocator(Database.open(engine.fresh(dir, "reconcile"), OpenMode.CREATE),
                Clock.fixed(NOW, ZoneOffset.UTC), "admin", new Random(1));
        reconciler = new Reconciler(allocator);
        allocator.createNetwork("dc1", "");
        lan = allocator.createSubnet("dc1", new SubnetSpec(Cidr.parse("10.0.0.0/24"), "lan", "", OptionalInt.empty(),
                Optional.of(ip("10.0.0.1"))));
        allocator.addRange(lan.id(), ip("10.0.0.100"), ip("10.0.0.199"), RangeKind.DHCP, "pool");
        allocator.addRange(lan.id(), ip("10.0.0.240"), ip("10.0.0.249"), RangeKind.RESERVED, "printers");
        hold("10.0.0.5", "web-01", A);
        hold("10.0.0.6", "db-01", C);
        hold("10.0.0.7", "old-01", null);
        hold("10.0.0.8", "gone-01", null);
        allocator.observe(List.of(
                seen("10.0.0.1", Mac.parse("00:00:5e:00:01:01"), null, NOW),
                seen("10.0.0.5", B, "web-01", NOW),
                seen("10.0.0.6", C, "db-02.example.com", NOW),
                seen("10.0.0.8", null, null, NOW.minus(Duration.ofDays(40))),
                seen("10.0.0.20", null, "laptop-3", NOW),
                seen("10.0.0.30", D, null, NOW),
                seen("10.0.0.31", D, null, NOW.minusSeconds(600)),
                seen("10.0.0.150", Mac.parse("00:11:22:33:44:01"), null, NOW),
                seen("10.0.0.245", Mac.parse("00:11:22:33:44:02"), null, NOW),
                seen("192.168.7.10", null, null, NOW),
                seen("192.168.7.11", null, null, NOW),
                seen("10.9.9.9", null, null, NOW.minus(Duration.ofDays(90)))));
    }

    @AfterEach
    void tearDown() {
        allocator.close();
    }

    private static Ip ip(String text) {
        return Ip.parse(text);
    }

    private void hold(String ip, String host, Mac mac) {
        allocator.reserve(lan.id(), ip(ip), new AddressDetails(AddressStatus.ALLOCATED, host, Optional.ofNullable(mac),
                "ops", ""));
    }

    private static Observation seen(String ip, Mac mac, String host, Instant at) {
        return new Observation(ip(ip), Optional.ofNullable(mac), Optional.ofNullable(host), at, SourceKind.NMAP,
                "nmap-scan-1127.xml");
    }

    private List<Finding> network() {
        return reconciler.network("dc1", Reconciler.DEFAULT_STALE_DAYS, NOW);
    }

    private List<Finding> of(Kind kind) {
        return network().stream().filter(f -> f.kind() == kind).toList();
    }

    @Test
    void aHostInUseButFreeInIpdeskIsAnUnknownHostRecordedAsDhcpInsideThePool() {
        assertThat(of(Kind.UNKNOWN_HOST)).extracting(f -> f.ip().toString(), Finding::seen, Finding::recorded,
                f -> f.action().words()).containsExactly(
                tuple("10.0.0.20", "host laptop-3", "free: record as allocated", "record"),
                tuple("10.0.0.30", "MAC 00:11:22:33:44:dd", "free: record as allocated", "record"),
                tuple("10.0.0.31", "MAC 00:11:22:33:44:dd", "free: record as allocated", "record"),
                tuple("10.0.0.150", "MAC 00:11:22:33:44:01", "free, inside a DHCP pool: record as dhcp", "record"));
    }

    @Test
    void anAddressOfAReservedRangeInUseIsReservedInUseAndTheGatewaysRouterIsNoFinding() {
        assertThat(of(Kind.RESERVED_IN_USE)).extracting(f -> f.ip().toString(), Finding::recorded)
                .containsExactly(tuple("10.0.0.245", "free, inside the reserved range 10.0.0.240-10.0.0.249 (printers)"));
        assertThat(network()).noneMatch(f -> f.ip().equals(ip("10.0.0.1")));
    }

    @Test
    void aMacSeenOtherThanTheRecordedOneIsMacDiffers() {
        assertThat(of(Kind.MAC_DIFFERS)).extracting(f -> f.ip().toString(), Finding::seen, Finding::recorded,
                f -> f.action().words())
                .containsExactly(tuple("10.0.0.5", "MAC 00:11:22:33:44:bb, host web-01",
                        "MAC 00:11:22:33:44:aa recorded for web-01", "update-mac"));
    }

    @Test
    void oneMacOnTwoAddressesAtOnceIsMacOnSeveral() {
        assertThat(of(Kind.MAC_ON_SEVERAL)).extracting(f -> f.ip().toString(), Finding::seen).containsExactly(
                tuple("10.0.0.30", "MAC 00:11:22:33:44:dd also on 10.0.0.31"),
                tuple("10.0.0.31", "MAC 00:11:22:33:44:dd also on 10.0.0.30"));
    }

    @Test
    void aHostNameSeenOtherThanTheRecordedOneIsHostnameDiffersButAFullNameOfTheSameHostIsNot() {
        allocator.observe(List.of(seen("10.0.0.5", A, "WEB-01.example.com", NOW.plusSeconds(1))));

        assertThat(of(Kind.HOSTNAME_DIFFERS)).extracting(f -> f.ip().toString(), Finding::seen, Finding::recorded,
                f -> f.action().words()).containsExactly(tuple("10.0.0.6", "MAC 00:11:22:33:44:cc, host db-02.example.com",
                "host name db-01 recorded", "update-hostname"));
    }

    @Test
    void aHeldAddressNotSeenForTheStaleDaysIsStaleWithTheLastTimeSeen() {
        assertThat(of(Kind.STALE)).extracting(f -> f.ip().toString(), Finding::seen, Finding::recorded,
                f -> f.action().words()).containsExactly(
                tuple("10.0.0.7", "never seen", "allocated to old-01", "deprecate-stale"),
                tuple("10.0.0.8", "last seen 2026-10-18T12:00:00Z by nmap-scan-1127.xml", "allocated to gone-01",
                        "deprecate-stale"));
        // seen 40 days ago is not stale over 60 days
        assertThat(reconciler.network("dc1", 60, NOW)).filteredOn(f -> f.kind() == Kind.STALE)
                .extracting(f -> f.ip().toString()).containsExactly("10.0.0.7");
    }

    @Test
    void anAddressSeenInAChildSubnetIsThatChildsFindingNotItsParents() {
        Subnet parent = allocator.createSubnet("dc1", SubnetSpec.of(Cidr.parse("10.1.0.0/16")));
        Subnet child = allocator.createSubnet("dc1", SubnetSpec.of(Cidr.parse("10.1.2.0/24")).withStaleDays(
                OptionalInt.of(5)));
        Subnet grandchild = allocator.createSubnet("dc1", SubnetSpec.of(Cidr.parse("10.1.2.128/25")));
        allocator.reserve(child.id(), ip("10.1.2.9"), AddressDetails.allocated("lab-9"));
        allocator.observe(List.of(seen("10.1.2.5", null, null, NOW), seen("10.1.2.200", null, null, NOW),
                seen("10.1.7.7", null, null, NOW), seen("10.1.2.9", null, null, NOW.minus(Duration.ofDays(10)))));

        List<Finding> found = reconciler.subnet(parent.id(), OptionalInt.empty(), NOW);

        assertThat(found).extracting(f -> f.ip().toString(), f -> f.kind().words(),
                f -> f.subnet().map(s -> s.cidr().toString()).orElse("")).containsExactly(
                tuple("10.1.2.5", "unknown-host", "10.1.2.0/24"),
                tuple("10.1.2.9", "stale", "10.1.2.0/24"),
                tuple("10.1.2.200", "unknown-host", grandchild.cidr().toString()),
                tuple("10.1.7.7", "unknown-host", "10.1.0.0/16"));
    }

    @Test
    void eachSubnetsOwnStaleDaysCountWhenNoNumberIsGivenForAll() {
        Subnet lab = allocator.createSubnet("dc1", SubnetSpec.of(Cidr.parse("10.0.1.0/24")).withStaleDays(
                OptionalInt.of(7)));
        allocator.reserve(lab.id(), ip("10.0.1.5"), AddressDetails.allocated("bench-01"));
        allocator.reserve(lab.id(), ip("10.0.1.6"), AddressDetails.allocated("bench-02"));
        allocator.observe(List.of(seen("10.0.1.5", null, null, NOW.minus(Duration.ofDays(10))),
                seen("10.0.1.6", null, null, NOW.minus(Duration.ofHours(1)))));
        Subnet read = allocator.subnet(lan.id());
        allocator.updateSubnet(read, SubnetSpec.of(read).withStaleDays(OptionalInt.of(60)));

        List<Finding> own = reconciler.network("dc1", OptionalInt.empty(), NOW);

        assertThat(own).filteredOn(f -> f.kind() == Kind.STALE).extracting(f -> f.ip().toString())
                .as("lab: 10 days unseen is over its 7; lan: 40 days is under its 60")
                .containsExactly("10.0.0.7", "10.0.1.5");
        assertThat(reconciler.network("dc1", 30, NOW)).filteredOn(f -> f.kind() == Kind.STALE)
                .extracting(f -> f.ip().toString()).as("30 days for every subnet")
                .containsExactly("10.0.0.7", "10.0.0.8");
    }

    @Test
    void addressesSeenOutsideEverySubnetAreGroupedByTheirSlash24AndOnlyForANetwork() {
        assertThat(of(Kind.OUTSIDE_SUBNETS)).extracting(f -> f.ip().toString(), Finding::seen, Finding::recorded,
                f -> f.block().orElseThrow().toString(), f -> f.action().words()).containsExactly(
                tuple("192.168.7.0", "2 addresses seen: 192.168.7.10, 192.168.7.11",
                        "in no subnet; create 192.168.7.0/24", "192.168.7.0/24", "create-subnet"));
        assertThat(reconciler.subnet(lan.id(), 30, NOW)).noneMatch(f -> f.kind() == Kind.OUTSIDE_SUBNETS)
                .anyMatch(f -> f.kind() == Kind.UNKNOWN_HOST);
    }

    @Test
    void anIgnoredFindingStaysAwayUntilTheObservationChanges() {
        Finding macDiffers = of(Kind.MAC_DIFFERS).get(0);
        assertThat(reconciler.apply(List.of(macDiffers), Set.of(Action.IGNORE))).isEqualTo(1);

        assertThat(of(Kind.MAC_DIFFERS)).isEmpty();
        assertThat(allocator.address(lan.id(), ip("10.0.0.5")).orElseThrow().details().mac()).contains(A);
        // seen again with the same MAC: still ignored; with another one: shown again
        allocator.observe(List.of(seen("10.0.0.5", B, "web-01", NOW.plusSeconds(60))));
        assertThat(of(Kind.MAC_DIFFERS)).isEmpty();
        allocator.observe(List.of(seen("10.0.0.5", D, "web-01", NOW.plusSeconds(120))));
        assertThat(of(Kind.MAC_DIFFERS)).extracting(Finding::seen).containsExactly("MAC 00:11:22:33:44:dd, host web-01");
    }

    @Test
    void chosenActionsApplyAsOneCommandWithOneChangeLogEntryPerAddress() {
        int changesBefore = allocator.history("address", "", 1000).size();

        int applied = reconciler.apply(network(), Set.of(Action.RECORD, Action.UPDATE_MAC, Action.DEPRECATE_STALE));

        assertThat(applied).isEqualTo(4 + 1 + 2);
        assertThat(allocator.address(lan.id(), ip("10.0.0.20")).orElseThrow().details())
                .extracting(AddressDetails::status, AddressDetails::hostname)
                .containsExactly(AddressStatus.ALLOCATED, "laptop-3");
        assertThat(allocator.address(lan.id(), ip("10.0.0.150")).orElseThrow().status()).isEqualTo(AddressStatus.DHCP);
        assertThat(allocator.address(lan.id(), ip("10.0.0.30")).orElseThrow().details().mac()).contains(D);
        assertThat(allocator.address(lan.id(), ip("10.0.0.5")).orElseThrow().details().mac()).contains(B);
        assertThat(allocator.address(lan.id(), ip("10.0.0.7")).orElseThrow().status()).isEqualTo(AddressStatus.DEPRECATED);
        assertThat(allocator.address(lan.id(), ip("10.0.0.8")).orElseThrow().status()).isEqualTo(AddressStatus.DEPRECATED);
        assertThat(allocator.history("address", "", 1000)).hasSize(changesBefore + 7);
        assertThat(of(Kind.UNKNOWN_HOST)).isEmpty();
        assertThat(of(Kind.STALE)).isEmpty();
    }

    @Test
    void anApplyWhereOneFindingNoLongerAppliesIsRefusedWholeAndChangesNothing() {
        List<Finding> read = network();
        allocator.reserve(lan.id(), ip("10.0.0.20"), AddressDetails.allocated("someone-else"));
        int changesBefore = allocator.history("", "", 1000).size();

        assertThatThrownBy(() -> reconciler.apply(read, Set.of(Action.RECORD, Action.UPDATE_MAC)))
                .isInstanceOf(AllocatorException.Conflict.class)
                .hasMessage("nothing was applied: record 10.0.0.20 as allocated no longer applies: 10.0.0.20 is already"
                        + " allocated to someone-else");

        assertThat(allocator.history("", "", 1000)).hasSize(changesBefore);
        assertThat(allocator.address(lan.id(), ip("10.0.0.5")).orElseThrow().details().mac()).contains(A);
        assertThat(allocator.address(lan.id(), ip("10.0.0.150"))).isEmpty();
    }

    @Test
    void aSeenHostNameIPDeskWouldNotRecordRefusesTheApplyNamingTheFinding() {
        allocator.observe(List.of(seen("10.0.0.20", null, "Bob's phone", NOW.plusSeconds(1))));

        assertThatThrownBy(() -> reconciler.apply(of(Kind.UNKNOWN_HOST), Set.of(Action.RECORD)))
                .isInstanceOf(AllocatorException.InvalidInput.class)
                .hasMessageStartingWith("nothing was applied: record 10.0.0.20 as allocated cannot be done: ")
                .hasMessageEndingWith("; ignore that finding or record it by hand");
        assertThat(allocator.address(lan.id(), ip("10.0.0.30"))).isEmpty();
    }

    @Test
    void anAddressInsideASubnetOfAnyNetworkIsNotOutsideEverySubnet() {
        allocator.createNetwork("lab", "");
        allocator.createSubnet("lab", new SubnetSpec(Cidr.parse("192.168.0.0/16"), "", "", OptionalInt.empty(),
                Optional.empty()));
        allocator.createSubnet("lab", new SubnetSpec(Cidr.parse("192.168.9.0/24"), "", "", OptionalInt.empty(),
                Optional.empty()));
        allocator.observe(List.of(seen("172.16.0.1", null, null, NOW), seen("2001:db8::5", null, null, NOW)));

        assertThat(of(Kind.OUTSIDE_SUBNETS)).extracting(f -> f.block().orElseThrow().toString())
                .containsExactly("172.16.0.0/24", "2001:db8::/64");
    }

    @Test
    void aStaleAddressChangedSinceItWasReadIsRefusedWhenReleased() {
        List<Finding> read = of(Kind.STALE);
        Address old = allocator.address(lan.id(), ip("10.0.0.7")).orElseThrow();
        allocator.update(old, new AddressDetails(AddressStatus.ALLOCATED, "old-01", Optional.empty(), "ops", "kept"));

        assertThatThrownBy(() -> reconciler.apply(read, Set.of(Action.RELEASE_STALE)))
                .isInstanceOf(AllocatorException.Conflict.class)
                .hasMessageStartingWith("nothing was applied: release 10.0.0.7 no longer applies: ");
        assertThat(allocator.address(lan.id(), ip("10.0.0.8"))).isPresent();
    }
}
