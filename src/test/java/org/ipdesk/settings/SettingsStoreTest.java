package org.ipdesk.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.ipdesk.store.FileLocation;
import org.ipdesk.store.Location;
import org.ipdesk.store.ServerLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** settings.json: what is saved comes back, old files still load, and a bad value costs only its own field. */
class SettingsStoreTest {

    @TempDir
    Path dir;

    private Path settingsFile() {
        return dir.resolve("settings.json");
    }

    private Settings loadFrom(String json) throws IOException {
        Files.writeString(settingsFile(), json);
        return new SettingsStore(settingsFile()).load();
    }

    @Test
    void everyFieldRoundTripsThroughTheFile() throws IOException {
        Path lab = dir.resolve("lab.db").toAbsolutePath();
        Path other = dir.resolve("other.db").toAbsolutePath();
        Path always = dir.resolve("always.db").toAbsolutePath();
        Settings saved = new Settings(Optional.of(Location.of(lab)), List.of(Location.of(lab), Location.of(other)),
                new Preferences(true, CellSize.LARGE, 70, 90, Optional.of(always)),
                Optional.of(new WindowState(40, 30, 1300, 800, true, List.of(0.25, 0.75))));
        SettingsStore store = new SettingsStore(settingsFile());

        assertThat(store.save(saved)).isEmpty();

        // a new store, as on the next run
        Settings loaded = new SettingsStore(settingsFile()).load();
        assertThat(loaded).isEqualTo(saved);
        assertThat(loaded.darkTheme()).isTrue();
        // readable and editable by hand: plain names and values
        JsonNode json = new ObjectMapper().readTree(settingsFile().toFile());
        assertThat(json.get("theme").asText()).isEqualTo("dark");
        assertThat(json.get("grid_cell_size").asText()).isEqualTo("large");
        assertThat(json.get("usage_warning_percent").asInt()).isEqualTo(70);
        assertThat(json.get("usage_critical_percent").asInt()).isEqualTo(90);
        assertThat(json.get("open_at_start").asText()).isEqualTo(always.toString());
        assertThat(json.get("last_database").get("file").asText()).isEqualTo(lab.toString());
        assertThat(json.get("recent_databases").get(1).get("file").asText()).isEqualTo(other.toString());
        assertThat(json.get("window").get("width").asDouble()).isEqualTo(1300);
        assertThat(json.get("window").get("maximized").asBoolean()).isTrue();
    }

    @Test
    void anOldFileWithPlainPathsLoadsThemAsFileLocations() throws IOException {
        Path lab = dir.resolve("lab.db").toAbsolutePath();
        Path other = dir.resolve("other.db").toAbsolutePath();
        // settings.json as the versions before database locations wrote it
        Settings loaded = loadFrom("""
                {
                  "last_database" : "%s",
                  "recent_databases" : [ "%s", "%s" ],
                  "theme" : "light",
                  "grid_cell_size" : "medium",
                  "usage_warning_percent" : 80,
                  "usage_critical_percent" : 95,
                  "open_at_start" : "last_used"
                }
                """.formatted(json(lab), json(lab), json(other)));

        assertThat(loaded.lastDatabase()).contains(new FileLocation(lab));
        assertThat(loaded.recentDatabases()).containsExactly(new FileLocation(lab), new FileLocation(other));
        assertThat(loaded.window()).isEmpty();

        // saved again, the same databases come back, now written as locations
        new SettingsStore(settingsFile()).save(loaded);
        assertThat(new SettingsStore(settingsFile()).load()).isEqualTo(loaded);
        assertThat(Files.readString(settingsFile())).contains("\"file\" : \"" + json(lab) + "\"");
    }

    @Test
    void teamDatabasesRoundTripBesideFilesAsTheirUrls() throws IOException {
        Path lab = dir.resolve("lab.db").toAbsolutePath();
        ServerLocation team = ServerLocation.parse("postgresql://alice@db.example:5433/ipam?sslmode=verify-full");
        ServerLocation other = ServerLocation.parse("postgresql://[2001:db8::5]/ipam");
        Settings saved = Settings.DEFAULTS.opened(Location.of(lab)).opened(other).opened(team);
        assertThat(new SettingsStore(settingsFile()).save(saved)).isEmpty();

        Settings loaded = new SettingsStore(settingsFile()).load();
        assertThat(loaded.lastDatabase()).contains(team);
        assertThat(loaded.recentDatabases()).containsExactly(team, other, new FileLocation(lab));
        JsonNode json = new ObjectMapper().readTree(settingsFile().toFile());
        assertThat(json.get("last_database").get("server").asText())
                .isEqualTo("postgresql://alice@db.example:5433/ipam?sslmode=verify-full");
        assertThat(json.get("recent_databases").get(1).get("server").asText())
                .isEqualTo("postgresql://[2001:db8::5]/ipam");
        assertThat(json.get("recent_databases").get(2).get("file").asText()).isEqualTo(lab.toString());
    }

