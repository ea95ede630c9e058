package org.ipdesk.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.ipdesk.address.Cidr;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.Address;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.store.OpenMode;
import org.ipdesk.store.ServerLocation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server dies (an immediate shutdown, SIGQUIT to the postmaster: no checkpoint, crash recovery on the next start)
 * while a client allocates a block of 20,000 addresses in one command: the client reports it in words, nothing of the
 * block is left half-written, and the same client works again once the server is back. A server of its own, since it
 * is stopped.
 */
class ServerCrashTest {
    @TempDir
    Path dir;
    private EmbeddedPostgres server;

    private EmbeddedPostgres start(Path data, int port) throws IOException {
        // durable as a real server: the embedded defaults (fsync, synchronous_commit and full_page_writes off)
        // would lose committed work in a crash, which is not what this test is about
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "127.0.0.1").setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on").setServerConfig("full_page_writes", "on")
                .setPort(port).start();
    }

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private static long postmaster(Path data) throws IOException {
        return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
    }

    @Test
    void aServerThatDiesInTheMiddleOfABlockLeavesNothingHalfWrittenAndTheClientRecovers() throws Exception {
        Path data = dir.resolve("data");
        server = start(data, 0);
        int port = server.getPort();
        ServerLocation location = new ServerLocation("127.0.0.1", port, "postgres", Optional.of("postgres"), "disable");

        try (Allocator client = Allocator.open(location, OpenMode.CREATE)) {
            client.createNetwork("dc", "");
            Subnet big = client.createSubnet("dc", SubnetSpec.of(Cidr.parse("10.64.0.0/16")));
            CompletableFuture<List<Address>> block = CompletableFuture.supplyAsync(
                    () -> client.allocateBlock(big.id(), 20_000, AddressDetails.allocated("node")));
            waitForTheBlocksStatement(location);
            long pid = postmaster(data);
            new ProcessBuilder("kill", "-QUIT", Long.toString(pid)).inheritIO().start().waitFor();

            Throwable failure = block.handle((done, problem) -> problem).get(60, TimeUnit.SECONDS);
            assertThat(failure).as("the block did not complete").isNotNull();
            assertThat(failure.getCause() == null ? failure : failure.getCause())
                    .hasMessageContaining("PostgreSQL server 127.0.0.1:" + port)
                    .hasMessageNotContaining("PSQLException");

            ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
            try {
                server.close(); // the server is gone already; this lets go of its data folder
            } catch (IOException alreadyDown) {
                // expected: nothing to stop
            }
            server = start(data, port);

            assertThat(client.addresses(big.id())).as("the block, all or nothing, after crash recovery").isEmpty();
            List<Address> again = client.allocateBlock(big.id(), 100, AddressDetails.allocated("after"));
            assertThat(again).hasSize(100);
            assertThat(client.addresses(big.id())).hasSize(100);
        }
    }

    /** Waits until the server is busy with the block's transaction (so that the crash falls in the middle of it). */
    private static void waitForTheBlocksStatement(ServerLocation location) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (Connection c = TestPostgres.connect(location); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE state = 'active'"
                         + " AND query ILIKE 'INSERT INTO address%' OR state = 'idle in transaction'")) {
                if (rs.next() && rs.getLong(1) > 0) {
                    Thread.sleep(50);
                    return;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the block's transaction never started");
    }
}
