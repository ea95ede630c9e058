package org.ipdesk.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.ipdesk.address.Cidr;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.AllocatorFixture;
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
 * Two admins create a subnet and a subnet inside it at the same moment, on two connections: whichever goes first,
 * the smaller one ends up as the child of the larger one, never beside it.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class SubnetTreeRaceTest {
    private static final int ROUNDS = 25;

    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    @Test
    void aSubnetCreatedWithItsParentAtTheSameMomentEndsUpInsideIt() throws Exception {
        Location location = engine.fresh(dir, "tree-race");
        try (Allocator one = AllocatorFixture.open(location); Allocator two = AllocatorFixture.open(location)) {
            one.createNetwork("lab", "");
            CyclicBarrier together = new CyclicBarrier(2);
            for (int round = 0; round < ROUNDS; round++) {
                Cidr outer = Cidr.parse("10." + round + ".0.0/16");
                Cidr inner = Cidr.parse("10." + round + ".7.0/24");
                CompletableFuture<Subnet> a = CompletableFuture.supplyAsync(() -> create(one, outer, together));
                CompletableFuture<Subnet> b = CompletableFuture.supplyAsync(() -> create(two, inner, together));
                Subnet parent = a.get(30, TimeUnit.SECONDS);
                b.get(30, TimeUnit.SECONDS);

                Subnet child = one.findSubnet(inner, Optional.of("lab"));
                assertThat(child.parentId()).as("the parent of %s (round %d)", inner, round).hasValue(parent.id());
                assertThat(one.subnet(parent.id()).parentId()).isEmpty();
            }
        }
    }

    private static Subnet create(Allocator allocator, Cidr cidr, CyclicBarrier together) {
        try {
            together.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return allocator.createSubnet("lab", SubnetSpec.of(cidr));
    }
}
