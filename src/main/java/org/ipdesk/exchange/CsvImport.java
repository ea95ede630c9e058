package org.ipdesk.exchange;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.InvalidAddressException;
import org.ipdesk.address.Ip;
import org.ipdesk.address.Mac;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.ImportItem;
import org.ipdesk.allocator.ImportPlan;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.model.TextFields;
import org.ipdesk.report.SpreadsheetText;

/**
 * Reads an import file: detects the delimiter (comma, semicolon, tab or bar) and the layout from the header row,
 * and maps every row to an {@link ImportItem}. A row that cannot be read becomes an {@link ImportItem.Invalid}
 * naming the reason, so the preview lists it with the others. Row numbers count the header as row 1 and every
 * line after it, blank lines included: they are the file's line numbers unless a quoted value spans lines.
 */
public final class CsvImport {
    /** The network of NetBox rows without a VRF and phpIPAM subnets without a section. */
    public static final String GLOBAL = "global";
    private static final char[] DELIMITERS = {',', ';', '\t', '|'};
    /**
     * The most characters a cell may hold: ten times the longest field (a description, 1,000; see
     * {@link org.ipdesk.model.TextFields}), so a value a little over its field's limit gets that field's message,
     * and a runaway cell (megabytes of text) becomes its row's error at once instead of travelling on.
     */
    static final int MAX_CELL = 10_000;
    private static final Pattern VLAN_IN_TEXT = Pattern.compile("\\((?:VID\\s*)?(\\d{1,4})\\)|^\\s*(\\d{1,4})\\b");

    private CsvImport() {
    }

