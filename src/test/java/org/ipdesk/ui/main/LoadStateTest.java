package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Loading, the error and the tree's placeholder, on their own. */
class LoadStateTest {

    private final NetworkTreeViewModel tree = new NetworkTreeViewModel();
    private final LoadState state = new LoadState(tree);

    @Test
    void anEmptyTreeWithoutAnErrorIsAnEmptyDatabaseOnceLoaded() {
        state.setLoading(true);
        assertThat(state.emptyDatabaseProperty().get()).isFalse();
        state.setLoading(false);
        assertThat(state.emptyDatabaseProperty().get()).isTrue();

        state.showPlaceholder();
        assertThat(state.placeholderProperty().get()).isEqualTo(LoadState.EMPTY_DATABASE);
    }

    @Test
    void anErrorKeepsItsPlaceholderAndIsNoEmptyDatabase() {
        state.setError("file is not a database");
        state.setPlaceholder("Cannot open the database.");
        state.showPlaceholder();

        assertThat(state.failed()).isTrue();
        assertThat(state.errorProperty().get()).isEqualTo("file is not a database");
        assertThat(state.placeholderProperty().get()).isEqualTo("Cannot open the database.");
        assertThat(state.emptyDatabaseProperty().get()).isFalse();
    }
}
