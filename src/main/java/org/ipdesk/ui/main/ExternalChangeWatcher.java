package org.ipdesk.ui.main;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;
import org.ipdesk.store.ChangeFeed;
import org.ipdesk.ui.TaskExecutor;

/**
 * Notices other writers (another window, the CLI): {@link #check()} asks the open database's {@link ChangeFeed}
 * (the allocator's, read on the database executor; a fake one in tests) on the database
 * executor whether its version moved since the tree was read ({@link #seen}), and if so runs the refresh it was given.
 * {@link #start} checks on a timer (the application starts it; tests call {@link #check()} themselves).
 */
public final class ExternalChangeWatcher {

    /** How often the window asks whether another process wrote to the database. */
    public static final Duration POLL = Duration.seconds(1);

    private static final long UNSEEN = Long.MIN_VALUE;

    private final TaskExecutor tasks;
    private final ChangeFeed feed;
    private final BooleanSupplier paused;
    private final Runnable onExternalChange;
    private final java.util.function.Consumer<Boolean> onConnection;
    private boolean connected = true;
    private long seenVersion = UNSEEN;
    private boolean checking;
    private Timeline timer;

    /**
     * @param paused           true while a check makes no sense (the tree is loading, or the file could not be read)
     * @param onExternalChange what to do, on the UI thread, when someone else wrote
     */
    public ExternalChangeWatcher(TaskExecutor tasks, ChangeFeed feed, BooleanSupplier paused,
            Runnable onExternalChange) {
        this(tasks, feed, paused, onExternalChange, nowConnected -> { });
    }

    /**
     * @param onConnection what to do, on the UI thread, when the feed loses its server ({@code false}: no refresh
     *                     until it is back) or hears it again ({@code true}: the refresh for what was missed follows)
     */
    public ExternalChangeWatcher(TaskExecutor tasks, ChangeFeed feed, BooleanSupplier paused,
            Runnable onExternalChange, java.util.function.Consumer<Boolean> onConnection) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.feed = Objects.requireNonNull(feed, "feed");
        this.paused = Objects.requireNonNull(paused, "paused");
        this.onExternalChange = Objects.requireNonNull(onExternalChange, "onExternalChange");
        this.onConnection = Objects.requireNonNull(onConnection, "onConnection");
    }

    /** What one look at the feed saw. */
    private record Heard(long version, boolean connected) {
    }

    /** The version the tree on screen was read at; later versions are someone else's changes. */
    public void seen(long version) {
        seenVersion = version;
    }

    /** Another file is being opened: nothing is known of it until its tree is read. */
    public void forget() {
        seenVersion = UNSEEN;
    }

    /** Asks the feed, on the executor, whether the database moved since it was read; refreshes if it did. */
    public void check() {
        if (checking || seenVersion == UNSEEN || paused.getAsBoolean()) {
            return;
        }
        checking = true;
        tasks.submit(() -> new Heard(feed.version(), feed.connected()), heard -> {
            checking = false;
            if (heard.connected() != connected) {
                connected = heard.connected();
                onConnection.accept(connected);
            }
            // while the server is gone a refresh would only fail; the version rises again when it is back
            if (heard.connected() && heard.version() != seenVersion) {
                onExternalChange.run();
            }
        }, problem -> checking = false);
    }

    /** Checks every {@code interval} on the JavaFX thread until {@link #stop()}. */
    public void start(Duration interval) {
        stop();
        timer = new Timeline(new KeyFrame(interval, event -> check()));
        timer.setCycleCount(Animation.INDEFINITE);
        timer.play();
    }

    /** Stops the timer (the window is closing). */
    public void stop() {
        if (timer != null) {
            timer.stop();
            timer = null;
        }
    }
}
