package org.ipdesk.allocator;

import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.Parameter;
import org.ipdesk.store.Engine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ipdesk.allocator.AllocatorFixture.cidr;
import static org.ipdesk.allocator.AllocatorFixture.ip;

import java.nio.file.Path;
import java.util.List;
import org.ipdesk.allocator.AllocatorException.InvalidInput;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.BlockUsage;
import org.ipdesk.model.CellState;
import org.ipdesk.model.CellStates;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class GridQueriesTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;
    Allocator allocator;

    @BeforeEach
    void setUp() {
        allocator = AllocatorFixture.open(engine.fresh(dir, "grid"));
        allocator.createNetwork("dc1", "");
    }

    @AfterEach
    void tearDown() {
        allocator.close();
    }

    @Test
    void everyCellGetsItsState() {
        Subnet lan = allocator.createSubnet("dc1", SubnetSpec.of(cidr("10.0.0.0/24")).withGateway(ip("10.0.0.1")));
        allocator.addRange(lan.id(), ip("10.0.0.100"), ip("10.0.0.199"), RangeKind.DHCP, "");
        allocator.addRange(lan.id(), ip("10.0.0.240"), ip("10.0.0.249"), RangeKind.RESERVED, "");
        allocator.reserve(lan.id(), ip("10.0.0.10"), AddressDetails.allocated("a"));
        allocator.reserve(lan.id(), ip("10.0.0.11"), AddressDetails.of(AddressStatus.RESERVED));
        allocator.reserve(lan.id(), ip("10.0.0.12"), AddressDetails.of(AddressStatus.DEPRECATED));
        allocator.reserve(lan.id(), ip("10.0.0.150"), AddressDetails.of(AddressStatus.DHCP));
        allocator.createSubnet("dc1", SubnetSpec.of(cidr("10.0.0.32/28")));

        CellStates cells = allocator.cellStates(lan.id(), lan.cidr().range());
        assertThat(cells.size()).isEqualTo(256);
        assertThat(cells.state(0)).isEqualTo(CellState.UNUSABLE);
        assertThat(cells.state(255)).isEqualTo(CellState.UNUSABLE);
        assertThat(cells.state(1)).isEqualTo(CellState.GATEWAY);
        assertThat(cells.state(2)).isEqualTo(CellState.FREE);
        assertThat(cells.state(10)).isEqualTo(CellState.ALLOCATED);
        assertThat(cells.state(11)).isEqualTo(CellState.RESERVED);
        assertThat(cells.state(12)).isEqualTo(CellState.DEPRECATED);
        assertThat(cells.state(40)).isEqualTo(CellState.CHILD_SUBNET);
        assertThat(cells.state(100)).isEqualTo(CellState.DHCP_RANGE);
        assertThat(cells.state(150)).isEqualTo(CellState.DHCP);
        assertThat(cells.state(245)).isEqualTo(CellState.RESERVED_RANGE);
        assertThat(cells.counts()).containsEntry(CellState.DHCP_RANGE, 99).containsEntry(CellState.CHILD_SUBNET, 16);
        assertThat(cells.ip(150)).isEqualTo(ip("10.0.0.150"));
        assertThat(cells.indexOf(ip("10.0.0.12"))).isEqualTo(12);
    }

    @Test
    void aWindowOfALargeSubnet() {
        Subnet big = allocator.createSubnet("dc1", SubnetSpec.of(cidr("10.0.0.0/8")));
        allocator.reserve(big.id(), ip("10.1.0.7"), AddressDetails.allocated("x"));
        CellStates cells = allocator.cellStates(big.id(), cidr("10.1.0.0/16").range());
        assertThat(cells.size()).isEqualTo(65536);
        assertThat(cells.state(7)).isEqualTo(CellState.ALLOCATED);
        assertThat(cells.counts()).containsEntry(CellState.FREE, 65535);
        assertThatThrownBy(() -> allocator.cellStates(big.id(), cidr("10.0.0.0/15").range()))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void blockMapCountsHeldAddressesAndRangesIncludingNestedSubnets() {
        Subnet big = allocator.createSubnet("dc1", SubnetSpec.of(cidr("10.0.0.0/8")));
        Subnet child = allocator.createSubnet("dc1", SubnetSpec.of(cidr("10.2.0.0/24")));
        allocator.allocateBlock(child.id(), 100, AddressDetails.allocated("c"));
        allocator.addRange(big.id(), ip("10.3.0.0"), ip("10.3.255.255"), RangeKind.DHCP, "");
        allocator.reserve(big.id(), ip("10.3.0.9"), AddressDetails.of(AddressStatus.DHCP));
        List<BlockUsage> map = allocator.blockMap(big.id(), big.cidr(), 16);
        assertThat(map).hasSize(256);
        assertThat(map.get(0).block()).hasToString("10.0.0.0/16");
        assertThat(map.get(0).size()).isEqualTo(65535); // the /8's network address is not usable
        assertThat(map.get(2).used()).isEqualTo(100);
        assertThat(map.get(3).used()).isEqualTo(65536);
        assertThat(map.get(3).fraction()).isEqualTo(1.0);
        assertThat(map.get(4).used()).isZero();

        List<BlockUsage> zoomed = allocator.blockMap(big.id(), cidr("10.2.0.0/16"), 24);
        assertThat(zoomed.get(0).used()).isEqualTo(100);
        assertThat(zoomed.get(1).used()).isZero();
    }

    @Test
    void blockMapOfAnIpv6Slash48() {
        Subnet v6 = allocator.createSubnet("dc1", SubnetSpec.of(cidr("2001:db8::/48")));
        allocator.allocateNext(v6.id(), 5, Strategy.FIRST, AddressDetails.allocated("h"));
        List<BlockUsage> map = allocator.blockMap(v6.id(), v6.cidr(), 56);
        assertThat(map).hasSize(256);
        assertThat(map.get(0).used()).isEqualTo(5);
        assertThat(map.get(255).block()).hasToString("2001:db8:0:ff00::/56");
        assertThatThrownBy(() -> allocator.blockMap(v6.id(), v6.cidr(), 64)).isInstanceOf(InvalidInput.class);
    }
}
