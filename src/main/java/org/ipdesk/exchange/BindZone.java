package org.ipdesk.exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.ImportItem;
import org.ipdesk.model.AddressStatus;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.TTL;
import org.xbill.DNS.TextParseException;

/**
 * A BIND zone file's A, AAAA and PTR records as addresses with status allocated. A and AAAA name the host by the
 * owner relative to the zone (its SOA owner, else the first {@code $ORIGIN}; the full name when outside it); PTR
 * gives the address from its reverse name (in-addr.arpa, RFC 2317 classless names such as
 * {@code 5.0/26.2.0.192.in-addr.arpa}, nibble ip6.arpa) and the host from its target. Other records (SOA, NS, MX,
 * CNAME, TXT, ...) are not addresses and are left out. {@code $ORIGIN} and {@code $TTL} are followed;
 * {@code $INCLUDE} is never followed (an error naming its line: the file it names is not opened), nor
 * {@code $GENERATE}. The file is split into records line by line (parentheses, quotes and comments as BIND reads
 * them) and each record is parsed by dnsjava's master-file parser on its own, so a bad record is an error naming its
 * line and the records after it are still read.
 */
final class BindZone {
    private final ServerFiles.Entries entries = new ServerFiles.Entries();
    private Name origin = Name.root;
    private Name zone;
    private long ttl = 86_400;
    private Name lastOwner;

    private BindZone() {
    }

