package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.store.Engine;
import org.ipdesk.store.Location;
import org.ipdesk.ui.CancellingDialogs;
import org.ipdesk.ui.SampleDatabase;
import org.ipdesk.ui.TestThreadTaskExecutor;
import org.ipdesk.ui.search.SearchResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Search results belong to the database they were found in and to the moment they were found: another database
 * opened, another program's change, or a result that no longer exists never leads the window to an unrelated subnet.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class SearchAcrossChangesTest {

    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    private final TestThreadTaskExecutor tasks = new TestThreadTaskExecutor();
    private MainViewModel vm;
    private final List<SearchResult> wentTo = new ArrayList<>();

    @AfterEach
    void close() {
        if (vm != null) {
            vm.close();
        }
    }

    /** "lab": 10.20.0.0/16 (the first subnet, as the sample's 10.10.0.0/16 is) and 10.50.0.0/24 with laptop-02. */
    private Location lab() {
        Location file = engine.fresh(dir, "lab");
        try (Allocator a = Allocator.open(file)) {
            a.createNetwork("lab", "");
            a.createSubnet("lab", SubnetSpec.of(Cidr.parse("10.20.0.0/16")));
            Subnet laptops = a.createSubnet("lab", SubnetSpec.of(Cidr.parse("10.50.0.0/24")));
            a.reserve(laptops.id(), Ip.parse("10.50.0.2"), AddressDetails.allocated("laptop-02"));
        }
        return file;
    }

    private MainViewModel open(Location file) {
        vm = TestWindows.on(file, tasks, new CancellingDialogs());
        vm.search().setOnChoose(result -> {
            wentTo.add(result);
            vm.navigation().navigate(result);
        });
        vm.fileSwitch().load();
        return vm;
    }

    private String lastOperation() {
        return vm.status().lastOperationProperty().get();
    }

    @Test
    void openingAnotherFileEmptiesTheSearchAndAnOldResultDoesNotLeadIntoIt() {
        open(lab());
        vm.search().queryProperty().set("laptop");
        assertThat(vm.search().results()).extracting(SearchResult::title).containsExactly("10.50.0.2");
        SearchResult laptop = vm.search().results().get(0);

        vm.fileSwitch().open(SampleDatabase.fresh(engine, dir));

        assertThat(vm.search().queryProperty().get()).isEmpty();
        assertThat(vm.search().results()).isEmpty();
        assertThat(vm.search().messageProperty().get()).isEmpty();

        // a result kept from the other file (the subnet id exists here, as another subnet) goes nowhere
        vm.search().choose(laptop);
        assertThat(wentTo).isEmpty();
        assertThat(vm.selection().get()).isNull();
        assertThat(vm.search().goneProperty().get()).isEqualTo("10.50.0.0/24 in lab is no longer in the database");
        assertThat(lastOperation()).doesNotStartWith("Found");

        // and if the window were asked to go there, it says so instead of showing an unrelated subnet
        vm.navigation().navigate(laptop);
        assertThat(vm.selection().get()).isNull();
        assertThat(lastOperation()).isEqualTo("10.50.0.0/24 in lab is no longer in the database");
        assertThat(vm.status().lastOperationFailedProperty().get()).isTrue();
    }

    @Test
    void anotherProgramsChangeSearchesAgain() throws InterruptedException {
        Location file = lab();
        open(file);
        vm.search().queryProperty().set("laptop");
        assertThat(vm.search().results()).extracting(SearchResult::title).containsExactly("10.50.0.2");

        try (Allocator other = Allocator.open(file)) {
            Subnet laptops = other.findSubnet(Cidr.parse("10.50.0.0/24"), java.util.Optional.empty());
            other.reserve(laptops.id(), Ip.parse("10.50.0.3"), AddressDetails.allocated("laptop-03"));
        }
        // the window looks at a file when it polls; a team database's notification asks it to look by itself
        if (engine == Engine.SQLITE) {
            vm.externalChanges().check();
        }
        assertThat(tasks.runHeldUntil(() -> vm.search().results().size() == 2, Duration.ofSeconds(5)))
                .as("searched again").isTrue();

        assertThat(vm.search().results()).extracting(SearchResult::title).containsExactly("10.50.0.2", "10.50.0.3");
        assertThat(vm.search().messageProperty().get()).isEqualTo("2 results");
    }

    @Test
    void aResultWhoseAddressWasReleasedSaysSoAndIsSearchedAgain() {
        Location file = lab();
        open(file);
        vm.search().queryProperty().set("laptop");
        SearchResult laptop = vm.search().results().get(0);

        try (Allocator other = Allocator.open(file)) {
            Subnet laptops = other.findSubnet(Cidr.parse("10.50.0.0/24"), java.util.Optional.empty());
            other.release(laptops.id(), Ip.parse("10.50.0.2"));
        }
        // chosen before the window noticed the change
        vm.search().choose(laptop);

        assertThat(wentTo).isEmpty();
        assertThat(vm.search().goneProperty().get()).isEqualTo("10.50.0.2 is no longer held in 10.50.0.0/24 in lab");
        assertThat(vm.search().results()).isEmpty();
        assertThat(vm.search().messageProperty().get()).isEqualTo(
                "10.50.0.2 is no longer held in 10.50.0.0/24 in lab\nNo address or subnet matches \u201claptop\u201d");
    }

    @Test
    void aResultThatStillExistsIsGoneTo() {
        open(lab());
        vm.search().queryProperty().set("laptop");

        assertThat(vm.search().choose()).isTrue();

        assertThat(wentTo).extracting(SearchResult::title).containsExactly("10.50.0.2");
        assertThat(lastOperation()).isEqualTo("Found 10.50.0.2 in 10.50.0.0/24 in lab");
        assertThat(vm.search().goneProperty().get()).isEmpty();
    }
}
