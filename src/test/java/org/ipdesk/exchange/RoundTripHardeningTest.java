package org.ipdesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ipdesk.exchange.ImportTestSupport.open;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.ImportItem;
import org.ipdesk.allocator.ImportPlan;
import org.ipdesk.allocator.ImportPlan.Result;
import org.ipdesk.allocator.SampleData;
import org.ipdesk.model.Address;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.report.ExportMonitor;
import org.ipdesk.report.SpreadsheetText;
import org.ipdesk.store.ContentSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11, item 6 and the import parts of item 12: what IPDesk exports, IPDesk imports back equal. The formula
 * guard of {@link SpreadsheetText} is undone by IPDesk's own import, nothing is trimmed that the exporter wrote, an
 * identical row is unchanged, the whole database travels in one file ({@link DatabaseExport}), and an import that
 * writes nothing leaves no change-log entry.
 */
class RoundTripHardeningTest {
    /** Values a spreadsheet would run as formulas: the exporter guards them, the import must undo it. */
    static final List<String> FORMULA_LIKE = List.of("-5 dBm", "+1", "@home", "=SUM(A1)", "'quoted", "''twice",
            "-", "'");

    @TempDir
    Path dir;

    // ------------------------------------------------------------ the formula guard

    @Test
    void formulaLikeValuesComeBackFromTheAddressExportUnchanged() throws IOException {
        Path db = dir.resolve("a.db");
        Path csv = dir.resolve("addresses.csv");
        try (Allocator a = open(db)) {
            Subnet subnet = hostileSubnet(a);
            // seen by a file whose name looks like a formula: guarded in the export, ignored by the import
            a.observe(List.of(new org.ipdesk.model.Observation(a.addresses(subnet.id()).get(0).ip(), Optional.empty(),
                    Optional.empty(), java.time.Instant.parse("2026-06-12T08:30:00Z"), org.ipdesk.model.SourceKind.NMAP,
                    "=SUM(B1).xml")));
            writeAddressCsv(a, csv);
            assertThat(Files.readString(csv)).contains(",'-5 dBm,", ",'=SUM(A1),", ",''quoted,",
                    ",2026-06-12T08:30:00Z,'=SUM(B1).xml");

            String before = ContentSnapshot.of(db);
            ImportPlan plan = CsvImport.preview(a, CsvImport.read(csv, Optional.empty()));
            assertThat(plan.problems()).isEmpty();
            assertThat(plan.counts().get(Result.UNCHANGED)).isEqualTo(FORMULA_LIKE.size());
            a.applyImport(plan);
            // unchanged rows and no change-log entry: the database is as it was, byte for byte of every row
            assertThat(ContentSnapshot.of(db)).isEqualTo(before);
            assertThat(a.addresses(subnet.id())).extracting(x -> x.details().description())
                    .containsExactlyElementsOf(FORMULA_LIKE);
        }
    }

    @Test
    void formulaLikeValuesComeBackFromTheDatabaseExportIntoANewDatabase() throws IOException {
        Path csv = dir.resolve("database.csv");
        try (Allocator a = open(dir.resolve("a.db"))) {
            hostileSubnet(a);
            writeDatabaseCsv(a, csv);
        }
        try (Allocator b = open(dir.resolve("b.db"))) {
            importAll(b, csv);
            assertThat(b.network("=net").description()).isEqualTo("-net");
            Subnet subnet = b.findSubnet(Cidr.parse("10.0.0.0/24"), Optional.empty());
            assertThat(subnet.name()).isEqualTo("+name");
            assertThat(subnet.description()).isEqualTo("@description");
            assertThat(b.ranges(subnet.id())).singleElement().satisfies(r -> assertThat(r.description()).isEqualTo("=pool"));
            List<Address> addresses = b.addresses(subnet.id());
            assertThat(addresses).extracting(x -> x.details().description()).containsExactlyElementsOf(FORMULA_LIKE);
            assertThat(addresses).extracting(x -> x.details().owner()).containsExactlyElementsOf(FORMULA_LIKE);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", "web-01", "'x", "a=b", "-5 dBm", "+1", "@home", "=SUM(A1)", "'", "''", "'=", "\tx",
            "\rx", "'-x", "10.0.0.1", "2001:db8::1"})
    void theGuardIsUndoneExactly(String text) {
        assertThat(SpreadsheetText.restore(SpreadsheetText.neutralise(text))).isEqualTo(text);
    }

    @Test
    void onlyIpdesksOwnLayoutUndoesTheGuard() {
        // a NetBox file is not IPDesk's export: a leading ' there is the user's own text
        CsvImport.ParsedFile netbox = CsvImport.parse("netbox.csv", "address,vrf,status,description\n"
                + "10.0.0.5/24,,active,'=kept\n", Optional.empty());
        assertThat(((ImportItem.AddressItem) netbox.items().get(0)).details().description()).isEqualTo("'=kept");
        // in IPDesk's layout a ' is removed only before = + - @ tab carriage return or another '
        CsvImport.ParsedFile own = CsvImport.parse("own.csv", "ip,subnet,owner,description\n"
                + "10.0.0.5,10.0.0.0/24,'x,'=y\n", Optional.empty());
        AddressDetails details = ((ImportItem.AddressItem) own.items().get(0)).details();
        assertThat(details.owner()).isEqualTo("'x");
        assertThat(details.description()).isEqualTo("=y");
    }

