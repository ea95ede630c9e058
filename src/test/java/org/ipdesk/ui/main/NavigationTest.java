package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.Subnet;
import org.ipdesk.store.Engine;
import org.ipdesk.ui.CurrentThreadTaskExecutor;
import org.ipdesk.ui.SampleDatabase;
import org.ipdesk.ui.TaskExecutor;
import org.ipdesk.ui.details.AddressDetailsViewModel;
import org.ipdesk.ui.grid.AddressGridViewModel;
import org.ipdesk.ui.search.SearchResult;
import org.ipdesk.ui.subnet.SubnetHeaderViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Navigation on its own: the tree, the selection and the panes that follow it, over the sample database. */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class NavigationTest {

    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    private Allocator allocator;
    private final NetworkTreeViewModel tree = new NetworkTreeViewModel();
    private final SelectionState selection = new SelectionState();
    private final StatusLine status = new StatusLine();
    private AddressGridViewModel grid;
    private SubnetHeaderViewModel header;
    private AddressDetailsViewModel details;
    private Navigation navigation;

    @BeforeEach
    void openSample() {
        allocator = Allocator.open(SampleDatabase.fresh(engine, dir));
        TaskExecutor tasks = new CurrentThreadTaskExecutor();
        grid = new AddressGridViewModel(() -> allocator, tasks);
        header = new SubnetHeaderViewModel(() -> allocator, tasks);
        details = new AddressDetailsViewModel(() -> allocator, tasks);
        navigation = new Navigation(tree, selection, grid, header, details, status, change -> true);
        tree.show(NetworkTreeViewModel.read(allocator).rows());
    }

    @AfterEach
    void close() {
        allocator.close();
    }

    @Test
    void aSubnetShowsItsHeaderAndGridTheCaretItsDetailsAndANetworkClearsThem() {
        navigation.selectKey(key("10.10.1.0/24"));

        assertThat(selection.get().label()).isEqualTo("10.10.1.0/24");
        assertThat(header.titleProperty().get()).isEqualTo("10.10.1.0/24");
        assertThat(grid.subnetProperty().get().cidr()).isEqualTo(Cidr.parse("10.10.1.0/24"));
        grid.select(2);
        assertThat(details.ipProperty().get()).isEqualTo("10.10.1.2");
        assertThat(details.hostnameProperty().get()).isEqualTo("web-01");

        navigation.selectKey("n:" + selection.get().network().id());
        assertThat(selection.get().label()).isEqualTo("dc1");
        assertThat(grid.subnetProperty().get()).isNull();
        assertThat(header.shownProperty().get()).isFalse();
        assertThat(details.shownProperty().get()).isFalse();
    }

    @Test
    void aSearchResultHiddenByTheFilterClearsItAndSelectsTheAddress() {
        tree.filterProperty().set("branch");
        Subnet web = tree.find(key("10.10.1.0/24")).orElseThrow().subnet().orElseThrow();

        navigation.navigate(new SearchResult(SearchResult.Kind.ADDRESS, null, web, Optional.of(Ip.parse("10.10.1.5")),
                "allocated", "web-04", Optional.empty(), ""));

        assertThat(tree.filterProperty().get()).isEmpty();
        assertThat(selection.get().label()).isEqualTo("10.10.1.0/24");
        assertThat(grid.caretProperty().get()).isEqualTo(5);
        assertThat(details.hostnameProperty().get()).isEqualTo("web-04");
        assertThat(status.lastOperationProperty().get()).isEqualTo("Found 10.10.1.5 in " + web.label());
        assertThat(status.lastOperationFailedProperty().get()).isFalse();
    }

    @Test
    void aSubnetThatIsGoneIsReportedAndNothingChanges() {
        navigation.selectKey(key("10.10.1.0/24"));

        navigation.openSubnet("dc1", Cidr.parse("10.99.0.0/24"));

        assertThat(status.lastOperationProperty().get()).isEqualTo("10.99.0.0/24 in dc1 is not in the database any more");
        assertThat(status.lastOperationFailedProperty().get()).isTrue();
        assertThat(selection.get().label()).isEqualTo("10.10.1.0/24");

        navigation.openSubnet("branch-office", Cidr.parse("192.168.30.0/28"));
        assertThat(selection.get().label()).isEqualTo("192.168.30.0/28");
    }

    @Test
    void afterAReloadTheSelectionIsKeptOrClearedWhenItsRowIsGone() {
        navigation.selectKey(key("10.10.2.0/24"));
        grid.select(3);

        allocator.deleteSubnet(allocator.findSubnet(Cidr.parse("10.10.1.0/24"), Optional.of("dc1")).id());
        tree.show(NetworkTreeViewModel.read(allocator).rows());
        navigation.reselect(null);
        assertThat(selection.get().label()).isEqualTo("10.10.2.0/24");
        assertThat(grid.caretProperty().get()).isEqualTo(3); // read again in place

        String gone = key("10.10.2.0/24");
        allocator.deleteSubnet(allocator.findSubnet(Cidr.parse("10.10.2.0/24"), Optional.of("dc1")).id());
        tree.show(NetworkTreeViewModel.read(allocator).rows());
        navigation.reselect(gone);
        assertThat(selection.get()).isNull();
        assertThat(grid.subnetProperty().get()).isNull();
        assertThat(header.shownProperty().get()).isFalse();
    }

    @Test
    void withNothingToChooseYetThePanesSayWhatToCreateFirstAndNotWhatToSelect() {
        navigation.reselect(null);
        assertThat(grid.messageProperty().get()).isEqualTo("Choose a subnet to see its addresses.");
        assertThat(header.placeholderProperty().get()).isEqualTo("Choose a subnet.");
        assertThat(details.placeholderProperty().get()).isEqualTo(Navigation.CHOOSE_ADDRESS);

        allocator.createNetwork("lab", "");
        reload();
        navigation.selectKey(tree.findRow(row -> row.label().equals("lab")).orElseThrow().key());
        assertThat(grid.messageProperty().get())
                .isEqualTo("lab has no subnets yet. Add one with Subnet in the toolbar.");
        assertThat(header.placeholderProperty().get()).isEmpty();
        assertThat(details.placeholderProperty().get()).isEmpty();
        // a network that has subnets: choose one of them
        navigation.selectKey(tree.findRow(row -> row.label().equals("dc1")).orElseThrow().key());
        assertThat(grid.messageProperty().get()).isEqualTo("Choose a subnet to see its addresses.");

        // every subnet deleted (children before their parents): nothing left to choose
        allocator.subnets().stream()
                .sorted(java.util.Comparator.comparingInt((Subnet subnet) -> subnet.cidr().prefixLength()).reversed())
                .forEach(subnet -> allocator.deleteSubnet(subnet.id()));
        reload();
        navigation.reselect(null);
        assertThat(selection.get().label()).isEqualTo("dc1");
        assertThat(grid.messageProperty().get())
                .isEqualTo("dc1 has no subnets yet. Add one with Subnet in the toolbar.");
        navigation.select(null);
        assertThat(grid.messageProperty().get()).isEqualTo(Navigation.NO_SUBNETS);
        assertThat(header.placeholderProperty().get()).isEmpty();
        assertThat(details.placeholderProperty().get()).isEmpty();

        allocator.networks().forEach(network -> allocator.deleteNetwork(network.name()));
        reload();
        navigation.reselect(null);
        assertThat(grid.messageProperty().get()).isEqualTo(Navigation.NO_NETWORKS);

        // a viewer of a team database is told what is missing, not to add it
        Navigation viewer = new Navigation(tree, selection, grid, header, details, status, change -> false);
        viewer.reselect(null);
        assertThat(grid.messageProperty().get()).isEqualTo("No subnets yet.");
    }

    private void reload() {
        tree.show(NetworkTreeViewModel.read(allocator).rows());
    }

    /** The tree key of the subnet with this CIDR. */
    private String key(String cidr) {
        return tree.findRow(row -> row.label().equals(cidr)).orElseThrow().key();
    }
}