    @Test
    void aServerEntryThatDoesNotReadIsDroppedAlone() throws IOException {
        Path lab = dir.resolve("lab.db").toAbsolutePath();
        Settings loaded = loadFrom("""
                {
                  "last_database" : { "server" : "postgresql://alice:pw@db.example/ipam" },
                  "recent_databases" : [ { "server" : "postgresql://db.example" }, { "server" : 5432 },
                                         { "server" : "postgresql://bob@db.example/ipam" }, { "file" : "%s" } ],
                  "theme" : "dark"
                }
                """.formatted(json(lab)));
        assertThat(loaded.lastDatabase()).isEmpty();
        assertThat(loaded.recentDatabases()).containsExactly(
                ServerLocation.parse("postgresql://bob@db.example/ipam"), new FileLocation(lab));
        assertThat(loaded.darkTheme()).isTrue();
    }

    @Test
    void aRememberedPasswordNeverReachesTheSettingsFile() throws IOException {
        ServerLocation team = ServerLocation.parse("postgresql://alice@db.example/ipam");
        PasswordKeyringTest.MapBackend backend = new PasswordKeyringTest.MapBackend();
        PasswordKeyring keyring = new PasswordKeyring(() -> backend);
        keyring.save(team, "Tr0ub4dor&3".toCharArray());
        SettingsStore store = new SettingsStore(settingsFile());
        store.save(Settings.DEFAULTS.opened(team));

        assertThat(Files.readString(settingsFile())).contains("postgresql://alice@db.example/ipam")
                .doesNotContain("Tr0ub4dor").doesNotContain("password");
        assertThat(backend.kept).containsValue("Tr0ub4dor&3");
    }

    @Test
    void aWindowEntryThatMakesNoSenseIsDroppedAlone() throws IOException {
        String prefix = "{\"theme\" : \"dark\", \"window\" : ";
        assertThat(loadFrom(prefix + "{\"x\" : 10, \"y\" : 20, \"width\" : 1100, \"height\" : 750,"
                + " \"maximized\" : false, \"dividers\" : [0.3, 0.7]}}").window())
                .contains(new WindowState(10, 20, 1100, 750, false, List.of(0.3, 0.7)));
        for (String bad : List.of("{\"x\" : 10, \"y\" : 20, \"width\" : 0, \"height\" : 750}",
                "{\"x\" : 10, \"y\" : 20, \"height\" : 750}",
                "{\"x\" : \"left\", \"y\" : 20, \"width\" : 900, \"height\" : 750}",
                "{\"x\" : 10, \"y\" : 20, \"width\" : 900, \"height\" : 750, \"dividers\" : [0.8, 0.2]}",
                "\"big\"")) {
            Settings loaded = loadFrom(prefix + bad + "}");
            assertThat(loaded.window()).as(bad).isEmpty();
            assertThat(loaded.darkTheme()).as(bad).isTrue();
        }
    }

    @Test
    void theDefaultsRoundTripAndSayLastUsed() throws IOException {
        SettingsStore store = new SettingsStore(settingsFile());
        assertThat(store.save(Settings.DEFAULTS)).isEmpty();

        assertThat(new SettingsStore(settingsFile()).load()).isEqualTo(Settings.DEFAULTS);
        assertThat(Files.readString(settingsFile())).contains("\"open_at_start\" : \"last_used\"")
                .contains("\"grid_cell_size\" : \"medium\"").contains("\"usage_warning_percent\" : 80")
                .contains("\"usage_critical_percent\" : 95");
    }

