package org.ipdesk.ui.main;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.ipdesk.model.TextFields;

/**
 * Whether the main window is reading its database, why it could not, and what the tree says while it has no rows
 * (opening, empty database, nothing matches the filter, or the error).
 */
public final class LoadState {

    static final String EMPTY_DATABASE = "This database has no networks yet.\n\nCreate one with Edit \u2192 New network "
            + "(or on the command line: ipdesk network add NAME).";

    private final NetworkTreeViewModel tree;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper(this, "placeholder", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);
    private final BooleanBinding emptyDatabase;

    /** The state of the window showing {@code tree}. */
    public LoadState(NetworkTreeViewModel tree) {
        this.tree = tree;
        this.emptyDatabase = Bindings.createBooleanBinding(
                () -> tree.networks().isEmpty() && error.get().isEmpty() && !loading.get(), tree.networks(), error,
                loading);
    }

    /** Why the database could not be read, in the engine's words; empty when all is well. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What the tree says while it has no rows: loading, empty database, nothing matches, or the error. */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The database is open and has no network yet: the window offers its first steps. */
    public BooleanBinding emptyDatabaseProperty() {
        return emptyDatabase;
    }

    boolean isLoading() {
        return loading.get();
    }

    /** The database could not be read. */
    boolean failed() {
        return !error.get().isEmpty();
    }

    void setLoading(boolean now) {
        loading.set(now);
    }

    void setError(String message) {
        error.set(message);
    }

    void setPlaceholder(String text) {
        placeholder.set(text);
    }

    /** The tree pane's placeholder, after the filter changed what it shows. */
    void showPlaceholder() {
        if (tree.networks().isEmpty()) {
            if (error.get().isEmpty()) {
                placeholder.set(EMPTY_DATABASE);
            }
        } else {
            placeholder.set(tree.visibleNetworks().isEmpty()
                    ? "Nothing matches \u201c" + TextFields.shortened(tree.filterProperty().get().strip())
                    + "\u201d." : "");
        }
    }
}
