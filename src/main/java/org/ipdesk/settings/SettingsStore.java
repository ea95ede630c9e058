package org.ipdesk.settings;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ipdesk.store.FileLocation;
import org.ipdesk.store.Location;
import org.ipdesk.store.OutputTargets;
import org.ipdesk.store.ServerLocation;
import org.ipdesk.store.TargetRefusedException;

/**
 * Reads and writes {@link Settings} as a small JSON file ({@code settings.json} in the data folder). Databases are
 * written as locations ({@code {"file" : "/path/lab.db"}}, or {@code {"server" : "postgresql://alice@db/ipam"}} for
 * a team database, never with a password); a plain path string, as older files have it, still reads as a file
 * location. A missing
 * or unreadable file gives the defaults, and a bad value gives the default of its own field: settings are a
 * convenience and never stop the window from opening.
 * Writes go to a temporary file first and replace the old one in one move, through {@link OutputTargets}' guard: a
 * settings file that is (or leads to) a folder, a device or a database is refused and left as it is.
 */
public final class SettingsStore {

    /** The most a settings file may hold; a longer one gives the defaults (and is replaced at the next save). */
    static final long MAX_BYTES = 1 << 20;

    /** System property naming another settings file (the tests use one of their own). */
    public static final String FILE_PROPERTY = "ipdesk.settings";

    /**
     * Reads the file: the parser alone, with the tree built here. Every start reads the settings, and Jackson's
     * {@code ObjectMapper} costs a cold JVM about 100 ms of processor time to set up (400 classes, its
     * introspection), taken from the window while it starts; the mapper is made only when settings are saved.
     */
    private static final JsonFactory PARSERS = JsonFactory.builder()
            // a settings file is a few hundred bytes: one of megabytes is not ours, and is not read into memory
            .streamReadConstraints(StreamReadConstraints.builder().maxDocumentLength(MAX_BYTES).build())
            .build();

    /** Writes the file; made on the first save. */
    private static final class Writer {
        static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

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
        try (JsonParser parser = PARSERS.createParser(file.toFile())) {
            return parser.nextToken() == JsonToken.START_OBJECT ? read(tree(parser)) : Settings.DEFAULTS;
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
                Writer.JSON.writeValue(temp.toFile(), Stored.of(settings));
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

    /**
     * The value at the parser's current token, as {@code ObjectMapper.readTree} reads it: objects, arrays, text,
     * numbers (int, long or big integer; floating point as double), booleans and null. The parser's own limits
     * (nesting depth among them) hold, and input that is not JSON throws.
     */
    private static JsonNode tree(JsonParser parser) throws IOException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        JsonToken token = parser.currentToken();
        if (token == null) {
            throw new JsonParseException(parser, "the settings end before a value");
        }
        return switch (token) {
            case START_OBJECT -> {
                ObjectNode object = nodes.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.set(name, tree(parser));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = nodes.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(tree(parser));
                }
                yield array;
            }
            case VALUE_STRING -> nodes.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> nodes.numberNode(parser.getIntValue());
                case LONG -> nodes.numberNode(parser.getLongValue());
                default -> nodes.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> nodes.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> nodes.booleanNode(true);
            case VALUE_FALSE -> nodes.booleanNode(false);
            case VALUE_NULL -> nodes.nullNode();
            default -> throw new JsonParseException(parser, "unexpected " + token);
        };
    }