    @Test
    void aLeadingControlCharacterIsNotTrimmedAway() {
        // the value reaches the import's field checks as written, instead of being changed silently
        CsvImport.ParsedFile file = CsvImport.parse("c.csv", "ip,subnet,owner,description\n"
                + "10.0.0.5,10.0.0.0/24,\u0007bell,\u001b[31mred\n", Optional.empty());
        AddressDetails details = ((ImportItem.AddressItem) file.items().get(0)).details();
        assertThat(details.owner()).isEqualTo("\u0007bell");
        assertThat(details.description()).isEqualTo("\u001b[31mred");
        // and there the row is refused with its reason, nothing stored
        Path db = dir.resolve("a.db");
        try (Allocator a = open(db)) {
            a.createNetwork("hq", "");
            a.createSubnet("hq", SubnetSpec.of(Cidr.parse("10.0.0.0/24")));
            String before = ContentSnapshot.of(db);
            ImportPlan plan = CsvImport.preview(a, file);
            assertThat(plan.rows()).singleElement().satisfies(r -> {
                assertThat(r.result()).isEqualTo(Result.ERROR);
                assertThat(r.message()).contains("position 1");
            });
            assertThat(ContentSnapshot.of(db)).isEqualTo(before);
        }
    }

    // ------------------------------------------------------------ the whole database in one file

    @Test
    void theSampleDatabaseExportedAndImportedIntoAnEmptyDatabaseIsEqualRowByRow() throws IOException {
        Path source = dir.resolve("source.db");
        Path target = dir.resolve("target.db");
        Path csv = dir.resolve("database.csv");
        try (Allocator a = open(source)) {
            SampleData.create(a);
            // a subnet with stale days of its own: carried by the export and the import like the other fields
            Subnet lab = a.findSubnet(Cidr.parse("10.20.1.0/24"), Optional.of("dc-frankfurt"));
            a.updateSubnet(lab, org.ipdesk.model.SubnetSpec.of(lab).withStaleDays(java.util.OptionalInt.of(9)));
            DatabaseExport.Counts counts = writeDatabaseCsv(a, csv);
            assertThat(counts.networks()).isEqualTo(3);
            assertThat(counts.addresses()).isEqualTo(a.addressCount());
        }
        try (Allocator b = open(target)) {
            ImportPlan.Applied applied = importAll(b, csv);
            assertThat(applied.unchanged()).isZero();
        }
        DatabaseRows.Comparison rows = DatabaseRows.compare(source, target);
        assertThat(rows.compared()).containsExactlyInAnyOrder("flyway_schema_history", "ipdesk_meta", "network",
                "subnet", "address_range", "address", "free_extent");
        assertThat(rows.rowCount("address")).isEqualTo(DatabaseRows.count(source, "address")).isGreaterThan(2000);
        assertThat(rows.differences()).isEmpty();

        // and the comparison sees a difference of one field
        try (Allocator b = open(target)) {
            Subnet web = b.findSubnet(Cidr.parse("10.20.1.0/24"), Optional.of("dc-frankfurt"));
            Address first = b.addresses(web.id()).get(0);
            b.update(web.id(), first.ip(), new AddressDetails(first.status(), first.details().hostname(),
                    first.details().mac(), first.details().owner() + "x", first.details().description()));
        }
        assertThat(DatabaseRows.compare(source, target).differences()).hasSize(2)
                .allMatch(line -> line.startsWith("address: only in "));
    }

    @Test
    void theDatabaseExportImportedIntoTheSameDatabaseIsAllUnchangedAndWritesNothing() throws IOException {
        Path db = dir.resolve("a.db");
        Path csv = dir.resolve("database.csv");
        try (Allocator a = open(db)) {
            SampleData.create(a);
            DatabaseExport.Counts counts = writeDatabaseCsv(a, csv);
            String before = ContentSnapshot.of(db);
            ImportPlan plan = CsvImport.preview(a, CsvImport.read(csv, Optional.empty()));
            assertThat(plan.problems()).isEmpty();
            assertThat(plan.counts().get(Result.UNCHANGED)).isEqualTo(counts.rows()).isEqualTo(plan.rows().size());
            ImportPlan.Applied applied = a.applyImport(plan);
            assertThat(applied.unchanged()).isEqualTo(counts.rows());
            // nothing written, the change log included
            assertThat(ContentSnapshot.of(db)).isEqualTo(before);
        }
    }

