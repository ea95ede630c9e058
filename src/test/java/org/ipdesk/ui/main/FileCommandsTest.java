package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.store.Location;
import org.ipdesk.ui.CancellingDialogs;
import org.ipdesk.ui.CurrentThreadTaskExecutor;
import org.ipdesk.ui.SampleDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The File commands on their own: exports report in the status line; cancelled choosers do nothing. */
class FileCommandsTest {

    @TempDir
    Path dir;

    private Allocator allocator;

    @AfterEach
    void close() {
        if (allocator != null) {
            allocator.close();
        }
    }

    @Test
    void exportsWriteTheFileAndSaySoAndCancelledChoosersDoNothing() {
        Path file = dir.resolve("sample.db");
        SampleDatabase.seed(file);
        allocator = Allocator.open(Location.of(file));
        StatusLine status = new StatusLine();
        List<Path> opened = new ArrayList<>();
        FileCommands files = new FileCommands(() -> allocator, new CurrentThreadTaskExecutor(),
                new CancellingDialogs(), new SelectionState(), status, () -> file, () -> dir, opened::add);

        Path addresses = dir.resolve("addresses.csv");
        files.exportAddresses(addresses);
        assertThat(addresses).exists();
        assertThat(status.lastOperationProperty().get()).isEqualTo("Exported 45 addresses to " + addresses);

        Path database = dir.resolve("database.csv");
        files.exportDatabase(database);
        assertThat(database).exists();
        assertThat(status.lastOperationProperty().get()).startsWith("Exported the database (").endsWith(") to " + database);

        files.backUp();
        files.restore();
        assertThat(opened).isEmpty();
        assertThat(status.lastOperationFailedProperty().get()).isFalse();
    }
}
