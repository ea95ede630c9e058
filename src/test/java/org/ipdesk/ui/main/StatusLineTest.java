package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The status line on its own. */
class StatusLineTest {

    @Test
    void keepsTheLastOperationAndWhetherItFailed() {
        StatusLine status = new StatusLine();
        assertThat(status.lastOperationProperty().get()).isEmpty();

        status.report("Cannot open /tmp/x: no such file", true);
        assertThat(status.lastOperationProperty().get()).isEqualTo("Cannot open /tmp/x: no such file");
        assertThat(status.lastOperationFailedProperty().get()).isTrue();

        status.report("Opened /data/lab.db", false);
        assertThat(status.lastOperationFailedProperty().get()).isFalse();

        status.showDatabase("Database: /data/lab.db");
        status.showSummary("2 networks");
        assertThat(status.databaseTextProperty().get()).isEqualTo("Database: /data/lab.db");
        assertThat(status.summaryProperty().get()).isEqualTo("2 networks");
    }
}
