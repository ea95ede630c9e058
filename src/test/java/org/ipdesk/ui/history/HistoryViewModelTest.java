package org.ipdesk.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.ChangeFilter;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.store.Engine;
import org.ipdesk.store.Location;
import org.ipdesk.store.ServerLocation;
import org.ipdesk.ui.CurrentThreadTaskExecutor;
import org.ipdesk.ui.PaneFixtures;
import org.ipdesk.ui.QueuedTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The History window's filters, messages, rows and before/after texts, with plain JUnit: jobs run on the test thread. */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class HistoryViewModelTest {

    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    private Location database;
    private Allocator allocator;
    private PaneFixtures data;
    private HistoryViewModel vm;

    @BeforeEach
    void seed() {
        database = engine.fresh(dir, "history");
        allocator = PaneFixtures.open(database);
        data = PaneFixtures.seed(allocator);
        vm = new HistoryViewModel(() -> allocator, new CurrentThreadTaskExecutor(), ZoneOffset.UTC);
    }

    @AfterEach
    void close() {
        allocator.close();
    }

    private ChangeRow select(int index) {
        ChangeRow row = vm.rows().get(index);
        vm.selectedProperty().set(row);
        return row;
    }

    @Test
    void loadListsEveryChangeNewestFirstWithTheUsersTheCountAndTheTitle() {
        assertThat(vm.rows()).isEmpty();
        vm.load();

        assertThat(vm.rows()).hasSize(13);
        assertThat(vm.rows().get(0).object()).isEqualTo("address 2001:db8::/64 in lab 2001:db8::10");
        assertThat(vm.rows().get(12).object()).isEqualTo("network lab");
        assertThat(vm.rows().get(12).summary()).isEqualTo("\u201cTest lab\u201d");
        assertThat(vm.rows()).extracting(ChangeRow::id).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(vm.rows().get(0).time()).matches("2026-11-26 12:\\d\\d:00");
        assertThat(vm.rows().get(0).user()).isEqualTo(Engine.byline(database, "alice"));
        assertThat(vm.users()).containsExactly(HistoryViewModel.ANY_USER, Engine.who(database, "alice"));
        assertThat(vm.countProperty().get()).isEqualTo("13 changes (newest first)");
        assertThat(vm.titleProperty().get()).isEqualTo("History \u2014 " + (database instanceof ServerLocation team
                ? team.database() + " on " + team.host() + ":" + team.port() : "history.db"));
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void anAddressAllocatedUpdatedAndReleasedReadsInPlainWords() {
        vm.load();
        vm.addressProperty().set("10.0.0.20");

        assertThat(vm.rows()).extracting(ChangeRow::action).containsExactly("released", "updated", "allocated");
        assertThat(vm.rows()).extracting(ChangeRow::summary).containsExactly("released (was allocated to app-01b)",
                "hostname app-01 \u2192 app-01b", "allocated to app-01");
        assertThat(vm.rows()).extracting(ChangeRow::objectType).containsOnly("address");
        assertThat(vm.rows().get(0).objectKey()).isEqualTo("10.0.0.0/24 in lab 10.0.0.20");

        select(1);
        assertThat(vm.beforeProperty().get()).isEqualTo("""
                Network: lab
                Subnet: 10.0.0.0/24
                IP: 10.0.0.20
                Status: allocated
                Hostname: app-01
                MAC: \u2014
                Owner: \u2014
                Description: \u2014""");
        assertThat(vm.afterProperty().get()).contains("Hostname: app-01b").doesNotContain("{", "\"");
        select(2);
        assertThat(vm.beforeProperty().get()).isEqualTo("(nothing: the address was free)");
        assertThat(vm.afterProperty().get()).contains("Status: allocated", "Hostname: app-01");
        select(0);
        assertThat(vm.beforeProperty().get()).contains("Hostname: app-01b");
        assertThat(vm.afterProperty().get()).isEqualTo("(nothing: the address was released)");
        vm.selectedProperty().set(null);
        assertThat(vm.beforeProperty().get()).isEmpty();
        assertThat(vm.afterProperty().get()).isEmpty();
    }

    @Test
    void aSubnetCreateAndARangeAddReadInPlainWords() {
        vm.load();
        vm.subnetProperty().set("10.0.0.0/24 in lab");

        assertThat(vm.rows()).hasSize(9);
        ChangeRow subnet = vm.rows().get(8);
        assertThat(subnet.object()).isEqualTo("subnet 10.0.0.0/24 in lab");
        assertThat(subnet.action()).isEqualTo("created");
        assertThat(subnet.summary()).isEqualTo("\u201cOffice LAN\u201d, VLAN 20, gateway 10.0.0.1");
        assertThat(subnet.before()).isEqualTo("(nothing: the subnet did not exist)");
        assertThat(subnet.after()).isEqualTo("""
                Network: lab
                CIDR: 10.0.0.0/24
                Name: Office LAN
                Description: Second floor, wired desks
                VLAN: 20
                Gateway: 10.0.0.1""");
        ChangeRow range = vm.rows().get(7);
        assertThat(range.object()).isEqualTo("range 10.0.0.0/24 in lab 10.0.0.100-10.0.0.199");
        assertThat(range.summary()).isEqualTo("DHCP pool 10.0.0.100-10.0.0.199 (\u201cdesk pool\u201d)");
        assertThat(range.after()).contains("Start: 10.0.0.100", "End: 10.0.0.199", "Kind: dhcp", "Description: desk pool");
    }

    @Test
    void anImportReadsAsTheImportOfAFileWithWhatItAdded() throws Exception {
        Path file = dir.resolve("import2.csv");
        java.nio.file.Files.copy(Path.of("src/test/resources/import/ipdesk-mixed.csv"), file);
        org.ipdesk.exchange.CsvImport.ParsedFile parsed = org.ipdesk.exchange.CsvImport.read(file,
                java.util.Optional.empty());
        allocator.applyImport(org.ipdesk.exchange.CsvImport.preview(allocator, parsed));

        vm.load();
        ChangeRow row = vm.rows().get(0);
        assertThat(row.action()).isEqualTo("imported");
        assertThat(row.object()).isEqualTo("file import2.csv");
        assertThat(row.summary()).startsWith("1 network, 1 subnet, 1 range, 3 addresses (6 rows");
        assertThat(row.action() + " " + row.object() + " \u2014 " + row.summary()).doesNotContain("held", "import import2");
    }

    @Test
    void aSubnetUpdateAndDeleteSayWhatChanged() {
        allocator.updateSubnet(data.lan.id(), SubnetSpec.of(data.lan.cidr()).withName("Office").withVlan(21)
                .withGateway(data.lan.gateway().orElseThrow()).withDescription("Second floor, wired desks"));
        allocator.deleteSubnet(data.p2p.id());
        vm.load();

        assertThat(vm.rows().get(1).summary()).isEqualTo("name \u201cOffice LAN\u201d \u2192 Office; VLAN 20 \u2192 21");
        assertThat(vm.rows().get(0).summary()).isEqualTo("deleted (was \u201cUplink\u201d)");
        assertThat(vm.rows().get(0).after()).isEqualTo("(nothing: the subnet was deleted)");
    }

    @Test
    void eachFilterNarrowsTheRows() {
        vm.load();

        vm.subnetProperty().set("10.0.1.0/31");
        assertThat(vm.rows()).extracting(ChangeRow::object).containsExactly("subnet 10.0.1.0/31 in lab");
        assertThat(vm.countProperty().get()).isEqualTo("1 change");
        vm.subnetProperty().set("");

        vm.userProperty().set("bob");
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.countProperty().get()).isEqualTo("No changes match.");
        // in name order, after "Any user"
        assertThat(vm.users()).containsExactlyElementsOf(java.util.stream.Stream.concat(
                java.util.stream.Stream.of(HistoryViewModel.ANY_USER), java.util.stream.Stream.of(
                        Engine.who(database, "alice"), "bob").sorted(String.CASE_INSENSITIVE_ORDER)).toList());
        vm.userProperty().set(Engine.who(database, "alice"));
        assertThat(vm.rows()).hasSize(13);

        vm.fromProperty().set(LocalDate.of(2026, 11, 27));
        assertThat(vm.rows()).isEmpty();
        vm.fromProperty().set(LocalDate.of(2026, 11, 26));
        vm.toProperty().set(LocalDate.of(2026, 11, 26));
        assertThat(vm.rows()).hasSize(13);

        vm.subnetProperty().set("10.0.0.0/24");
        vm.addressProperty().set("10.0.0.2");
        assertThat(vm.rows()).extracting(ChangeRow::summary).containsExactly("allocated to web-01");

        vm.clearFilters();
        assertThat(vm.subnetProperty().get()).isEmpty();
        assertThat(vm.userProperty().get()).isEqualTo(HistoryViewModel.ANY_USER);
        assertThat(vm.fromProperty().get()).isNull();
        assertThat(vm.rows()).hasSize(13);
    }

    @Test
    void aBadFilterShowsItsMessageThereAndReadsNothing() {
        QueuedTaskExecutor queue = new QueuedTaskExecutor();
        vm = new HistoryViewModel(() -> allocator, queue, ZoneOffset.UTC);
        vm.load();
        queue.runAll();
        assertThat(vm.rows()).hasSize(13);

        vm.addressProperty().set("10.0.0");
        assertThat(vm.addressErrorProperty().get()).isEqualTo("\u201c10.0.0\u201d is not an IP address");
        assertThat(queue.pending()).isZero();
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.countProperty().get()).isEqualTo("Correct the filter to list changes.");

        vm.subnetProperty().set("web");
        assertThat(vm.subnetErrorProperty().get()).startsWith("\u201cweb\u201d is not a subnet");
        vm.subnetProperty().set("10.0.0.5/24");
        assertThat(vm.subnetErrorProperty().get()).contains("host bits set; did you mean 10.0.0.0/24?");
        vm.fromProperty().set(LocalDate.of(2026, 11, 27));
        vm.toProperty().set(LocalDate.of(2026, 11, 26));
        assertThat(vm.datesErrorProperty().get()).isEqualTo("the first day (2026-11-27) is after the last (2026-11-26)");
        assertThat(queue.pending()).isZero();

        vm.clearFilters();
        assertThat(vm.subnetErrorProperty().get()).isEmpty();
        assertThat(vm.addressErrorProperty().get()).isEmpty();
        assertThat(vm.datesErrorProperty().get()).isEmpty();
        assertThat(queue.pending()).isEqualTo(1);
        queue.runAll();
        assertThat(vm.rows()).hasSize(13);
    }

    @Test
    void filtersAreCheckedBeforeLoadButReadOnlyAfter() {
        QueuedTaskExecutor queue = new QueuedTaskExecutor();
        vm = new HistoryViewModel(() -> allocator, queue, ZoneOffset.UTC);
        vm.addressProperty().set("nope");

        assertThat(vm.addressErrorProperty().get()).isNotEmpty();
        vm.addressProperty().set("10.0.0.2");
        assertThat(queue.pending()).isZero();
        vm.load();
        assertThat(queue.pending()).isEqualTo(1);
    }

    @Test
    void theLatestRequestWins() {
        QueuedTaskExecutor queue = new QueuedTaskExecutor();
        vm = new HistoryViewModel(() -> allocator, queue, ZoneOffset.UTC);
        vm.load();
        vm.subnetProperty().set("10.0.1.0/31");
        assertThat(queue.pending()).isEqualTo(2);
        assertThat(vm.loadingProperty().get()).isTrue();

        queue.runNewestFirst();

        assertThat(vm.rows()).extracting(ChangeRow::object).containsExactly("subnet 10.0.1.0/31 in lab");
        assertThat(vm.loadingProperty().get()).isFalse();
    }

    @Test
    void aSelectedRowStaysSelectedAcrossARefresh() {
        vm.load();
        ChangeRow row = select(3);

        allocator.reserve(data.lan.id(), org.ipdesk.address.Ip.parse("10.0.0.30"),
                org.ipdesk.model.AddressDetails.allocated("new"));
        vm.refresh();

        assertThat(vm.rows()).hasSize(14);
        assertThat(vm.selectedProperty().get()).isEqualTo(row);
        assertThat(vm.beforeProperty().get()).isEqualTo(row.before());
    }

    @Test
    void theCountSaysWhenTheListIsCut() {
        ChangeFilter any = ChangeFilter.ANY;
        assertThat(HistoryViewModel.countText(0, 0, any)).isEqualTo("No changes recorded yet.");
        assertThat(HistoryViewModel.countText(0, 0, any.withUser("bob"))).isEqualTo("No changes match.");
        assertThat(HistoryViewModel.countText(250, 250, any)).isEqualTo("250 changes (newest first)");
        assertThat(HistoryViewModel.countText(1234, 500, any))
                .isEqualTo("1,234 changes (newest first; showing the first 500)");
    }
}
