package org.ipdesk.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where IPDesk keeps its data on each operating system; the CLI and the window both start from it. */
class DataLocationTest {

    @Test
    void dataFolderFollowsEachOperatingSystem() {
        Path home = Path.of("/home/ann");
        assertThat(DataLocation.dataFolder("Linux", Map.of(), home)).isEqualTo(Path.of("/home/ann/.local/share/ipdesk"));
        assertThat(DataLocation.dataFolder("Linux", Map.of("XDG_DATA_HOME", "/data"), home)).isEqualTo(Path.of("/data/ipdesk"));
        assertThat(DataLocation.dataFolder("Linux", Map.of("XDG_DATA_HOME", "relative"), home))
                .isEqualTo(Path.of("/home/ann/.local/share/ipdesk"));
        assertThat(DataLocation.dataFolder("Mac OS X", Map.of(), home))
                .isEqualTo(Path.of("/home/ann/Library/Application Support/IPDesk"));
        assertThat(DataLocation.dataFolder("Windows 11", Map.of("APPDATA", "C:/Users/ann/AppData/Roaming"), home))
                .isEqualTo(Path.of("C:/Users/ann/AppData/Roaming", "IPDesk"));
    }

    @Test
    void theDefaultLocationIsTheDefaultDatabaseFile() {
        assertThat(DataLocation.defaultLocation().file()).isEqualTo(DataLocation.defaultDatabase());
        assertThat(DataLocation.defaultDatabase().getFileName()).hasToString(DataLocation.DEFAULT_FILE_NAME);
    }
}
