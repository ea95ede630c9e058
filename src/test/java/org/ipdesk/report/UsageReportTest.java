package org.ipdesk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.AllocatorException;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.Usage;
import org.ipdesk.report.Thresholds.Level;
import org.ipdesk.report.UsageReport.SubnetRow;
import org.ipdesk.report.UsageReport.Total;
import org.junit.jupiter.api.Test;

class UsageReportTest {
    private final Allocator allocator = SampleReport.allocator();
    private final UsageReport report = SampleReport.report();

    @Test
    void everySubnetWithTheAllocatorsFiguresInTreeOrder() {
        List<Subnet> subnets = allocator.subnets();
        Map<Long, Usage> usage = SampleReport.usage();
        assertThat(report.subnets()).hasSize(subnets.size());
        for (int i = 0; i < subnets.size(); i++) {
            Subnet s = subnets.get(i);
            SubnetRow r = report.subnets().get(i);
            assertThat(r.cidr()).isEqualTo(s.cidr());
            assertThat(r.network()).isEqualTo(s.networkName());
            assertThat(r.usage()).isEqualTo(usage.get(s.id()));
            assertThat(r.percent()).isEqualTo(usage.get(s.id()).percent());
            assertThat(r.size()).isEqualTo(s.cidr().total());
            assertThat(r.depth()).isEqualTo(s.parentId().isPresent() ? 1 : 0);
            assertThat(r.level()).isEqualTo(Thresholds.DEFAULT.level(r.percent()));
        }
        assertThat(report.generatedAt()).isEqualTo(SampleReport.NOW);
        assertThat(report.databaseName()).isEqualTo("sample.db");
    }

    @Test
    void networkTotalsAreTheSumOfTopLevelSubnetsPerIpVersion() {
        for (Total t : report.networks()) {
            Usage expected = allocator.subnets(t.network().orElseThrow()).stream()
                    .filter(s -> s.parentId().isEmpty() && s.cidr().version().number() == t.ipVersion())
                    .map(s -> SampleReport.usage().get(s.id())).reduce(Usage.ZERO, Usage::plus);
            assertThat(t.usage()).isEqualTo(expected);
        }
        // frankfurt has IPv4 and IPv6; together they make the allocator's network usage
        Usage frankfurt = report.networks().stream().filter(t -> t.network().orElseThrow().equals("dc-frankfurt"))
                .map(Total::usage).reduce(Usage.ZERO, Usage::plus);
        assertThat(frankfurt).isEqualTo(allocator.networkUsage("dc-frankfurt"));
        assertThat(report.networks()).filteredOn(t -> t.network().orElseThrow().equals("dc-frankfurt"))
                .extracting(Total::ipVersion).containsExactly(4, 6);
        assertThat(report.totals()).extracting(Total::ipVersion).containsExactly(4, 6);
        for (Total grand : report.totals()) {
            assertThat(grand.usage()).isEqualTo(report.networks().stream()
                    .filter(t -> t.ipVersion() == grand.ipVersion()).map(Total::usage).reduce(Usage.ZERO, Usage::plus));
        }
    }

    @Test
    void theTenFullestAndThoseOverTheThresholds() {
        List<SubnetRow> byPercent = report.subnets().stream()
                .sorted(Comparator.comparing(SubnetRow::percent).reversed()).toList();
        assertThat(report.fullest()).hasSize(10);
        assertThat(report.fullest()).extracting(SubnetRow::percent)
                .isSortedAccordingTo(Comparator.reverseOrder())
                .containsExactlyElementsOf(byPercent.subList(0, 10).stream().map(SubnetRow::percent).toList());
        assertThat(report.overThreshold()).isNotEmpty()
                .allMatch(r -> r.percent().compareTo(new BigDecimal("80")) >= 0)
                .anyMatch(r -> r.level() == Level.CRITICAL);
        assertThat(report.subnets()).filteredOn(r -> r.level() != Level.OK).hasSameSizeAs(report.overThreshold());

        UsageReport strict = UsageReport.build(allocator, Optional.empty(), Thresholds.of(99.5, 100), SampleReport.NOW,
                "x");
        assertThat(strict.overThreshold()).hasSizeLessThan(report.overThreshold().size());
    }

    @Test
    void ipv6SubnetsOfASlash64AndWiderShowTheirFreeSpaceInSlash64s() {
        SubnetRow v6 = report.subnets().stream().filter(r -> r.cidr().toString().equals("2001:db8:20::/48"))
                .findFirst().orElseThrow();
        BigDecimal expected = new BigDecimal(v6.usage().free())
                .divide(new BigDecimal(BigInteger.ONE.shiftLeft(64)), 2, java.math.RoundingMode.HALF_UP);
        assertThat(v6.free64s()).contains(expected);
        assertThat(expected).isEqualByComparingTo("65536.00");
        assertThat(report.subnets()).filteredOn(r -> r.ipVersion() == 4).allMatch(r -> r.free64s().isEmpty());
    }

    @Test
    void oneNetworkOnlyAndAnUnknownOneRefused() {
        UsageReport berlin = UsageReport.build(allocator, Optional.of("hq-berlin"), Thresholds.DEFAULT,
                SampleReport.NOW, "x");
        assertThat(berlin.subnets()).isNotEmpty().allMatch(r -> r.network().equals("hq-berlin"));
        assertThat(berlin.networks()).extracting(t -> t.network().orElseThrow()).containsOnly("hq-berlin");
        assertThatThrownBy(() -> UsageReport.build(allocator, Optional.of("hq-berln"), Thresholds.DEFAULT,
                SampleReport.NOW, "x")).isInstanceOf(AllocatorException.class).hasMessageContaining("hq-berln");
    }
}
