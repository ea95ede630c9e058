package org.ipdesk.ui;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs each job at once when the test's thread (the one that made this executor) submits it, as
 * {@link CurrentThreadTaskExecutor} does; a job submitted from any other thread (a team database's change feed, saying
 * that someone else committed) is held until the test runs it ({@link #runHeldUntil}), so that a view model is never
 * used from two threads at once.
 */
public final class TestThreadTaskExecutor implements TaskExecutor {

    private final Thread owner = Thread.currentThread();
    private final BlockingQueue<Runnable> held = new LinkedBlockingQueue<>();

    @Override
    public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        if (Thread.currentThread() == owner) {
            new CurrentThreadTaskExecutor().submit(work, onSuccess, onFailure);
        } else {
            held.add(() -> new CurrentThreadTaskExecutor().submit(work, onSuccess, onFailure));
        }
    }

    /**
     * Runs the jobs other threads submitted, oldest first on the calling thread, as they come, until {@code done}
     * holds; false when it did not within {@code timeout}.
     */
    public boolean runHeldUntil(BooleanSupplier done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            Runnable job = held.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS);
            if (job != null) {
                job.run();
            }
        }
        return true;
    }
}
