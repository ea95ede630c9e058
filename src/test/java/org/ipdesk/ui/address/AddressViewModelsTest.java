package org.ipdesk.ui.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.address.IpRange;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.Strategy;
import org.ipdesk.model.Address;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.store.ContentSnapshot;
import org.ipdesk.store.Engine;
import org.ipdesk.ui.ScriptedDialogs;
import org.ipdesk.ui.SeededSample;
import org.ipdesk.ui.undo.Undoable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The address dialogs' view models and the release commands on a seeded database, without the JavaFX toolkit. */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class AddressViewModelsTest extends SeededSample {

    @Parameter
    Engine engine;

    @Override
    protected Engine engine() {
        return engine;
    }

    private Subnet subnet(String cidr) {
        return allocator.findSubnet(Cidr.parse(cidr), Optional.empty());
    }

    private Subnet web() {
        return subnet("10.10.1.0/24");
    }

    private AddressDialogViewModel reserve(Subnet subnet) {
        return AddressDialogViewModel.reserve(() -> allocator, tasks, subnet, Optional.empty());
    }

    private Optional<Address> held(Subnet subnet, String ip) {
        return allocator.address(subnet.id(), Ip.parse(ip));
    }

    // ================================================================= reserve

    @Test
    void reservingByTypingShowsEachProblemAtItsField() {
        AddressDialogViewModel vm = reserve(web());
        assertThat(vm.ipErrorProperty().get()).isEmpty(); // nothing typed yet: no scolding
        assertThat(vm.canSave()).isFalse();
        assertThat(vm.isIpEditable()).isTrue();

        vm.ipProperty().set("10.10.2.5");
        assertThat(vm.ipErrorProperty().get()).isEqualTo("10.10.2.5 is outside 10.10.1.0/24 in dc1");
        assertThat(vm.canSave()).isFalse();

        vm.ipProperty().set("10.10.1.255");
        assertThat(vm.ipErrorProperty().get())
                .isEqualTo("10.10.1.255 is the broadcast address of 10.10.1.0/24 and cannot be assigned");

        vm.ipProperty().set("10.10.1.5");
        assertThat(vm.ipErrorProperty().get()).isEqualTo("10.10.1.5 is already allocated to web-04");

        vm.ipProperty().set("10.10.1.500");
        assertThat(vm.ipErrorProperty().get()).contains("10.10.1.500");
        assertThat(vm.canSave()).isFalse();

        vm.ipProperty().set("10.10.1.50");
        assertThat(vm.ipErrorProperty().get()).isEmpty();
        assertThat(vm.canSave()).isTrue();

        vm.details().macProperty().set("00:1a:2b");
        assertThat(vm.details().macErrorProperty().get()).isEqualTo("'00:1a:2b' is not a MAC address (use e.g. 00:1a:2b:3c:4d:5e)");
        assertThat(vm.canSave()).isFalse();
        vm.details().macProperty().set("00-1A-2B-3C-4D-5E");
        assertThat(vm.details().macErrorProperty().get()).isEmpty();

        vm.details().hostnameProperty().set("web_50");
        assertThat(vm.details().hostnameErrorProperty().get())
                .isEqualTo("Host name 'web_50' may hold only letters, digits and inner hyphens in each label (RFC 1123)");
        assertThat(vm.canSave()).isFalse();
        vm.details().hostnameProperty().set("web-50");
        vm.details().ownerProperty().set(" web team ");
        assertThat(vm.canSave()).isTrue();

        vm.save();
        AddressResult saved = vm.savedProperty().get();
        assertThat(saved.address().ip()).isEqualTo(Ip.parse("10.10.1.50"));
        assertThat(saved.summary()).isEqualTo("Reserved 10.10.1.50 (web-50) in 10.10.1.0/24 in dc1");
        Address stored = held(web(), "10.10.1.50").orElseThrow();
        assertThat(stored.details().hostname()).isEqualTo("web-50");
        assertThat(stored.details().owner()).isEqualTo("web team");
        assertThat(stored.details().mac()).map(Object::toString).hasValue("00:1a:2b:3c:4d:5e");

        Undoable undo = saved.undoable();
        assertThat(undo.description()).isEqualTo("Reserve 10.10.1.50 in 10.10.1.0/24 in dc1");
        undo.undo(allocator);
        assertThat(held(web(), "10.10.1.50")).isEmpty();
        undo.redo(allocator);
        assertThat(held(web(), "10.10.1.50")).map(a -> a.details().hostname()).hasValue("web-50");
    }

    @Test
    void aDhcpPoolRefusalGoesToTheStatusField() {
        AddressDialogViewModel vm = reserve(subnet("192.168.20.0/24"));
        // the admin picked a status other than dhcp (left alone, the status follows the pool: ReserveDialogTest)
        vm.details().statusProperty().set(AddressStatus.ALLOCATED);
        vm.ipProperty().set("192.168.20.150");
        assertThat(vm.details().statusErrorProperty().get())
                .isEqualTo("192.168.20.150 lies in the DHCP pool 192.168.20.100-192.168.20.199 (Office DHCP pool);"
                        + " only status dhcp may be recorded there");
        assertThat(vm.ipErrorProperty().get()).isEmpty();
        assertThat(vm.canSave()).isFalse();
        vm.details().statusProperty().set(AddressStatus.DHCP);
        assertThat(vm.details().statusErrorProperty().get()).isEmpty();
        assertThat(vm.canSave()).isTrue();
    }

    @Test
    void aSaveRefusedBecauseAnotherProcessTookTheAddressKeepsTheDialogAndChangesNothing() {
        Subnet web = web();
        AddressDialogViewModel vm = reserve(web);
        vm.ipProperty().set("10.10.1.50");
        vm.details().hostnameProperty().set("web-50");
        assertThat(vm.canSave()).isTrue();
        try (Allocator other = Allocator.open(database)) { // another process, between the check and the save
            other.reserve(web.id(), Ip.parse("10.10.1.50"), AddressDetails.allocated("intruder"));
        }
        String before = ContentSnapshot.of(database);

        vm.save();

        assertThat(vm.savedProperty().get()).isNull();
        assertThat(vm.ipErrorProperty().get()).isEqualTo("10.10.1.50 is already allocated to intruder");
        assertThat(vm.databaseChangedProperty().get()).isTrue();
        assertThat(vm.canSave()).isFalse();
        assertThat(vm.details().hostnameProperty().get()).isEqualTo("web-50");
        assertThat(ContentSnapshot.of(database)).isEqualTo(before);
    }

    // ================================================================= allocate next

    private AddressDialogViewModel allocateNext(Subnet subnet) {
        List<AddressDialogViewModel> opened = new ArrayList<>();
        AddressDialogViewModel.allocateNext(() -> allocator, tasks, subnet, opened::add, message -> {
            throw new AssertionError(message);
        });
        assertThat(opened).hasSize(1);
        return opened.get(0);
    }

    @Test
    void allocateNextHoldsTheLowestFreeAddressAndCancelGivesItBack() {
        Subnet web = web();
        List<IpRange> free = allocator.freeExtents(web.id());
        String before = ContentSnapshot.of(database).replaceAll("(?s)## change_log.*?## ", "## ");

        AddressDialogViewModel vm = allocateNext(web);
        assertThat(vm.mode()).isEqualTo(AddressDialogViewModel.Mode.ALLOCATE_NEXT);
        assertThat(vm.ipProperty().get()).isEqualTo("10.10.1.14");
        assertThat(vm.isIpEditable()).isFalse();
        assertThat(vm.headerProperty().get()).isEqualTo("Allocated 10.10.1.14 in 10.10.1.0/24 'Web tier' in dc1 for you");
        assertThat(held(web, "10.10.1.14")).isPresent(); // held for this dialog: no one else gets it
        assertThat(allocator.freeExtents(web.id())).isNotEqualTo(free);

        ScriptedDialogs dialogs = new ScriptedDialogs(); // the user presses Cancel
        assertThat(dialogs.editAddress(vm)).isEmpty();

        assertThat(vm.givenBackProperty().get()).isTrue();
        assertThat(held(web, "10.10.1.14")).isEmpty();
        assertThat(allocator.freeExtents(web.id())).isEqualTo(free);
        vm.cancel(); // a second cancel (the window closed as well) gives nothing back twice
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(ContentSnapshot.of(database).replaceAll("(?s)## change_log.*?## ", "## ")).isEqualTo(before);
    }

    @Test
    void allocateNextSaveStoresTheTypedDetailsAsOneTakenCommand() {
        Subnet web = web();
        ScriptedDialogs dialogs = new ScriptedDialogs();
        dialogs.address = vm -> {
            vm.details().hostnameProperty().set("app-01");
            vm.details().descriptionProperty().set("billing");
            vm.save();
            return Optional.ofNullable(vm.savedProperty().get());
        };
        AddressResult result = dialogs.editAddress(allocateNext(web)).orElseThrow();

        Address stored = held(web, "10.10.1.14").orElseThrow();
        assertThat(stored.details().hostname()).isEqualTo("app-01");
        assertThat(stored.details().description()).isEqualTo("billing");
        assertThat(result.summary()).isEqualTo("Allocated 10.10.1.14 (app-01) in 10.10.1.0/24 in dc1");
        result.undoable().undo(allocator);
        assertThat(held(web, "10.10.1.14")).isEmpty();
        result.undoable().redo(allocator);
        assertThat(held(web, "10.10.1.14")).map(a -> a.details().hostname()).hasValue("app-01");
    }

    @Test
    void allocateNextInAFullSubnetReportsItAndOpensNoDialog() {
        Subnet printers = subnet("192.168.30.0/28");
        allocator.allocateBlock(printers.id(), 9, AddressDetails.of(AddressStatus.RESERVED));
        List<String> refused = new ArrayList<>();
        List<AddressDialogViewModel> opened = new ArrayList<>();
        AddressDialogViewModel.allocateNext(() -> allocator, tasks, printers, opened::add, refused::add);
        assertThat(opened).isEmpty();
        assertThat(refused).containsExactly("192.168.30.0/28 in branch-office has no free address left");
    }

    // ================================================================= edit

    @Test
    void editingKeepsTheAddressAndUpdatesItsDetails() {
        Subnet web = web();
        Address web04 = held(web, "10.10.1.5").orElseThrow();
        AddressDialogViewModel vm = AddressDialogViewModel.edit(() -> allocator, tasks, web, web04);
        assertThat(vm.isIpEditable()).isFalse();
        assertThat(vm.details().hostnameProperty().get()).isEqualTo("web-04");
        assertThat(vm.canSave()).isTrue();
        vm.details().hostnameProperty().set("web-04-old");
        vm.details().statusProperty().set(AddressStatus.DEPRECATED);
        vm.save();

        assertThat(held(web, "10.10.1.5")).map(Address::status).hasValue(AddressStatus.DEPRECATED);
        Undoable undo = vm.savedProperty().get().undoable();
        undo.undo(allocator);
        assertThat(held(web, "10.10.1.5")).map(a -> a.details()).hasValue(web04.details());
        undo.redo(allocator);
        assertThat(held(web, "10.10.1.5")).map(a -> a.details().hostname()).hasValue("web-04-old");
    }

    // ================================================================= block

    @Test
    void aBlockTakesTheLowestRunThatFits() {
        Subnet web = web();
        BlockDialogViewModel vm = new BlockDialogViewModel(() -> allocator, tasks, web);
        vm.countProperty().set("0");
        assertThat(vm.countErrorProperty().get()).isEqualTo("A block needs at least 1 address, not 0");
        vm.countProperty().set("300");
        assertThat(vm.countErrorProperty().get()).matches("10\\.10\\.1\\.0/24 in dc1 has \\d+ free addresses; 300 were asked for");
        assertThat(vm.canSave()).isFalse();
        vm.countProperty().set("8");
        assertThat(vm.placementProperty().get()).isEqualTo("Takes 10.10.1.14-10.10.1.21");
        vm.details().ownerProperty().set("lab");
        vm.save();

        AddressResult result = vm.savedProperty().get();
        assertThat(result.addresses()).hasSize(8).allMatch(a -> a.status() == AddressStatus.RESERVED
                && a.details().owner().equals("lab"));
        assertThat(result.summary()).isEqualTo("Allocated 8 addresses: 10.10.1.14-10.10.1.21 in 10.10.1.0/24 in dc1");
        result.undoable().undo(allocator);
        assertThat(allocator.addressesIn(web.id(), new IpRange(Ip.parse("10.10.1.14"), Ip.parse("10.10.1.21")))).isEmpty();
    }

    @Test
    void aBlockCountHasTheAllocatorsCapAndMessage() {
        Subnet wide = subnet("2001:db8:10:1::/64");
        BlockDialogViewModel vm = new BlockDialogViewModel(() -> allocator, tasks, wide);
        vm.countProperty().set("65537");
        // the words of `ipdesk ip block`, from the allocator's own check
        assertThat(vm.countErrorProperty().get())
                .isEqualTo("At most 65536 addresses can be allocated in one command; 65537 were asked for");
        assertThat(vm.canSave()).isFalse();
        vm.countProperty().set("2147483647");
        assertThat(vm.countErrorProperty().get())
                .isEqualTo("At most 65536 addresses can be allocated in one command; 2147483647 were asked for");
        vm.countProperty().set("5000");
        assertThat(vm.countErrorProperty().get()).isEmpty();
        assertThat(vm.placementProperty().get()).isEqualTo("Takes 2001:db8:10:1::4-2001:db8:10:1::138b");
        assertThat(vm.canSave()).isTrue();
        vm.save();
        assertThat(vm.savedProperty().get().addresses()).hasSize(5000);
    }

    // ================================================================= dual-stack pair

    @Test
    void aPairWhoseIpv6SubnetIsFullLeavesNoIpv4AddressBehind() {
        Subnet tiny6 = allocator.createSubnet("dc1", SubnetSpec.of(Cidr.parse("2001:db8:99::/126")).withName("Tiny v6"));
        PairDialogViewModel vm = new PairDialogViewModel(() -> allocator, tasks, Optional.of(web()));
        assertThat(vm.v4SubnetProperty().get()).isEqualTo(web()); // the selected subnet, on its side
        // its partner on the other side: dc1's IPv6 subnet on the same VLAN (101)
        assertThat(vm.v6SubnetProperty().get().cidr()).isEqualTo(Cidr.parse("2001:db8:10:1::/64"));
        assertThat(vm.v6Subnets()).extracting(s -> s.cidr().toString())
                .containsExactly("2001:db8:10::/48", "2001:db8:10:1::/64", "2001:db8:99::/126");
        vm.v6SubnetProperty().set(tiny6);
        assertThat(vm.canSave()).isFalse(); // the host name is required
        vm.details().hostnameProperty().set("dual-01");
        assertThat(vm.canSave()).isTrue();
        allocator.allocateNext(tiny6.id(), 3, Strategy.FIRST, AddressDetails.allocated("taken"));
        String before = ContentSnapshot.of(database);

        vm.save();

        assertThat(vm.savedProperty().get()).isNull();
        assertThat(vm.v6ErrorProperty().get()).isEqualTo("2001:db8:99::/126 in dc1 has no free address left");
        assertThat(vm.v4ErrorProperty().get()).isEmpty();
        assertThat(held(web(), "10.10.1.14")).isEmpty();
        assertThat(ContentSnapshot.of(database)).isEqualTo(before);
    }

    @Test
    void aPairTakesTheNextIpv4AndIpv6AddressesTogether() {
        Subnet web6 = subnet("2001:db8:10:1::/64");
        PairDialogViewModel vm = new PairDialogViewModel(() -> allocator, tasks, Optional.of(web6));
        vm.v4SubnetProperty().set(web());
        vm.details().hostnameProperty().set("dual-01");
        vm.save();
        AddressResult result = vm.savedProperty().get();
        assertThat(result.addresses()).extracting(a -> a.ip().toString()).containsExactly("10.10.1.14", "2001:db8:10:1::4");
        assertThat(result.summary()).isEqualTo("Allocated dual-01 (10.10.1.14, 2001:db8:10:1::4)");
        result.undoable().undo(allocator);
        assertThat(held(web(), "10.10.1.14")).isEmpty();
        assertThat(held(web6, "2001:db8:10:1::4")).isEmpty();
        result.undoable().redo(allocator);
        assertThat(held(web6, "2001:db8:10:1::4")).map(a -> a.details().hostname()).hasValue("dual-01");
    }

    // ================================================================= release

    @Test
    void releasingOneAddressAsksNamingItsHolder() {
        Subnet web = web();
        ScriptedDialogs dialogs = new ScriptedDialogs();
        ReleaseCommands commands = new ReleaseCommands(() -> allocator, tasks, dialogs);
        List<String> status = new ArrayList<>();
        List<Undoable> done = new ArrayList<>();
        String before = ContentSnapshot.of(database);

        dialogs.answer = false;
        commands.releaseOne(web, Ip.parse("10.10.1.5"), status::add, done::add);
        assertThat(dialogs.asked).containsExactly("Release: Release 10.10.1.5 (web-04)? [Release]");
        assertThat(status).isEmpty();
        assertThat(ContentSnapshot.of(database)).isEqualTo(before);

        dialogs.answer = true;
        commands.releaseOne(web, Ip.parse("10.10.1.5"), status::add, done::add);
        assertThat(held(web, "10.10.1.5")).isEmpty();
        assertThat(status).containsExactly("Released 10.10.1.5 (web-04) in 10.10.1.0/24 in dc1");
        done.get(0).undo(allocator);
        assertThat(held(web, "10.10.1.5")).map(a -> a.details().hostname()).hasValue("web-04");
        done.get(0).redo(allocator);
        assertThat(held(web, "10.10.1.5")).isEmpty();
    }

    @Test
    void releasingARangeAsksWithHowManyAreHeldAndReleasesThemInOneGo() {
        Subnet web = web();
        ScriptedDialogs dialogs = new ScriptedDialogs();
        ReleaseCommands commands = new ReleaseCommands(() -> allocator, tasks, dialogs);
        List<String> status = new ArrayList<>();
        List<Undoable> done = new ArrayList<>();
        IpRange range = new IpRange(Ip.parse("10.10.1.10"), Ip.parse("10.10.1.40"));
        String before = ContentSnapshot.of(database);

        dialogs.answer = false;
        commands.releaseRange(web, range, status::add, done::add);
        assertThat(dialogs.asked).containsExactly("Release: Release the 4 addresses held in 10.10.1.10-10.10.1.40? [Release]");
        assertThat(ContentSnapshot.of(database)).isEqualTo(before);

        dialogs.answer = true;
        commands.releaseRange(web, range, status::add, done::add);
        assertThat(allocator.addressesIn(web.id(), range)).isEmpty();
        assertThat(status).containsExactly("Released 4 addresses in 10.10.1.10-10.10.1.40");
        assertThat(done.get(0).description()).isEqualTo("Release 4 addresses in 10.10.1.10-10.10.1.40");
        done.get(0).undo(allocator);
        assertThat(allocator.addressesIn(web.id(), range)).extracting(a -> a.details().hostname())
                .containsExactly("web-09", "web-10", "web-11", "web-12");

        dialogs.asked.clear();
        commands.releaseRange(web, new IpRange(Ip.parse("10.10.1.100"), Ip.parse("10.10.1.120")), status::add, done::add);
        assertThat(dialogs.asked).isEmpty(); // nothing held: told, not asked
        assertThat(status).last().isEqualTo("No address is held in 10.10.1.100-10.10.1.120; nothing to release");
    }

    // ================================================================= child subnet

    @Test
    void aChildSubnetTakesTheBestFittingFreeBlock() {
        Subnet servers = subnet("10.10.0.0/16");
        ChildSubnetDialogViewModel vm = new ChildSubnetDialogViewModel(() -> allocator, tasks, servers);
        assertThat(vm.prefixes()).first().isEqualTo(17);
        assertThat(vm.prefixes()).last().isEqualTo(30);
        assertThat(vm.prefixProperty().get()).isEqualTo(24);
        assertThat(vm.prefixInfoProperty().get()).isEqualTo("A /24 holds 254 usable addresses");
        vm.prefixProperty().set(28);
        vm.nameProperty().set("Storage");
        vm.save();

        ChildSubnetResult result = vm.savedProperty().get();
        // the smallest gap that fits: the rest of 10.10.0.0/24 after mgmt-01 (10.10.0.10), not 10.10.3.0
        assertThat(result.subnet().cidr()).isEqualTo(Cidr.parse("10.10.0.16/28"));
        assertThat(result.subnet().name()).isEqualTo("Storage");
        result.undoable().undo(allocator);
        assertThat(allocator.subnets("dc1")).extracting(Subnet::cidr).doesNotContain(Cidr.parse("10.10.0.16/28"));
    }

    @Test
    void prefixChoicesRunToSlash30OrSlash64AndSlash127() {
        assertThat(ChildSubnetDialogViewModel.prefixChoices(Cidr.parse("10.0.0.0/28"))).containsExactly(29, 30);
        assertThat(ChildSubnetDialogViewModel.prefixChoices(Cidr.parse("2001:db8::/60"))).containsExactly(61, 62, 63, 64, 127);
        assertThat(ChildSubnetDialogViewModel.prefixChoices(Cidr.parse("10.0.0.0/30"))).isEmpty();
    }

    @Test
    void noRoomForAChildIsShownAtThePrefixAndTheDialogStays() {
        Subnet printers = subnet("192.168.30.0/28");
        allocator.allocateBlock(printers.id(), 9, AddressDetails.of(AddressStatus.RESERVED));
        ChildSubnetDialogViewModel vm = new ChildSubnetDialogViewModel(() -> allocator, tasks, printers);
        vm.prefixProperty().set(29);
        assertThat(vm.canSave()).isTrue();
        vm.save();
        assertThat(vm.savedProperty().get()).isNull();
        assertThat(vm.prefixErrorProperty().get()).isEqualTo("No free /29 block is left in 192.168.30.0/28 in branch-office");
    }
}
