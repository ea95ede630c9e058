package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.ipdesk.store.ChangeFeed;
import org.ipdesk.ui.QueuedTaskExecutor;
import org.junit.jupiter.api.Test;

/** The external-change watcher on a fake change feed: refreshes only when the version moved, never twice at once. */
class ExternalChangeWatcherTest {

    private final AtomicLong version = new AtomicLong(7);
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger refreshes = new AtomicInteger();
    private final AtomicBoolean paused = new AtomicBoolean();
    private final QueuedTaskExecutor tasks = new QueuedTaskExecutor();
    private final ChangeFeed feed = () -> {
        reads.incrementAndGet();
        return version.get();
    };
    private final ExternalChangeWatcher watcher = new ExternalChangeWatcher(tasks, feed, paused::get,
            refreshes::incrementAndGet);

    @Test
    void nothingIsAskedBeforeTheTreeWasRead() {
        watcher.check();
        assertThat(tasks.pending()).isZero();
    }

    @Test
    void aMovedVersionRefreshesAndAnUnchangedOneDoesNot() {
        watcher.seen(7);
        watcher.check();
        assertThat(tasks.pending()).isOne();
        tasks.runAll();
        assertThat(refreshes).hasValue(0);

        version.set(8);
        watcher.check();
        tasks.runAll();
        assertThat(reads).hasValue(2);
        assertThat(refreshes).hasValue(1);
    }

    @Test
    void oneQuestionAtATimeAndNoneWhilePausedOrAfterForget() {
        watcher.seen(7);
        watcher.check();
        watcher.check();
        assertThat(tasks.pending()).isOne();
        tasks.runAll();

        paused.set(true);
        watcher.check();
        assertThat(tasks.pending()).isZero();

        paused.set(false);
        watcher.forget();
        version.set(9);
        watcher.check();
        assertThat(tasks.pending()).isZero();
        assertThat(refreshes).hasValue(0);
    }

    @Test
    void aFailedReadIsForgottenAndTheNextCheckAsksAgain() {
        ExternalChangeWatcher failing = new ExternalChangeWatcher(tasks, () -> {
            throw new IllegalStateException("locked");
        }, () -> false, refreshes::incrementAndGet);
        failing.seen(1);
        failing.check();
        tasks.runAll();
        failing.check();
        assertThat(tasks.pending()).isOne();
        assertThat(refreshes).hasValue(0);
    }
}
