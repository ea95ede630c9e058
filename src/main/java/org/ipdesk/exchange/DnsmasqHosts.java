package org.ipdesk.exchange;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.ipdesk.address.Ip;
import org.ipdesk.address.Mac;
import org.ipdesk.allocator.ImportItem;
import org.ipdesk.model.AddressStatus;

/**
 * dnsmasq's {@code dhcp-host} entries: the {@code dhcp-host=...} lines of a configuration file (its other options
 * are left alone) or the lines of a {@code --dhcp-hostsfile}. Each entry is
 * {@code [MAC...][,id:CLIENT-ID|*][,set:TAG][,tag:TAG][,IPv4][,[IPv6]][,NAME][,LEASE-TIME][,ignore]}: the IPv4 and
 * bracketed IPv6 addresses become addresses with status reserved, with the first MAC and the name; client ids,
 * tags and lease times are not records and are skipped; an entry with {@code ignore} or without an address holds
 * none. A MAC with wildcards and an IPv6 host part alone ({@code [::5]}, completed by dnsmasq from a range) cannot
 * be recorded and are errors naming their line.
 */
final class DnsmasqHosts {
    private static final Pattern OPTION = Pattern.compile("[a-z][a-z0-9-]*\\s*(=.*)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern MAC = Pattern.compile("(\\d{1,2}-)?([0-9a-f*]{1,2}[:-]){5,19}[0-9a-f*]{1,2}",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LEASE = Pattern.compile("(\\d+[smhdw]?|infinite)", Pattern.CASE_INSENSITIVE);

    private final ServerFiles.Entries entries = new ServerFiles.Entries();

    private DnsmasqHosts() {
    }

    static List<ImportItem> read(ConfigLines lines) throws IOException {
        DnsmasqHosts d = new DnsmasqHosts();
        String line;
        while ((line = lines.next()) != null) {
            if (lines.truncated()) {
                d.entries.problem(lines.number(), ConfigLines.tooLong());
                continue;
            }
            String text = withoutComment(line).strip();
            if (text.isEmpty()) {
                continue;
            }
            if (OPTION.matcher(text).matches()) {
                int eq = text.indexOf('=');
                String option = (eq < 0 ? text : text.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
                if (option.equals("dhcp-host") && eq >= 0) {
                    d.entry(text.substring(eq + 1).strip(), lines.number());
                }
                continue; // another option of the configuration
            }
            d.entry(text, lines.number());
        }
        return d.entries.items();
    }

    /** The line up to a {@code #} that starts it or follows a blank. */
    private static String withoutComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private void entry(String value, int line) {
        Optional<Mac> mac = Optional.empty();
        List<Ip> addresses = new ArrayList<>();
        String name = "";
        for (String raw : value.split(",", -1)) {
            String field = raw.strip();
            String lower = field.toLowerCase(Locale.ROOT);
            if (field.isEmpty() || lower.startsWith("id:") || lower.startsWith("set:") || lower.startsWith("tag:")
                    || lower.startsWith("net:") || LEASE.matcher(field).matches()) {
                continue;
            }
            if (lower.equals("ignore")) {
                return;
            }
            if (field.startsWith("[")) {
                if (!field.endsWith("]")) {
                    entries.problem(line, ServerFiles.quote(field) + " opens [ but does not close it");
                    return;
                }
                String inner = field.substring(1, field.length() - 1).strip();
                Optional<Ip> ip = ServerFiles.ip(inner);
                if (inner.startsWith("::") || inner.contains("/")) {
                    entries.problem(line, ServerFiles.quote(field) + " gives only the host part of an IPv6 address, "
                            + "which dnsmasq completes from its range; IPDesk needs the whole address");
                    return;
                }
                if (ip.isEmpty()) {
                    entries.problem(line, ServerFiles.quote(field) + " is not a valid IPv6 address");
                    return;
                }
                addresses.add(ip.get());
            } else if (MAC.matcher(field).matches()) {
                if (field.contains("*")) {
                    entries.problem(line, "MAC " + ServerFiles.quote(field) + " has wildcards; IPDesk records one MAC "
                            + "per address");
                    return;
                }
                if (mac.isEmpty()) { // dnsmasq allows several MACs; the first is recorded
                    String hex = field.replaceFirst("^\\d{1,2}-(?=([0-9a-fA-F]{2}[:-]){5})", "");
                    try {
                        mac = Optional.of(ServerFiles.mac(hex));
                    } catch (IllegalArgumentException e) {
                        entries.problem(line, "MAC " + ServerFiles.quote(field) + ": " + e.getMessage());
                        return;
                    }
                }
            } else if (field.matches("[0-9.]+")) {
                Optional<Ip> ip = ServerFiles.ip(field);
                if (ip.isEmpty()) {
                    entries.problem(line, ServerFiles.quote(field) + " is not a valid IPv4 address");
                    return;
                }
                addresses.add(ip.get());
            } else if (name.isEmpty()) {
                name = field;
            } else {
                entries.problem(line, "two names, " + ServerFiles.quote(name) + " and " + ServerFiles.quote(field)
                        + "; a dhcp-host entry has one");
                return;
            }
        }
        for (Ip ip : addresses) {
            entries.address(line, ip, AddressStatus.RESERVED, name, mac);
        }
    }
}
