package org.ipdesk.ui.main;

import org.ipdesk.ui.undo.UndoStack;

/**
 * Edit → Undo and Redo over the window's {@link UndoStack}: each takes a command of this window back (or does it
 * again) as a new logged change, then the window reads everything again and the status line says what was done,
 * or why it could not be.
 */
public final class UndoRedo {

    /** Reads the window again after {@code operation}, reported in the status line ({@code failed}: as an error). */
    @FunctionalInterface
    public interface Refresh {
        void refresh(String operation, boolean failed);
    }

    private final UndoStack stack;
    private final Refresh refresh;

    public UndoRedo(UndoStack stack, Refresh refresh) {
        this.stack = stack;
        this.refresh = refresh;
    }

    /** The commands done in this window, with what Undo and Redo would do. */
    public UndoStack stack() {
        return stack;
    }

    /** Edit → Undo (Ctrl+Z): takes the newest command of this window back, as a new logged change. */
    public void undo() {
        stack.undo(done -> refresh.refresh(done, false),
                problem -> refresh.refresh("Cannot undo: " + Problems.message(problem), true));
    }

    /** Edit → Redo (Ctrl+Shift+Z): does the newest undone command again. */
    public void redo() {
        stack.redo(done -> refresh.refresh(done, false),
                problem -> refresh.refresh("Cannot redo: " + Problems.message(problem), true));
    }
}
