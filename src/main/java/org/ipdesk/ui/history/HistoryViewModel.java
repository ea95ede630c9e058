package org.ipdesk.ui.history;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.Change;
import org.ipdesk.model.ChangeAction;
import org.ipdesk.model.ChangeFilter;
import org.ipdesk.ui.TaskExecutor;
import org.ipdesk.ui.details.ChangeSummary;

/**
 * State of the History window: the change log, newest first, filtered by subnet, address, user and days. A change
 * of any filter reads the log again (a bad filter shows its message at that filter and reads nothing); every read
 * runs as one job on the {@link TaskExecutor}, and a result that arrives after a newer request is dropped. Methods
 * are called on the JavaFX thread.
 */
public final class HistoryViewModel {

    /** The user choice that filters no user. */
    public static final String ANY_USER = "Any user";
    /** How many changes one read lists at most. */
    public static final int LIMIT = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Supplier<Allocator> allocator;
    private final TaskExecutor tasks;
    private final ZoneId zone;

    private final StringProperty subnet = new SimpleStringProperty(this, "subnet", "");
    private final StringProperty address = new SimpleStringProperty(this, "address", "");
    private final StringProperty user = new SimpleStringProperty(this, "user", ANY_USER);
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final ReadOnlyStringWrapper subnetError = text("subnetError");
    private final ReadOnlyStringWrapper addressError = text("addressError");
    private final ReadOnlyStringWrapper datesError = text("datesError");

