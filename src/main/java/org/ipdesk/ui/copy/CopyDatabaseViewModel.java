package org.ipdesk.ui.copy;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.AddressCounts;
import org.ipdesk.store.Credentials;
import org.ipdesk.store.DatabaseCopy;
import org.ipdesk.store.FileLocation;
import org.ipdesk.store.Location;
import org.ipdesk.ui.DialogService;
import org.ipdesk.ui.TaskExecutor;

/**
 * File → Copy to team database… (and File → Back up… of a database without a backup of its own): the whole open
 * database copied into an empty one ({@link Allocator#copyTo}), a team database or a new file. It says what will be
 * copied, runs the copy on the {@link TaskExecutor} (never on the UI thread) with rows done of the total, lets Cancel
 * stop it (nothing is written then), shows a refusal as its message, and at the end says what was copied and offers
 * to open the copy.
 */
public final class CopyDatabaseViewModel {
    /** What the target field asks for. */
    public static final String TARGET_HINT = "postgresql://user@host:5432/ipam, or the whole path of a new .db file";

    private final Supplier<Allocator> allocator;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final Credentials credentials;
    private final Supplier<Path> folder;
    private final Consumer<Location> open;
    private final boolean backup;

    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper(this, "source", "");
    private final ReadOnlyStringWrapper contents = new ReadOnlyStringWrapper(this, "contents", "Counting \u2026");
    private final StringProperty target = new SimpleStringProperty(this, "target", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyObjectWrapper<Location> copied = new ReadOnlyObjectWrapper<>(this, "copied");
    private final BooleanBinding finished = copied.isNotNull();
    private final BooleanBinding canCopy;

    private final AtomicBoolean cancel = new AtomicBoolean();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong total = new AtomicLong();

    /**
     * @param credentials where a team target's password comes from
     * @param folder      where the file chooser starts
     * @param open        opens a finished copy as the window's database
     * @param backup      true for File → Back up… (a file is what is asked for), false for File → Copy to team database…
     */
    public CopyDatabaseViewModel(Supplier<Allocator> allocator, TaskExecutor tasks, DialogService dialogs,
            Credentials credentials, Supplier<Path> folder, Consumer<Location> open, boolean backup) {
        this.allocator = Objects.requireNonNull(allocator, "allocator");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.folder = Objects.requireNonNull(folder, "folder");
        this.open = Objects.requireNonNull(open, "open");
        this.backup = backup;
        canCopy = Bindings.createBooleanBinding(() -> !running.get() && copied.get() == null
                && !target.get().isBlank(), running, copied, target);
        target.addListener((p, o, n) -> problem.set(""));
    }

    /** The window's title. */
    public String title() {
        return backup ? "Back up to a database file" : "Copy to team database";
    }

    /** The line under the target field: what the target may be. */
    public String hint() {
        return backup
                ? "This database has no backup of its own, so it is copied whole into a new database file, which opens "
                        + "on any desk without a server. Nothing is written unless the whole copy is."
                : "A team database (" + TARGET_HINT + "). The target must be empty: a new file, or an IPDesk database "
                        + "with nothing in it. Nothing is written unless the whole copy is.";
    }

    /** Reads (on the executor) where the open database is and what it holds, for the dialog's first lines. */
    public void load() {
        tasks.submit(() -> {
            Allocator open = allocator.get();
            String counts = open.readEverything(all -> {
                long ranges = all.subnets().stream().mapToLong(s -> all.ranges(s).size()).sum();
                return AddressCounts.counted(all.networks().size(), "network") + ", "
                        + AddressCounts.counted(all.subnets().size(), "subnet") + ", "
                        + AddressCounts.counted(ranges, "range") + ", "
                        + AddressCounts.counted(all.addressCount(), "address") + " and "
                        + AddressCounts.counted(all.changeCount(), "change") + " in the change log";
            });
            return new String[] {open.location().toString(), counts};
        }, read -> {
            source.set(read[0]);
            contents.set(read[1]);
        }, failed -> contents.set("Cannot read the open database: " + message(failed)));
    }

    /** Lets the user name a new database file as the target (".db" is added when the name has none). */
    public void chooseFile() {
        dialogs.chooseNewDatabase(folder.get()).ifPresent(file -> target.set(file.toAbsolutePath().toString()));
    }

    /**
     * Starts the copy into the target, on the executor. A target that cannot be a database (blank, a relative path,
     * a malformed URL) is refused at once with its message, and nothing runs.
     */
    public void copy() {
        if (!canCopy.get()) {
            return;
        }
        Optional<Location> to = parseTarget();
        if (to.isEmpty()) {
            return;
        }
        Location where = to.get();
        problem.set("");
        cancel.set(false);
        done.set(0);
        total.set(0);
        progress.set(-1);
        progressText.set("");
        running.set(true);
        summary.set("Copying to " + where + " \u2026");
        tasks.submit(() -> allocator.get().copyTo(where, credentials, cancel::get, (rows, all) -> {
            done.set(rows);
            total.set(all);
        }), result -> {
            running.set(false);
            progress.set(1);
            progressText.set(rowsText(result.rows(), result.rows()));
            summary.set("Copied " + AddressCounts.counted(result.networks(), "network") + ", "
                    + AddressCounts.counted(result.subnets(), "subnet") + ", "
                    + AddressCounts.counted(result.ranges(), "range") + ", "
                    + AddressCounts.counted(result.addresses(), "address") + " and "
                    + AddressCounts.counted(result.changes(), "change") + " to " + where);
            copied.set(where);
        }, failed -> {
            running.set(false);
            progress.set(0);
            progressText.set("");
            if (failed instanceof CancellationException) {
                summary.set("Copy cancelled; nothing was written to " + where);
            } else {
                summary.set("");
                problem.set("Nothing was copied: " + message(failed));
            }
        });
    }

    /** Starts copying into {@code file} at once (File → Back up… once the user has named the file). */
    public void copyTo(Path file) {
        target.set(file.toAbsolutePath().toString());
        copy();
    }

    /** Asks a running copy to stop: everything written so far is rolled back, the target stays as it was. */
    public void cancel() {
        if (running.get()) {
            cancel.set(true);
            summary.set("Cancelling \u2026");
        }
    }

    /** Copies the rows counted on the background thread into {@link #progressProperty()} and its text. */
    public void pollProgress() {
        long all = total.get();
        if (running.get() && all > 0) {
            long rows = done.get();
            progress.set(Math.min(1.0, rows / (double) all));
            progressText.set(rowsText(rows, all));
        }
    }

    /** Opens the finished copy as the window's database. */
    public void openCopy() {
        Location where = copied.get();
        if (where != null) {
            open.accept(where);
        }
    }

    private Optional<Location> parseTarget() {
        String text = target.get().strip();
        try {
            Location location = Location.parse(text);
            if (location instanceof FileLocation file && !file.file().isAbsolute()) {
                problem.set("'" + text + "' is not the whole path of a file; give one that starts at the top of "
                        + "the disk, or choose the file with \u201cChoose file\u2026\u201d");
                return Optional.empty();
            }
            return Optional.of(location);
        } catch (InvalidPathException e) {
            problem.set("'" + text + "' is not a valid file name: " + e.getReason());
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
        }
        return Optional.empty();
    }

    private static String rowsText(long rows, long all) {
        return String.format(Locale.ROOT, "%,d of %,d rows", rows, all);
    }

    private static String message(Throwable failed) {
        return failed.getMessage() == null || failed.getMessage().isBlank() ? failed.getClass().getSimpleName()
                : failed.getMessage();
    }

    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /** What the open database holds: what the copy will write. */
    public ReadOnlyStringProperty contentsProperty() {
        return contents.getReadOnlyProperty();
    }

    /** The target as typed: a postgresql:// URL or a file path. */
    public StringProperty targetProperty() {
        return target;
    }

    /** Why the copy was refused or failed; empty when it was not. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** What is happening or has happened: copying, cancelled, what was copied. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** "12,000 of 40,000 rows" while a copy runs. */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** How much is copied, 0 to 1, or -1 (indeterminate) while the source is being counted. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** True while a copy runs (Cancel may stop it). */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Where the finished copy is; null until a copy has finished. */
    public ReadOnlyObjectProperty<Location> copiedProperty() {
        return copied.getReadOnlyProperty();
    }

    /** True once a copy has finished (and "Open the copy" is offered). */
    public BooleanBinding finishedProperty() {
        return finished;
    }

    /** True when Copy may start: a target is given and no copy runs or has finished. */
    public BooleanBinding canCopyProperty() {
        return canCopy;
    }
}
