package org.ipdesk.exchange;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.address.Mac;
import org.ipdesk.allocator.ImportItem;
import org.ipdesk.model.AddressStatus;

/**
 * Kea's reservations: a whole configuration ({@code Dhcp4}/{@code Dhcp6} with {@code subnet4}/{@code subnet6}, or
 * global {@code reservations}), or a file of subnet entries written for Kea's {@code <?include?>} (objects separated
 * by commas, or the {@code "subnet4": [...]} member alone). Comments ({@code #}, {@code //}, C-style) are allowed as
 * Kea allows them. Each reservation's {@code ip-address} or {@code ip-addresses} becomes an address with status
 * reserved, its {@code hw-address} and {@code hostname}; one outside the subnet entry it is in is an error.
 * Delegated prefixes are not addresses and are left out. An include line is not followed (an error naming it).
 * The JSON is read as a stream; nesting deeper than {@value #MAX_DEPTH} levels or a string of more than
 * {@value ConfigLines#MAX_LINE} characters stops the read with an error naming the line.
 */
final class KeaReservations {
    static final int MAX_DEPTH = 64;
    private static final Pattern INCLUDE = Pattern.compile("<\\?include\\s*(\"[^\"]*\"|[^\\s?]*)\\s*\\?>\\s*,?");
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_YAML_COMMENTS,
                    JsonReadFeature.ALLOW_TRAILING_COMMA)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(ConfigLines.MAX_LINE).maxNumberLength(100).build())
            .build();

    private final ServerFiles.Entries entries = new ServerFiles.Entries();

    private KeaReservations() {
    }

    static List<ImportItem> read(ConfigLines lines) throws IOException {
        KeaReservations kea = new KeaReservations();
        Source source = new Source(lines, kea.entries);
        try (JsonParser p = JSON.createParser(source)) {
            JsonToken root = p.nextToken();
            if (root == JsonToken.START_ARRAY) {
                kea.array(p);
            } else if (root == JsonToken.START_OBJECT) {
                kea.object(p);
            }
            if (p.nextToken() != null) {
                kea.entries.problem(line(p), "more follows the end of the JSON text; it was not read");
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? lines.number() : e.getLocation().getLineNr();
            kea.entries.problem(Math.max(1, line), "not valid Kea JSON here ("
                    + firstLine(e.getOriginalMessage()) + "); nothing after it was read");
        }
        return kea.entries.items();
    }

    /** The first character that is not blank or in a comment, or 0. */
    static char firstSignificant(String text) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\uFEFF') {
                i++;
            } else if (c == '#' || text.startsWith("//", i)) {
                int end = text.indexOf('\n', i);
                i = end < 0 ? text.length() : end + 1;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? text.length() : end + 2;
            } else {
                return c;
            }
        }
        return 0;
    }

    private void array(JsonParser p) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            value(p, t);
        }
    }

    private void value(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.START_OBJECT) {
            object(p);
        } else if (t == JsonToken.START_ARRAY) {
            array(p);
        }
    }

    /** An object: its reservations are checked against its {@code subnet} when it has one. */
    private void object(JsonParser p) throws IOException {
        Optional<Cidr> subnet = Optional.empty();
        String subnetText = "";
        List<Reservation> reservations = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            if ("subnet".equals(field) && t == JsonToken.VALUE_STRING) {
                subnetText = p.getText();
                try {
                    subnet = Optional.of(Cidr.parse(subnetText.strip()));
                } catch (IllegalArgumentException e) {
                    entries.problem(line(p), "subnet " + ServerFiles.quote(subnetText) + " is not a valid CIDR");
                }
            } else if ("reservations".equals(field) && t == JsonToken.START_ARRAY) {
                while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                    if (t == JsonToken.START_OBJECT) {
                        reservations.add(reservation(p));
                    } else {
                        entries.problem(line(p), "a reservation must be an object; found " + p.getText());
                        p.skipChildren();
                    }
                }
            } else {
                value(p, t);
            }
        }
        for (Reservation r : reservations) {
            add(r, subnet, subnetText);
        }
    }

    private record Reservation(int line, List<String> addresses, String mac, String hostname) {
    }

    private Reservation reservation(JsonParser p) throws IOException {
        int line = line(p);
        List<String> addresses = new ArrayList<>();
        String mac = "";
        String hostname = "";
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "ip-address" -> addresses.add(text(p, t));
                case "ip-addresses" -> {
                    if (t == JsonToken.START_ARRAY) {
                        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                            addresses.add(text(p, t));
                        }
                    } else {
                        addresses.add(text(p, t));
                    }
                }
                case "hw-address" -> mac = text(p, t);
                case "hostname" -> hostname = text(p, t);
                default -> p.skipChildren();
            }
        }
        return new Reservation(line, addresses, mac, hostname);
    }

    private static String text(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            p.skipChildren();
            return "";
        }
        return t == JsonToken.VALUE_NULL ? "" : p.getText();
    }

    private void add(Reservation r, Optional<Cidr> subnet, String subnetText) {
        Optional<Mac> mac = Optional.empty();
        if (!r.mac().isBlank()) {
            try {
                mac = Optional.of(ServerFiles.mac(r.mac()));
            } catch (IllegalArgumentException e) {
                entries.problem(r.line(), "hw-address " + ServerFiles.quote(r.mac()) + ": " + e.getMessage());
                return;
            }
        }
        for (String text : r.addresses()) {
            Optional<Ip> ip = ServerFiles.ip(text);
            if (ip.isEmpty()) {
                entries.problem(r.line(), ServerFiles.quote(text) + " is not a valid IP address");
            } else if (subnet.isPresent() && !subnet.get().contains(ip.get())) {
                entries.problem(r.line(), ip.get() + " is outside its Kea subnet " + subnetText);
            } else {
                entries.address(r.line(), ip.get(), AddressStatus.RESERVED, r.hostname().strip(), mac);
            }
        }
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unreadable";
        }
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }

    /**
     * The file's lines as one stream of characters for the JSON parser, with line numbers kept: a file of subnet
     * entries is wrapped in {@code [ ]} (or {@code { }} when it starts with a member name) on its first and last
     * lines, an include line becomes blank (and an error), and an over-long line blank (and an error).
     */
    private static final class Source extends Reader {
        private final ConfigLines lines;
        private final ServerFiles.Entries entries;
        private String current = "";
        private int at;
        private boolean started;
        private boolean inComment;
        private boolean includeInComment;
        private boolean ended;
        private char close = ']';

        Source(ConfigLines lines, ServerFiles.Entries entries) {
            this.lines = lines;
            this.entries = entries;
        }

        @Override
        public int read(char[] buffer, int off, int len) throws IOException {
            while (at >= current.length()) {
                if (ended) {
                    return -1;
                }
                if (!started) {
                    // comments and blank lines before the JSON pass as they are; [ or { goes just before its first
                    // character, so that the line numbers stay the file's
                    String line = nextLine();
                    if (line == null) {
                        ended = true;
                        current = "";
                        continue;
                    }
                    int first = significant(line);
                    String joiner = lines.number() == 1 ? "" : "\n";
                    if (first < 0) {
                        current = joiner + line;
                    } else {
                        started = true;
                        if (line.charAt(first) == '"') {
                            close = '}';
                        }
                        current = joiner + line.substring(0, first) + (close == '}' ? '{' : '[')
                                + line.substring(first);
                    }
                    this.at = 0;
                    continue;
                }
                String line = nextLine();
                if (line == null) {
                    ended = true;
                    current = "\n" + close;
                } else {
                    current = "\n" + line;
                }
                at = 0;
            }
            int n = Math.min(len, current.length() - at);
            current.getChars(at, at + n, buffer, off);
            at += n;
            return n;
        }

        /**
         * Where the first character outside blanks and comments is in {@code line}, or -1; a C-style comment left
         * open at the end of the line is remembered for the next.
         */
        private int significant(String line) {
            int i = 0;
            while (i < line.length()) {
                if (inComment) {
                    int end = line.indexOf("*/", i);
                    if (end < 0) {
                        return -1;
                    }
                    inComment = false;
                    i = end + 2;
                } else if (Character.isWhitespace(line.charAt(i)) || line.charAt(i) == '\uFEFF') {
                    i++;
                } else if (line.charAt(i) == '#' || line.startsWith("//", i)) {
                    return -1;
                } else if (line.startsWith("/*", i)) {
                    inComment = true;
                    i += 2;
                } else {
                    return i;
                }
            }
            return -1;
        }

        /** The next line, blank when it is too long or an include (each an error); null at the end. */
        private String nextLine() throws IOException {
            String line = lines.next();
            if (line == null) {
                return null;
            }
            if (lines.truncated()) {
                entries.problem(lines.number(), ConfigLines.tooLong());
                return "";
            }
            // an include outside comments and strings is an error and is blanked out; the rest passes as it is
            StringBuilder kept = new StringBuilder(line.length());
            boolean quoted = false;
            int i = 0;
            while (i < line.length()) {
                char c = line.charAt(i);
                if (includeInComment) {
                    int end = line.indexOf("*/", i);
                    int stop = end < 0 ? line.length() : end + 2;
                    kept.append(line, i, stop);
                    includeInComment = end < 0;
                    i = stop;
                } else if (quoted) {
                    kept.append(c);
                    if (c == '\\' && i + 1 < line.length()) {
                        kept.append(line.charAt(++i));
                    } else if (c == '"') {
                        quoted = false;
                    }
                    i++;
                } else if (c == '"') {
                    quoted = true;
                    kept.append(c);
                    i++;
                } else if (c == '#' || line.startsWith("//", i)) {
                    kept.append(line, i, line.length());
                    i = line.length();
                } else if (line.startsWith("/*", i)) {
                    includeInComment = true;
                    kept.append("/*");
                    i += 2;
                } else {
                    Matcher include = INCLUDE.matcher(line).region(i, line.length());
                    if (include.lookingAt()) {
                        entries.problem(lines.number(), "the include of " + include.group(1) + " is not followed: "
                                + "IPDesk reads only the file it is given; import that file on its own");
                        kept.append(" ".repeat(include.end() - i));
                        i = include.end();
                    } else {
                        kept.append(c);
                        i++;
                    }
                }
            }
            return kept.toString();
        }

        @Override
        public void close() {
            // the lines are closed by their owner
        }
    }
}
