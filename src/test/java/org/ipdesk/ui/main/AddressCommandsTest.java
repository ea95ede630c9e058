package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
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

/** The Address commands on their own, with a recording host: what they say when nothing is selected. */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class AddressCommandsTest {

    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    private Allocator allocator;
    private final RecordingCommandHost host = new RecordingCommandHost(Optional::empty);

    @AfterEach
    void close() {
        if (allocator != null) {
            allocator.close();
        }
    }

    private AddressCommands commands() {
        allocator = Allocator.open(SampleDatabase.fresh(engine, dir));
        CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
        AddressGridViewModel grid = new AddressGridViewModel(() -> allocator, tasks);
        return new AddressCommands(() -> allocator, tasks, new CancellingDialogs(), grid, host);
    }

    @Test
    void withoutASubnetEachCommandSaysWhatItNeeds() {
        AddressCommands commands = commands();

        commands.reserveAddress();
        commands.allocateNext();
        commands.allocateBlock();
        commands.editAddress();
        commands.releaseSelection();
        commands.newChildSubnet();
        // the pair dialog picks its own subnets; a user who cancels changes nothing
        commands.allocatePair();

        assertThat(host.reports).containsExactly(
                "Select a subnet first to reserve an address (failed)",
                "Select a subnet first to allocate an address (failed)",
                "Select a subnet first to allocate a block (failed)",
                "Select an address in the grid first (failed)",
                "Select the address(es) to release in the grid first (failed)",
                "Select a subnet first to create a child subnet (failed)");
        assertThat(host.done).isEmpty();
    }
}
