package org.ipdesk.ui.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.IpRange;
import org.ipdesk.model.Subnet;
import org.ipdesk.store.ContentSnapshot;
import org.ipdesk.ui.SeededSample;
import org.ipdesk.ui.address.AddressDialogViewModel;
import org.ipdesk.ui.address.BlockDialogViewModel;
import org.junit.jupiter.api.Test;

/**
 * The dialogs check every free-text field with the same rules and the same words as the command line and the
 * import (TerminalInjectionTest, FieldLimitsTest): a refused character or an over-long value shows its message
 * (as a sentence) and Save stays disabled.
 */
class TextFieldDialogsTest extends SeededSample {

    /** The refused characters and how the message names them (a few of TerminalInjectionTest's). */
    private static final Map<String, String> BAD = Map.of(
            "\u001b", "a control character (U+001B ESC)",
            "\u0000", "a control character (U+0000 NUL)",
            "\n", "a control character (U+000A LF)",
            "\u202e", "a text-direction control (U+202E RIGHT-TO-LEFT OVERRIDE)");

    private Subnet web() {
        return allocator.findSubnet(Cidr.parse("10.10.1.0/24"), Optional.empty());
    }

    /** Types each bad value into {@code field}: the error shows the rule's message and Save is off; a good value clears it. */
    private void refusesLikeTheCommandLine(EditDialogViewModel<?> vm, StringProperty field, String label,
                                           int limit, ObservableStringValue error) {
        String good = field.get();
        assertThat(vm.canSave()).as("the dialog can save before").isTrue();
        for (var bad : BAD.entrySet()) {
            field.set("web" + bad.getKey() + "x");
            assertThat(error.get()).isEqualTo(Messages.sentence(label + " contains " + bad.getValue()
                    + " at position 4; remove it"));
            assertThat(vm.canSave()).isFalse();
        }
        field.set("x".repeat(limit + 1));
        assertThat(error.get()).isEqualTo(Messages.sentence(label + " is " + String.format(Locale.ROOT, "%,d", limit + 1)
                + " characters; the limit is " + String.format(Locale.ROOT, "%,d", limit)));
        assertThat(vm.canSave()).isFalse();
        field.set(good);
        assertThat(error.get()).isEmpty();
        assertThat(vm.canSave()).isTrue();
    }

    @Test
    void theNetworkDialog() {
        NetworkDialogViewModel vm = NetworkDialogViewModel.create(() -> allocator, tasks);
        vm.nameProperty().set("lab");
        refusesLikeTheCommandLine(vm, vm.nameProperty(), "network name", 100, vm.nameErrorProperty());
        refusesLikeTheCommandLine(vm, vm.descriptionProperty(), "network description", 1_000, vm.errorProperty());
    }

    @Test
    void theSubnetDialog() {
        SubnetDialogViewModel vm = SubnetDialogViewModel.create(() -> allocator, tasks, "dc1", "");
        vm.cidrProperty().set("10.99.0.0/24");
        refusesLikeTheCommandLine(vm, vm.nameProperty(), "subnet name", 100, vm.errorProperty());
        refusesLikeTheCommandLine(vm, vm.descriptionProperty(), "subnet description", 1_000, vm.errorProperty());
    }

    @Test
    void theRangeDialog() {
        Subnet web = web();
        IpRange free = allocator.freeExtents(web.id()).get(0);
        RangeDialogViewModel vm = new RangeDialogViewModel(() -> allocator, tasks, web,
                Optional.of(IpRange.of(free.start())));
        vm.kindProperty().set(org.ipdesk.model.RangeKind.RESERVED);
        refusesLikeTheCommandLine(vm, vm.descriptionProperty(), "range description", 1_000, vm.errorProperty());
    }

    @Test
    void theAddressDialogs() {
        AddressDialogViewModel reserve = AddressDialogViewModel.reserve(() -> allocator, tasks, web(), Optional.empty());
        reserve.ipProperty().set("10.10.1.50");
        refusesLikeTheCommandLine(reserve, reserve.details().ownerProperty(), "owner", 254, reserve.errorProperty());
        refusesLikeTheCommandLine(reserve, reserve.details().descriptionProperty(), "description", 1_000,
                reserve.errorProperty());
        reserve.details().hostnameProperty().set("web-50");
        refusesLikeTheCommandLine(reserve, reserve.details().hostnameProperty(), "host name", 253,
                reserve.details().hostnameErrorProperty());

        BlockDialogViewModel block = new BlockDialogViewModel(() -> allocator, tasks, web());
        block.countProperty().set("2");
        refusesLikeTheCommandLine(block, block.details().ownerProperty(), "owner", 254, block.errorProperty());
    }

    @Test
    void nothingIsStoredWhileAFieldIsRefused() {
        String before = ContentSnapshot.of(database);
        NetworkDialogViewModel vm = NetworkDialogViewModel.create(() -> allocator, tasks);
        vm.nameProperty().set("lab\u001b[2J");
        vm.save();
        assertThat(vm.savedProperty().get()).isNull();
        assertThat(ContentSnapshot.of(database)).isEqualTo(before);
    }
}
