package org.ipdesk.observe;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ipdesk.address.InvalidAddressException;
import org.ipdesk.address.Ip;
import org.ipdesk.address.Mac;
import org.ipdesk.model.Observation;
import org.ipdesk.model.SourceKind;

/**
 * Reads Kea's memfile lease file ({@code /var/lib/kea/kea-leases4.csv}, {@code kea-leases6.csv}) line by line.
 * Columns are found by their header names, so every Kea version's file reads the same: the oldest without
 * {@code state} or {@code user_context}, Kea 3's with {@code pool_id}. Kea writes a comma inside a value as
 * {@code &#x2c}; such escapes are decoded.
 *
 * <p>A row with {@code state} 0 (or no state column) is an address in use; any other state (declined, expired,
 * released) is not, and a {@code valid_lifetime} of 0 is Kea's record that the lease was deleted. Kea appends a row
 * each time a lease changes, so <b>the last row for an address wins</b>; that needs one entry per distinct address,
 * and the observations are handed on when the file has been read. In v6 files, delegated prefixes
 * ({@code lease_type} 2) are not addresses and are skipped without a word. The time seen is
 * {@code expire - valid_lifetime}: when the lease was last granted or renewed. A host name's trailing dot (Kea keeps
 * the client's FQDN as sent, {@code ws-10.example.lan.}) is dropped.
 */
public final class KeaCsvReader implements ObservationReader {
    private static final Pattern ESCAPE = Pattern.compile("&#x([0-9a-fA-F]{2})");
    /** Kea's lease type for a delegated prefix (IA_PD). */
    private static final String PREFIX_DELEGATION = "2";

    @Override
    public SourceKind kind() {
        return SourceKind.KEA;
    }

    @Override
    public ReadSummary read(Path file, Optional<Instant> seenAt, Consumer<Observation> observations,
                            Consumer<Problem> problems) throws IOException {
        Tally tally = new Tally(kind(), file, observations, problems);
        Map<Ip, Observation> inUse = new LinkedHashMap<>();
        long number = 0;
        try (BufferedReader in = Tally.text(file)) {
            Header header = null;
            String line;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                if (line.startsWith("address,")) {
                    header = new Header(line.strip());
                    continue;
                }
                if (header == null) {
                    tally.problem(number, "a Kea lease file starts with its header line ('address,hwaddr,…' or"
                            + " 'address,duid,…'); this line comes before any header and is skipped");
                    continue;
                }
                row(header, line, number, tally, inUse);
            }
        }
        inUse.values().forEach(tally::observe);
        return tally.summary(number);
    }

    private static void row(Header header, String line, long number, Tally tally, Map<Ip, Observation> inUse) {
        String[] values = line.split(",", -1);
        if (values.length != header.size()) {
            tally.problem(number, "has " + values.length + " values where the header names " + header.size()
                    + " columns; the row is skipped");
            return;
        }
        String address = header.value(values, "address");
        Ip ip;
        try {
            ip = Ip.parse(address);
        } catch (InvalidAddressException e) {
            tally.problem(number, Tally.quote(address) + " is not an IP address; the row is skipped");
            return;
        }
        if (ip.isV4() == header.v6) {
            tally.problem(number, Tally.quote(address) + " is not an " + (header.v6 ? "IPv6" : "IPv4") + " address"
                    + " as this " + (header.v6 ? "v6" : "v4") + " lease file's header says; the row is skipped");
            return;
        }
        if (PREFIX_DELEGATION.equals(header.value(values, "lease_type"))) {
            return;
        }
        long validLifetime;
        long expire;
        int state;
        try {
            validLifetime = number(header, values, "valid_lifetime", 1);
            expire = number(header, values, "expire", 0);
            state = (int) number(header, values, "state", 0);
        } catch (NumberFormatException e) {
            tally.problem(number, e.getMessage() + "; the row is skipped");
            return;
        }
        if (validLifetime == 0 || state != 0) {
            inUse.remove(ip);
            return;
        }
        Optional<Mac> mac = Optional.empty();
        String hwaddr = header.value(values, "hwaddr");
        if (!hwaddr.isBlank()) {
            try {
                mac = Optional.of(Mac.parse(hwaddr));
            } catch (InvalidAddressException e) {
                tally.problem(number, "hwaddr " + Tally.quote(hwaddr) + ": " + e.getMessage()
                        + "; the lease is kept without a MAC");
            }
        }
        String name = header.value(values, "hostname").strip();
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        Optional<String> hostname = name.isEmpty() ? Optional.empty() : Optional.of(name);
        Instant seen;
        try {
            seen = Instant.ofEpochSecond(expire - validLifetime);
        } catch (DateTimeException e) {
            tally.problem(number, "expire " + expire + " is not a time; the row is skipped");
            return;
        }
        inUse.remove(ip);
        inUse.put(ip, new Observation(ip, mac, hostname, seen, SourceKind.KEA, tally.fileName()));
    }

    private static long number(Header header, String[] values, String column, long absent) {
        if (!header.has(column)) {
            return absent;
        }
        String text = header.value(values, column).strip();
        if (text.isEmpty()) {
            return absent;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new NumberFormatException(column + " " + Tally.quote(text) + " is not a number");
        }
    }

    /** Decodes Kea's escapes: "&#x2c" is a comma. */
    static String unescape(String text) {
        if (text.indexOf("&#x") < 0) {
            return text;
        }
        Matcher escape = ESCAPE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (escape.find()) {
            escape.appendReplacement(out, Matcher.quoteReplacement(
                    String.valueOf((char) Integer.parseInt(escape.group(1), 16))));
        }
        escape.appendTail(out);
        return out.toString();
    }

    /** The header line: where each column is, and whether it is a v6 file (it has a duid column). */
    private static final class Header {
        private final Map<String, Integer> columns = new HashMap<>();
        private final boolean v6;
        private final int count;

        Header(String line) {
            String[] names = line.split(",", -1);
            count = names.length;
            for (int i = 0; i < names.length; i++) {
                columns.putIfAbsent(names[i].strip(), i);
            }
            v6 = columns.containsKey("duid");
        }

        int size() {
            return count;
        }

        boolean has(String column) {
            return columns.containsKey(column);
        }

        String value(String[] values, String column) {
            Integer at = columns.get(column);
            return at == null ? "" : unescape(values[at]);
        }
    }
}
