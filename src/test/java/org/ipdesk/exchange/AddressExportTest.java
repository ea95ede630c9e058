package org.ipdesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.address.Mac;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.Observation;
import org.ipdesk.model.SourceKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.report.ExportMonitor;
import org.ipdesk.store.Location;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AddressExportTest {
    /**
     * Hostnames must be valid DNS names, so the formula-like text goes into owner and description. Details are
     * stored stripped, so a leading tab or CR never reaches an export ("\t=cmd" is stored as "=cmd"); that
     * SpreadsheetText quotes them anyway is tested in ThresholdsAndTextTest.
     */
    private static final List<String> HOSTILE = List.of("=HYPERLINK(\"http://evil\",\"x\")", "+1", "-2",
            "@SUM(A1:A2)", "=cmd|' /C calc'!A0", "-1+1");

    @TempDir
    Path dir;

    private static final java.time.Instant SEEN = java.time.Instant.parse("2026-06-12T08:30:15.250Z");

    private AddressList list;

    @BeforeEach
    void addresses() {
        try (Allocator allocator = Allocator.open(Location.of(dir.resolve("a.db")))) {
            allocator.createNetwork("lab", "");
            Subnet subnet = allocator.createSubnet("lab", SubnetSpec.of(Cidr.parse("10.0.0.0/24")));
            for (int i = 0; i < HOSTILE.size(); i++) {
                allocator.reserve(subnet.id(), Ip.parse("10.0.0." + (10 + i)), new AddressDetails(
                        AddressStatus.ALLOCATED, "host-" + i, Optional.of(Mac.parse("00:11:22:33:44:0" + i)),
                        HOSTILE.get(i), HOSTILE.get(i)));
            }
            allocator.reserve(subnet.id(), Ip.parse("10.0.0.5"), AddressDetails.allocated("plain"));
            allocator.observe(List.of(
                    new Observation(Ip.parse("10.0.0.10"), Optional.empty(), Optional.empty(), SEEN,
                            SourceKind.NMAP, "nmap-scan-0612.xml"),
                    new Observation(Ip.parse("10.0.0.11"), Optional.empty(), Optional.empty(), SEEN,
                            SourceKind.NEIGHBOURS, "=neigh.txt"),
                    // seen but not held: not an address of the list
                    new Observation(Ip.parse("10.0.0.99"), Optional.empty(), Optional.empty(), SEEN,
                            SourceKind.NMAP, "nmap-scan-0612.xml")));
            list = AddressList.read(allocator, Optional.of("lab"), Optional.empty());
        }
    }

    @Test
    void csvNeutralisesFormulaLikeCells() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new AddressCsv().write(list, out, ExportMonitor.NONE);
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new InputStreamReader(new ByteArrayInputStream(out.toByteArray()), StandardCharsets.UTF_8))
                .getRecords();
        assertThat(records.get(0).getParser().getHeaderNames()).isEqualTo(AddressList.HEADERS);
        assertThat(records).extracting(r -> r.get("ip")).containsExactly("10.0.0.5", "10.0.0.10", "10.0.0.11",
                "10.0.0.12", "10.0.0.13", "10.0.0.14", "10.0.0.15");
        for (int i = 0; i < HOSTILE.size(); i++) {
            CSVRecord r = records.get(i + 1);
            assertThat(r.get("owner")).isEqualTo("'" + HOSTILE.get(i));
            assertThat(r.get("description")).startsWith("'");
            assertThat(r.get("hostname")).isEqualTo("host-" + i);
            assertThat(r.get("mac")).isEqualTo("00:11:22:33:44:0" + i);
            assertThat(r.get("subnet")).isEqualTo("10.0.0.0/24");
            assertThat(r.get("network")).isEqualTo("lab");
            assertThat(r.get("status")).isEqualTo("allocated");
        }
        // ISO-8601 UTC to the second: no fraction of a second
        assertThat(records).allSatisfy(r -> {
            assertThat(r.get("created_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
            assertThat(r.get("updated_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        });
        // last seen: UTC to the second and the file that saw it; empty when never seen; file names neutralised
        assertThat(records).extracting(r -> r.get("last_seen")).containsExactly("", "2026-06-12T08:30:15Z",
                "2026-06-12T08:30:15Z", "", "", "", "");
        assertThat(records).extracting(r -> r.get("last_seen_by")).containsExactly("", "nmap-scan-0612.xml",
                "'=neigh.txt", "", "", "", "");
    }

    @Test
    void xlsxNeutralisesFormulaLikeCellsAndKeepsDatesAsNumbers() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new AddressXlsx().write(list, out, ExportMonitor.NONE);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows.get(0).stream().map(Cell::getText).toList()).isEqualTo(AddressList.HEADERS);
            for (int i = 0; i < HOSTILE.size(); i++) {
                Row row = rows.get(i + 2);
                for (int column : new int[] {6, 7}) {
                    Cell cell = row.getCell(column);
                    assertThat(cell.getType()).isEqualTo(CellType.STRING);
                    assertThat(cell.getText()).isEqualTo("'" + HOSTILE.get(i)).startsWith("'");
                    assertThat(cell.getFormula()).isNull();
                }
                assertThat(row.getCell(0).getText()).isEqualTo("10.0.0." + (10 + i));
                assertThat(row.getCell(8).getType()).isEqualTo(CellType.NUMBER);
                assertThat(row.getCell(8).asDate()).isNotNull();
                if (i < 2) {
                    assertThat(row.getCell(10).getType()).isEqualTo(CellType.NUMBER);
                    assertThat(row.getCell(10).asDate()).isEqualTo("2026-06-12T08:30:15");
                    assertThat(row.getCell(11).getText()).isEqualTo(i == 0 ? "nmap-scan-0612.xml" : "'=neigh.txt");
                } else {
                    assertThat(row.getOptionalCell(10).map(Cell::getText).orElse("")).isEmpty();
                    assertThat(row.getOptionalCell(11).map(Cell::getText).orElse("")).isEmpty();
                }
                // whole seconds: the cell holds no fraction of a second
                for (int column : new int[] {8, 9}) {
                    java.math.BigDecimal days = row.getCell(column).asNumber();
                    java.math.BigDecimal seconds = days.multiply(java.math.BigDecimal.valueOf(86_400));
                    assertThat(seconds.subtract(seconds.setScale(0, java.math.RoundingMode.HALF_UP)).abs())
                            .isLessThan(new java.math.BigDecimal("0.0001"));
                    assertThat(row.getCell(column).asDate().getNano()).isZero();
                }
            }
        }
    }

    @Test
    void oneSubnetTakesItsChildSubnetsAddresses() {
        try (Allocator allocator = Allocator.open(Location.of(dir.resolve("a.db")))) {
            Subnet child = allocator.createSubnet("lab", SubnetSpec.of(Cidr.parse("10.0.0.128/25")));
            allocator.reserve(child.id(), Ip.parse("10.0.0.200"), AddressDetails.allocated("child"));
            AddressList whole = AddressList.read(allocator, Optional.empty(), Optional.of(Cidr.parse("10.0.0.0/24")));
            AddressList part = AddressList.read(allocator, Optional.of("lab"), Optional.of(Cidr.parse("10.0.0.128/25")));
            assertThat(whole.entries()).hasSize(HOSTILE.size() + 2);
            assertThat(part.entries()).extracting(e -> e.address().ip().toString()).containsExactly("10.0.0.200");
        }
    }
}
