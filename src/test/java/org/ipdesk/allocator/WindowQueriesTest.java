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
import org.ipdesk.address.Cidr;
import org.ipdesk.dev.DatasetGenerator;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.ChangeAction;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.store.ContentSnapshot;
import org.ipdesk.store.Location;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queries the window's forms and panes use: rehearsed subnet edits, counts before a delete, an address's history. */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class WindowQueriesTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;
    Location location;
    Allocator allocator;
    Subnet lan;

    @BeforeEach
    void setUp() {
        location = engine.fresh(dir, "w");
        allocator = AllocatorFixture.open(location);
        allocator.createNetwork("dc1", "");
        lan = allocator.createSubnet("dc1", SubnetSpec.of(cidr("10.0.0.0/24")).withName("servers"));
        allocator.addRange(lan.id(), ip("10.0.0.100"), ip("10.0.0.199"), RangeKind.DHCP, "");
    }

    @AfterEach
    void tearDown() {
        allocator.close();
    }

    @Test
    void checkUpdateSubnetNamesTheProblemAndChangesNothing() {
        String before = ContentSnapshot.of(location);
        SubnetSpec spec = SubnetSpec.of(lan.cidr()).withName("renamed");

        assertThat(allocator.checkUpdateSubnet(lan.id(), spec.withGateway(ip("10.0.1.1"))))
                .contains("gateway 10.0.1.1 is outside 10.0.0.0/24");
        assertThat(allocator.checkUpdateSubnet(lan.id(), spec.withGateway(ip("10.0.0.150"))))
                .contains("gateway 10.0.0.150 lies in the dhcp range 10.0.0.100-10.0.0.199");
        assertThat(allocator.checkUpdateSubnet(lan.id(), spec.withVlan(5000))).contains("VLAN 5000 is out of range (1-4094)");
        assertThat(allocator.checkUpdateSubnet(lan.id(), spec.withGateway(ip("10.0.0.1")))).isEmpty();

        assertThat(ContentSnapshot.of(location)).isEqualTo(before);
        assertThat(allocator.subnet(lan.id()).name()).isEqualTo("servers");
    }

    @Test
    void heldAddressCountIsWhatADeleteWouldTake() {
        allocator.allocateNext(lan.id(), 3, Strategy.FIRST, AddressDetails.allocated("web"));
        Subnet child = allocator.createSubnet("dc1", SubnetSpec.of(cidr("10.0.0.64/28")));
        allocator.allocateNext(child.id(), 2, Strategy.FIRST, AddressDetails.allocated("db"));

        assertThat(allocator.heldAddressCount(lan.id())).isEqualTo(3);
        assertThat(allocator.heldAddressCount(child.id())).isEqualTo(2);
        assertThat(allocator.deleteSubnet(lan.id())).isEqualTo(3);
    }

    @Test
    void addressHistoryListsOnlyThatAddressNewestFirst() {
        allocator.reserve(lan.id(), ip("10.0.0.5"), AddressDetails.allocated("web-01"));
        allocator.reserve(lan.id(), ip("10.0.0.6"), AddressDetails.allocated("web-02"));
        allocator.update(lan.id(), ip("10.0.0.5"), AddressDetails.allocated("web-01b"));
        allocator.release(lan.id(), ip("10.0.0.5"));

        assertThat(allocator.addressHistory(lan.id(), ip("10.0.0.5"), 10))
                .extracting(c -> c.action())
                .containsExactly(ChangeAction.RELEASE, ChangeAction.UPDATE, ChangeAction.ALLOCATE);
        assertThat(allocator.addressHistory(lan.id(), ip("10.0.0.6"), 10)).hasSize(1);
        assertThat(allocator.addressHistory(lan.id(), ip("10.0.0.7"), 10)).isEmpty();
    }

    @Test
    void usageOfOneSubnetMatchesTheWholeFileComputation() {
        Location generated = engine.fresh(dir, "generated");
        try (DatasetGenerator generator = DatasetGenerator.open(generated)) {
            generator.generate(new DatasetGenerator.Plan(120, 6000, 10, 3), line -> { });
        }
        try (Allocator other = AllocatorFixture.open(generated)) {
            // nest a child with a range and addresses inside one of the generated /16s
            Subnet big = other.subnets().stream().filter(x -> x.cidr().prefixLength() == 16).findFirst().orElseThrow();
            String network = other.networks().stream().filter(n -> n.id() == big.networkId()).findFirst().orElseThrow().name();
            Cidr childCidr = other.createNextFreeChild(network, big.cidr(), 26, "nested").cidr();
            Subnet child = other.findSubnet(childCidr, java.util.Optional.of(network));
            other.allocateNext(child.id(), 3, Strategy.FIRST, AddressDetails.allocated("n"));
            other.addRange(child.id(), childCidr.firstUsable().plus(10), childCidr.firstUsable().plus(19), RangeKind.DHCP, "");
        }
        try (Allocator other = AllocatorFixture.open(generated)) {
            var all = other.usageBySubnet();
            assertThat(all).hasSizeGreaterThan(100);
            for (Subnet subnet : other.subnets()) {
                assertThat(other.usage(subnet.id())).as(subnet.label()).isEqualTo(all.get(subnet.id()));
            }
            assertThat(other.addressCount()).isEqualTo(6003);
        }
    }

    @Test
    void releaseAllIsAllOrNothing() {
        allocator.allocateNext(lan.id(), 5, Strategy.FIRST, AddressDetails.allocated("h"));
        String before = ContentSnapshot.of(location);

        assertThatThrownBy(() -> allocator.releaseAll(lan.id(), java.util.List.of(ip("10.0.0.1"), ip("10.0.0.2"),
                ip("10.0.0.50")))).isInstanceOf(AllocatorException.NotFound.class)
                .hasMessage("10.0.0.50 is not held in 10.0.0.0/24 in dc1");
        assertThat(ContentSnapshot.of(location)).isEqualTo(before);

        var range = new org.ipdesk.address.IpRange(ip("10.0.0.2"), ip("10.0.0.4"));
        assertThat(allocator.addressesIn(lan.id(), range)).extracting(a -> a.ip().toString())
                .containsExactly("10.0.0.2", "10.0.0.3", "10.0.0.4");
        assertThat(allocator.releaseAll(lan.id(), java.util.List.of(ip("10.0.0.2"), ip("10.0.0.3"), ip("10.0.0.4"))))
                .hasSize(3);
        assertThat(allocator.addresses(lan.id())).extracting(a -> a.ip().toString())
                .containsExactly("10.0.0.1", "10.0.0.5");
        // the released addresses are free again for the allocator
        assertThat(allocator.allocateNext(lan.id(), 1, Strategy.FIRST, AddressDetails.allocated("x")).get(0).ip())
                .isEqualTo(ip("10.0.0.2"));
    }
}
