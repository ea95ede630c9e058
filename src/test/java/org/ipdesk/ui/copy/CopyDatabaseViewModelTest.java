package org.ipdesk.ui.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.store.ContentSnapshot;
import org.ipdesk.store.Credentials;
import org.ipdesk.store.Database;
import org.ipdesk.store.Location;
import org.ipdesk.store.OpenMode;
import org.ipdesk.ui.CurrentThreadTaskExecutor;
import org.ipdesk.ui.QueuedTaskExecutor;
import org.ipdesk.ui.SampleDatabase;
import org.ipdesk.ui.ScriptedDialogs;
import org.ipdesk.ui.TaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File → Copy to team database… without a window: what it says will be copied, the copy itself (same records in the
 * target), rows done of the total while it runs, Cancel (nothing left behind), and refusals shown as their message
 * with nothing changed.
 */
class CopyDatabaseViewModelTest {
    @TempDir
    Path dir;

    private Path file;
    private Allocator allocator;
    private final List<Location> opened = new ArrayList<>();

    @BeforeEach
    void seed() {
        file = dir.resolve("desk.db");
        SampleDatabase.seed(file);
    }

    @AfterEach
    void close() {
        if (allocator != null) {
            allocator.close();
        }
    }

    /**
     * The one place the tests' copy targets come from: a new database file today; a team database (an empty
     * PostgreSQL database) can be given here once the tests start one.
     */
    private Location newTarget(String name) {
        return Location.of(dir.resolve(name + ".db"));
    }

    /** Every record of the database at {@code location}, as text. */
    private static String records(Location location) {
        return ContentSnapshot.records(((org.ipdesk.store.FileLocation) location).file());
    }

    private CopyDatabaseViewModel copyOf(Database database, TaskExecutor tasks, boolean backup) {
        allocator = new Allocator(database, Clock.systemUTC(), "tester", new Random(1));
        return new CopyDatabaseViewModel(() -> allocator, tasks, new ScriptedDialogs(), Credentials.NONE, () -> dir,
                opened::add, backup);
    }

    @Test
    void saysWhatWillBeCopiedThenCopiesEveryRecordAndOffersToOpenTheCopy() {
        CopyDatabaseViewModel copy = copyOf(Database.open(Location.of(file), OpenMode.EXISTING),
                new CurrentThreadTaskExecutor(), false);
        long changes = allocator.countChanges(org.ipdesk.model.ChangeFilter.ANY, java.time.ZoneOffset.UTC);
        copy.load();
        assertThat(copy.sourceProperty().get()).isEqualTo(file.toString());
        assertThat(copy.contentsProperty().get()).isEqualTo("2 networks, 7 subnets, 1 range, 45 addresses and "
                + changes + " changes in the change log");

        Location target = newTarget("team-copy");
        copy.targetProperty().set(target.toString());
        assertThat(copy.canCopyProperty().get()).isTrue();
        copy.copy();

        assertThat(copy.problemProperty().get()).isEmpty();
        assertThat(copy.summaryProperty().get()).isEqualTo("Copied 2 networks, 7 subnets, 1 range, 45 addresses and "
                + changes + " changes to " + target);
        assertThat(copy.progressProperty().get()).isEqualTo(1.0);
        long rows = 2 + 7 + 1 + 45 + changes;
        assertThat(copy.progressTextProperty().get()).isEqualTo(String.format("%,d of %,d rows", rows, rows));
        assertThat(records(target)).isEqualTo(records(Location.of(file)));
        assertThat(copy.canCopyProperty().get()).as("a finished copy is not started again").isFalse();

        copy.openCopy();
        assertThat(opened).containsExactly(target);
    }