    private final ObservableList<String> users = FXCollections.observableArrayList(ANY_USER);
    private final ObservableList<ChangeRow> rows = FXCollections.observableArrayList();
    private final ObservableList<ChangeRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ObjectProperty<ChangeRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper before = text("before");
    private final ReadOnlyStringWrapper after = text("after");
    private final ReadOnlyStringWrapper count = text("count");
    private final ReadOnlyStringWrapper error = text("error");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "History");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);

    /** Bumped by every request; a result carrying an older number is dropped. */
    private long generation;
    /** Set while {@link #clearFilters()} resets several filters, so they read once. */
    private boolean resetting;
    /** Whether {@link #load()} has been called: filters read the log only after it. */
    private boolean started;

    /**
     * @param allocator gives the allocator; called only inside jobs on the executor
     * @param tasks     runs the jobs off the JavaFX thread and reports back on it
     */
    public HistoryViewModel(Supplier<Allocator> allocator, TaskExecutor tasks) {
        this(allocator, tasks, ZoneId.systemDefault());
    }

    /** The same, reading days and writing times in {@code zone} (tests). */
    public HistoryViewModel(Supplier<Allocator> allocator, TaskExecutor tasks, ZoneId zone) {
        this.allocator = Objects.requireNonNull(allocator, "allocator");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.zone = Objects.requireNonNull(zone, "zone");
        subnet.addListener((property, was, now) -> filterChanged());
        address.addListener((property, was, now) -> filterChanged());
        user.addListener((property, was, now) -> filterChanged());
        from.addListener((property, was, now) -> filterChanged());
        to.addListener((property, was, now) -> filterChanged());
        selected.addListener((property, was, now) -> {
            before.set(now == null ? "" : now.before());
            after.set(now == null ? "" : now.after());
        });
    }

    // ================================================================= commands

    /** Reads the users and the changes the filters match; from now on every filter change reads again. */
    public void load() {
        started = true;
        filterChanged();
    }

    /** Reads again with the same filters (after a change elsewhere). */
    public void refresh() {
        load();
    }

    /** Empties every filter (any user, no days) and reads once. */
    public void clearFilters() {
        resetting = true;
        try {
            subnet.set("");
            address.set("");
            user.set(ANY_USER);
            from.set(null);
            to.set(null);
        } finally {
            resetting = false;
        }
        filterChanged();
    }

    // ================================================================= properties

    /** The subnet filter: a CIDR ("10.0.0.0/24") or a label ("10.0.0.0/24 in dc1"); empty for any. */
    public StringProperty subnetProperty() {
        return subnet;
    }

    /** The address filter: an IP; empty for any. */
    public StringProperty addressProperty() {
        return address;
    }

    /** The user filter: one of {@link #users()}, {@value #ANY_USER} (or null) for any. */
    public StringProperty userProperty() {
        return user;
    }

    /** The first day, inclusive; null for no bound. */
    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    /** The last day, inclusive; null for no bound. */
    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    /** Why the subnet filter cannot be used; empty when it can. */
    public ReadOnlyStringProperty subnetErrorProperty() {
        return subnetError.getReadOnlyProperty();
    }

    /** Why the address filter cannot be used; empty when it can. */
    public ReadOnlyStringProperty addressErrorProperty() {
        return addressError.getReadOnlyProperty();
    }

    /** Why the days cannot be used (the first after the last); empty when they can. */
    public ReadOnlyStringProperty datesErrorProperty() {
        return datesError.getReadOnlyProperty();
    }

    /** {@value #ANY_USER}, then everyone who has made a change. */
    public ObservableList<String> users() {
        return users;
    }

    /** The changes that match, newest first, at most {@value #LIMIT}. */
    public ObservableList<ChangeRow> rows() {
        return readOnlyRows;
    }

    /** The row whose before and after are shown; the view sets it from the table's selection. */
    public ObjectProperty<ChangeRow> selectedProperty() {
        return selected;
    }

    /** The selected change's state before, one "Field: value" per line; empty when nothing is selected. */
    public ReadOnlyStringProperty beforeProperty() {
        return before.getReadOnlyProperty();
    }

    /** The selected change's state after, the same way. */
    public ReadOnlyStringProperty afterProperty() {
        return after.getReadOnlyProperty();
    }

    /** "250 changes (newest first)", "1,234 changes (newest first; showing the first 500)", "No changes match.". */
    public ReadOnlyStringProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** Why the last read failed; empty when it did not. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** "History — ipdesk.db" once the database is known, "History" before. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    // ================================================================= work

    /** What one job reads. */
    private record Read(List<ChangeRow> rows, long total, List<String> users, String file) {
    }

    private ChangeFilter filter() {
        String who = user.get();
        return new ChangeFilter(Optional.ofNullable(subnet.get()), Optional.ofNullable(address.get()),
                Optional.ofNullable(who).filter(name -> !name.equals(ANY_USER)), Optional.ofNullable(from.get()),
                Optional.ofNullable(to.get()));
    }

    private void filterChanged() {
        if (resetting) {
            return;
        }
        ChangeFilter filter = filter();
        subnetError.set(filter.subnetProblem().orElse(""));
        addressError.set(filter.addressProblem().orElse(""));
        datesError.set(filter.datesProblem().orElse(""));
        if (!started) {
            return;
        }
        long ticket = ++generation;
        if (filter.problem().isPresent()) {
            // nothing is read: the rows of the last good filter would say something the filter does not
            rows.clear();
            selected.set(null);
            count.set("Correct the filter to list changes.");
            error.set("");
            loading.set(false);
            return;
        }
        loading.set(true);
        tasks.submit(() -> {
            Allocator engine = allocator.get();
            List<Change> changes = engine.changes(filter, zone, LIMIT);
            long total = changes.size() < LIMIT ? changes.size() : engine.countChanges(filter, zone);
            return new Read(changes.stream().map(this::row).toList(), total, engine.changeUsers(),
                    engine.location().name());
        }, read -> {
            if (ticket == generation) {
                apply(read, filter);
            }
        }, problem -> {
            if (ticket == generation) {
                fail(problem);
            }
        });
    }

    private void apply(Read read, ChangeFilter filter) {
        // one total order every time, so the list can be edited in place (see below)
        java.util.TreeSet<String> everyone = new java.util.TreeSet<>(
                String.CASE_INSENSITIVE_ORDER.thenComparing(java.util.Comparator.naturalOrder()));
        everyone.addAll(read.users());
        String chosen = user.get();
        if (chosen != null && !chosen.equals(ANY_USER)) {
            everyone.add(chosen);
        }
        List<String> names = new ArrayList<>();
        names.add(ANY_USER);
        names.addAll(everyone);
        if (!users.equals(names)) {
            // edited in place, never replaced: a choice box clears its value when its items are replaced wholesale;
            // what stays is in the same order as names, so inserting the missing ones leaves no duplicate
            users.retainAll(names);
            for (int i = 0; i < names.size(); i++) {
                if (i >= users.size() || !users.get(i).equals(names.get(i))) {
                    users.add(i, names.get(i));
                }
            }
        }
        ChangeRow was = selected.get();
        rows.setAll(read.rows());
        selected.set(was == null ? null : read.rows().stream().filter(r -> r.id() == was.id()).findFirst().orElse(null));
        count.set(countText(read.total(), read.rows().size(), filter));
        title.set(read.file().isEmpty() ? "History" : "History \u2014 " + read.file());
        error.set("");
        loading.set(false);
    }

    private void fail(Throwable problem) {
        String text = problem.getMessage() == null || problem.getMessage().isBlank()
                ? problem.getClass().getSimpleName() : problem.getMessage();
        rows.clear();
        selected.set(null);
        error.set(text);
        count.set("Cannot read the history: " + text);
        loading.set(false);
    }

    static String countText(long total, int shown, ChangeFilter filter) {
        if (total == 0) {
            return filter.equals(ChangeFilter.ANY) ? "No changes recorded yet." : "No changes match.";
        }
        String changes = String.format(Locale.ROOT, "%,d %s", total, total == 1 ? "change" : "changes");
        return total > shown
                ? changes + String.format(Locale.ROOT, " (newest first; showing the first %,d)", shown)
                : changes + (total == 1 ? "" : " (newest first)");
    }

    /** A change as a row; runs in the job, so the JSON is read off the JavaFX thread. */
    private ChangeRow row(Change change) {
        String was = ChangeSummary.describe(change.before());
        String now = ChangeSummary.describe(change.after());
        return new ChangeRow(change.id(), change.time(), TIME.format(change.time().atZone(zone)), change.byline(),
                ChangeSummary.action(change), change.objectType(), change.objectKey(),
                ChangeSummary.summarize(change),
                was.isEmpty() ? noState(change, true) : was, now.isEmpty() ? noState(change, false) : now);
    }

    /** What the before or after text says when the change recorded no state there. */
    private static String noState(Change change, boolean before) {
        String what = "the " + change.objectType();
        if (before) {
            return change.action() == ChangeAction.ALLOCATE ? "(nothing: " + what + " was free)"
                    : "(nothing: " + what + " did not exist)";
        }
        return change.action() == ChangeAction.RELEASE ? "(nothing: " + what + " was released)"
                : "(nothing: " + what + " was deleted)";
    }

    private ReadOnlyStringWrapper text(String property) {
        return new ReadOnlyStringWrapper(this, property, "");
    }
}
