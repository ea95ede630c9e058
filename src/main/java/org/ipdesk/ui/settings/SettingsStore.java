package org.ipdesk.ui.settings;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ipdesk.store.DataLocation;
import org.ipdesk.store.OutputTargets;
import org.ipdesk.store.TargetRefusedException;
import org.ipdesk.ui.grid.CellSize;

/**
 * Reads and writes {@link Settings} as a small JSON file ({@code settings.json} in the data folder). A missing
 * or unreadable file gives the defaults, and a bad value gives the default of its own field: settings are a
 * convenience and never stop the window from opening.
 * Writes go to a temporary file first and replace the old one in one move, through {@link OutputTargets}' guard: a
 * settings file that is (or leads to) a folder, a device or a database is refused and left as it is.
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

    /**
     * The settings in the file; the defaults when it is missing or is not JSON. Each field is read on its own: a
     * field that is missing, of the wrong type or out of range takes its default and the others keep their values
     * (an older file without the preferences loads with default preferences).
     */
    public Settings load() {
        if (!Files.isRegularFile(file)) {
            return Settings.DEFAULTS;
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            return root != null && root.isObject() ? read(root) : Settings.DEFAULTS;
        } catch (IOException | RuntimeException e) {
            return Settings.DEFAULTS;
        }
    }

    /**
     * Saves the settings; a failure (read-only folder, full disk, a settings file that is not a regular file) is
     * logged and returned, not thrown.
     */
    public Optional<String> save(Settings settings) {
        try {
            Files.createDirectories(file.getParent());
            Path target = OutputTargets.check(file);
            Path temp = Files.createTempFile(target.getParent(), "settings", ".tmp");
            try {
                JSON.writeValue(temp.toFile(), Stored.of(settings));
                OutputTargets.moveIntoPlace(temp, file, OutputTargets.IfDatabase.REFUSE);
            } finally {
                Files.deleteIfExists(temp);
            }
            return Optional.empty();
        } catch (TargetRefusedException e) {
            return logged("the settings were not saved: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            return logged("cannot save the settings to " + file + ": " + e.getMessage());
        }
    }

    private static Optional<String> logged(String problem) {
        System.getLogger(SettingsStore.class.getName()).log(System.Logger.Level.WARNING, problem);
        return Optional.of(problem);
    }

    private static Settings read(JsonNode root) {
        List<Path> recent = new ArrayList<>();
        JsonNode list = root.path(RECENT);
        if (list.isArray()) {
            for (JsonNode entry : list) {
                text(entry).flatMap(SettingsStore::path).ifPresent(recent::add);
            }
        }
        Preferences defaults = Preferences.DEFAULTS;
        boolean dark = text(root.path(THEME)).map(theme -> theme.equalsIgnoreCase("dark")).orElse(defaults.darkTheme());
        CellSize cellSize = text(root.path(CELL_SIZE)).flatMap(CellSize::ofKey).orElse(defaults.cellSize());
        int warning = percent(root.path(WARNING)).orElse(defaults.warningPercent());
        int critical = percent(root.path(CRITICAL)).orElse(defaults.criticalPercent());
        if (!Preferences.thresholdsValid(warning, critical)) {
            // each is a percentage, but together they make no sense (warning at or above critical): both default
            warning = defaults.warningPercent();
            critical = defaults.criticalPercent();
        }
        Optional<Path> startup = text(root.path(OPEN_AT_START))
                .filter(value -> !value.equalsIgnoreCase(LAST_USED))
                .flatMap(SettingsStore::path)
                .filter(Path::isAbsolute);
        return new Settings(text(root.path(LAST)).flatMap(SettingsStore::path), recent,
                new Preferences(dark, cellSize, warning, critical, startup));
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }

    /** A whole percentage from 1 to 100, written as a number or as text ("80"); anything else is empty. */
    private static Optional<Integer> percent(JsonNode node) {
        Integer value = null;
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            value = node.intValue();
        } else if (node.isTextual()) {
            try {
                value = Integer.valueOf(node.asText().strip());
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return value != null && value >= 1 && value <= 100 ? Optional.of(value) : Optional.empty();
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

    private static final String LAST = "last_database";
    private static final String RECENT = "recent_databases";
    private static final String THEME = "theme";
    private static final String CELL_SIZE = "grid_cell_size";
    private static final String WARNING = "usage_warning_percent";
    private static final String CRITICAL = "usage_critical_percent";
    private static final String OPEN_AT_START = "open_at_start";
    /** The value of {@code open_at_start} that means the last database used. */
    static final String LAST_USED = "last_used";

    /**
     * The JSON shape: plain strings and numbers, so the file stays readable and editable by hand.
     * {@code open_at_start} is {@value #LAST_USED} or the absolute path of the file to open.
     */
    @JsonPropertyOrder({LAST, RECENT, THEME, CELL_SIZE, WARNING, CRITICAL, OPEN_AT_START})
    record Stored(@JsonProperty(LAST) String lastDatabase,
                  @JsonProperty(RECENT) List<String> recentDatabases,
                  @JsonProperty(THEME) String theme,
                  @JsonProperty(CELL_SIZE) String cellSize,
                  @JsonProperty(WARNING) int warningPercent,
                  @JsonProperty(CRITICAL) int criticalPercent,
                  @JsonProperty(OPEN_AT_START) String openAtStart) {

        static Stored of(Settings settings) {
            Preferences preferences = settings.preferences();
            return new Stored(settings.lastDatabase().map(Path::toString).orElse(null),
                    settings.recentDatabases().stream().map(Path::toString).toList(),
                    preferences.darkTheme() ? "dark" : "light",
                    preferences.cellSize().key(),
                    preferences.warningPercent(),
                    preferences.criticalPercent(),
                    preferences.startupFile().map(Path::toString).orElse(LAST_USED));
        }
    }
}
