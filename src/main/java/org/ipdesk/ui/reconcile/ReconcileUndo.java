package org.ipdesk.ui.reconcile;

import java.util.ArrayList;
import java.util.List;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.AllocatorException;
import org.ipdesk.allocator.ReconcileStep;
import org.ipdesk.model.Address;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.ui.undo.Undoable;

/**
 * The reconcile steps applied in one go, as one undoable command. Undo applies the inverse steps as one command
 * ({@link Allocator#applyReconcile}): an address recorded is released, an address updated gets its details back, an
 * address released is recorded again with its details; each conditional on the address being as this desk left it,
 * so an undo after someone else changed one of them is refused whole. Redo applies the original steps again, on the
 * addresses as the undo left them. An ignored finding is shown again by the undo, and ignored again by the redo.
 */
final class ReconcileUndo implements Undoable {
    private final String description;
    /** The steps as first applied. */
    private final List<ReconcileStep> steps;
    /** The steps that take them back, on the addresses as the last apply left them. */
    private List<ReconcileStep> inverse;

    private ReconcileUndo(String description, List<ReconcileStep> steps, List<ReconcileStep> inverse) {
        this.description = description;
        this.steps = steps;
        this.inverse = inverse;
    }

    /**
     * Applies {@code steps} as one command and returns the undoable for it, with the inverse built from the
     * addresses as they are right after (read on the same thread, before anything else of this desk runs).
     */
    static ReconcileUndo apply(Allocator allocator, String description, List<ReconcileStep> steps) {
        allocator.applyReconcile(steps);
        return new ReconcileUndo(description, List.copyOf(steps), inverseOf(allocator, steps));
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void undo(Allocator allocator) {
        if (!inverse.isEmpty()) {
            allocator.applyReconcile(inverse);
        }
    }

    @Override
    public void redo(Allocator allocator) {
        // the original steps were conditional on the addresses as first read; after the undo they are as the undo
        // wrote them, so the same changes are made again from there
        List<ReconcileStep> again = new ArrayList<>();
        for (ReconcileStep step : steps) {
            if (step instanceof ReconcileStep.Update u) {
                again.add(new ReconcileStep.Update(now(allocator, u.asRead()), u.details(), u.what()));
            } else if (step instanceof ReconcileStep.Release r) {
                again.add(new ReconcileStep.Release(now(allocator, r.asRead())));
            } else if (step instanceof ReconcileStep.Record || step instanceof ReconcileStep.Ignore) {
                again.add(step);
            }
        }
        if (!again.isEmpty()) {
            allocator.applyReconcile(again);
        }
        inverse = inverseOf(allocator, steps);
    }

    private static List<ReconcileStep> inverseOf(Allocator allocator, List<ReconcileStep> steps) {
        List<ReconcileStep> back = new ArrayList<>();
        for (ReconcileStep step : steps) {
            if (step instanceof ReconcileStep.Record r) {
                back.add(new ReconcileStep.Release(allocator.address(r.subnetId(), r.ip()).orElseThrow(
                        () -> new AllocatorException.Conflict(r.ip() + " was released meanwhile"))));
            } else if (step instanceof ReconcileStep.Update u) {
                back.add(new ReconcileStep.Update(now(allocator, u.asRead()), u.asRead().details(),
                        "put back the details of"));
            } else if (step instanceof ReconcileStep.Release r) {
                AddressDetails was = r.asRead().details();
                back.add(new ReconcileStep.Record(r.asRead().subnetId(), r.ip(), was));
            } else if (step instanceof ReconcileStep.Ignore i) {
                back.add(new ReconcileStep.Unignore(i.finding()));
            }
        }
        return back;
    }

    /** The address as it is now, where {@code asRead} was. */
    private static Address now(Allocator allocator, Address asRead) {
        return allocator.address(asRead.subnetId(), asRead.ip()).orElseThrow(
                () -> new AllocatorException.Conflict(asRead.ip() + " was released meanwhile"));
    }
}
