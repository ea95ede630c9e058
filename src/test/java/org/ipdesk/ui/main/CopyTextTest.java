package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.store.Location;
import org.ipdesk.ui.CurrentThreadTaskExecutor;
import org.ipdesk.ui.SampleDatabase;
import org.ipdesk.ui.grid.AddressGridViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Copy's text on its own: from the tree, the subnet's CIDR or the network's name; nothing without a selection. */
class CopyTextTest {

    @TempDir
    Path dir;

    @Test
    void copiesTheSelectedTreeRowAndNothingWithoutASelection() {
        Path file = dir.resolve("sample.db");
        SampleDatabase.seed(file);
        try (Allocator allocator = Allocator.open(Location.of(file))) {
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
