package org.ipdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ipdesk.store.ContentSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Terminal injection: no free-text field takes a control character, a text-direction control or a line break,
 * whichever way it comes in (command line, import; the dialogs in the ui tests), and each way says the same; text
 * that older versions stored anyway reaches the terminal escaped, in tables, messages and JSON alike.
 */
class TerminalInjectionTest {
    /** What each refused character is called in the message. */
    static final Map<String, String> BAD = Map.ofEntries(
            Map.entry("\u0000", "a control character (U+0000 NUL)"),
            Map.entry("\u0007", "a control character (U+0007 BEL)"),
            Map.entry("\u001b", "a control character (U+001B ESC)"),
            Map.entry("\r", "a control character (U+000D CR)"),
            Map.entry("\n", "a control character (U+000A LF)"),
            Map.entry("\t", "a control character (U+0009 TAB)"),
            Map.entry("\u007f", "a control character (U+007F DEL)"),
            Map.entry("\u009b", "a control character (U+009B CONTROL SEQUENCE INTRODUCER)"),
            Map.entry("\u202e", "a text-direction control (U+202E RIGHT-TO-LEFT OVERRIDE)"),
            Map.entry("\u2066", "a text-direction control (U+2066 LEFT-TO-RIGHT ISOLATE)"),
            Map.entry("\u2028", "a line break (U+2028 LINE SEPARATOR)"),
            Map.entry("\ud800", "an unpaired surrogate (U+D800)"),
            Map.entry("\uffff", "a noncharacter (U+FFFF)"));

    /** Each field, as the command line sets it (on the fixture below); the value goes where the function puts it. */
    static final Map<String, Function<String, String[]>> FIELDS = Map.of(
            "network name", v -> new String[] {"network", "add", v},
            "network description", v -> new String[] {"network", "add", "new-net", "--description", v},
            "subnet name", v -> new String[] {"subnet", "add", "dc1", "10.5.0.0/24", "--name", v},
            "subnet description", v -> new String[] {"subnet", "add", "dc1", "10.5.0.0/24", "--description", v},
            "range description", v -> new String[] {"range", "add", "10.0.0.0/24", "10.0.0.50", "10.0.0.60", "--kind",
                "reserved", "--description", v},
            "host name", v -> new String[] {"ip", "reserve", "10.0.0.0/24", "10.0.0.7", "--hostname", v},
            "owner", v -> new String[] {"ip", "reserve", "10.0.0.0/24", "10.0.0.7", "--owner", v},
            "description", v -> new String[] {"ip", "reserve", "10.0.0.0/24", "10.0.0.7", "--description", v});

    @TempDir
    Path dir;

    Path db;
    Cli cli;

    @BeforeEach
    void setUp() {
        db = dir.resolve("ipdesk.db");
        cli = new Cli(db);
        cli.ok("network", "add", "dc1");
        cli.ok("subnet", "add", "dc1", "10.0.0.0/24");
        cli.ok("subnet", "add", "dc1", "10.0.0.0/16");
    }

    @Test
    void everyFieldRefusesEveryControlCharacterOnTheCommandLineAndNamesIt() {
        String before = ContentSnapshot.of(db);
        for (var field : FIELDS.entrySet()) {
            for (var bad : BAD.entrySet()) {
                Cli.Result r = cli.run(field.getValue().apply("web" + bad.getKey() + "x"));
                String expected = "ipdesk: " + field.getKey() + " contains " + bad.getValue()
                        + " at position 4; remove it\n";
                assertThat(r.code()).as(field.getKey() + " " + bad.getValue() + "\n" + r).isEqualTo(1);
                assertThat(r.err()).as(field.getKey() + " " + bad.getValue()).isEqualTo(expected);
                assertThat(r.out()).isEmpty();
            }
        }
        assertThat(ContentSnapshot.of(db)).as("nothing stored").isEqualTo(before);
    }

