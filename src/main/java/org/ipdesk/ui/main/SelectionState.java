package org.ipdesk.ui.main;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.ipdesk.model.Subnet;

/**
 * What the panes of the main window share about the selection: the tree row chosen (a network or a subnet), and
 * the conditions the commands are enabled on. The grid's caret and selection live in its own view model; the
 * window's parts read the row here instead of asking each other.
 */
public final class SelectionState {

    private final ReadOnlyObjectWrapper<TreeRow> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final BooleanBinding subnetSelected = Bindings.createBooleanBinding(
            () -> selected.get() != null && selected.get().subnet().isPresent(), selected);
    private final BooleanBinding somethingSelected = selected.isNotNull();

    /** The selected tree row; null when nothing is selected. */
    public ReadOnlyObjectProperty<TreeRow> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The selected tree row; null when nothing is selected. */
    public TreeRow get() {
        return selected.get();
    }

    /** Selects {@code row} (null: nothing). */
    public void set(TreeRow row) {
        selected.set(row);
    }

    /** The selected subnet, when the selected row is a subnet. */
    public Optional<Subnet> subnet() {
        return Optional.ofNullable(selected.get()).flatMap(TreeRow::subnet);
    }

    /** A subnet is selected: ranges can be added to it. */
    public BooleanBinding subnetSelectedProperty() {
        return subnetSelected;
    }

    /** A network or subnet is selected: it can be edited or deleted. */
    public BooleanBinding somethingSelectedProperty() {
        return somethingSelected;
    }
}
