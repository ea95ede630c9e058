package org.ipdesk.ui.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ipdesk.model.AddressCounts;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.ImportPlan;
import org.ipdesk.allocator.ImportPlan.Result;
import org.ipdesk.exchange.CsvImport;
import org.ipdesk.exchange.ImportLayout;
import org.ipdesk.ui.TaskExecutor;

/**
 * The import preview: reads a CSV file (or a Kea, dhcpd, dnsmasq or BIND file), lists every row with what the import would do (new, unchanged, conflict,
 * error with its reason) before anything is written, and applies it as one transaction when no row is a conflict
 * or an error. Reading, checking and applying run on the {@link TaskExecutor}.
 */
public final class ImportPreviewViewModel {

    private final Supplier<Allocator> allocator;
    private final TaskExecutor tasks;
    private final Path file;
    private ImportPlan plan;
    private Consumer<String> onImported = summary -> { };

    /** One row of the file as the preview shows it. */
    public record PreviewRow(int row, String kind, String what, String result, String note, boolean problem) {

        /** The row disagrees with what the database holds (the file and the database say different things). */
        public boolean conflict() {
            return result.equals(Result.CONFLICT.label());
        }

        /** The row cannot be imported at all (unreadable, or against a rule). */
        public boolean error() {
            return result.equals(Result.ERROR.label());
        }
    }

    /** What the tint of a conflict row means, for the legend above the rows. */
    public static final String CONFLICT_MEANS = "Conflict: the row says otherwise than the database";
    /** What the tint of an error row means, for the legend above the rows. */
    public static final String ERROR_MEANS = "Error: the row cannot be imported as it is";

    private final ObservableList<PreviewRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper unit = new ReadOnlyStringWrapper(this, "unit", "Row");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper canImport = new ReadOnlyBooleanWrapper(this, "canImport");
    private final ReadOnlyBooleanWrapper imported = new ReadOnlyBooleanWrapper(this, "imported");
    private final ReadOnlyBooleanWrapper importing = new ReadOnlyBooleanWrapper(this, "importing");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ObjectProperty<ImportLayout> layout = new SimpleObjectProperty<>(this, "layout");
    private final AtomicBoolean cancel = new AtomicBoolean();
    /** Counts the previews started, so that only the latest one's result is shown. */
    private long previews;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong total = new AtomicLong();

    public ImportPreviewViewModel(Supplier<Allocator> allocator, TaskExecutor tasks, Path file) {
        this.allocator = allocator;
        this.tasks = tasks;
        this.file = file;
        // another layout chosen: read the file again in it
        layout.addListener((property, before, now) -> {
            if (!importing.get() && !imported.get()) {
                preview();
            }
        });
    }

    /**
     * The layout the file is read in; {@code null} (the default) tells it from the file's header or content.
     * Setting it reads the file again.
     */
    public ObjectProperty<ImportLayout> layoutProperty() {
        return layout;
    }

    /** What the Layout list offers: {@code null} (tell it from the file), then every layout. */
    public static List<ImportLayout> layouts() {
        List<ImportLayout> all = new ArrayList<>();
        all.add(null);
        all.addAll(List.of(ImportLayout.values()));
        return all;
    }

    public Path file() {
        return file;
    }

    /** Every row of the file with its result, in file order. */
    public ObservableList<PreviewRow> rows() {
        return rows;
    }

    /**
     * "1,000 rows (layout netbox-addresses, delimiter ';'): 990 new · 5 unchanged · 3 conflicts · 2 errors", then
     * what was done.
     */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /**
     * What the number of an entry counts: "Row" in a CSV file (the header is row 1), "Line" in a DHCP or DNS
     * server's file (Kea, dhcpd, dnsmasq, BIND).
     */
    public ReadOnlyStringProperty unitProperty() {
        return unit.getReadOnlyProperty();
    }

