package org.ipdesk.ui.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.SampleData;
import org.ipdesk.model.Usage;
import org.ipdesk.report.ReportFormat;
import org.ipdesk.report.Thresholds;
import org.ipdesk.report.UsageReport.SubnetRow;
import org.ipdesk.store.Engine;
import org.ipdesk.store.Location;
import org.ipdesk.ui.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The dashboard's figures are the allocator's own; thresholds, the network choice and the export behave. */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class UsageDashboardViewModelTest {

    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    Allocator allocator;
    UsageDashboardViewModel vm;

    @BeforeEach
    void setUp() {
        allocator = Allocator.open(engine.seeded(dir, "sample-data", UsageDashboardViewModelTest::sampleData));
        vm = new UsageDashboardViewModel(() -> allocator, new CurrentThreadTaskExecutor(), () -> "sample.db");
        vm.load();
    }

    private static void sampleData(Location location) {
        try (Allocator writer = Allocator.open(location)) {
            SampleData.create(writer);
        }
    }

    @AfterEach
    void tearDown() {
        allocator.close();
    }

    @Test
    void everySubnetWithTheAllocatorsFiguresTheFullestFirstAndTheBreakdown() {
        Map<Long, Usage> usage = allocator.usageBySubnet();
        assertThat(vm.rows()).hasSize(allocator.subnets().size());
        for (var subnet : allocator.subnets()) {
            SubnetRow row = vm.rows().stream().filter(r -> r.cidr().equals(subnet.cidr())
                    && r.network().equals(subnet.networkName())).findFirst().orElseThrow();
            assertThat(row.usage()).as(subnet.label()).isEqualTo(usage.get(subnet.id()));
        }
        assertThat(vm.fullest()).hasSize(10);
        // the full ones first: the VPN /27 and the WAN /30 are both at 100 %
        assertThat(vm.fullest().subList(0, 2)).extracting(r -> r.cidr().toString())
                .containsExactlyInAnyOrder("10.10.99.0/27", "192.168.52.0/30");
        assertThat(vm.fullest().get(0).percent()).isEqualByComparingTo("100");
        assertThat(vm.fullest()).isSortedAccordingTo((a, b) -> b.percent().compareTo(a.percent()));
        BigInteger sum = vm.breakdown().stream().map(org.ipdesk.ui.subnet.UsageSegment::count)
                .reduce(BigInteger.ZERO, BigInteger::add);
        BigInteger v4usable = allocator.subnets().stream().filter(s -> s.parentId().isEmpty()
                && s.cidr().version().number() == 4).map(s -> usage.get(s.id()).usable()).reduce(BigInteger.ZERO, BigInteger::add);
        assertThat(sum).isEqualTo(v4usable);
        assertThat(vm.breakdownTextProperty().get()).startsWith("IPv4: ").endsWith(" of "
                + String.format("%,d", v4usable) + " usable");
        assertThat(vm.networkProperty().get()).isEqualTo(UsageDashboardViewModel.ALL_NETWORKS);
        assertThat(vm.summaryProperty().get()).startsWith("21 subnets \u00b7 ");
    }

    @Test
    void thresholdsAndTheNetworkChoiceReadTheReportAgain() {
        long criticalAt95 = vm.rows().stream().filter(r -> r.level() == Thresholds.Level.CRITICAL).count();
        vm.criticalProperty().set(99);
        long criticalAt99 = vm.rows().stream().filter(r -> r.level() == Thresholds.Level.CRITICAL).count();
        assertThat(criticalAt99).isLessThan(criticalAt95);

        vm.warnProperty().set(100);
        assertThat(vm.thresholdErrorProperty().get()).isNotEmpty();
        vm.warnProperty().set(80);
        assertThat(vm.thresholdErrorProperty().get()).isEmpty();

        assertThat(vm.networks()).containsExactly(UsageDashboardViewModel.ALL_NETWORKS, "branch-lyon", "dc-frankfurt",
                "hq-berlin");
        vm.networkProperty().set("branch-lyon");
        assertThat(vm.rows()).extracting(SubnetRow::network).containsOnly("branch-lyon");
    }

    @Test
    void aTableWithoutSubnetsSaysWhyInsteadOfTheToolkitsNoContent() {
        allocator.createNetwork("lab", "");
        vm.load();
        vm.networkProperty().set("lab");
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.emptyTextProperty().get()).isEqualTo("lab has no subnets.");

        vm.networkProperty().set(UsageDashboardViewModel.ALL_NETWORKS);
        allocator.subnets().stream()
                .sorted(java.util.Comparator.comparingInt((org.ipdesk.model.Subnet subnet) -> subnet.cidr()
                        .prefixLength()).reversed())
                .forEach(subnet -> allocator.deleteSubnet(subnet.id()));
        vm.load();
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.emptyTextProperty().get()).isEqualTo(UsageDashboardViewModel.NO_SUBNETS);
    }

    @Test
    void openingARowAsksTheWindowToShowIt() {
        List<String> opened = new ArrayList<>();
        vm.setOnOpen(row -> opened.add(row.cidr() + " in " + row.network()));
        SubnetRow vpn = vm.rows().stream().filter(r -> r.cidr().toString().equals("10.10.99.0/27")).findFirst()
                .orElseThrow();
        vm.open(vpn);
        assertThat(opened).containsExactly("10.10.99.0/27 in hq-berlin");
    }

    @Test
    void anExportIsWrittenWholeAndACancelledOneLeavesNothing() throws Exception {
        Path pdf = dir.resolve("usage.pdf");
        vm.export(pdf, ReportFormat.PDF);
        assertThat(vm.exportMessageProperty().get()).isEqualTo("Wrote " + pdf);
        assertThat(Files.size(pdf)).isPositive();

        Path csv = dir.resolve("usage.csv");
        Files.writeString(csv, "an older report\n");
        // cancel as soon as the export has begun: the first progress step sees the flag
        CancelOnStart tasks = new CancelOnStart();
        UsageDashboardViewModel cancelling = new UsageDashboardViewModel(() -> allocator, tasks, () -> "sample.db");
        tasks.dashboard = cancelling;
        cancelling.load();
        cancelling.export(csv, ReportFormat.CSV);
        assertThat(cancelling.exportMessageProperty().get()).startsWith("Export cancelled; nothing was written");
        assertThat(Files.readString(csv)).isEqualTo("an older report\n");
        try (var files = Files.list(dir)) {
            List<String> database = engine == Engine.SQLITE // a team database has no file here
                    ? List.of("sample-data.db", "sample-data.db-wal", "sample-data.db-shm") : List.of();
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrderElementsOf(
                    Stream.concat(database.stream(), Stream.of("usage.pdf", "usage.csv")).toList());
        }
    }

    /** Runs jobs at once, but cancels the dashboard's export just before running it (as a user's Cancel would). */
    private static final class CancelOnStart implements org.ipdesk.ui.TaskExecutor {
        UsageDashboardViewModel dashboard;

        @Override
        public <T> void submit(java.util.concurrent.Callable<T> work, java.util.function.Consumer<? super T> onSuccess,
                               java.util.function.Consumer<? super Throwable> onFailure) {
            if (dashboard != null && dashboard.exportingProperty().get()) {
                dashboard.cancelExport();
            }
            new CurrentThreadTaskExecutor().submit(work, onSuccess, onFailure);
        }
    }

    @Test
    void eachSubnetCountsItsAddressesSeenInTheLastThirtyDays() {
        java.time.Instant now = java.time.Instant.parse("2026-11-27T12:00:00Z");
        allocator.observe(List.of(
                seen("10.10.99.5", now.minus(java.time.Duration.ofHours(2))),
                seen("10.10.99.6", now.minus(java.time.Duration.ofDays(29))),
                seen("10.10.99.7", now.minus(java.time.Duration.ofDays(40))),
                seen("192.168.52.1", now.minus(java.time.Duration.ofDays(31)))));
        vm.setClock(java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));

        vm.load();

        SubnetRow vpn = row("10.10.99.0/27");
        assertThat(vm.seenCount(vpn)).as("two seen within 30 days, one 40 days ago").isEqualTo(2);
        assertThat(vm.seenCount(row("192.168.52.0/30"))).as("seen 31 days ago only").isZero();
        // a subnet holding the VPN /27 counts its addresses too; a subnet apart from it none
        for (SubnetRow r : vm.rows()) {
            boolean holds = r.cidr().contains(org.ipdesk.address.Ip.parse("10.10.99.5"));
            assertThat(vm.seenCount(r)).as(r.cidr().toString()).isEqualTo(holds ? 2 : 0);
        }
    }

    @Test
    void aSubnetWithItsOwnStaleDaysCountsOverThoseDays() {
        java.time.Instant now = java.time.Instant.parse("2026-11-27T12:00:00Z");
        allocator.observe(List.of(
                seen("10.10.99.5", now.minus(java.time.Duration.ofHours(2))),
                seen("10.10.99.7", now.minus(java.time.Duration.ofDays(40)))));
        org.ipdesk.model.Subnet vpn = allocator.findSubnet(org.ipdesk.address.Cidr.parse("10.10.99.0/27"),
                java.util.Optional.empty());
        allocator.updateSubnet(vpn, org.ipdesk.model.SubnetSpec.of(vpn).withStaleDays(java.util.OptionalInt.of(45)));
        vm.setClock(java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));

        vm.load();

        assertThat(vm.seenCount(row("10.10.99.0/27"))).as("45 days there: the one seen 40 days ago counts")
                .isEqualTo(2);
        for (SubnetRow r : vm.rows()) {
            if (!r.cidr().toString().equals("10.10.99.0/27") && r.cidr().contains(org.ipdesk.address.Ip.parse("10.10.99.7"))) {
                assertThat(vm.seenCount(r)).as(r.cidr() + " keeps the default 30 days").isEqualTo(1);
            }
        }
    }

    private SubnetRow row(String cidr) {
        return vm.rows().stream().filter(r -> r.cidr().toString().equals(cidr)).findFirst().orElseThrow();
    }

    private static org.ipdesk.model.Observation seen(String ip, java.time.Instant at) {
        return new org.ipdesk.model.Observation(org.ipdesk.address.Ip.parse(ip), java.util.Optional.empty(),
                java.util.Optional.empty(), at, org.ipdesk.model.SourceKind.NMAP, "nmap-scan-0612.xml");
    }
}
