package org.ipdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.ipdesk.store.ContentSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unbounded text: every free-text field has a length limit, refused at the command line and in an import with a
 * message that names the field, the length and the limit; a table never pads past a sane width, whatever older data
 * holds; an XLSX cell never exceeds what a spreadsheet takes.
 */
class FieldLimitsTest {
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
    }

    private void refused(String expected, String... args) {
        String before = ContentSnapshot.of(db);
        Cli.Result r = cli.run(args);
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("ipdesk: " + expected + "\n");
        assertThat(r.out()).isEmpty();
        assertThat(ContentSnapshot.of(db)).isEqualTo(before);
    }

    @Test
    void aHundredKilobyteOwnerIsRefusedNamingLengthAndLimit() {
        refused("owner is 102,400 characters; the limit is 254",
                "ip", "reserve", "10.0.0.0/24", "10.0.0.5", "--owner", "o".repeat(102_400));
        refused("description is 100,001 characters; the limit is 1,000",
                "ip", "next", "10.0.0.0/24", "--description", "d".repeat(100_001));
    }

    @Test
    void everyFieldHasItsLimit() {
        refused("network name is 101 characters; the limit is 100", "network", "add", "n".repeat(101));
        refused("network description is 1,001 characters; the limit is 1,000",
                "network", "add", "lab", "--description", "d".repeat(1_001));
        refused("subnet name is 101 characters; the limit is 100",
                "subnet", "add", "dc1", "10.1.0.0/24", "--name", "n".repeat(101));
        refused("subnet description is 1,001 characters; the limit is 1,000",
                "subnet", "add", "dc1", "10.1.0.0/24", "--description", "d".repeat(1_001));
        refused("range description is 1,001 characters; the limit is 1,000",
                "range", "add", "10.0.0.0/24", "10.0.0.50", "10.0.0.60", "--kind", "dhcp", "--description",
                "d".repeat(1_001));
        refused("host name is 254 characters; the limit is 253",
                "ip", "reserve", "10.0.0.0/24", "10.0.0.5", "--hostname", "h".repeat(254));
        refused("owner is 255 characters; the limit is 254",
                "ip", "reserve", "10.0.0.0/24", "10.0.0.5", "--owner", "o".repeat(255));
    }

    @Test
    void valuesAtTheLimitAreTakenAndCharactersNotCodeUnitsCount() {
        cli.ok("network", "add", "n".repeat(100), "--description", "d".repeat(1_000));
        cli.ok("ip", "reserve", "10.0.0.0/24", "10.0.0.5", "--owner", "\uD83D\uDE80".repeat(254),
                "--description", "\u6771".repeat(1_000));
        assertThat(cli.ok("ip", "list", "10.0.0.0/24", "--json").json().get(0).get("owner").asText())
                .isEqualTo("\uD83D\uDE80".repeat(254));
    }

    @Test
    void anImportRowOverALimitIsThatRowsErrorAndAHugeCellIsOneToo() throws Exception {
        Path csv = dir.resolve("long.csv");
        String huge = "x".repeat(10 * 1024 * 1024);
        Files.writeString(csv, "kind,network,cidr,ip,status,hostname,owner,description\n"
                + "address,dc1,10.0.0.0/24,10.0.0.5,allocated,web-05,ops,fine\n"
                + "address,dc1,10.0.0.0/24,10.0.0.6,allocated,web-06,ops," + "d".repeat(2_000) + "\n"
                + "address,dc1,10.0.0.0/24,10.0.0.7,allocated,web-07," + huge + ",too much\n"
                + "address,dc1,10.0.0.0/24,10.0.0.8,allocated,web-08,ops,fine\n", StandardCharsets.UTF_8);
        String before = ContentSnapshot.of(db);
        Cli.Result r = cli.run("import", csv.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("4 rows: 2 new, 0 unchanged, 0 conflicts, 2 errors")
                .contains("row 3: error: description is 2,000 characters; the limit is 1,000")
                .contains("row 4: error: the owner column holds 10,485,760 characters; no cell may hold more than "
                        + "10,000");
        assertThat(r.out().length() + r.err().length()).as("nothing prints the huge cell").isLessThan(2_000);
        assertThat(ContentSnapshot.of(db)).isEqualTo(before);
    }

    // ================================================================= old data

    /** A description of {@code length} characters on 10.0.0.5, as a database written before the limits may hold. */
    private void oldLongDescription(int length) throws Exception {
        cli.ok("ip", "reserve", "10.0.0.0/24", "10.0.0.5", "--hostname", "web-05", "--owner", "ops");
        cli.ok("ip", "reserve", "10.0.0.0/24", "10.0.0.6", "--hostname", "web-06", "--description", "short");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement st = c.prepareStatement("UPDATE address SET description = ? WHERE hostname = 'web-05'")) {
            st.setString(1, "long ".repeat(length / 5 - 1) + "long!");
            assertThat(st.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void aTableStaysNarrowOverAVeryLongCellAndJsonKeepsItWhole() throws Exception {
        oldLongDescription(100_000);
        for (String[] command : new String[][] {{"ip", "list", "10.0.0.0/24"}, {"find", "web"}}) {
            List<String> lines = cli.ok(command).lines();
            assertThat(lines).hasSize(3);
            int widest = lines.stream().mapToInt(String::length).max().orElseThrow();
            assertThat(widest).as(String.join("\n", lines)).isLessThanOrEqualTo(300);
            assertThat(lines.get(1)).contains("long long").contains("...");
            assertThat(lines.get(2)).contains("short");
        }
        assertThat(cli.ok("ip", "list", "10.0.0.0/24", "--json").json().get(0).get("description").asText())
                .hasSize(100_000);
    }

    @Test
    void anXlsxCellOverTheSpreadsheetLimitIsCutWithAMarkAndTheFileOpens() throws Exception {
        oldLongDescription(40_000);
        Path xlsx = dir.resolve("addresses.xlsx");
        cli.ok("export", "addresses", "--format", "xlsx", "-o", xlsx.toString());
        try (InputStream in = Files.newInputStream(xlsx); ReadableWorkbook book = new ReadableWorkbook(in)) {
            List<Row> rows = book.getFirstSheet().read();
            List<String> header = rows.get(0).stream().map(cell -> cell.getRawValue()).toList();
            int description = header.indexOf("description");
            String cut = rows.get(1).getCellText(description);
            assertThat(cut.length()).isLessThanOrEqualTo(32_767);
            assertThat(cut).startsWith("long long").endsWith("[cut: 40,000 characters in all]");
            assertThat(rows.get(1).getCellText(header.indexOf("owner"))).isEqualTo("ops");
            assertThat(rows.get(2).getCellText(description)).isEqualTo("short");
        }
    }
}