    @Test
    void theOtherCommandsThatStoreTextRefuseItToo() {
        String before = ContentSnapshot.of(db);
        List<String[]> commands = List.of(
                new String[] {"ip", "next", "10.0.0.0/24", "--owner", "a\u001b[2Jb"},
                new String[] {"ip", "block", "10.0.0.0/24", "--count", "2", "--description", "a\u001b[2Jb"},
                new String[] {"subnet", "next-free", "dc1", "10.0.0.0/16", "--prefix", "24", "--name", "a\u001b[2Jb"});
        for (String[] command : commands) {
            Cli.Result r = cli.run(command);
            assertThat(r.code()).as(r.toString()).isEqualTo(1);
            assertThat(r.err()).contains("contains a control character (U+001B ESC) at position 2; remove it");
        }
        assertThat(ContentSnapshot.of(db)).isEqualTo(before);
    }

    @Test
    void anImportRowWithAControlCharacterIsThatRowsErrorAndTheOthersAreFine() throws Exception {
        Path csv = dir.resolve("nul.csv");
        Files.writeString(csv, "kind,network,cidr,ip,status,hostname,owner,description\n"
                + "address,dc1,10.0.0.0/24,10.0.0.5,allocated,web-05,ops,fine\n"
                + "address,dc1,10.0.0.0/24,10.0.0.6,allocated,web-06,ops,bad\u0000nul\n"
                + "address,dc1,10.0.0.0/24,10.0.0.7,allocated,web-07,o\u001b[31mps,red\n"
                + "address,dc1,10.0.0.0/24,10.0.0.8,allocated,web-08,ops,\u202etxt.exe\n"
                + "network,la\u0007b,,,,,,\n"
                + "subnet,dc1,10.9.0.0/24,,,,,\n", StandardCharsets.UTF_8);
        String before = ContentSnapshot.of(db);
        Cli.Result r = cli.run("import", csv.toString(), "--dry-run");
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.out())
                .contains("6 rows: 2 new, 0 unchanged, 0 conflicts, 4 errors")
                .contains("row 3: error: description contains a control character (U+0000 NUL) at "
                        + "position 4; remove it")
                .contains("row 4: error: owner contains a control character (U+001B ESC) at position 2; "
                        + "remove it")
                .contains("row 5: error: description contains a text-direction control (U+202E "
                        + "RIGHT-TO-LEFT OVERRIDE) at position 1; remove it")
                .contains("row 6: error: network name contains a control character (U+0007 "
                        + "BEL) at position 3; remove it");
        assertNoTerminalControls(r.out());
        assertNoTerminalControls(r.err());
        assertThat(ContentSnapshot.of(db)).isEqualTo(before);
    }

    // ================================================================= old data reaches the terminal escaped

    /** Values a database written before the rules may hold: colours, title change, clear screen, OSC 8, overwrite. */
    static final String HOST = "web\u001b]0;pwned\u0007";
    static final String OWNER = "ops\u001b[31mRED\u001b[0m\r\u001b[2K";
    static final String DESCRIPTION = "see \u001b]8;;http://evil.example/\u001b\\here\u001b]8;;\u001b\\ \u202eexe.txt\u0000";
    static final String NETWORK = "evil\u001b[2J\u009b1m";
    static final String NETWORK_DESCRIPTION = "line one\nline two\u0085\u2028";
    static final String SUBNET_NAME = "dmz\u001b[5m\u007f";

    private void storeOldData() throws SQLException {
        cli.ok("network", "add", "old");
        cli.ok("subnet", "add", "old", "10.7.0.0/24", "--name", "placeholder");
        cli.ok("ip", "reserve", "10.7.0.0/24", "10.7.0.5", "--hostname", "placeholder", "--owner", "x");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            update(c, "UPDATE network SET name = ?, description = ? WHERE name = 'old'", NETWORK, NETWORK_DESCRIPTION);
            update(c, "UPDATE subnet SET name = ?, description = ? WHERE name = 'placeholder'", SUBNET_NAME, OWNER);
            update(c, "UPDATE address SET hostname = ?, owner = ?, description = ? WHERE hostname = 'placeholder'",
                    HOST, OWNER, DESCRIPTION);
        }
    }

    private static void update(Connection c, String sql, String... values) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                st.setString(i + 1, values[i]);
            }
            assertThat(st.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void oldDataIsPrintedEscapedInEveryListing() throws Exception {
        storeOldData();
        List<Cli.Result> results = new ArrayList<>();
        for (String[] command : new String[][] {
                {"ip", "list", "10.7.0.0/24"},
                {"find", "10.7.0.5"},
                {"find", "pwned"},
                {"network", "list"},
                {"subnet", "list"},
                {"usage"},
                {"ip", "release", "10.7.0.0/24", "10.7.0.5"}}) {
            Cli.Result r = cli.ok(command);
            assertNoTerminalControls(r.out());
            assertNoTerminalControls(r.err());
            results.add(r);
        }
        assertThat(results.get(0).out()).contains("web\\u001b]0;pwned\\u0007")
                .contains("ops\\u001b[31mRED\\u001b[0m\\r\\u001b[2K")
                .contains("see \\u001b]8;;http://evil.example/\\u001b\\\\here");
        assertThat(results.get(3).out()).contains("evil\\u001b[2J\\u009b1m").contains("line one\\nline two\\u0085\\u2028");
        assertThat(results.get(4).out()).contains("dmz\\u001b[5m\\u007f");
        assertThat(results.get(6).out()).contains("was allocated to web\\u001b]0;pwned\\u0007");
    }

    @Test
    void oldDataInRefusalMessagesIsEscaped() throws Exception {
        storeOldData();
        Cli.Result inUse = cli.run("ip", "reserve", "10.7.0.0/24", "10.7.0.5");
        assertThat(inUse.code()).isEqualTo(1);
        assertThat(inUse.err()).isEqualTo("ipdesk: 10.7.0.5 is already allocated to web\\u001b]0;pwned\\u0007\n");
        Cli.Result taken = cli.run("network", "add", "EVIL\u001b[2J\u009b1m");
        assertThat(taken.code()).isEqualTo(1);
        assertNoTerminalControls(taken.err());
        Cli.Result unknown = cli.run("ip", "list", "10.7.0.0/24", "--network", "no\u001b[2Jsuch");
        assertThat(unknown.err()).isEqualTo("ipdesk: there is no network named 'no\\u001b[2Jsuch'\n");
        Cli.Result usage = cli.run("ip", "list", "10.7.0.0/24", "--bogus\u001b]0;x\u0007");
        assertThat(usage.code()).isEqualTo(2);
        assertNoTerminalControls(usage.err());
        assertThat(usage.err()).contains("--bogus\\u001b]0;x\\u0007");
    }

    @Test
    void jsonKeepsTheExactValuesAndStillPrintsNoControls() throws Exception {
        storeOldData();
        Cli.Result list = cli.ok("ip", "list", "10.7.0.0/24", "--json");
        assertNoTerminalControls(list.out());
        JsonNode row = list.json().get(0);
        assertThat(row.get("hostname").asText()).isEqualTo(HOST);
        assertThat(row.get("owner").asText()).isEqualTo(OWNER);
        assertThat(row.get("description").asText()).isEqualTo(DESCRIPTION);
        assertThat(row.get("network").asText()).isEqualTo(NETWORK);
        Cli.Result networks = cli.ok("network", "list", "--json");
        assertNoTerminalControls(networks.out());
        assertThat(networks.json().get(1).get("description").asText()).isEqualTo(NETWORK_DESCRIPTION);
    }

    @Test
    void aBackslashIsDoubledSoEscapesAreUnambiguous() throws Exception {
        cli.ok("ip", "reserve", "10.0.0.0/24", "10.0.0.9", "--description", "share \\\\srv\\u001b");
        assertThat(cli.ok("ip", "list", "10.0.0.0/24").out()).contains("share \\\\\\\\srv\\\\u001b");
        assertThat(cli.ok("ip", "list", "10.0.0.0/24", "--json").json().get(0).get("description").asText())
                .isEqualTo("share \\\\srv\\u001b");
    }

    /** No byte below 0x20 but the newline, no DEL, no C1 control, no bidirectional control, no line separator. */
    static void assertNoTerminalControls(String printed) {
        byte[] bytes = printed.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            assertThat(b < 0x20 && b != '\n' || b == 0x7f)
                    .as("byte 0x%02x at %d of:\n%s", b, i, printed).isFalse();
        }
        printed.codePoints().forEach(c -> assertThat(c >= 0x80 && c <= 0x9f || c >= 0x202a && c <= 0x202e
                || c >= 0x2066 && c <= 0x2069 || c == 0x2028 || c == 0x2029 || c == 0xfffd)
                .as("U+%04X in:\n%s", c, printed).isFalse());
    }
}
