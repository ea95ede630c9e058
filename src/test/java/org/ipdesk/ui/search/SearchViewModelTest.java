package org.ipdesk.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.address.Mac;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.store.Engine;
import org.ipdesk.ui.CurrentThreadTaskExecutor;
import org.ipdesk.ui.QueuedTaskExecutor;
import org.ipdesk.ui.TaskExecutor;
import org.ipdesk.ui.search.SearchResult.Kind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The search view model with plain JUnit on the sample database (and a backup server with every detail). */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class SearchViewModelTest {

    @TempDir
    static Path dir;

    private static Allocator allocator;
    private SearchViewModel vm;
    private final List<SearchResult> chosen = new ArrayList<>();

    /** Each engine's run of the class: its sample is written by {@link #seed(Engine)}. */
    SearchViewModelTest(Engine engine) {
    }

    /** The sample is written once for each engine; the tests only read it. */
    @BeforeParameterizedClassInvocation
    static void seed(Engine engine) {
        allocator = SearchFixtures.open(engine, dir);
    }

    @AfterParameterizedClassInvocation
    static void close() {
        allocator.close();
    }

    @BeforeEach
    void open() {
        vm = using(new CurrentThreadTaskExecutor());
    }

    private SearchViewModel using(TaskExecutor executor) {
        SearchViewModel model = new SearchViewModel(() -> allocator, executor);
        model.setOnChoose(chosen::add);
        return model;
    }

    private List<String> titles() {
        return vm.results().stream().map(SearchResult::title).toList();
    }

    @Test
    void aHeldIpFindsThatAddress() {
        vm.queryProperty().set("10.10.1.5");

        assertThat(vm.results()).hasSize(1);
        SearchResult web = vm.results().get(0);
        assertThat(web.kind()).isEqualTo(Kind.ADDRESS);
        assertThat(web.ip()).hasValue(Ip.parse("10.10.1.5"));
        assertThat(web.hostname()).isEqualTo("web-04");
        assertThat(web.status()).isEqualTo("allocated");
        assertThat(web.networkName()).isEqualTo("dc1");
        assertThat(web.subnet().cidr()).isEqualTo(Cidr.parse("10.10.1.0/24"));
        assertThat(web.text()).isEqualTo("10.10.1.5  web-04  allocated  10.10.1.0/24 Web tier \u00b7 dc1");
        assertThat(vm.messageProperty().get()).isEqualTo("1 result");
    }

    @Test
    void heldAddressesCarryWhenTheyWereLastSeenAndSubnetsDoNot() {
        vm.queryProperty().set("backup");

        SearchResult backup = vm.results().stream().filter(r -> r.kind() == Kind.ADDRESS).findFirst().orElseThrow();
        assertThat(backup.ip()).hasValue(Ip.parse("10.10.2.50"));
        assertThat(backup.lastSeen()).hasValueSatisfying(o -> {
            assertThat(o.seenAt()).isEqualTo(SearchFixtures.SEEN);
            assertThat(o.file()).isEqualTo(SearchFixtures.SCAN);
        });
        String local = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(java.time.ZoneId.systemDefault()).format(SearchFixtures.SEEN);
        assertThat(backup.lastSeenText()).isEqualTo(local);
        assertThat(backup.text()).endsWith("  last seen " + local + " by nmap-scan-0612.xml");

        // never seen: nothing said
        vm.queryProperty().set("10.10.1.5");
        assertThat(vm.results()).singleElement().satisfies(r -> {
            assertThat(r.lastSeen()).isEmpty();
            assertThat(r.lastSeenText()).isEmpty();
        });
        // a CIDR lists the seen and unseen addresses it holds, each with its own
        vm.queryProperty().set("10.10.1.0/29");
        assertThat(vm.results().stream().filter(r -> r.kind() == Kind.ADDRESS)
                .filter(r -> r.lastSeen().isPresent()).map(SearchResult::title).toList())
                .containsExactly("10.10.1.3", "10.10.1.4");
        // a free address was seen, but a subnet result is not an address held: no last seen
        vm.queryProperty().set("10.10.1.200");
        assertThat(vm.results()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(Kind.SUBNET);
            assertThat(r.lastSeen()).isEmpty();
        });
    }

    @Test
    void aFreeIpFindsTheSmallestSubnetHoldingItWithThatIp() {
        vm.queryProperty().set("10.10.1.200");

        assertThat(vm.results()).hasSize(1);
        SearchResult free = vm.results().get(0);
        assertThat(free.kind()).isEqualTo(Kind.SUBNET);
        assertThat(free.subnet().name()).isEqualTo("Web tier");
        assertThat(free.ip()).hasValue(Ip.parse("10.10.1.200"));
        assertThat(free.status()).isEqualTo("free");
        assertThat(free.title()).isEqualTo("10.10.1.200");

        // the gateway is not free: the result says what the address is
        vm.queryProperty().set("10.10.1.1");
        assertThat(vm.results()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo("gateway"));

        // outside every subnet: nothing
        vm.queryProperty().set("172.31.0.1");
        assertThat(vm.results()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("No address or subnet matches \u201c172.31.0.1\u201d");
    }

    @Test
    void aPastedPageThatMatchesNothingIsQuotedBackCutShort() {
        vm.queryProperty().set("qz".repeat(10_000));

        assertThat(vm.results()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("No address or subnet matches \u201c" + "qz".repeat(30)
                + "\u2026 (20,000 characters)\u201d");
    }

    @Test
    void aCidrFindsTheSubnetFirstThenTheAddressesInIt() {
        vm.queryProperty().set("10.10.1.0/24");

        assertThat(vm.results()).hasSize(13);
        SearchResult subnet = vm.results().get(0);
        assertThat(subnet.kind()).isEqualTo(Kind.SUBNET);
        assertThat(subnet.ip()).isEmpty();
        assertThat(subnet.title()).isEqualTo("10.10.1.0/24");
        assertThat(subnet.snippet()).isEqualTo("Web tier \u00b7 VLAN 101");
        assertThat(subnet.text()).isEqualTo("10.10.1.0/24  subnet  Web tier \u00b7 VLAN 101  dc1");
        assertThat(vm.results().subList(1, 13)).allMatch(r -> r.kind() == Kind.ADDRESS);
        assertThat(vm.messageProperty().get()).isEqualTo("13 results");
    }

    @Test
    void aWiderCidrListsTheSubnetsInsideIt() {
        vm.queryProperty().set("10.10.0.0/16");
        assertThat(titles()).startsWith("10.10.0.0/16", "10.10.1.0/24", "10.10.2.0/24");
    }

    @Test
    void partOfAHostNameFindsEveryAddressHoldingIt() {
        vm.queryProperty().set("web-0");
        assertThat(titles()).containsExactly("10.10.1.2", "10.10.1.3", "10.10.1.4", "10.10.1.5", "10.10.1.6",
                "10.10.1.7", "10.10.1.8", "10.10.1.9", "10.10.1.10");
        assertThat(vm.messageProperty().get()).isEqualTo("9 results");
    }

    @Test
    void aMacInAnotherNotationFindsItsAddress() {
        vm.queryProperty().set("00-1A-2B-3C-4D-5E");
        assertThat(vm.results()).singleElement().satisfies(r -> {
            assertThat(r.hostname()).isEqualTo("backup-01");
            assertThat(r.mac()).hasValue(Mac.parse("00:1a:2b:3c:4d:5e"));
            assertThat(r.status()).isEqualTo("reserved");
            assertThat(r.snippet()).isEqualTo("storage team \u00b7 Nightly backup target");
        });
    }

    @Test
    void descriptionTextFindsAddressesAndSubnets() {
        vm.queryProperty().set("nightly BACKUP");
        assertThat(titles()).containsExactly("10.10.2.50");

        vm.queryProperty().set("Web tier");
        assertThat(titles()).containsExactly("10.10.1.0/24", "2001:db8:10:1::/64");
        assertThat(vm.results()).allMatch(r -> r.kind() == Kind.SUBNET);

        vm.queryProperty().set("vlan 20");
        assertThat(titles()).containsExactly("192.168.20.0/24");
        assertThat(vm.results().get(0).networkName()).isEqualTo("branch-office");
    }

    @Test
    void noMatchSaysSo() {
        vm.queryProperty().set("no-such-host");
        assertThat(vm.results()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("No address or subnet matches \u201cno-such-host\u201d");
        assertThat(vm.choose()).isFalse();
        assertThat(chosen).isEmpty();
    }

    @Test
    void blankTextClearsAndOneCharacterWaitsForMore() {
        vm.queryProperty().set("db-0");
        assertThat(vm.results()).hasSize(4);

        vm.queryProperty().set("d");
        assertThat(vm.results()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo(SearchViewModel.TOO_SHORT);

        vm.queryProperty().set("db-0");
        vm.clear();
        assertThat(vm.queryProperty().get()).isEmpty();
        assertThat(vm.results()).isEmpty();
        assertThat(vm.messageProperty().get()).isEmpty();
    }

    @Test
    void theLatestTextWins() {
        QueuedTaskExecutor queue = new QueuedTaskExecutor();
        vm = using(queue);

        vm.queryProperty().set("web-0");
        vm.queryProperty().set("db-0");
        assertThat(vm.searchingProperty().get()).isTrue();
        queue.runNewestFirst();
        assertThat(titles()).containsExactly("10.10.2.2", "10.10.2.3", "10.10.2.4", "10.10.2.5");
        assertThat(vm.searchingProperty().get()).isFalse();

        // answered in order, the older search is skipped and the newer one shown
        vm.queryProperty().set("desk-1");
        vm.queryProperty().set("backup");
        queue.runAll();
        assertThat(titles()).containsExactly("10.10.2.50");

        // a search still queued when the text goes blank shows nothing
        vm.queryProperty().set("web-0");
        vm.queryProperty().set("");
        queue.runAll();
        assertThat(vm.results()).isEmpty();
        assertThat(vm.messageProperty().get()).isEmpty();
    }

    @Test
    void chooseFiresTheCallbackWithTheSelectedOrFirstResult() {
        vm.queryProperty().set("db-0");
        assertThat(vm.choose()).isTrue();
        assertThat(chosen).extracting(SearchResult::hostname).containsExactly("db-01");

        // the chosen result is the selected one; Down goes on from it
        assertThat(vm.selectedProperty().get().hostname()).isEqualTo("db-01");
        vm.moveSelection(1);
        assertThat(vm.selectedProperty().get().hostname()).isEqualTo("db-02");
        vm.moveSelection(2);
        vm.moveSelection(5);
        assertThat(vm.selectedProperty().get().hostname()).isEqualTo("db-04");
        vm.moveSelection(-1);
        vm.choose();
        assertThat(chosen).extracting(SearchResult::hostname).containsExactly("db-01", "db-03");

        vm.choose(vm.results().get(1));
        assertThat(chosen.get(2).ip()).hasValue(Ip.parse("10.10.2.3"));
        assertThat(vm.selectedProperty().get()).isEqualTo(vm.results().get(1));

        // a new text forgets the selection
        vm.queryProperty().set("db-");
        assertThat(vm.selectedProperty().get()).isNull();
    }
}
