package org.ipdesk.ui.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.collections.ListChangeListener;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.address.IpRange;
import org.ipdesk.address.Mac;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.store.Engine;
import org.ipdesk.ui.CurrentThreadTaskExecutor;
import org.ipdesk.ui.QueuedTaskExecutor;
import org.ipdesk.ui.grid.AddressGridViewModel;
import org.ipdesk.ui.grid.GridContent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The address table's view model with plain JUnit: a real allocator, jobs run on the test thread. */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class AddressTableViewModelTest {

    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    private Allocator allocator;
    private AddressGridViewModel grid;
    private AddressTableViewModel table;
    private Subnet lan;

    @BeforeEach
    void open() {
        allocator = Allocator.open(engine.fresh(dir, "table"));
        allocator.createNetwork("lab", "");
        lan = allocator.createSubnet("lab", SubnetSpec.of(Cidr.parse("192.168.1.0/24")).withName("Lab LAN")
                .withGateway(ip("192.168.1.1")));
        allocator.addRange(lan.id(), ip("192.168.1.100"), ip("192.168.1.149"), RangeKind.DHCP, "pool");
        allocator.reserve(lan.id(), ip("192.168.1.10"), new AddressDetails(AddressStatus.ALLOCATED, "web-10",
                Optional.of(Mac.parse("00:11:22:33:44:55")), "Team Web", "front end"));
        allocator.reserve(lan.id(), ip("192.168.1.9"), AddressDetails.allocated("db-09"));
        allocator.reserve(lan.id(), ip("192.168.1.200"), AddressDetails.of(AddressStatus.RESERVED));
        grid = new AddressGridViewModel(() -> allocator, Runnable::run, Runnable::run);
        table = new AddressTableViewModel(() -> allocator, new CurrentThreadTaskExecutor(), grid);
        table.activeProperty().set(true);
    }

    @AfterEach
    void close() {
        allocator.close();
    }

    private static Ip ip(String text) {
        return Ip.parse(text);
    }

    private List<String> ips() {
        return table.rows().stream().map(row -> row.ip().toString()).toList();
    }

    @Test
    void listsTheHeldAddressesOfTheGridsSubnetWithTheirDetailsInAddressOrder() {
        // no subnet shown: the table says what the grid says, and its summary line nothing more
        assertThat(table.summaryProperty().get()).isEmpty();
        assertThat(table.placeholderProperty().get()).isEqualTo("Choose a subnet to see its addresses.");
        grid.clear("No subnets yet.");
        assertThat(table.placeholderProperty().get()).isEqualTo("No subnets yet.");

        grid.show(lan);

        assertThat(ips()).containsExactly("192.168.1.9", "192.168.1.10", "192.168.1.200");
        AddressRow web = table.rows().get(1);
        assertThat(List.of(web.statusText(), web.hostname(), web.mac(), web.owner(), web.description()))
                .containsExactly("allocated", "web-10", "00:11:22:33:44:55", "Team Web", "front end");
        assertThat(web.lastChangedText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d");
        assertThat(table.rows().get(2).statusText()).isEqualTo("reserved");
        assertThat(table.summaryProperty().get()).isEqualTo("3 held addresses in 192.168.1.0/24");
        table.filterProperty().set("no such host");
        assertThat(table.placeholderProperty().get()).isEqualTo("No address matches the filter");
    }

    @Test
    void theSwitchAddsTheFreeAddressesSayingWhereTheyLieButNotTheUnusableOnes() {
        grid.show(lan);
        table.includeFreeProperty().set(true);

        // 254 usable addresses, every one a row: 3 held, the gateway, 248 free
        assertThat(table.rows()).hasSize(254);
        assertThat(ips()).doesNotContain("192.168.1.0", "192.168.1.255");
        assertThat(row("192.168.1.1").statusText()).isEqualTo("gateway");
        assertThat(row("192.168.1.2").statusText()).isEqualTo("free");
        assertThat(row("192.168.1.120").statusText()).isEqualTo("free (DHCP pool)");
        assertThat(row("192.168.1.10").hostname()).isEqualTo("web-10");
        assertThat(table.summaryProperty().get())
                .isEqualTo("3 held addresses in 192.168.1.0/24, 251 free addresses");

        table.includeFreeProperty().set(false);
        assertThat(table.rows()).hasSize(3);
    }

    @Test
    void theFilterMatchesAnyColumnIgnoringCase() {
        grid.show(lan);

        table.filterProperty().set("team web");
        assertThat(ips()).containsExactly("192.168.1.10");
        table.filterProperty().set("00:11:22");
        assertThat(ips()).containsExactly("192.168.1.10");
        table.filterProperty().set("RESERVED");
        assertThat(ips()).containsExactly("192.168.1.200");
        table.filterProperty().set("1.20");
        assertThat(ips()).containsExactly("192.168.1.200");
        table.filterProperty().set("Allocated");
        assertThat(ips()).containsExactly("192.168.1.9", "192.168.1.10");
        assertThat(table.summaryProperty().get()).endsWith(" \u00b7 2 match the filter");
        table.filterProperty().set("nothing like this");
        assertThat(table.rows()).isEmpty();
        table.filterProperty().set("");
        assertThat(table.rows()).hasSize(3);
    }

    @Test
    void ipv6AddressesAreInNumericOrderNotTextOrder() {
        Subnet v6 = allocator.createSubnet("lab", SubnetSpec.of(Cidr.parse("2001:db8::/120")));
        for (String text : List.of("2001:db8::10", "2001:db8::9", "2001:db8::a")) {
            allocator.reserve(v6.id(), ip(text), AddressDetails.allocated("h"));
        }
        grid.show(v6);

        assertThat(ips()).containsExactly("2001:db8::9", "2001:db8::a", "2001:db8::10");
    }

    @Test
    void aTableOffScreenReadsNothingUntilItIsShown() {
        table.activeProperty().set(false);
        grid.show(lan);
        assertThat(table.rows()).isEmpty();

        table.activeProperty().set(true);
        assertThat(ips()).containsExactly("192.168.1.9", "192.168.1.10", "192.168.1.200");
    }

    @Test
    void selectedRowsMoveTheGridsCaretAndSelectionAndTheGridsSelectionComesBack() {
        grid.show(lan);
        GridContent cells = grid.getContent();

        table.select(List.of(row("192.168.1.9"), row("192.168.1.200")), row("192.168.1.200"));
        assertThat(grid.caretProperty().get()).isEqualTo(cells.indexOf(ip("192.168.1.200")));
        assertThat(grid.selectionProperty().get()).isEqualTo(new IpRange(ip("192.168.1.9"), ip("192.168.1.200")));
        assertThat(table.selectedHeldIps()).containsExactly(ip("192.168.1.9"), ip("192.168.1.200"));
        assertThat(table.copyText()).isEqualTo("192.168.1.9\n192.168.1.200");

        grid.select(cells.indexOf(ip("192.168.1.10")));
        AddressTableViewModel.Follow follow = table.followProperty().get();
        assertThat(follow.range()).isEqualTo(IpRange.of(ip("192.168.1.10")));
        assertThat(follow.caret()).contains(ip("192.168.1.10"));
    }

    @Test
    void rowsReadAgainKeepTheSelectedRowThoughTheTableMovedItWhileItsRowsWereReplaced() {
        // as in the window, the rows are read on the database thread and come back after the grid has refreshed
        QueuedTaskExecutor later = new QueuedTaskExecutor();
        AddressTableViewModel readLater = new AddressTableViewModel(() -> allocator, later, grid);
        readLater.activeProperty().set(true);
        grid.show(lan);
        later.runAll();
        readLater.select(List.of(row(readLater, "192.168.1.10")), row(readLater, "192.168.1.10"));
        grid.refresh(); // as after a command: the table is told what the grid has selected
        later.runAll();
        AddressTableViewModel.Follow selected = readLater.followProperty().get();
        assertThat(selected).isEqualTo(new AddressTableViewModel.Follow(IpRange.of(ip("192.168.1.10")),
                Optional.of(ip("192.168.1.10"))));
        int caret = grid.caretProperty().get();
        List<Object> events = new ArrayList<>();
        // what a TableView does when its rows are replaced by more or fewer: nothing selected, the focus on the first
        readLater.rows().addListener((ListChangeListener<AddressRow>) change -> {
            events.add("rows replaced");
            if (!readLater.rows().isEmpty()) {
                readLater.select(List.of(), readLater.rows().get(0));
            }
        });
        readLater.followProperty().addListener((property, before, now) -> events.add(now));

        allocator.reserve(lan.id(), ip("192.168.1.50"), AddressDetails.allocated("app-50")); // another admin
        grid.refresh();
        later.runAll();

        assertThat(readLater.rows()).extracting(row -> row.ip().toString())
                .containsExactly("192.168.1.9", "192.168.1.10", "192.168.1.50", "192.168.1.200");
        assertThat(grid.caretProperty().get()).as("the grid's caret").isEqualTo(caret);
        // the table, whose selection went with its old rows, is told again what the grid has, though it is unchanged
        assertThat(events).contains("rows replaced").last().isEqualTo(selected);
    }

    @Test
    void afterAReleaseTheGridReadsAgainAndSoDoesTheTable() {
        grid.show(lan);
        allocator.releaseAll(lan.id(), List.of(ip("192.168.1.9"), ip("192.168.1.10")));

        grid.refresh();

        assertThat(ips()).containsExactly("192.168.1.200");
    }

    @Test
    void zoomingTheGridDoesNotReadTheTableAgain() {
        allocator.createNetwork("wan", "");
        Subnet big = allocator.createSubnet("wan", SubnetSpec.of(Cidr.parse("10.0.0.0/8")));
        allocator.reserve(big.id(), ip("10.3.0.5"), AddressDetails.allocated("edge-a"));
        grid.show(big);
        assertThat(ips()).containsExactly("10.3.0.5");
        allocator.reserve(big.id(), ip("10.3.0.6"), AddressDetails.allocated("edge-b"));

        grid.zoomInto(3);

        assertThat(ips()).containsExactly("10.3.0.5");
        // selecting the row of an address the grid's block map does not show opens the block that holds it
        table.select(List.of(row("10.3.0.5")), row("10.3.0.5"));
        assertThat(grid.getContent()).isInstanceOf(GridContent.Addresses.class);
        assertThat(grid.getContent().indexOf(ip("10.3.0.5"))).isEqualTo(grid.caretProperty().get());
    }

    private AddressRow row(String text) {
        return row(table, text);
    }

    private static AddressRow row(AddressTableViewModel table, String text) {
        return table.allRows().stream().filter(r -> r.ip().equals(ip(text))).findFirst().orElseThrow();
    }
}
