package org.ipdesk.ui.main;

import java.nio.file.Path;
import java.util.List;
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
import org.ipdesk.settings.WindowState;
import org.ipdesk.store.Location;

/**
 * What the main window remembers between runs and shows at once: the theme, the grid's cell size, the usage
 * thresholds, the recent files, and where the window was (size, position, maximised, dividers); saved in a
 * {@link SettingsStore} (none: remember nothing). A failed save is reported through the given status reporter.
 *
 * <p>Where the window opens ({@link #placement}): on first start 1360 x 820 or a share of a smaller screen, centred; later where it was,
 * pulled back onto a screen if that screen has gone. Never below {@link #MIN_WIDTH} x {@link #MIN_HEIGHT} (the three
 * panes side by side) unless the screen is smaller, then the screen.
 */
public final class WindowPreferences {

    /** The smallest window that shows the tree, the grid and the details side by side. */
    public static final double MIN_WIDTH = 1024;
    public static final double MIN_HEIGHT = 700;
    /** A first window takes this size, or {@link #FIRST_SHARE} of a smaller screen each way. */
    static final double FIRST_WIDTH = 1360;
    static final double FIRST_HEIGHT = 820;
    static final double FIRST_SHARE = 0.9;
    /** The divider positions of a first window (tree | grid | details). */
    public static final List<Double> DEFAULT_DIVIDERS = List.of(0.27, 0.77);

    /** A screen's usable area (without task bars), in screen pixels. */
    public record Area(double x, double y, double width, double height) {
        double overlap(double ox, double oy, double owidth, double oheight) {
            double w = Math.min(x + width, ox + owidth) - Math.max(x, ox);
            double h = Math.min(y + height, oy + oheight) - Math.max(y, oy);
            return w > 0 && h > 0 ? w * h : 0;
        }
    }

    private final SettingsStore settingsStore;
    private final Consumer<String> saveFailed;
    private Settings settings;
    private WindowState window;

    private final BooleanProperty darkTheme = new SimpleBooleanProperty(this, "darkTheme", false);
    private final ReadOnlyObjectWrapper<CellSize> cellSize = new ReadOnlyObjectWrapper<>(this, "cellSize",
            CellSize.MEDIUM);
    private final ReadOnlyIntegerWrapper warningPercent = new ReadOnlyIntegerWrapper(this, "warningPercent",
            Preferences.DEFAULT_WARNING);
    private final ReadOnlyIntegerWrapper criticalPercent = new ReadOnlyIntegerWrapper(this, "criticalPercent",
            Preferences.DEFAULT_CRITICAL);
    private final ObservableList<Location> recentDatabases = FXCollections.observableArrayList();
    private final ObservableList<Location> readOnlyRecent = FXCollections.unmodifiableObservableList(recentDatabases);

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
        recentDatabases.setAll(settings.recentDatabases());
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

    /** Recently opened databases (files and team databases), newest first. */
    public ObservableList<Location> recentDatabases() {
        return readOnlyRecent;
    }

    /** The entries of File → Open recent: the recent databases, each with its label. */
    public List<RecentDatabase> recentMenu() {
        return recentDatabases.stream().map(RecentDatabase::of).toList();
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

    /** {@code file} was opened: it heads the recent databases and is the last database. */
    public void opened(Path file) {
        opened(Location.of(file));
    }

    /** {@code location} was opened (a file or a team database): it heads the recent databases and is the last one. */
    public void opened(Location location) {
        remember(settings.opened(location));
        recentDatabases.setAll(settings.recentDatabases());
    }

    /** {@code file} could not be opened: a recent file that has gone leaves the list. */
    public void forgetIfGone(Path file, boolean gone) {
        if (gone && settings.recentFiles().contains(file)) {
            remember(settings.forget(Location.of(file)));
            recentDatabases.setAll(settings.recentDatabases());
        }
    }

    /**
     * Where the window opens on these screens (the first is the primary): the remembered state pulled onto a screen,
     * or on first start {@value #FIRST_WIDTH} x {@value #FIRST_HEIGHT}, or {@value #FIRST_SHARE} of a smaller primary
     * screen each way (at least the minimum), centred.
     */
    public WindowState placement(List<Area> screens) {
        Area primary = screens.get(0);
        Optional<WindowState> remembered = settings.window();
        if (remembered.isEmpty()) {
            double width = clamp(Math.min(FIRST_WIDTH, primary.width() * FIRST_SHARE), minimumWidth(primary),
                    primary.width());
            double height = clamp(Math.min(FIRST_HEIGHT, primary.height() * FIRST_SHARE), minimumHeight(primary),
                    primary.height());
            return new WindowState(primary.x() + (primary.width() - width) / 2,
                    primary.y() + (primary.height() - height) / 2, width, height, false, DEFAULT_DIVIDERS);
        }
        WindowState was = remembered.get();
        // the screen it mostly was on, else the primary one (a screen that has gone, or a position far off)
        Area screen = screens.stream()
                .filter(area -> area.overlap(was.x(), was.y(), was.width(), was.height()) > 0)
                .max(java.util.Comparator.comparingDouble(area -> area.overlap(was.x(), was.y(), was.width(),
                        was.height())))
                .orElse(primary);
        double width = clamp(was.width(), minimumWidth(screen), screen.width());
        double height = clamp(was.height(), minimumHeight(screen), screen.height());
        double x = clamp(was.x(), screen.x(), screen.x() + screen.width() - width);
        double y = clamp(was.y(), screen.y(), screen.y() + screen.height() - height);
        List<Double> dividers = was.dividers().size() == DEFAULT_DIVIDERS.size() ? was.dividers() : DEFAULT_DIVIDERS;
        return new WindowState(x, y, width, height, was.maximized(), dividers);
    }

    /** The least width the window may take on {@code screen}: {@value #MIN_WIDTH}, or the screen if narrower. */
    public static double minimumWidth(Area screen) {
        return Math.min(MIN_WIDTH, screen.width());
    }

    /** The least height the window may take on {@code screen}: {@value #MIN_HEIGHT}, or the screen if lower. */
    public static double minimumHeight(Area screen) {
        return Math.min(MIN_HEIGHT, screen.height());
    }

    /** Remembers where the window is now (kept for the next run by {@link #saveWindow}). */
    public void windowIs(WindowState state) {
        window = state;
    }

    /** The window as last told by {@link #windowIs}, if it was. */
    public Optional<WindowState> window() {
        return Optional.ofNullable(window);
    }

    /** Saves where the window is for the next run (on close); false (and the status line says why) if it failed. */
    public boolean saveWindow() {
        return window == null || remember(settings.withWindow(window));
    }

    private static double clamp(double value, double least, double most) {
        return Math.max(least, Math.min(value, Math.max(least, most)));
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
