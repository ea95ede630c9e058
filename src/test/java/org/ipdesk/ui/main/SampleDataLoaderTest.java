package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.Network;
import org.ipdesk.store.Location;
import org.ipdesk.ui.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first-run sample data on its own: written into an empty database, refused into one that has networks. */
class SampleDataLoaderTest {

    @TempDir
    Path dir;

    private final NetworkTreeViewModel tree = new NetworkTreeViewModel();
    private final LoadState state = new LoadState(tree);
    private final StatusLine status = new StatusLine();
    private final List<String> refreshed = new ArrayList<>();

    @Test
    void anEmptyDatabaseGetsThreeNetworksAndTheWindowIsReadAgain() {
        try (Allocator allocator = Allocator.open(Location.of(dir.resolve("new.db")))) {
            loader(allocator).load();

            assertThat(allocator.networks()).hasSize(3);
            assertThat(refreshed).singleElement().asString()
                    .matches("Loaded the sample data: [0-9,]+ addresses in three networks");
        }
    }

    @Test
    void aDatabaseWithNetworksIsLeftAsItWasAndTheStatusLineSaysWhy() {
        try (Allocator allocator = Allocator.open(Location.of(dir.resolve("used.db")))) {
            allocator.createNetwork("lab", "");
            tree.show(NetworkTreeViewModel.read(allocator).rows());

            loader(allocator).load();

            assertThat(allocator.networks()).extracting(Network::name).containsExactly("lab");
            assertThat(refreshed).isEmpty();
            assertThat(state.loadingProperty().get()).isFalse();
            assertThat(status.lastOperationFailedProperty().get()).isTrue();
            assertThat(status.lastOperationProperty().get()).startsWith("Cannot load the sample data: ");
        }
    }

    private SampleDataLoader loader(Allocator allocator) {
        return new SampleDataLoader(() -> allocator, new CurrentThreadTaskExecutor(), tree, state, status,
                (operation, failed) -> refreshed.add(operation));
    }
}
