package org.ipdesk.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.ipdesk.store.Database;
import org.ipdesk.store.OpenMode;
import org.ipdesk.store.ServerLocation;
import org.junit.jupiter.api.Test;

/**
 * Session.lockSubnet on PostgreSQL locks one subnet, never the database: a writer of another subnet goes ahead while
 * one of the same subnet waits, as the server's own lock table (read with plain JDBC) shows.
 */
class PerSubnetLockTest {
    @Test
    void writersOfOtherSubnetsDoNotWaitAndWritersOfTheSameSubnetDo() throws Exception {
        ServerLocation location = TestPostgres.freshIpdeskDatabase();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (Database holder = Database.open(location, OpenMode.EXISTING);
             Database other = Database.open(location, OpenMode.EXISTING);
             Database same = Database.open(location, OpenMode.EXISTING);
             Connection observer = TestPostgres.connect(location)) {
            CompletableFuture<Void> held = CompletableFuture.runAsync(() -> holder.write(s -> {
                s.lockSubnet(7);
                holding.countDown();
                await(release);
                return null;
            }));
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

            // the only advisory lock is subnet 7's: no global lock beside it
            assertThat(advisoryLocks(observer)).containsExactly("7 granted");

            CompletableFuture<Void> otherSubnet = CompletableFuture.runAsync(() -> other.write(s -> {
                s.lockSubnet(8);
                return null;
            }));
            otherSubnet.get(5, TimeUnit.SECONDS);

            CompletableFuture<Void> sameSubnet = CompletableFuture.runAsync(() -> same.write(s -> {
                s.lockSubnet(7);
                return null;
            }));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!advisoryLocks(observer).contains("7 waiting") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(advisoryLocks(observer)).containsExactlyInAnyOrder("7 granted", "7 waiting");
            assertThat(sameSubnet).isNotDone();

            release.countDown();
            held.get(5, TimeUnit.SECONDS);
            sameSubnet.get(5, TimeUnit.SECONDS);
            assertThat(advisoryLocks(observer)).isEmpty();
        } finally {
            release.countDown();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The advisory locks of the database, as "subnet-id granted|waiting", read from pg_locks. */
    private static List<String> advisoryLocks(Connection observer) throws SQLException {
        try (PreparedStatement ps = observer.prepareStatement("SELECT classid, objid, granted FROM pg_locks "
                + "WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");
             ResultSet rs = ps.executeQuery()) {
            List<String> locks = new ArrayList<>();
            while (rs.next()) {
                assertThat(rs.getLong(1)).as("the subnet-lock class").isEqualTo(PostgresSession.SUBNET_LOCK_CLASS);
                locks.add(rs.getLong(2) + (rs.getBoolean(3) ? " granted" : " waiting"));
            }
            return locks;
        }
    }
}
