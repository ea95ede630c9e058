package org.ipdesk.ui.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.address.IpRange;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.AddressRange;
import org.ipdesk.model.Network;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.store.ContentSnapshot;
import org.ipdesk.store.Engine;
import org.ipdesk.ui.ScriptedDialogs;
import org.ipdesk.ui.SeededSample;
import org.ipdesk.ui.DialogService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The dialog view models and delete commands on a seeded database, without the JavaFX toolkit. */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class EditViewModelsTest extends SeededSample {

    @Parameter
    Engine engine;

    @Override
    protected Engine engine() {
        return engine;
    }

    private SubnetDialogViewModel newSubnet(String network) {
        return SubnetDialogViewModel.create(() -> allocator, tasks, network, "");
    }

    private Subnet subnet(String cidr) {
        return allocator.findSubnet(Cidr.parse(cidr), Optional.empty());
    }

    // ================================================================= network dialog

    @Test
    void networkNameMustBeGivenShortAndUnused() {
        NetworkDialogViewModel vm = NetworkDialogViewModel.create(() -> allocator, tasks);
        assertThat(vm.nameErrorProperty().get()).isEmpty(); // nothing typed yet: no scolding
        assertThat(vm.canSave()).isFalse();

        vm.nameProperty().set("lab");
        assertThat(vm.nameErrorProperty().get()).isEmpty();
        assertThat(vm.canSave()).isTrue();

        vm.nameProperty().set("  ");
        assertThat(vm.nameErrorProperty().get()).isEqualTo("Enter a name for the network");
        assertThat(vm.canSave()).isFalse();

        vm.nameProperty().set("DC1");
        assertThat(vm.nameErrorProperty().get()).isEqualTo("A network named 'dc1' already exists");
        assertThat(vm.canSave()).isFalse();

        vm.nameProperty().set("x".repeat(101));
        assertThat(vm.nameErrorProperty().get()).isEqualTo("Network name is 101 characters; the limit is 100");
        assertThat(vm.canSave()).isFalse();
    }

    @Test
    void savingANetworkCreatesExactlyWhatWasTyped() {
        NetworkDialogViewModel vm = NetworkDialogViewModel.create(() -> allocator, tasks);
        vm.nameProperty().set(" lab ");
        vm.descriptionProperty().set("Test lab");
        vm.save();
        Network saved = vm.savedProperty().get();
        assertThat(saved.name()).isEqualTo("lab");
        assertThat(allocator.network("lab").description()).isEqualTo("Test lab");
    }

    @Test
    void editingANetworkMayKeepItsNameAndRenames() {
        Network dc1 = allocator.network("dc1");
        NetworkDialogViewModel vm = NetworkDialogViewModel.edit(() -> allocator, tasks, dc1);
        assertThat(vm.canSave()).isTrue(); // its own name is no duplicate
        vm.nameProperty().set("branch-office");
        assertThat(vm.nameErrorProperty().get()).isEqualTo("A network named 'branch-office' already exists");
        vm.nameProperty().set("dc-main");
        vm.save();
        assertThat(allocator.networks()).extracting(Network::name).containsExactly("branch-office", "dc-main");
    }

    @Test
    void aRefusedNetworkSaveKeepsTheDialogAndShowsTheMessageAtTheName() {
        NetworkDialogViewModel vm = NetworkDialogViewModel.create(() -> allocator, tasks);
        vm.nameProperty().set("lab");
        assertThat(vm.canSave()).isTrue();
        allocator.createNetwork("LAB", ""); // another window took the name meanwhile
        String before = ContentSnapshot.of(database);
        vm.save();
        assertThat(vm.savedProperty().get()).isNull();
        assertThat(vm.nameProperty().get()).isEqualTo("lab");
        assertThat(vm.nameErrorProperty().get()).isEqualTo("A network named 'LAB' already exists");
        assertThat(vm.canSave()).isFalse();
        assertThat(ContentSnapshot.of(database)).isEqualTo(before);
    }

    // ================================================================= subnet dialog

    @Test
    void aMalformedCidrIsShownAtTheCidrField() {
        SubnetDialogViewModel vm = newSubnet("dc1");
        vm.cidrProperty().set("10.0.0.300/24");
        assertThat(vm.cidrErrorProperty().get()).contains("10.0.0.300/24").contains("not a valid CIDR");
        assertThat(vm.canSave()).isFalse();
    }

    @Test
    void hostBitsSuggestTheNetwork() {
        SubnetDialogViewModel vm = newSubnet("dc1");
        vm.cidrProperty().set("10.10.1.5/24");
        assertThat(vm.cidrErrorProperty().get()).contains("has host bits set").contains("did you mean 10.10.1.0/24");
        assertThat(vm.canSave()).isFalse();
    }

    @Test
    void anOverlapNamesTheSubnetItOverlaps() {
        SubnetDialogViewModel vm = newSubnet("branch-office");
        vm.cidrProperty().set("192.168.20.128/26");
        assertThat(vm.cidrErrorProperty().get()).isEqualTo("192.168.20.128/26 overlaps the dhcp range "
                + "192.168.20.100-192.168.20.199 of 192.168.20.0/24 'Office LAN' in branch-office");
        assertThat(vm.canSave()).isFalse();

        SubnetDialogViewModel gateway = newSubnet("dc1");
        gateway.cidrProperty().set("10.10.1.0/25");
        assertThat(gateway.cidrErrorProperty().get())
                .isEqualTo("10.10.1.0/25 would hold 10.10.1.1, the gateway of 10.10.1.0/24 'Web tier' in dc1");

        SubnetDialogViewModel same = newSubnet("dc1");
        same.cidrProperty().set("10.10.2.0/24");
        assertThat(same.cidrErrorProperty().get()).isEqualTo("10.10.2.0/24 already exists in network 'dc1' as 'Databases'");
        assertThat(same.canSave()).isFalse();
    }

    @Test
    void aGatewayOutsideTheSubnetIsShownAtTheGatewayField() {
        SubnetDialogViewModel vm = newSubnet("dc1");
        vm.cidrProperty().set("10.20.0.0/24");
        vm.gatewayProperty().set("10.20.1.1");
        assertThat(vm.gatewayErrorProperty().get()).isEqualTo("Gateway 10.20.1.1 is outside 10.20.0.0/24");
        assertThat(vm.cidrErrorProperty().get()).isEmpty();
        assertThat(vm.canSave()).isFalse();

        vm.gatewayProperty().set("10.20.0.255");
        assertThat(vm.gatewayErrorProperty().get()).isEqualTo("Gateway 10.20.0.255 is the broadcast address of 10.20.0.0/24");
        assertThat(vm.canSave()).isFalse();

        vm.gatewayProperty().set("10.20.0.300");
        assertThat(vm.gatewayErrorProperty().get()).contains("10.20.0.300");
        assertThat(vm.canSave()).isFalse();
    }

    @Test
    void vlanMustBeFrom1To4094() {
        SubnetDialogViewModel vm = newSubnet("dc1");
        vm.cidrProperty().set("10.20.0.0/24");
        vm.vlanProperty().set("5000");
        assertThat(vm.vlanErrorProperty().get()).isEqualTo("VLAN 5000 is out of range (1-4094)");
        assertThat(vm.canSave()).isFalse();
        vm.vlanProperty().set("ten");
        assertThat(vm.vlanErrorProperty().get()).isEqualTo("The VLAN is a number from 1 to 4094, not 'ten'");
        assertThat(vm.canSave()).isFalse();
        vm.vlanProperty().set("4094");
        assertThat(vm.vlanErrorProperty().get()).isEmpty();
        assertThat(vm.canSave()).isTrue();
    }

    @Test
    void savingASubnetCreatesExactlyWhatWasTyped() {
        SubnetDialogViewModel vm = SubnetDialogViewModel.create(() -> allocator, tasks, "dc1", "10.20.0.0/24");
        assertThat(vm.networks()).containsExactly("branch-office", "dc1");
        assertThat(vm.networkProperty().get()).isEqualTo("dc1");
        assertThat(vm.cidrInfoProperty().get()).isEqualTo("254 usable addresses: 10.20.0.1 \u2013 10.20.0.254");
        vm.nameProperty().set("Storage");
        vm.vlanProperty().set("120");
        vm.gatewayProperty().set("10.20.0.1");
        vm.descriptionProperty().set("iSCSI");
        assertThat(vm.canSave()).isTrue();
        vm.save();
        Subnet created = subnet("10.20.0.0/24");
        assertThat(vm.savedProperty().get()).isEqualTo(created);
        assertThat(created.networkName()).isEqualTo("dc1");
        assertThat(created.name()).isEqualTo("Storage");
        assertThat(created.vlan()).hasValue(120);
        assertThat(created.gateway()).hasValue(Ip.parse("10.20.0.1"));
        assertThat(created.description()).isEqualTo("iSCSI");
    }

    @Test
    void editingASubnetChecksTheGatewayAndSaves() {
        SubnetDialogViewModel vm = SubnetDialogViewModel.edit(() -> allocator, tasks, subnet("192.168.20.0/24"));
        assertThat(vm.cidrEditableProperty().get()).isFalse();
        assertThat(vm.cidrProperty().get()).isEqualTo("192.168.20.0/24");
        assertThat(vm.canSave()).isTrue();
        vm.gatewayProperty().set("192.168.20.150");
        assertThat(vm.gatewayErrorProperty().get()).isEqualTo("Gateway 192.168.20.150 lies in the dhcp range 192.168.20.100-192.168.20.199");
        assertThat(vm.canSave()).isFalse();
        vm.gatewayProperty().set("192.168.20.254");
        assertThat(vm.canSave()).isTrue();
        vm.save();
        assertThat(subnet("192.168.20.0/24").gateway()).hasValue(Ip.parse("192.168.20.254"));
    }

    @Test
    void staleDaysAreADayCountOrEmptyForTheDefaultAndAreSavedWithTheSubnet() {
        SubnetDialogViewModel vm = SubnetDialogViewModel.edit(() -> allocator, tasks, subnet("192.168.20.0/24"));
        assertThat(vm.staleDaysProperty().get()).as("the default shows as empty").isEmpty();
        vm.staleDaysProperty().set("0");
        assertThat(vm.staleDaysErrorProperty().get())
                .isEqualTo("Stale after is a number of days from 1 to 3650, not '0'; leave it empty for 30");
        assertThat(vm.canSave()).isFalse();
        vm.staleDaysProperty().set("a week");
        assertThat(vm.staleDaysErrorProperty().get()).contains("not 'a week'");
        vm.staleDaysProperty().set("7");
        assertThat(vm.staleDaysErrorProperty().get()).isEmpty();
        vm.save();
        Subnet saved = subnet("192.168.20.0/24");
        assertThat(saved.staleDays()).hasValue(7);
        assertThat(saved.staleDaysOrDefault()).isEqualTo(7);

        SubnetDialogViewModel again = SubnetDialogViewModel.edit(() -> allocator, tasks, saved);
        assertThat(again.staleDaysProperty().get()).isEqualTo("7");
        again.staleDaysProperty().set("");
        again.save();
        assertThat(subnet("192.168.20.0/24").staleDays()).as("empty: back to the default").isEmpty();
        assertThat(subnet("192.168.20.0/24").staleDaysOrDefault()).isEqualTo(30);
    }

    // ================================================================= range dialog

    @Test
    void rangeChecksAtStartAndEnd() {
        Subnet web = subnet("10.10.1.0/24");
        RangeDialogViewModel vm = new RangeDialogViewModel(() -> allocator, tasks, web,
                Optional.of(new IpRange(Ip.parse("10.10.1.100"), Ip.parse("10.10.1.199"))));
        assertThat(vm.canSave()).isTrue();

        vm.endProperty().set("10.10.1.50");
        assertThat(vm.endErrorProperty().get()).isEqualTo("The range ends at 10.10.1.50, before its start 10.10.1.100");
        assertThat(vm.canSave()).isFalse();

        vm.startProperty().set("10.10.2.1");
        vm.endProperty().set("10.10.2.9");
        assertThat(vm.startErrorProperty().get()).isEqualTo("10.10.2.1 is outside 10.10.1.0/24 in dc1");
        assertThat(vm.canSave()).isFalse();

        vm.startProperty().set("10.10.1.0");
        vm.endProperty().set("10.10.1.9");
        assertThat(vm.startErrorProperty().get()).contains("10.10.1.0, the network address");

        vm.startProperty().set("10.10.1.x");
        assertThat(vm.startErrorProperty().get()).contains("10.10.1.x");
        assertThat(vm.canSave()).isFalse();

        vm.startProperty().set("10.10.1.2");
        vm.endProperty().set("10.10.1.20");
        vm.kindProperty().set(RangeKind.DHCP);
        assertThat(vm.endErrorProperty().get()).startsWith("The DHCP pool 10.10.1.2-10.10.1.20 would include 10.10.1.2");
        assertThat(vm.canSave()).isFalse();

        vm.kindProperty().set(RangeKind.RESERVED);
        vm.descriptionProperty().set("printers");
        assertThat(vm.canSave()).isTrue();
        vm.save();
        AddressRange added = vm.savedProperty().get();
        assertThat(allocator.ranges(web.id())).containsExactly(added);
        assertThat(added.range().toString()).isEqualTo("10.10.1.2-10.10.1.20");
        assertThat(added.kind()).isEqualTo(RangeKind.RESERVED);
        assertThat(added.description()).isEqualTo("printers");
    }

    // ================================================================= deletes

    @Test
    void deletingASubnetAsksWithTheCountAndDoesNothingOnNo() {
        ScriptedDialogs dialogs = new ScriptedDialogs();
        DeleteCommands commands = new DeleteCommands(() -> allocator, tasks, dialogs);
        List<String> status = new ArrayList<>();
        String before = ContentSnapshot.of(database);

        commands.deleteSubnet(subnet("10.10.1.0/24"), (text, undo) -> status.add(text));
        assertThat(dialogs.asked).containsExactly("Delete subnet: Delete subnet 10.10.1.0/24 'Web tier' in dc1?\n\n"
                + "It holds 12 addresses, which are deleted with it. [Delete]");
        assertThat(status).isEmpty();
        assertThat(ContentSnapshot.of(database)).isEqualTo(before);

        dialogs.answer = true;
        commands.deleteSubnet(subnet("10.10.1.0/24"), (text, undo) -> status.add(text));
        assertThat(status).containsExactly("Deleted subnet 10.10.1.0/24 (12 addresses)");
        assertThat(allocator.subnets("dc1")).extracting(s -> s.cidr().toString()).doesNotContain("10.10.1.0/24");
    }

    @Test
    void deletingAParentSaysItsChildrenMoveUpAndAnEmptySubnetHoldsNone() {
        ScriptedDialogs dialogs = new ScriptedDialogs();
        DeleteCommands commands = new DeleteCommands(() -> allocator, tasks, dialogs);
        commands.deleteSubnet(subnet("10.10.0.0/16"), (text, undo) -> { });
        assertThat(dialogs.asked.get(0)).contains("It holds 1 address, which is deleted with it.")
                .contains("Its 2 child subnets move up to the top level and keep their addresses.");
        Subnet empty = allocator.createSubnet("dc1", org.ipdesk.model.SubnetSpec.of(Cidr.parse("10.30.0.0/24")));
        commands.deleteSubnet(empty, (text, undo) -> { });
        assertThat(dialogs.asked.get(1)).endsWith("It holds no addresses. [Delete]");
    }

    @Test
    void aNetworkWithSubnetsIsRefusedWithTheEnginesMessage() {
        ScriptedDialogs dialogs = new ScriptedDialogs();
        dialogs.answer = true;
        DeleteCommands commands = new DeleteCommands(() -> allocator, tasks, dialogs);
        List<String> status = new ArrayList<>();
        String before = ContentSnapshot.of(database);
        commands.deleteNetwork(allocator.network("dc1"), (text, undo) -> status.add(text));
        assertThat(dialogs.asked).isEmpty();
        assertThat(dialogs.errors).containsExactly(
                "Cannot delete network: Network 'dc1' still has 5 subnets; delete them first");
        assertThat(status).isEmpty();
        assertThat(ContentSnapshot.of(database)).isEqualTo(before);

        Network empty = allocator.createNetwork("empty", "");
        commands.deleteNetwork(empty, (text, undo) -> status.add(text));
        assertThat(dialogs.asked).containsExactly("Delete network: Delete network 'empty'?\n\nIt has no subnets. [Delete]");
        assertThat(status).containsExactly("Deleted network empty");
    }

    @Test
    void deletingARangeAsks() {
        ScriptedDialogs dialogs = new ScriptedDialogs();
        DeleteCommands commands = new DeleteCommands(() -> allocator, tasks, dialogs);
        AddressRange pool = allocator.ranges(subnet("192.168.20.0/24").id()).get(0);
        List<String> status = new ArrayList<>();
        String before = ContentSnapshot.of(database);
        commands.deleteRange(subnet("192.168.20.0/24"), pool, (text, undo) -> status.add(text));
        assertThat(dialogs.asked).containsExactly("Delete range: Delete the DHCP pool 192.168.20.100-192.168.20.199"
                + " (Office DHCP pool)?\n\nAddresses already held in it stay as they are. [Delete]");
        assertThat(ContentSnapshot.of(database)).isEqualTo(before);
        dialogs.answer = true;
        commands.deleteRange(subnet("192.168.20.0/24"), pool, (text, undo) -> status.add(text));
        assertThat(status).containsExactly("Deleted DHCP pool 192.168.20.100-192.168.20.199");
        assertThat(allocator.ranges(subnet("192.168.20.0/24").id())).isEmpty();
    }
}