    /**
     * A file whose layout could not be told from its header: the message says so, and the caller adds how its user
     * names one (the command line's {@code --layout}, the window's Layout list).
     */
    public static final class UnknownLayout extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UnknownLayout(String message) {
            super(message);
        }
    }

    /** A read file: its layout, delimiter and items (one per data row). */
    public record ParsedFile(String name, ImportLayout layout, char delimiter, List<ImportItem> items) {
        public ParsedFile {
            items = List.copyOf(items);
        }

        /** The delimiter as a person reads it: "," ";" "tab" "|". */
        public String delimiterName() {
            return delimiter == '\t' ? "tab" : String.valueOf(delimiter);
        }

        /**
         * Why nothing can come of a file without items: "Nothing to import: hosts.csv has no data rows", or for a
         * server's file, that it holds no reservation (or A, AAAA or PTR record) with an address.
         */
        public String nothingToImport() {
            return "Nothing to import: " + name + (layout.csv() ? " has no data rows"
                    : " holds no " + (layout == ImportLayout.BIND ? "A, AAAA or PTR record" : "reservation")
                    + " with an address");
        }
    }

    /**
     * Reads {@code file} (UTF-8, a byte-order mark allowed); {@code layout} empty means detect it: a Kea, dhcpd,
     * dnsmasq or BIND file by its content ({@link ServerFiles}), else a CSV layout by its header. A file that cannot
     * be read is refused (IllegalArgumentException) with a message naming the file and the reason.
     */
    public static ParsedFile read(Path file, Optional<ImportLayout> layout) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("cannot read " + file + ": it is a folder, not a file");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new IllegalArgumentException("cannot read " + file + ": it is not a regular file");
        }
        try {
            // a DHCP or DNS server's file (told by its content, or named with --layout) is read by its own reader
            Optional<ImportLayout> server = layout.isPresent() ? layout.filter(l -> !l.csv())
                    : ServerFiles.detect(file);
            if (server.isPresent()) {
                return ServerFiles.read(file, server.get());
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(cannotRead(file, e), e);
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IllegalArgumentException(file + " is not UTF-8 text; save it as UTF-8 CSV and try again");
        } catch (IOException e) {
            throw new IllegalArgumentException(cannotRead(file, e), e);
        }
        return parse(file.getFileName().toString(), text, layout);
    }

    /**
     * "cannot read FILE: REASON" for a file that could not be read: the reason in words ("permission denied",
     * "there is no such file", "it is a folder, not a file"), or the operating system's, never only the path
     * (which is all the message of Java's {@code AccessDeniedException} holds).
     */
    public static String cannotRead(Path file, IOException e) {
        String reason;
        if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof NoSuchFileException) {
            reason = "there is no such file";
        } else if (e instanceof FileSystemException f) {
            // its message is the path (and the reason when there is one): say only the reason
            reason = f.getReason() == null ? inWords(e)
                    : f.getReason().equalsIgnoreCase("Is a directory") ? "it is a folder, not a file" : f.getReason();
        } else {
            reason = e.getMessage() == null || e.getMessage().isBlank() ? inWords(e) : e.getMessage();
        }
        return "cannot read " + file + ": " + reason;
    }

    /** "FileSystemLoopException" as "file system loop". */
    private static String inWords(IOException e) {
        return e.getClass().getSimpleName().replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(Locale.ROOT)
                .replace(" exception", "");
    }

    /** Reads CSV text; {@code name} is how messages and the change log name it. */
    public static ParsedFile parse(String name, String text, Optional<ImportLayout> layout) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int end = body.indexOf('\n');
        String firstLine = end < 0 ? body : body.substring(0, end);
        if (firstLine.isBlank()) {
            throw new IllegalArgumentException(name + " has no header row on its first line");
        }
        char delimiter = detectDelimiter(firstLine);
        // spaces around a value are ignored, but not other control characters: no setTrim (String.trim would drop
        // a leading ESC or BEL silently; the import's field checks see them instead)
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(body), format)) {
            List<CSVRecord> records = parser.getRecords();
            List<String> header = records.get(0).toList();
            ImportLayout chosen = layout.orElseGet(() -> ImportLayout.detect(header).orElseThrow(() ->
                    new UnknownLayout("the header of " + name + " ("
                            + TextFields.shortened(String.join(", ", header), 200) + ") matches no layout")));
            Columns columns = new Columns(header, chosen == ImportLayout.IPDESK);
            List<ImportItem> items = new ArrayList<>(records.size());
            for (CSVRecord record : records.subList(1, records.size())) {
                int row = (int) record.getRecordNumber();
                if (record.stream().allMatch(String::isBlank)) {
                    continue;
                }
                try {
                    items.add(map(chosen, new Fields(columns, record), row));
                } catch (IllegalArgumentException e) {
                    items.add(new ImportItem.Invalid(row, e.getMessage()));
                }
            }
            return new ParsedFile(name, chosen, delimiter, items);
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException(name + " is not readable CSV: " + e.getMessage(), e);
        }
    }

    /** The preview of a read file against {@code allocator}'s database; nothing is written. */
    public static ImportPlan preview(Allocator allocator, ParsedFile file) {
        return allocator.previewImport(file.name(), file.layout().label(), file.items());
    }

    /**
     * The delimiter of a header line: whichever of comma, semicolon, tab and bar occurs most often outside
     * quotes (a comma when none does).
     */
    public static char detectDelimiter(String headerLine) {
        int[] counts = new int[DELIMITERS.length];
        boolean quoted = false;
        for (char c : headerLine.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                for (int i = 0; i < DELIMITERS.length; i++) {
                    if (c == DELIMITERS[i]) {
                        counts[i]++;
                    }
                }
            }
        }
        int best = 0;
        for (int i = 1; i < DELIMITERS.length; i++) {
            if (counts[i] > counts[best]) {
                best = i;
            }
        }
        return DELIMITERS[best];
    }

    // ================================================================= layouts

    private static ImportItem map(ImportLayout layout, Fields f, int row) {
        return switch (layout) {
            case IPDESK -> ipdesk(f, row);
            case NETBOX_PREFIXES -> netboxPrefix(f, row);
            case NETBOX_ADDRESSES -> netboxAddress(f, row);
            case PHPIPAM -> phpipam(f, row);
            case KEA, DHCPD, DNSMASQ, BIND -> throw new IllegalStateException(layout.label() + " is not a CSV layout");
        };
    }

    private static ImportItem ipdesk(Fields f, int row) {
        String kind = f.get("kind").toLowerCase(Locale.ROOT);
        if (kind.isEmpty()) {
            if (f.get("ip").isEmpty()) {
                throw new IllegalArgumentException("the kind is empty (network, subnet, range or address)");
            }
            kind = "address";
        }
        return switch (kind) {
            case "network" -> new ImportItem.NetworkItem(row, f.get("network", "name"), f.get("description"));
            case "subnet" -> new ImportItem.SubnetItem(row, f.get("network"), new SubnetSpec(
                    cidr(f.require("cidr", "subnet")), f.get("name"), f.get("description"), vlan(f.get("vlan")),
                    optionalIp(f.get("gateway"), "gateway"), staleDays(f.get("stale_days"))));
            case "range" -> new ImportItem.RangeItem(row, f.get("network"), optionalCidr(f.get("cidr", "subnet")),
                    ip(f.require("start"), "start"), ip(f.require("end"), "end"),
                    RangeKind.parse(f.require("range_kind")), f.get("description"));
            case "address" -> new ImportItem.AddressItem(row, f.get("network"), optionalCidr(f.get("cidr", "subnet")),
                    ip(f.require("ip"), "IP"), details(f.get("status").isEmpty() ? AddressStatus.ALLOCATED
                            : AddressStatus.parse(f.get("status")), f.get("hostname"), f.get("mac"), f.get("owner"),
                            f.get("description")));
            default -> throw new IllegalArgumentException("'" + kind + "' is not a kind (network, subnet, range or address)");
        };
    }

    private static ImportItem netboxPrefix(Fields f, int row) {
        Cidr cidr = cidr(f.require("prefix"));
        return new ImportItem.SubnetItem(row, network(f.get("vrf")), new SubnetSpec(cidr, "", f.get("description"),
                looseVlan(f.get("vlan")), Optional.empty()));
    }

    private static ImportItem netboxAddress(Fields f, int row) {
        String address = f.require("address", "ip_address");
        int slash = address.indexOf('/');
        Ip ip = ip(slash < 0 ? address : address.substring(0, slash), "IP");
        if (slash >= 0) {
            cidrOf(ip, address.substring(slash + 1), address);
        }
        String status = f.get("status").toLowerCase(Locale.ROOT);
        AddressStatus mapped = switch (status) {
            case "", "active", "slaac" -> AddressStatus.ALLOCATED;
            case "reserved" -> AddressStatus.RESERVED;
            case "dhcp" -> AddressStatus.DHCP;
            case "deprecated" -> AddressStatus.DEPRECATED;
            default -> throw new IllegalArgumentException("NetBox status '" + f.get("status")
                    + "' has no IPDesk status (active, reserved, dhcp, deprecated or slaac)");
        };
        return new ImportItem.AddressItem(row, network(f.get("vrf")), Optional.empty(), ip,
                details(mapped, f.get("dns_name"), "", f.get("tenant"), f.get("description")));
    }

    private static ImportItem phpipam(Fields f, int row) {
        String ipText = f.get("ip_addr", "ip_address", "ip");
        String subnetText = f.get("subnet");
        Optional<Cidr> subnet = Optional.empty();
        if (!subnetText.isEmpty()) {
            String mask = f.get("mask");
            subnet = Optional.of(subnetText.contains("/") ? cidr(subnetText)
                    : cidrOf(ip(subnetText, "subnet"), mask.isEmpty() ? "" : mask, subnetText + "/" + mask));
        }
        if (ipText.isEmpty()) {
            if (subnet.isEmpty()) {
                throw new IllegalArgumentException("the row has neither an IP address nor a subnet");
            }
            return new ImportItem.SubnetItem(row, network(f.get("section")), new SubnetSpec(subnet.get(),
                    f.get("description"), "", looseVlan(f.get("vlan", "vlanid")), Optional.empty()));
        }
        String state = f.get("state", "ip_state", "tag").toLowerCase(Locale.ROOT);
        AddressStatus status = switch (state) {
            case "", "used", "active", "online", "1" -> AddressStatus.ALLOCATED;
            case "reserved", "2" -> AddressStatus.RESERVED;
            case "dhcp", "3" -> AddressStatus.DHCP;
            case "offline", "0" -> AddressStatus.DEPRECATED;
            default -> throw new IllegalArgumentException("phpIPAM state '" + f.get("state", "ip_state", "tag")
                    + "' has no IPDesk status (used, reserved, dhcp or offline)");
        };
        return new ImportItem.AddressItem(row, f.get("section"), subnet, ip(ipText, "IP"),
                details(status, f.get("hostname", "dns_name"), f.get("mac"), f.get("owner"), f.get("description")));
    }

    // ================================================================= values

    private static String network(String name) {
        return name.isBlank() ? GLOBAL : name;
    }

    private static AddressDetails details(AddressStatus status, String hostname, String mac, String owner,
                                          String description) {
        Optional<Mac> parsed;
        try {
            parsed = mac.isBlank() ? Optional.empty() : Optional.of(Mac.parse(mac));
        } catch (InvalidAddressException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        return new AddressDetails(status, hostname, parsed, owner, description);
    }

    private static Ip ip(String text, String what) {
        try {
            return Ip.parse(text);
        } catch (InvalidAddressException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid IP address"
                    + ("IP".equals(what) ? "" : " (" + what + ")"));
        }
    }

    private static Optional<Ip> optionalIp(String text, String what) {
        return text.isBlank() ? Optional.empty() : Optional.of(ip(text, what));
    }

    private static Cidr cidr(String text) {
        try {
            return Cidr.parse(text);
        } catch (InvalidAddressException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid CIDR: " + e.getMessage());
        }
    }

    private static Optional<Cidr> optionalCidr(String text) {
        return text.isBlank() ? Optional.empty() : Optional.of(cidr(text));
    }

    /** The CIDR of {@code ip} with a prefix length or dotted mask; checks the mask only. */
    private static Cidr cidrOf(Ip ip, String mask, String original) {
        if (mask.isBlank()) {
            throw new IllegalArgumentException("'" + original + "' has no mask");
        }
        int prefix;
        if (mask.matches("\\d{1,3}")) {
            prefix = Integer.parseInt(mask);
        } else {
            try {
                prefix = Cidr.parse("0.0.0.0/" + mask).prefixLength();
            } catch (InvalidAddressException e) {
                throw new IllegalArgumentException("'" + mask + "' is not a valid mask in '" + original + "'");
            }
        }
        if (prefix < 1 || prefix > ip.version().bits()) {
            throw new IllegalArgumentException("'" + original + "' has an invalid prefix length /" + prefix);
        }
        return Cidr.containing(ip, prefix);
    }

    private static OptionalInt vlan(String text) {
        if (text.isBlank()) {
            return OptionalInt.empty();
        }
        try {
            if (!text.strip().matches("[0-9]{1,9}")) {
                throw new NumberFormatException(); // Integer.parseInt reads Unicode digits too
            }
            return OptionalInt.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a VLAN number");
        }
    }

    private static OptionalInt staleDays(String text) {
        if (text.isBlank()) {
            return OptionalInt.empty();
        }
        if (!text.strip().matches("[0-9]{1,9}")) {
            throw new IllegalArgumentException("'" + text + "' is not a number of stale days");
        }
        return OptionalInt.of(Integer.parseInt(text.strip()));
    }

    /** A VLAN from NetBox or phpIPAM text: "100", "100 - servers", "Servers (100)", "Servers (VID 100)"; else none. */
    private static OptionalInt looseVlan(String text) {
        Matcher m = VLAN_IN_TEXT.matcher(text);
        if (m.find()) {
            return OptionalInt.of(Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)));
        }
        return OptionalInt.empty();
    }

    // ================================================================= columns

    /** Column positions by normalised header name. */
    private static final class Columns {
        private final Map<String, Integer> index = new HashMap<>();
        /** IPDesk's own layout: undo the formula guard of its exporter ({@link SpreadsheetText#restore}). */
        private final boolean ownLayout;

        Columns(List<String> header, boolean ownLayout) {
            this.ownLayout = ownLayout;
            for (int i = 0; i < header.size(); i++) {
                index.putIfAbsent(ImportLayout.normalise(header.get(i)), i);
            }
        }

        OptionalInt of(String name) {
            Integer i = index.get(name);
            return i == null ? OptionalInt.empty() : OptionalInt.of(i);
        }
    }

    /** One row's values by column name. */
    private record Fields(Columns columns, CSVRecord record) {
        /**
         * The first non-empty value among the named columns, or "". In IPDesk's own layout a value that starts with
         * ' followed by = + - @ ' tab or carriage return loses that quote: the formula guard IPDesk's exporter added.
         */
        String get(String... names) {
            for (String name : names) {
                OptionalInt i = columns.of(name);
                if (i.isPresent() && i.getAsInt() < record.size()) {
                    String value = record.get(i.getAsInt()).strip();
                    if (columns.ownLayout) {
                        value = SpreadsheetText.restore(value).strip();
                    }
                    if (value.length() > MAX_CELL && value.codePointCount(0, value.length()) > MAX_CELL) {
                        throw new IllegalArgumentException(String.format(Locale.ROOT,
                                "the %s column holds %,d characters; no cell may hold more than %,d", name,
                                value.codePointCount(0, value.length()), MAX_CELL));
                    }
                    if (!value.isEmpty()) {
                        return value;
                    }
                }
            }
            return "";
        }

        String require(String... names) {
            String value = get(names);
            if (value.isEmpty()) {
                throw new IllegalArgumentException("the " + names[0].replace('_', ' ') + " is empty");
            }
            return value;
        }
    }
}
