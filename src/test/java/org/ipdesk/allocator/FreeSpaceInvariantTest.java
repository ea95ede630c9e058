package org.ipdesk.allocator;

import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.Parameter;
import org.ipdesk.store.Engine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ipdesk.allocator.AllocatorFixture.ip;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.address.IpRange;
import org.ipdesk.model.Address;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.model.Usage;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random sequences of commands (seeded) on small subnets; after each step the free extents must equal the
 * free set computed by brute force, and the usage figures must add up.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class FreeSpaceInvariantTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {3, 11, 2026})
    void extentsMatchBruteForceAfterRandomCommands(long seed) {
        Random random = new Random(seed);
        try (Allocator allocator = AllocatorFixture.open(engine.fresh(dir, "inv-" + seed))) {
            allocator.createNetwork("n", "");
            List<Subnet> subnets = new ArrayList<>();
            subnets.add(allocator.createSubnet("n", SubnetSpec.of(Cidr.parse("10.0.0.0/26")).withGateway(ip("10.0.0.1"))));
            subnets.add(allocator.createSubnet("n", SubnetSpec.of(Cidr.parse("2001:db8::/122"))));
            subnets.add(allocator.createSubnet("n", SubnetSpec.of(Cidr.parse("10.0.1.0/25"))));
            for (int step = 0; step < 400; step++) {
                Subnet subnet = subnets.get(random.nextInt(subnets.size()));
                subnet = allocator.subnet(subnet.id());
                Cidr cidr = subnet.cidr();
                Ip some = cidr.first().plus(random.nextInt(cidr.total().intValueExact()));
                try {
                    switch (random.nextInt(10)) {
                        case 0, 1, 2 -> allocator.allocateNext(subnet.id(), 1 + random.nextInt(3),
                                random.nextBoolean() ? Strategy.FIRST : Strategy.RANDOM, AddressDetails.allocated("h"));
                        case 3 -> allocator.reserve(subnet.id(), some,
                                AddressDetails.of(AddressStatus.values()[random.nextInt(4)]));
                        case 4, 5 -> {
                            List<Address> held = allocator.addresses(subnet.id());
                            if (!held.isEmpty()) {
                                allocator.release(subnet.id(), held.get(random.nextInt(held.size())).ip());
                            }
                        }
                        case 6 -> allocator.allocateBlock(subnet.id(), 1 + random.nextInt(4), AddressDetails.allocated("b"));
                        case 7 -> allocator.addRange(subnet.id(), some, some.plus(random.nextInt(4)),
                                random.nextBoolean() ? RangeKind.DHCP : RangeKind.RESERVED, "");
                        case 8 -> {
                            var ranges = allocator.ranges(subnet.id());
                            if (!ranges.isEmpty()) {
                                allocator.deleteRange(ranges.get(random.nextInt(ranges.size())).id());
                            }
                        }
                        default -> {
                            if (cidr.prefixLength() < cidr.version().bits() - 3) {
                                Subnet child = allocator.createSubnet("n",
                                        SubnetSpec.of(Cidr.containing(some, cidr.prefixLength() + 2 + random.nextInt(2))));
                                subnets.add(child);
                            } else {
                                allocator.updateSubnet(subnet.id(), SubnetSpec.of(cidr).withGateway(cidr.lastUsable()));
                            }
                        }
                    }
                } catch (AllocatorException refused) {
                    // refusals are part of the walk; the invariants must hold after them too
                }
                checkInvariants(allocator, "seed " + seed + " step " + step);
            }
        }
    }

    private static void checkInvariants(Allocator allocator, String context) {
        Map<Long, Usage> usage = allocator.usageBySubnet();
        List<Subnet> all = allocator.subnets();
        for (Subnet subnet : all) {
            TreeSet<BigInteger> expected = new TreeSet<>();
            IpRange usable = subnet.cidr().usableRange();
            for (BigInteger v = usable.start().value(); v.compareTo(usable.end().value()) <= 0; v = v.add(BigInteger.ONE)) {
                expected.add(v);
            }
            subnet.gateway().ifPresent(g -> expected.remove(g.value()));
            allocator.ranges(subnet.id()).forEach(r -> removeRange(expected, r.range()));
            all.stream().filter(c -> c.parentId().isPresent() && c.parentId().getAsLong() == subnet.id())
                    .forEach(c -> removeRange(expected, c.cidr().range()));
            allocator.addresses(subnet.id()).forEach(a -> expected.remove(a.ip().value()));

            TreeSet<BigInteger> actual = new TreeSet<>();
            List<IpRange> extents = allocator.freeExtents(subnet.id());
            for (int i = 0; i < extents.size(); i++) {
                IpRange e = extents.get(i);
                if (i > 0) {
                    assertThat(extents.get(i - 1).end().next().compareTo(e.start()))
                            .as(context + ": extents of " + subnet.cidr() + " are maximal and apart").isNegative();
                }
                for (BigInteger v = e.start().value(); v.compareTo(e.end().value()) <= 0; v = v.add(BigInteger.ONE)) {
                    actual.add(v);
                }
            }
            assertThat(actual).as(context + ": free space of " + subnet.cidr()).isEqualTo(expected);

            Usage u = usage.get(subnet.id());
            assertThat(u.allocated().add(u.reserved()).add(u.dhcp()).add(u.deprecated()).add(u.free()))
                    .as(context + ": usage of " + subnet.cidr() + " adds up").isEqualTo(u.usable());
            BigInteger childrenFree = all.stream()
                    .filter(c -> c.parentId().isPresent() && c.parentId().getAsLong() == subnet.id())
                    .map(c -> usage.get(c.id()).free()).reduce(BigInteger.ZERO, BigInteger::add);
            assertThat(u.free()).as(context + ": free of " + subnet.cidr())
                    .isEqualTo(BigInteger.valueOf(expected.size()).add(childrenFree));
        }
    }

    private static void removeRange(TreeSet<BigInteger> set, IpRange range) {
        set.subSet(range.start().value(), true, range.end().value(), true).clear();
    }
}
