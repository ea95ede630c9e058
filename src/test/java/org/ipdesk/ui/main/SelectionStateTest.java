package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.store.Location;
import org.ipdesk.ui.SampleDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared selection on its own: what is selected and what the commands are enabled on. */
class SelectionStateTest {

    @TempDir
    Path dir;

    @Test
    void aNetworkEnablesEditingAndASubnetAlsoItsRanges() {
        Path file = dir.resolve("sample.db");
        SampleDatabase.seed(file);
        NetworkTreeViewModel.Snapshot snapshot;
        try (Allocator allocator = Allocator.open(Location.of(file))) {
            snapshot = NetworkTreeViewModel.read(allocator);
        }
        TreeRow network = snapshot.rows().get(0);
        TreeRow subnet = network.children().get(0);
        SelectionState selection = new SelectionState();

        assertThat(selection.somethingSelectedProperty().get()).isFalse();
        assertThat(selection.subnetSelectedProperty().get()).isFalse();
        assertThat(selection.subnet()).isEmpty();

        selection.set(network);
        assertThat(selection.somethingSelectedProperty().get()).isTrue();
        assertThat(selection.subnetSelectedProperty().get()).isFalse();
        assertThat(selection.subnet()).isEmpty();

        selection.set(subnet);
        assertThat(selection.selectedProperty().get()).isSameAs(subnet);
        assertThat(selection.subnetSelectedProperty().get()).isTrue();
        assertThat(selection.subnet()).isEqualTo(subnet.subnet());

        selection.set(null);
        assertThat(selection.get()).isNull();
        assertThat(selection.somethingSelectedProperty().get()).isFalse();
    }
}
