package org.ipdesk.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Where view models send database work. The application's executor ({@link FxTaskExecutor}) runs each job as
 * a {@link javafx.concurrent.Task} on one background thread and reports back on the JavaFX thread; tests pass
 * an executor that runs the job at once on the calling thread, so view models are tested without the toolkit.
 */
public interface TaskExecutor {

    /**
     * Runs {@code work} on the background executor, after everything submitted before; then, on the UI thread,
     * {@code onSuccess} with its result or {@code onFailure} with what it threw.
     */
    <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /**
     * True on the thread that runs the submitted work. The window's allocator refuses to be reached from any
     * other thread, so a database call on the JavaFX thread fails loudly instead of freezing the window.
     */
    default boolean isWorkerThread() {
        return true;
    }
}
