package org.ipdesk.ui.main;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ipdesk.settings.CellSize;
import org.ipdesk.settings.DataLocation;
import org.ipdesk.settings.Preferences;
import org.ipdesk.settings.Settings;
import org.ipdesk.settings.SettingsStore;
import org.ipdesk.store.Location;

/**
 * What the main window remembers between runs and shows at once: the theme, the grid's cell size, the usage
 * thresholds, the recent files; saved in a {@link SettingsStore} (none: remember nothing). A failed save is
 * reported through the given status reporter.
 */
public final class WindowPreferences {

    private final SettingsStore settingsStore;
    private final Consumer<String> saveFailed;
    private Settings settings;

    private final BooleanProperty darkTheme = new SimpleBooleanProperty(this, "darkTheme", false);
    private final ReadOnlyObjectWrapper<CellSize> cellSize = new ReadOnlyObjectWrapper<>(this, "cellSize",
            CellSize.MEDIUM);
    private final ReadOnlyIntegerWrapper warningPercent = new ReadOnlyIntegerWrapper(this, "warningPercent",
            Preferences.DEFAULT_WARNING);
    private final ReadOnlyIntegerWrapper criticalPercent = new ReadOnlyIntegerWrapper(this, "criticalPercent",
            Preferences.DEFAULT_CRITICAL);
    private final ObservableList<Path> recentDatabases = FXCollections.observableArrayList();
    private final ObservableList<Path> readOnlyRecent = FXCollections.unmodifiableObservableList(recentDatabases);

    /**
     * @param settingsStore where the settings live; null: remember nothing (tests)
     * @param saveFailed    gets the reason when the settings could not be saved
     */
    public WindowPreferences(SettingsStore settingsStore, Consumer<String> saveFailed) {
        this.settingsStore = settingsStore;
        this.saveFailed = saveFailed;
        this.settings = settingsStore == null ? Settings.DEFAULTS : settingsStore.load();
        show(settings.preferences());
        darkTheme.addListener((property, before, now) -> {
            if (now != settings.darkTheme()) {
                remember(settings.withDarkTheme(now));
            }
        });
        recentDatabases.setAll(settings.recentFiles());
    }

    /** The dark theme is on; remembered between runs. */
    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    /** How big the address grid draws its cells (Edit → Preferences); remembered between runs. */
    public ReadOnlyObjectProperty<CellSize> cellSizeProperty() {
        return cellSize.getReadOnlyProperty();
    }

    /** From this share used (whole percent) a subnet is nearly full; the Usage dashboard starts from it. */
    public ReadOnlyIntegerProperty warningPercentProperty() {
        return warningPercent.getReadOnlyProperty();
    }

    /** From this share used (whole percent) a subnet is critical; the Usage dashboard starts from it. */
    public ReadOnlyIntegerProperty criticalPercentProperty() {
        return criticalPercent.getReadOnlyProperty();
    }

    /** Recently opened files, newest first. */
    public ObservableList<Path> recentDatabases() {
        return readOnlyRecent;
    }

    /** The preferences in force now, with the theme as the toolbar has it. */
    public Preferences current() {
        return settings.preferences().withDarkTheme(darkTheme.get());
    }

    /** The file the preferences say to open at start, if any. */
    public Optional<Path> startupFile() {
        return settings.preferences().startupFile();
    }

    /** Where the settings are kept (the default place when nothing is remembered). */
    public Path settingsFile() {
        return settingsStore == null ? DataLocation.dataFolder().resolve("settings.json") : settingsStore.file();
    }

    /** Applies {@code preferences} at once (theme, grid, thresholds) and remembers them; false if saving failed. */
    public boolean apply(Preferences preferences) {
        boolean saved = remember(settings.withPreferences(preferences));
        show(preferences);
        return saved;
    }

    /** {@code file} was opened: it heads the recent files and is the last database. */
    public void opened(Path file) {
        remember(settings.opened(Location.of(file)));
        recentDatabases.setAll(settings.recentFiles());
    }

    /** {@code file} could not be opened: a recent file that has gone leaves the list. */
    public void forgetIfGone(Path file, boolean gone) {
        if (gone && settings.recentFiles().contains(file)) {
            remember(settings.forget(Location.of(file)));
            recentDatabases.setAll(settings.recentFiles());
        }
    }

    private void show(Preferences preferences) {
        darkTheme.set(preferences.darkTheme());
        cellSize.set(preferences.cellSize());
        warningPercent.set(preferences.warningPercent());
        criticalPercent.set(preferences.criticalPercent());
    }

    /** Keeps {@code next} as the settings and saves them; false (and the status line says why) if saving failed. */
    private boolean remember(Settings next) {
        settings = next;
        if (settingsStore != null) {
            Optional<String> problem = settingsStore.save(next);
            problem.ifPresent(saveFailed);
            return problem.isEmpty();
        }
        return true;
    }
}
