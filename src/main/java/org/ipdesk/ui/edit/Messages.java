package org.ipdesk.ui.edit;

import org.ipdesk.address.InvalidAddressException;
import org.ipdesk.allocator.AllocatorException;
import org.ipdesk.store.StoreException;

/** Turns engine messages and failures into the sentences the dialogs show. */
public final class Messages {

    private Messages() {
    }

    /** The message with its first letter in upper case: "gateway 10.0.1.1 is outside ..." becomes "Gateway 10.0.1.1 ...". */
    public static String sentence(String message) {
        if (message == null || message.isEmpty()) {
            return "";
        }
        return Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

    /** What to tell the user about a failure: the engine's own words, or the kind of failure when it has none. */
    public static String of(Throwable problem) {
        if (problem instanceof AllocatorException || problem instanceof StoreException
                || problem instanceof InvalidAddressException) {
            return sentence(problem.getMessage());
        }
        String message = problem.getMessage();
        return message == null || message.isBlank()
                ? "Unexpected error: " + problem.getClass().getSimpleName()
                : sentence(message);
    }
}
