package org.ipdesk.ui.main;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.store.Credentials;
import org.ipdesk.store.FileLocation;
import org.ipdesk.store.Location;
import org.ipdesk.store.OpenMode;
import org.ipdesk.ui.TaskExecutor;

/**
 * The database the main window works on (a file, or a team database on a server) and its allocator: opened on first
 * use, switched to another database only once that one has opened and been read, closed after the work still queued.
 * A team database's password comes from the window's {@link Credentials}.
 *
 * <p>The allocator is opened, used and closed only by jobs on the {@link TaskExecutor}; {@link #allocator()}
 * refuses every other thread, so a database call on the JavaFX thread fails loudly instead of freezing the
 * window.
 */
public final class OpenDatabase {

    private final TaskExecutor tasks;
    /** The open allocator; touched only by jobs on the executor. */
    private Allocator allocator;
    private volatile Location openLocation;
    private final Credentials credentials;
    /** Told, on the change feed's thread, when another writer committed (engines that are told of commits). */
    private volatile Runnable changedElsewhere = () -> { };
    /** Stops the open allocator's change feed from calling {@link #changedElsewhere}; touched by executor jobs. */
    private AutoCloseable subscription = () -> { };

    /** The database {@code file}, opened by the first job that needs it. */
    public OpenDatabase(TaskExecutor tasks, Path file) {
        this(tasks, Location.of(file), Credentials.NONE);
    }

    /** The database at {@code location}, opened by the first job that needs it with {@code credentials}. */
    public OpenDatabase(TaskExecutor tasks, Location location, Credentials credentials) {
        this.tasks = tasks;
        this.openLocation = location;
        this.credentials = credentials;
    }

    /**
     * The allocator of the open file, for jobs on the executor only; opens the file the first time (creating it
     * when missing).
     */
    public Allocator allocator() {
        if (!tasks.isWorkerThread()) {
            throw new IllegalStateException("database work must run on the database thread, not on "
                    + Thread.currentThread().getName());
        }
        if (allocator == null) {
            allocator = Allocator.open(openLocation, createWhenMissing(openLocation), credentials);
            listen(allocator);
        }
        return allocator;
    }

    /**
     * What to run, on the change feed's own thread, right after another writer commits to the open database, where
     * the engine is told of commits (a team database's notifications); a file's feed never calls it and is polled.
     */
    public void whenChangedElsewhere(Runnable action) {
        changedElsewhere = action;
    }

    private void listen(Allocator opened) {
        stopListening();
        subscription = opened.changeFeed().onChange(() -> changedElsewhere.run());
    }

    private void stopListening() {
        try {
            subscription.close();
        } catch (Exception e) {
            // a feed that cannot stop calling is closed with its database
        }
        subscription = () -> { };
    }

    /** {@link #allocator()} as a supplier, for the view models of the window's parts. */
    public Supplier<Allocator> supplier() {
        return this::allocator;
    }

    /** The next allocator opened lazily is on {@code location}. */
    void switchTo(Location location) {
        openLocation = location;
    }

    /** Opens {@code target} beside the current file; only when that worked is the current one closed. */
    NetworkTreeViewModel.Snapshot openAndRead(Path target, OpenMode mode) {
        return openAndRead(Location.of(target), mode);
    }

    /** Opens {@code target} beside the current database; only when that worked is the current one closed. */
    NetworkTreeViewModel.Snapshot openAndRead(Location target, OpenMode mode) {
        Allocator next = Allocator.open(target, mode, credentials);
        NetworkTreeViewModel.Snapshot snapshot;
        try {
            snapshot = NetworkTreeViewModel.read(next);
        } catch (RuntimeException e) {
            next.close();
            throw e;
        }
        if (allocator != null) {
            stopListening();
            allocator.close();
        }
        allocator = next;
        listen(next);
        openLocation = target;
        return snapshot;
    }

    /** Closes the database after any work still queued. */
    public void close() {
        tasks.submit(() -> {
            if (allocator != null) {
                stopListening();
                allocator.close();
                allocator = null;
            }
            return null;
        }, ignored -> { }, ignored -> { });
    }

    /** The file the window starts on (or the default database) is created when missing; never initialised when empty. */
    static OpenMode createWhenMissing(Location location) {
        return location instanceof FileLocation file ? createWhenMissing(file.file()) : OpenMode.EXISTING;
    }

    /** The file the window starts on (or the default database) is created when missing. */
    static OpenMode createWhenMissing(Path file) {
        return Files.exists(file) ? OpenMode.EXISTING : OpenMode.CREATE;
    }

    static boolean isEmptyFile(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) == 0;
        } catch (java.io.IOException e) {
            return false; // opening says what is wrong with it
        }
    }
}
