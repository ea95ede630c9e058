package org.ipdesk.service;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The servers IPDesk writes configuration for. {@link #label()} is the name the command line and the window use
 * ({@code ipdesk export kea ...}).
 */
public enum ServiceTarget {
    /** Kea DHCPv4 and DHCPv6: two JSON files of subnet4 and subnet6 entries, pulled in with {@code <?include?>}. */
    KEA("kea"),
    /** ISC dhcpd: two files (IPv4 for {@code dhcpd}, IPv6 for {@code dhcpd -6}), pulled in with {@code include}. */
    DHCPD("dhcpd"),
    /** dnsmasq: a {@code --dhcp-hostsfile} and a configuration file of {@code host-record} and range lines. */
    DNSMASQ("dnsmasq"),
    /** BIND zone files (forward and reverse zones). */
    BIND("bind"),
    /** {@code /etc/hosts} lines: one file. */
    HOSTS("hosts");

    private final String label;

    ServiceTarget(String label) {
        this.label = label;
    }

    /** "kea", "dhcpd", "dnsmasq", "bind", "hosts". */
    public String label() {
        return label;
    }

    /**
     * True when the target writes several files, so that its output path is a folder (Kea, dhcpd and dnsmasq:
     * two files each; BIND: one per zone); false when it writes one file (hosts).
     */
    public boolean writesFolder() {
        return this != HOSTS;
    }

    /** The target of a label, any case; refuses anything else with a message listing the targets. */
    public static ServiceTarget parse(String text) {
        String given = text == null ? "" : text.strip();
        for (ServiceTarget target : values()) {
            if (target.label.equals(given.toLowerCase(Locale.ROOT))) {
                return target;
            }
        }
        String all = Arrays.stream(values()).map(ServiceTarget::label).collect(Collectors.joining(", "));
        throw new IllegalArgumentException((given.isEmpty() ? "no server given" : "'" + printable(given)
                + "' is not a server IPDesk writes configuration for") + " (" + all + ")");
    }

    /** The text with control characters shown as \\uXXXX, so a message stays one printable line. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(100).forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return text.codePointCount(0, text.length()) > 100 ? out + "..." : out.toString();
    }
}
