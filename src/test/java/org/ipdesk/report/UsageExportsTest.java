package org.ipdesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.Usage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Each format read back with a library and compared with the allocator's own figures on the sample data. */
class UsageExportsTest {
    private static final List<String> FIGURES = List.of("usable", "allocated", "reserved", "dhcp", "deprecated",
            "free");

    private final UsageReport report = SampleReport.report();
    /** "network cidr" -> the allocator's figures. */
    private final Map<String, Usage> expected = new HashMap<>();

    UsageExportsTest() {
        for (Subnet s : SampleReport.allocator().subnets()) {
            expected.put(s.networkName() + " " + s.cidr(), SampleReport.usage().get(s.id()));
        }
    }

    private static List<BigInteger> figures(Usage u) {
        return List.of(u.usable(), u.allocated(), u.reserved(), u.dhcp(), u.deprecated(), u.free());
    }

    @Test
    void csvHasEverySubnetWithTheAllocatorsFiguresThenNetworkAndGrandTotals() throws IOException {
        byte[] csv = SampleReport.bytes(new CsvReport(), report);
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8)).getRecords();
        List<CSVRecord> subnets = records.stream().filter(r -> r.get("kind").equals("subnet")).toList();
        assertThat(subnets).hasSize(expected.size());
        for (CSVRecord r : subnets) {
            Usage u = expected.get(r.get("network") + " " + r.get("cidr"));
            assertThat(FIGURES.stream().map(f -> new BigInteger(r.get(f))).toList()).isEqualTo(figures(u));
            assertThat(new BigDecimal(r.get("percent"))).isEqualTo(u.percent());
        }
        assertThat(records).filteredOn(r -> r.get("kind").equals("network")).hasSize(report.networks().size());
        CSVRecord v4 = records.stream().filter(r -> r.get("kind").equals("total") && r.get("ip_version").equals("4"))
                .findFirst().orElseThrow();
        assertThat(new BigInteger(v4.get("usable"))).isEqualTo(report.totals().get(0).usage().usable());
        assertThat(records.get(0).getParser().getHeaderNames()).isEqualTo(UsageColumns.HEADERS);
    }

    @Test
    void xlsxHasTheFiguresAsNumbersAndEverySheet() throws IOException {
        byte[] xlsx = SampleReport.bytes(new XlsxReport(), report);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getSheets().map(Sheet::getName).toList())
                    .containsExactly("Subnets", "Networks", "Totals", "Fullest", "Over threshold", "About");
            List<Row> rows = workbook.getFirstSheet().read();
            List<String> headers = rows.get(0).stream().map(Cell::getText).toList();
            assertThat(headers).isEqualTo(UsageColumns.HEADERS);
            assertThat(rows).hasSize(expected.size() + 1);
            for (Row row : rows.subList(1, rows.size())) {
                Usage u = expected.get(text(row, headers, "network") + " " + text(row, headers, "cidr"));
                for (int i = 0; i < FIGURES.size(); i++) {
                    Cell cell = row.getCell(headers.indexOf(FIGURES.get(i)));
                    BigInteger value = figures(u).get(i);
                    if (value.bitLength() <= 53) {
                        assertThat(cell.getType()).isEqualTo(CellType.NUMBER);
                        assertThat(cell.asNumber().toBigIntegerExact()).isEqualTo(value);
                    } else {
                        assertThat(cell.getType()).isEqualTo(CellType.STRING);
                        assertThat(new BigInteger(cell.getText())).isEqualTo(value);
                    }
                }
                Cell percent = row.getCell(headers.indexOf("percent"));
                assertThat(percent.getType()).isEqualTo(CellType.NUMBER);
                assertThat(percent.asNumber()).isEqualByComparingTo(u.percent());
            }
            Sheet about = workbook.findSheet("About").orElseThrow();
            assertThat(about.read().stream().map(r -> r.getCellText(1)).toList())
                    .contains("sample.db", "2026-11-26 12:00 UTC");
            assertThat(workbook.findSheet("Fullest").orElseThrow().read()).hasSize(UsageReport.FULLEST + 1);
        }
    }

    private static String text(Row row, List<String> headers, String column) {
        return row.getCell(headers.indexOf(column)).getText();
    }

    @Test
    void pdfShowsDateDatabaseAndEverySubnetWithItsPercent() throws IOException {
        byte[] pdf = SampleReport.bytes(new PdfReport(), report);
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Page 1 of " + document.getNumberOfPages());
        }
        assertThat(text).contains("IPDesk usage report", "2026-11-26 12:00 UTC", "sample.db");
        List<String> lines = text.lines().toList();
        for (UsageReport.SubnetRow r : report.subnets()) {
            String percent = expected.get(r.network() + " " + r.cidr()).percent().toPlainString() + "%";
            assertThat(lines).as(r.cidr() + " with " + percent)
                    .anyMatch(line -> line.contains(r.cidr().toString()) && line.contains(percent));
        }
    }

    @Test
    void htmlIsSelfContainedAndItsTableHoldsTheAllocatorsFigures() {
        String html = new String(SampleReport.bytes(new HtmlReport(), report), StandardCharsets.UTF_8);
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("link, script, iframe, object, embed")).isEmpty();
        assertThat(doc.select("img")).allMatch(img -> !img.attr("src").matches("(?i)(https?:)?//.*"));
        assertThat(html).doesNotContainPattern("url\\(\\s*['\"]?(https?:)?//");
        assertThat(doc.getElementById("date").text()).isEqualTo("2026-11-26 12:00 UTC");
        assertThat(doc.getElementById("database").text()).isEqualTo("sample.db");

        List<Element> rows = doc.select("#subnets tr:has(td)");
        assertThat(rows).hasSize(expected.size());
        for (Element row : rows) {
            List<Element> cells = row.select("td");
            Usage u = expected.get(cells.get(0).text() + " " + cells.get(1).text());
            // columns: network, subnet, name, vlan, size, then the six figures, free /64s, percent, bar
            List<BigInteger> shown = cells.subList(5, 11).stream().map(c -> new BigInteger(c.attr("data-value")))
                    .toList();
            assertThat(shown).isEqualTo(figures(u));
            assertThat(cells.get(12).text()).isEqualTo(u.percent().toPlainString() + "%");
            assertThat(cells.get(13).select(".bar > div").attr("style")).contains("width:" + u.percent());
        }
        assertThat(doc.select("#fullest tr:has(td)")).hasSize(UsageReport.FULLEST);
        assertThat(doc.select("#over-threshold .critical")).isNotEmpty();
    }

    @Test
    void pdfWritesIpv6SizesAsTheWindowDoes() throws IOException {
        String text;
        try (PDDocument document = Loader.loadPDF(SampleReport.bytes(new PdfReport(), report))) {
            text = new PDFTextStripper().getText(document);
        }
        assertThat(text.lines().filter(line -> line.contains("2001:db8:20:1::/64")).findFirst().orElseThrow())
                .contains("2^64 \u2212 1").doesNotContain("e19");
        assertThat(text.lines().filter(line -> line.contains("2001:db8:20::/48")).findFirst().orElseThrow())
                .contains("2^80", "2^80 \u2212 1");
        assertThat(text).doesNotContain("\u2248", "e19", "e24");
    }

    @Test
    void htmlWritesIpv6SizesAsTheWindowDoesAndKeepsTheExactValue() {
        Document doc = Jsoup.parse(new String(SampleReport.bytes(new HtmlReport(), report), StandardCharsets.UTF_8));
        Element row = doc.select("#subnets tr:has(td)").stream()
                .filter(r -> r.select("td").get(1).text().equals("2001:db8:20:1::/64")).findFirst().orElseThrow();
        // columns: network, subnet, name, vlan, size, usable
        assertThat(row.select("td").get(4).text()).isEqualTo("2^64");
        assertThat(row.select("td").get(5).text()).isEqualTo("2^64 \u2212 1");
        assertThat(row.select("td").get(5).attr("data-value")).isEqualTo("18446744073709551615");
    }

    @Test
    void reportBarsHaveTheColoursTheWindowDraws() throws IOException {
        // the window's usage bars are AtlantaFX Primer's accent, warning and danger emphasis (ipdesk.css)
        String theme;
        try (var in = getClass().getResourceAsStream("/atlantafx/base/theme/primer-light.css")) {
            theme = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (var entry : java.util.Map.of(Thresholds.Level.OK, "accent", Thresholds.Level.WARNING, "warning",
                Thresholds.Level.CRITICAL, "danger").entrySet()) {
            var m = java.util.regex.Pattern.compile("-color-" + entry.getValue() + "-emphasis:\\s*(#[0-9a-fA-F]{6});")
                    .matcher(theme);
            assertThat(m.find()).isTrue();
            java.awt.Color drawn = java.awt.Color.decode(m.group(1));
            assertThat(PdfReport.colour(entry.getKey())).as(entry.getKey().label()).isEqualTo(drawn);
            String html = new String(SampleReport.bytes(new HtmlReport(), report), StandardCharsets.UTF_8);
            assertThat(html.toLowerCase(java.util.Locale.ROOT))
                    .contains("." + entry.getKey().label() + "{background:" + m.group(1).toLowerCase(java.util.Locale.ROOT) + "}");
        }
    }

    @Test
    void htmlEscapesText() {
        String html = new String(SampleReport.bytes(new HtmlReport(), new UsageReport(SampleReport.NOW,
                "<script>alert(1)</script>.db", java.util.Optional.of("a&b"), Thresholds.DEFAULT, List.of(),
                List.of(), List.of(), List.of(), List.of())), StandardCharsets.UTF_8);
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;", "a&amp;b");
        assertThat(Jsoup.parse(html).getElementById("database").text()).isEqualTo("<script>alert(1)</script>.db");
    }

    @Test
    void jsonHasTheFiguresAsDecimalStringsInSnakeCase() throws IOException {
        JsonNode json = new ObjectMapper().readTree(SampleReport.bytes(new JsonReport(), report));
        assertThat(json.get("database").asText()).isEqualTo("sample.db");
        assertThat(json.get("generated_at").asText()).isEqualTo("2026-11-26T12:00:00Z");
        assertThat(json.get("thresholds").get("warn").decimalValue()).isEqualByComparingTo("80");
        assertThat(json.get("subnets")).hasSize(expected.size());
        for (JsonNode s : json.get("subnets")) {
            Usage u = expected.get(s.get("network").asText() + " " + s.get("cidr").asText());
            assertThat(FIGURES.stream().map(f -> {
                assertThat(s.get(f).isTextual()).isTrue();
                return new BigInteger(s.get(f).asText());
            }).toList()).isEqualTo(figures(u));
            assertThat(s.get("percent").decimalValue()).isEqualByComparingTo(u.percent());
            assertThat(s.has("ip_version") && s.has("free_64s")).isTrue();
        }
        assertThat(json.get("networks")).hasSize(report.networks().size());
        assertThat(json.get("totals")).hasSize(2);
        assertThat(json.get("fullest")).hasSize(UsageReport.FULLEST);
        assertThat(json.get("over_threshold")).hasSize(report.overThreshold().size());
    }
}
