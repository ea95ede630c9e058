package org.ipdesk.exchange;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The CSV layouts IPDesk imports, told apart by their header row (see docs/import.md for every column).
 */
public enum ImportLayout {
    /** IPDesk's own columns: a {@code kind} column mixing networks, subnets, ranges and addresses, or the address list export. */
    IPDESK("ipdesk"),
    /** NetBox's prefix export: prefix, VRF, VLAN, description... */
    NETBOX_PREFIXES("netbox-prefixes"),
    /** NetBox's IP address export: address with mask, VRF, status, DNS name, description... */
    NETBOX_ADDRESSES("netbox-addresses"),
    /** phpIPAM's subnet export (subnet, mask, section...) and address export (IP address, state, hostname, MAC...). */
    PHPIPAM("phpipam");

    private final String label;

    ImportLayout(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static ImportLayout parse(String text) {
        for (ImportLayout layout : values()) {
            if (layout.label.equalsIgnoreCase(text == null ? "" : text.strip())) {
                return layout;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not an import layout (ipdesk, netbox-prefixes, "
                + "netbox-addresses or phpipam)");
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