    @Test
    void aFileFromBeforeThePreferencesLoadsWithDefaultPreferences() throws IOException {
        Path lab = dir.resolve("lab.db").toAbsolutePath();
        Settings loaded = loadFrom("""
                {
                  "last_database" : "%s",
                  "recent_databases" : [ "%s" ],
                  "theme" : "dark"
                }
                """.formatted(json(lab), json(lab)));

        assertThat(loaded.lastFile()).contains(lab);
        assertThat(loaded.recentFiles()).containsExactly(lab);
        assertThat(loaded.preferences()).isEqualTo(Preferences.DEFAULTS.withDarkTheme(true));
    }

    @Test
    void aBadValueFallsBackToTheDefaultOfItsOwnFieldOnly() throws IOException {
        Path lab = dir.resolve("lab.db").toAbsolutePath();
        String good = """
                "last_database" : "%s",
                "recent_databases" : [ "%s" ],
                "theme" : "dark",
                "grid_cell_size" : "small",
                "usage_warning_percent" : 60,
                "usage_critical_percent" : 85,
                "open_at_start" : "%s"
                """.formatted(json(lab), json(lab), json(lab));
        Settings reference = loadFrom("{" + good + "}");
        Preferences prefs = reference.preferences();
        assertThat(prefs).isEqualTo(new Preferences(true, CellSize.SMALL, 60, 85, Optional.of(lab)));

        // each line below breaks one field; every other field keeps its value
        assertThat(loadFrom("{" + good.replace("\"small\"", "\"huge\"") + "}").preferences())
                .isEqualTo(new Preferences(true, CellSize.MEDIUM, 60, 85, Optional.of(lab)));
        assertThat(loadFrom("{" + good.replace("\"small\"", "3") + "}").preferences().cellSize())
                .isEqualTo(CellSize.MEDIUM);
        assertThat(loadFrom("{" + good.replace("\"theme\" : \"dark\"", "\"theme\" : true") + "}").preferences())
                .isEqualTo(new Preferences(false, CellSize.SMALL, 60, 85, Optional.of(lab)));
        assertThat(loadFrom("{" + good.replace(": 60", ": 150") + "}").preferences())
                .isEqualTo(new Preferences(true, CellSize.SMALL, 80, 85, Optional.of(lab)));
        assertThat(loadFrom("{" + good.replace(": 60", ": \"sixty\"") + "}").preferences().warningPercent())
                .isEqualTo(80);
        assertThat(loadFrom("{" + good.replace(": 60", ": 60.5") + "}").preferences().warningPercent())
                .isEqualTo(80);
        assertThat(loadFrom("{" + good.replace(": 85", ": 0") + "}").preferences())
                .isEqualTo(new Preferences(true, CellSize.SMALL, 60, 95, Optional.of(lab)));
        assertThat(loadFrom("{" + good.replace(": 85", ": null") + "}").preferences().criticalPercent())
                .isEqualTo(95);
        // "70" as text is still a whole percentage
        assertThat(loadFrom("{" + good.replace(": 60", ": \"70\"") + "}").preferences().warningPercent())
                .isEqualTo(70);
        // each threshold valid on its own, but warning not below critical: the pair takes its defaults
        Preferences crossed = loadFrom("{" + good.replace(": 60", ": 90") + "}").preferences();
        assertThat(crossed.warningPercent()).isEqualTo(80);
        assertThat(crossed.criticalPercent()).isEqualTo(95);
        assertThat(crossed.cellSize()).isEqualTo(CellSize.SMALL);

        Settings relative = loadFrom("{" + good.replace("\"open_at_start\" : \"" + json(lab) + "\"",
                "\"open_at_start\" : \"lab.db\"") + "}");
        assertThat(relative.preferences().startupFile()).isEmpty();
        assertThat(relative.lastFile()).contains(lab);
        assertThat(loadFrom("{" + good.replace("\"open_at_start\" : \"" + json(lab) + "\"",
                "\"open_at_start\" : [1, 2]") + "}").preferences())
                .isEqualTo(new Preferences(true, CellSize.SMALL, 60, 85, Optional.empty()));

        Settings badList = loadFrom("{" + good.replace("[ \"" + json(lab) + "\" ]", "[ 7, \"" + json(lab) + "\", {} ]")
                + "}");
        assertThat(badList.recentFiles()).containsExactly(lab);
        assertThat(badList.preferences()).isEqualTo(prefs);
        Settings noList = loadFrom("{" + good.replace("[ \"" + json(lab) + "\" ]", "\"not a list\"") + "}");
        assertThat(noList.recentDatabases()).isEmpty();
        assertThat(noList.lastFile()).contains(lab);

        // unknown fields are ignored
        assertThat(loadFrom("{\"window_width\" : 1200, " + good + "}")).isEqualTo(reference);
    }

