package org.ipdesk.allocator;

import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.Parameter;
import org.ipdesk.store.Engine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ipdesk.allocator.AllocatorFixture.ip;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.AllocatorException.AddressInRange;
import org.ipdesk.allocator.AllocatorException.AddressInUse;
import org.ipdesk.allocator.AllocatorException.AddressNotUsable;
import org.ipdesk.allocator.AllocatorException.AddressOutsideSubnet;
import org.ipdesk.allocator.AllocatorException.InvalidInput;
import org.ipdesk.allocator.AllocatorException.NotFound;
import org.ipdesk.allocator.AllocatorException.SubnetExhausted;
import org.ipdesk.model.Address;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.store.ContentSnapshot;
import org.ipdesk.store.Location;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class AllocationRulesTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;
    Location file;
    Allocator allocator;
    Subnet lan;

    @BeforeEach
    void setUp() {
        file = engine.fresh(dir, "test");
        allocator = AllocatorFixture.open(file);
        allocator.createNetwork("dc1", "");
        lan = allocator.createSubnet("dc1", SubnetSpec.of(Cidr.parse("10.0.0.0/24")).withGateway(ip("10.0.0.1")));
    }

    @AfterEach
    void tearDown() {
        allocator.close();
    }

    private List<String> next(Subnet subnet, int count) {
        return allocator.allocateNext(subnet.id(), count, Strategy.FIRST, AddressDetails.allocated("h"))
                .stream().map(a -> a.ip().toString()).toList();
    }

    // ---- rule 1: usable addresses

    @Test
    void pointToPointSubnetsHandOutBothAddresses() {
        Subnet p2p = AllocatorFixture.subnet(allocator, "dc1", "192.0.2.0/31");
        assertThat(next(p2p, 2)).containsExactly("192.0.2.0", "192.0.2.1");
        Subnet host = AllocatorFixture.subnet(allocator, "dc1", "192.0.2.9/32");
        assertThat(next(host, 1)).containsExactly("192.0.2.9");
        Subnet v6p2p = AllocatorFixture.subnet(allocator, "dc1", "2001:db8::/127");
        assertThat(next(v6p2p, 2)).containsExactly("2001:db8::", "2001:db8::1");
    }

    @Test
    void ipv6SubnetSkipsOnlyTheAnycastAddress() {
        Subnet v6 = AllocatorFixture.subnet(allocator, "dc1", "2001:db8:1::/126");
        assertThat(next(v6, 3)).containsExactly("2001:db8:1::1", "2001:db8:1::2", "2001:db8:1::3");
        assertThatThrownBy(() -> next(v6, 1)).isInstanceOf(SubnetExhausted.class);
    }

    // ---- rule 2: reserving a specific address

    @Test
    void reserveOutsideTheSubnetIsRefused() {
        assertThatThrownBy(() -> allocator.reserve(lan.id(), ip("10.0.1.5"), AddressDetails.allocated("x")))
                .isInstanceOf(AddressOutsideSubnet.class)
                .hasMessage("10.0.1.5 is outside 10.0.0.0/24 in dc1");
        assertThatThrownBy(() -> allocator.reserve(lan.id(), ip("2001:db8::5"), AddressDetails.allocated("x")))
                .isInstanceOf(AddressOutsideSubnet.class);
    }

    @Test
    void reserveNetworkBroadcastOrAnycastIsRefused() {
        assertThatThrownBy(() -> allocator.reserve(lan.id(), ip("10.0.0.0"), AddressDetails.allocated("x")))
                .isInstanceOf(AddressNotUsable.class).hasMessageContaining("network address");
        assertThatThrownBy(() -> allocator.reserve(lan.id(), ip("10.0.0.255"), AddressDetails.allocated("x")))
                .isInstanceOf(AddressNotUsable.class).hasMessageContaining("broadcast address");
        Subnet v6 = AllocatorFixture.subnet(allocator, "dc1", "2001:db8::/64");
        assertThatThrownBy(() -> allocator.reserve(v6.id(), ip("2001:db8::"), AddressDetails.allocated("x")))
                .isInstanceOf(AddressNotUsable.class).hasMessageContaining("subnet-router anycast");
    }

    @Test
    void reserveHeldAddressNamesTheHolder() {
        allocator.reserve(lan.id(), ip("10.0.0.5"), AddressDetails.allocated("web-01"));
        assertThatThrownBy(() -> allocator.reserve(lan.id(), ip("10.0.0.5"), AddressDetails.allocated("web-02")))
                .isInstanceOf(AddressInUse.class)
                .hasMessage("10.0.0.5 is already allocated to web-01")
                .satisfies(e -> assertThat(((AddressInUse) e).holder()).isEqualTo("web-01"));
    }

    @Test
    void reserveInsideDhcpRangeNeedsStatusDhcp() {
        allocator.addRange(lan.id(), ip("10.0.0.100"), ip("10.0.0.199"), RangeKind.DHCP, "pool");
        assertThatThrownBy(() -> allocator.reserve(lan.id(), ip("10.0.0.150"), AddressDetails.allocated("x")))
                .isInstanceOf(AddressInRange.class)
                .hasMessageContaining("10.0.0.150 lies in the DHCP pool 10.0.0.100-10.0.0.199");
        Address lease = allocator.reserve(lan.id(), ip("10.0.0.150"), AddressDetails.of(AddressStatus.DHCP));
        assertThat(lease.status()).isEqualTo(AddressStatus.DHCP);
    }

    @Test
    void everyRefusalLeavesTheDatabaseUnchanged() {
        allocator.reserve(lan.id(), ip("10.0.0.5"), AddressDetails.allocated("web-01"));
        allocator.addRange(lan.id(), ip("10.0.0.100"), ip("10.0.0.110"), RangeKind.DHCP, "");
        String before = ContentSnapshot.of(file);
        List<Runnable> refused = List.of(
                () -> allocator.reserve(lan.id(), ip("10.0.1.5"), AddressDetails.allocated("x")),
                () -> allocator.reserve(lan.id(), ip("10.0.0.255"), AddressDetails.allocated("x")),
                () -> allocator.reserve(lan.id(), ip("10.0.0.5"), AddressDetails.allocated("x")),
                () -> allocator.reserve(lan.id(), ip("10.0.0.105"), AddressDetails.allocated("x")),
                () -> allocator.reserve(lan.id(), ip("10.0.0.7"), AddressDetails.allocated("bad_name!")),
                () -> allocator.allocateNext(lan.id(), 300, Strategy.FIRST, AddressDetails.allocated("x")),
                () -> allocator.allocateBlock(lan.id(), 200, AddressDetails.allocated("x")),
                () -> allocator.release(lan.id(), ip("10.0.0.6")),
                () -> allocator.update(lan.id(), ip("10.0.0.6"), AddressDetails.allocated("x")),
                () -> allocator.addRange(lan.id(), ip("10.0.0.105"), ip("10.0.0.120"), RangeKind.RESERVED, ""),
                () -> allocator.addRange(lan.id(), ip("10.0.0.1"), ip("10.0.0.3"), RangeKind.RESERVED, ""),
                () -> allocator.addRange(lan.id(), ip("10.0.0.0"), ip("10.0.0.3"), RangeKind.RESERVED, ""),
                () -> allocator.addRange(lan.id(), ip("10.0.0.4"), ip("10.0.0.9"), RangeKind.DHCP, ""),
                () -> allocator.createSubnet("dc1", SubnetSpec.of(Cidr.parse("10.0.0.0/24"))),
                () -> allocator.createSubnet("nope", SubnetSpec.of(Cidr.parse("10.9.0.0/24"))),
                () -> allocator.createSubnet("dc1", SubnetSpec.of(Cidr.parse("10.9.0.0/24")).withVlan(5000)),
                () -> allocator.createSubnet("dc1", SubnetSpec.of(Cidr.parse("10.9.0.0/24")).withGateway(ip("10.8.0.1"))),
                () -> allocator.createSubnet("dc1", SubnetSpec.of(Cidr.parse("10.0.0.0/28"))),
                () -> allocator.createNetwork("DC1", ""),
                () -> allocator.createNextFreeChild("dc1", Cidr.parse("10.0.0.0/24"), 24, ""),
                () -> allocator.allocateGroup(List.of(
                        GroupRequest.next(lan.id(), AddressDetails.allocated("dual")),
                        GroupRequest.specific(lan.id(), ip("10.0.0.5"), AddressDetails.allocated("dual")))));
        for (Runnable command : refused) {
            assertThatThrownBy(command::run).isInstanceOf(AllocatorException.class);
            assertThat(ContentSnapshot.of(file)).isEqualTo(before);
        }
    }

    // ---- rule 3: next free

    @Test
    void nextFreeSkipsGatewayRangesAndHeldAddresses() {
        allocator.addRange(lan.id(), ip("10.0.0.3"), ip("10.0.0.4"), RangeKind.DHCP, "");
        allocator.addRange(lan.id(), ip("10.0.0.6"), ip("10.0.0.6"), RangeKind.RESERVED, "");
        allocator.reserve(lan.id(), ip("10.0.0.2"), AddressDetails.allocated("a"));
        assertThat(next(lan, 3)).containsExactly("10.0.0.5", "10.0.0.7", "10.0.0.8");
    }

    @Test
    void releasedAddressIsHandedOutAgainFirst() {
        next(lan, 10);
        allocator.release(lan.id(), ip("10.0.0.4"));
        assertThat(next(lan, 1)).containsExactly("10.0.0.4");
    }

    @Test
    void exhaustedSubnetIsRefused() {
        Subnet small = AllocatorFixture.subnet(allocator, "dc1", "10.1.0.0/30");
        assertThat(next(small, 2)).containsExactly("10.1.0.1", "10.1.0.2");
        assertThatThrownBy(() -> next(small, 1)).isInstanceOf(SubnetExhausted.class)
                .hasMessage("10.1.0.0/30 in dc1 has no free address left");
    }

    @Test
    void countIsAllOrNothing() {
        Subnet small = AllocatorFixture.subnet(allocator, "dc1", "10.1.0.0/29");
        assertThatThrownBy(() -> next(small, 7)).isInstanceOf(SubnetExhausted.class);
        assertThat(allocator.addresses(small.id())).isEmpty();
        assertThat(next(small, 6)).hasSize(6);
    }

    @Test
    void randomStrategyCoversTheWholeFreeSpaceAndNeverTakesForbiddenAddresses() {
        Subnet wide = AllocatorFixture.subnet(allocator, "dc1", "10.2.0.0/16");
        allocator.updateSubnet(wide.id(), SubnetSpec.of(wide.cidr()).withGateway(ip("10.2.0.1")));
        allocator.addRange(wide.id(), ip("10.2.1.0"), ip("10.2.200.255"), RangeKind.DHCP, "");
        List<Address> picked = allocator.allocateNext(wide.id(), 400, Strategy.RANDOM, AddressDetails.allocated("r"));
        Set<Ip> distinct = new HashSet<>();
        boolean beyondFirstThousand = false;
        for (Address a : picked) {
            assertThat(distinct.add(a.ip())).isTrue();
            assertThat(wide.cidr().isUsable(a.ip())).isTrue();
            assertThat(a.ip()).isNotEqualTo(ip("10.2.0.1"));
            assertThat(a.ip().compareTo(ip("10.2.1.0")) < 0 || a.ip().compareTo(ip("10.2.200.255")) > 0)
                    .as(a.ip() + " outside the DHCP range").isTrue();
            beyondFirstThousand |= a.ip().compareTo(ip("10.2.201.0")) >= 0;
        }
        assertThat(beyondFirstThousand).as("random picks reach past the first 1000 free addresses").isTrue();
    }

    @Test
    void randomStrategyFindsTheLastFreeAddressOfANearlyFullSubnet() {
        Subnet small = AllocatorFixture.subnet(allocator, "dc1", "10.3.0.0/24");
        next(small, 254);
        allocator.release(small.id(), ip("10.3.0.77"));
        List<Address> last = allocator.allocateNext(small.id(), 1, Strategy.RANDOM, AddressDetails.allocated("r"));
        assertThat(last).extracting(a -> a.ip().toString()).containsExactly("10.3.0.77");
        assertThatThrownBy(() -> allocator.allocateNext(small.id(), 1, Strategy.RANDOM, AddressDetails.allocated("r")))
                .isInstanceOf(SubnetExhausted.class);
    }

    // ---- rule 4: contiguous block

    @Test
    void blockIsFirstFit() {
        allocator.reserve(lan.id(), ip("10.0.0.5"), AddressDetails.allocated("a"));
        allocator.reserve(lan.id(), ip("10.0.0.12"), AddressDetails.allocated("b"));
        // free runs: .2-.4 (3), .6-.11 (6), .13-.254
        List<Address> block = allocator.allocateBlock(lan.id(), 5, AddressDetails.allocated("rack"));
        assertThat(block).extracting(a -> a.ip().toString())
                .containsExactly("10.0.0.6", "10.0.0.7", "10.0.0.8", "10.0.0.9", "10.0.0.10");
        assertThat(next(lan, 1)).containsExactly("10.0.0.2");
        // 245 addresses are free, but the longest run is .13-.254 (242)
        assertThatThrownBy(() -> allocator.allocateBlock(lan.id(), 243, AddressDetails.allocated("x")))
                .isInstanceOf(SubnetExhausted.class).hasMessageContaining("no run of 243 contiguous free addresses");
    }

    // ---- rule 5: groups

    @Test
    void dualStackGroupIsAllOrNothing() {
        Subnet v6 = AllocatorFixture.subnet(allocator, "dc1", "2001:db8::/126");
        next(v6, 3);
        String before = ContentSnapshot.of(file);
        assertThatThrownBy(() -> allocator.allocateGroup(List.of(
                GroupRequest.next(lan.id(), AddressDetails.allocated("dual")),
                GroupRequest.next(v6.id(), AddressDetails.allocated("dual")))))
                .isInstanceOf(SubnetExhausted.class)
                .hasMessage("2001:db8::/126 in dc1 has no free address left");
        assertThat(ContentSnapshot.of(file)).isEqualTo(before);
        assertThat(allocator.addresses(lan.id())).isEmpty();
    }

    @Test
    void groupTakesSpecificAddressesBeforeAutomaticOnes() {
        Subnet v6 = AllocatorFixture.subnet(allocator, "dc1", "2001:db8::/64");
        List<Address> taken = allocator.allocateGroup(List.of(
                GroupRequest.next(lan.id(), AddressDetails.allocated("a")),
                GroupRequest.specific(lan.id(), ip("10.0.0.2"), AddressDetails.allocated("b")),
                GroupRequest.next(v6.id(), AddressDetails.allocated("a"))));
        assertThat(taken).extracting(a -> a.ip().toString()).containsExactly("10.0.0.2", "10.0.0.3", "2001:db8::1");
    }

    // ---- rule 6: release and update, both logged

    @Test
    void releaseAndUpdateAreLogged() {
        Address a = allocator.reserve(lan.id(), ip("10.0.0.9"), AddressDetails.allocated("db-1"));
        allocator.update(lan.id(), a.ip(), new AddressDetails(AddressStatus.DEPRECATED, "db-1",
                Optional.of(Allocator.parseMac("00-1A-2B-3C-4D-5E")), "ops", "old"));
        assertThat(allocator.address(lan.id(), a.ip())).get()
                .satisfies(x -> assertThat(x.details().mac()).map(Object::toString).hasValue("00:1a:2b:3c:4d:5e"));
        allocator.release(lan.id(), a.ip());
        assertThat(allocator.address(lan.id(), a.ip())).isEmpty();
        assertThat(allocator.history("address", "10.0.0.0/24 in dc1 10.0.0.9", 10))
                .extracting(c -> c.action().label())
                .containsExactly("release", "update", "allocate");
        assertThat(allocator.history("address", "10.0.0.0/24 in dc1 10.0.0.9", 10).get(1))
                .satisfies(c -> {
                    assertThat(c.user()).isEqualTo("alice");
                    assertThat(c.before()).contains("\"status\":\"allocated\"");
                    assertThat(c.after()).contains("\"status\":\"deprecated\"", "\"mac\":\"00:1a:2b:3c:4d:5e\"");
                });
        assertThatThrownBy(() -> allocator.release(lan.id(), a.ip())).isInstanceOf(NotFound.class)
                .hasMessage("10.0.0.9 is not held in 10.0.0.0/24 in dc1");
    }

    @Test
    void badHostnameIsRefused() {
        assertThatThrownBy(() -> allocator.reserve(lan.id(), ip("10.0.0.9"), AddressDetails.allocated("-web")))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("RFC 1123");
    }

    // ---- rule 8: utilisation

    @Test
    void usageCountsEveryStatusAndRanges() {
        allocator.addRange(lan.id(), ip("10.0.0.100"), ip("10.0.0.149"), RangeKind.DHCP, "");
        allocator.addRange(lan.id(), ip("10.0.0.200"), ip("10.0.0.209"), RangeKind.RESERVED, "");
        next(lan, 20);
        allocator.reserve(lan.id(), ip("10.0.0.120"), AddressDetails.of(AddressStatus.DHCP));
        allocator.reserve(lan.id(), ip("10.0.0.201"), AddressDetails.of(AddressStatus.RESERVED));
        allocator.reserve(lan.id(), ip("10.0.0.60"), AddressDetails.of(AddressStatus.DEPRECATED));
        var usage = allocator.usage(lan.id());
        assertThat(usage.usable()).isEqualTo(254);
        assertThat(usage.allocated()).isEqualTo(20);
        assertThat(usage.dhcp()).isEqualTo(50);
        assertThat(usage.reserved()).isEqualTo(10 + 1); // reserved range + gateway
        assertThat(usage.deprecated()).isEqualTo(1);
        assertThat(usage.free()).isEqualTo(254 - 20 - 50 - 11 - 1);
        assertThat(usage.percent()).isEqualByComparingTo("32.28"); // 82 of 254
        assertThat(usage.free()).isEqualTo(sumOfExtents(lan));
    }

    @Test
    void ipv6UsageDoesNotOverflow() {
        Subnet v6 = AllocatorFixture.subnet(allocator, "dc1", "2001:db8::/48");
        next(v6, 3);
        var usage = allocator.usage(v6.id());
        BigInteger usable = BigInteger.TWO.pow(80).subtract(BigInteger.ONE);
        assertThat(usage.usable()).isEqualTo(usable);
        assertThat(usage.free()).isEqualTo(usable.subtract(BigInteger.valueOf(3)));
        assertThat(allocator.networkUsage("dc1").usable()).isEqualTo(usable.add(BigInteger.valueOf(254)));
    }

    @Test
    void parentUsageIncludesItsChildren() {
        Subnet parent = AllocatorFixture.subnet(allocator, "dc1", "10.10.0.0/16");
        Subnet child = AllocatorFixture.subnet(allocator, "dc1", "10.10.1.0/24");
        next(child, 5);
        next(parent, 2);
        var usage = allocator.usage(parent.id());
        assertThat(usage.usable()).isEqualTo(65534);
        assertThat(usage.allocated()).isEqualTo(7);
        assertThat(usage.reserved()).isEqualTo(2); // the child's network and broadcast addresses
        assertThat(usage.free()).isEqualTo(65534 - 7 - 2);
        assertThat(allocator.usage(child.id()).free()).isEqualTo(249);
        // the network total counts the /16 once (with its child) and the /24 beside it
        assertThat(allocator.networkUsage("dc1").usable()).isEqualTo(65534 + 254);
    }

    private BigInteger sumOfExtents(Subnet subnet) {
        return allocator.freeExtents(subnet.id()).stream().map(r -> r.size()).reduce(BigInteger.ZERO, BigInteger::add);
    }

    // ---- rule 9: search

    @Test
    void searchByIpCidrHostnameMacAndDescription() {
        allocator.createNetwork("dc2", "");
        Subnet other = AllocatorFixture.subnet(allocator, "dc2", "10.0.0.0/24");
        allocator.reserve(lan.id(), ip("10.0.0.5"), new AddressDetails(AddressStatus.ALLOCATED, "web-01",
                Optional.of(Allocator.parseMac("aa:bb:cc:dd:ee:01")), "", "front end"));
        allocator.reserve(other.id(), ip("10.0.0.5"), AddressDetails.allocated("web-02"));
        allocator.reserve(lan.id(), ip("10.0.0.77"), new AddressDetails(AddressStatus.RESERVED, "printer",
                Optional.empty(), "", "Second floor PRINTER"));

        assertThat(allocator.find("10.0.0.5")).extracting(v -> v.subnet().networkName()).containsExactly("dc1", "dc2");
        assertThat(allocator.find("10.0.0.64/26")).extracting(v -> v.address().ip().toString()).containsExactly("10.0.0.77");
        assertThat(allocator.find("WEB-0")).hasSize(2);
        assertThat(allocator.find("AABB.CCDD.EE01")).extracting(v -> v.address().details().hostname()).containsExactly("web-01");
        assertThat(allocator.find("floor printer")).extracting(v -> v.address().details().hostname()).containsExactly("printer");
        assertThat(allocator.find("100%")).isEmpty();
        allocator.reserve(lan.id(), ip("10.0.0.78"), AddressDetails.allocated("cafebabe0001"));
        assertThat(allocator.find("cafebabe0001")).extracting(v -> v.address().ip().toString()).containsExactly("10.0.0.78");
        assertThatThrownBy(() -> allocator.find("  ")).isInstanceOf(InvalidInput.class);
    }
}
