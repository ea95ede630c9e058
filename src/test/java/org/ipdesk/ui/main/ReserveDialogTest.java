package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ipdesk.address.Ip;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.store.Engine;
import org.ipdesk.ui.SampleDatabase;
import org.ipdesk.ui.ScriptedDialogs;
import org.ipdesk.ui.TestThreadTaskExecutor;
import org.ipdesk.ui.address.AddressDialogViewModel;
import org.ipdesk.ui.grid.GridContent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Address → Reserve as an admin uses it: the status a reservation gets, the dialog on a cell of a DHCP pool, and
 * where the window is after the address was made.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class ReserveDialogTest {

    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final List<String> seen = new ArrayList<>();
    private MainViewModel vm;

    @AfterEach
    void close() {
        if (vm != null) {
            vm.close();
        }
    }

    private void openAt(String cidr, String ip) {
        vm = TestWindows.on(SampleDatabase.fresh(engine, dir), new TestThreadTaskExecutor(), dialogs);
        vm.fileSwitch().load();
        vm.navigation().select(row(vm.tree().networks(), cidr));
        vm.grid().select(cells().indexOf(Ip.parse(ip)));
    }

    private GridContent.Addresses cells() {
        return (GridContent.Addresses) vm.grid().getContent();
    }

    private static TreeRow row(List<TreeRow> rows, String label) {
        for (TreeRow r : rows) {
            if (r.label().equals(label)) {
                return r;
            }
            try {
                return row(r.children(), label);
            } catch (AssertionError notHere) {
                // look further
            }
        }
        throw new AssertionError(label + " is not in the tree");
    }

    /** What the dialog shows as it opens: status, errors, whether Reserve is enabled, the header. */
    private static String opened(AddressDialogViewModel d) {
        return d.details().statusProperty().get().label() + " | ip error '" + d.ipErrorProperty().get()
                + "' | status error '" + d.details().statusErrorProperty().get() + "' | error '"
                + d.errorProperty().get() + "' | can save " + d.canSave();
    }

    @Test
    void aReservationIsReservedByDefaultAndIsSelectedAndShownOnceMade() {
        openAt("10.10.1.0/24", "10.10.1.50");
        dialogs.address = d -> {
            seen.add(opened(d));
            d.ipProperty().set("10.10.1.60");
            d.details().hostnameProperty().set("printer-1");
            d.save();
            return Optional.ofNullable(d.savedProperty().get());
        };

        vm.addresses().reserveAddress();

        assertThat(seen).containsExactly("reserved | ip error '' | status error '' | error '' | can save true");
        assertThat(vm.status().lastOperationProperty().get())
                .isEqualTo("Reserved 10.10.1.60 (printer-1) in 10.10.1.0/24 in dc1");
        // the grid's caret moved from 10.10.1.50 to the address made, and the details pane shows it
        assertThat(cells().ip(vm.grid().caretProperty().get())).isEqualTo(Ip.parse("10.10.1.60"));
        assertThat(vm.grid().selectionProperty().get().toString()).isEqualTo("10.10.1.60");
        assertThat(vm.details().ipProperty().get()).isEqualTo("10.10.1.60");
        assertThat(vm.details().hostnameProperty().get()).isEqualTo("printer-1");
        assertThat(vm.details().statusProperty().get()).isEqualTo("reserved");
    }

    @Test
    void onACellOfADhcpPoolTheDialogOpensValidAndSaysWhyTheStatusIsDhcp() {
        openAt("192.168.20.0/24", "192.168.20.150");
        dialogs.address = d -> {
            seen.add(opened(d));
            seen.add(d.headerProperty().get());
            // moved out of the pool, the status follows back to reserved and the note goes
            d.ipProperty().set("192.168.20.50");
            seen.add(opened(d));
            seen.add(d.headerProperty().get());
            // a status the admin picks is kept, and the rule is then explained at the status
            d.details().statusProperty().set(AddressStatus.ALLOCATED);
            d.ipProperty().set("192.168.20.150");
            seen.add(opened(d));
            return Optional.empty();
        };

        vm.addresses().reserveAddress();

        assertThat(seen).containsExactly(
                "dhcp | ip error '' | status error '' | error '' | can save true",
                "Reserve an address in 192.168.20.0/24 'Office LAN' in branch-office\n192.168.20.150 is in the DHCP"
                        + " pool 'Office DHCP pool': recorded as a DHCP lease",
                "reserved | ip error '' | status error '' | error '' | can save true",
                "Reserve an address in 192.168.20.0/24 'Office LAN' in branch-office",
                "allocated | ip error '' | status error '192.168.20.150 lies in the DHCP pool"
                        + " 192.168.20.100-192.168.20.199 (Office DHCP pool); only status dhcp may be recorded there'"
                        + " | error '' | can save false");
    }
}