    @Test
    void aFileThatIsNotASettingsObjectGivesTheDefaults() throws IOException {
        assertThat(loadFrom("not json at all")).isEqualTo(Settings.DEFAULTS);
        assertThat(loadFrom("[1, 2, 3]")).isEqualTo(Settings.DEFAULTS);
        assertThat(loadFrom("")).isEqualTo(Settings.DEFAULTS);
        assertThat(new SettingsStore(dir.resolve("missing.json")).load()).isEqualTo(Settings.DEFAULTS);
        // cut off half-way (a full disk, a crash while another program wrote it)
        assertThat(loadFrom("{ \"theme\" : \"dark\", \"recent_databases\" : [ \"/a.db\", "))
                .isEqualTo(Settings.DEFAULTS);
        assertThat(loadFrom("{ \"theme\" : \"dark\"")).isEqualTo(Settings.DEFAULTS);
        // nested deeper than any reader should follow: the defaults, not a stack overflow
        assertThat(loadFrom("{ \"window\" : " + "[".repeat(200_000))).isEqualTo(Settings.DEFAULTS);
        // a file of megabytes is not a settings file: not read whole into memory, the defaults
        assertThat(loadFrom("{ \"theme\" : \"dark\", \"recent_databases\" : [ "
                + "\"/a.db\", ".repeat((int) (SettingsStore.MAX_BYTES / 8)) + "\"/b.db\" ] }"))
                .isEqualTo(Settings.DEFAULTS);
        // a number too big for any field costs only that field
        assertThat(loadFrom("{ \"theme\" : \"dark\", \"usage_warning_percent\" : 123456789012345678901234567890 }")
                .preferences()).isEqualTo(Preferences.DEFAULTS.withDarkTheme(true));
    }

    /** A path as it stands inside a JSON string (backslashes doubled on Windows). */
    private static String json(Path path) {
        return path.toString().replace("\\", "\\\\");
    }

    /** The WARNING lines SettingsStore logs while {@code work} runs. */
    private static List<String> logged(Runnable work) {
        Logger logger = Logger.getLogger(SettingsStore.class.getName());
        List<String> lines = new java.util.ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getLevel() + " " + record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            work.run();
        } finally {
            logger.removeHandler(handler);
        }
        return lines;
    }

    @Test
    void aSettingsFileThatLeadsToADeviceOrIsAFolderIsRefusedLoggedAndLeftAsItIs() throws IOException {
        Path link = Files.createSymbolicLink(settingsFile(), Path.of("/dev/null"));
        List<Optional<String>> problems = new java.util.ArrayList<>();
        List<String> log = logged(() -> problems.add(new SettingsStore(link).save(Settings.DEFAULTS)));
        assertThat(problems).singleElement().satisfies(problem -> assertThat(problem).hasValue(
                "the settings were not saved: cannot write " + link
                        + ": it leads to /dev/null, which is a character device, not a regular file"));
        assertThat(log).containsExactly("WARNING " + problems.get(0).orElseThrow());
        assertThat(Files.isSymbolicLink(link)).isTrue();

        Path folder = Files.createDirectory(dir.resolve("folder.json"));
        assertThat(new SettingsStore(folder).save(Settings.DEFAULTS))
                .hasValueSatisfying(problem -> assertThat(problem).contains(folder.toString())
                        .contains("it is a folder"));
        assertThat(folder).isEmptyDirectory();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("no temporary file left").containsExactlyInAnyOrder(link, folder);
        }
    }

    @Test
    void aSettingsFileThatIsALinkToARegularFileIsWrittenThrough() throws IOException {
        Path real = Files.writeString(dir.resolve("real-settings.json"), "{}");
        Path link = Files.createSymbolicLink(settingsFile(), real.getFileName());
        assertThat(new SettingsStore(link).save(Settings.DEFAULTS)).isEmpty();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(new SettingsStore(real).load()).isEqualTo(Settings.DEFAULTS);
        assertThat(Files.readString(real)).contains("\"theme\"");
    }
}
