package org.ipdesk.ui.reconcile;

import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.ipdesk.observe.Finding;
import org.ipdesk.observe.Finding.Action;

/**
 * One finding as the Reconcile window lists it: its kind in words, the address (or the block, for addresses seen
 * outside every subnet), what was seen, what is recorded, the suggested action, and the action chosen for it (none
 * until the admin picks one).
 */
public final class ReconcileRow {
    /** What the action choice shows when nothing is chosen. */
    public static final String NONE = "none";

    private final Finding finding;
    private final ObjectProperty<String> chosen = new SimpleObjectProperty<>(this, "chosen", NONE);

    ReconcileRow(Finding finding) {
        this.finding = Objects.requireNonNull(finding, "finding");
    }

    Finding finding() {
        return finding;
    }

    /** "unknown-host", "mac-differs", "stale", … */
    public String kind() {
        return finding.kind().words();
    }

    /** The address, or the covering block of addresses seen outside every subnet. */
    public String address() {
        return finding.block().map(Object::toString).orElse(finding.ip().toString());
    }

    public String seen() {
        return finding.seen();
    }

    public String recorded() {
        return finding.recorded();
    }

    /** The suggested action in words ("record", "update-mac", "investigate"). */
    public String suggested() {
        return finding.action().words();
    }

    /** {@value #NONE}, then the actions reconcile can apply to this finding, in words. */
    public List<String> choices() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(NONE),
                finding.actions().stream().filter(Action::appliable).map(Action::words)).toList();
    }

    /** The action chosen for this row, in words; {@value #NONE} for none. A choice outside {@link #choices()} counts as none. */
    public ObjectProperty<String> chosenProperty() {
        return chosen;
    }

    /** The chosen action, if one this finding offers. */
    java.util.Optional<Action> chosenAction() {
        String words = chosen.get();
        return finding.actions().stream().filter(a -> a.appliable() && a.words().equals(words)).findFirst();
    }
}
