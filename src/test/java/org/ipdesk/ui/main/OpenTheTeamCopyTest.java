package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.ipdesk.store.Location;
import org.ipdesk.store.ServerLocation;
import org.ipdesk.store.postgres.TestPostgres;
import org.ipdesk.ui.SampleDatabase;
import org.ipdesk.ui.ScriptedDialogs;
import org.ipdesk.ui.TestThreadTaskExecutor;
import org.ipdesk.ui.copy.CopyDatabaseViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File → Copy to team database…, then "Open the copy": the window connects to the team database it copied to. */
class OpenTheTeamCopyTest {
    @TempDir
    Path dir;

    private MainViewModel window;

    @AfterEach
    void close() {
        if (window != null) {
            window.close();
        }
    }

    @Test
    void openTheCopyConnectsTheWindowToTheTeamDatabase() {
        Path file = dir.resolve("desk.db");
        SampleDatabase.seed(file);
        window = TestWindows.on(Location.of(file), new TestThreadTaskExecutor(), new ScriptedDialogs());
        window.fileSwitch().load();
        ServerLocation team = TestPostgres.freshDatabase();

        CopyDatabaseViewModel copy = window.files().newDatabaseCopy(false);
        copy.load();
        copy.targetProperty().set(team.toString());
        copy.copy();
        assertThat(copy.problemProperty().get()).isEmpty();
        copy.openCopy();

        assertThat(window.fileSwitch().location()).isEqualTo(team);
        assertThat(window.status().lastOperationProperty().get()).startsWith("Connected to ");
        assertThat(window.status().databaseTextProperty().get()).contains(team.name());
    }
}
