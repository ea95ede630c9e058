package org.ipdesk.ui.help;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.ipdesk.ui.action.StandardAction;

/**
 * The keyboard shortcuts Help → Keyboard shortcuts lists. "Ctrl" is the platform's shortcut key (Cmd on macOS);
 * alternatives are separated by " / " ("Ctrl+Shift+Z / Ctrl+Y").
 */
public final class KeyboardShortcuts {

    /**
     * One shortcut.
     *
     * @param keys   the keys, "+" between keys pressed together, " / " between alternatives: "Ctrl+Shift+Z / Ctrl+Y"
     * @param action what it does: "Redo"
     * @param where  where it works, the heading it is listed under: "Main window", "Address grid"
     */
    public record Shortcut(String keys, String action, String where) {
        public Shortcut {
            Objects.requireNonNull(keys, "keys");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(where, "where");
        }
    }

    private static final String WINDOW = "Main window";
    private static final String GRID = "Address grid";
    private static final String TABLE = "Address table";
    private static final String BLOCKS = "Block map (large subnets)";
    private static final String HISTORY = "History window";
    private static final String OTHER = "Other windows";

    /** Tab, and the keys of the grid, the address table, the block map, the History window and the other windows,
     * which are not menu actions. */
    private static final List<Shortcut> IN_PANES = List.of(
            new Shortcut("Tab / Shift+Tab", "Move to the next or previous control (the focused one has a blue frame)",
                    WINDOW),
            new Shortcut("Arrow keys", "Move to the next address left, right, up or down", GRID),
            new Shortcut("Page Up / Page Down", "Move a page up or down", GRID),
            new Shortcut("Home / End", "Move to the start or end of the row", GRID),
            new Shortcut("Ctrl+Home / Ctrl+End", "Move to the first or last address", GRID),
            new Shortcut("Shift+Arrow keys", "Extend the selection (Shift works with every move above)", GRID),
            new Shortcut("Shift+Click", "Select the range from the selected address to this one", GRID),
            new Shortcut("Ctrl+A", "Select every address", GRID),
            new Shortcut("Escape", "Clear the selection", GRID),
            new Shortcut("Enter / Double-click", "Reserve the free address, or edit the held one", GRID),
            new Shortcut("Delete", "Release the selected address(es)", GRID),

            new Shortcut("Ctrl+Click / Shift+Click", "Add a row to the selection / select the rows up to this one", TABLE),
            new Shortcut("Enter / Double-click", "Edit the held address, or reserve the free one", TABLE),
            new Shortcut("Delete", "Release the selected addresses", TABLE),

            new Shortcut("Enter / Double-click", "Zoom into the block", BLOCKS),
            new Shortcut("Backspace", "Zoom out", BLOCKS),

            new Shortcut("F5", "Read the history again", HISTORY),

            new Shortcut("Escape / Ctrl+W", "Close the window (History, Usage, Reconcile, Import, this one\u2026)",
                    OTHER));

    /**
     * What the application offers today, grouped by where it works, in the order the help window shows them: the
     * main window's accelerators as the action catalogue declares them, then the keys of the panes.
     */
    public static final List<Shortcut> ALL = Stream.concat(
            Arrays.stream(StandardAction.values()).filter(action -> action.keys().isPresent())
                    .map(action -> new Shortcut(action.keysText(), action.help(), WINDOW)),
            IN_PANES.stream()).toList();

    private KeyboardShortcuts() {
    }
}