    @Test
    void showsRowsDoneOfTheTotalWhileItRunsAndCancelLeavesNothing() throws Exception {
        PausingDatabase paused = new PausingDatabase(Database.open(Location.of(file), OpenMode.EXISTING));
        BackgroundTasks tasks = new BackgroundTasks();
        CopyDatabaseViewModel copy = copyOf(paused, tasks, false);
        Location target = newTarget("cancelled");
        copy.targetProperty().set(target.toString());

        copy.copy();
        assertThat(copy.runningProperty().get()).isTrue();
        assertThat(copy.summaryProperty().get()).isEqualTo("Copying to " + target + " \u2026");
        // the copy stops before reading the third subnet's addresses: networks, subnets and some addresses are done
        assertThat(paused.reached.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
        copy.pollProgress();
        double progress = copy.progressProperty().get();
        assertThat(progress).isGreaterThan(0).isLessThan(1);
        assertThat(copy.progressTextProperty().get()).matches("[0-9,]+ of [0-9,]+ rows");

        copy.cancel();
        assertThat(copy.summaryProperty().get()).isEqualTo("Cancelling \u2026");
        paused.go.release(100);
        tasks.runNextCallback();

        assertThat(copy.runningProperty().get()).isFalse();
        assertThat(copy.summaryProperty().get()).isEqualTo("Copy cancelled; nothing was written to " + target);
        assertThat(copy.problemProperty().get()).isEmpty();
        assertThat(copy.copiedProperty().get()).isNull();
        assertThat(dir.toFile().list()).as("no file, not even a temporary one, is left")
                .containsExactlyInAnyOrder("desk.db", "desk.db-wal", "desk.db-shm");
        try (Allocator after = Allocator.open(target, OpenMode.CREATE)) {
            assertThat(after.networks()).as("a cancelled copy leaves the target empty").isEmpty();
        }
        assertThat(copy.canCopyProperty().get()).as("a cancelled copy may be started again").isTrue();
    }

    @Test
    void aRefusedTargetIsShownAsItsMessageAndNothingChanges() {
        Path other = dir.resolve("other.db");
        SampleDatabase.seed(other);
        String before = ContentSnapshot.of(other);
        CopyDatabaseViewModel copy = copyOf(Database.open(Location.of(file), OpenMode.EXISTING),
                new CurrentThreadTaskExecutor(), false);

        copy.targetProperty().set(other.toString());
        copy.copy();
        assertThat(copy.problemProperty().get()).startsWith("Nothing was copied: cannot copy to " + other
                + ": it already holds 2 networks and ").endsWith("; the target must be empty (a new file, or an IPDesk "
                + "database with nothing in it); it was left unchanged");
        assertThat(copy.copiedProperty().get()).isNull();
        assertThat(ContentSnapshot.of(other)).isEqualTo(before);

        copy.targetProperty().set(file.toString());
        assertThat(copy.problemProperty().get()).as("a new target clears the old message").isEmpty();
        copy.copy();
        assertThat(copy.problemProperty().get()).isEqualTo("Nothing was copied: cannot copy " + file + " to " + file
                + ": they are the same file; give another target");
    }

    @Test
    void aServerThatCannotBeReachedIsARefusalWithItsMessage() {
        CopyDatabaseViewModel copy = copyOf(Database.open(Location.of(file), OpenMode.EXISTING),
                new CurrentThreadTaskExecutor(), false);
        copy.targetProperty().set("postgresql://nobody@127.0.0.1:1/ipam");
        copy.copy();
        assertThat(copy.problemProperty().get())
                .startsWith("Nothing was copied: cannot copy to postgresql://nobody@127.0.0.1:1/ipam: ");
        assertThat(copy.runningProperty().get()).isFalse();
        assertThat(copy.copiedProperty().get()).isNull();
        assertThat(copy.canCopyProperty().get()).isTrue();
    }

    @Test
    void aTargetThatIsNoDatabaseIsRefusedBeforeAnythingRuns() {
        QueuedTaskExecutor tasks = new QueuedTaskExecutor();
        CopyDatabaseViewModel copy = copyOf(Database.open(Location.of(file), OpenMode.EXISTING), tasks, false);

        assertThat(copy.canCopyProperty().get()).as("no target yet").isFalse();
        copy.targetProperty().set("copy.db");
        copy.copy();
        assertThat(copy.problemProperty().get()).isEqualTo("'copy.db' is not the whole path of a file; give one that "
                + "starts at the top of the disk, or choose the file with \u201cChoose file\u2026\u201d");
        copy.targetProperty().set("postgresql:///ipam");
        copy.copy();
        assertThat(copy.problemProperty().get()).contains("names no server host");
        assertThat(tasks.pending()).isZero();
        assertThat(copy.runningProperty().get()).isFalse();
    }

    @Test
    void chooseFileFillsInTheTarget() {
        ScriptedDialogs dialogs = new ScriptedDialogs();
        Path chosen = dir.resolve("chosen.db");
        dialogs.files.add(chosen);
        allocator = Allocator.open(Location.of(file), OpenMode.EXISTING);
        CopyDatabaseViewModel copy = new CopyDatabaseViewModel(() -> allocator, new CurrentThreadTaskExecutor(),
                dialogs, Credentials.NONE, () -> dir, opened::add, false);
        copy.chooseFile();
        assertThat(copy.targetProperty().get()).isEqualTo(chosen.toAbsolutePath().toString());
    }

    /** Runs each job on a thread of its own and keeps its callback until the test (the "UI thread") runs it. */
    private static final class BackgroundTasks implements TaskExecutor {
        private final BlockingQueue<Runnable> callbacks = new LinkedBlockingQueue<>();

        @Override
        public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
            Thread thread = new Thread(() -> {
                try {
                    T result = work.call();
                    callbacks.add(() -> onSuccess.accept(result));
                } catch (Throwable failed) {
                    callbacks.add(() -> onFailure.accept(failed));
                }
            }, "copy-test-worker");
            thread.setDaemon(true);
            thread.start();
        }

        void runNextCallback() throws InterruptedException {
            Runnable next = callbacks.poll(20, TimeUnit.SECONDS);
            assertThat(next).as("the job finished").isNotNull();
            next.run();
        }
    }
}
