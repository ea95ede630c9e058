package org.ipdesk.ui.main;

import org.ipdesk.model.AddressCounts;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.Usage;
import org.ipdesk.model.Network;
import org.ipdesk.model.Subnet;

/**
 * The network tree of the main window: reading the networks and subnets with their usage into {@link TreeRow}s,
 * formatting their figures, and the filter with the rows it lets through. Selection lives in {@link SelectionState}.
 */
public final class NetworkTreeViewModel {

    /** The usage of a network whose subnets mix IPv4 and IPv6. */
    static final String NOT_APPLICABLE = "\u2014";

    private final ObservableList<TreeRow> networks = FXCollections.observableArrayList();
    private final ObservableList<TreeRow> readOnlyNetworks = FXCollections.unmodifiableObservableList(networks);
    private final ObservableList<TreeRow> visible = FXCollections.observableArrayList();
    private final ObservableList<TreeRow> readOnlyVisible = FXCollections.unmodifiableObservableList(visible);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final BooleanBinding hasNetworks = Bindings.isNotEmpty(networks);
    private Runnable onFiltered = () -> { };

    public NetworkTreeViewModel() {
        filter.addListener((property, before, now) -> applyFilter());
    }

    /** What runs after every change of the visible rows (the window's placeholder follows them). */
    public void setOnFiltered(Runnable onFiltered) {
        this.onFiltered = onFiltered;
    }

    /** Every network, each with its top-level subnets as children (and their child subnets below them). */
    public ObservableList<TreeRow> networks() {
        return readOnlyNetworks;
    }

    /** The networks and subnets the filter lets through, with the networks and parents that lead to them. */
    public ObservableList<TreeRow> visibleNetworks() {
        return readOnlyVisible;
    }

    /** The database has a network: a subnet can be created. */
    public BooleanBinding hasNetworksProperty() {
        return hasNetworks;
    }

    /** Text that filters the tree: part of a CIDR, a name, a VLAN, a gateway or a description. */
    public StringProperty filterProperty() {
        return filter;
    }

    /** Shows freshly read rows through the filter. */
    public void show(List<TreeRow> rows) {
        networks.setAll(rows);
        applyFilter();
    }

    /** Applies the filter again (the rows did not change, but what the window says of them may have). */
    public void refilter() {
        applyFilter();
    }

    /** Shows nothing (the file could not be read). */
    public void clear() {
        networks.clear();
        visible.clear();
    }

    /** The row with {@code key} anywhere in the tree. */
    public Optional<TreeRow> find(String key) {
        return find(networks, key);
    }

    /** Whether the row with {@code key} is let through by the filter. */
    public boolean isVisible(String key) {
        return find(visible, key).isPresent();
    }

    /** The first row, depth first, that passes {@code test}. */
    public Optional<TreeRow> findRow(Predicate<TreeRow> test) {
        return findRow(networks, test);
    }

    /** Shows the rows the filter lets through, then tells the window (which words its placeholder on them). */
    private void applyFilter() {
        String text = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        List<TreeRow> rows = new ArrayList<>();
        for (TreeRow network : networks) {
            filtered(network, text).ifPresent(rows::add);
        }
        visible.setAll(rows);
        onFiltered.run();
    }

    /** The row if it matches (with all its children), or with only the children that match, or nothing. */
    private static Optional<TreeRow> filtered(TreeRow row, String text) {
        if (text.isEmpty() || row.matches(text)) {
            return Optional.of(row);
        }
        List<TreeRow> children = new ArrayList<>();
        for (TreeRow child : row.children()) {
            filtered(child, text).ifPresent(children::add);
        }
        return children.isEmpty() ? Optional.empty() : Optional.of(row.withChildren(children));
    }

    static Optional<TreeRow> find(List<TreeRow> rows, String key) {
        for (TreeRow row : rows) {
            if (row.key().equals(key)) {
                return Optional.of(row);
            }
            Optional<TreeRow> inside = find(row.children(), key);
            if (inside.isPresent()) {
                return inside;
            }
        }
        return Optional.empty();
    }

    private static Optional<TreeRow> findRow(List<TreeRow> rows, Predicate<TreeRow> test) {
        for (TreeRow row : rows) {
            if (test.test(row)) {
                return Optional.of(row);
            }
            Optional<TreeRow> inside = findRow(row.children(), test);
            if (inside.isPresent()) {
                return inside;
            }
        }
        return Optional.empty();
    }

    // ================================================================= reading