    @Test
    void theDatabaseExportHasOneHeaderAndTheKindsInImportOrder() throws IOException {
        Path csv = dir.resolve("database.csv");
        try (Allocator a = open(dir.resolve("a.db"))) {
            hostileSubnet(a);
            writeDatabaseCsv(a, csv);
        }
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo(String.join(",", DatabaseExport.HEADERS));
        assertThat(lines.subList(1, 4)).containsExactly(
                "network,'=net,,,,,'-net,,,,,,,,,",
                "subnet,'=net,10.0.0.0/24,'+name,7,10.0.0.1,'@description,,,,,,,,,",
                "range,'=net,10.0.0.0/24,,,,'=pool,10.0.0.200,10.0.0.210,dhcp,,,,,,");
        assertThat(lines.get(4)).isEqualTo("address,'=net,10.0.0.0/24,,,,'-5 dBm,,,,10.0.0.2,allocated,h1,,'-5 dBm,");
    }

    // ------------------------------------------------------------ imports that write nothing

    @Test
    void aHeaderOnlyImportWritesNoChangeLogEntry() {
        Path db = dir.resolve("a.db");
        try (Allocator a = open(db)) {
            a.createNetwork("hq", "");
            String before = ContentSnapshot.of(db);
            ImportPlan plan = CsvImport.preview(a, CsvImport.parse("h.csv", "kind,network,cidr\n", Optional.empty()));
            assertThat(plan.rows()).isEmpty();
            ImportPlan.Applied applied = a.applyImport(plan);
            assertThat(applied.networks() + applied.subnets() + applied.ranges() + applied.addresses()).isZero();
            assertThat(ContentSnapshot.of(db)).isEqualTo(before);
        }
    }

    // ------------------------------------------------------------ files that cannot be read

    @Test
    void aFolderGivenAsTheFileIsNamedWithTheReason() {
        Path folder = dir.resolve("exports");
        assertThatThrownBy(() -> CsvImport.read(Files.createDirectories(folder), Optional.empty()))
                .hasMessage("cannot read " + folder + ": it is a folder, not a file");
    }

    @Test
    void aMissingFileIsNamedWithTheReason() {
        Path missing = dir.resolve("nope.csv");
        assertThatThrownBy(() -> CsvImport.read(missing, Optional.empty()))
                .hasMessage("cannot read " + missing + ": there is no such file");
    }

    @Test
    void permissionDeniedIsSaidInWords() {
        // tests run as root, who may read a chmod 000 file: the mapping is tested on the exception itself
        Path file = Path.of("x.csv");
        assertThat(CsvImport.cannotRead(file, new AccessDeniedException("x.csv")))
                .isEqualTo("cannot read x.csv: permission denied");
        assertThat(CsvImport.cannotRead(file, new java.nio.file.FileSystemException("x.csv", null,
                "Input/output error"))).isEqualTo("cannot read x.csv: Input/output error");
        assertThat(CsvImport.cannotRead(file, new IOException("Stale file handle")))
                .isEqualTo("cannot read x.csv: Stale file handle");
    }

    // ------------------------------------------------------------ fixtures

    /**
     * Network "=net" ("-net"), subnet 10.0.0.0/24 "+name" ("@description", VLAN 7, gateway .1), DHCP range
     * .200-.210 "=pool", and one address per {@link #FORMULA_LIKE} value (as owner and description) from .2 up.
     */
    private static Subnet hostileSubnet(Allocator a) {
        a.createNetwork("=net", "-net");
        Subnet subnet = a.createSubnet("=net", SubnetSpec.of(Cidr.parse("10.0.0.0/24")).withName("+name")
                .withDescription("@description").withVlan(7).withGateway(Ip.parse("10.0.0.1")));
        a.addRange(subnet.id(), Ip.parse("10.0.0.200"), Ip.parse("10.0.0.210"), RangeKind.DHCP, "=pool");
        for (int i = 0; i < FORMULA_LIKE.size(); i++) {
            String value = FORMULA_LIKE.get(i);
            a.reserve(subnet.id(), Ip.parse("10.0.0." + (i + 2)), new AddressDetails(AddressStatus.ALLOCATED,
                    "h" + (i + 1), Optional.empty(), value, value));
        }
        return subnet;
    }

    private static void writeAddressCsv(Allocator a, Path csv) throws IOException {
        try (var out = Files.newOutputStream(csv)) {
            new AddressCsv().write(AddressList.read(a, Optional.empty(), Optional.empty()), out, ExportMonitor.NONE);
        }
    }

    private static DatabaseExport.Counts writeDatabaseCsv(Allocator a, Path csv) throws IOException {
        try (var out = Files.newOutputStream(csv)) {
            return DatabaseExport.write(a, out, ExportMonitor.NONE);
        }
    }

    private static ImportPlan.Applied importAll(Allocator a, Path csv) {
        ImportPlan plan = CsvImport.preview(a, CsvImport.read(csv, Optional.empty()));
        assertThat(plan.problems()).isEmpty();
        assertThat(plan.rows()).allMatch(r -> r.result() == Result.NEW);
        return a.applyImport(plan);
    }
}
