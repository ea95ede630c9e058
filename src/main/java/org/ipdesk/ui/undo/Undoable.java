package org.ipdesk.ui.undo;

import org.ipdesk.allocator.Allocator;

/**
 * A command done in this window that can be taken back and done again. Both directions go through the
 * allocator, so each is a new change with its own row in the change log, under the same rules as any other
 * command: an undo that the rules no longer allow (another process took the address meanwhile) is refused
 * with the allocator's message and changes nothing.
 */
public interface Undoable {

    /** What the command did, for the menu: "Reserve 10.0.0.5 in 10.0.0.0/24 in lab". */
    String description();

    /** Takes the command back. Runs on the database thread. */
    void undo(Allocator allocator);

    /** Does the command again after an undo. Runs on the database thread. */
    void redo(Allocator allocator);
}
