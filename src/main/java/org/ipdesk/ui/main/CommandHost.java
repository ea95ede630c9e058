package org.ipdesk.ui.main;

import java.util.Optional;
import org.ipdesk.model.Subnet;
import org.ipdesk.ui.undo.Undoable;

/** What the window's command sets ({@link EditCommands}, {@link AddressCommands}) need of the window around them. */
public interface CommandHost {

    /** The subnet selected in the tree, if a subnet is selected. */
    Optional<Subnet> selectedSubnet();

    /** After a command: remember it for undo, report it, read everything again, then select {@code key}. */
    void done(String key, String operation, Undoable undo);

    /** A command whose status line is already reported: remember it for undo and read everything again. */
    void recorded(Undoable undo);

    /** Reads everything shown again, without a report. */
    void reload();

    /** Puts an operation and its result in the status line. */
    void report(String operation, boolean failed);
}
