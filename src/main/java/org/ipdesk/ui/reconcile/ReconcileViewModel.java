package org.ipdesk.ui.reconcile;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.ReconcileStep;
import org.ipdesk.observe.Finding;
import org.ipdesk.observe.Finding.Action;
import org.ipdesk.observe.Reconciler;
import org.ipdesk.ui.undo.Undoable;

/**
 * State of the Reconcile window: the findings where the records and what the network was seen to use disagree, for
 * a network, a subnet (its children included) or everything, each with an action to choose. Apply applies the chosen
 * actions as one command and hands the main window one {@link Undoable} that takes them all back; then the findings
 * are read again. Every read and write runs on the {@link TaskExecutor}; methods are called on the JavaFX thread.
 */
public final class ReconcileViewModel {

    /** What the findings are read for. */
    public sealed interface Scope {
        /** "network dc1", "10.0.0.0/24 in dc1", "every network". */
        String words();

        record Everything() implements Scope {
            @Override
            public String words() {
                return "every network";
            }
        }

        record Network(String name) implements Scope {
            @Override
            public String words() {
                return "network " + name;
            }
        }

        record OneSubnet(long id, String label) implements Scope {
            @Override
            public String words() {
                return label;
            }
        }
    }

    private final Supplier<Allocator> allocator;
    private final org.ipdesk.ui.TaskExecutor tasks;
    private final Scope scope;
    private final Clock clock;
    private final Consumer<Undoable> onApplied;

