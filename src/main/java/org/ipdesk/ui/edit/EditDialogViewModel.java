package org.ipdesk.ui.edit;

import java.util.HashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.AllocatorException;
import org.ipdesk.model.TextFields;
import org.ipdesk.ui.TaskExecutor;

/**
 * What the create/edit dialogs share: a title, a header, the label of the save button, a general error, and the
 * validate-while-typing cycle. Every change of an input runs the subclass's local checks at once (parsing, bounds)
 * and then, when those pass, its rehearsal through the allocator on the {@link TaskExecutor}; a rehearsal started
 * for older input is dropped when it comes back (latest request wins). {@link #save()} runs the allocator command;
 * a refusal is shown at its field (or as the general error) and the dialog stays open; success sets
 * {@link #savedProperty()}, which closes the dialog.
 *
 * @param <T> what a successful save returns (the network, subnet or range)
 */
public abstract class EditDialogViewModel<T> {

    /** The background half of a check: asks the allocator, returns the UI half, which shows the messages and says whether all passed. */
    @FunctionalInterface
    protected interface Rehearsal {
        BooleanSupplier run(Allocator allocator);
    }

    private final Supplier<Allocator> allocator;
    private final TaskExecutor tasks;
    private final String title;
    private final String saveLabel;
    private final ReadOnlyStringWrapper header = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canSave = valid.and(checking.not()).and(saving.not());
    private final ReadOnlyObjectWrapper<T> saved = new ReadOnlyObjectWrapper<>();
    private final Set<ObservableValue<?>> touched = new HashSet<>();
    private long generation;

    protected EditDialogViewModel(Supplier<Allocator> allocator, TaskExecutor tasks, String title, String saveLabel) {
        this.allocator = allocator;
        this.tasks = tasks;
        this.title = title;
        this.saveLabel = saveLabel;
    }

    // ================================================================= state

    /** The window title: "New subnet", "Edit network"... */
    public String title() {
        return title;
    }

    /** The label of the button that saves: "Create" or "Save". */
    public String saveLabel() {
        return saveLabel;
    }

    /** The dialog's header line: "New subnet in dc1", "Edit 10.10.1.0/24 'Web tier' in dc1". */
    public ReadOnlyStringProperty headerProperty() {
        return header.getReadOnlyProperty();
    }

    /** A problem that belongs to no one field (a failed save, an unreadable database); empty when none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** True while the current input is being checked by the allocator. */
    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    /** True while a save runs; the dialog cannot be cancelled then. */
    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** True when the current input passed every check and no check or save is running. */
    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    public boolean canSave() {
        return canSave.get();
    }

    /** What the last save stored; null until a save succeeds. The dialog closes when it is set. */
    public ReadOnlyObjectProperty<T> savedProperty() {
        return saved.getReadOnlyProperty();
    }

    // ================================================================= commands

    /** Stores the input through the allocator, in the background; does nothing while {@link #canSave()} is false. */
    public final void save() {
        if (!canSave()) {
            return;
        }
        Function<Allocator, T> command = saveCommand();
        saving.set(true);
        error.set("");
        tasks.submit(() -> command.apply(allocator.get()), result -> {
            saving.set(false);
            saved.set(result);
        }, problem -> {
            saving.set(false);
            String message = Messages.of(problem);
            if (problem instanceof AllocatorException.EditedElsewhere) {
                valid.set(false);
                reloadAfterCrossedEdit(message);
            } else if (problem instanceof AllocatorException && showAtField(message)) {
                valid.set(false);
            } else {
                error.set(message);
            }
        });
    }

    // ================================================================= for the subclasses

    protected final void setHeader(String text) {
        header.set(text);
    }

    /** A problem that belongs to no one field. */
    protected final void setError(String message) {
        error.set(message);
    }

    /**
     * The allocator command of a save, built on the UI thread from the current input (which passed every check);
     * it runs on the background executor.
     */
    protected abstract Function<Allocator, T> saveCommand();

    /**
     * Clears the field errors, runs the local checks (setting the field errors they find) and returns the
     * rehearsal to run next, or null when a local check failed.
     */
    protected abstract Rehearsal checkLocally();

    /**
     * Someone else changed (or deleted) what this dialog edits since it was read, so the save was refused and nothing
     * written: an editing dialog reads it again, shows it as it is now and keeps {@code message} (who, when, what) on
     * show, so that the admin can make the change again on top of the other one. Only edits can cross; by default
     * the message is shown.
     */
    protected void reloadAfterCrossedEdit(String message) {
        error.set(message);
    }

