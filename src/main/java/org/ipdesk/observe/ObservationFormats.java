package org.ipdesk.observe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.ipdesk.address.InvalidAddressException;
import org.ipdesk.address.Ip;
import org.ipdesk.model.Observation;
import org.ipdesk.model.SourceKind;

/**
 * The kinds of file IPDesk reads, told apart by what they start with ({@code --format auto}), and the reader for
 * each. Detection looks at the first lines only (at most {@value #SNIFF_LINES} non-blank ones), never the whole file.
 */
public final class ObservationFormats {
    private static final int SNIFF_LINES = 20;
    private static final Pattern DHCPD = Pattern.compile(
            "(lease|ia-na|ia-ta|ia-pd|server-duid|authoring-byte-order|failover|host|class|subclass)\\s.*");
    private static final Pattern DNSMASQ = Pattern.compile("\\d+\\s+\\S+\\s+(\\S+)\\s+\\S+(\\s+\\S+)?");
    private static final Pattern IP_NEIGH = Pattern.compile("\\S+\\s+dev\\s+\\S+.*");
    private static final Pattern ARP = Pattern.compile("\\S+\\s+\\([^)]*\\)\\s+at\\s+.*");

    private ObservationFormats() {
    }

    /** The reader for one kind of file. */
    public static ObservationReader reader(SourceKind kind) {
        return switch (kind) {
            case NMAP -> new NmapXmlReader();
            case DHCPD -> new DhcpdLeasesReader();
            case KEA -> new KeaCsvReader();
            case DNSMASQ -> new DnsmasqLeasesReader();
            case NEIGHBOURS -> new NeighbourTableReader();
        };
    }

    /**
     * Reads a file of the given kind, or of the kind its content shows when {@code format} is empty.
     *
     * @throws UnknownFormatException when no kind is given and the content fits none
     */
    public static ReadSummary read(Path file, Optional<SourceKind> format, Optional<Instant> seenAt,
                                   Consumer<Observation> observations, Consumer<Problem> problems)
            throws IOException {
        SourceKind kind = format.isPresent() ? format.get() : detect(file);
        return reader(kind).read(file, seenAt, observations, problems);
    }

    /**
     * Tells what kind of file this is by its first non-blank lines: {@code <?xml} or {@code <nmaprun} (nmap),
     * {@code lease}/{@code ia-na}/{@code server-duid} (dhcpd, after its # comments), a header starting
     * {@code address,} (Kea), {@code EXPIRY MAC ADDRESS …} lines or {@code duid} (dnsmasq), {@code ADDRESS dev …},
     * {@code ? (ADDRESS) at …} or JSON (neighbour tables).
     *
     * @throws UnknownFormatException when nothing fits, with a message saying how to name the kind
     */
    public static SourceKind detect(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); BufferedReader text = Tally.text(in)) {
            String line;
            int seen = 0;
            boolean anything = false;
            boolean comments = false;
            while (seen < SNIFF_LINES && (line = text.readLine()) != null) {
                String t = line.replace("\uFEFF", "").strip();
                if (t.isEmpty()) {
                    continue;
                }
                anything = true;
                seen++;
                if (t.startsWith("#")) {
                    comments = true;
                    continue; // dhcpd's header comment; no other format starts with one
                }
                Optional<SourceKind> kind = kindOf(t);
                if (kind.isPresent()) {
                    return kind.get();
                }
                comments = false;
                break;
            }
            if (comments && text.readLine() == null) {
                return SourceKind.DHCPD; // a lease file dhcpd has just started: its header comment and nothing else
            }
            throw new UnknownFormatException(file, !anything);
        }
    }

    private static Optional<SourceKind> kindOf(String line) {
        if (line.startsWith("<?xml") || line.startsWith("<nmaprun") || line.startsWith("<!DOCTYPE nmaprun")) {
            return Optional.of(SourceKind.NMAP);
        }
        if (line.startsWith("[") || line.startsWith("{")) {
            return Optional.of(SourceKind.NEIGHBOURS);
        }
        if (line.startsWith("address,")) {
            return Optional.of(SourceKind.KEA);
        }
        if (DHCPD.matcher(line).matches()) {
            return Optional.of(SourceKind.DHCPD);
        }
        if (line.startsWith("duid ")) {
            return Optional.of(SourceKind.DNSMASQ);
        }
        var dnsmasq = DNSMASQ.matcher(line);
        if (dnsmasq.matches() && isIp(dnsmasq.group(1))) {
            return Optional.of(SourceKind.DNSMASQ);
        }
        if ((IP_NEIGH.matcher(line).matches() && isIp(line.split("\\s+")[0])) || ARP.matcher(line).matches()) {
            return Optional.of(SourceKind.NEIGHBOURS);
        }
        return Optional.empty();
    }

    private static boolean isIp(String text) {
        try {
            Ip.parse(text);
            return true;
        } catch (InvalidAddressException e) {
            return false;
        }
    }
}
