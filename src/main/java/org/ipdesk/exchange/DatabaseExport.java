package org.ipdesk.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.DatabaseContents;
import org.ipdesk.model.Address;
import org.ipdesk.model.AddressRange;
import org.ipdesk.model.Network;
import org.ipdesk.model.Subnet;
import org.ipdesk.report.ExportMonitor;
import org.ipdesk.report.SpreadsheetText;

/**
 * The whole database as one CSV file in IPDesk's own import layout ({@code ipdesk export database}, File → Export
 * database…): every network, then every subnet (parents before their children), every range and every held
 * address, each row with its {@code kind}. Importing the file into an empty database gives the same content (the
 * ids, the times of the addresses and the change log are the import's own); importing it into the database it came
 * from finds every row unchanged and writes nothing. Text cells get the formula guard of {@link SpreadsheetText},
 * which IPDesk's import removes again. The file is read in one transaction, so it is one moment of the database.
 */
public final class DatabaseExport {
    /** The columns, in this order. */
    public static final List<String> HEADERS = List.of("kind", "network", "cidr", "name", "vlan", "gateway",
            "description", "start", "end", "range_kind", "ip", "status", "hostname", "mac", "owner", "stale_days");

    private DatabaseExport() {
    }

    /** How many rows of each kind were written. */
    public record Counts(int networks, int subnets, int ranges, long addresses) {
        /** All data rows (the header not counted). */
        public long rows() {
            return networks + subnets + ranges + addresses;
        }

        /** "3 networks, 23 subnets, 5 ranges and 2,362 addresses". */
        public String describe() {
            return String.format("%,d %s, %,d %s, %,d %s and %,d %s", networks, networks == 1 ? "network" : "networks",
                    subnets, subnets == 1 ? "subnet" : "subnets", ranges, ranges == 1 ? "range" : "ranges",
                    addresses, addresses == 1 ? "address" : "addresses");
        }
    }

    /**
     * Writes the database of {@code allocator} to {@code out} (UTF-8, comma, CRLF line ends, one header line).
     * {@code monitor} hears the rows written and may cancel (CancellationException).
     */
    public static Counts write(Allocator allocator, OutputStream out, ExportMonitor monitor) throws IOException {
        try {
            return allocator.readEverything(contents -> {
                try {
                    return write(contents, out, monitor);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Counts write(DatabaseContents db, OutputStream out, ExportMonitor monitor) throws IOException {
        CSVPrinter csv = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get()
                .print(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        csv.printRecord(HEADERS);
        List<Network> networks = db.networks();
        List<Subnet> subnets = db.subnets();
        List<List<AddressRange>> ranges = new ArrayList<>(subnets.size());
        for (Subnet s : subnets) {
            ranges.add(db.ranges(s));
        }
        int rangeCount = ranges.stream().mapToInt(List::size).sum();
        long total = networks.size() + subnets.size() + rangeCount + db.addressCount();
        long done = 0;
        for (Network n : networks) {
            csv.printRecord(row("network", n.name(), "description", n.description()));
            monitor.step(++done, total);
        }
        for (Subnet s : subnets) {
            csv.printRecord(row("subnet", s.networkName(), "cidr", s.cidr().toString(), "name", s.name(),
                    "vlan", s.vlan().isPresent() ? Integer.toString(s.vlan().getAsInt()) : "",
                    "gateway", s.gateway().map(Object::toString).orElse(""), "description", s.description(),
                    "stale_days", s.staleDays().isPresent() ? Integer.toString(s.staleDays().getAsInt()) : ""));
            monitor.step(++done, total);
        }
        for (int i = 0; i < subnets.size(); i++) {
            Subnet s = subnets.get(i);
            for (AddressRange r : ranges.get(i)) {
                csv.printRecord(row("range", s.networkName(), "cidr", s.cidr().toString(),
                        "description", r.description(), "start", r.range().start().toString(),
                        "end", r.range().end().toString(), "range_kind", r.kind().label()));
                monitor.step(++done, total);
            }
        }
        long addresses = 0;
        for (Subnet s : subnets) {
            for (Address a : db.addresses(s)) {
                csv.printRecord(row("address", s.networkName(), "cidr", s.cidr().toString(),
                        "description", a.details().description(), "ip", a.ip().toString(), "status",
                        a.status().label(), "hostname", a.details().hostname(),
                        "mac", a.details().mac().map(Object::toString).orElse(""), "owner", a.details().owner()));
                addresses++;
                monitor.step(++done, total);
            }
        }
        csv.flush();
        return new Counts(networks.size(), subnets.size(), rangeCount, addresses);
    }

    /** A row of {@link #HEADERS}: the kind, the network, then column-value pairs; every cell guarded. */
    private static List<String> row(String kind, String network, String... pairs) {
        String[] cells = new String[HEADERS.size()];
        Arrays.fill(cells, "");
        cells[0] = kind;
        cells[1] = SpreadsheetText.neutralise(network);
        for (int i = 0; i < pairs.length; i += 2) {
            int column = HEADERS.indexOf(pairs[i]);
            if (column < 0) {
                throw new IllegalStateException("no column " + pairs[i]);
            }
            cells[column] = SpreadsheetText.neutralise(pairs[i + 1]);
        }
        return Arrays.asList(cells);
    }
}
