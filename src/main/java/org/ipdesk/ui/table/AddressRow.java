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
 * would paint there: free, inside a DHCP or reserved range, the gateway). Its texts are made once, when the row is
 * made on the database executor, so sorting and filtering 60,000 rows on the JavaFX thread only compares strings.
 */
public final class AddressRow {

    private static final DateTimeFormatter CHANGED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final Ip ip;
    private final CellState state;
    private final Optional<Address> address;
    private final String ipText;
    private final String statusText;
    private final String changedText;
    /** Every column's text, lower case, one a line: what the filter searches. */
    private final String searchText;

    private AddressRow(Ip ip, CellState state, Optional<Address> address) {
        this.ip = Objects.requireNonNull(ip, "ip");
        this.state = Objects.requireNonNull(state, "state");
        this.address = Objects.requireNonNull(address, "address");
        this.ipText = ip.toString();
        this.statusText = switch (state) {
            case FREE -> "free";
            case DHCP_RANGE, RESERVED_RANGE -> "free (" + state.label() + ")";
            default -> state.label();
        };
        this.changedText = lastChanged().map(CHANGED::format).orElse("");
        this.searchText = String.join("\n", ipText, statusText, hostname(), mac(), owner(), description(), changedText)
                .toLowerCase(Locale.ROOT);
    }

    /** A held address. */
    public static AddressRow held(Address address) {
        return new AddressRow(address.ip(), CellState.of(address.status()), Optional.of(address));
    }

    /** An address nobody holds, in the state the grid shows for it. */
    public static AddressRow free(Ip ip, CellState state) {
        return new AddressRow(ip, state, Optional.empty());
    }

    public Ip ip() {
        return ip;
    }

    public CellState state() {
        return state;
    }

    /** The held address; empty for a free one. */
    public Optional<Address> address() {
        return address;
    }

    public boolean isHeld() {
        return address.isPresent();
    }

    /** "10.0.0.5", "2001:db8::a". */
    public String ipText() {
        return ipText;
    }

    /** "allocated", "DHCP lease", "free", "free (DHCP pool)", "gateway". */
    public String statusText() {
        return statusText;
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
        return changedText;
    }

    /** Whether any column contains {@code needle} (already lower case, not blank), ignoring case. */
    boolean matches(String needle) {
        return searchText.contains(needle);
    }

    @Override
    public String toString() {
        return ipText + " " + statusText;
    }
}