    /** Reads every network and subnet with its usage, and the counts of the status line (on the executor). */
    public static Snapshot read(Allocator allocator) {
        long version = allocator.changeFeed().version();
        Map<Long, Usage> usage = allocator.usageBySubnet();
        List<TreeRow> rows = new ArrayList<>();
        int subnetCount = 0;
        for (Network network : allocator.networks()) {
            List<Subnet> subnets = allocator.subnets(network.name());
            subnetCount += subnets.size();
            // a network's figure adds up its top-level subnets; over IPv4 and IPv6 together it means
            // nothing (one IPv6 /64 outweighs any IPv4 space), so mixed networks show it per subnet only
            boolean oneFamily = subnets.stream().map(s -> s.cidr().version()).distinct().count() <= 1;
            String percent = NOT_APPLICABLE;
            String used = NOT_APPLICABLE;
            double fraction = -1;
            if (oneFamily) {
                Usage total = Usage.ZERO;
                for (Subnet subnet : subnets) {
                    if (subnet.parentId().isEmpty()) {
                        total = total.plus(usage.getOrDefault(subnet.id(), Usage.ZERO));
                    }
                }
                percent = percent(total);
                used = used(total);
                fraction = fraction(total);
            }
            rows.add(new TreeRow(TreeRow.Kind.NETWORK, network.name(), network.description(), "", percent, used,
                    fraction, network, Optional.empty(), subnetRows(network, subnets, usage)));
        }
        Optional<Seat> seat = allocator.team().map(team -> new Seat(team.user(), team.role()));
        return new Snapshot(rows, subnetCount, allocator.addressCount(), version, seat);
    }

    /** Nests the subnets of one network under their parents, keeping the allocator's order. */
    private static List<TreeRow> subnetRows(Network network, List<Subnet> subnets, Map<Long, Usage> usage) {
        Map<Long, List<Subnet>> childrenByParent = new LinkedHashMap<>();
        List<Subnet> roots = new ArrayList<>();
        for (Subnet subnet : subnets) {
            if (subnet.parentId().isPresent()) {
                childrenByParent.computeIfAbsent(subnet.parentId().getAsLong(), id -> new ArrayList<>()).add(subnet);
            } else {
                roots.add(subnet);
            }
        }
        List<TreeRow> rows = new ArrayList<>();
        for (Subnet root : roots) {
            rows.add(subnetRow(network, root, childrenByParent, usage));
        }
        return rows;
    }

    private static TreeRow subnetRow(Network network, Subnet subnet, Map<Long, List<Subnet>> childrenByParent,
                                     Map<Long, Usage> usage) {
        List<TreeRow> children = new ArrayList<>();
        for (Subnet child : childrenByParent.getOrDefault(subnet.id(), List.of())) {
            children.add(subnetRow(network, child, childrenByParent, usage));
        }
        Usage u = usage.getOrDefault(subnet.id(), Usage.ZERO);
        String vlan = subnet.vlan().isPresent() ? Integer.toString(subnet.vlan().getAsInt()) : "";
        return new TreeRow(TreeRow.Kind.SUBNET, subnet.cidr().toString(), subnet.name(), vlan, percent(u), used(u),
                fraction(u), network, Optional.of(subnet), children);
    }

    // ================================================================= formatting

    /** "12.50 %". */
    static String percent(Usage usage) {
        return usage.percent().toPlainString() + " %";
    }

    /** The used share from 0 to 1 (0 for a subnet with no usable address). */
    static double fraction(Usage usage) {
        return usage.percent().movePointLeft(2).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }

    /** "32 of 254"; past a trillion, usable counts as the nearest power of two ("3 of 2^64 − 1"). */
    static String used(Usage usage) {
        return number(usage.used()) + " of " + number(usage.usable());
    }

    private static String number(BigInteger n) {
        return AddressCounts.compact(n);
    }

    static String count(long n, String noun) {
        return String.format("%,d", n) + " " + noun + (n == 1 ? "" : noun.endsWith("s") ? "es" : "s");
    }

    /** One reading of the tree, with the counts of the status line and the change feed's version it was read at. */
    /** On a team database, the connected user and the role the server gives it (empty: none). */
    public record Seat(String user, Optional<org.ipdesk.store.Team.Role> role) {
        /** "alice (editor)", for the title. */
        public String who() {
            return user + role.map(r -> " (" + r.word() + ")").orElse("");
        }
    }

    /**
     * What the tree shows, read in one go.
     *
     * @param seat on a team database, who is connected and with which role, as the server says
     */
    public record Snapshot(List<TreeRow> rows, int subnetCount, long addresses, long version, Optional<Seat> seat) {

        /** "2 networks · 7 subnets · 45 addresses". */
        public String summary() {
            return count(rows.size(), "network") + " \u00b7 " + count(subnetCount, "subnet")
                    + " \u00b7 " + count(addresses, "address");
        }
    }
}
