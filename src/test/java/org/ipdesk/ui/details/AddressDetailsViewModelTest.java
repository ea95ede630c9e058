package org.ipdesk.ui.details;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Optional;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.CellState;
import org.ipdesk.model.Subnet;
import org.ipdesk.store.Engine;
import org.ipdesk.ui.CurrentThreadTaskExecutor;
import org.ipdesk.ui.PaneFixtures;
import org.ipdesk.ui.QueuedTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The details pane's fields, status words and history, with plain JUnit: jobs run on the test thread. */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class AddressDetailsViewModelTest {

    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    private Allocator allocator;
    private PaneFixtures data;
    private AddressDetailsViewModel vm;

    @BeforeEach
    void seed() {
        allocator = PaneFixtures.open(engine.fresh(dir, "details"));
        data = PaneFixtures.seed(allocator);
        vm = new AddressDetailsViewModel(() -> allocator, new CurrentThreadTaskExecutor(), ZoneOffset.UTC);
    }

    @AfterEach
    void close() {
        allocator.close();
    }

    private void show(Subnet subnet, String ip) {
        vm.show(subnet, Ip.parse(ip));
    }

    @Test
    void nothingSelectedShowsThePlaceholder() {
        assertThat(vm.shownProperty().get()).isFalse();
        assertThat(vm.placeholderProperty().get()).isEqualTo("Select an address in the grid.");

        show(data.lan, "10.0.0.2");
        assertThat(vm.placeholderProperty().get()).isEmpty();
        vm.clear();

        assertThat(vm.shownProperty().get()).isFalse();
        assertThat(vm.placeholderProperty().get()).isEqualTo("Select an address in the grid.");
        assertThat(vm.ipProperty().get()).isEmpty();
        assertThat(vm.hostnameProperty().get()).isEmpty();
        assertThat(vm.history()).isEmpty();
    }

    @Test
    void aHeldAddressShowsEveryField() {
        show(data.lan, "10.0.0.2");

        assertThat(vm.shownProperty().get()).isTrue();
        assertThat(vm.heldProperty().get()).isTrue();
        assertThat(vm.ipProperty().get()).isEqualTo("10.0.0.2");
        assertThat(vm.subnetProperty().get()).isEqualTo("10.0.0.0/24 in lab");
        assertThat(vm.statusProperty().get()).isEqualTo("allocated");
        assertThat(vm.cellStateProperty().get()).isEqualTo(CellState.ALLOCATED);
        assertThat(vm.hostnameProperty().get()).isEqualTo("web-01");
        assertThat(vm.macProperty().get()).isEqualTo("00:1a:2b:3c:4d:5e");
        assertThat(vm.ownerProperty().get()).isEqualTo("alice");
        assertThat(vm.descriptionProperty().get()).isEqualTo("Front web server");
        assertThat(vm.createdProperty().get()).matches("2026-11-26 12:\\d\\d");
        assertThat(vm.createdInstantProperty().get()).matches("2026-11-26T12:\\d\\d:00Z");
        assertThat(vm.updatedProperty().get()).isEqualTo(vm.createdProperty().get());
        assertThat(vm.history()).singleElement().satisfies(row -> {
            assertThat(row.user()).isEqualTo(Engine.byline(allocator.location(), "alice"));
            assertThat(row.action()).isEqualTo("allocated");
            assertThat(row.summary()).isEqualTo("allocated to web-01");
            // the fixture's clock moves a minute at every reading, so the log row is a minute or so later
            assertThat(row.time()).matches("2026-11-26 12:\\d\\d");
        });
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void anAddressAScanSawSaysWhenByWhichFileAndWhatItSaw() {
        java.time.Instant now = java.time.Instant.parse("2026-11-27T12:00:00Z");
        AddressDetailsViewModel seen = new AddressDetailsViewModel(() -> allocator, new CurrentThreadTaskExecutor(),
                ZoneOffset.UTC, java.time.Clock.fixed(now, ZoneOffset.UTC));
        allocator.observe(java.util.List.of(
                new org.ipdesk.model.Observation(Ip.parse("10.0.0.2"),
                        Optional.of(org.ipdesk.address.Mac.parse("00:1A:2B:3C:4D:5F")), Optional.of("web-01"),
                        now.minus(java.time.Duration.ofMinutes(130)), org.ipdesk.model.SourceKind.NMAP,
                        "nmap-scan.xml"),
                new org.ipdesk.model.Observation(Ip.parse("10.0.0.50"), Optional.empty(), Optional.empty(),
                        now.minus(java.time.Duration.ofDays(3)), org.ipdesk.model.SourceKind.NEIGHBOURS,
                        "neigh.txt")));

        seen.show(data.lan, Ip.parse("10.0.0.2"));
        assertThat(seen.lastSeenProperty().get())
                .isEqualTo("Last seen 2 h ago by nmap-scan.xml (MAC 00:1a:2b:3c:4d:5f, host web-01)");
        seen.show(data.lan, Ip.parse("10.0.0.50"));
        assertThat(seen.statusProperty().get()).isEqualTo("free");
        assertThat(seen.lastSeenProperty().get()).isEqualTo("Last seen 3 days ago by neigh.txt");
        seen.show(data.lan, Ip.parse("10.0.0.3"));
        assertThat(seen.lastSeenProperty().get()).as("never seen").isEmpty();
        seen.clear();
        assertThat(seen.lastSeenProperty().get()).isEmpty();
    }

    @Test
    void agoSaysMinutesHoursOrDays() {
        java.time.Instant now = java.time.Instant.parse("2026-11-27T12:00:00Z");
        assertThat(AddressDetailsViewModel.ago(now.minusSeconds(20), now)).isEqualTo("just now");
        assertThat(AddressDetailsViewModel.ago(now.plusSeconds(600), now)).isEqualTo("just now");
        assertThat(AddressDetailsViewModel.ago(now.minusSeconds(5 * 60), now)).isEqualTo("5 min ago");
        assertThat(AddressDetailsViewModel.ago(now.minusSeconds(47 * 3600), now)).isEqualTo("47 h ago");
        assertThat(AddressDetailsViewModel.ago(now.minusSeconds(48 * 3600), now)).isEqualTo("2 days ago");
    }

    @Test
    void aFreeCellSaysWhatItIs() {
        show(data.lan, "10.0.0.50");

        assertThat(vm.shownProperty().get()).isTrue();
        assertThat(vm.heldProperty().get()).isFalse();
        assertThat(vm.ipProperty().get()).isEqualTo("10.0.0.50");
        assertThat(vm.statusProperty().get()).isEqualTo("free");
        assertThat(vm.cellStateProperty().get()).isEqualTo(CellState.FREE);
        assertThat(vm.hostnameProperty().get()).isEmpty();
        assertThat(vm.createdProperty().get()).isEmpty();
        assertThat(vm.history()).isEmpty();
    }

    @Test
    void aFreeCellInTheDhcpRangeNamesTheRange() {
        show(data.lan, "10.0.0.150");

        assertThat(vm.statusProperty().get()).isEqualTo("free, in DHCP pool 10.0.0.100-10.0.0.199");
        assertThat(vm.cellStateProperty().get()).isEqualTo(CellState.DHCP_RANGE);
        assertThat(vm.heldProperty().get()).isFalse();
    }

    @Test
    void theNetworkBroadcastGatewayAndAnycastCells() {
        show(data.lan, "10.0.0.0");
        assertThat(vm.statusProperty().get()).isEqualTo("not usable (network address)");
        assertThat(vm.cellStateProperty().get()).isEqualTo(CellState.UNUSABLE);

        show(data.lan, "10.0.0.255");
        assertThat(vm.statusProperty().get()).isEqualTo("not usable (broadcast address)");
        assertThat(vm.cellStateProperty().get()).isEqualTo(CellState.UNUSABLE);

        show(data.lan, "10.0.0.1");
        assertThat(vm.statusProperty().get()).isEqualTo("gateway");
        assertThat(vm.cellStateProperty().get()).isEqualTo(CellState.GATEWAY);

        show(data.v6, "2001:db8::");
        assertThat(vm.statusProperty().get()).isEqualTo("not usable (subnet-router anycast)");

        // a /31 has neither: both its addresses are usable
        show(data.p2p, "10.0.1.0");
        assertThat(vm.statusProperty().get()).isEqualTo("free");
    }

    @Test
    void aCellOfAChildSubnetNamesTheChild() {
        allocator.createSubnet("lab", org.ipdesk.model.SubnetSpec.of(Cidr.parse("10.0.0.208/28")).withName("Cameras"));

        show(data.lan, "10.0.0.210");

        assertThat(vm.statusProperty().get()).isEqualTo("in child subnet 10.0.0.208/28 (Cameras)");
        assertThat(vm.cellStateProperty().get()).isEqualTo(CellState.CHILD_SUBNET);
        assertThat(vm.heldProperty().get()).isFalse();
    }

    @Test
    void theHistoryOfAnAllocatedUpdatedAndReleasedAddressNewestFirst() {
        show(data.lan, "10.0.0.20");

        assertThat(vm.heldProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).isEqualTo("free");
        assertThat(vm.history()).extracting(HistoryRow::action).containsExactly("released", "updated", "allocated");
        assertThat(vm.history()).extracting(HistoryRow::summary).containsExactly(
                "released (was allocated to app-01b)",
                "hostname app-01 \u2192 app-01b",
                "allocated to app-01");
        assertThat(vm.history()).extracting(HistoryRow::user).containsOnly(Engine.byline(allocator.location(), "alice"));
        assertThat(vm.history()).extracting(HistoryRow::time).allMatch(t -> t.matches("2026-11-26 12:\\d\\d"))
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void updateSummariesNameEveryChangedField() {
        Ip ip = Ip.parse("10.0.0.3");
        allocator.update(data.lan.id(), ip, new org.ipdesk.model.AddressDetails(
                org.ipdesk.model.AddressStatus.RESERVED, "web-02", Optional.of(Allocator.parseMac("aa-bb-cc-dd-ee-ff")),
                "bob", "kept for the migration"));

        show(data.lan, "10.0.0.3");

        assertThat(vm.statusProperty().get()).isEqualTo("reserved");
        assertThat(vm.history().get(0).summary()).isEqualTo("status allocated \u2192 reserved; MAC (none) \u2192"
                + " aa:bb:cc:dd:ee:ff; owner (none) \u2192 bob; description (none) \u2192 \u201ckept for the migration\u201d");
    }

    @Test
    void refreshShowsAChangeMadeSince() {
        show(data.lan, "10.0.0.50");
        allocator.reserve(data.lan.id(), Ip.parse("10.0.0.50"), org.ipdesk.model.AddressDetails.allocated("late"));

        vm.refresh();

        assertThat(vm.heldProperty().get()).isTrue();
        assertThat(vm.hostnameProperty().get()).isEqualTo("late");
        assertThat(vm.history()).extracting(HistoryRow::summary).containsExactly("allocated to late");
    }

    @Test
    void aResultForAnAddressNoLongerShownIsDropped() {
        QueuedTaskExecutor tasks = new QueuedTaskExecutor();
        AddressDetailsViewModel queued = new AddressDetailsViewModel(() -> allocator, tasks, ZoneOffset.UTC);

        queued.show(data.lan, Ip.parse("10.0.0.2"));
        queued.show(data.lan, Ip.parse("10.0.0.150"));
        assertThat(queued.loadingProperty().get()).isTrue();
        tasks.runNewestFirst();

        assertThat(queued.ipProperty().get()).isEqualTo("10.0.0.150");
        assertThat(queued.statusProperty().get()).startsWith("free, in DHCP pool");
        assertThat(queued.hostnameProperty().get()).isEmpty();
        assertThat(queued.loadingProperty().get()).isFalse();

        queued.show(data.lan, Ip.parse("10.0.0.2"));
        queued.clear();
        tasks.runAll();
        assertThat(queued.shownProperty().get()).isFalse();
        assertThat(queued.ipProperty().get()).isEmpty();
    }

    @Test
    void aFailedReadSaysWhy() {
        Subnet gone = new Subnet(9999, data.lan.networkId(), "lab", Cidr.parse("10.9.0.0/24"), "", "",
                OptionalInt.empty(), Optional.empty(), OptionalLong.empty(), 1);

        vm.show(gone, Ip.parse("10.9.0.5"));

        assertThat(vm.shownProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo("subnet 9999 does not exist");
        assertThat(vm.placeholderProperty().get()).isEqualTo("Cannot show 10.9.0.5: subnet 9999 does not exist");
    }
}