    static List<ImportItem> read(ConfigLines lines) throws IOException {
        BindZone z = new BindZone();
        StringBuilder record = new StringBuilder();
        int recordLine = 0;
        boolean inParens = false;
        String line;
        while ((line = lines.next()) != null) {
            if (lines.truncated()) {
                z.entries.problem(lines.number(), ConfigLines.tooLong());
                continue;
            }
            if (!inParens) {
                record.setLength(0);
                recordLine = lines.number();
            }
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '\\' && i + 1 < line.length()) {
                    record.append(c).append(line.charAt(++i));
                } else if (c == '"') {
                    quoted = !quoted;
                    record.append(c);
                } else if (quoted) {
                    record.append(c);
                } else if (c == ';') {
                    break;
                } else if (c == '(') {
                    if (inParens) {
                        z.entries.problem(lines.number(), "a ( inside parentheses opened on line " + recordLine);
                    }
                    inParens = true;
                    record.append(' ');
                } else if (c == ')') {
                    if (!inParens) {
                        z.entries.problem(lines.number(), "this ) closes no (");
                    }
                    inParens = false;
                    record.append(' ');
                } else {
                    record.append(c);
                }
            }
            if (quoted) {
                z.entries.problem(lines.number(), "a quoted string is not closed on its line");
                inParens = false;
                continue;
            }
            if (inParens) {
                record.append(' ');
            } else if (!record.toString().isBlank()) {
                z.record(record.toString(), recordLine);
            }
        }
        if (inParens) {
            z.entries.problem(recordLine, "the ( opened here is not closed by the end of the file");
        }
        return z.entries.items();
    }

    private void record(String text, int line) {
        String[] words = text.strip().split("\\s+");
        String first = words[0].toUpperCase(Locale.ROOT);
        if (first.startsWith("$")) {
            directive(first, words, line);
            return;
        }
        String full = text;
        if (Character.isWhitespace(text.charAt(0))) {
            if (lastOwner == null) {
                entries.problem(line, "the record has no owner name and none comes before it");
                return;
            }
            full = lastOwner + " " + text.strip();
        }
        Record r;
        try (Master master = new Master(new ByteArrayInputStream(full.getBytes(StandardCharsets.UTF_8)), origin,
                ttl)) {
            master.disableIncludes(true);
            master.expandGenerate(false);
            r = master.nextRecord();
        } catch (IOException | RuntimeException e) {
            entries.problem(line, "not a record BIND reads: " + message(e));
            return;
        }
        if (r == null) {
            return;
        }
        lastOwner = r.getName();
        if (r instanceof SOARecord && zone == null) {
            zone = r.getName();
        }
        if (r instanceof ARecord a) {
            address(line, a.getAddress(), r.getName());
        } else if (r instanceof AAAARecord a) {
            address(line, a.getAddress(), r.getName());
        } else if (r instanceof PTRRecord p) {
            Optional<Ip> ip = reverse(p.getName());
            if (ip.isEmpty()) {
                entries.problem(line, "the PTR record's name " + p.getName()
                        + " is not the reverse name of one address (in-addr.arpa or ip6.arpa)");
            } else {
                entries.address(line, ip.get(), AddressStatus.ALLOCATED, p.getTarget().toString(true), Optional.empty());
            }
        }
    }

    private void directive(String first, String[] words, int line) {
        switch (first) {
            case "$ORIGIN" -> {
                try {
                    origin = Name.fromString(words.length > 1 ? words[1] : "", origin);
                    if (zone == null) {
                        zone = origin;
                    }
                } catch (TextParseException e) {
                    entries.problem(line, "$ORIGIN " + (words.length > 1 ? ServerFiles.quote(words[1]) : "without a name")
                            + " is not a domain name");
                }
            }
            case "$TTL" -> {
                try {
                    ttl = TTL.parseTTL(words.length > 1 ? words[1] : "");
                } catch (NumberFormatException e) {
                    entries.problem(line, "$TTL " + (words.length > 1 ? ServerFiles.quote(words[1]) : "without a value")
                            + " is not a TTL");
                }
            }
            case "$INCLUDE" -> entries.problem(line, "$INCLUDE "
                    + (words.length > 1 ? ServerFiles.quote(words[1]) + " " : "") + "is not followed: IPDesk reads only "
                    + "the zone file it is given and never opens the files it names; import that file on its own");
            case "$GENERATE" -> entries.problem(line, "$GENERATE is not read; write out the records it makes");
            default -> entries.problem(line, ServerFiles.quote(words[0]) + " is not a zone file directive "
                    + "($ORIGIN, $TTL, $INCLUDE, $GENERATE)");
        }
    }

    private void address(int line, InetAddress address, Name owner) {
        Optional<Ip> ip = ServerFiles.ip(address.getHostAddress());
        if (ip.isEmpty()) {
            entries.problem(line, address.getHostAddress() + " is not an address IPDesk records");
            return;
        }
        Name apex = zone == null ? origin : zone;
        String host = owner.subdomain(apex) && !owner.equals(apex) && !apex.equals(Name.root)
                ? owner.relativize(apex).toString(true) : owner.toString(true);
        entries.address(line, ip.get(), AddressStatus.ALLOCATED, host.equals(".") ? "" : host, Optional.empty());
    }

    /** The address whose reverse name this is; RFC 2317 names have one extra label ("0/26" or "0-63"). */
    static Optional<Ip> reverse(Name name) {
        String text = name.toString(true).toLowerCase(Locale.ROOT);
        if (text.endsWith(".in-addr.arpa")) {
            String[] labels = text.substring(0, text.length() - ".in-addr.arpa".length()).split("\\.");
            if (labels.length == 5 && labels[1].matches("\\d+[/-]\\d+")) {
                labels = new String[] {labels[0], labels[2], labels[3], labels[4]};
            }
            if (labels.length != 4) {
                return Optional.empty();
            }
            for (String l : labels) {
                if (!l.matches("\\d{1,3}")) {
                    return Optional.empty();
                }
            }
            return ServerFiles.ip(labels[3] + "." + labels[2] + "." + labels[1] + "." + labels[0]);
        }
        if (text.endsWith(".ip6.arpa")) {
            String[] labels = text.substring(0, text.length() - ".ip6.arpa".length()).split("\\.");
            if (labels.length != 32) {
                return Optional.empty();
            }
            StringBuilder hex = new StringBuilder();
            for (int i = 31; i >= 0; i--) {
                if (!labels[i].matches("[0-9a-f]")) {
                    return Optional.empty();
                }
                hex.append(labels[i]);
                if (i % 4 == 0 && i > 0) {
                    hex.append(':');
                }
            }
            return ServerFiles.ip(hex.toString());
        }
        return Optional.empty();
    }

    private static String message(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // dnsjava names the line of its one-record input ("<stdin>:1: ..."): the file's line is named by the row
        return m.replaceFirst("^[^:]*:\\s*\\d+:\\s*", "");
    }
}
