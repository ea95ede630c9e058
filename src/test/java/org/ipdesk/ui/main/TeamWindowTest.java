package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ipdesk.settings.SettingsStore;
import org.ipdesk.ui.PaneStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real window started with {@code --db postgresql://…}: the title and the status bar say where and as whom, and a
 * server that does not answer is explained in the tree's place, with the way to another database. Writes
 * {@code team-window-refused.png} to target/screenshots.
 */
class TeamWindowTest {

    private final WindowDriver window = new WindowDriver();
    private Path settingsFile;
    private byte[] settingsBefore;

    @BeforeEach
    void keepTheSettings() throws Exception {
        settingsFile = SettingsStore.forUser().file();
        settingsBefore = Files.exists(settingsFile) ? Files.readAllBytes(settingsFile) : null;
    }

    @AfterEach
    void close() throws Exception {
        window.close();
        if (settingsBefore == null) {
            Files.deleteIfExists(settingsFile);
        } else {
            Files.write(settingsFile, settingsBefore);
        }
    }

    @Test
    void theWindowOnATeamDatabaseSaysWhereAndAsWhomAndWhyItDidNotOpen() throws Exception {
        // nothing listens on port 1: refused at once, whatever the engine
        window.open("postgresql://alice@127.0.0.1:1/ipam");
        assertThat(window.stage.getTitle()).isEqualTo("IPDesk \u2014 ipam on 127.0.0.1:1 as alice");
        assertThat(window.label("#databaseLabel").getText()).isEqualTo("Team database: ipam on 127.0.0.1:1 as alice");
        assertThat(window.label("#summaryLabel").getText()).isEqualTo(FileSwitch.CANNOT_OPEN);
        WindowDriver.waitUntil(() -> window.label("#placeholderLabel").getText().contains("Connect to a team database"));
        assertThat(window.label("#placeholderLabel").getText()).contains("cannot reach the PostgreSQL server 127.0.0.1:1");
        assertThat(PaneStage.screenshot(window.robot, window.stage, "team-window-refused.png")).exists();
        if (Files.exists(settingsFile)) {
            assertThat(Files.readString(settingsFile)).as("a server that did not open is not remembered")
                    .doesNotContain("127.0.0.1");
        }
    }
}
