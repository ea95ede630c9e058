package org.ipdesk.ui.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.ipdesk.address.Cidr;
import org.ipdesk.ui.SeededSample;
import org.junit.jupiter.api.Test;

/** The address dialog shows the host-MAC rule of issue 11 (item 12) at its MAC field. */
class HostMacDialogTest extends SeededSample {

    @Test
    void broadcastAllZeroAndMulticastMacsAreShownAtTheMacField() {
        AddressDialogViewModel vm = AddressDialogViewModel.reserve(() -> allocator, tasks,
                allocator.findSubnet(Cidr.parse("10.10.1.0/24"), Optional.empty()), Optional.empty());
        vm.ipProperty().set("10.10.1.50");
        vm.details().macProperty().set("FF-FF-FF-FF-FF-FF");
        assertThat(vm.details().macErrorProperty().get())
                .isEqualTo("The broadcast MAC address ff:ff:ff:ff:ff:ff is not a host's MAC");
        assertThat(vm.canSave()).isFalse();
        vm.details().macProperty().set("0000.0000.0000");
        assertThat(vm.details().macErrorProperty().get())
                .isEqualTo("The all-zero MAC address 00:00:00:00:00:00 is not a host's MAC");
        vm.details().macProperty().set("01:00:5e:7f:00:01");
        assertThat(vm.details().macErrorProperty().get()).startsWith("The multicast MAC address 01:00:5e:7f:00:01 (");
        vm.details().macProperty().set("a:b:c:d:e:f");
        assertThat(vm.details().macErrorProperty().get()).isEmpty();
        assertThat(vm.canSave()).isTrue();
    }
}
