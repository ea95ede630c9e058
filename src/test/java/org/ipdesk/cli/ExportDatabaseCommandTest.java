package org.ipdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.SampleData;
import org.ipdesk.store.ContentSnapshot;
import org.ipdesk.store.Location;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ipdesk export database -o FILE.csv} and the import messages of issue 11 (items 6 and 12): the export
 * imports into an empty database as the same content and into its own database as "N unchanged" without writing;
 * a header-only file is "nothing to import"; a file that cannot be read is named with the reason.
 */
class ExportDatabaseCommandTest {
    @TempDir
    Path dir;

    private Path source;
    private Cli cli;

    @BeforeEach
    void sample() {
        source = dir.resolve("source.db");
        try (Allocator allocator = Allocator.open(Location.of(source))) {
            SampleData.create(allocator);
        }
        cli = new Cli(source);
    }

    @Test
    void theExportImportsIntoAnEmptyDatabaseAsTheSameContent() throws Exception {
        Path csv = dir.resolve("everything.csv");
        Cli.Result export = cli.ok("export", "database", "-o", csv.toString());
        assertThat(export.out()).matches("Wrote 3 networks, 2[0-9] subnets, [0-9] ranges and [0-9,]+ addresses to "
                + java.util.regex.Pattern.quote(csv.toString()) + "\\R");
        assertThat(Files.readAllLines(csv).get(0))
                .isEqualTo("kind,network,cidr,name,vlan,gateway,description,start,end,range_kind,ip,status,hostname,mac,owner,stale_days");

        Cli fresh = new Cli(dir.resolve("fresh.db"));
        Cli.Result imported = fresh.ok("import", csv.toString());
        assertThat(imported.out()).contains("0 unchanged, 0 conflicts, 0 errors").contains("Imported everything.csv: 3 networks");
        // the fresh database exports to the same bytes: every exported field of every row is equal
        Path again = dir.resolve("again.csv");
        fresh.ok("export", "database", "-o", again.toString());
        assertThat(Files.readString(again)).isEqualTo(Files.readString(csv));
    }

    @Test
    void theExportImportedIntoItsOwnDatabaseIsAllUnchangedAndWritesNothing() throws Exception {
        Path csv = dir.resolve("everything.csv");
        cli.ok("export", "database", "-o", csv.toString());
        long rows = Files.readAllLines(csv).size() - 1;
        String before = ContentSnapshot.of(source);

        Cli.Result result = cli.ok("import", csv.toString());

        assertThat(result.out()).contains(String.format("%,d rows: 0 new, %,d unchanged, 0 conflicts, 0 errors", rows, rows))
                .contains(String.format("Nothing to import: all %,d rows of everything.csv are in the database as they "
                        + "are; nothing was written.", rows));
        // no change-log entry either
        assertThat(ContentSnapshot.of(source)).isEqualTo(before);
    }

    @Test
    void dashOWritesTheDatabaseExportToStandardOutputAndTheSummaryToStandardError() {
        Path csv = dir.resolve("everything.csv");
        cli.ok("export", "database", "-o", csv.toString());

        Cli.Result result = cli.ok("export", "database", "-o", "-");

        assertThat(result.out()).isEqualTo(readString(csv));
        assertThat(result.err()).startsWith("Wrote 3 networks").endsWith("to standard output" + System.lineSeparator());
    }

    @Test
    void theExportNeverReplacesTheOpenDatabase() throws Exception {
        String before = ContentSnapshot.of(source);
        byte[] bytes = Files.readAllBytes(source);

        Cli.Result result = cli.run("export", "database", "-o", source.toString());

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err().lines()).hasSize(1);
        assertThat(result.err()).contains(source.getFileName().toString());
        assertThat(Files.readAllBytes(source)).isEqualTo(bytes);
        assertThat(ContentSnapshot.of(source)).isEqualTo(before);
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void exportDatabaseNeedsAnOutputFile() {
        Cli.Result result = cli.run("export", "database");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required option: '--output=FILE'");
        Cli.Result what = cli.run("export");
        assertThat(what.code()).isEqualTo(2);
        assertThat(what.err()).contains("choose what to export: addresses, database, kea, dhcpd, dnsmasq");
    }

    @Test
    void exportDatabaseIntoAMissingFolderIsRefused() {
        Path target = dir.resolve("no-such-folder").resolve("x.csv");
        Cli.Result result = cli.run("export", "database", "-o", target.toString());
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).startsWith("ipdesk: cannot write " + target).doesNotContain("Exception");
    }

    @Test
    void aHeaderOnlyFileIsNothingToImport() throws Exception {
        Path csv = dir.resolve("header.csv");
        Files.writeString(csv, "kind,network,cidr,ip\n");
        String before = ContentSnapshot.of(source);
        Cli.Result result = cli.ok("import", csv.toString());
        assertThat(result.out()).contains("Nothing to import: header.csv has no data rows; nothing was written.");
        assertThat(ContentSnapshot.of(source)).isEqualTo(before);
    }

    @Test
    void aFolderOrAMissingFileIsNamedWithTheReason() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("exports"));
        Cli.Result result = cli.run("import", folder.toString());
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("ipdesk: cannot read " + folder + ": it is a folder, not a file"
                + System.lineSeparator());

        Path missing = dir.resolve("nope.csv");
        Cli.Result none = cli.run("import", missing.toString());
        assertThat(none.code()).isEqualTo(1);
        assertThat(none.err()).isEqualTo("ipdesk: cannot read " + missing + ": there is no such file"
                + System.lineSeparator());
    }
}
