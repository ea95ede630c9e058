package org.ipdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.store.Location;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReportCommandTest {
    @TempDir
    Path dir;

    private Cli cli;

    /** lab: 10.0.0.0/24 with 10.0.0.0/26 (60 of 62 held, 96.77%) as a child; 2001:db8::/64. */
    @BeforeEach
    void database() {
        Path db = dir.resolve("lab.db");
        try (Allocator allocator = Allocator.open(Location.of(db))) {
            allocator.createNetwork("lab", "");
            allocator.createNetwork("empty", "");
            allocator.createSubnet("lab", SubnetSpec.of(Cidr.parse("10.0.0.0/24")));
            Subnet small = allocator.createSubnet("lab", SubnetSpec.of(Cidr.parse("10.0.0.0/26")));
            allocator.createSubnet("lab", SubnetSpec.of(Cidr.parse("2001:db8::/64")));
            for (int i = 1; i <= 60; i++) {
                allocator.reserve(small.id(), Ip.parse("10.0.0." + i), AddressDetails.allocated("h" + i));
            }
        }
        cli = new Cli(db);
    }

    private List<String> files() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "xlsx", "pdf", "html", "json"})
    void eachFormatIsWrittenAndSaysWhatItWrote(String format) throws IOException {
        Path file = dir.resolve("usage." + format);
        Cli.Result result = cli.ok("report", "usage", "--format", format, "-o", file.toString());
        assertThat(result.out()).contains("Wrote the usage report (" + format + ", 3 subnets) to " + file);
        byte[] bytes = Files.readAllBytes(file);
        switch (format) {
            case "csv" -> assertThat(new String(bytes)).startsWith("kind,network,ip_version,cidr")
                    .contains("subnet,lab,4,10.0.0.0/26,,,1,64,62,60,0,0,0,2,,96.77,critical");
            case "xlsx" -> {
                try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
                    assertThat(workbook.getFirstSheet().read()).hasSize(4);
                }
            }
            case "pdf" -> {
                try (PDDocument pdf = Loader.loadPDF(bytes)) {
                    assertThat(new PDFTextStripper().getText(pdf)).contains("lab.db", "10.0.0.0/26", "96.77%");
                }
            }
            case "html" -> assertThat(Jsoup.parse(new String(bytes)).select("#subnets tr:has(td)")).hasSize(3);
            default -> {
                JsonNode json = Cli.JSON.readTree(bytes);
                assertThat(json.get("subnets").get(1).get("allocated").asText()).isEqualTo("60");
                assertThat(json.get("database").asText()).isEqualTo("lab.db");
            }
        }
        assertThat(files()).containsExactly("lab.db", "usage." + format);
    }

    @Test
    void thresholdsAreSettableAndChecked() throws IOException {
        Path file = dir.resolve("usage.json");
        cli.ok("report", "usage", "lab", "--format", "JSON", "-o", file.toString(), "--warn", "97", "--critical", "99");
        JsonNode json = Cli.JSON.readTree(file.toFile());
        assertThat(json.get("over_threshold")).isEmpty();
        assertThat(json.get("subnets").get(1).get("level").asText()).isEqualTo("ok");
        cli.ok("report", "usage", "lab", "--format", "json", "-o", file.toString(), "--warn", "50");
        assertThat(Cli.JSON.readTree(file.toFile()).get("over_threshold").get(0).get("level").asText())
                .isEqualTo("critical");

        Files.delete(file);
        Cli.Result below = cli.run("report", "usage", "--format", "json", "-o", file.toString(), "--warn", "90",
                "--critical", "85");
        assertThat(below.code()).isEqualTo(1);
        assertThat(below.err()).contains("critical threshold (85%) must not be below the warning threshold (90%)");
        Cli.Result zero = cli.run("report", "usage", "--format", "json", "-o", file.toString(), "--warn", "0");
        assertThat(zero.code()).isEqualTo(1);
        assertThat(zero.err()).contains("warning threshold must be above 0");
        assertThat(cli.run("report", "usage", "--format", "json", "-o", file.toString(), "--warn", "lots").code())
                .isEqualTo(2);
        assertThat(files()).containsExactly("lab.db");
    }

    @Test
    void aReportIsWrittenToAFileWhoseNameIsNearTheFileSystemsLimit() throws IOException {
        Path file = dir.resolve("u".repeat(240) + ".pdf");
        cli.ok("report", "usage", "--format", "pdf", "-o", file.toString());
        assertThat(Files.readAllBytes(file)).startsWith("%PDF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        Path over = dir.resolve("v".repeat(260) + ".pdf");
        Cli.Result refused = cli.run("report", "usage", "--format", "pdf", "-o", over.toString());
        assertThat(refused.code()).isNotZero();
        assertThat(refused.err()).contains("its name is 264 bytes long; file systems take at most 255")
                .doesNotContain(".part");
    }

    @Test
    void refusalsWriteNoFile() throws IOException {
        Path file = dir.resolve("usage.csv");
        Cli.Result missing = cli.run("report", "usage", "lba", "--format", "csv", "-o", file.toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("there is no network named 'lba'");
        Cli.Result format = cli.run("report", "usage", "--format", "docx", "-o", file.toString());
        assertThat(format.code()).isEqualTo(1);
        assertThat(format.err()).contains("'docx' is not a report format (csv, xlsx, pdf, html, json)");
        Cli.Result folder = cli.run("report", "usage", "--format", "csv", "-o", dir.resolve("nope/u.csv").toString());
        assertThat(folder.code()).isEqualTo(1);
        assertThat(folder.err()).contains("does not exist; create it first");
        assertThat(cli.run("report", "usage", "--format", "csv").code()).isEqualTo(2);
        assertThat(files()).containsExactly("lab.db");
    }

    @Test
    void exportAddressesOfANetworkAndOfOneSubnet() throws IOException {
        Path all = dir.resolve("all.csv");
        assertThat(cli.ok("export", "addresses", "lab", "--format", "csv", "-o", all.toString()).out())
                .contains("Wrote 60 addresses (csv) to " + all);
        List<String> lines = Files.readAllLines(all);
        assertThat(lines.get(0)).isEqualTo(
                "ip,subnet,network,status,hostname,mac,owner,description,created_at,updated_at,last_seen,last_seen_by");
        assertThat(lines).hasSize(61);
        // nothing was observed: last seen and its file are empty
        assertThat(lines.subList(1, 61)).allMatch(line -> line.endsWith("Z,,"));
        assertThat(lines.get(1)).startsWith("10.0.0.1,10.0.0.0/26,lab,allocated,h1,,,,");

        Path one = dir.resolve("one.xlsx");
        assertThat(cli.ok("export", "addresses", "lab", "10.0.0.0/26", "--format", "xlsx", "-o", one.toString())
                .out()).contains("Wrote 60 addresses (xlsx)");
        try (ReadableWorkbook workbook = new ReadableWorkbook(one.toFile())) {
            assertThat(workbook.getFirstSheet().read()).hasSize(61);
        }
        Path none = dir.resolve("none.csv");
        assertThat(cli.ok("export", "addresses", "lab", "2001:db8::/64", "--format", "csv", "-o", none.toString())
                .out()).contains("Wrote 0 addresses");
        assertThat(Files.readAllLines(none)).hasSize(1);
    }

    @Test
    void exportRefusesAMissingNetworkOrSubnetAndWritesNothing() throws IOException {
        Path file = dir.resolve("a.csv");
        Cli.Result network = cli.run("export", "addresses", "lba", "--format", "csv", "-o", file.toString());
        assertThat(network.code()).isEqualTo(1);
        assertThat(network.err()).contains("there is no network named 'lba'");
        Cli.Result subnet = cli.run("export", "addresses", "lab", "10.9.0.0/24", "--format", "csv", "-o",
                file.toString());
        assertThat(subnet.code()).isEqualTo(1);
        assertThat(subnet.err()).contains("there is no subnet 10.9.0.0/24 in network 'lab'");
        Cli.Result pdf = cli.run("export", "addresses", "--format", "pdf", "-o", file.toString());
        assertThat(pdf.code()).isEqualTo(1);
        assertThat(pdf.err()).contains("'pdf' is not an address export format (csv, xlsx)");
        assertThat(files()).containsExactly("lab.db");
        assertThat(Optional.of(cli.ok("export", "--help").out())).get().asString().contains("addresses");
    }
}