    /**
     * What the preview's table says while it has no row: "Reading…", or that the file has nothing to import; empty
     * when the file could not be read (the error says why).
     */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    /** Why the file cannot be read or the import was refused; empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The preview is read, no row is a conflict or an error, and nothing was imported yet. */
    public ReadOnlyBooleanProperty canImportProperty() {
        return canImport.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty importedProperty() {
        return imported.getReadOnlyProperty();
    }

    /** True while the import is being written (Cancel may stop it). */
    public ReadOnlyBooleanProperty importingProperty() {
        return importing.getReadOnlyProperty();
    }

    /** How much of the import is written, 0 to 1, or -1 (indeterminate) before the addresses are counted. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Copies the progress counted on the background thread into {@link #progressProperty()}. */
    public void pollProgress() {
        if (importing.get() && total.get() > 0) {
            progress.set(Math.min(1.0, done.get() / (double) total.get()));
        }
    }

    /** Asks a running import to stop: it is rolled back whole, nothing is written. */
    public void cancelImport() {
        if (importing.get()) {
            cancel.set(true);
            summary.set("Cancelling \u2026");
        }
    }

    /** Called with the status line once the import is written. */
    public void setOnImported(Consumer<String> handler) {
        onImported = handler == null ? summary -> { } : handler;
    }

    /** Reads the file and checks every row against the database, writing nothing. */
    public void preview() {
        long mine = ++previews;
        busy.set(true);
        canImport.set(false);
        error.set("");
        summary.set("Reading " + file + " \u2026");
        emptyText.set("Reading\u2026");
        Optional<ImportLayout> chosen = Optional.ofNullable(layout.get());
        tasks.submit(() -> {
            CsvImport.ParsedFile parsed = CsvImport.read(file, chosen);
            return new Preview(parsed, CsvImport.preview(allocator.get(), parsed));
        }, preview -> {
            if (mine != previews) {
                return;
            }
            busy.set(false);
            plan = preview.plan();
            boolean csvFile = preview.file().layout().csv();
            // an unreadable entry of a server's file is a line, not a CSV row
            rows.setAll(plan.rows().stream().map(row -> new PreviewRow(row.row(),
                    !csvFile && row.kind().equals("row") ? "line" : row.kind(), row.key(),
                    row.result().label(), row.message(),
                    row.result() == Result.CONFLICT || row.result() == Result.ERROR)).toList());
            emptyText.set(preview.file().nothingToImport() + ".");
            Map<Result, Long> counts = plan.counts();
            boolean csv = preview.file().layout().csv();
            unit.set(csv ? "Row" : "Line");
            summary.set(String.format("%,d %s (layout %s%s): %,d new \u00b7 %,d unchanged \u00b7 %,d %s \u00b7 %,d %s",
                    plan.rows().size(), plan.rows().size() == 1 ? csv ? "row" : "entry" : csv ? "rows" : "entries",
                    preview.file().layout().label(), csv ? ", delimiter '" + preview.file().delimiterName() + "'" : "",
                    counts.get(Result.NEW), counts.get(Result.UNCHANGED), counts.get(Result.CONFLICT),
                    counts.get(Result.CONFLICT) == 1 ? "conflict" : "conflicts", counts.get(Result.ERROR),
                    counts.get(Result.ERROR) == 1 ? "error" : "errors"));
            error.set(plan.canApply() ? "" : "Nothing can be imported while " + (csv ? "a row" : "an entry")
                    + " is a conflict or an error: " + plan.problems().get(0).describe(csv ? "row" : "line")
                    + (plan.problems().size() > 1
                            ? " (and " + (plan.problems().size() - 1) + " more)" : ""));
            canImport.set(plan.canApply() && counts.get(Result.NEW) > 0);
        }, problem -> {
            if (mine != previews) {
                return;
            }
            busy.set(false);
            rows.clear();
            emptyText.set("");
            summary.set("");
            error.set(readProblem(file, problem));
            canImport.set(false);
        });
    }

    /**
     * The sentence for a file that could not be read. The reader's own message already names the file when it says
     * "cannot read FILE: REASON"; it is then only given a capital, not the file's name a second time.
     */
    static String readProblem(Path file, Throwable problem) {
        String message = problem.getMessage() == null ? problem.getClass().getSimpleName() : problem.getMessage();
        if (problem instanceof CsvImport.UnknownLayout) {
            return Character.toUpperCase(message.charAt(0)) + message.substring(1) + ": choose the file's layout "
                    + "in the Layout list above.";
        }
        if (message.startsWith("cannot read ")) {
            return "C" + message.substring(1);
        }
        return "Cannot read " + file + ": " + message;
    }

    /** Writes every row in one transaction (all or none), then reports what was imported. */
    public void importAll() {
        if (!canImport.get()) {
            return;
        }
        busy.set(true);
        importing.set(true);
        progress.set(-1);
        cancel.set(false);
        done.set(0);
        total.set(0);
        canImport.set(false);
        ImportPlan checked = plan;
        tasks.submit(() -> allocator.get().applyImport(checked, cancel::get, (written, all) -> {
            done.set(written);
            total.set(all);
        }), applied -> {
            busy.set(false);
            importing.set(false);
            progress.set(1);
            imported.set(true);
            String done = "Imported " + file.getFileName() + ": "
                    + AddressCounts.counted(applied.networks(), "network") + ", "
                    + AddressCounts.counted(applied.subnets(), "subnet") + ", "
                    + AddressCounts.counted(applied.ranges(), "range") + ", "
                    + AddressCounts.counted(applied.addresses(), "address")
                    + String.format(" (%,d unchanged)", applied.unchanged());
            summary.set(done);
            onImported.accept(done);
        }, problem -> {
            busy.set(false);
            importing.set(false);
            progress.set(-1);
            boolean cancelled = problem instanceof java.util.concurrent.CancellationException;
            summary.set(cancelled ? "Import cancelled; nothing was written" : summary.get());
            error.set(cancelled ? "" : "Nothing was imported: " + problem.getMessage());
            canImport.set(cancelled && plan.canApply());
        });
    }

    private record Preview(CsvImport.ParsedFile file, ImportPlan plan) {
    }
}
