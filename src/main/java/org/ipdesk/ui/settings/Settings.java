package org.ipdesk.ui.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the window remembers between runs: the database it had open last, the recently opened files (newest
 * first, at most {@value #MAX_RECENT}) and the theme.
 */
public record Settings(Optional<Path> lastDatabase, List<Path> recentDatabases, boolean darkTheme) {

    public static final int MAX_RECENT = 8;

    public static final Settings DEFAULTS = new Settings(Optional.empty(), List.of(), false);

    public Settings {
        recentDatabases = List.copyOf(recentDatabases.stream().limit(MAX_RECENT).toList());
    }

    /** These settings after opening {@code file}: it becomes the last database and heads the recent list. */
    public Settings opened(Path file) {
        Path normal = file.toAbsolutePath().normalize();
        List<Path> recent = new ArrayList<>();
        recent.add(normal);
        recentDatabases.stream().filter(p -> !p.equals(normal)).forEach(recent::add);
        return new Settings(Optional.of(normal), recent, darkTheme);
    }

    /** These settings without {@code file} in the recent list (it could not be opened any more). */
    public Settings forget(Path file) {
        Path normal = file.toAbsolutePath().normalize();
        return new Settings(lastDatabase.filter(p -> !p.equals(normal)),
                recentDatabases.stream().filter(p -> !p.equals(normal)).toList(), darkTheme);
    }

    public Settings withDarkTheme(boolean dark) {
        return new Settings(lastDatabase, recentDatabases, dark);
    }
}
