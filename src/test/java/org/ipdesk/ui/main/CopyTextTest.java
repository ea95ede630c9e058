package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.store.Engine;
import org.ipdesk.ui.CurrentThreadTaskExecutor;
import org.ipdesk.ui.SampleDatabase;
import org.ipdesk.ui.grid.AddressGridViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Copy's text on its own: from the tree, the subnet's CIDR or the network's name; nothing without a selection. */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
class CopyTextTest {

    @Parameter
    Engine engine;

    @TempDir
    Path dir;

    @Test
    void copiesTheSelectedTreeRowAndNothingWithoutASelection() {
        try (Allocator allocator = Allocator.open(SampleDatabase.fresh(engine, dir))) {
            TreeRow network = NetworkTreeViewModel.read(allocator).rows().get(0);
            SelectionState selection = new SelectionState();
            CopyText copy = new CopyText(new AddressGridViewModel(() -> allocator, new CurrentThreadTaskExecutor()),
                    selection);

            assertThat(copy.text(false)).isEmpty();
            assertThat(copy.text(true)).isEmpty();

            selection.set(network);
            assertThat(copy.text(false)).isEqualTo(network.label());
            TreeRow subnet = network.children().get(0);
            selection.set(subnet);
            assertThat(copy.text(false)).isEqualTo(subnet.subnet().orElseThrow().cidr().toString());
        }
    }
}
