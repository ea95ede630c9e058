package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.store.Engine;
import org.ipdesk.ui.CancellingDialogs;
import org.ipdesk.ui.CurrentThreadTaskExecutor;
import org.ipdesk.ui.SampleDatabase;
import org.ipdesk.ui.grid.AddressGridViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The Edit commands on their own, with a recording host: what they say or do when nothing fits. */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class EditCommandsTest {

    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    private Allocator allocator;
    private final NetworkTreeViewModel tree = new NetworkTreeViewModel();
    private final SelectionState selection = new SelectionState();
    private final RecordingCommandHost host = new RecordingCommandHost(selection::subnet);

    @AfterEach
    void close() {
        if (allocator != null) {
            allocator.close();
        }
    }

    private EditCommands commands() {
        allocator = Allocator.open(SampleDatabase.fresh(engine, dir));
        CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
        AddressGridViewModel grid = new AddressGridViewModel(() -> allocator, tasks);
        return new EditCommands(() -> allocator, tasks, new CancellingDialogs(), tree, selection, grid,
                host);
    }

    @Test
    void withoutNetworksOrSelectionEachCommandSaysWhatItNeeds() {
        EditCommands commands = commands();

        commands.newSubnet();
        commands.newRange();
        commands.deleteRangeAtCaret();
        commands.editSelected();
        commands.deleteSelected();
        // a user who cancels the network dialog changes nothing
        commands.newNetwork();

        assertThat(host.reports).containsExactly(
                "Create a network first: a subnet belongs to a network (failed)",
                "Select a subnet first: a range belongs to a subnet (failed)",
                "Select an address of a DHCP pool or reserved range in the grid first (failed)");
        assertThat(host.done).isEmpty();
    }

    @Test
    void aSelectedNetworkIsEditedAndDeletedThroughTheDialogs() {
        EditCommands commands = commands();
        tree.show(NetworkTreeViewModel.read(allocator).rows());
        selection.set(tree.networks().get(0));

        // the cancelling user: the dialog and the confirmation are asked, nothing is done
        commands.editSelected();
        commands.deleteSelected();
        commands.newSubnet();

        assertThat(host.reports).isEmpty();
        assertThat(host.done).isEmpty();
        assertThat(tree.networks()).hasSize(2);
    }
}
