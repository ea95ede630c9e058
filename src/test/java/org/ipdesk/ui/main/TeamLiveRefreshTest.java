package org.ipdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.CellState;
import org.ipdesk.settings.PasswordKeyring;
import org.ipdesk.store.OpenMode;
import org.ipdesk.store.ServerLocation;
import org.ipdesk.store.postgres.TestPostgres;
import org.ipdesk.ui.CancellingDialogs;
import org.ipdesk.ui.CurrentThreadTaskExecutor;
import org.ipdesk.ui.SampleDatabase;
import org.ipdesk.ui.TaskExecutor;
import org.ipdesk.ui.grid.GridContent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two windows' view models on one team database (PostgreSQL): a change committed by another admin reaches both
 * without anyone polling (the server's notification, heard on the feed's own thread, asks the window to look), and a
 * lost listening connection is said in the status bar, then refreshed from when it is back.
 */
class TeamLiveRefreshTest {
    private final List<MainViewModel> windows = new ArrayList<>();

    /**
     * The window's threads as one test thread: jobs may be submitted from any thread (the change feed's), and run
     * here in order, database work and its answer alike.
     */
    private static final class AnyThreadExecutor implements TaskExecutor {
        private final BlockingQueue<Runnable> jobs = new LinkedBlockingQueue<>();

        @Override
        public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess,
                               Consumer<? super Throwable> onFailure) {
            jobs.add(() -> new CurrentThreadTaskExecutor().submit(work, onSuccess, onFailure));
        }

        /** Runs jobs as they come until {@code done} holds; false when it did not within {@code timeout}. */
        boolean runUntil(BooleanSupplier done, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!done.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                Runnable job = jobs.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS);
                if (job != null) {
                    job.run();
                }
            }
            return true;
        }
    }

    private final AnyThreadExecutor tasks = new AnyThreadExecutor();

    private MainViewModel window(ServerLocation team) throws InterruptedException {
        MainViewModel vm = new MainViewModel(new NetworkTreeViewModel(), team, tasks, null, new CancellingDialogs(),
                new TeamPasswords(PasswordKeyring.forUser()));
        windows.add(vm);
        vm.fileSwitch().load();
        assertThat(tasks.runUntil(() -> !vm.tree().networks().isEmpty(), Duration.ofSeconds(20))).isTrue();
        return vm;
    }

    @AfterEach
    void close() throws InterruptedException {
        windows.forEach(MainViewModel::close);
        tasks.runUntil(() -> false, Duration.ofMillis(200));
    }

    private static TreeRow row(MainViewModel vm, String... path) {
        TreeRow row = vm.tree().networks().stream().filter(r -> r.label().equals(path[0])).findFirst().orElseThrow();
        for (int i = 1; i < path.length; i++) {
            String label = path[i];
            row = row.children().stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow();
        }
        return row;
    }

    @Test
    void aChangeByAnotherAdminReachesBothWindowsWithoutPolling() throws Exception {
        ServerLocation team = TestPostgres.freshIpdeskDatabase();
        SampleDatabase.seed(team);
        MainViewModel alice = window(team);
        MainViewModel carol = window(team);
        for (MainViewModel vm : List.of(alice, carol)) {
            vm.navigation().select(row(vm, "dc1", "10.10.0.0/16", "10.10.1.0/24"));
            assertThat(tasks.runUntil(() -> vm.grid().getContent() instanceof GridContent.Addresses cells
                    && cells.subnet().cidr().toString().equals("10.10.1.0/24")
                    && !vm.grid().loadingProperty().get(), Duration.ofSeconds(10))).isTrue();
            vm.grid().select(20);
            assertThat(vm.grid().caretProperty().get()).isEqualTo(20);
            assertThat(((GridContent.Addresses) vm.grid().getContent()).state(20)).isEqualTo(CellState.FREE);
        }

        try (Allocator bob = Allocator.open(team, OpenMode.EXISTING)) {
            long web = bob.findSubnet(Cidr.parse("10.10.1.0/24"), Optional.of("dc1")).id();
            bob.reserve(web, Ip.parse("10.10.1.20"), AddressDetails.allocated("bobs-host"));
        }

        // nobody calls externalChanges().check(): the notification alone brings the change
        for (MainViewModel vm : List.of(alice, carol)) {
            assertThat(tasks.runUntil(() -> vm.grid().getContent() instanceof GridContent.Addresses cells
                    && cells.state(20) == CellState.ALLOCATED, Duration.ofSeconds(5)))
                    .as("10.10.1.20 shown taken").isTrue();
            assertThat(vm.status().lastOperationProperty().get())
                    .isEqualTo("Another program changed the database; refreshed");
            assertThat(vm.selection().selectedProperty().get().label()).as("the selection kept")
                    .isEqualTo("10.10.1.0/24");
            assertThat(vm.grid().caretProperty().get()).isEqualTo(20);
        }
    }

    @Test
    void aLostListeningConnectionIsSaidAndTheWindowRefreshesWhenItIsBack() throws Exception {
        ServerLocation team = TestPostgres.freshIpdeskDatabase();
        SampleDatabase.seed(team);
        MainViewModel alice = window(team);
        List<String> said = new ArrayList<>();
        alice.status().lastOperationProperty().addListener((o, before, now) -> said.add(now));

        try (Connection admin = TestPostgres.connect(TestPostgres.server());
             Statement statement = admin.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                    + team.database() + "' AND application_name = 'IPDesk changes'");
        }

        assertThat(tasks.runUntil(() -> said.contains("Another program changed the database; refreshed"),
                Duration.ofSeconds(20))).as("refreshed after reconnecting; said: %s", said).isTrue();
        assertThat(said).containsSubsequence(
                "Lost the connection to the team database; reconnecting. Commands fail until it is back; what is"
                        + " shown may be out of date",
                "The connection to the team database is back; refreshing",
                "Another program changed the database; refreshed");
    }
}
