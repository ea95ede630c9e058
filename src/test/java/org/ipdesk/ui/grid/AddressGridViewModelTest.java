package org.ipdesk.ui.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ipdesk.ui.grid.GridFixtures.cidr;
import static org.ipdesk.ui.grid.GridFixtures.ip;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import org.ipdesk.address.IpRange;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.CellState;
import org.ipdesk.model.Observation;
import org.ipdesk.model.SourceKind;
import org.ipdesk.address.Mac;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.store.Engine;
import org.ipdesk.ui.CurrentThreadTaskExecutor;
import org.ipdesk.ui.grid.AddressGridViewModel.Edge;
import org.ipdesk.ui.grid.AddressGridViewModel.Mode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The grid's view model with plain JUnit: no JavaFX toolkit, a real allocator, jobs run on the test thread. */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class AddressGridViewModelTest {

    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    private Allocator allocator;
    private AddressGridViewModel vm;

    @BeforeEach
    void open() {
        allocator = Allocator.open(engine.fresh(dir, "grid"));
        vm = new AddressGridViewModel(() -> allocator, Runnable::run, Runnable::run);
    }

    @AfterEach
    void close() {
        allocator.close();
    }

    private GridContent.Addresses cells() {
        return (GridContent.Addresses) vm.getContent();
    }

    private GridContent.Blocks blocks() {
        return (GridContent.Blocks) vm.getContent();
    }

    @Test
    void showsASmallSubnetAsOneCellPerAddress() {
        Subnet lan = GridFixtures.mixed24(allocator);
        assertThat(vm.modeProperty().get()).isEqualTo(Mode.EMPTY);
        assertThat(vm.messageProperty().get()).isEqualTo(AddressGridViewModel.NOTHING_SHOWN);

        vm.show(lan);

        assertThat(vm.modeProperty().get()).isEqualTo(Mode.ADDRESSES);
        assertThat(vm.subnetProperty().get()).isEqualTo(lan);
        assertThat(vm.path()).containsExactly(cidr("192.168.1.0/24"));
        assertThat(vm.size()).isEqualTo(256);
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).isEmpty();
        assertThat(vm.errorProperty().get()).isEmpty();
        GridContent.Addresses cells = cells();
        assertThat(cells.state(0)).isEqualTo(CellState.UNUSABLE);
        assertThat(cells.state(1)).isEqualTo(CellState.GATEWAY);
        assertThat(cells.state(10)).isEqualTo(CellState.ALLOCATED);
        assertThat(cells.state(30)).isEqualTo(CellState.RESERVED);
        assertThat(cells.state(34)).isEqualTo(CellState.DEPRECATED);
        assertThat(cells.state(100)).isEqualTo(CellState.DHCP_RANGE);
        assertThat(cells.state(106)).isEqualTo(CellState.DHCP);
        assertThat(cells.state(200)).isEqualTo(CellState.CHILD_SUBNET);
        assertThat(cells.state(245)).isEqualTo(CellState.RESERVED_RANGE);
        assertThat(cells.state(60)).isEqualTo(CellState.FREE);
        assertThat(cells.counts()).containsEntry(CellState.ALLOCATED, 20).containsEntry(CellState.DHCP, 3)
                .containsEntry(CellState.DHCP_RANGE, 47).containsEntry(CellState.CHILD_SUBNET, 32)
                .containsEntry(CellState.UNUSABLE, 2).containsEntry(CellState.GATEWAY, 1);
        assertThat(cells.counts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(256);
        assertThat(cells.rowLabel(0)).isEqualTo("192.168.1.0");
        assertThat(cells.rowLabel(32)).isEqualTo("192.168.1.32");
        assertThat(vm.selectionProperty().get()).isNull();
    }

    @Test
    void clickSelectsOneCellAndShiftClickSelectsTheRangeFromTheAnchor() {
        vm.show(GridFixtures.mixed24(allocator));

        vm.select(10);
        assertThat(vm.selectionProperty().get()).isEqualTo(IpRange.of(ip("192.168.1.10")));
        assertThat(vm.selectionTextProperty().get()).isEqualTo("192.168.1.10");
        assertThat(vm.anchorProperty().get()).isEqualTo(10);
        assertThat(vm.caretProperty().get()).isEqualTo(10);

        vm.extendSelection(20);
        assertThat(vm.selectionProperty().get()).isEqualTo(new IpRange(ip("192.168.1.10"), ip("192.168.1.20")));
        assertThat(vm.selectionTextProperty().get()).isEqualTo("192.168.1.10-192.168.1.20 (11 addresses)");
        assertThat(vm.isSelected(15)).isTrue();
        assertThat(vm.isSelected(21)).isFalse();

        // the anchor stays: extending backwards selects from the other side
        vm.extendSelection(5);
        assertThat(vm.selectionProperty().get()).isEqualTo(new IpRange(ip("192.168.1.5"), ip("192.168.1.10")));
        assertThat(vm.anchorProperty().get()).isEqualTo(10);
        assertThat(vm.caretProperty().get()).isEqualTo(5);

        vm.select(7);
        assertThat(vm.selectionProperty().get()).isEqualTo(IpRange.of(ip("192.168.1.7")));

        // out of range is ignored; shift+click without a selection selects that cell
        vm.select(256);
        vm.select(-1);
        assertThat(vm.caretProperty().get()).isEqualTo(7);
        vm.clearSelection();
        assertThat(vm.selectionProperty().get()).isNull();
        vm.extendSelection(3);
        assertThat(vm.selectionProperty().get()).isEqualTo(IpRange.of(ip("192.168.1.3")));

        vm.selectAll();
        assertThat(vm.selectionProperty().get()).isEqualTo(cidr("192.168.1.0/24").range());
    }

    @Test
    void arrowKeysWrapAtRowEndsAndStopAtTheGridEdges() {
        vm.show(GridFixtures.mixed24(allocator));
        vm.columnsProperty().set(16);

        // no selection yet: any move selects the first cell
        vm.moveSelection(0, 1, false);
        assertThat(vm.caretProperty().get()).isZero();

        // left and up at the top-left corner stay there
        vm.moveSelection(-1, 0, false);
        assertThat(vm.caretProperty().get()).isZero();
        vm.moveSelection(0, -1, false);
        assertThat(vm.caretProperty().get()).isZero();

        // right at the end of a row goes on to the next row (the next address); left comes back
        vm.select(15);
        vm.moveSelection(1, 0, false);
        assertThat(vm.caretProperty().get()).isEqualTo(16);
        vm.moveSelection(-1, 0, false);
        assertThat(vm.caretProperty().get()).isEqualTo(15);

        // up and down move by a row, keeping the column
        vm.select(5);
        vm.moveSelection(0, 1, false);
        assertThat(vm.caretProperty().get()).isEqualTo(21);
        vm.moveSelection(0, -1, false);
        assertThat(vm.caretProperty().get()).isEqualTo(5);

        // down on the last row and right on the last cell stay
        vm.select(250);
        vm.moveSelection(0, 1, false);
        assertThat(vm.caretProperty().get()).isEqualTo(250);
        vm.select(255);
        vm.moveSelection(1, 0, false);
        assertThat(vm.caretProperty().get()).isEqualTo(255);

        // a page down past the end stops on the last row, same column; a page up past the top on the first
        vm.select(3);
        vm.moveSelection(0, 100, false);
        assertThat(vm.caretProperty().get()).isEqualTo(243);
        vm.moveSelection(0, -100, false);
        assertThat(vm.caretProperty().get()).isEqualTo(3);

        // Home and End: the row; with Ctrl, the grid
        vm.select(37);
        vm.moveToEdge(Edge.ROW_START, false);
        assertThat(vm.caretProperty().get()).isEqualTo(32);
        vm.moveToEdge(Edge.ROW_END, false);
        assertThat(vm.caretProperty().get()).isEqualTo(47);
        vm.moveToEdge(Edge.LAST, false);
        assertThat(vm.caretProperty().get()).isEqualTo(255);
        vm.moveToEdge(Edge.FIRST, false);
        assertThat(vm.caretProperty().get()).isZero();

        // wider rows: down moves by the new row length
        vm.columnsProperty().set(64);
        vm.select(5);
        vm.moveSelection(0, 1, false);
        assertThat(vm.caretProperty().get()).isEqualTo(69);
    }

    @Test
    void shiftArrowsSelectARangeFromTheAnchor() {
        vm.show(GridFixtures.mixed24(allocator));
        vm.columnsProperty().set(16);

        vm.select(5);
        vm.moveSelection(0, 1, true);
        assertThat(vm.anchorProperty().get()).isEqualTo(5);
        assertThat(vm.caretProperty().get()).isEqualTo(21);
        assertThat(vm.selectionProperty().get()).isEqualTo(new IpRange(ip("192.168.1.5"), ip("192.168.1.21")));

        vm.moveSelection(1, 0, true);
        assertThat(vm.selectionProperty().get()).isEqualTo(new IpRange(ip("192.168.1.5"), ip("192.168.1.22")));

        // back over the anchor: the range flips to the other side
        vm.moveSelection(0, -2, true);
        assertThat(vm.selectionProperty().get()).isEqualTo(new IpRange(ip("192.168.1.5"), ip("192.168.1.6")));
        assertThat(vm.caretProperty().get()).isEqualTo(6);
        vm.moveSelection(-3, 0, true);
        assertThat(vm.selectionProperty().get()).isEqualTo(new IpRange(ip("192.168.1.3"), ip("192.168.1.5")));

        // Shift+End extends to the row's end; a plain move collapses the range
        vm.moveToEdge(Edge.ROW_END, true);
        assertThat(vm.selectionProperty().get()).isEqualTo(new IpRange(ip("192.168.1.5"), ip("192.168.1.15")));
        vm.moveSelection(1, 0, false);
        assertThat(vm.selectionProperty().get()).isEqualTo(IpRange.of(ip("192.168.1.16")));
        assertThat(vm.anchorProperty().get()).isEqualTo(16);
    }

    @Test
    void activatingAnAddressCellCallsTheHandlerAndABlockZoomsIn() {
        List<org.ipdesk.address.Ip> activated = new ArrayList<>();
        vm.setOnActivate(activated::add);
        vm.show(GridFixtures.slash8(allocator));
        vm.activate(3); // a block of the block map: zooms as a double-click always did
        assertThat(vm.path()).containsExactly(cidr("10.0.0.0/8"), cidr("10.3.0.0/16"));
        assertThat(activated).isEmpty();

        vm.activate(5); // an address cell: handed to the window
        vm.activate(-1);
        vm.activate(70_000);
        assertThat(activated).containsExactly(ip("10.3.0.5"));
    }

    @Test
    void aSlash8ShowsABlockMapAndZoomsIntoABlockAndBackOutByTheBreadcrumb() {
        Subnet big = GridFixtures.slash8(allocator);

        vm.show(big);

        assertThat(vm.modeProperty().get()).isEqualTo(Mode.BLOCKS);
        GridContent.Blocks blocks = blocks();
        assertThat(blocks.size()).isEqualTo(256);
        assertThat(blocks.childPrefix()).isEqualTo(16);
        assertThat(blocks.block(3).block()).isEqualTo(cidr("10.3.0.0/16"));
        assertThat(blocks.block(3).used()).hasToString("2");
        assertThat(blocks.level(3)).isEqualTo(BlockLevel.UNDER_25);
        assertThat(blocks.level(4)).isEqualTo(BlockLevel.EMPTY);
        assertThat(blocks.level(9)).isEqualTo(BlockLevel.UNDER_25);
        assertThat(blocks.level(20)).isEqualTo(BlockLevel.UNDER_75);
        assertThat(blocks.counts()).containsEntry(BlockLevel.EMPTY, 253).containsEntry(BlockLevel.UNDER_25, 2)
                .containsEntry(BlockLevel.UNDER_75, 1);
        assertThat(blocks.rowLabel(16)).isEqualTo("10.16.0.0/16");
        assertThat(blocks.percent(20)).isEqualTo("50.0%");

        vm.select(3);
        assertThat(vm.selectionTextProperty().get()).isEqualTo("10.3.0.0/16");
        vm.extendSelection(4);
        assertThat(vm.selectionProperty().get()).isEqualTo(new IpRange(ip("10.3.0.0"), ip("10.4.255.255")));

        // zooming into 10.3.0.0/16: 65,536 addresses, one cell each
        vm.zoomInto(3);
        assertThat(vm.path()).containsExactly(cidr("10.0.0.0/8"), cidr("10.3.0.0/16"));
        assertThat(vm.modeProperty().get()).isEqualTo(Mode.ADDRESSES);
        assertThat(vm.size()).isEqualTo(65_536);
        assertThat(vm.selectionProperty().get()).isNull();
        assertThat(cells().state(5)).isEqualTo(CellState.ALLOCATED);
        assertThat(cells().state(6)).isEqualTo(CellState.RESERVED);
        assertThat(cells().state(7)).isEqualTo(CellState.FREE);
        // the /8's network address is not usable; 10.3.0.0 is an ordinary address of it
        assertThat(cells().state(0)).isEqualTo(CellState.FREE);

        // an address grid has no blocks to zoom into
        vm.zoomInto(0);
        assertThat(vm.path()).hasSize(2);

        // back out through the breadcrumb's first level: the block we came from is selected
        vm.zoomTo(0);
        assertThat(vm.path()).containsExactly(cidr("10.0.0.0/8"));
        assertThat(vm.modeProperty().get()).isEqualTo(Mode.BLOCKS);
        assertThat(vm.caretProperty().get()).isEqualTo(3);
        assertThat(vm.selectionProperty().get()).isEqualTo(cidr("10.3.0.0/16").range());

        // the current level, a level below, and no level at all do nothing
        vm.zoomTo(0);
        vm.zoomTo(4);
        vm.zoomTo(-1);
        assertThat(vm.path()).containsExactly(cidr("10.0.0.0/8"));

        // the child subnet's block counts its address; its first address in the /8 map's first block is unusable
        vm.zoomInto(0);
        assertThat(cells().state(0)).isEqualTo(CellState.UNUSABLE);
        vm.zoomOut();
        assertThat(vm.caretProperty().get()).isZero();
        vm.zoomInto(9);
        assertThat(cells().state(9)).isEqualTo(CellState.CHILD_SUBNET);
    }

    @Test
    void anIpv6Slash48ZoomsEightBitsAtATimeDownToAddresses() {
        Subnet wide = GridFixtures.v6(allocator);
        vm = new AddressGridViewModel(() -> allocator, new CurrentThreadTaskExecutor());

        vm.show(wide);
        List<Integer> prefixes = new ArrayList<>();
        while (vm.modeProperty().get() == Mode.BLOCKS) {
            prefixes.add(blocks().childPrefix());
            assertThat(blocks().level(0)).isEqualTo(BlockLevel.UNDER_25);
            assertThat(blocks().level(1)).isEqualTo(BlockLevel.EMPTY);
            vm.zoomInto(0);
        }
        assertThat(prefixes).containsExactly(56, 64, 72, 80, 88, 96, 104, 112);
        assertThat(vm.path()).extracting(Object::toString).containsExactly("2001:db8:10::/48", "2001:db8:10::/56",
                "2001:db8:10::/64", "2001:db8:10::/72", "2001:db8:10::/80", "2001:db8:10::/88", "2001:db8:10::/96",
                "2001:db8:10::/104", "2001:db8:10::/112");
        assertThat(vm.modeProperty().get()).isEqualTo(Mode.ADDRESSES);
        assertThat(vm.size()).isEqualTo(65_536);
        assertThat(cells().state(0)).isEqualTo(CellState.UNUSABLE);
        assertThat(cells().state(5)).isEqualTo(CellState.ALLOCATED);
        assertThat(cells().rowLabel(16)).isEqualTo("2001:db8:10::10");

        vm.zoomTo(2);
        assertThat(vm.path()).hasSize(3);
        assertThat(blocks().childPrefix()).isEqualTo(72);
        assertThat(vm.caretProperty().get()).isZero();
    }

    @Test
    void refreshReadsTheCellsAgainAndKeepsTheSelectionAndTheZoomPath() {
        Subnet big = GridFixtures.slash8(allocator);
        vm.show(big);
        vm.zoomInto(3);
        vm.columnsProperty().set(16);
        vm.select(7);
        vm.moveSelection(0, 1, true);
        IpRange selected = vm.selectionProperty().get();
        assertThat(selected).isEqualTo(new IpRange(ip("10.3.0.7"), ip("10.3.0.23")));
        GridContent before = vm.getContent();

        // another window (or the CLI) takes an address inside the selection
        allocator.reserve(big.id(), ip("10.3.0.8"), AddressDetails.allocated("late"));
        vm.refresh();

        assertThat(vm.getContent()).isNotSameAs(before);
        assertThat(cells().state(8)).isEqualTo(CellState.ALLOCATED);
        assertThat(vm.path()).containsExactly(cidr("10.0.0.0/8"), cidr("10.3.0.0/16"));
        assertThat(vm.selectionProperty().get()).isEqualTo(selected);
        assertThat(vm.anchorProperty().get()).isEqualTo(7);
        assertThat(vm.caretProperty().get()).isEqualTo(23);

        // showing the subnet already shown is a refresh too
        vm.show(big);
        assertThat(vm.path()).hasSize(2);
        assertThat(vm.selectionProperty().get()).isEqualTo(selected);

        // the block map counts the new address after a refresh
        vm.zoomTo(0);
        assertThat(blocks().block(3).used()).hasToString("3");
        vm.refresh();
        assertThat(vm.caretProperty().get()).isEqualTo(3);
    }

    @Test
    void aRefreshAfterTheSubnetWasDeletedSaysSoAndShowsNoCells() {
        Subnet lan = GridFixtures.mixed24(allocator);
        vm.show(lan);
        vm.select(3);

        allocator.deleteSubnet(lan.id());
        vm.refresh();

        assertThat(vm.getContent()).isNull();
        assertThat(vm.modeProperty().get()).isEqualTo(Mode.EMPTY);
        assertThat(vm.errorProperty().get()).contains("does not exist");
        assertThat(vm.messageProperty().get()).startsWith("Cannot show 192.168.1.0/24");
        assertThat(vm.selectionProperty().get()).isNull();
        assertThat(vm.loadingProperty().get()).isFalse();

        vm.show(null);
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo(AddressGridViewModel.NOTHING_SHOWN);
    }

    @Test
    void theTooltipNamesTheAddressItsStateAndItsHostName() {
        vm.show(GridFixtures.mixed24(allocator));

        vm.hover(10);
        assertThat(vm.hoverTextProperty().get()).isEqualTo("192.168.1.10 \u2014 allocated\nweb-10");
        assertThat(vm.knownDetails()).containsKey(ip("192.168.1.10"));

        vm.hover(30);
        assertThat(vm.hoverTextProperty().get()).isEqualTo("192.168.1.30 \u2014 reserved\n(no host name)");
        vm.hover(0);
        assertThat(vm.hoverTextProperty().get())
                .isEqualTo("192.168.1.0 \u2014 not usable (the network address)");
        vm.hover(1);
        assertThat(vm.hoverTextProperty().get()).isEqualTo("192.168.1.1 \u2014 gateway");
        vm.hover(120);
        assertThat(vm.hoverTextProperty().get()).isEqualTo("192.168.1.120 \u2014 DHCP pool");
        vm.hover(-1);
        assertThat(vm.hoverTextProperty().get()).isEmpty();
        assertThat(vm.hoveredProperty().get()).isEqualTo(-1);

        // free cells are never looked up; held ones once
        assertThat(vm.knownDetails()).hasSize(2);
    }

    @Test
    void aBlockTooltipGivesTheBlockAndHowFullItIs() {
        vm.show(GridFixtures.slash8(allocator));
        vm.hover(20);
        assertThat(vm.hoverTextProperty().get()).isEqualTo("10.20.0.0/16 \u2014 50\u201375%\n"
                + "32,768 of 65,536 usable addresses used (50.0%)\nDouble-click to open");
        vm.hover(0);
        assertThat(vm.hoverTextProperty().get()).startsWith("10.0.0.0/16 \u2014 empty\n0 of 65,535 usable");
    }

    @Test
    void aResultThatArrivesAfterANewerRequestIsDropped() {
        List<Runnable> queued = new ArrayList<>();
        vm = new AddressGridViewModel(() -> allocator, queued::add, Runnable::run);
        Subnet lan = GridFixtures.mixed24(allocator);
        Subnet big = GridFixtures.slash8(allocator);

        vm.show(lan);
        assertThat(vm.loadingProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).isEqualTo("Loading 192.168.1.0/24 \u2026");
        vm.show(big);
        assertThat(queued).hasSize(2);

        // the newer request finishes first, the older one after it
        queued.get(1).run();
        queued.get(0).run();

        assertThat(vm.subnetProperty().get().id()).isEqualTo(big.id());
        assertThat(vm.modeProperty().get()).isEqualTo(Mode.BLOCKS);
        assertThat(vm.loadingProperty().get()).isFalse();
    }

    @Test
    void aRefreshWhileLoadingRepeatsTheRequestInFlight() {
        List<Runnable> queued = new ArrayList<>();
        vm = new AddressGridViewModel(() -> allocator, queued::add, Runnable::run);
        Subnet big = GridFixtures.slash8(allocator);
        vm.show(big);
        queued.remove(0).run();
        vm.zoomInto(3);
        vm.refresh();
        assertThat(queued).hasSize(2);
        queued.forEach(Runnable::run);
        assertThat(vm.path()).containsExactly(cidr("10.0.0.0/8"), cidr("10.3.0.0/16"));
        assertThat(vm.modeProperty().get()).isEqualTo(Mode.ADDRESSES);
    }

    @Test
    void theZoomRule() {
        assertThat(AddressGridViewModel.showsAddresses(cidr("10.0.0.0/16"))).isTrue();
        assertThat(AddressGridViewModel.showsAddresses(cidr("10.0.0.0/15"))).isFalse();
        assertThat(AddressGridViewModel.showsAddresses(cidr("2001:db8::/112"))).isTrue();
        assertThat(AddressGridViewModel.showsAddresses(cidr("2001:db8::/64"))).isFalse();
        assertThat(AddressGridViewModel.childPrefix(cidr("10.0.0.0/8"))).isEqualTo(16);
        assertThat(AddressGridViewModel.childPrefix(cidr("10.0.0.0/12"))).isEqualTo(20);
        assertThat(AddressGridViewModel.childPrefix(cidr("2001:db8::/48"))).isEqualTo(56);
    }

    // ================================================================= showAddress (search results)

    @Test
    void showAddressInASlash24SelectsTheCellOfTheAddress() {
        Subnet lan = GridFixtures.mixed24(allocator);
        vm.show(lan);
        vm.select(3);

        vm.showAddress(lan, ip("192.168.1.20"));

        assertThat(vm.path()).containsExactly(cidr("192.168.1.0/24"));
        assertThat(vm.modeProperty().get()).isEqualTo(Mode.ADDRESSES);
        assertThat(vm.caretProperty().get()).isEqualTo(20);
        assertThat(vm.anchorProperty().get()).isEqualTo(20);
        assertThat(vm.selectionProperty().get()).isEqualTo(IpRange.of(ip("192.168.1.20")));
        assertThat(vm.selectionTextProperty().get()).isEqualTo("192.168.1.20");
    }

    @Test
    void showAddressInASlash16ShowsItsAddressesWithTheCellSelected() {
        allocator.createNetwork("campus", "");
        Subnet campus = allocator.createSubnet("campus", SubnetSpec.of(cidr("172.16.0.0/16")));

        vm.showAddress(campus, ip("172.16.200.7"));

        assertThat(vm.path()).containsExactly(cidr("172.16.0.0/16"));
        assertThat(vm.modeProperty().get()).isEqualTo(Mode.ADDRESSES);
        assertThat(vm.size()).isEqualTo(65_536);
        assertThat(vm.caretProperty().get()).isEqualTo(200 * 256 + 7);
        assertThat(vm.selectionProperty().get()).isEqualTo(IpRange.of(ip("172.16.200.7")));
    }

    @Test
    void showAddressInASlash8ZoomsDownToTheAddressInOneRequest() {
        List<Runnable> queued = new ArrayList<>();
        vm = new AddressGridViewModel(() -> allocator, queued::add, Runnable::run);
        Subnet big = GridFixtures.slash8(allocator);

        vm.showAddress(big, ip("10.3.0.5"));
        assertThat(queued).hasSize(1);
        queued.remove(0).run();

        assertThat(vm.subnetProperty().get().id()).isEqualTo(big.id());
        assertThat(vm.path()).containsExactly(cidr("10.0.0.0/8"), cidr("10.3.0.0/16"));
        assertThat(vm.modeProperty().get()).isEqualTo(Mode.ADDRESSES);
        assertThat(cells().state(5)).isEqualTo(CellState.ALLOCATED);
        assertThat(vm.caretProperty().get()).isEqualTo(5);
        assertThat(vm.selectionProperty().get()).isEqualTo(IpRange.of(ip("10.3.0.5")));

        // zooming out from there selects the block that held it, as after a zoom by hand
        vm.zoomOut();
        queued.remove(0).run();
        assertThat(vm.modeProperty().get()).isEqualTo(Mode.BLOCKS);
        assertThat(vm.selectionTextProperty().get()).isEqualTo("10.3.0.0/16");
    }

    @Test
    void showAddressInAnIpv6Slash64ZoomsThroughEveryBlockLevel() {
        allocator.createNetwork("v6net", "");
        Subnet lan6 = allocator.createSubnet("v6net", SubnetSpec.of(cidr("2001:db8:aa:1::/64")));
        allocator.reserve(lan6.id(), ip("2001:db8:aa:1::1:2:3"), AddressDetails.allocated("deep"));

        vm.showAddress(lan6, ip("2001:db8:aa:1::1:2:3"));

        assertThat(vm.path()).containsExactly(cidr("2001:db8:aa:1::/64"), cidr("2001:db8:aa:1::/72"),
                cidr("2001:db8:aa:1::/80"), cidr("2001:db8:aa:1::/88"), cidr("2001:db8:aa:1:0:1::/96"),
                cidr("2001:db8:aa:1:0:1::/104"), cidr("2001:db8:aa:1:0:1:2:0/112"));
        assertThat(vm.modeProperty().get()).isEqualTo(Mode.ADDRESSES);
        assertThat(vm.caretProperty().get()).isEqualTo(3);
        assertThat(cells().state(3)).isEqualTo(CellState.ALLOCATED);
        assertThat(vm.selectionTextProperty().get()).isEqualTo("2001:db8:aa:1:0:1:2:3");
    }

    @Test
    void showAddressOutsideTheSubnetShowsItFromTheTopWithoutASelection() {
        Subnet big = GridFixtures.slash8(allocator);
        vm.showAddress(big, ip("192.0.2.1"));
        assertThat(vm.path()).containsExactly(cidr("10.0.0.0/8"));
        assertThat(vm.modeProperty().get()).isEqualTo(Mode.BLOCKS);
        assertThat(vm.selectionProperty().get()).isNull();
        vm.showAddress(big, ip("2001:db8::1"));
        assertThat(vm.caretProperty().get()).isEqualTo(-1);
        vm.showAddress(null, null);
        assertThat(vm.modeProperty().get()).isEqualTo(Mode.EMPTY);
    }

    @Test
    void cellsSeenWithinThirtyDaysCarryTheMarkAndTheTooltipSaysByWhatFile() {
        Subnet lan = GridFixtures.mixed24(allocator);
        Instant now = Instant.parse("2026-11-27T12:00:00Z");
        allocator.observe(List.of(
                new Observation(ip("192.168.1.10"), Optional.of(Mac.parse("52:54:00:12:34:56")), Optional.of("web-10"),
                        now.minus(Duration.ofHours(2)), SourceKind.NMAP, "nmap-scan-0612.xml"),
                new Observation(ip("192.168.1.60"), Optional.empty(), Optional.empty(),
                        now.minus(Duration.ofDays(29)), SourceKind.NEIGHBOURS, "neigh.txt"),
                new Observation(ip("192.168.1.11"), Optional.empty(), Optional.empty(),
                        now.minus(Duration.ofDays(31)), SourceKind.KEA, "kea-leases4.csv"),
                new Observation(ip("10.9.9.9"), Optional.empty(), Optional.empty(), now, SourceKind.NMAP, "x.xml")));
        vm.setClock(Clock.fixed(now, ZoneOffset.UTC));

        vm.show(lan);

        GridSeen seen = cells().seen();
        assertThat(seen.isRecent(10)).as("allocated, seen 2 h ago").isTrue();
        assertThat(seen.isRecent(60)).as("free, seen 29 days ago").isTrue();
        assertThat(seen.isRecent(11)).as("seen 31 days ago: too long").isFalse();
        assertThat(seen.isRecent(12)).as("never seen").isFalse();
        assertThat(seen.recentCount()).isEqualTo(2);
        assertThat(seen.newest(11).file()).isEqualTo("kea-leases4.csv");

        vm.hover(10);
        assertThat(vm.hoverTextProperty().get()).isEqualTo("192.168.1.10 \u2014 allocated\nweb-10\n"
                + "last seen 2 h ago by nmap-scan-0612.xml (MAC 52:54:00:12:34:56, host web-10)");
        vm.hover(60);
        assertThat(vm.hoverTextProperty().get())
                .isEqualTo("192.168.1.60 \u2014 free\nlast seen 29 days ago by neigh.txt");
        vm.hover(12);
        assertThat(vm.hoverTextProperty().get()).doesNotContain("last seen");

        // the mark follows the clock: a month on, nothing is recent any more
        vm.setClock(Clock.fixed(now.plus(Duration.ofDays(30)), ZoneOffset.UTC));
        vm.refresh();
        assertThat(cells().seen().recentCount()).isZero();
    }

    @Test
    void aSlash16MarksExactlyTheCellsSeen() {
        allocator.createNetwork("campus", "");
        Subnet big = allocator.createSubnet("campus", SubnetSpec.of(cidr("10.20.0.0/16")));
        Instant now = Instant.parse("2026-11-27T12:00:00Z");
        List<Observation> scan = new ArrayList<>();
        for (int i = 0; i < 65_536; i += 7) {
            scan.add(new Observation(new org.ipdesk.address.Ip(cidr("10.20.0.0/16").version(),
                    cidr("10.20.0.0/16").first().value().add(java.math.BigInteger.valueOf(i))), Optional.empty(),
                    Optional.empty(), now.minus(Duration.ofHours(1)), SourceKind.NMAP, "sweep.xml"));
        }
        allocator.observe(scan);
        vm.setClock(Clock.fixed(now, ZoneOffset.UTC));

        vm.show(big);

        GridSeen seen = cells().seen();
        assertThat(vm.size()).isEqualTo(65_536);
        assertThat(seen.recentCount()).isEqualTo(scan.size());
        assertThat(seen.isRecent(7 * 1000)).isTrue();
        assertThat(seen.isRecent(7 * 1000 + 1)).isFalse();
    }
}
