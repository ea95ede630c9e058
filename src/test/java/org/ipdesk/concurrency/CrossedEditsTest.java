package org.ipdesk.concurrency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.AllocatorException;
import org.ipdesk.allocator.AllocatorException.EditedElsewhere;
import org.ipdesk.model.Address;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressRange;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.Network;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.store.Database;
import org.ipdesk.store.Engine;
import org.ipdesk.store.OpenMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Edits that cross: alice and bob read the same address, subnet, range or network; bob saves first; alice's save,
 * made from what she read, is refused with who changed it, when and what, and bob's values stay. On a database file
 * they are two OS users; on a team database two database logins (members of the team), as in real use.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class CrossedEditsTest {
    private static final Instant ALICE_TIME = Instant.parse("2026-11-27T09:00:00Z");
    private static final Instant BOB_TIME = Instant.parse("2026-11-27T10:42:00Z");

    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    private org.ipdesk.store.Location location;
    private final List<Allocator> open = new ArrayList<>();
    private Allocator alice;
    private Allocator bob;
    private String bobName;
    private Subnet lan;
    private final Ip web = Ip.parse("10.0.0.5");

    @BeforeEach
    void setUp() {
        location = engine.fresh(dir, "crossed");
        Database.open(location, OpenMode.CREATE).close();
        Engine.Desk aliceDesk = engine.desk(location, "alice");
        Engine.Desk bobDesk = engine.desk(location, "bob");
        bobName = bobDesk.who();
        alice = open(new Allocator(Database.open(aliceDesk.location(), OpenMode.EXISTING), at(ALICE_TIME), "alice",
                new Random(1)));
        bob = open(new Allocator(Database.open(bobDesk.location(), OpenMode.EXISTING), at(BOB_TIME), "bob",
                new Random(2)));
        alice.createNetwork("dc1", "");
        lan = alice.createSubnet("dc1", new SubnetSpec(Cidr.parse("10.0.0.0/24"), "lan", "", OptionalInt.empty(),
                Optional.empty()));
        alice.reserve(lan.id(), web, details("web-01", "ops"));
    }

    @AfterEach
    void tearDown() {
        open.forEach(Allocator::close);
    }

    private static Clock at(Instant time) {
        return Clock.fixed(time, ZoneOffset.UTC);
    }

    private Allocator open(Allocator allocator) {
        open.add(allocator);
        return allocator;
    }

    private static AddressDetails details(String hostname, String owner) {
        return new AddressDetails(AddressStatus.ALLOCATED, hostname, Optional.empty(), owner, "");
    }

    private Address read(Allocator who) {
        return who.address(lan.id(), web).orElseThrow();
    }

    @Test
    void anAddressEditedByBobSinceAliceReadItIsRefusedSayingWhoWhenAndWhatAndBobsValuesStay() {
        Address aliceRead = read(alice);
        bob.update(read(bob), details("web-02", "ops"));

        assertThatThrownBy(() -> alice.update(aliceRead, details("web-01", "alice's team")))
                .isInstanceOf(EditedElsewhere.class)
                .hasMessageContaining("10.0.0.5 in 10.0.0.0/24 in dc1 was changed by " + bobName + " at ")
                .hasMessageContaining("hostname web-01 → web-02")
                .hasMessageNotContaining("owner")
                .hasMessageEndingWith("your change was not saved");
        Address now = read(alice);
        assertThat(now.details()).isEqualTo(details("web-02", "ops"));

        // read again, alice's change goes through, on top of bob's
        Address saved = alice.update(now, details("web-02", "alice's team"));
        assertThat(read(bob).details()).isEqualTo(saved.details()).isEqualTo(details("web-02", "alice's team"));
    }

    @Test
    void theRefusalNamesTheTimeOfBobsChange() {
        Address aliceRead = read(alice);
        bob.update(read(bob), details("web-02", "ops"));

        String bobsTime = java.time.format.DateTimeFormatter.ofPattern("HH:mm")
                .format(BOB_TIME.atZone(java.time.ZoneId.systemDefault()));
        assertThatThrownBy(() -> alice.update(aliceRead, details("web-03", "ops")))
                .hasMessageContaining("by " + bobName + " at " + bobsTime + ":");
    }

    @Test
    void anAddressReleasedByBobIsNotTakenAgainByAlicesEdit() {
        Address aliceRead = read(alice);
        bob.release(lan.id(), web);

        assertThatThrownBy(() -> alice.update(aliceRead, details("web-01", "alice")))
                .isInstanceOf(EditedElsewhere.class)
                .hasMessageStartingWith("10.0.0.5 in 10.0.0.0/24 in dc1 was released by " + bobName);
        assertThat(alice.address(lan.id(), web)).isEmpty();
    }

    @Test
    void anAddressReleasedAndTakenAgainIsANewOneToAlice() {
        Address aliceRead = read(alice);
        bob.release(lan.id(), web);
        bob.reserve(lan.id(), web, details("printer", "facilities"));

        assertThatThrownBy(() -> alice.update(aliceRead, details("web-01", "ops")))
                .isInstanceOf(EditedElsewhere.class)
                .hasMessageContaining("hostname web-01 → printer")
                .hasMessageContaining("owner ops → facilities");
        assertThat(read(alice).details()).isEqualTo(details("printer", "facilities"));
    }

    @Test
    void aSubnetRenamedByBobRefusesAlicesVlanChange() {
        Subnet aliceRead = alice.subnet(lan.id());
        bob.updateSubnet(bob.subnet(lan.id()), new SubnetSpec(lan.cidr(), "office", "", OptionalInt.empty(),
                Optional.empty()));

        assertThatThrownBy(() -> alice.updateSubnet(aliceRead, new SubnetSpec(lan.cidr(), "lan", "",
                OptionalInt.of(20), Optional.empty())))
                .isInstanceOf(EditedElsewhere.class)
                .hasMessageContaining("10.0.0.0/24 in dc1 was changed by " + bobName)
                .hasMessageContaining("name lan → office");
        assertThat(alice.subnet(lan.id()).vlan()).isEmpty();
        assertThat(alice.subnet(lan.id()).name()).isEqualTo("office");
    }

    @Test
    void aRangeMovedByBobRefusesAlicesDescription() {
        AddressRange pool = alice.addRange(lan.id(), Ip.parse("10.0.0.100"), Ip.parse("10.0.0.120"), RangeKind.DHCP,
                "pool");
        AddressRange aliceRead = alice.ranges(lan.id()).get(0);
        bob.updateRange(bob.ranges(lan.id()).get(0), pool.range().start(), Ip.parse("10.0.0.150"), RangeKind.DHCP,
                "pool");

        assertThatThrownBy(() -> alice.updateRange(aliceRead, pool.range().start(), pool.range().end(),
                RangeKind.DHCP, "clients of floor 2"))
                .isInstanceOf(EditedElsewhere.class)
                .hasMessageContaining("the range 10.0.0.100-10.0.0.120 of 10.0.0.0/24 in dc1 was changed by " + bobName)
                .hasMessageContaining("end 10.0.0.120 → 10.0.0.150");
        assertThat(alice.ranges(lan.id())).singleElement()
                .satisfies(r -> assertThat(r.range().end()).isEqualTo(Ip.parse("10.0.0.150")))
                .satisfies(r -> assertThat(r.description()).isEqualTo("pool"));
    }

    @Test
    void aRangeDeletedByBobIsNotBroughtBackByAlicesEdit() {
        alice.addRange(lan.id(), Ip.parse("10.0.0.100"), Ip.parse("10.0.0.120"), RangeKind.RESERVED, "spare");
        AddressRange aliceRead = alice.ranges(lan.id()).get(0);
        bob.deleteRange(aliceRead.id());

        assertThatThrownBy(() -> alice.updateRange(aliceRead, aliceRead.range().start(), aliceRead.range().end(),
                RangeKind.RESERVED, "kept"))
                .isInstanceOf(EditedElsewhere.class)
                .hasMessageContaining("was deleted by " + bobName);
        assertThat(alice.ranges(lan.id())).isEmpty();
    }

    @Test
    void aNetworkRenamedByBobRefusesAlicesDescription() {
        Network aliceRead = alice.network("dc1");
        bob.updateNetwork(bob.network("dc1"), "dc-one", "");

        assertThatThrownBy(() -> alice.updateNetwork(aliceRead, "dc1", "the first data centre"))
                .isInstanceOf(EditedElsewhere.class)
                .hasMessageContaining("network 'dc1' was changed by " + bobName)
                .hasMessageContaining("name dc1 → dc-one");
        assertThat(alice.networks()).extracting(Network::name, Network::description)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dc-one", ""));
    }

    @Test
    void aCommandWithoutWhatWasReadStillWritesOverTheLatestAsTheCommandLineDoes() {
        long bobs = bob.update(read(bob), details("web-02", "ops")).rowVersion();

        Address written = alice.update(lan.id(), web, details("web-03", "ops"));

        assertThat(written.rowVersion()).isEqualTo(bobs + 1).isEqualTo(read(alice).rowVersion());
        assertThat(read(bob).details().hostname()).isEqualTo("web-03");
    }

    @Test
    void ofEightEditorsSavingFromTheSameReadAtTheSameMomentExactlyOneWins() throws Exception {
        int editors = 8;
        List<Allocator> desks = new ArrayList<>();
        for (int i = 0; i < editors; i++) {
            desks.add(i % 2 == 0 ? alice : bob);
        }
        Address asRead = read(alice);
        CyclicBarrier together = new CyclicBarrier(editors);
        ExecutorService pool = Executors.newFixedThreadPool(editors);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < editors; i++) {
                Allocator desk = desks.get(i);
                String hostname = "web-" + (10 + i);
                outcomes.add(pool.submit(() -> {
                    together.await();
                    try {
                        desk.update(asRead, details(hostname, "ops"));
                        return "saved " + hostname;
                    } catch (EditedElsewhere e) {
                        return "refused";
                    }
                }));
            }
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get());
            }
            assertThat(results).filteredOn(r -> r.startsWith("saved")).hasSize(1);
            assertThat(results).filteredOn("refused"::equals).hasSize(editors - 1);
            String winner = results.stream().filter(r -> r.startsWith("saved")).findFirst().orElseThrow();
            assertThat(read(alice).details().hostname()).isEqualTo(winner.substring("saved ".length()));
            assertThat(read(alice).rowVersion()).isEqualTo(asRead.rowVersion() + 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusedEditsLeaveNoChangeLogRow() {
        Address aliceRead = read(alice);
        bob.update(read(bob), details("web-02", "ops"));
        long before = alice.history("", "", 1000).size();

        assertThatThrownBy(() -> alice.update(aliceRead, details("web-09", "ops")))
                .isInstanceOf(AllocatorException.class);

        assertThat(alice.history("", "", 1000)).hasSize((int) before);
        assertThat(alice.history("", "", 1).get(0).who()).isEqualTo(bobName);
    }
}
