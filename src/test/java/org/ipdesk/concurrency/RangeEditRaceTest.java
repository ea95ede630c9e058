package org.ipdesk.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.AllocatorException;
import org.ipdesk.allocator.AllocatorFixture;
import org.ipdesk.allocator.Strategy;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressRange;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.store.Engine;
import org.ipdesk.store.Location;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One admin allocates from a subnet while another adds and removes DHCP pools in it, on two connections at once.
 * Whatever the interleaving, no pool ever holds an allocated address and the subnet's free space stays exact: after
 * both, allocating until the subnet is full hands out every remaining address once.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class RangeEditRaceTest {
    private static final Cidr CIDR = Cidr.parse("10.9.0.0/23");
    private static final int ALLOCATIONS = 300;

    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    @Test
    void poolsAddedDuringAllocationNeverHoldAnAllocatedAddress() throws Exception {
        Location location = engine.fresh(dir, "race");
        try (Allocator allocating = AllocatorFixture.open(location);
             Allocator editing = AllocatorFixture.open(location)) {
            allocating.createNetwork("lab", "");
            Subnet subnet = allocating.createSubnet("lab", SubnetSpec.of(CIDR));
            List<String> refused = new ArrayList<>();

            CompletableFuture<List<Ip>> allocations = CompletableFuture.supplyAsync(() -> {
                List<Ip> taken = new ArrayList<>();
                for (int i = 0; i < ALLOCATIONS; i++) {
                    taken.add(allocating.allocateNext(subnet.id(), 1, Strategy.FIRST,
                            AddressDetails.allocated("h" + i)).get(0).ip());
                }
                return taken;
            });
            CompletableFuture<Integer> pools = CompletableFuture.supplyAsync(() -> {
                Random random = new Random(11);
                int added = 0;
                while (!allocations.isDone()) {
                    Ip start = CIDR.first().plus(1 + random.nextInt(ALLOCATIONS + 40));
                    try {
                        AddressRange pool = editing.addRange(subnet.id(), start, start.plus(3), RangeKind.DHCP, "");
                        added++;
                        editing.deleteRange(pool.id());
                    } catch (AllocatorException.Conflict e) {
                        refused.add(e.getMessage()); // the pool would have held an allocated address: refused
                    }
                }
                return added;
            });

            List<Ip> taken = allocations.get(120, TimeUnit.SECONDS);
            int added = pools.get(30, TimeUnit.SECONDS);
            assertThat(added + refused.size()).as("pool edits that ran meanwhile").isPositive();
            assertThat(taken).doesNotHaveDuplicates();
            assertThat(refused).allMatch(m -> m.contains("would include"), "refused for a held address");

            List<Ip> rest = new ArrayList<>();
            while (true) {
                try {
                    rest.add(allocating.allocateNext(subnet.id(), 1, Strategy.FIRST,
                            AddressDetails.allocated("rest")).get(0).ip());
                } catch (AllocatorException.SubnetExhausted e) {
                    break;
                }
            }
            Set<Ip> all = new HashSet<>(taken);
            all.addAll(rest);
            assertThat(all).hasSize(taken.size() + rest.size())
                    .hasSize(CIDR.total().intValueExact() - 2);
        }
    }
}
