package org.ipdesk.ui.subnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigInteger;
import java.nio.file.Path;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.CellState;
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

/** The subnet header's facts and usage, with plain JUnit: jobs run on the test thread. */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class SubnetHeaderViewModelTest {

    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    private Allocator allocator;
    private PaneFixtures data;

    @BeforeEach
    void seed() {
        allocator = PaneFixtures.open(engine.fresh(dir, "header"));
        data = PaneFixtures.seed(allocator);
    }

    @AfterEach
    void close() {
        allocator.close();
    }

    private SubnetHeaderViewModel vm() {
        return new SubnetHeaderViewModel(() -> allocator, new CurrentThreadTaskExecutor());
    }

    @Test
    void anIpv4Slash24WithGatewayAndVlan() {
        SubnetHeaderViewModel vm = vm();
        vm.show(data.lan);

        assertThat(vm.shownProperty().get()).isTrue();
        assertThat(vm.titleProperty().get()).isEqualTo("10.0.0.0/24");
        assertThat(vm.nameProperty().get()).isEqualTo("Office LAN");
        assertThat(vm.vlanProperty().get()).isEqualTo("VLAN 20");
        assertThat(vm.gatewayProperty().get()).isEqualTo("10.0.0.1");
        assertThat(vm.descriptionProperty().get()).isEqualTo("Second floor, wired desks");
        assertThat(vm.networkNameProperty().get()).isEqualTo("lab");
        assertThat(vm.networkProperty().get()).isEqualTo("10.0.0.0");
        assertThat(vm.broadcastProperty().get()).isEqualTo("10.0.0.255");
        assertThat(vm.netmaskProperty().get()).isEqualTo("255.255.255.0");
        assertThat(vm.firstUsableProperty().get()).isEqualTo("10.0.0.1");
        assertThat(vm.lastUsableProperty().get()).isEqualTo("10.0.0.254");
        assertThat(vm.usableCountProperty().get()).isEqualTo("254");
        // the unheld gateway is the gateway, the unheld DHCP pool the pool, as the grid's legend names them
        assertThat(vm.usageTextProperty().get()).isEqualTo(
                "41.34 % used \u2014 4 allocated \u00b7 0 reserved \u00b7 0 DHCP lease \u00b7 0 deprecated"
                        + " \u00b7 1 gateway \u00b7 100 DHCP pool \u00b7 149 free of 254 usable");
        assertThat(vm.segments()).extracting(UsageSegment::label).containsExactly("allocated", "reserved",
                "DHCP lease", "deprecated", "gateway", "DHCP pool", "reserved range", "child subnet", "free");
        assertThat(vm.segments()).extracting(UsageSegment::state).containsExactly(CellState.ALLOCATED,
                CellState.RESERVED, CellState.DHCP, CellState.DEPRECATED, CellState.GATEWAY, CellState.DHCP_RANGE,
                CellState.RESERVED_RANGE, CellState.CHILD_SUBNET, CellState.FREE);
        assertThat(vm.segments()).extracting(UsageSegment::count).containsExactly(BigInteger.valueOf(4),
                BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ONE, BigInteger.valueOf(100),
                BigInteger.ZERO, BigInteger.ZERO, BigInteger.valueOf(149));
        assertSegmentsAddUp(vm, BigInteger.valueOf(254));
        assertThat(vm.segments().get(0).fraction()).isCloseTo(4.0 / 254, within(1e-12));
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.loadingProperty().get()).isFalse();
    }

    @Test
    void anIpv4Slash31IsWhollyUsable() {
        SubnetHeaderViewModel vm = vm();
        vm.show(data.p2p);

        assertThat(vm.titleProperty().get()).isEqualTo("10.0.1.0/31");
        assertThat(vm.vlanProperty().get()).isEmpty();
        assertThat(vm.gatewayProperty().get()).isEmpty();
        assertThat(vm.netmaskProperty().get()).isEqualTo("255.255.255.254");
        assertThat(vm.broadcastProperty().get()).isEqualTo("10.0.1.1");
        assertThat(vm.firstUsableProperty().get()).isEqualTo("10.0.1.0");
        assertThat(vm.lastUsableProperty().get()).isEqualTo("10.0.1.1");
        assertThat(vm.usableCountProperty().get()).isEqualTo("2");
        assertThat(vm.usageTextProperty().get()).isEqualTo(
                "0 % used \u2014 0 allocated \u00b7 0 reserved \u00b7 0 DHCP lease \u00b7 0 deprecated \u00b7 2 free of 2 usable");
        assertSegmentsAddUp(vm, BigInteger.TWO);
    }

    @Test
    void anIpv6Slash64CountsPast2To64Exactly() {
        SubnetHeaderViewModel vm = vm();
        vm.show(data.v6);

        BigInteger usable = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        assertThat(vm.titleProperty().get()).isEqualTo("2001:db8::/64");
        assertThat(vm.vlanProperty().get()).isEqualTo("VLAN 60");
        assertThat(vm.networkProperty().get()).isEqualTo("2001:db8::");
        assertThat(vm.broadcastProperty().get()).isEqualTo("none (IPv6)");
        assertThat(vm.netmaskProperty().get()).isEqualTo("/64");
        assertThat(vm.firstUsableProperty().get()).isEqualTo("2001:db8::1");
        assertThat(vm.lastUsableProperty().get()).isEqualTo("2001:db8::ffff:ffff:ffff:ffff");
        assertThat(vm.usableCountProperty().get()).isEqualTo("18,446,744,073,709,551,615 (2^64 \u2212 1)");
        assertThat(vm.usableCountExactProperty().get()).isEqualTo(usable.toString()).isEqualTo("18446744073709551615");
        assertThat(vm.usageTextProperty().get()).isEqualTo("<0.01 % used \u2014 1 allocated \u00b7 0 reserved \u00b7 0 DHCP lease"
                + " \u00b7 0 deprecated \u00b7 ~2^64 free of 2^64 \u2212 1 usable");
        assertThat(vm.segments().get(8).count()).isEqualTo(usable.subtract(BigInteger.ONE));
        assertSegmentsAddUp(vm, usable);
    }

    @Test
    void refreshReadsTheUsageAgainAfterAChange() {
        SubnetHeaderViewModel vm = vm();
        vm.show(data.lan);
        allocator.reserve(data.lan.id(), Ip.parse("10.0.0.30"), AddressDetails.allocated("new-host"));
        assertThat(vm.segments().get(0).count()).isEqualTo(BigInteger.valueOf(4));

        vm.refresh();

        assertThat(vm.segments().get(0).count()).isEqualTo(BigInteger.valueOf(5));
        assertThat(vm.usageTextProperty().get()).startsWith("41.73 % used \u2014 5 allocated");
        assertSegmentsAddUp(vm, BigInteger.valueOf(254));
    }

    @Test
    void aResultForASubnetNoLongerShownIsDropped() {
        QueuedTaskExecutor tasks = new QueuedTaskExecutor();
        SubnetHeaderViewModel vm = new SubnetHeaderViewModel(() -> allocator, tasks);

        vm.show(data.lan);
        vm.show(data.v6);
        assertThat(tasks.pending()).isEqualTo(2);
        // the facts follow at once; the usage waits for its read
        assertThat(vm.titleProperty().get()).isEqualTo("2001:db8::/64");
        assertThat(vm.segments()).isEmpty();
        assertThat(vm.loadingProperty().get()).isTrue();

        tasks.runNewestFirst();

        assertThat(vm.titleProperty().get()).isEqualTo("2001:db8::/64");
        assertThat(vm.netmaskProperty().get()).isEqualTo("/64");
        assertThat(vm.usageTextProperty().get()).contains("1 allocated", "2^64 \u2212 1 usable");
        assertThat(vm.loadingProperty().get()).isFalse();

        vm.show(data.lan);
        vm.clear();
        tasks.runAll();
        assertThat(vm.shownProperty().get()).isFalse();
        assertThat(vm.titleProperty().get()).isEmpty();
        assertThat(vm.segments()).isEmpty();
        assertThat(vm.usageTextProperty().get()).isEqualTo(SubnetHeaderViewModel.NOTHING_SHOWN);
    }

    @Test
    void aFailedReadSaysWhy() {
        SubnetHeaderViewModel broken = new SubnetHeaderViewModel(() -> {
            throw new IllegalStateException("the database is closed");
        }, new CurrentThreadTaskExecutor());

        broken.show(data.lan);

        assertThat(broken.titleProperty().get()).isEqualTo("10.0.0.0/24");
        assertThat(broken.errorProperty().get()).isEqualTo("the database is closed");
        assertThat(broken.usageTextProperty().get()).isEqualTo("Cannot read the usage: the database is closed");
        assertThat(broken.segments()).isEmpty();
    }

    private static void assertSegmentsAddUp(SubnetHeaderViewModel vm, BigInteger usable) {
        assertThat(vm.segments()).hasSize(9);
        assertThat(vm.segments().stream().map(UsageSegment::count).reduce(BigInteger.ZERO, BigInteger::add))
                .isEqualTo(usable);
        assertThat(vm.segments().stream().mapToDouble(UsageSegment::fraction).sum()).isCloseTo(1.0, within(1e-9));
    }
}
