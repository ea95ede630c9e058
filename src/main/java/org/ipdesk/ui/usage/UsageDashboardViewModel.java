package org.ipdesk.ui.usage;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.CellState;
import org.ipdesk.model.Network;
import org.ipdesk.model.Usage;
import org.ipdesk.report.ExportMonitor;
import org.ipdesk.report.ReportFiles;
import org.ipdesk.report.ReportFormat;
import org.ipdesk.report.Thresholds;
import org.ipdesk.report.UsageReport;
import org.ipdesk.report.UsageReport.SubnetRow;
import org.ipdesk.store.TargetRefusedException;
import org.ipdesk.ui.TaskExecutor;
import org.ipdesk.ui.subnet.UsageSegment;

/**
 * The Usage dashboard: the usage report of the whole database or of one network, with the thresholds the
 * admin sets, as a sortable table, the ten fullest subnets and a breakdown by status; and its export to CSV,
 * XLSX, PDF, HTML or JSON with progress and Cancel. Reading and writing run on the {@link TaskExecutor}; a
 * cancelled export leaves no file under the chosen name.
 */
public final class UsageDashboardViewModel {

    /** The network choice that means every network. */
    public static final String ALL_NETWORKS = "All networks";

    private final Supplier<Allocator> allocator;
    private final TaskExecutor tasks;
    private final Supplier<String> databaseName;
    private long generation;
    private Consumer<SubnetRow> onOpen = row -> { };
    /** What "now" is for the report's time and "seen in the last N days". */
    private Clock clock = Clock.systemUTC();
    /** Per subnet row shown, how many of its addresses were seen within the subnet's stale days (30 unless set). */
    private Map<SubnetRow, Integer> seen = Map.of();

