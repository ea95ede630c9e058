package org.ipdesk.exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.ipdesk.address.InvalidAddressException;
import org.ipdesk.address.Ip;
import org.ipdesk.address.Mac;
import org.ipdesk.allocator.ImportItem;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressStatus;

/**
 * DHCP and DNS servers' files as import files: tells Kea, ISC dhcpd, dnsmasq and BIND files apart by their content
 * and reads each into address items ({@link ImportItem.AddressItem} marked as a reservation, or
 * {@link ImportItem.Invalid} naming the line's problem). Every reader streams the file line by line, names the line
 * of every problem and goes on after it; nothing a file names (Kea's and dhcpd's include, BIND's $INCLUDE) is ever
 * opened.
 */
public final class ServerFiles {
    /** How much of a file's start is looked at to tell its layout. */
    static final int SNIFF = 65_536;

    private static final Pattern BIND = Pattern.compile("(?m)^\\$(ORIGIN|TTL|INCLUDE|GENERATE)\\s"
            + "|(?m)^[^\\s;#,=\"{}]*\\s+(\\d+[smhdwSMHDW]?\\s+)?IN\\s+(SOA|NS|A|AAAA|PTR|CNAME|MX|TXT)\\s");
    private static final Pattern DHCPD = Pattern.compile(
            "(?m)^\\s*host\\s+\\S+\\s*\\{|(?m)^\\s*(fixed-address6?|hardware\\s+ethernet)\\s");
    private static final Pattern DNSMASQ = Pattern.compile(
            "(?im)^\\s*dhcp-host\\s*=|^\\s*((\\d+-)?([0-9a-f*]{1,2}[:-]){5}[0-9a-f*]{1,2}|id:[^,]*|set:[^,]*|tag:[^,]*),");
    private static final Pattern KEA = Pattern.compile(
            "\"(Dhcp4|Dhcp6|subnet4|subnet6|subnet|pools|reservations|hw-address)\"");

    private ServerFiles() {
    }

    /**
     * The server layout of {@code file} told from its first {@value #SNIFF} characters, or empty when it is none of
     * them (a CSV file, then). A file whose first line is a CSV layout's header is CSV, whose reader names each row
     * with a control character; any other binary file is refused here, naming the line of its first NUL byte.
     */
    static Optional<ImportLayout> detect(Path file) throws IOException {
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(SNIFF);
        }
        if (csvHeader(new String(start, StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        for (int i = 0, line = 1; i < start.length; i++) {
            if (start[i] == '\n') {
                line++;
            } else if (start[i] == 0) {
                throw new IllegalArgumentException(file.getFileName() + " is not a text file: line " + line
                        + " holds a NUL byte (a binary file?)");
            }
        }
        return detect(new String(start, StandardCharsets.UTF_8));
    }

    /** Whether the first line of {@code text} is the header of one of the CSV layouts. */
    private static boolean csvHeader(String text) {
        String start = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int end = start.indexOf('\n');
        String firstLine = (end < 0 ? start : start.substring(0, end)).strip();
        char delimiter = CsvImport.detectDelimiter(firstLine);
        return ImportLayout.detect(List.of(firstLine.replace("\"", "").split(Pattern.quote(String.valueOf(delimiter)))))
                .isPresent();
    }

    /** The server layout of a file that starts with {@code text}, or empty. */
    static Optional<ImportLayout> detect(String text) {
        String start = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (csvHeader(start)) {
            return Optional.empty(); // the header of a CSV layout: what follows is CSV, whatever it holds
        }
        char first = KeaReservations.firstSignificant(start);
        if ((first == '{' || first == '[' || first == '"') && KEA.matcher(start).find()) {
            return Optional.of(ImportLayout.KEA);
        }
        if (DHCPD.matcher(start).find()) {
            return Optional.of(ImportLayout.DHCPD);
        }
        if (BIND.matcher(start).find()) {
            return Optional.of(ImportLayout.BIND);
        }
        if (DNSMASQ.matcher(start).find()) {
            return Optional.of(ImportLayout.DNSMASQ);
        }
        return Optional.empty();
    }

    /** Reads {@code file} in the server layout {@code layout}. */
    static CsvImport.ParsedFile read(Path file, ImportLayout layout) throws IOException {
        String name = file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file)) {
            return new CsvImport.ParsedFile(name, layout, '\n', items(name, in, layout));
        }
    }

    /** Reads a server file's text; {@code layout} empty means detect it. For tests and pasted text. */
    public static CsvImport.ParsedFile parse(String name, String text, Optional<ImportLayout> layout) {
        ImportLayout chosen = layout.or(() -> detect(text)).orElseThrow(() -> new IllegalArgumentException(
                name + " is no Kea, dhcpd, dnsmasq or BIND file; give its layout with --layout"));
        try {
            return new CsvImport.ParsedFile(name, chosen, '\n',
                    items(name, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), chosen));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ImportItem> items(String name, InputStream in, ImportLayout layout) throws IOException {
        try (ConfigLines lines = ConfigLines.of(name, in)) {
            return switch (layout) {
                case KEA -> KeaReservations.read(lines);
                case DHCPD -> DhcpdHosts.read(lines);
                case DNSMASQ -> DnsmasqHosts.read(lines);
                case BIND -> BindZone.read(lines);
                default -> throw new IllegalArgumentException(layout.label() + " is not a server layout");
            };
        }
    }

    // ================================================================= shared by the readers

    /** The entries of one file as they are read, in line order. */
    static final class Entries {
        private final List<ImportItem> items = new ArrayList<>();

        /** A problem on {@code line}; the reader goes on. */
        void problem(int line, String reason) {
            items.add(new ImportItem.Invalid(line, reason));
        }

        /** An address held by a reservation or record on {@code line}; {@code mac} may be empty. */
        void address(int line, Ip ip, AddressStatus status, String hostname, Optional<Mac> mac) {
            items.add(new ImportItem.AddressItem(line, "", Optional.empty(), ip,
                    new AddressDetails(status, hostname, mac, "", ""), true));
        }

        List<ImportItem> items() {
            return List.copyOf(items);
        }
    }

    /** The address in {@code text}, or empty (the caller says what was expected). */
    static Optional<Ip> ip(String text) {
        try {
            return Optional.of(Ip.parse(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The MAC in {@code text}, also with one-digit octets as dhcpd and dnsmasq accept them ({@code 0:c:29:a:b:c});
     * throws IllegalArgumentException with the reason.
     */
    static Mac mac(String text) {
        String mac = text.strip();
        if (mac.matches("([0-9A-Fa-f]{1,2}:){5}[0-9A-Fa-f]{1,2}")) {
            StringBuilder padded = new StringBuilder();
            for (String octet : mac.split(":")) {
                padded.append(padded.length() == 0 ? "" : ":").append(octet.length() == 1 ? "0" : "").append(octet);
            }
            mac = padded.toString();
        }
        try {
            return Mac.parse(mac);
        } catch (InvalidAddressException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /** Text quoted for a message, cut at 80 characters. */
    static String quote(String text) {
        return "'" + (text.length() > 80 ? text.substring(0, 77) + "..." : text) + "'";
    }
}
