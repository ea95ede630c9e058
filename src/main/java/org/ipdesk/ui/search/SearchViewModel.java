package org.ipdesk.ui.search;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
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
import org.ipdesk.model.TextFields;
import org.ipdesk.ui.TaskExecutor;

/**
 * The search field's state: the text typed, the results found for it, the one selected and what to say. Each
 * change of the text starts a search on the {@link TaskExecutor}; the latest text wins (a result for an older
 * text is dropped, and a search still waiting in the queue when a newer text comes is skipped without reading
 * the database). Blank text clears the results; a text of one character waits for a second one, so that the
 * first keystroke does not list every address holding a "1".
 *
 * <p>A search finds held addresses ({@link Allocator#find}: by IP, every address inside a CIDR, MAC in any
 * notation, or text in host name, owner, MAC or description, across all networks) and subnets: the smallest
 * subnet of each network holding a typed IP (with that IP, so the grid can open at its cell even when it is
 * free), the subnets a typed CIDR names, holds or lies in, and the subnets whose name, description or CIDR
 * holds the text or whose VLAN it is.
 */
public final class SearchViewModel {

    /** How many characters a text needs before it is searched. */
    public static final int MIN_LENGTH = 2;
    static final String TOO_SHORT = "Type one more character to search";

    private final Supplier<Allocator> allocator;
    private final TaskExecutor tasks;

    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<SearchResult> results = FXCollections.observableArrayList();
    private final ObservableList<SearchResult> readOnlyResults = FXCollections.unmodifiableObservableList(results);
    private final ObjectProperty<SearchResult> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching", false);
    private final ReadOnlyStringWrapper gone = new ReadOnlyStringWrapper(this, "gone", "");
    private Consumer<? super SearchResult> onChoose = result -> { };

    /** The number of the latest text; read by queued jobs on the background thread to skip stale work. */
    private final AtomicLong latest = new AtomicLong();

    /**
     * @param allocator gives the allocator; called only inside jobs on the executor
     * @param tasks     runs the searches off the JavaFX thread and reports back on it
     */
    public SearchViewModel(Supplier<Allocator> allocator, TaskExecutor tasks) {
        this.allocator = Objects.requireNonNull(allocator, "allocator");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        query.addListener((property, before, now) -> {
            gone.set("");
            search(now);
        });
        selected.addListener((property, before, now) -> {
            if (now != null && !results.contains(now)) {
                selected.set(before != null && results.contains(before) ? before : null);
            }
        });
    }

    // ================================================================= state

    /** The text typed: an IP, a CIDR, a MAC, or any text of a host name, owner, description or subnet. */
    public StringProperty queryProperty() {
        return query;
    }

    /** What the latest search found: subnets and addresses in the order to list them. Read-only. */
    public ObservableList<SearchResult> results() {
        return readOnlyResults;
    }

    /** The result the keyboard or mouse is on, one of {@link #results()}, or null. */
    public ObjectProperty<SearchResult> selectedProperty() {
        return selected;
    }

    /** "12 results", "No address or subnet matches “x”", the error, or empty (blank text). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /**
     * Why the last result chosen was not gone to ("10.50.0.2 is no longer held in 10.50.0.0/24 in lab"), or empty.
     * Set when the result no longer exists (the list is then searched again); emptied when the text changes.
     */
    public ReadOnlyStringProperty goneProperty() {
        return gone.getReadOnlyProperty();
    }

    /** True while a search for the current text is running. */
    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    /** What to do with a chosen result (the window shows its network, subnet and cell). */
    public void setOnChoose(Consumer<? super SearchResult> onChoose) {
        this.onChoose = onChoose == null ? result -> { } : onChoose;
    }

    // ================================================================= commands

    /** Chooses the selected result, or the first one when none is selected. False when there is none. */
    public boolean choose() {
        SearchResult target = selected.get() != null ? selected.get() : results.isEmpty() ? null : results.get(0);
        if (target == null) {
            return false;
        }
        choose(target);
        return true;
    }

    /**
     * Chooses {@code result}: selects it, checks on the executor that it still exists (the subnet with the same
     * CIDR in the same network, the address still held), then hands it to the callback. A result that no longer
     * exists is not gone to: {@link #goneProperty()} and the message say so and the text is searched again.
     */
    public void choose(SearchResult result) {
        Objects.requireNonNull(result, "result");
        if (results.contains(result)) {
            selected.set(result);
        }
        tasks.submit(() -> Searches.gone(allocator.get(), result), why -> {
            if (why.isEmpty()) {
                onChoose.accept(result);
                return;
            }
            gone.set(why.get());
            search(query.get());
        }, problem -> message.set("Cannot go to " + result.title() + ": " + why(problem)));
    }

    /** Moves the selection {@code delta} results along, stopping at the ends; from none, Down selects the first. */
    public void moveSelection(int delta) {
        if (results.isEmpty()) {
            return;
        }
        int at = selected.get() == null ? -1 : results.indexOf(selected.get());
        int target = at < 0 ? (delta > 0 ? 0 : -1) : Math.max(0, Math.min(results.size() - 1, at + delta));
        if (target >= 0) {
            selected.set(results.get(target));
        }
    }

    /** Empties the text (and with it the results). */
    public void clear() {
        query.set("");
    }

    /**
     * Another database was opened: the text, the results and the selection go (they belong to the other file),
     * and a search still running for the old text is dropped.
     */
    public void databaseSwitched() {
        gone.set("");
        if (query.get().isEmpty()) {
            search("");
        } else {
            query.set("");
        }
    }

    /** Runs the search for the current text again (after the database changed). */
    public void refresh() {
        search(query.get());
    }

    // ================================================================= searching

    private void search(String text) {
        long ticket = latest.incrementAndGet();
        String q = text == null ? "" : text.strip();
        if (q.length() < MIN_LENGTH) {
            show(List.of(), q.isEmpty() ? "" : TOO_SHORT);
            searching.set(false);
            return;
        }
        searching.set(true);
        tasks.submit(() -> latest.get() == ticket ? Searches.run(allocator.get(), q) : null, found -> {
            if (found == null || latest.get() != ticket) {
                return;
            }
            show(found.results(), count(found, q));
            searching.set(false);
        }, problem -> {
            if (latest.get() != ticket) {
                return;
            }
            show(List.of(), "Search failed: " + why(problem));
            searching.set(false);
        });
    }

    private void show(List<SearchResult> found, String text) {
        selected.set(null);
        results.setAll(found);
        message.set(gone.get().isEmpty() || text.isEmpty() ? text : gone.get() + "\n" + text);
    }

    private static String why(Throwable problem) {
        return problem.getMessage() == null || problem.getMessage().isBlank()
                ? problem.getClass().getSimpleName() : problem.getMessage();
    }

    private static String count(Searches.Found found, String q) {
        int n = found.results().size();
        if (n == 0) {
            return "No address or subnet matches \u201c" + TextFields.shortened(q) + "\u201d";
        }
        String text = String.format("%,d %s", n, n == 1 ? "result" : "results");
        return found.capped() ? text + " (addresses stop at " + String.format("%,d", Allocator.SEARCH_LIMIT)
                + "; type more to narrow)" : text;
    }
}