    private final IntegerProperty staleDays = new SimpleIntegerProperty(this, "staleDays",
            Reconciler.DEFAULT_STALE_DAYS);
    private final javafx.beans.property.BooleanProperty sameStaleDays =
            new javafx.beans.property.SimpleBooleanProperty(this, "sameStaleDays", false);
    private final ObservableList<ReconcileRow> rows = FXCollections.observableArrayList();
    private final ObservableList<ReconcileRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyStringWrapper count = new ReadOnlyStringWrapper(this, "count", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed", false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper title;
    private long generation;

    /**
     * @param allocator gives the allocator; called only inside jobs on the executor
     * @param scope     what the findings are read for
     * @param onApplied receives the one undoable command of each apply (the main window's undo stack)
     */
    public ReconcileViewModel(Supplier<Allocator> allocator, org.ipdesk.ui.TaskExecutor tasks, Scope scope,
            Clock clock, Consumer<Undoable> onApplied) {
        this.allocator = Objects.requireNonNull(allocator, "allocator");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.onApplied = Objects.requireNonNull(onApplied, "onApplied");
        this.title = new ReadOnlyStringWrapper(this, "title", "Reconcile \u2014 " + scope.words());
    }

    // ================================================================= properties

    /**
     * With {@link #sameStaleDaysProperty()}: held addresses not seen for this many days are stale in every subnet, and
     * only what was seen within them counts as in use.
     */
    public IntegerProperty staleDaysProperty() {
        return staleDays;
    }

    /**
     * Whether {@link #staleDaysProperty()} holds for every subnet; false (the default): each subnet's own stale days
     * (set in its Edit dialog, {@value org.ipdesk.model.Subnet#DEFAULT_STALE_DAYS} unless set).
     */
    public javafx.beans.property.BooleanProperty sameStaleDaysProperty() {
        return sameStaleDays;
    }

    /** The stale days to read with: the same for every subnet, or empty for each subnet's own. */
    private java.util.OptionalInt chosenStaleDays() {
        return sameStaleDays.get() ? java.util.OptionalInt.of(staleDays.get()) : java.util.OptionalInt.empty();
    }

    /** The findings, in address order. */
    public ObservableList<ReconcileRow> rows() {
        return readOnlyRows;
    }

    /** "3 findings in network dc1", "No findings: the records match what was seen.". */
    public ReadOnlyStringProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** What the last apply did, or why a read or an apply was refused, in words; empty at first. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether {@link #messageProperty()} says why something was refused. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** True while a read or an apply runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    // ================================================================= commands

    /** Reads the findings again (the chosen actions are forgotten). */
    public void reload() {
        java.util.OptionalInt days = chosenStaleDays();
        if (days.isPresent() && days.getAsInt() < 1) {
            fail("The stale days must be at least 1, not " + days.getAsInt() + ".");
            return;
        }
        long ticket = ++generation;
        busy.set(true);
        tasks.submit(() -> read(allocator.get(), days), findings -> {
            if (ticket == generation) {
                show(findings);
            }
        }, problem -> {
            if (ticket == generation) {
                rows.clear();
                count.set("Cannot read the findings.");
                fail(text(problem));
            }
        });
    }

    /**
     * Applies the actions chosen in the rows as one command; refused in words when none is chosen or when one no
     * longer applies (then nothing was applied). Reads the findings again after it.
     */
    public void apply() {
        List<Finding> findings = new ArrayList<>();
        List<Action> actions = new ArrayList<>();
        for (ReconcileRow row : rows) {
            row.chosenAction().ifPresent(action -> {
                findings.add(row.finding());
                actions.add(action);
            });
        }
        if (findings.isEmpty()) {
            fail("Choose an action in at least one row to apply.");
            return;
        }
        String description = description(findings, actions);
        long ticket = ++generation;
        busy.set(true);
        java.util.OptionalInt days = chosenStaleDays();
        tasks.submit(() -> {
            Allocator engine = allocator.get();
            Reconciler reconciler = new Reconciler(engine);
            List<ReconcileStep> steps = new ArrayList<>();
            for (int i = 0; i < findings.size(); i++) {
                steps.addAll(reconciler.steps(List.of(findings.get(i)), EnumSet.of(actions.get(i))));
            }
            steps = merged(steps);
            ReconcileUndo undo = ReconcileUndo.apply(engine, description, steps);
            return new Applied(undo, read(engine, days.isPresent() && days.getAsInt() < 1 ? java.util.OptionalInt.of(1)
                    : days));
        }, applied -> {
            onApplied.accept(applied.undo());
            if (ticket == generation) {
                show(applied.findings());
            }
            failed.set(false);
            message.set(description + ": applied as one change (Edit \u2192 Undo takes it back).");
        }, problem -> {
            if (ticket == generation) {
                busy.set(false);
            }
            fail(text(problem));
        });
    }

    // ================================================================= work

    private record Applied(ReconcileUndo undo, List<Finding> findings) {
    }

    private List<Finding> read(Allocator engine, java.util.OptionalInt days) {
        Reconciler reconciler = new Reconciler(engine);
        java.time.Instant now = clock.instant();
        if (scope instanceof Scope.Network n) {
            return reconciler.network(n.name(), days, now);
        } else if (scope instanceof Scope.OneSubnet s) {
            return reconciler.subnet(s.id(), days, now);
        }
        return reconciler.everything(days, now);
    }

    /**
     * Several chosen changes of one held address (a new MAC and a new host name) become one update, from the address
     * as read to all of them, as {@link Reconciler#steps} does for one kind of action.
     */
    private static List<ReconcileStep> merged(List<ReconcileStep> steps) {
        List<ReconcileStep> out = new ArrayList<>();
        Map<org.ipdesk.address.Ip, Integer> updateAt = new LinkedHashMap<>();
        for (ReconcileStep step : steps) {
            if (step instanceof ReconcileStep.Update u && updateAt.containsKey(u.ip())) {
                int at = updateAt.get(u.ip());
                ReconcileStep.Update was = (ReconcileStep.Update) out.get(at);
                org.ipdesk.model.AddressDetails before = u.asRead().details();
                org.ipdesk.model.AddressDetails d = was.details();
                org.ipdesk.model.AddressDetails n = u.details();
                // take from this step only what it changed
                org.ipdesk.model.AddressDetails both = new org.ipdesk.model.AddressDetails(
                        n.status() != before.status() ? n.status() : d.status(),
                        !n.hostname().equals(before.hostname()) ? n.hostname() : d.hostname(),
                        !n.mac().equals(before.mac()) ? n.mac() : d.mac(), d.owner(), d.description());
                out.set(at, new ReconcileStep.Update(was.asRead(), both, was.what() + " and " + u.what()));
            } else {
                if (step instanceof ReconcileStep.Update u) {
                    updateAt.put(u.ip(), out.size());
                }
                out.add(step);
            }
        }
        // a release of an address makes any update of it moot
        java.util.Set<org.ipdesk.address.Ip> released = new java.util.HashSet<>();
        out.stream().filter(s -> s instanceof ReconcileStep.Release).forEach(s -> released.add(s.ip()));
        return out.stream().filter(s -> !(s instanceof ReconcileStep.Update) || !released.contains(s.ip())).toList();
    }

    private void show(List<Finding> findings) {
        rows.setAll(findings.stream().map(ReconcileRow::new).toList());
        // "No findings in any network", not "in every network"
        String where = scope instanceof Scope.Everything ? "any network" : scope.words();
        count.set(findings.isEmpty() ? "No findings in " + where + ": the records match what was seen."
                : String.format(Locale.ROOT, "%,d %s in %s", findings.size(),
                        findings.size() == 1 ? "finding" : "findings", scope.words()));
        busy.set(false);
    }

    private void fail(String text) {
        failed.set(true);
        message.set(text);
        busy.set(false);
    }

    /** "Reconcile: record 10.0.0.20, update-mac 10.0.0.5", or "Reconcile 12 findings: record ×9, ignore ×3". */
    static String description(List<Finding> findings, List<Action> actions) {
        if (findings.size() <= 3) {
            List<String> each = new ArrayList<>();
            for (int i = 0; i < findings.size(); i++) {
                each.add(actions.get(i).words() + " " + findings.get(i).ip());
            }
            return "Reconcile: " + String.join(", ", each);
        }
        Map<String, Integer> byAction = new LinkedHashMap<>();
        actions.forEach(a -> byAction.merge(a.words(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        byAction.forEach((words, n) -> parts.add(words + " \u00d7" + n));
        return "Reconcile " + findings.size() + " findings: " + String.join(", ", parts);
    }

    private static String text(Throwable problem) {
        return problem.getMessage() == null || problem.getMessage().isBlank() ? problem.getClass().getSimpleName()
                : problem.getMessage();
    }

    /** The scope for the tree's selection: a subnet, a network, or everything when nothing is selected. */
    public static Scope scopeOf(Optional<org.ipdesk.model.Subnet> subnet, Optional<String> network) {
        if (subnet.isPresent()) {
            return new Scope.OneSubnet(subnet.get().id(), subnet.get().cidr() + " in " + subnet.get().networkName());
        }
        return network.<Scope>map(Scope.Network::new).orElseGet(Scope.Everything::new);
    }
}
