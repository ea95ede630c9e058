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
import org.ipdesk.model.Observation;

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
    private final Optional<Observation> seen;
    private final String seenText;
    /** Every column's text, lower case, one a line: what the filter searches. */
    private final String searchText;

    private AddressRow(Ip ip, CellState state, Optional<Address> address, Optional<Observation> seen) {
        this.ip = Objects.requireNonNull(ip, "ip");
        this.seen = Objects.requireNonNull(seen, "seen");
        this.seenText = seen.map(o -> CHANGED.format(o.seenAt())).orElse("");
        this.state = Objects.requireNonNull(state, "state");
        this.address = Objects.requireNonNull(address, "address");
        this.ipText = ip.toString();
        this.statusText = switch (state) {
            case FREE -> "free";
            case DHCP_RANGE, RESERVED_RANGE -> "free (" + state.label() + ")";
            default -> state.label();
        };
        this.changedText = lastChanged().map(CHANGED::format).orElse("");
        this.searchText = String.join("\n", ipText, statusText, hostname(), mac(), owner(), description(), changedText,
                seenText).toLowerCase(Locale.ROOT);
    }

    /** A held address. */
    public static AddressRow held(Address address) {
        return held(address, Optional.empty());
    }

    /** A held address, and when a scan, lease file or neighbour table last saw it in use, if one did. */
    public static AddressRow held(Address address, Optional<Observation> seen) {
        return new AddressRow(address.ip(), CellState.of(address.status()), Optional.of(address), seen);
    }

    /** An address nobody holds, in the state the grid shows for it. */
    public static AddressRow free(Ip ip, CellState state) {
        return free(ip, state, Optional.empty());
    }

    /** An address nobody holds, and when something was last seen using it (an unknown host), if it was. */
    public static AddressRow free(Ip ip, CellState state, Optional<Observation> seen) {
        return new AddressRow(ip, state, Optional.empty(), seen);
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

    /** What was last seen using this address (by which file, with which MAC), if anything was. */
    public Optional<Observation> lastSeen() {
        return seen;
    }

    /** "2026-11-27 15:40" in the local time zone: when a scan, lease file or neighbour table last saw it in use. */
    public String lastSeenText() {
        return seenText;
    }

    /** "seen by nmap-scan.xml (nmap scan), MAC 00:1a:…, host pc-7", for the column's tooltip; empty when never. */
    public String lastSeenDetail() {
        return seen.map(o -> "seen by " + o.file() + " (" + o.kind().words() + ")"
                + o.mac().map(m -> ", MAC " + m).orElse("") + o.hostname().map(h -> ", host " + h).orElse(""))
                .orElse("");
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
