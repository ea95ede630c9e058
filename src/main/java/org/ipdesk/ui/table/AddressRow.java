package org.ipdesk.ui.table;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.ipdesk.address.Ip;
import org.ipdesk.model.Address;
import org.ipdesk.model.CellState;

/**
 * One row of the address table: an address of the subnet, held (with its details) or free (with what the grid
 * would paint there: free, inside a DHCP or reserved range, the gateway).
 */
public record AddressRow(Ip ip, CellState state, Optional<Address> address) {

    private static final DateTimeFormatter CHANGED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    public AddressRow {
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(address, "address");
    }

    /** A held address. */
    public static AddressRow held(Address address) {
        return new AddressRow(address.ip(), CellState.of(address.status()), Optional.of(address));
    }

    /** An address nobody holds, in the state the grid shows for it. */
    public static AddressRow free(Ip ip, CellState state) {
        return new AddressRow(ip, state, Optional.empty());
    }

    public boolean isHeld() {
        return address.isPresent();
    }

    /** "allocated", "DHCP lease", "free", "free (DHCP range)", "gateway". */
    public String statusText() {
        return switch (state) {
            case FREE -> "free";
            case DHCP_RANGE, RESERVED_RANGE -> "free (" + state.label() + ")";
            default -> state.label();
        };
    }

    public String hostname() {
        return address.map(a -> a.details().hostname()).orElse("");
    }

    public String mac() {
        return address.flatMap(a -> a.details().mac()).map(Object::toString).orElse("");
    }

    public String owner() {
        return address.map(a -> a.details().owner()).orElse("");
    }

    public String description() {
        return address.map(a -> a.details().description()).orElse("");
    }

    /** When the record was last changed (created or edited); empty for a free address. */
    public Optional<Instant> lastChanged() {
        return address.map(a -> a.updatedAt() != null ? a.updatedAt() : a.createdAt());
    }

    /** "2026-11-27 15:40" in the local time zone; empty for a free address. */
    public String lastChangedText() {
        return lastChanged().map(CHANGED::format).orElse("");
    }

    /** Whether any column contains {@code needle} (already lower case, not blank), ignoring case. */
    boolean matches(String needle) {
        return contains(ip.toString(), needle) || contains(statusText(), needle) || contains(hostname(), needle)
                || contains(mac(), needle) || contains(owner(), needle) || contains(description(), needle)
                || contains(lastChangedText(), needle);
    }

    private static boolean contains(String text, String needle) {
        return !text.isEmpty() && text.toLowerCase(Locale.ROOT).contains(needle);
    }
}
