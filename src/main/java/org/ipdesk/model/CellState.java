package org.ipdesk.model;

import java.util.Locale;

/** What one address of a subnet is, as the address grid shows it. */
public enum CellState {
    FREE,
    ALLOCATED,
    RESERVED,
    DHCP,
    DEPRECATED,
    DHCP_RANGE,
    RESERVED_RANGE,
    GATEWAY,
    UNUSABLE,
    CHILD_SUBNET;

    private static final CellState[] VALUES = values();

    public static CellState ofCode(byte code) {
        return VALUES[code];
    }

    public byte code() {
        return (byte) ordinal();
    }

    public static CellState of(AddressStatus status) {
        return switch (status) {
            case ALLOCATED -> ALLOCATED;
            case RESERVED -> RESERVED;
            case DHCP -> DHCP;
            case DEPRECATED -> DEPRECATED;
        };
    }

    /** "DHCP pool", "not usable", ... as a legend or tooltip says it. */
    public String label() {
        return switch (this) {
            case DHCP -> "DHCP lease";
            case DHCP_RANGE -> "DHCP pool";
            case RESERVED_RANGE -> "reserved range";
            case UNUSABLE -> "not usable";
            case CHILD_SUBNET -> "child subnet";
            default -> name().toLowerCase(Locale.ROOT);
        };
    }
}
