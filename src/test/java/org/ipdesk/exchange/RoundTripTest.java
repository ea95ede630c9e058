package org.ipdesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ipdesk.exchange.ImportTestSupport.open;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.ipdesk.report.ExportMonitor;
import org.ipdesk.address.Mac;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.ImportPlan;
import org.ipdesk.allocator.SampleData;
import org.ipdesk.model.AddressRange;
import org.ipdesk.model.Network;
import org.ipdesk.model.Observation;
import org.ipdesk.model.SourceKind;
import org.ipdesk.model.Subnet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export to CSV, import into a new database, same content. The structure (networks, subnets, ranges) travels as an
 * IPDesk mixed file; the addresses as the address list export's columns.
 */
class RoundTripTest {
    @TempDir
    Path dir;

    @Test
    void sampleDataExportedAndImportedHasTheSameAddresses() throws IOException {
        Path structure = dir.resolve("structure.csv");
        Path addresses = dir.resolve("addresses.csv");
        Map<String, List<String>> expected;
        try (Allocator source = open(dir.resolve("source.db"))) {
            SampleData.create(source);
            // some addresses were seen by a scan: the export carries it, the import ignores it
            List<Observation> seen = new java.util.ArrayList<>();
            for (Subnet s : source.subnets()) {
                source.addresses(s.id()).stream().limit(2).forEach(x -> seen.add(new Observation(x.ip(),
                        Optional.empty(), Optional.of("seen-" + x.ip()), java.time.Instant.parse("2026-06-12T08:30:00Z"),
                        SourceKind.NMAP, "nmap-scan-0612.xml")));
            }
            assertThat(seen).isNotEmpty();
            source.observe(seen);
            Files.writeString(structure, structureCsv(source));
            // the address list goes through the real exporter (ipdesk export addresses --format csv)
            try (var out = Files.newOutputStream(addresses)) {
                new AddressCsv().write(AddressList.read(source, Optional.empty(), Optional.empty()), out,
                        ExportMonitor.NONE);
            }
            expected = content(source);
            assertThat(Files.readString(addresses)).contains(",2026-06-12T08:30:00Z,nmap-scan-0612.xml");
        }
        try (Allocator target = open(dir.resolve("target.db"))) {
            for (Path file : List.of(structure, addresses)) {
                ImportPlan plan = CsvImport.preview(target, CsvImport.read(file, Optional.empty()));
                assertThat(plan.problems()).as(file.toString()).isEmpty();
                target.applyImport(plan);
            }
            assertThat(content(target)).isEqualTo(expected);
            // last seen is an observation, not a record: nothing was observed in the new database
            assertThat(target.subnets()).allSatisfy(s -> assertThat(target.observations(s.id())).isEmpty());
            // importing the export again changes nothing
            ImportPlan again = CsvImport.preview(target, CsvImport.read(addresses, Optional.empty()));
            assertThat(again.rows()).allMatch(r -> r.result() == ImportPlan.Result.UNCHANGED);
            // an export of an older version, with nanoseconds in its times, is read as well
            assertThat(Files.readString(addresses)).containsPattern(",\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ,");
            Path old = dir.resolve("old-addresses.csv");
            Files.writeString(old, Files.readString(addresses).replaceAll("(T\\d\\d:\\d\\d:\\d\\d)Z", "$1.123456789Z"));
            assertThat(Files.readString(old)).contains(".123456789Z");
            ImportPlan older = CsvImport.preview(target, CsvImport.read(old, Optional.empty()));
            assertThat(older.problems()).isEmpty();
            assertThat(older.rows()).allMatch(r -> r.result() == ImportPlan.Result.UNCHANGED);
        }
    }

    private static String structureCsv(Allocator a) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("kind", "network", "cidr", "name",
                "vlan", "gateway", "description", "start", "end", "range_kind").get())) {
            for (Network n : a.networks()) {
                csv.printRecord("network", n.name(), "", "", "", "", n.description(), "", "", "");
            }
            for (Subnet s : a.subnets()) {
                csv.printRecord("subnet", s.networkName(), s.cidr(), s.name(),
                        s.vlan().isPresent() ? s.vlan().getAsInt() : "", s.gateway().map(Object::toString).orElse(""),
                        s.description(), "", "", "");
            }
            for (Subnet s : a.subnets()) {
                for (AddressRange r : a.ranges(s.id())) {
                    csv.printRecord("range", s.networkName(), s.cidr(), "", "", "", r.description(), r.range().start(),
                            r.range().end(), r.kind().label());
                }
            }
        }
        return out.toString();
    }

    /** Per subnet ("10.0.0.0/24 in dc1 'name'"): its addresses as "ip status hostname mac owner description". */
    private static Map<String, List<String>> content(Allocator a) {
        Map<String, List<String>> content = new TreeMap<>();
        for (Subnet s : a.subnets()) {
            content.put(s.label() + " '" + s.name() + "' " + s.vlan() + " " + s.gateway() + " " + a.ranges(s.id()).stream()
                    .map(r -> r.range() + " " + r.kind()).toList(), a.addresses(s.id()).stream()
                    .map(x -> x.ip() + " " + x.status() + " " + x.details().hostname() + " "
                            + x.details().mac().map(Mac::canonical).orElse("-") + " " + x.details().owner() + " "
                            + x.details().description()).toList());
        }
        return content;
    }
}
