package org.ipdesk.observe;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
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
 * Reads a neighbour table saved to a file, in any of the forms admins save it in:
 * <ul>
 *   <li>{@code ip neigh show}: {@code 10.0.0.1 dev eth0 lladdr 00:11:22:33:44:55 REACHABLE};</li>
 *   <li>{@code ip -j neigh} (JSON, also pretty-printed with {@code -p}): {@code [{"dst":…,"lladdr":…,"state":[…]}]};</li>
 *   <li>{@code arp -an} (or {@code arp -a}, whose names are kept): {@code ? (10.0.0.1) at 00:11:22:33:44:55 [ether]
 *       on eth0}.</li>
 * </ul>
 * Entries that are INCOMPLETE or FAILED, or have no MAC, say nothing is there and are ignored, as are entries with a
 * group MAC (broadcast, multicast), which are not hosts. The table does not say when it was taken: <b>the time seen
 * is the given time, else the file's modification time</b>.
 */
public final class NeighbourTableReader implements ObservationReader {
    private static final Pattern IP_NEIGH = Pattern.compile("(\\S+)\\s+dev\\s+\\S+(.*)");
    private static final Pattern ARP = Pattern.compile("(\\S+)\\s+\\(([^)]*)\\)\\s+at\\s+(\\S+)(.*)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public SourceKind kind() {
        return SourceKind.NEIGHBOURS;
    }

    @Override
    public ReadSummary read(Path file, Optional<Instant> seenAt, Consumer<Observation> observations,
                            Consumer<Problem> problems) throws IOException {
        Tally tally = new Tally(kind(), file, observations, problems);
        Instant seen = Tally.fileTime(file, seenAt);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            in.mark(1 << 12);
            int first;
            do {
                first = in.read();
            } while (first != -1 && (Character.isWhitespace(first) || first == 0xEF || first == 0xBB
                    || first == 0xBF));
            in.reset();
            return first == '[' || first == '{' ? json(in, seen, tally) : text(in, seen, tally);
        }
    }

    private static ReadSummary text(InputStream in, Instant seen, Tally tally) throws IOException {
        BufferedReader reader = Tally.text(in);
        long number = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            number++;
            String text = line.strip();
            if (number == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1).strip();
            }
            if (text.isEmpty()) {
                continue;
            }
            Matcher neigh = IP_NEIGH.matcher(text);
            Matcher arp = ARP.matcher(text);
            if (neigh.matches()) {
                String[] rest = neigh.group(2).strip().split("\\s+");
                String lladdr = null;
                boolean gone = false;
                for (int i = 0; i < rest.length; i++) {
                    if (rest[i].equals("lladdr") && i + 1 < rest.length) {
                        lladdr = rest[i + 1];
                    }
                    gone |= rest[i].equals("INCOMPLETE") || rest[i].equals("FAILED");
                }
                if (!gone && lladdr != null) {
                    entry(neigh.group(1), lladdr, Optional.empty(), number, seen, tally);
                }
            } else if (arp.matches()) {
                String at = arp.group(3);
                if (!at.startsWith("<") && !at.startsWith("(")) {
                    // "<incomplete>" on Linux, "(incomplete)" on macOS and the BSDs
                    String name = arp.group(1);
                    entry(arp.group(2), at, name.equals("?") ? Optional.empty() : Optional.of(name), number, seen,
                            tally);
                }
            } else {
                tally.problem(number, Tally.quote(text) + " is neither an 'ip neigh' line nor an 'arp -an' line;"
                        + " it is skipped");
            }
        }
        return tally.summary(number);
    }

    private static ReadSummary json(InputStream in, Instant seen, Tally tally) throws IOException {
        long lines = 0;
        try (JsonParser parser = JSON.getFactory().createParser(in)) {
            JsonToken token = parser.nextToken();
            if (token != JsonToken.START_ARRAY) {
                tally.problem(parser.getCurrentLocation().getLineNr(), "'ip -j neigh' writes a list ([…]) of"
                        + " entries; this JSON is not one, so nothing is read");
                return tally.summary(parser.getCurrentLocation().getLineNr());
            }
            while ((token = parser.nextToken()) != null && token != JsonToken.END_ARRAY) {
                long number = parser.getCurrentLocation().getLineNr();
                JsonNode entry = parser.readValueAsTree();
                lines = parser.getCurrentLocation().getLineNr();
                if (entry == null || !entry.isObject()) {
                    tally.problem(number, "an entry of 'ip -j neigh' is an object ({…}), not " + entry
                            + "; it is skipped");
                    continue;
                }
                JsonNode dst = entry.get("dst");
                if (dst == null || !dst.isTextual()) {
                    tally.problem(number, "an entry has no \"dst\" address; it is skipped");
                    continue;
                }
                boolean gone = false;
                for (JsonNode state : entry.path("state")) {
                    String word = state.asText().toUpperCase(Locale.ROOT);
                    gone |= word.equals("INCOMPLETE") || word.equals("FAILED");
                }
                JsonNode lladdr = entry.get("lladdr");
                if (!gone && lladdr != null && lladdr.isTextual()) {
                    entry(dst.asText(), lladdr.asText(), Optional.empty(), number, seen, tally);
                }
            }
            lines = Math.max(lines, parser.getCurrentLocation().getLineNr());
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? lines : e.getLocation().getLineNr();
            tally.problem(line, "the JSON breaks off here (" + e.getOriginalMessage() + "); the entries after it"
                    + " are not read");
            lines = Math.max(lines, line);
        }
        return tally.summary(lines);
    }

    private static void entry(String address, String lladdr, Optional<String> hostname, long number, Instant seen,
                              Tally tally) {
        Ip ip;
        try {
            ip = Ip.parse(address);
        } catch (InvalidAddressException e) {
            tally.problem(number, Tally.quote(address) + " is not an IP address; the entry is skipped");
            return;
        }
        Mac mac;
        try {
            mac = Mac.parse(lladdr);
        } catch (InvalidAddressException notAHost) {
            try {
                Mac.parseNotation(lladdr);
                return; // a broadcast, multicast or all-zero MAC: a group, not a host
            } catch (InvalidAddressException e) {
                tally.problem(number, Tally.quote(lladdr) + " is not a MAC address; the entry is skipped");
                return;
            }
        }
        tally.observe(new Observation(ip, Optional.of(mac), hostname, seen, SourceKind.NEIGHBOURS,
                tally.fileName()));
    }
}
