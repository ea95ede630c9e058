package org.ipdesk.allocator;

import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.Parameter;
import org.ipdesk.store.Engine;
import org.ipdesk.store.Location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ipdesk.allocator.AllocatorFixture.ip;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.address.IpRange;
import org.ipdesk.allocator.AllocatorException.InvalidInput;
import org.ipdesk.allocator.AllocatorException.SubnetExhausted;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.store.ContentSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How many addresses one command may take or give back: never more than the subnet's free space (checked before
 * anything is written or built) and never more than {@link Allocator#MAX_ADDRESSES_PER_COMMAND}, for automatic
 * allocation, blocks, groups and releases alike. A refusal leaves every row as it was.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class CommandSizeTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;
    Location file;
    Allocator allocator;
    Subnet lan;
    Subnet wide;

    @BeforeEach
    void setUp() {
        file = engine.fresh(dir, "test");
        allocator = AllocatorFixture.open(file);
        allocator.createNetwork("dc1", "");
        lan = allocator.createSubnet("dc1", SubnetSpec.of(Cidr.parse("10.0.0.0/24")).withGateway(ip("10.0.0.1")));
        wide = allocator.createSubnet("dc1", SubnetSpec.of(Cidr.parse("2001:db8::/64")));
    }

    @AfterEach
    void tearDown() {
        allocator.close();
    }

    private static final AddressDetails HOST = AddressDetails.allocated("h");

    @Test
    void theCapIs65536() {
        assertThat(Allocator.MAX_ADDRESSES_PER_COMMAND).isEqualTo(65_536);
    }

    @Test
    void aCountBeyondTheFreeSpaceNamesBoth() {
        allocator.addRange(lan.id(), ip("10.0.0.100"), ip("10.0.0.199"), RangeKind.DHCP, "");
        String before = ContentSnapshot.of(file);
        // 254 usable, less the gateway and the 100 addresses of the pool
        for (Strategy strategy : Strategy.values()) {
            assertThatThrownBy(() -> allocator.allocateNext(lan.id(), Integer.MAX_VALUE, strategy, HOST))
                    .isInstanceOf(SubnetExhausted.class)
                    .hasMessage("10.0.0.0/24 in dc1 has 153 free addresses; 2147483647 were asked for");
        }
        assertThatThrownBy(() -> allocator.allocateBlock(lan.id(), 154, HOST))
                .isInstanceOf(SubnetExhausted.class)
                .hasMessage("10.0.0.0/24 in dc1 has 153 free addresses; 154 were asked for");
        assertThat(ContentSnapshot.of(file)).isEqualTo(before);
        allocator.allocateNext(lan.id(), 152, Strategy.FIRST, HOST);
        assertThatThrownBy(() -> allocator.allocateNext(lan.id(), 2, Strategy.FIRST, HOST))
                .isInstanceOf(SubnetExhausted.class)
                .hasMessage("10.0.0.0/24 in dc1 has 1 free address; 2 were asked for");
        allocator.allocateNext(lan.id(), 1, Strategy.FIRST, HOST);
        assertThatThrownBy(() -> allocator.allocateNext(lan.id(), 3, Strategy.FIRST, HOST))
                .isInstanceOf(SubnetExhausted.class)
                .hasMessage("10.0.0.0/24 in dc1 has no free address left; 3 were asked for");
    }

    @Test
    void theLowestFreeAddressesAreTakenAcrossGapsAndNeverFromAPool() {
        allocator.addRange(lan.id(), ip("10.0.0.10"), ip("10.0.0.19"), RangeKind.DHCP, "");
        allocator.reserve(lan.id(), ip("10.0.0.4"), HOST);
        List<String> taken = allocator.allocateNext(lan.id(), 10, Strategy.FIRST, HOST).stream()
                .map(a -> a.ip().toString()).toList();
        assertThat(taken).containsExactly("10.0.0.2", "10.0.0.3", "10.0.0.5", "10.0.0.6", "10.0.0.7", "10.0.0.8",
                "10.0.0.9", "10.0.0.20", "10.0.0.21", "10.0.0.22");
        assertThat(allocator.freeExtents(lan.id())).extracting(Object::toString).containsExactly("10.0.0.23-10.0.0.254");
        assertThat(allocator.history("address", "", 100)).hasSize(11);
    }

    @Test
    void aCountOverTheCapIsRefusedEvenWhereTheSpaceIsThere() {
        String before = ContentSnapshot.of(file);
        for (Strategy strategy : Strategy.values()) {
            assertThatThrownBy(() -> allocator.allocateNext(wide.id(), 65_537, strategy, HOST))
                    .isInstanceOf(InvalidInput.class)
                    .hasMessage("at most 65536 addresses can be allocated in one command; 65537 were asked for");
        }
        assertThatThrownBy(() -> allocator.allocateBlock(wide.id(), 5_000_000, HOST))
                .isInstanceOf(InvalidInput.class)
                .hasMessage("at most 65536 addresses can be allocated in one command; 5000000 were asked for");
        assertThat(ContentSnapshot.of(file)).isEqualTo(before);
    }

    @Test
    void aGroupOverTheCapIsRefused() {
        List<GroupRequest> requests = new ArrayList<>();
        for (int i = 0; i <= Allocator.MAX_ADDRESSES_PER_COMMAND; i++) {
            requests.add(GroupRequest.next(wide.id(), HOST));
        }
        String before = ContentSnapshot.of(file);
        assertThatThrownBy(() -> allocator.allocateGroup(requests))
                .isInstanceOf(InvalidInput.class)
                .hasMessage("at most 65536 addresses can be allocated in one command; 65537 were asked for");
        assertThat(ContentSnapshot.of(file)).isEqualTo(before);
    }

    @Test
    void aReleaseOverTheCapIsRefused() {
        allocator.allocateNext(wide.id(), 3, Strategy.FIRST, HOST);
        List<Ip> ips = new ArrayList<>();
        Ip ip = ip("2001:db8::1");
        for (int i = 0; i <= Allocator.MAX_ADDRESSES_PER_COMMAND; i++) {
            ips.add(ip);
            ip = ip.next();
        }
        String before = ContentSnapshot.of(file);
        assertThatThrownBy(() -> allocator.releaseAll(wide.id(), ips))
                .isInstanceOf(InvalidInput.class)
                .hasMessage("at most 65536 addresses can be released in one command; 65537 were asked for");
        assertThat(ContentSnapshot.of(file)).isEqualTo(before);
    }

    @Test
    void releasingManyGivesBackExactlyTheFreeSpaceTheyCameFrom() {
        allocator.addRange(lan.id(), ip("10.0.0.50"), ip("10.0.0.59"), RangeKind.RESERVED, "printers");
        allocator.createSubnet("dc1", SubnetSpec.of(Cidr.parse("10.0.0.128/28")));
        List<IpRange> free = allocator.freeExtents(lan.id());
        List<Ip> held = new ArrayList<>();
        allocator.allocateNext(lan.id(), 100, Strategy.FIRST, HOST).forEach(a -> held.add(a.ip()));
        // held but never free: in the reserved range
        for (String inRange : List.of("10.0.0.50", "10.0.0.55", "10.0.0.59")) {
            held.add(allocator.reserve(lan.id(), ip(inRange), AddressDetails.of(AddressStatus.RESERVED))
                    .ip());
        }
        assertThat(allocator.releaseAll(lan.id(), held)).hasSize(103);
        assertThat(allocator.freeExtents(lan.id())).isEqualTo(free);
        assertThat(allocator.addresses(lan.id())).isEmpty();
    }

    @Test
    void theBlockPlacementIsTheAllocatorsOwnCheck() {
        assertThat(allocator.blockPlacement(lan.id(), 8)).isEqualTo(new IpRange(ip("10.0.0.2"), ip("10.0.0.9")));
        assertThatThrownBy(() -> allocator.blockPlacement(lan.id(), 0)).isInstanceOf(InvalidInput.class)
                .hasMessage("a block needs at least 1 address, not 0");
        assertThatThrownBy(() -> allocator.blockPlacement(wide.id(), 65_537)).isInstanceOf(InvalidInput.class)
                .hasMessage("at most 65536 addresses can be allocated in one command; 65537 were asked for");
        allocator.reserve(lan.id(), ip("10.0.0.100"), HOST);
        assertThatThrownBy(() -> allocator.blockPlacement(lan.id(), 200)).isInstanceOf(SubnetExhausted.class)
                .hasMessage("10.0.0.0/24 in dc1 has no run of 200 contiguous free addresses");
        assertThat(allocator.addresses(lan.id())).hasSize(1);
    }
}
