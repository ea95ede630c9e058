package org.ipdesk.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/**
 * The application's single background executor for database work: every job is a {@link Task} run on one
 * daemon thread, so the JavaFX thread never waits on SQLite and jobs never overlap.
 */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {

    private volatile Thread worker;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ipdesk-database");
        thread.setDaemon(true);
        worker = thread;
        return thread;
    });

    @Override
    public boolean isWorkerThread() {
        return Thread.currentThread() == worker;
    }

    @Override
    public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(event -> onSuccess.accept(task.getValue()));
        task.setOnFailed(event -> onFailure.accept(task.getException()));
        executor.execute(task);
    }

    /** Lets the jobs already submitted finish (a few seconds at most), then stops the thread. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
