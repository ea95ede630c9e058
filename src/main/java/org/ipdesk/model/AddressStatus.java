package org.ipdesk.model;

import java.util.Locale;

/** The states a held address can be in. */
public enum AddressStatus {
    ALLOCATED,
    RESERVED,
    DHCP,
    DEPRECATED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AddressStatus parse(String text) {
        for (AddressStatus status : values()) {
            if (status.label().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return status;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not an address status (allocated, reserved, dhcp or deprecated)");
    }
}
