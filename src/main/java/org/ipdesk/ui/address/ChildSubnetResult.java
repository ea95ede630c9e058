package org.ipdesk.ui.address;

import org.ipdesk.model.Subnet;
import org.ipdesk.ui.undo.Undoable;

/** What the child-subnet dialog created, its undoable command and a status line. */
public record ChildSubnetResult(Subnet subnet, Undoable undoable, String summary) {
}
