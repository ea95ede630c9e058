package org.ipdesk.model;

import java.util.Locale;

/** The kinds of file that say what the network really uses. */
public enum SourceKind {
    /** nmap's XML output ({@code nmap -sn -oX FILE}). */
    NMAP("nmap scan"),
    /** ISC dhcpd's {@code dhcpd.leases} (v4 and v6). */
    DHCPD("dhcpd leases"),
    /** Kea's memfile lease CSV (v4 and v6). */
    KEA("Kea leases"),
    /** dnsmasq's {@code dnsmasq.leases}. */
    DNSMASQ("dnsmasq leases"),
    /** {@code ip neigh show}, {@code ip -j neigh} or {@code arp -an} saved to a file. */
    NEIGHBOURS("neighbour table");

    private final String words;

    SourceKind(String words) {
        this.words = words;
    }

    /** How messages name it: "nmap scan", "Kea leases". */
    public String words() {
        return words;
    }

    /** How the command line and the database write it: "nmap", "dhcpd", "kea", "dnsmasq", "neighbours". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SourceKind parse(String text) {
        for (SourceKind kind : values()) {
            if (kind.label().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a kind of file IPDesk reads (nmap, dhcpd, kea,"
                + " dnsmasq or neighbours)");
    }
}
