package org.ipdesk.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.IpRange;
import org.ipdesk.address.IpVersion;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.AllocatorException;
import org.ipdesk.allocator.AllocatorException.Conflict;
import org.ipdesk.allocator.AllocatorFixture;
import org.ipdesk.allocator.Strategy;
import org.ipdesk.model.Address;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressRange;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.model.Usage;
import org.ipdesk.store.Location;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetGeneratorTest {
    @TempDir
    Path dir;

    @Test
    void generatesExactlyThePlannedDataObeyingTheRules() {
        Path file = dir.resolve("gen.db");
        DatasetGenerator.Summary summary;
        List<String> progress = new ArrayList<>();
        try (DatasetGenerator generator = DatasetGenerator.open(Location.of(file))) {
            summary = generator.generate(new DatasetGenerator.Plan(300, 30_000, 20, 42), progress::add);
        }
        assertThat(summary.subnets()).isEqualTo(300);
        assertThat(summary.slash64()).isEqualTo(20);
        assertThat(summary.slash16()).isEqualTo(2);
        assertThat(summary.slash24()).isEqualTo(278);
        assertThat(summary.addresses()).isEqualTo(30_000);
        assertThat(progress).isNotEmpty();

        try (Allocator allocator = AllocatorFixture.open(file)) {
            List<Subnet> subnets = allocator.subnets();
            assertThat(subnets).hasSize(300);
            assertThat(subnets.stream().filter(s -> s.cidr().version() == IpVersion.V6)).hasSize(20);
            assertThat(subnets.stream().filter(s -> s.cidr().prefixLength() == 16)).hasSize(2);
            assertThat(subnets).allSatisfy(s -> assertThat(s.parentId()).isEmpty());

            Map<Long, Usage> usage = allocator.usageBySubnet();
            long held = 0;
            for (Subnet subnet : subnets) {
                List<Address> addresses = allocator.addresses(subnet.id());
                List<AddressRange> ranges = allocator.ranges(subnet.id());
                held += addresses.size();
                for (Address a : addresses) {
                    assertThat(subnet.cidr().isUsable(a.ip())).as("%s usable in %s", a.ip(), subnet.cidr()).isTrue();
                    assertThat(subnet.gateway()).isNotEqualTo(java.util.Optional.of(a.ip()));
                    for (AddressRange r : ranges) {
                        if (r.range().contains(a.ip())) {
                            assertThat(r.kind()).isEqualTo(RangeKind.DHCP);
                            assertThat(a.status()).isEqualTo(AddressStatus.DHCP);
                        }
                    }
                }
                // the free extents are exactly the usable space less gateway, ranges and held addresses
                BigInteger extentTotal = allocator.freeExtents(subnet.id()).stream().map(IpRange::size)
                        .reduce(BigInteger.ZERO, BigInteger::add);
                assertThat(extentTotal).as("free space of %s", subnet.cidr()).isEqualTo(usage.get(subnet.id()).free());
            }
            assertThat(held).isEqualTo(30_000);
            assertThat(allocator.networks()).hasSize(1);
            assertThat(allocator.subnets().stream().flatMap(s -> allocator.addresses(s.id()).stream())
                    .map(Address::status).distinct()).contains(AddressStatus.values());

            // allocation on generated data hands out the lowest free address
            Subnet busiest = subnets.stream().filter(s -> s.cidr().version() == IpVersion.V4)
                    .max(java.util.Comparator.comparingLong(s -> allocator.addresses(s.id()).size())).orElseThrow();
            IpRange firstFree = allocator.freeExtents(busiest.id()).get(0);
            Address got = allocator.allocateNext(busiest.id(), 1, Strategy.FIRST, AddressDetails.allocated("x")).get(0);
            assertThat(got.ip()).isEqualTo(firstFree.start());
        }
    }

    @Test
    void refusesADatabaseThatAlreadyHasNetworks() {
        Path file = dir.resolve("used.db");
        try (Allocator allocator = AllocatorFixture.open(file)) {
            allocator.createNetwork("dc1", "");
        }
        try (DatasetGenerator generator = DatasetGenerator.open(Location.of(file))) {
            assertThatThrownBy(() -> generator.generate(DatasetGenerator.Plan.of(10, 10), line -> { }))
                    .isInstanceOf(Conflict.class).hasMessageContaining("already has 1 network");
        }
    }

    @Test
    void refusesMoreAddressesThanFit() {
        try (DatasetGenerator generator = DatasetGenerator.open(Location.of(dir.resolve("full.db")))) {
            assertThatThrownBy(() -> generator.generate(new DatasetGenerator.Plan(2, 1000, 0, 1), line -> { }))
                    .isInstanceOf(AllocatorException.InvalidInput.class).hasMessageContaining("do not fit");
        }
    }

    @Test
    void fillsOneSubnetLeavingHoles() {
        Path file = dir.resolve("fill.db");
        long id;
        try (Allocator allocator = AllocatorFixture.open(file)) {
            allocator.createNetwork("dc1", "");
            id = allocator.createSubnet("dc1", SubnetSpec.of(Cidr.parse("10.20.0.0/16"))
                    .withGateway(AllocatorFixture.ip("10.20.0.1"))).id();
        }
        try (DatasetGenerator generator = DatasetGenerator.open(Location.of(file))) {
            assertThat(generator.fill(id, 65_000, 100, 3)).isEqualTo(65_000);
        }
        try (Allocator allocator = AllocatorFixture.open(file)) {
            assertThat(allocator.addresses(id)).hasSize(65_000);
            List<IpRange> extents = allocator.freeExtents(id);
            BigInteger free = extents.stream().map(IpRange::size).reduce(BigInteger.ZERO, BigInteger::add);
            assertThat(free).isEqualTo(BigInteger.valueOf(65_534 - 1 - 65_000));
            assertThat(extents.size()).isBetween(2, 101);
        }
    }
}
