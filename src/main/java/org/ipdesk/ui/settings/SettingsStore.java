package org.ipdesk.ui.settings;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ipdesk.store.DataLocation;

/**
 * Reads and writes {@link Settings} as a small JSON file ({@code settings.json} in the data folder). A missing
 * or unreadable file gives the defaults: settings are a convenience and never stop the window from opening.
 * Writes go to a temporary file first and replace the old one in one move.
 */
public final class SettingsStore {

    /** System property naming another settings file (the tests use one of their own). */
    public static final String FILE_PROPERTY = "ipdesk.settings";

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    public SettingsStore(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    /** The store of this user: {@code -Dipdesk.settings=FILE}, or {@code settings.json} in the data folder. */
    public static SettingsStore forUser() {
        String override = System.getProperty(FILE_PROPERTY);
        return new SettingsStore(override != null && !override.isBlank()
                ? Path.of(override)
                : DataLocation.dataFolder().resolve("settings.json"));
    }

    public Path file() {
        return file;
    }

    public Settings load() {
        if (!Files.isRegularFile(file)) {
            return Settings.DEFAULTS;
        }
        try {
            Stored stored = JSON.readValue(file.toFile(), Stored.class);
            return stored == null ? Settings.DEFAULTS : stored.toSettings();
        } catch (IOException | RuntimeException e) {
            return Settings.DEFAULTS;
        }
    }

    /** Saves the settings; a failure (read-only folder, full disk) is returned, not thrown. */
    public Optional<String> save(Settings settings) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "settings", ".tmp");
            try {
                JSON.writeValue(temp.toFile(), Stored.of(settings));
                try {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of("cannot save the settings to " + file + ": " + e.getMessage());
        }
    }

    /** The JSON shape: plain strings, so the file stays readable and editable by hand. */
    record Stored(@JsonProperty("last_database") String lastDatabase,
                  @JsonProperty("recent_databases") List<String> recentDatabases,
                  @JsonProperty("theme") String theme) {

        static Stored of(Settings settings) {
            return new Stored(settings.lastDatabase().map(Path::toString).orElse(null),
                    settings.recentDatabases().stream().map(Path::toString).toList(),
                    settings.darkTheme() ? "dark" : "light");
        }

        Settings toSettings() {
            List<Path> recent = new ArrayList<>();
            if (recentDatabases != null) {
                for (String path : recentDatabases) {
                    path(path).ifPresent(recent::add);
                }
            }
            return new Settings(path(lastDatabase), recent, "dark".equalsIgnoreCase(theme));
        }

        private static Optional<Path> path(String text) {
            if (text == null || text.isBlank()) {
                return Optional.empty();
            }
            try {
                return Optional.of(Path.of(text));
            } catch (InvalidPathException e) {
                return Optional.empty();
            }
        }
    }
}
