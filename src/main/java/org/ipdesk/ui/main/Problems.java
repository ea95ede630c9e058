package org.ipdesk.ui.main;

import org.ipdesk.allocator.AllocatorException;
import org.ipdesk.store.StoreException;
import org.ipdesk.store.TargetRefusedException;

/** How the main window words a failure in its status line. */
final class Problems {

    private Problems() {
    }

    static String message(Throwable problem) {
        if (problem instanceof TargetRefusedException refused) {
            return refused.why(); // the file is named by the caller's "Cannot export to FILE: "
        }
        if (problem instanceof StoreException || problem instanceof AllocatorException) {
            return problem.getMessage();
        }
        return problem.getMessage() == null || problem.getMessage().isBlank()
                ? problem.getClass().getSimpleName()
                : problem.getMessage();
    }
}
