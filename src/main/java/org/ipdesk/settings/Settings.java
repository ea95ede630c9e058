package org.ipdesk.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ipdesk.store.FileLocation;
import org.ipdesk.store.Location;

/**
 * What the window remembers between runs: the database it had open last, the recently opened databases (newest
 * first, at most {@value #MAX_RECENT}), each as a {@link Location}, the {@link Preferences} (theme, cell size,
 * thresholds, the database to open at start) and where the main window was ({@link WindowState}; empty before the
 * first run).
 */
public record Settings(Optional<Location> lastDatabase, List<Location> recentDatabases, Preferences preferences,
                       Optional<WindowState> window) {

    public static final int MAX_RECENT = 8;

    public static final Settings DEFAULTS = new Settings(Optional.empty(), List.of(), Preferences.DEFAULTS,
            Optional.empty());

    public Settings {
        lastDatabase = Objects.requireNonNull(lastDatabase, "lastDatabase").map(Settings::normal);
        recentDatabases = recentDatabases.stream().map(Settings::normal).distinct().limit(MAX_RECENT).toList();
        Objects.requireNonNull(preferences, "preferences");
        Objects.requireNonNull(window, "window");
    }

    /** The dark theme is on. */
    public boolean darkTheme() {
        return preferences.darkTheme();
    }

    /** The last database when it is a file. */
    public Optional<Path> lastFile() {
        return lastDatabase.flatMap(Settings::file);
    }

    /** The recent databases that are files, newest first. */
    public List<Path> recentFiles() {
        return recentDatabases.stream().flatMap(location -> file(location).stream()).toList();
    }

    /** These settings after opening {@code location}: it becomes the last database and heads the recent list. */
    public Settings opened(Location location) {
        Location normal = normal(location);
        List<Location> recent = new ArrayList<>();
        recent.add(normal);
        recentDatabases.stream().filter(l -> !l.equals(normal)).forEach(recent::add);
        return new Settings(Optional.of(normal), recent, preferences, window);
    }

    /** These settings without {@code location} in the recent list (it could not be opened any more). */
    public Settings forget(Location location) {
        Location normal = normal(location);
        return new Settings(lastDatabase.filter(l -> !l.equals(normal)),
                recentDatabases.stream().filter(l -> !l.equals(normal)).toList(), preferences, window);
    }

    public Settings withDarkTheme(boolean dark) {
        return withPreferences(preferences.withDarkTheme(dark));
    }

    public Settings withPreferences(Preferences next) {
        return new Settings(lastDatabase, recentDatabases, next, window);
    }

    public Settings withWindow(WindowState next) {
        return new Settings(lastDatabase, recentDatabases, preferences, Optional.of(next));
    }

    /** A file location with its path made absolute and normal, so one file is one entry. */
    private static Location normal(Location location) {
        return location instanceof FileLocation file ? Location.of(file.file().toAbsolutePath().normalize()) : location;
    }

    private static Optional<Path> file(Location location) {
        return location instanceof FileLocation file ? Optional.of(file.file()) : Optional.empty();
    }
}
