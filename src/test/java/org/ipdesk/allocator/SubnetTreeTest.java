package org.ipdesk.allocator;

import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.Parameter;
import org.ipdesk.store.Engine;
import org.ipdesk.store.Location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ipdesk.allocator.AllocatorFixture.cidr;
import static org.ipdesk.allocator.AllocatorFixture.ip;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.ipdesk.allocator.AllocatorException.Conflict;
import org.ipdesk.allocator.AllocatorException.InvalidInput;
import org.ipdesk.allocator.AllocatorException.NotFound;
import org.ipdesk.allocator.AllocatorException.SubnetExhausted;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class SubnetTreeTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;
    Location location;
    Allocator allocator;

    @BeforeEach
    void setUp() {
        location = engine.fresh(dir, "tree");
        allocator = AllocatorFixture.open(location);
        allocator.createNetwork("dc1", "Frankfurt");
        allocator.createNetwork("lab", "");
    }

    @AfterEach
    void tearDown() {
        allocator.close();
    }

    private Map<String, String> parents(String network) {
        List<Subnet> all = allocator.subnets(network);
        Map<Long, String> byId = all.stream().collect(Collectors.toMap(Subnet::id, s -> s.cidr().toString()));
        return all.stream().collect(Collectors.toMap(s -> s.cidr().toString(),
                s -> s.parentId().isPresent() ? byId.get(s.parentId().getAsLong()) : "-"));
    }

    @Test
    void networkNamesAreUniqueIgnoringCase() {
        assertThatThrownBy(() -> allocator.createNetwork("DC1", "")).isInstanceOf(Conflict.class)
                .hasMessage("a network named 'dc1' already exists");
        assertThatThrownBy(() -> allocator.createNetwork("  ", "")).isInstanceOf(InvalidInput.class);
        assertThat(allocator.networks()).extracting(n -> n.name()).containsExactly("dc1", "lab");
    }

    @Test
    void parentIsDerivedAndAnIntermediateSubnetReparentsTheChildren() {
        AllocatorFixture.subnet(allocator, "dc1", "10.0.0.0/8");
        AllocatorFixture.subnet(allocator, "dc1", "10.1.1.0/24");
        AllocatorFixture.subnet(allocator, "dc1", "10.1.2.0/24");
        AllocatorFixture.subnet(allocator, "dc1", "10.2.0.0/24");
        assertThat(parents("dc1")).containsEntry("10.1.1.0/24", "10.0.0.0/8").containsEntry("10.1.2.0/24", "10.0.0.0/8");

        AllocatorFixture.subnet(allocator, "dc1", "10.1.0.0/16");
        assertThat(parents("dc1"))
                .containsEntry("10.0.0.0/8", "-")
                .containsEntry("10.1.0.0/16", "10.0.0.0/8")
                .containsEntry("10.1.1.0/24", "10.1.0.0/16")
                .containsEntry("10.1.2.0/24", "10.1.0.0/16")
                .containsEntry("10.2.0.0/24", "10.0.0.0/8");
    }

    @Test
    void aSupernetCreatedLaterAdoptsTopLevelSubnets() {
        AllocatorFixture.subnet(allocator, "dc1", "192.168.1.0/24");
        AllocatorFixture.subnet(allocator, "dc1", "192.168.0.0/16");
        assertThat(parents("dc1")).containsEntry("192.168.1.0/24", "192.168.0.0/16");
    }

    @Test
    void deletingAnIntermediateSubnetMovesItsChildrenUp() {
        Subnet top = AllocatorFixture.subnet(allocator, "dc1", "10.0.0.0/8");
        Subnet middle = AllocatorFixture.subnet(allocator, "dc1", "10.1.0.0/16");
        Subnet leaf = AllocatorFixture.subnet(allocator, "dc1", "10.1.1.0/24");
        allocator.allocateNext(middle.id(), 2, Strategy.FIRST, AddressDetails.allocated("m"));
        assertThat(allocator.deleteSubnet(middle.id())).isEqualTo(2);
        assertThat(allocator.subnet(leaf.id()).parentId()).isEqualTo(OptionalLong.of(top.id()));
        // the freed span returns to the /8, but the leaf's span stays out of the /8's free space
        assertThat(allocator.allocateNext(top.id(), 1, Strategy.FIRST, AddressDetails.allocated("t")).get(0).ip())
                .hasToString("10.0.0.1");
        assertThatThrownBy(() -> allocator.reserve(top.id(), ip("10.1.1.5"), AddressDetails.allocated("x")))
                .hasMessageContaining("lies in child subnet 10.1.1.0/24");
        assertThat(allocator.reserve(top.id(), ip("10.1.0.5"), AddressDetails.allocated("x")).ip()).hasToString("10.1.0.5");
    }

    @Test
    void subnetsOfDifferentNetworksMayOverlapButNotRepeatInOne() {
        AllocatorFixture.subnet(allocator, "dc1", "10.0.0.0/24");
        AllocatorFixture.subnet(allocator, "lab", "10.0.0.0/24");
        assertThatThrownBy(() -> AllocatorFixture.subnet(allocator, "dc1", "10.0.0.0/24")).isInstanceOf(Conflict.class)
                .hasMessage("10.0.0.0/24 already exists in network 'dc1'");
        assertThatThrownBy(() -> allocator.findSubnet(cidr("10.0.0.0/24"), java.util.Optional.empty()))
                .isInstanceOf(Conflict.class).hasMessageContaining("'dc1', 'lab'").hasMessageContaining("--network");
        assertThat(allocator.findSubnet(cidr("10.0.0.0/24"), java.util.Optional.of("lab")).networkName()).isEqualTo("lab");
        assertThatThrownBy(() -> allocator.findSubnet(cidr("10.9.0.0/24"), java.util.Optional.empty()))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void vlanAndGatewayAreChecked() {
        assertThatThrownBy(() -> allocator.createSubnet("dc1", SubnetSpec.of(cidr("10.0.0.0/24")).withVlan(0)))
                .hasMessage("VLAN 0 is out of range (1-4094)");
        assertThatThrownBy(() -> allocator.createSubnet("dc1", SubnetSpec.of(cidr("10.0.0.0/24")).withVlan(4095)))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> allocator.createSubnet("dc1", SubnetSpec.of(cidr("10.0.0.0/24")).withGateway(ip("10.0.1.1"))))
                .hasMessage("gateway 10.0.1.1 is outside 10.0.0.0/24");
        assertThatThrownBy(() -> allocator.createSubnet("dc1", SubnetSpec.of(cidr("10.0.0.0/24")).withGateway(ip("10.0.0.255"))))
                .hasMessage("gateway 10.0.0.255 is the broadcast address of 10.0.0.0/24");
        Subnet ok = allocator.createSubnet("dc1", SubnetSpec.of(cidr("10.0.0.0/24")).withVlan(4094).withGateway(ip("10.0.0.254")));
        assertThat(ok.vlan()).hasValue(4094);
        assertThat(ok.gateway()).hasValue(ip("10.0.0.254"));
        assertThat(allocator.allocateBlock(ok.id(), 253, AddressDetails.allocated("fill")))
                .noneMatch(a -> a.ip().equals(ip("10.0.0.254")));
    }

    @Test
    void refusalsOverAParentNameItWithItsName() {
        Subnet parent = allocator.createSubnet("dc1", SubnetSpec.of(cidr("10.0.0.0/16")).withName("servers")
                .withGateway(ip("10.0.0.1")));
        allocator.addRange(parent.id(), ip("10.0.5.0"), ip("10.0.5.255"), RangeKind.DHCP, "");
        assertThat(allocator.checkCreateSubnet("dc1", SubnetSpec.of(cidr("10.0.5.128/25"))))
                .hasValue("10.0.5.128/25 overlaps the dhcp range 10.0.5.0-10.0.5.255 of 10.0.0.0/16 'servers' in dc1");
        assertThat(allocator.checkCreateSubnet("dc1", SubnetSpec.of(cidr("10.0.0.0/24"))))
                .hasValue("10.0.0.0/24 would hold 10.0.0.1, the gateway of 10.0.0.0/16 'servers' in dc1");
    }

    @Test
    void childOverParentRangeOrGatewayIsRefused() {
        Subnet parent = allocator.createSubnet("dc1", SubnetSpec.of(cidr("10.0.0.0/16")).withGateway(ip("10.0.0.1")));
        allocator.addRange(parent.id(), ip("10.0.5.0"), ip("10.0.5.255"), RangeKind.DHCP, "");
        assertThatThrownBy(() -> AllocatorFixture.subnet(allocator, "dc1", "10.0.5.128/25"))
                .hasMessage("10.0.5.128/25 overlaps the dhcp range 10.0.5.0-10.0.5.255 of 10.0.0.0/16 in dc1");
        assertThatThrownBy(() -> AllocatorFixture.subnet(allocator, "dc1", "10.0.0.0/24"))
                .hasMessage("10.0.0.0/24 would hold 10.0.0.1, the gateway of 10.0.0.0/16 in dc1");
        assertThatThrownBy(() -> AllocatorFixture.subnet(allocator, "dc1", "10.0.255.255/32"))
                .hasMessageContaining("broadcast address of 10.0.0.0/16");
    }

    @Test
    void addressesOfTheParentMoveIntoANewChild() {
        Subnet parent = AllocatorFixture.subnet(allocator, "dc1", "10.0.0.0/16");
        allocator.reserve(parent.id(), ip("10.0.7.10"), AddressDetails.allocated("moved"));
        allocator.reserve(parent.id(), ip("10.0.9.10"), AddressDetails.allocated("stays"));
        Subnet child = AllocatorFixture.subnet(allocator, "dc1", "10.0.7.0/24");
        assertThat(allocator.addresses(child.id())).extracting(a -> a.details().hostname()).containsExactly("moved");
        assertThat(allocator.addresses(parent.id())).extracting(a -> a.details().hostname()).containsExactly("stays");
        allocator.reserve(parent.id(), ip("10.0.8.0"), AddressDetails.allocated("edge"));
        assertThatThrownBy(() -> AllocatorFixture.subnet(allocator, "dc1", "10.0.8.0/24"))
                .hasMessage("10.0.8.0 is allocated to edge in 10.0.0.0/16 in dc1 and would be the network address of 10.0.8.0/24");
    }

    @Test
    void checksGiveTheCommandsMessageAndChangeNothing() {
        Subnet parent = allocator.createSubnet("dc1", SubnetSpec.of(cidr("10.0.0.0/16")).withGateway(ip("10.0.0.1")));
        String before = org.ipdesk.store.ContentSnapshot.of(location);
        assertThat(allocator.checkCreateSubnet("dc1", SubnetSpec.of(cidr("10.0.0.0/24"))))
                .hasValue("10.0.0.0/24 would hold 10.0.0.1, the gateway of 10.0.0.0/16 in dc1");
        assertThat(allocator.checkCreateSubnet("dc1", SubnetSpec.of(cidr("10.0.0.0/16"))))
                .hasValue("10.0.0.0/16 already exists in network 'dc1'");
        assertThat(allocator.checkCreateSubnet("dc1", SubnetSpec.of(cidr("10.0.9.0/24")).withVlan(9999)))
                .hasValue("VLAN 9999 is out of range (1-4094)");
        assertThat(allocator.checkCreateSubnet("dc1", SubnetSpec.of(cidr("10.0.9.0/24")))).isEmpty();
        assertThat(allocator.checkAddRange(parent.id(), ip("10.0.0.1"), ip("10.0.0.9"), RangeKind.DHCP))
                .hasValue("the range 10.0.0.1-10.0.0.9 includes the gateway 10.0.0.1");
        assertThat(allocator.checkAddRange(parent.id(), ip("10.0.0.2"), ip("10.0.0.9"), RangeKind.DHCP)).isEmpty();
        assertThat(allocator.checkReserve(parent.id(), ip("10.1.0.1"), AddressDetails.allocated("x")))
                .hasValue("10.1.0.1 is outside 10.0.0.0/16 in dc1");
        assertThat(allocator.checkReserve(parent.id(), ip("10.0.0.7"), AddressDetails.allocated("x"))).isEmpty();
        assertThat(org.ipdesk.store.ContentSnapshot.of(location)).isEqualTo(before);
    }

    // ---- rule 7: next free child subnet, best fit

    @Test
    void nextFreeChildTakesTheLowestBlockOfTheSmallestGapThatFits() {
        AllocatorFixture.subnet(allocator, "dc1", "10.0.0.0/16");
        // children leave gaps: 10.0.1.0/24 (a /24 gap) and 10.0.4.0-10.0.255.255 (large)
        AllocatorFixture.subnet(allocator, "dc1", "10.0.0.0/24");
        AllocatorFixture.subnet(allocator, "dc1", "10.0.2.0/23");
        Subnet first = allocator.createNextFreeChild("dc1", cidr("10.0.0.0/16"), 25, "vlan-a");
        assertThat(first.cidr()).hasToString("10.0.1.0/25");
        assertThat(first.name()).isEqualTo("vlan-a");
        assertThat(allocator.createNextFreeChild("dc1", cidr("10.0.0.0/16"), 24, "").cidr()).hasToString("10.0.4.0/24");
        assertThat(allocator.createNextFreeChild("dc1", cidr("10.0.0.0/16"), 25, "").cidr()).hasToString("10.0.1.128/25");
        assertThat(allocator.createNextFreeChild("dc1", cidr("10.0.0.0/16"), 22, "").cidr()).hasToString("10.0.8.0/22");
        assertThat(parents("dc1")).containsEntry("10.0.8.0/22", "10.0.0.0/16");
    }

    @Test
    void nextFreeChildAvoidsHeldAddressesAndReportsExhaustion() {
        Subnet parent = AllocatorFixture.subnet(allocator, "dc1", "192.168.0.0/24");
        allocator.reserve(parent.id(), ip("192.168.0.10"), AddressDetails.allocated("x"));
        assertThat(allocator.createNextFreeChild("dc1", cidr("192.168.0.0/24"), 26, "").cidr()).hasToString("192.168.0.64/26");
        assertThat(allocator.createNextFreeChild("dc1", cidr("192.168.0.0/24"), 26, "").cidr()).hasToString("192.168.0.128/26");
        assertThat(allocator.createNextFreeChild("dc1", cidr("192.168.0.0/24"), 26, "").cidr()).hasToString("192.168.0.192/26");
        assertThatThrownBy(() -> allocator.createNextFreeChild("dc1", cidr("192.168.0.0/24"), 26, ""))
                .isInstanceOf(SubnetExhausted.class).hasMessage("no free /26 block is left in 192.168.0.0/24 in dc1");
        assertThatThrownBy(() -> allocator.createNextFreeChild("dc1", cidr("192.168.0.0/24"), 24, ""))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("/25 to /32");
    }

    @Test
    void nextFreeChildWorksOnIpv6() {
        AllocatorFixture.subnet(allocator, "dc1", "2001:db8::/48");
        AllocatorFixture.subnet(allocator, "dc1", "2001:db8::/64");
        assertThat(allocator.createNextFreeChild("dc1", cidr("2001:db8::/48"), 64, "").cidr()).hasToString("2001:db8:0:1::/64");
        assertThat(allocator.createNextFreeChild("dc1", cidr("2001:db8::/48"), 56, "").cidr()).hasToString("2001:db8:0:100::/56");
    }

    @Test
    void subnetDetailsCanBeEditedAndAreLogged() {
        Subnet s = AllocatorFixture.subnet(allocator, "dc1", "10.0.0.0/24");
        Subnet edited = allocator.updateSubnet(s.id(), SubnetSpec.of(s.cidr()).withName("servers").withVlan(10)
                .withGateway(ip("10.0.0.1")));
        assertThat(edited.name()).isEqualTo("servers");
        assertThat(allocator.allocateNext(s.id(), 1, Strategy.FIRST, AddressDetails.allocated("a")).get(0).ip())
                .hasToString("10.0.0.2");
        assertThat(allocator.history("subnet", "", 5)).extracting(c -> c.action().label()).containsExactly("update", "create");
        assertThatThrownBy(() -> allocator.deleteNetwork("dc1")).isInstanceOf(Conflict.class).hasMessageContaining("1 subnet");
        allocator.deleteSubnet(s.id());
        allocator.deleteNetwork("dc1");
        assertThat(allocator.networks()).extracting(n -> n.name()).containsExactly("lab");
    }
}
