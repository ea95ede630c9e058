package org.ipdesk.exchange;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The file layouts IPDesk imports: CSV layouts, told apart by their header row (see docs/import.md for every column),
 * and DHCP and DNS servers' files of reservations and records, told apart by their content ({@link ServerFiles}).
 */
public enum ImportLayout {
    /** IPDesk's own columns: a {@code kind} column mixing networks, subnets, ranges and addresses, or the address list export. */
    IPDESK("ipdesk", "IPDesk CSV"),
    /** NetBox's prefix export: prefix, VRF, VLAN, description... */
    NETBOX_PREFIXES("netbox-prefixes", "NetBox prefixes (CSV)"),
    /** NetBox's IP address export: address with mask, VRF, status, DNS name, description... */
    NETBOX_ADDRESSES("netbox-addresses", "NetBox IP addresses (CSV)"),
    /** phpIPAM's subnet export (subnet, mask, section...) and address export (IP address, state, hostname, MAC...). */
    PHPIPAM("phpipam", "phpIPAM subnets or addresses (CSV)"),
    /** Kea's JSON configuration (Dhcp4/Dhcp6), or a file of subnet entries for its include: the reservations. */
    KEA("kea", "Kea configuration", false),
    /** ISC dhcpd's configuration: its {@code host} blocks. */
    DHCPD("dhcpd", "ISC dhcpd configuration", false),
    /** dnsmasq's configuration ({@code dhcp-host=} lines) or a {@code --dhcp-hostsfile}. */
    DNSMASQ("dnsmasq", "dnsmasq configuration or hosts file", false),
    /** A BIND zone file: its A, AAAA and PTR records. */
    BIND("bind", "BIND zone file", false);

    /** Every label, as messages list them. */
    public static final String LABELS = "ipdesk, netbox-prefixes, netbox-addresses, phpipam, kea, dhcpd, dnsmasq or bind";

    private final String label;
    private final String title;
    private final boolean csv;

    ImportLayout(String label, String title) {
        this(label, title, true);
    }

    ImportLayout(String label, String title, boolean csv) {
        this.label = label;
        this.title = title;
        this.csv = csv;
    }

    /** The name the command line takes ({@code --layout netbox-addresses}) and summaries show. */
    public String label() {
        return label;
    }

    /** The name a window lists it under: "NetBox IP addresses (CSV)". */
    public String title() {
        return title;
    }

    /** Whether this is a CSV layout (rows under a header), not a server's file (entries on lines). */
    public boolean csv() {
        return csv;
    }

    public static ImportLayout parse(String text) {
        for (ImportLayout layout : values()) {
            if (layout.label.equalsIgnoreCase(text == null ? "" : text.strip())) {
                return layout;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not an import layout (" + LABELS + ")");
    }

    /** Header names as the layouts compare them: lower case, spaces and hyphens as underscores, trimmed. */
    static String normalise(String header) {
        String h = header == null ? "" : header.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
        return h.replaceAll("[\\s\\-]+", "_");
    }

    /** The layout whose header this is, when one matches. Names are compared after {@link #normalise}. */
    public static Optional<ImportLayout> detect(List<String> header) {
        Set<String> h = header.stream().map(ImportLayout::normalise).collect(java.util.stream.Collectors.toSet());
        if (h.contains("kind") || (h.contains("ip") && (h.contains("subnet") || h.contains("network")
                || h.contains("cidr")))) {
            return Optional.of(IPDESK);
        }
        if (h.contains("prefix")) {
            return Optional.of(NETBOX_PREFIXES);
        }
        if (h.contains("ip_addr") || h.contains("ip_state") || h.contains("state") || h.contains("section")
                || (h.contains("subnet") && h.contains("mask"))) {
            return Optional.of(PHPIPAM);
        }
        if (h.contains("address") || (h.contains("ip_address") && (h.contains("dns_name") || h.contains("vrf")
                || h.contains("assigned_object_type") || h.contains("assigned")))) {
            return Optional.of(NETBOX_ADDRESSES);
        }
        return Optional.empty();
    }
}
