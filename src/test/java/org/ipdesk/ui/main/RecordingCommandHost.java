package org.ipdesk.ui.main;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.ipdesk.model.Subnet;
import org.ipdesk.ui.undo.Undoable;

/**
 * A {@link CommandHost} for the command-set tests: records what the commands finished ("done": the operation,
 * "recorded", "reload") and what they reported ("reports": the message, with " (failed)" when it failed).
 */
final class RecordingCommandHost implements CommandHost {
    final List<String> done = new ArrayList<>();
    final List<String> reports = new ArrayList<>();
    private final Supplier<Optional<Subnet>> selected;

    RecordingCommandHost(Supplier<Optional<Subnet>> selected) {
        this.selected = selected;
    }

    @Override
    public Optional<Subnet> selectedSubnet() {
        return selected.get();
    }

    @Override
    public void done(String key, String operation, Undoable undo) {
        done.add(operation);
    }

    @Override
    public void recorded(Undoable undo) {
        done.add("recorded");
    }

    @Override
    public void reload() {
        done.add("reload");
    }

    @Override
    public void report(String operation, boolean failed) {
        reports.add(operation + (failed ? " (failed)" : ""));
    }
}
