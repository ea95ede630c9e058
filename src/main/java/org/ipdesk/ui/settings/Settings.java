package org.ipdesk.ui.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the window remembers between runs: the database it had open last, the recently opened files (newest
 * first, at most {@value #MAX_RECENT}) and the {@link Preferences} (theme, cell size, thresholds, the database to
 * open at start).
 */
public record Settings(Optional<Path> lastDatabase, List<Path> recentDatabases, Preferences preferences) {

    public static final int MAX_RECENT = 8;

    public static final Settings DEFAULTS = new Settings(Optional.empty(), List.of(), Preferences.DEFAULTS);

    public Settings {
        recentDatabases = List.copyOf(recentDatabases.stream().limit(MAX_RECENT).toList());
        Objects.requireNonNull(preferences, "preferences");
    }

    /** The dark theme is on. */
    public boolean darkTheme() {
        return preferences.darkTheme();
    }

    /** These settings after opening {@code file}: it becomes the last database and heads the recent list. */
    public Settings opened(Path file) {
        Path normal = file.toAbsolutePath().normalize();
        List<Path> recent = new ArrayList<>();
        recent.add(normal);
        recentDatabases.stream().filter(p -> !p.equals(normal)).forEach(recent::add);
        return new Settings(Optional.of(normal), recent, preferences);
    }

    /** These settings without {@code file} in the recent list (it could not be opened any more). */
    public Settings forget(Path file) {
        Path normal = file.toAbsolutePath().normalize();
        return new Settings(lastDatabase.filter(p -> !p.equals(normal)),
                recentDatabases.stream().filter(p -> !p.equals(normal)).toList(), preferences);
    }

    public Settings withDarkTheme(boolean dark) {
        return withPreferences(preferences.withDarkTheme(dark));
    }

    public Settings withPreferences(Preferences next) {
        return new Settings(lastDatabase, recentDatabases, next);
    }
}
