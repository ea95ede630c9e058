package org.ipdesk.ui.subnet;

import org.ipdesk.model.AddressCounts;
import java.math.BigInteger;
import java.util.Set;
import java.util.EnumSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
import org.ipdesk.address.IpVersion;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.CellState;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.Usage;
import org.ipdesk.model.UsageBreakdown;
import org.ipdesk.ui.TaskExecutor;

/**
 * State of the subnet header above the address grid: the subnet's CIDR, name, VLAN, gateway and description,
 * the calculator facts of its CIDR (as {@code ipdesk calc} prints them), and its utilisation split by status.
 * The facts follow from the subnet at once; the usage is read through the {@link TaskExecutor}, and a result
 * that arrives after a newer request (another subnet, a refresh, a clear) is dropped. Methods are called on
 * the JavaFX thread.
 */
public final class SubnetHeaderViewModel {

    static final String NOTHING_SHOWN = "Choose a subnet.";
    static final String LOADING = "Reading usage \u2026";

    private final Supplier<Allocator> allocator;
    private final TaskExecutor tasks;

    private final ReadOnlyObjectWrapper<Subnet> subnet = new ReadOnlyObjectWrapper<>(this, "subnet");
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(this, "shown", false);
    private final ReadOnlyStringWrapper title = text("title");
    private final ReadOnlyStringWrapper name = text("name");
    private final ReadOnlyStringWrapper vlan = text("vlan");
    private final ReadOnlyStringWrapper gateway = text("gateway");
    private final ReadOnlyStringWrapper description = text("description");
    private final ReadOnlyStringWrapper networkName = text("networkName");
    private final ReadOnlyStringWrapper network = text("network");
    private final ReadOnlyStringWrapper broadcast = text("broadcast");
    private final ReadOnlyStringWrapper netmask = text("netmask");
    private final ReadOnlyStringWrapper firstUsable = text("firstUsable");
    private final ReadOnlyStringWrapper lastUsable = text("lastUsable");
    private final ReadOnlyStringWrapper usableCount = text("usableCount");
    private final ReadOnlyStringWrapper usableCountExact = text("usableCountExact");
    private final ReadOnlyObjectWrapper<Usage> usage = new ReadOnlyObjectWrapper<>(this, "usage");
    private final ObservableList<UsageSegment> segments = FXCollections.observableArrayList();
    private final ObservableList<UsageSegment> readOnlySegments = FXCollections.unmodifiableObservableList(segments);
    private final ReadOnlyStringWrapper usageText = new ReadOnlyStringWrapper(this, "usageText", NOTHING_SHOWN);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper(this, "placeholder", NOTHING_SHOWN);
    private final ReadOnlyStringWrapper error = text("error");

    /** Bumped by every request; a result carrying an older number is dropped. */
    private long generation;

    /**
     * @param allocator gives the allocator; called only inside jobs on the executor
     * @param tasks     runs the jobs off the JavaFX thread and reports back on it
     */
    public SubnetHeaderViewModel(Supplier<Allocator> allocator, TaskExecutor tasks) {
        this.allocator = Objects.requireNonNull(allocator, "allocator");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
    }

    // ================================================================= commands

    /** Shows a subnet: its facts at once, its usage once read. */
    public void show(Subnet target) {
        Objects.requireNonNull(target, "subnet");
        if (subnet.get() == null || subnet.get().id() != target.id()) {
            segments.clear();
            usage.set(null);
            usageText.set(LOADING);
        }
        setFacts(target);
        read(target.id());
    }

    /** Shows nothing; a read still under way is dropped. */
    public void clear() {
        clear(NOTHING_SHOWN);
    }

    /** Shows nothing, with {@code why} as its text ("" where the grid below says it); a read under way is dropped. */
    public void clear(String why) {
        generation++;
        subnet.set(null);
        shown.set(false);
        for (ReadOnlyStringWrapper field : List.of(title, name, vlan, gateway, description, networkName, network,
                broadcast, netmask, firstUsable, lastUsable, usableCount, usableCountExact, error)) {
            field.set("");
        }
        usage.set(null);
        segments.clear();
        usageText.set(NOTHING_SHOWN);
        placeholder.set(why);
        loading.set(false);
    }

    /** Reads the shown subnet and its usage again, after a change; nothing happens when none is shown. */
    public void refresh() {
        Subnet current = subnet.get();
        if (current != null) {
            read(current.id());
        }
    }

    // ================================================================= properties

    /** The subnet shown, as last read; null when none. */
    public ReadOnlyObjectProperty<Subnet> subnetProperty() {
        return subnet.getReadOnlyProperty();
    }

    /** Whether a subnet is shown. */
    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** The CIDR: "10.10.1.0/24". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The subnet's name; empty when it has none. */
    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    /** "VLAN 101"; empty when none is recorded. */
    public ReadOnlyStringProperty vlanProperty() {
        return vlan.getReadOnlyProperty();
    }

