package org.ipdesk.model;

import java.util.Locale;

/** The kinds of address range inside a subnet. */
public enum RangeKind {
    DHCP,
    RESERVED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RangeKind parse(String text) {
        for (RangeKind kind : values()) {
            if (kind.label().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a range kind (dhcp or reserved)");
    }
}