    private static Settings read(JsonNode root) {
        List<Location> recent = new ArrayList<>();
        JsonNode list = root.path(RECENT);
        if (list.isArray()) {
            for (JsonNode entry : list) {
                location(entry).ifPresent(recent::add);
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
        return new Settings(location(root.path(LAST)), recent,
                new Preferences(dark, cellSize, warning, critical, startup), window(root.path(WINDOW)));
    }

    /**
     * A database location: {@code {"file" : "/path"}}, {@code {"server" : "postgresql://…"}}, or a plain path string as files written before locations
     * have it; anything else (or a kind this version does not know) is empty.
     */
    private static Optional<Location> location(JsonNode node) {
        if (node.isTextual()) {
            return path(node.asText()).map(Location::of);
        }
        if (!node.isObject()) {
            return Optional.empty();
        }
        if (node.has(SERVER)) {
            return text(node.path(SERVER)).flatMap(SettingsStore::server);
        }
        return text(node.path(FILE)).flatMap(SettingsStore::path).map(Location::of);
    }

    /** A team database's location as {@code --db} takes it; empty when it does not read as one. */
    private static Optional<Location> server(String text) {
        try {
            return Optional.of(ServerLocation.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The window's bounds, maximised state and dividers; empty when any of it is missing or makes no sense. */
    private static Optional<WindowState> window(JsonNode node) {
        if (!node.isObject()) {
            return Optional.empty();
        }
        JsonNode dividers = node.path(DIVIDERS);
        List<Double> positions = new ArrayList<>();
        if (dividers.isArray()) {
            dividers.forEach(divider -> positions.add(divider.isNumber() ? divider.doubleValue() : Double.NaN));
        }
        JsonNode maximized = node.path(MAXIMIZED);
        try {
            return Optional.of(new WindowState(number(node.path(X)), number(node.path(Y)), number(node.path(WIDTH)),
                    number(node.path(HEIGHT)), maximized.isBoolean() && maximized.booleanValue(), positions));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static double number(JsonNode node) {
        return node.isNumber() ? node.doubleValue() : Double.NaN;
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
    private static final String WINDOW = "window";
    private static final String FILE = "file";
    private static final String SERVER = "server";
    private static final String X = "x";
    private static final String Y = "y";
    private static final String WIDTH = "width";
    private static final String HEIGHT = "height";
    private static final String MAXIMIZED = "maximized";
    private static final String DIVIDERS = "dividers";
    /** The value of {@code open_at_start} that means the last database used. */
    static final String LAST_USED = "last_used";

    /**
     * The JSON shape: plain strings and numbers, so the file stays readable and editable by hand.
     * {@code open_at_start} is {@value #LAST_USED} or the absolute path of the file to open; a database is
     * {@code {"file" : path}}; {@code window} is left out until the window has closed once.
     */
    @JsonPropertyOrder({LAST, RECENT, THEME, CELL_SIZE, WARNING, CRITICAL, OPEN_AT_START, WINDOW})
    record Stored(@JsonProperty(LAST) Map<String, String> lastDatabase,
                  @JsonProperty(RECENT) List<Map<String, String>> recentDatabases,
                  @JsonProperty(THEME) String theme,
                  @JsonProperty(CELL_SIZE) String cellSize,
                  @JsonProperty(WARNING) int warningPercent,
                  @JsonProperty(CRITICAL) int criticalPercent,
                  @JsonProperty(OPEN_AT_START) String openAtStart,
                  @JsonProperty(WINDOW) @JsonInclude(JsonInclude.Include.NON_NULL) StoredWindow window) {

        static Stored of(Settings settings) {
            Preferences preferences = settings.preferences();
            return new Stored(settings.lastDatabase().map(Stored::location).orElse(null),
                    settings.recentDatabases().stream().map(Stored::location).toList(),
                    preferences.darkTheme() ? "dark" : "light",
                    preferences.cellSize().key(),
                    preferences.warningPercent(),
                    preferences.criticalPercent(),
                    preferences.startupFile().map(Path::toString).orElse(LAST_USED),
                    settings.window().map(StoredWindow::of).orElse(null));
        }

        private static Map<String, String> location(Location location) {
            if (location instanceof FileLocation file) {
                return Map.of(FILE, file.file().toString());
            }
            // the location as --db takes it: host, port, database, user and TLS mode; it holds no password
            return Map.of(SERVER, ((ServerLocation) location).toString());
        }
    }

    @JsonPropertyOrder({X, Y, WIDTH, HEIGHT, MAXIMIZED, DIVIDERS})
    record StoredWindow(@JsonProperty(X) double x, @JsonProperty(Y) double y, @JsonProperty(WIDTH) double width,
                        @JsonProperty(HEIGHT) double height, @JsonProperty(MAXIMIZED) boolean maximized,
                        @JsonProperty(DIVIDERS) List<Double> dividers) {

        static StoredWindow of(WindowState window) {
            return new StoredWindow(window.x(), window.y(), window.width(), window.height(), window.maximized(),
                    window.dividers());
        }
    }
}
