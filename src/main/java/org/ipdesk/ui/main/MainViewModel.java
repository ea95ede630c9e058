package org.ipdesk.ui.main;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.AllocatorException;
import org.ipdesk.model.Network;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.Usage;
import org.ipdesk.store.StoreException;
import org.ipdesk.ui.TaskExecutor;

/**
 * State of the main window: the networks of one database file with their subnets and usage, and a status line.
 * All database work goes through the {@link TaskExecutor}; results land in the properties on the UI thread.
 */
public final class MainViewModel {

    /** Shown as the usage of a network that holds both IPv4 and IPv6 subnets. */
    static final String NOT_APPLICABLE = "\u2014";
    /** The status line when the file cannot be opened; {@link #errorProperty()} says why. */
    static final String CANNOT_OPEN = "Cannot open the database";

    private final Path databaseFile;
    private final TaskExecutor tasks;

    /** Opened by the first load; touched only by jobs on the executor. */
    private Allocator allocator;

    private final ObservableList<TreeRow> networks = FXCollections.observableArrayList();
    private final ObservableList<TreeRow> readOnlyNetworks = FXCollections.unmodifiableObservableList(networks);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper databaseText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);

    public MainViewModel(Path databaseFile, TaskExecutor tasks) {
        this.databaseFile = databaseFile.toAbsolutePath().normalize();
        this.tasks = tasks;
        Path name = this.databaseFile.getFileName();
        title.set("IPDesk \u2014 " + (name == null ? this.databaseFile : name));
        databaseText.set("Database: " + this.databaseFile);
    }

    // ================================================================= state

    /** The networks, each with its top-level subnets as children (and their child subnets below them). */
    public ObservableList<TreeRow> networks() {
        return readOnlyNetworks;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** "Database: /full/path/ipdesk.db". */
    public ReadOnlyStringProperty databaseTextProperty() {
        return databaseText.getReadOnlyProperty();
    }

    /** "2 networks, 7 subnets" once loaded, "Cannot open the database" after an error; empty while loading. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Why the database could not be read, in the engine's words; empty when all is well. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What the tree says while it has no rows: loading, empty database, or the error. */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public Path databaseFile() {
        return databaseFile;
    }

    // ================================================================= commands

    /** Opens the database (the first time) and reads the networks, subnets and usage, in the background. */
    public void load() {
        loading.set(true);
        if (networks.isEmpty()) {
            placeholder.set("Opening " + databaseFile + " \u2026");
        }
        tasks.submit(this::readTree, this::show, this::fail);
    }

    /** Closes the database after any work still queued. */
    public void close() {
        tasks.submit(() -> {
            if (allocator != null) {
                allocator.close();
                allocator = null;
            }
            return null;
        }, ignored -> { }, ignored -> { });
    }

    // ================================================================= background work

    private Snapshot readTree() {
        if (allocator == null) {
            allocator = Allocator.open(databaseFile);
        }
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
            if (oneFamily) {
                Usage total = allocator.networkUsage(network.name());
                percent = percent(total);
                used = used(total);
            }
            rows.add(new TreeRow(TreeRow.Kind.NETWORK, network.name(), network.description(), "", percent, used,
                    subnetRows(subnets, usage)));
        }
        return new Snapshot(rows, subnetCount);
    }

    /** Nests the subnets of one network under their parents, keeping the allocator's order. */
    private static List<TreeRow> subnetRows(List<Subnet> subnets, Map<Long, Usage> usage) {
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
            rows.add(subnetRow(root, childrenByParent, usage));
        }
        return rows;
    }

    private static TreeRow subnetRow(Subnet subnet, Map<Long, List<Subnet>> childrenByParent, Map<Long, Usage> usage) {
        List<TreeRow> children = new ArrayList<>();
        for (Subnet child : childrenByParent.getOrDefault(subnet.id(), List.of())) {
            children.add(subnetRow(child, childrenByParent, usage));
        }
        Usage u = usage.getOrDefault(subnet.id(), Usage.ZERO);
        String vlan = subnet.vlan().isPresent() ? Integer.toString(subnet.vlan().getAsInt()) : "";
        return new TreeRow(TreeRow.Kind.SUBNET, subnet.cidr().toString(), subnet.name(), vlan, percent(u), used(u),
                children);
    }

    // ================================================================= results, on the UI thread

    private void show(Snapshot snapshot) {
        networks.setAll(snapshot.rows());
        error.set("");
        summary.set(count(snapshot.rows().size(), "network") + ", " + count(snapshot.subnetCount(), "subnet"));
        placeholder.set(snapshot.rows().isEmpty()
                ? "This database has no networks yet.\n\nCreate one from the command line: ipdesk network add NAME"
                : "");
        loading.set(false);
    }

    private void fail(Throwable problem) {
        networks.clear();
        String message = message(problem);
        error.set(message);
        summary.set(CANNOT_OPEN);
        placeholder.set(CANNOT_OPEN + ".\n\n" + message + "\n\nStart IPDesk with --db FILE to open another file.");
        loading.set(false);
    }

    private static String message(Throwable problem) {
        if (problem instanceof StoreException || problem instanceof AllocatorException) {
            return problem.getMessage();
        }
        return problem.getMessage() == null || problem.getMessage().isBlank()
                ? problem.getClass().getSimpleName()
                : problem.getMessage();
    }

    // ================================================================= formatting

    /** "12.50 %". */
    static String percent(Usage usage) {
        return usage.percent().toPlainString() + " %";
    }

    /** "32 of 254"; past a trillion, usable counts as the nearest power of two ("3 of ~2^64"). */
    static String used(Usage usage) {
        return number(usage.used()) + " of " + number(usage.usable());
    }

    private static String number(BigInteger n) {
        if (n.bitLength() <= 40) {
            return String.format("%,d", n);
        }
        int exponent = n.bitLength() - 1 + (n.testBit(n.bitLength() - 2) ? 1 : 0);
        return "~2^" + exponent;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private record Snapshot(List<TreeRow> rows, int subnetCount) {
    }
}
