package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.Subnet;
import org.ipdesk.ui.CancellingDialogs;
import org.ipdesk.ui.CurrentThreadTaskExecutor;
import org.ipdesk.ui.SampleDatabase;
import org.ipdesk.ui.grid.AddressGridViewModel;
import org.ipdesk.ui.undo.Undoable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Edit commands on their own, with a recording host: what they say or do when nothing fits. */
class EditCommandsTest {

    @TempDir
    Path dir;

    private Allocator allocator;
    private final List<String> reports = new ArrayList<>();
    private final List<String> done = new ArrayList<>();
    private final NetworkTreeViewModel tree = new NetworkTreeViewModel();
    private final SelectionState selection = new SelectionState();

    @AfterEach
    void close() {
        if (allocator != null) {
            allocator.close();
        }
    }

    private EditCommands commands() {
        Path file = dir.resolve("sample.db");
        SampleDatabase.seed(file);
        allocator = Allocator.open(file);
        CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
        AddressGridViewModel grid = new AddressGridViewModel(() -> allocator, tasks);
        return new EditCommands(() -> allocator, tasks, new CancellingDialogs(), tree, selection, grid,
                new CommandHost() {
                    @Override
                    public Optional<Subnet> selectedSubnet() {
                        return selection.subnet();
                    }

                    @Override
                    public void done(String key, String operation, Undoable undo) {
                        done.add(operation);
                    }

                    @Override
                    public void recorded(Undoable undo) {
                        done.add("recorded");
                    }

                    @Override
                    public void reload() {
                        done.add("reload");
                    }

                    @Override
                    public void report(String operation, boolean failed) {
                        reports.add(operation + (failed ? " (failed)" : ""));
                    }
                });
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

        assertThat(reports).containsExactly(
                "Create a network first: a subnet belongs to a network (failed)",
                "Select a subnet first: a range belongs to a subnet (failed)",
                "Select an address of a DHCP pool or reserved range in the grid first (failed)");
        assertThat(done).isEmpty();
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

        assertThat(reports).isEmpty();
        assertThat(done).isEmpty();
        assertThat(tree.networks()).hasSize(2);
    }
}
