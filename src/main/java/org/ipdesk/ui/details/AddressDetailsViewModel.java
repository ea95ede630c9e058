package org.ipdesk.ui.details;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.address.IpRange;
import org.ipdesk.address.Mac;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.Address;
import org.ipdesk.model.AddressRange;
import org.ipdesk.model.CellState;
import org.ipdesk.model.Change;
import org.ipdesk.model.Observation;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.ui.TaskExecutor;

/**
 * State of the details pane: the selected address of a subnet, held or not. For a held address its status,
 * host name, MAC, owner, description and times; for an empty cell what it is ("free", "gateway", "free, in DHCP
 * range ...", "not usable (network address)"); for both its change history, newest first. Everything is read
 * in one job on the {@link TaskExecutor} and applied at once; a result that arrives after a newer request is
 * dropped. Methods are called on the JavaFX thread.
 */
public final class AddressDetailsViewModel {

    static final String NOTHING_SELECTED = "Select an address in the grid.";
    /** How many changes the history shows. */
    static final int HISTORY_LIMIT = 100;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Supplier<Allocator> allocator;
    private final TaskExecutor tasks;
    private final ZoneId zone;
    private final java.time.Clock clock;

    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(this, "shown", false);
    private final ReadOnlyBooleanWrapper held = new ReadOnlyBooleanWrapper(this, "held", false);
    private final ReadOnlyStringWrapper ip = text("ip");
    private final ReadOnlyStringWrapper subnet = text("subnet");
    private final ReadOnlyObjectWrapper<CellState> cellState = new ReadOnlyObjectWrapper<>(this, "cellState");
    private final ReadOnlyStringWrapper status = text("status");
    private final ReadOnlyStringWrapper hostname = text("hostname");
    private final ReadOnlyStringWrapper mac = text("mac");
    private final ReadOnlyStringWrapper owner = text("owner");
    private final ReadOnlyStringWrapper description = text("description");
    private final ReadOnlyStringWrapper created = text("created");
    private final ReadOnlyStringWrapper createdInstant = text("createdInstant");
    private final ReadOnlyStringWrapper updated = text("updated");
    private final ReadOnlyStringWrapper updatedInstant = text("updatedInstant");
    private final ObservableList<HistoryRow> history = FXCollections.observableArrayList();
    private final ObservableList<HistoryRow> readOnlyHistory = FXCollections.unmodifiableObservableList(history);
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper(this, "placeholder", NOTHING_SELECTED);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);
    private final ReadOnlyStringWrapper error = text("error");
    private final ReadOnlyStringWrapper lastSeen = text("lastSeen");

    /** Bumped by every request; a result carrying an older number is dropped. */
    private long generation;
    /** The subnet and address last asked for (shown, or still loading); null when none. */
    private Subnet currentSubnet;
    private Ip currentIp;

    /**
     * @param allocator gives the allocator; called only inside jobs on the executor
     * @param tasks     runs the jobs off the JavaFX thread and reports back on it
     */
    public AddressDetailsViewModel(Supplier<Allocator> allocator, TaskExecutor tasks) {
        this(allocator, tasks, ZoneId.systemDefault());
    }

    /** The same, writing times in {@code zone} (tests). */
    public AddressDetailsViewModel(Supplier<Allocator> allocator, TaskExecutor tasks, ZoneId zone) {
        this(allocator, tasks, zone, java.time.Clock.systemUTC());
    }

    /** The same, telling how long ago an address was seen by {@code clock} (tests). */
    public AddressDetailsViewModel(Supplier<Allocator> allocator, TaskExecutor tasks, ZoneId zone,
            java.time.Clock clock) {
        this.allocator = Objects.requireNonNull(allocator, "allocator");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // ================================================================= commands

    /** Shows one address of a subnet (held or not); the fields change together once it is read. */
    public void show(Subnet target, Ip address) {
        currentSubnet = Objects.requireNonNull(target, "subnet");
        currentIp = Objects.requireNonNull(address, "ip");
        read();
    }

    /** Shows nothing (the placeholder); a read still under way is dropped. */
    public void clear() {
        clear(NOTHING_SELECTED);
    }

    /** Shows nothing, with {@code why} as the placeholder; a read still under way is dropped. */
    public void clear(String why) {
        generation++;
        currentSubnet = null;
        currentIp = null;
        shown.set(false);
        setFields(null);
        ip.set("");
        subnet.set("");
        status.set("");
        cellState.set(null);
        history.clear();
        lastSeen.set("");
        error.set("");
        placeholder.set(why);
        loading.set(false);
    }

    /** Reads the shown address again, after a change; nothing happens when none is shown. */
    public void refresh() {
        if (currentSubnet != null) {
            read();
        }
    }

    // ================================================================= properties

    /** Whether an address is shown (false: show the placeholder). */
    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** Whether the address is held (allocated, reserved, DHCP or deprecated); false for an empty cell. */
    public ReadOnlyBooleanProperty heldProperty() {
        return held.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ipProperty() {
        return ip.getReadOnlyProperty();
    }

    /** The subnet it belongs to: "10.10.1.0/24 in dc1". */
    public ReadOnlyStringProperty subnetProperty() {
        return subnet.getReadOnlyProperty();
    }

    /** The address's state as the grid colours it (the view shows its colour beside {@link #statusProperty()}). */
    public ReadOnlyObjectProperty<CellState> cellStateProperty() {
        return cellState.getReadOnlyProperty();
    }

    /** "allocated", "DHCP lease", "free", "gateway", "free, in DHCP pool 10.0.0.100-10.0.0.199", "not usable (network address)". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty hostnameProperty() {
        return hostname.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty macProperty() {
        return mac.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ownerProperty() {
        return owner.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty descriptionProperty() {
        return description.getReadOnlyProperty();
    }

    /** When it was taken, local time: "2026-11-26 14:03"; empty for an empty cell. */
    public ReadOnlyStringProperty createdProperty() {
        return created.getReadOnlyProperty();
    }

    /** The same instant in ISO form, "2026-11-26T14:03:07Z" (for a tooltip). */
    public ReadOnlyStringProperty createdInstantProperty() {
        return createdInstant.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty updatedProperty() {
        return updated.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty updatedInstantProperty() {
        return updatedInstant.getReadOnlyProperty();
    }

    /** The address's changes, newest first (at most {@value #HISTORY_LIMIT}). */
    public ObservableList<HistoryRow> history() {
        return readOnlyHistory;
    }

    /** What to show instead of the fields: "Select an address in the grid.", or why it cannot be shown. */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why the last read failed; empty when it did not. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /**
     * When a scan or lease file last saw the address in use: "Last seen 2 h ago by nmap-scan.xml (MAC
     * 00:11:22:33:44:55, host web-01)"; empty when no file has.
     */
    public ReadOnlyStringProperty lastSeenProperty() {
        return lastSeen.getReadOnlyProperty();
    }

    // ================================================================= work

    /** What one job reads: the subnet as it is now, the cell, the holder if any, and the history. */
    private record Read(Subnet subnet, Ip ip, CellState state, Optional<Address> address, List<AddressRange> ranges,
                        Optional<Subnet> child, List<Change> changes, Optional<Observation> seen) {
    }

    private void read() {
        long ticket = ++generation;
        long subnetId = currentSubnet.id();
        Ip target = currentIp;
        loading.set(true);
        tasks.submit(() -> {
            Allocator engine = allocator.get();
            Subnet fresh = engine.subnet(subnetId);
            CellState state = engine.cellStates(subnetId, IpRange.of(target)).state(0);
            Optional<Subnet> child = state == CellState.CHILD_SUBNET
                    ? engine.subnets(fresh.networkName()).stream()
                            .filter(s -> s.parentId().isPresent() && s.parentId().getAsLong() == subnetId)
                            .filter(s -> s.cidr().contains(target)).findFirst()
                    : Optional.empty();
            return new Read(fresh, target, state, engine.address(subnetId, target), engine.ranges(subnetId), child,
                    engine.addressHistory(subnetId, target, HISTORY_LIMIT),
                    engine.observations(IpRange.of(target)).stream().findFirst());
        }, read -> {
            if (ticket == generation) {
                apply(read);
            }
        }, problem -> {
            if (ticket == generation) {
                fail(target, problem);
            }
        });
    }

    private void apply(Read read) {
        currentSubnet = read.subnet();
        ip.set(read.ip().toString());
        subnet.set(read.subnet().label());
        cellState.set(read.state());
        status.set(statusText(read));
        setFields(read.address().orElse(null));
        history.setAll(read.changes().stream().map(this::row).toList());
        lastSeen.set(read.seen().map(o -> lastSeenText(o, clock.instant())).orElse(""));
        error.set("");
        placeholder.set("");
        shown.set(true);
        loading.set(false);
    }

    private void fail(Ip target, Throwable problem) {
        String text = problem.getMessage() == null || problem.getMessage().isBlank()
                ? problem.getClass().getSimpleName() : problem.getMessage();
        shown.set(false);
        setFields(null);
        ip.set(target.toString());
        status.set("");
        cellState.set(null);
        history.clear();
        lastSeen.set("");
        error.set(text);
        placeholder.set("Cannot show " + target + ": " + text);
        loading.set(false);
    }

    private void setFields(Address address) {
        held.set(address != null);
        hostname.set(address == null ? "" : address.details().hostname());
        mac.set(address == null ? "" : address.details().mac().map(Mac::canonical).orElse(""));
        owner.set(address == null ? "" : address.details().owner());
        description.set(address == null ? "" : address.details().description());
        created.set(address == null ? "" : local(address.createdAt()));
        createdInstant.set(address == null ? "" : address.createdAt().toString());
        updated.set(address == null ? "" : local(address.updatedAt()));
        updatedInstant.set(address == null ? "" : address.updatedAt().toString());
    }

    private HistoryRow row(Change change) {
        return new HistoryRow(local(change.time()), change.byline(), ChangeSummary.action(change.action()),
                ChangeSummary.summarize(change));
    }

    private String local(Instant instant) {
        return TIME.format(instant.atZone(zone));
    }

    /** "Last seen 2 h ago by nmap-scan.xml (MAC 00:11:22:33:44:55, host web-01)". */
    static String lastSeenText(Observation seen, Instant now) {
        java.util.List<String> what = new java.util.ArrayList<>();
        seen.mac().ifPresent(m -> what.add("MAC " + m.canonical()));
        seen.hostname().ifPresent(h -> what.add("host " + h));
        return "Last seen " + ago(seen.seenAt(), now) + " by " + seen.file()
                + (what.isEmpty() ? "" : " (" + String.join(", ", what) + ")");
    }

    /** "just now", "5 min ago", "2 h ago" (up to 47 h), "12 days ago"; a time ahead of now is "just now". */
    static String ago(Instant then, Instant now) {
        long minutes = java.time.Duration.between(then, now).toMinutes();
        if (minutes < 1) {
            return "just now";
        } else if (minutes < 60) {
            return minutes + " min ago";
        } else if (minutes < 48 * 60) {
            return (minutes / 60) + " h ago";
        }
        return minutes / (24 * 60) + " days ago";
    }

    /** What the address is, in words. */
    static String statusText(Subnet subnet, Ip ip, CellState state, Optional<Address> address,
                             List<AddressRange> ranges, Optional<Subnet> child) {
        boolean gateway = subnet.gateway().filter(ip::equals).isPresent();
        Optional<AddressRange> range = ranges.stream().filter(r -> r.range().contains(ip)).findFirst();
        if (address.isPresent()) {
            String text = CellState.of(address.get().status()).label();
            if (gateway) {
                text += " (gateway)";
            }
            return text + range.map(r -> ", in " + rangeText(r)).orElse("");
        }
        Cidr cidr = subnet.cidr();
        return switch (state) {
            case FREE -> "free";
            case GATEWAY -> "gateway";
            case DHCP_RANGE, RESERVED_RANGE -> range.map(r -> "free, in " + rangeText(r)).orElse(state.label());
            case UNUSABLE -> "not usable (" + cidr.unusableReason(ip).map(AddressDetailsViewModel::reason)
                    .orElse("outside the usable range") + ")";
            case CHILD_SUBNET -> child.map(c -> "in child subnet " + c.cidr() + (c.name().isEmpty() ? "" : " (" + c.name() + ")"))
                    .orElse("in a child subnet");
            default -> state.label();
        };
    }

    private static String statusText(Read read) {
        return statusText(read.subnet(), read.ip(), read.state(), read.address(), read.ranges(), read.child());
    }

    /** "the network address" → "network address"; "the subnet-router anycast address" → "subnet-router anycast". */
    private static String reason(String reason) {
        String plain = reason.startsWith("the ") ? reason.substring(4) : reason;
        return plain.equals("subnet-router anycast address") ? "subnet-router anycast" : plain;
    }

    /** "DHCP pool 10.0.0.100-10.0.0.199". */
    private static String rangeText(AddressRange range) {
        String kind = range.kind() == RangeKind.DHCP ? "DHCP pool " : "reserved range ";
        return kind + range.range();
    }

    private ReadOnlyStringWrapper text(String property) {
        return new ReadOnlyStringWrapper(this, property, "");
    }
}
