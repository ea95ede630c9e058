package org.ipdesk.ui.main;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.ipdesk.settings.DataLocation;
import org.ipdesk.store.Location;
import org.ipdesk.ui.help.HowItWorks;

/** The texts of Help → How IPDesk works and Help → About, with this installation's facts. */
public final class HelpTexts {

    private final WindowPreferences preferences;
    private final Supplier<Location> databaseFile;

    /** Texts on the preferences in force and the database file open now. */
    public HelpTexts(WindowPreferences preferences, Supplier<Location> databaseFile) {
        this.preferences = preferences;
        this.databaseFile = databaseFile;
    }

    /**
     * Help → How IPDesk works: the page, with this installation's data folder, default database, settings file, the
     * database open now and the thresholds in force.
     */
    public List<HowItWorks.Section> howItWorks() {
        return HowItWorks.sections(new HowItWorks.Facts(DataLocation.dataFolder(), DataLocation.defaultDatabase(),
                preferences.settingsFile(), databaseFile.get(), preferences.warningPercentProperty().get(),
                preferences.criticalPercentProperty().get()));
    }

    /** Help → About: the version, the open database and the data folder, as lines of text. */
    public String aboutText() {
        String version = Optional.ofNullable(HelpTexts.class.getPackage().getImplementationVersion())
                .orElse("development build");
        return "IPDesk " + version + "\n\nDatabase: " + databaseFile.get() + "\nData folder: " + DataLocation.dataFolder()
                + "\nJava " + System.getProperty("java.version") + ", JavaFX " + System.getProperty("javafx.runtime.version", "?");
    }
}