    private final ObservableList<String> networks = FXCollections.observableArrayList(ALL_NETWORKS);
    private final StringProperty network = new SimpleStringProperty(this, "network", ALL_NETWORKS);
    private final IntegerProperty warn = new SimpleIntegerProperty(this, "warn", 80);
    private final IntegerProperty critical = new SimpleIntegerProperty(this, "critical", 95);
    private final ReadOnlyStringWrapper thresholdError = new ReadOnlyStringWrapper(this, "thresholdError", "");
    private final ReadOnlyObjectWrapper<UsageReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ObservableList<SubnetRow> rows = FXCollections.observableArrayList();
    private final ObservableList<SubnetRow> fullest = FXCollections.observableArrayList();
    private final ObservableList<UsageSegment> breakdown = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper breakdownText = new ReadOnlyStringWrapper(this, "breakdownText", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final StringBinding emptyText = Bindings.createStringBinding(this::emptyText, loading, network);

    private final AtomicBoolean cancelExport = new AtomicBoolean();
    private final AtomicLong exportDone = new AtomicLong();
    private final AtomicLong exportTotal = new AtomicLong();
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(this, "exporting");
    private final ReadOnlyDoubleWrapper exportProgress = new ReadOnlyDoubleWrapper(this, "exportProgress", 0);
    private final ReadOnlyStringWrapper exportMessage = new ReadOnlyStringWrapper(this, "exportMessage", "");
    private final ReadOnlyBooleanWrapper exportFailed = new ReadOnlyBooleanWrapper(this, "exportFailed");

    public UsageDashboardViewModel(Supplier<Allocator> allocator, TaskExecutor tasks, Supplier<String> databaseName) {
        this(allocator, tasks, databaseName, 80, 95);
    }

    /** A dashboard whose thresholds start at {@code warnPercent} and {@code criticalPercent} (the preferences). */
    public UsageDashboardViewModel(Supplier<Allocator> allocator, TaskExecutor tasks, Supplier<String> databaseName,
                                   int warnPercent, int criticalPercent) {
        this.allocator = allocator;
        this.tasks = tasks;
        this.databaseName = databaseName;
        warn.set(warnPercent);
        critical.set(criticalPercent);
        network.addListener((property, before, now) -> load());
        warn.addListener((property, before, now) -> load());
        critical.addListener((property, before, now) -> load());
    }

    // ================================================================= state

    public ObservableList<String> networks() {
        return networks;
    }

    /** {@link #ALL_NETWORKS} or a network's name. */
    public StringProperty networkProperty() {
        return network;
    }

    public IntegerProperty warnProperty() {
        return warn;
    }

    public IntegerProperty criticalProperty() {
        return critical;
    }

    /** Why the thresholds are refused ("the warning threshold must not be above the critical one"); else empty. */
    public ReadOnlyStringProperty thresholdErrorProperty() {
        return thresholdError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UsageReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** Every subnet of the report, in tree order (the table sorts its own view). */
    public ObservableList<SubnetRow> rows() {
        return rows;
    }

    /** The ten fullest subnets, fullest first. */
    public ObservableList<SubnetRow> fullest() {
        return fullest;
    }

    /**
     * IPv4 addresses by status over the report, as shares of the usable addresses: allocated, reserved, DHCP,
     * deprecated, free (IPv4 only: one IPv6 /64 would dwarf every IPv4 figure).
     */
    public ObservableList<UsageSegment> breakdown() {
        return breakdown;
    }

    /** "IPv4: 1,204 allocated · 70 reserved · 620 DHCP · 12 deprecated · 64,248 free of 66,150 usable". */
    public ReadOnlyStringProperty breakdownTextProperty() {
        return breakdownText.getReadOnlyProperty();
    }

    /** "21 subnets · 3 at or over 80 % · 1 at or over 95 %". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /**
     * What the subnet table says while it lists none: that it is reading, that the database has no subnet yet, or
     * that the chosen network has none.
     */
    public StringBinding emptyTextProperty() {
        return emptyText;
    }

    private String emptyText() {
        if (loading.get()) {
            return "Reading\u2026";
        }
        return ALL_NETWORKS.equals(network.get()) ? NO_SUBNETS : network.get() + " has no subnets.";
    }

    /** The subnet table's text in a database without subnets. */
    static final String NO_SUBNETS = "No subnets yet: the usage of each subnet shows here once there is one.";

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    /** 0 to 1 while an export runs (see {@link #pollExportProgress()}). */
    public ReadOnlyDoubleProperty exportProgressProperty() {
        return exportProgress.getReadOnlyProperty();
    }

    /**
     * "Wrote /tmp/usage.pdf" (with "; warning: ..." for what the format could not show), "Export cancelled; nothing
     * was written", or why it failed.
     */
    public ReadOnlyStringProperty exportMessageProperty() {
        return exportMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty exportFailedProperty() {
        return exportFailed.getReadOnlyProperty();
    }

    /**
     * How many addresses of {@code row}'s subnet (its children's included) a scan, lease file or neighbour table saw
     * within the subnet's stale days; 0 for a row not shown.
     */
    public int seenCount(SubnetRow row) {
        return seen.getOrDefault(row, 0);
    }

    /** Sets what "now" is for the report and "seen in the last N days" (tests); the next load uses it. */
    public void setClock(Clock clock) {
        this.clock = java.util.Objects.requireNonNull(clock, "clock");
    }

    /** Called with a row the admin opens (double-click or Enter): the window shows that subnet. */
    public void setOnOpen(Consumer<SubnetRow> handler) {
        onOpen = handler == null ? row -> { } : handler;
    }

    // ================================================================= commands

    /** Reads the report again with the current network and thresholds; latest request wins. */
    public void load() {
        Thresholds thresholds;
        try {
            thresholds = Thresholds.of(warn.get(), critical.get());
            thresholdError.set("");
        } catch (IllegalArgumentException e) {
            thresholdError.set(e.getMessage());
            return;
        }
        Optional<String> only = ALL_NETWORKS.equals(network.get()) || network.get() == null
                ? Optional.empty() : Optional.of(network.get());
        long request = ++generation;
        loading.set(true);
        Instant now = clock.instant();
        tasks.submit(() -> {
            Allocator a = allocator.get();
            List<String> names = new ArrayList<>(List.of(ALL_NETWORKS));
            a.networks().stream().map(Network::name).forEach(names::add);
            UsageReport built = UsageReport.build(a, only, thresholds, now, databaseName.get());
            return new Read(names, built, seenCounts(a, built, now));
        }, read -> {
            if (request != generation) {
                return;
            }
            loading.set(false);
            if (!networks.equals(read.networks())) {
                String keep = network.get();
                networks.setAll(read.networks()); // a choice box over this list may clear its value meanwhile
                network.set(networks.contains(keep) ? keep : ALL_NETWORKS);
            }
            seen = read.seen();
            show(read.report());
        }, problem -> {
            if (request == generation) {
                loading.set(false);
                summary.set("Cannot read the usage: " + problem.getMessage());
            }
        });
    }

    /** Opens a row's subnet in the main window. */
    public void open(SubnetRow row) {
        if (row != null) {
            onOpen.accept(row);
        }
    }

    /**
     * Writes the report shown to {@code target} in {@code format}, in the background. The file appears only when
     * complete; {@link #cancelExport()} stops it and leaves no file under that name (an existing one unchanged).
     */
    public void export(Path target, ReportFormat format) {
        UsageReport shown = report.get();
        if (shown == null || exporting.get()) {
            return;
        }
        cancelExport.set(false);
        exportDone.set(0);
        exportTotal.set(0);
        exporting.set(true);
        exportFailed.set(false);
        exportProgress.set(0);
        exportMessage.set("Writing " + target + " \u2026");
        ExportMonitor monitor = new ExportMonitor(cancelExport::get, (done, total) -> {
            exportDone.set(done);
            exportTotal.set(total);
        });
        tasks.submit(() -> {
            ReportFiles.write(target, (out, m) -> format.exporter().write(shown, out, m), monitor);
            // what the format could not show faithfully (a PDF's characters without a glyph), after the message
            List<String> message = new ArrayList<>(List.of("Wrote " + target));
            format.exporter().warnings(shown).forEach(w -> message.add("warning: " + w));
            return String.join("; ", message);
        }, written -> {
            exporting.set(false);
            exportProgress.set(1);
            exportMessage.set(written);
        }, problem -> {
            exporting.set(false);
            exportProgress.set(0);
            boolean cancelled = problem instanceof CancellationException;
            exportFailed.set(!cancelled);
            exportMessage.set(cancelled ? "Export cancelled; nothing was written to " + target
                    : "Cannot write " + target + ": " + (problem instanceof TargetRefusedException refused
                            ? refused.why() : problem.getMessage()));
        });
    }

    /** Asks the running export to stop at its next row. */
    public void cancelExport() {
        if (exporting.get()) {
            cancelExport.set(true);
            exportMessage.set("Cancelling \u2026");
        }
    }

    /** Copies the export's progress (counted on the background thread) into {@link #exportProgressProperty()}. */
    public void pollExportProgress() {
        long total = exportTotal.get();
        if (exporting.get() && total > 0) {
            exportProgress.set(Math.min(1.0, exportDone.get() / (double) total));
        }
    }

    // ================================================================= results

    private void show(UsageReport shown) {
        report.set(shown);
        rows.setAll(shown.subnets());
        fullest.setAll(shown.fullest());
        Usage v4 = shown.totals().stream().filter(t -> t.ipVersion() == 4).map(UsageReport.Total::usage)
                .findFirst().orElse(Usage.ZERO);
        List<UsageSegment> segments = new ArrayList<>();
        StringBuilder text = new StringBuilder("IPv4: ");
        for (Object[] part : new Object[][] {{"allocated", CellState.ALLOCATED, v4.allocated()},
                {"reserved", CellState.RESERVED, v4.reserved()}, {"DHCP", CellState.DHCP, v4.dhcp()},
                {"deprecated", CellState.DEPRECATED, v4.deprecated()}, {"free", CellState.FREE, v4.free()}}) {
            BigInteger count = (BigInteger) part[2];
            double fraction = v4.usable().signum() == 0 ? 0
                    : new java.math.BigDecimal(count).divide(new java.math.BigDecimal(v4.usable()), 6,
                            java.math.RoundingMode.HALF_UP).doubleValue();
            segments.add(new UsageSegment((String) part[0], (CellState) part[1], count, fraction));
            text.append(String.format("%,d", count)).append(' ').append(part[0]).append(" \u00b7 ");
        }
        breakdown.setAll(segments);
        breakdownText.set(text.substring(0, text.length() - 3) + " of " + String.format("%,d", v4.usable()) + " usable");
        long warning = shown.subnets().stream().filter(r -> r.level() != Thresholds.Level.OK).count();
        long criticalCount = shown.subnets().stream().filter(r -> r.level() == Thresholds.Level.CRITICAL).count();
        summary.set(shown.subnets().size() + (shown.subnets().size() == 1 ? " subnet" : " subnets") + " \u00b7 "
                + warning + " at or over " + shown.thresholds().warn().stripTrailingZeros().toPlainString() + " % \u00b7 "
                + criticalCount + " at or over " + shown.thresholds().critical().stripTrailingZeros().toPlainString()
                + " %");
    }

    /** On the executor: per subnet row, how many of its addresses were seen within its stale days before now. */
    private static Map<SubnetRow, Integer> seenCounts(Allocator a, UsageReport report, Instant now) {
        // one statement for every subnet (10,000 subnets are one query, not 10,000)
        Map<String, Long> bySubnet = a.seenCountsBySubnet(now);
        Map<SubnetRow, Integer> counts = new HashMap<>();
        for (SubnetRow row : report.subnets()) {
            counts.put(row, bySubnet.getOrDefault(row.cidr() + " in " + row.network(), 0L).intValue());
        }
        return Map.copyOf(counts);
    }

    private record Read(List<String> networks, UsageReport report, Map<SubnetRow, Integer> seen) {
    }
}