    /**
     * What {@link #reloadAfterCrossedEdit} does in an editing dialog: reads the object again with {@code read}, and
     * on the UI thread {@code show}s it (filling the fields, which re-checks them) or, when it is gone, leaves the
     * fields; then shows {@code message} with what to do next.
     */
    protected final <R> void reload(String message, Function<Allocator, java.util.Optional<R>> read,
                                    Consumer<R> show) {
        error.set(message);
        tasks.submit(() -> read.apply(allocator.get()), fresh -> {
            fresh.ifPresent(show);
            error.set(Messages.sentence(message) + (fresh.isPresent()
                    ? ". The dialog now shows it as it is: make your change again if it still applies"
                    : ". Cancel to close the dialog"));
            if (fresh.isEmpty()) {
                valid.set(false);
            }
        }, problem -> error.set(Messages.sentence(message) + ". " + Messages.sentence(Messages.of(problem))));
    }

    /** Puts the message of a refused save at the field it concerns; false leaves it to the general error. */
    protected abstract boolean showAtField(String message);

    /** Re-checks the input whenever one of these changes; a text once non-empty counts as touched. */
    protected final void watch(ObservableValue<?>... inputs) {
        for (ObservableValue<?> input : inputs) {
            markTouched(input);
            input.addListener((obs, before, now) -> {
                markTouched(input);
                revalidate();
            });
        }
    }

    private void markTouched(ObservableValue<?> input) {
        Object value = input.getValue();
        if (value != null && !value.toString().isBlank()) {
            touched.add(input);
        }
    }

    /** Whether the user ever typed into this input (or it was filled in): only then is "it is empty" an error. */
    protected final boolean touched(ObservableValue<?> input) {
        return touched.contains(input);
    }

    /** Checks the current input: locally at once, then through the allocator; the latest request wins. */
    protected final void revalidate() {
        long current = ++generation;
        error.set("");
        valid.set(false);
        Rehearsal rehearsal = checkLocally();
        if (rehearsal == null) {
            checking.set(false);
            return;
        }
        checking.set(true);
        tasks.submit(() -> rehearsal.run(allocator.get()), show -> {
            if (current == generation) {
                checking.set(false);
                valid.set(show.getAsBoolean());
            }
        }, problem -> {
            if (current == generation) {
                checking.set(false);
                error.set(Messages.of(problem));
            }
        });
    }

    /** Runs the work on the background executor, then hands its result to {@code then} on the UI thread; a failure becomes the general error. */
    protected final <R> void load(Function<Allocator, R> work, Consumer<R> then) {
        tasks.submit(() -> work.apply(allocator.get()), then, problem -> error.set(Messages.of(problem)));
    }

    /** Parses a field's text; a parse error becomes that field's message (as a sentence) and the result is null. */
    protected static <V> V parse(String text, Function<String, V> parser, ReadOnlyStringWrapper fieldError) {
        try {
            return parser.apply(text.strip());
        } catch (IllegalArgumentException e) {
            fieldError.set(Messages.sentence(e.getMessage()));
            return null;
        }
    }

    /** Null-safe text of a property. */
    protected static String text(ObservableValue<String> value) {
        return value.getValue() == null ? "" : value.getValue().strip();
    }

    /**
     * Checks a free-text field by the rules every entry point shares ({@link TextFields}): a refused character or
     * an over-long value becomes the general error (as a sentence, in the command line's words). True when it passes.
     */
    protected final boolean textOk(TextFields.Field field, ObservableValue<String> value) {
        return textOk(field, value, error);
    }

    /** {@link #textOk(TextFields.Field, ObservableValue)}, showing the problem in {@code fieldError}. */
    protected static boolean textOk(TextFields.Field field, ObservableValue<String> value,
                                    ReadOnlyStringWrapper fieldError) {
        java.util.Optional<String> problem = TextFields.problem(field, text(value));
        problem.ifPresent(p -> fieldError.set(Messages.sentence(p)));
        return problem.isEmpty();
    }

    /** Whether every given error is empty. */
    protected static boolean noErrors(ReadOnlyStringWrapper... errors) {
        for (ReadOnlyStringWrapper e : errors) {
            if (!e.get().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Clears every given error. */
    protected static void clear(ReadOnlyStringWrapper... errors) {
        for (ReadOnlyStringWrapper e : errors) {
            e.set("");
        }
    }
}
