package org.ipdesk.report;

/**
 * Asked between rows whether a long export should stop. The GUI passes its task's {@code isCancelled};
 * the command line passes {@link #NEVER}.
 */
@FunctionalInterface
public interface Cancellation {
    Cancellation NEVER = () -> false;

    boolean isCancelled();
}
