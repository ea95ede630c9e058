package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.ipdesk.settings.DataLocation;
import org.ipdesk.store.Location;
import org.junit.jupiter.api.Test;

/** Help → About and Help → How IPDesk works, on their own: they name the open file and this installation. */
class HelpTextsTest {

    @Test
    void aboutNamesTheOpenDatabaseAndTheDataFolder() {
        Path file = Path.of("/data/lab.db");
        HelpTexts help = new HelpTexts(new WindowPreferences(null, problem -> { }), () -> Location.of(file));

        assertThat(help.aboutText()).startsWith("IPDesk ")
                .contains("Database: " + file)
                .contains("Data folder: " + DataLocation.dataFolder());
    }

    @Test
    void howItWorksFollowsTheFileOpenNow() {
        Path[] file = {Path.of("/data/lab.db")};
        HelpTexts help = new HelpTexts(new WindowPreferences(null, problem -> { }), () -> Location.of(file[0]));

        assertThat(help.howItWorks()).isNotEmpty();
        assertThat(help.howItWorks().toString()).contains("lab.db");
        file[0] = Path.of("/data/prod.db");
        assertThat(help.howItWorks().toString()).contains("prod.db").doesNotContain("lab.db");
    }
}