    /** The gateway address; empty when none is recorded. */
    public ReadOnlyStringProperty gatewayProperty() {
        return gateway.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty descriptionProperty() {
        return description.getReadOnlyProperty();
    }

    /** The name of the subnet's network: "dc1". */
    public ReadOnlyStringProperty networkNameProperty() {
        return networkName.getReadOnlyProperty();
    }

    /** The network address: "10.10.1.0". */
    public ReadOnlyStringProperty networkProperty() {
        return network.getReadOnlyProperty();
    }

    /** The IPv4 broadcast address, or "none (IPv6)". */
    public ReadOnlyStringProperty broadcastProperty() {
        return broadcast.getReadOnlyProperty();
    }

    /** "255.255.255.0" for IPv4, the prefix length "/64" for IPv6. */
    public ReadOnlyStringProperty netmaskProperty() {
        return netmask.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty firstUsableProperty() {
        return firstUsable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastUsableProperty() {
        return lastUsable.getReadOnlyProperty();
    }

    /** "254"; "18,446,744,073,709,551,615 (2^64 − 1)"; past 2^64 the power form alone ("2^80 − 1"). */
    public ReadOnlyStringProperty usableCountProperty() {
        return usableCount.getReadOnlyProperty();
    }

    /** The usable count in plain digits, exact at any size (for a tooltip). */
    public ReadOnlyStringProperty usableCountExactProperty() {
        return usableCountExact.getReadOnlyProperty();
    }

    /** The usage as last read; null while none is known. */
    public ReadOnlyObjectProperty<Usage> usageProperty() {
        return usage.getReadOnlyProperty();
    }

    /**
     * The subnet's own usable addresses by the state the grid draws them in (allocated, reserved, DHCP lease,
     * deprecated, gateway, DHCP pool, reserved range, child subnet, free), in that order, labelled as the grid's legend
     * labels them; their counts sum to the usable count and their fractions to 1. Empty while the usage is not known.
     */
    public ObservableList<UsageSegment> segments() {
        return readOnlySegments;
    }

    /** What stands in the header while no subnet is shown: "Choose a subnet.", or nothing. */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    /** "41.34 % used — 4 allocated · 1 reserved · 100 DHCP · 0 deprecated · 149 free of 254 usable". */
    public ReadOnlyStringProperty usageTextProperty() {
        return usageText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why the last read failed; empty when it did not. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    // ================================================================= work

    private record Read(Subnet subnet, UsageBreakdown breakdown) {
    }

    /** The states of the bar and the text, in this order; the grid's legend counts the same states. */
    private static final List<CellState> SEGMENTS = List.of(CellState.ALLOCATED, CellState.RESERVED, CellState.DHCP,
            CellState.DEPRECATED, CellState.GATEWAY, CellState.DHCP_RANGE, CellState.RESERVED_RANGE,
            CellState.CHILD_SUBNET, CellState.FREE);
    /** States the text names even at 0 (the held statuses and free); the others only when some address is in them. */
    private static final Set<CellState> ALWAYS_NAMED = EnumSet.of(CellState.ALLOCATED, CellState.RESERVED,
            CellState.DHCP, CellState.DEPRECATED, CellState.FREE);

    private void read(long subnetId) {
        long ticket = ++generation;
        loading.set(true);
        tasks.submit(() -> {
            Allocator engine = allocator.get();
            return new Read(engine.subnet(subnetId), engine.usageBreakdown(subnetId));
        }, read -> {
            if (ticket == generation) {
                apply(read);
            }
        }, problem -> {
            if (ticket == generation) {
                fail(problem);
            }
        });
    }

    private void apply(Read read) {
        setFacts(read.subnet());
        Usage u = read.breakdown().usage();
        usage.set(u);
        BigInteger usable = u.usable();
        List<UsageSegment> parts = new ArrayList<>();
        for (CellState state : SEGMENTS) {
            parts.add(segment(state.label(), state, read.breakdown().count(state), usable));
        }
        segments.setAll(parts);
        boolean children = read.breakdown().count(CellState.CHILD_SUBNET).signum() > 0;
        StringBuilder text = new StringBuilder(Counts.percent(u.used(), usable))
                .append(children ? " used (child subnets included) \u2014 " : " used \u2014 ");
        for (UsageSegment s : segments) {
            if (ALWAYS_NAMED.contains(s.state()) || s.count().signum() > 0) {
                text.append(AddressCounts.compact(s.count())).append(' ').append(s.label())
                        .append(s.state() == CellState.FREE ? " of " : " \u00b7 ");
            }
        }
        usageText.set(text.append(AddressCounts.compact(usable)).append(" usable").toString());
        error.set("");
        loading.set(false);
    }

    private static UsageSegment segment(String label, CellState state, BigInteger count, BigInteger usable) {
        return new UsageSegment(label, state, count, Counts.fraction(count, usable));
    }

    private void fail(Throwable problem) {
        String text = problem.getMessage() == null || problem.getMessage().isBlank()
                ? problem.getClass().getSimpleName() : problem.getMessage();
        error.set(text);
        usage.set(null);
        segments.clear();
        usageText.set("Cannot read the usage: " + text);
        loading.set(false);
    }

    private void setFacts(Subnet s) {
        subnet.set(s);
        shown.set(true);
        Cidr cidr = s.cidr();
        boolean v4 = cidr.version() == IpVersion.V4;
        title.set(cidr.toString());
        name.set(s.name());
        vlan.set(s.vlan().isPresent() ? "VLAN " + s.vlan().getAsInt() : "");
        gateway.set(s.gateway().map(Ip::toString).orElse(""));
        description.set(s.description());
        networkName.set(s.networkName());
        network.set(cidr.network().toString());
        broadcast.set(cidr.broadcast().map(Ip::toString).orElse("none (IPv6)"));
        netmask.set(v4 ? cidr.netmask().toString() : "/" + cidr.prefixLength());
        firstUsable.set(cidr.firstUsable().toString());
        lastUsable.set(cidr.lastUsable().toString());
        usableCount.set(AddressCounts.full(cidr.usableCount()));
        usableCountExact.set(cidr.usableCount().toString());
    }

    private ReadOnlyStringWrapper text(String property) {
        return new ReadOnlyStringWrapper(this, property, "");
    }
}
