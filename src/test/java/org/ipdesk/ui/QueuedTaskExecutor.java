package org.ipdesk.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Keeps each job until the test runs it, on the calling thread: to make results land late, or out of order.
 */
public final class QueuedTaskExecutor implements TaskExecutor {

    private final List<Runnable> jobs = new ArrayList<>();

    @Override
    public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        jobs.add(() -> new CurrentThreadTaskExecutor().submit(work, onSuccess, onFailure));
    }

    /** How many jobs wait. */
    public int pending() {
        return jobs.size();
    }

    /** Runs the oldest waiting job only (jobs it submits wait): something else may happen before the next. */
    public void runOne() {
        jobs.remove(0).run();
    }

    /** Runs the waiting jobs, oldest first. */
    public void runAll() {
        while (!jobs.isEmpty()) {
            jobs.remove(0).run();
        }
    }

    /** Runs the waiting jobs, newest first: later requests answer before earlier ones. */
    public void runNewestFirst() {
        while (!jobs.isEmpty()) {
            jobs.remove(jobs.size() - 1).run();
        }
    }
}
