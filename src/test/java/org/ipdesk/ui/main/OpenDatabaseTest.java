package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.store.OpenMode;
import org.ipdesk.ui.CurrentThreadTaskExecutor;
import org.ipdesk.ui.SampleDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The open database on its own: opened on first use, switched only once the next file has been read, closed. */
class OpenDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void theFirstJobOpensTheFileCreatingItWhenMissing() {
        Path file = dir.resolve("new.db");
        OpenDatabase database = new OpenDatabase(new CurrentThreadTaskExecutor(), file);
        assertThat(file).doesNotExist();

        Allocator allocator = database.allocator();

        assertThat(file).exists();
        assertThat(database.supplier().get()).isSameAs(allocator);
        assertThat(allocator.networks()).isEmpty();
        database.close();
    }

    @Test
    void switchingReadsTheNextFileAndKeepsTheCurrentOneWhenThatFails() throws Exception {
        Path first = dir.resolve("first.db");
        Path second = dir.resolve("second.db");
        SampleDatabase.seed(second);
        OpenDatabase database = new OpenDatabase(new CurrentThreadTaskExecutor(), first);
        Allocator before = database.allocator();

        Path notADatabase = Files.writeString(dir.resolve("notes.txt"), "not a database");
        assertThatThrownBy(() -> database.openAndRead(notADatabase, OpenMode.EXISTING));
        assertThat(database.allocator()).isSameAs(before);

        NetworkTreeViewModel.Snapshot snapshot = database.openAndRead(second, OpenMode.EXISTING);
        assertThat(snapshot.rows()).hasSize(2);
        assertThat(database.allocator()).isNotSameAs(before);
        assertThat(database.allocator().networks()).hasSize(2);
        database.close();
    }

    @Test
    void emptyFilesAndMissingFilesAreToldApart() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.db"));
        assertThat(OpenDatabase.isEmptyFile(empty)).isTrue();
        assertThat(OpenDatabase.isEmptyFile(dir.resolve("missing.db"))).isFalse();
        assertThat(OpenDatabase.createWhenMissing(dir.resolve("missing.db"))).isEqualTo(OpenMode.CREATE);
        assertThat(OpenDatabase.createWhenMissing(empty)).isEqualTo(OpenMode.EXISTING);
    }
}
