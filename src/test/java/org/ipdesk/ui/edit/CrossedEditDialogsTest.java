package org.ipdesk.ui.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.Address;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressRange;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.store.Database;
import org.ipdesk.store.Engine;
import org.ipdesk.store.Location;
import org.ipdesk.store.OpenMode;
import org.ipdesk.ui.CurrentThreadTaskExecutor;
import org.ipdesk.ui.address.AddressDialogViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Alice has an edit dialog open; bob saves a change to the same object from his desk; alice's Save is refused with
 * who, when and what, nothing of hers is written, and the dialog reloads bob's values; her second Save, made on top of
 * them, goes through. On a file and on a team database.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class CrossedEditDialogsTest {
    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    private final CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
    private final List<Allocator> open = new ArrayList<>();
    private Allocator alice;
    private Allocator bob;
    private String bobName;
    private Subnet lan;

    @BeforeEach
    void setUp() {
        Location location = engine.fresh(dir, "dialogs");
        Database.open(location, OpenMode.CREATE).close();
        Engine.Desk aliceDesk = engine.desk(location, "alice");
        Engine.Desk bobDesk = engine.desk(location, "bob");
        bobName = bobDesk.who();
        alice = desk(aliceDesk, "alice");
        bob = desk(bobDesk, "bob");
        alice.createNetwork("dc1", "");
        lan = alice.createSubnet("dc1", new SubnetSpec(Cidr.parse("10.0.0.0/24"), "lan", "", OptionalInt.empty(),
                Optional.empty()));
        alice.reserve(lan.id(), Ip.parse("10.0.0.5"), AddressDetails.allocated("web-01"));
    }

    private Allocator desk(Engine.Desk desk, String osUser) {
        Allocator allocator = new Allocator(Database.open(desk.location(), OpenMode.EXISTING), Clock.systemUTC(),
                osUser, new Random(1));
        open.add(allocator);
        return allocator;
    }

    @AfterEach
    void tearDown() {
        open.forEach(Allocator::close);
    }

    @Test
    void theAddressDialogIsRefusedThenShowsBobsValuesAndSavesOnTopOfThem() {
        Address read = alice.address(lan.id(), Ip.parse("10.0.0.5")).orElseThrow();
        AddressDialogViewModel dialog = AddressDialogViewModel.edit(() -> alice, tasks, lan, read);
        dialog.details().ownerProperty().set("alice's team");
        assertThat(dialog.canSave()).isTrue();

        bob.update(bob.address(lan.id(), read.ip()).orElseThrow(), AddressDetails.allocated("web-02"));
        dialog.save();

        assertThat(dialog.savedProperty().get()).isNull(); // the dialog stays open
        assertThat(dialog.errorProperty().get())
                .startsWith("10.0.0.5 in 10.0.0.0/24 in dc1 was changed by " + bobName + " at ")
                .contains("hostname web-01 → web-02")
                .contains("your change was not saved")
                .endsWith("The dialog now shows it as it is: make your change again if it still applies");
        assertThat(dialog.details().hostnameProperty().get()).isEqualTo("web-02");
        assertThat(dialog.details().ownerProperty().get()).isEmpty();
        assertThat(alice.address(lan.id(), read.ip()).orElseThrow().details().owner()).isEmpty();

        dialog.details().ownerProperty().set("alice's team");
        dialog.save();

        assertThat(dialog.savedProperty().get()).isNotNull();
        assertThat(bob.address(lan.id(), read.ip()).orElseThrow().details())
                .satisfies(d -> assertThat(d.hostname()).isEqualTo("web-02"))
                .satisfies(d -> assertThat(d.owner()).isEqualTo("alice's team"));
    }

    @Test
    void theAddressDialogOfAnAddressBobReleasedSaysSoAndCannotSave() {
        Address read = alice.address(lan.id(), Ip.parse("10.0.0.5")).orElseThrow();
        AddressDialogViewModel dialog = AddressDialogViewModel.edit(() -> alice, tasks, lan, read);
        dialog.details().hostnameProperty().set("web-99");
        bob.release(lan.id(), read.ip());

        dialog.save();

        assertThat(dialog.errorProperty().get()).startsWith("10.0.0.5 in 10.0.0.0/24 in dc1 was released by " + bobName)
                .endsWith("Cancel to close the dialog");
        assertThat(dialog.canSave()).isFalse();
        assertThat(alice.address(lan.id(), read.ip())).isEmpty();
    }

    @Test
    void aReleaseAliceConfirmedIsRefusedWhenBobChangedTheAddressWhileSheWasAsked() {
        org.ipdesk.ui.QueuedTaskExecutor queue = new org.ipdesk.ui.QueuedTaskExecutor();
        org.ipdesk.ui.ScriptedDialogs dialogs = new org.ipdesk.ui.ScriptedDialogs();
        dialogs.answer = true;
        List<Object> done = new ArrayList<>();
        org.ipdesk.ui.address.ReleaseCommands commands = new org.ipdesk.ui.address.ReleaseCommands(() -> alice, queue,
                dialogs);
        commands.releaseOne(lan, Ip.parse("10.0.0.5"), done::add, done::add);
        queue.runOne(); // read, then the question "Release 10.0.0.5 (web-01)?" answered yes
        assertThat(dialogs.asked).singleElement().asString().contains("web-01");

        bob.update(bob.address(lan.id(), Ip.parse("10.0.0.5")).orElseThrow(), AddressDetails.allocated("db-01"));
        queue.runAll();

        assertThat(done).isEmpty();
        assertThat(dialogs.errors).singleElement().asString()
                .contains("10.0.0.5 in 10.0.0.0/24 in dc1 was changed by " + bobName)
                .contains("hostname web-01 → db-01");
        assertThat(alice.address(lan.id(), Ip.parse("10.0.0.5"))).map(a -> a.details().hostname()).contains("db-01");
    }

    @Test
    void theSubnetDialogReloadsBobsNameAndKeepsNothingOfAlicesRefusedSave() {
        SubnetDialogViewModel dialog = SubnetDialogViewModel.edit(() -> alice, tasks, alice.subnet(lan.id()));
        dialog.vlanProperty().set("20");
        bob.updateSubnet(bob.subnet(lan.id()), new SubnetSpec(lan.cidr(), "office", "", OptionalInt.empty(),
                Optional.empty()));

        dialog.save();

        assertThat(dialog.errorProperty().get()).contains("was changed by " + bobName).contains("name lan → office");
        assertThat(dialog.nameProperty().get()).isEqualTo("office");
        assertThat(dialog.vlanProperty().get()).isEmpty();
        assertThat(alice.subnet(lan.id()).vlan()).isEmpty();

        dialog.vlanProperty().set("20");
        dialog.save();
        assertThat(bob.subnet(lan.id())).satisfies(s -> assertThat(s.name()).isEqualTo("office"))
                .satisfies(s -> assertThat(s.vlan()).hasValue(20));
    }

    @Test
    void theRangeDialogReloadsTheRangeBobMoved() {
        alice.addRange(lan.id(), Ip.parse("10.0.0.100"), Ip.parse("10.0.0.120"), RangeKind.DHCP, "pool");
        AddressRange read = alice.ranges(lan.id()).get(0);
        RangeDialogViewModel dialog = RangeDialogViewModel.edit(() -> alice, tasks, lan, read);
        dialog.descriptionProperty().set("floor 2");
        bob.updateRange(bob.ranges(lan.id()).get(0), read.range().start(), Ip.parse("10.0.0.150"), RangeKind.DHCP,
                "pool");

        dialog.save();

        assertThat(dialog.errorProperty().get()).contains("was changed by " + bobName)
                .contains("end 10.0.0.120 → 10.0.0.150");
        assertThat(dialog.endProperty().get()).isEqualTo("10.0.0.150");
        assertThat(dialog.descriptionProperty().get()).isEqualTo("pool");
        assertThat(alice.ranges(lan.id()).get(0).description()).isEqualTo("pool");
    }

    @Test
    void theNetworkDialogReloadsTheNameBobGaveIt() {
        NetworkDialogViewModel dialog = NetworkDialogViewModel.edit(() -> alice, tasks, alice.network("dc1"));
        dialog.descriptionProperty().set("first data centre");
        bob.updateNetwork(bob.network("dc1"), "dc-one", "");

        dialog.save();

        assertThat(dialog.errorProperty().get()).contains("Network 'dc1' was changed by " + bobName)
                .contains("name dc1 → dc-one");
        assertThat(dialog.nameProperty().get()).isEqualTo("dc-one");
        assertThat(alice.network("dc-one").description()).isEmpty();
    }
}
