package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ipdesk.address.Ip;
import org.ipdesk.model.CellState;
import org.ipdesk.store.Engine;
import org.ipdesk.ui.SampleDatabase;
import org.ipdesk.ui.ScriptedDialogs;
import org.ipdesk.ui.TestThreadTaskExecutor;
import org.ipdesk.ui.grid.GridContent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Edit → Edit the range at the selected address: the range dialog on the range under the caret, and undo. */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class EditRangeTest {

    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private MainViewModel vm;

    @AfterEach
    void close() {
        vm.close();
    }

    private void openOfficeAt(String ip) {
        vm = TestWindows.on(SampleDatabase.fresh(engine, dir), new TestThreadTaskExecutor(), dialogs);
        vm.fileSwitch().load();
        TreeRow office = vm.tree().networks().stream().flatMap(n -> n.children().stream())
                .filter(r -> r.label().equals("192.168.20.0/24")).findFirst().orElseThrow();
        vm.navigation().select(office);
        vm.grid().select(cells().indexOf(Ip.parse(ip)));
    }

    private GridContent.Addresses cells() {
        return (GridContent.Addresses) vm.grid().getContent();
    }

    private CellState state(String ip) {
        return cells().state(cells().indexOf(Ip.parse(ip)));
    }

    @Test
    void thePoolUnderTheCaretIsChangedInPlaceCheckedByTheRangeRulesAndUndone() {
        openOfficeAt("192.168.20.150");
        List<String> seen = new ArrayList<>();
        dialogs.range = d -> {
            seen.add(d.title() + " | " + d.headerProperty().get() + " | " + d.startProperty().get() + "-"
                    + d.endProperty().get() + " " + d.kindProperty().get() + " '" + d.descriptionProperty().get()
                    + "' | " + d.saveLabel() + " " + d.canSave());
            d.startProperty().set("192.168.20.15");
            seen.add(d.endErrorProperty().get() + " | " + d.canSave());
            d.startProperty().set("192.168.20.100");
            d.endProperty().set("192.168.20.210");
            seen.add("'" + d.endErrorProperty().get() + "' | " + d.canSave());
            d.save();
            return Optional.ofNullable(d.savedProperty().get());
        };

        vm.edits().editRangeAtCaret();

        assertThat(seen).containsExactly(
                "Edit address range | Edit the DHCP pool 192.168.20.100-192.168.20.199 in 192.168.20.0/24"
                        + " 'Office LAN' in branch-office | 192.168.20.100-192.168.20.199 DHCP 'Office DHCP pool'"
                        + " | Save true",
                "The DHCP pool 192.168.20.15-192.168.20.199 would include 192.168.20.15, allocated to desk-14"
                        + " | false",
                "'' | true");
        assertThat(vm.status().lastOperationProperty().get())
                .isEqualTo("Saved DHCP pool 192.168.20.100-192.168.20.210 in 192.168.20.0/24 in branch-office");
        assertThat(state("192.168.20.205")).isEqualTo(CellState.DHCP_RANGE);

        vm.undoRedo().undo();
        assertThat(state("192.168.20.205")).isEqualTo(CellState.FREE);
        assertThat(state("192.168.20.199")).isEqualTo(CellState.DHCP_RANGE);
        vm.undoRedo().redo();
        assertThat(state("192.168.20.205")).isEqualTo(CellState.DHCP_RANGE);
    }

    @Test
    void anAddressInNoRangeSaysSo() {
        openOfficeAt("192.168.20.50");

        vm.edits().editRangeAtCaret();

        assertThat(vm.status().lastOperationProperty().get()).isEqualTo("192.168.20.50 is in no DHCP pool or reserved range");
        assertThat(vm.status().lastOperationFailedProperty().get()).isTrue();
    }
}
