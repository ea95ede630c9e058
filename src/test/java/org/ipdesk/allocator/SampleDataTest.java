package org.ipdesk.allocator;

import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.Parameter;
import org.ipdesk.store.Engine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.ipdesk.address.Cidr;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.Usage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class SampleDataTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    @Test
    void aSmallCompanyWithEveryStatusRangesHistoryAndSubnetsFromEmptyToFull() {
        try (Allocator allocator = Allocator.open(engine.fresh(dir, "sample"))) {
            int made = SampleData.create(allocator);

            assertThat(allocator.networks()).extracting(n -> n.name())
                    .containsExactly("branch-lyon", "dc-frankfurt", "hq-berlin");
            assertThat(allocator.addressCount()).isEqualTo(made).isBetween(2000L, 5000L);
            assertThat(allocator.subnets()).anyMatch(s -> s.cidr().version().number() == 6)
                    .anyMatch(s -> s.parentId().isPresent());

            Map<Long, Usage> usage = allocator.usageBySubnet();
            Usage total = allocator.subnets().stream().filter(s -> s.parentId().isEmpty())
                    .filter(s -> s.cidr().version().number() == 4)
                    .map(s -> usage.get(s.id())).reduce(Usage.ZERO, Usage::plus);
            assertThat(total.allocated()).isPositive();
            assertThat(total.reserved()).isPositive();
            assertThat(total.dhcp()).isPositive();
            assertThat(total.deprecated()).isPositive();
            // a nearly full subnet and a full one, so the tree shows its warning colours
            assertThat(usage.get(subnet(allocator, "192.168.50.0/24", "branch-lyon").id()).percent())
                    .isGreaterThanOrEqualTo(new java.math.BigDecimal("95"));
            assertThat(usage.get(subnet(allocator, "10.10.99.0/27", "hq-berlin").id()).free()).isEqualTo(BigInteger.ZERO);

            Subnet web = subnet(allocator, "10.20.1.0/24", "dc-frankfurt");
            assertThat(allocator.addressHistory(web.id(), org.ipdesk.address.Ip.parse("10.20.1.6"), 10)).hasSize(2);
            assertThat(allocator.ranges(web.id())).hasSize(1);
        }
    }

    @Test
    void onlyIntoAnEmptyDatabase() {
        try (Allocator allocator = Allocator.open(engine.fresh(dir, "used"))) {
            allocator.createNetwork("mine", "");
            assertThatThrownBy(() -> SampleData.create(allocator))
                    .isInstanceOf(AllocatorException.Conflict.class)
                    .hasMessageContaining("only into an empty database");
            assertThat(allocator.networks()).hasSize(1);
        }
    }

    private static Subnet subnet(Allocator allocator, String cidr, String network) {
        return allocator.findSubnet(Cidr.parse(cidr), Optional.of(network));
    }
}
