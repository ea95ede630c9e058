package org.ipdesk.concurrency;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.Strategy;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.store.Location;

/**
 * Child process of {@link TwoProcessAllocationTest}: opens the database (a file or a team database), says it is ready by creating its
 * ready file, waits for the start file, then allocates the next free address of one subnet {@code count}
 * times, each call its own transaction, printing each IP on its own line.
 *
 * <p>Arguments: database (a file, or a team database's {@code postgresql://} location), subnet id, count, ready file, start file, host-name prefix, times file (gets
 * "began ended" in epoch milliseconds: when the loop started and finished).
 */
public final class AllocateLoop {
    private AllocateLoop() {
    }

    public static void main(String[] args) throws Exception {
        Location db = Location.parse(args[0]);
        long subnetId = Long.parseLong(args[1]);
        int count = Integer.parseInt(args[2]);
        Path ready = Path.of(args[3]);
        Path start = Path.of(args[4]);
        String prefix = args[5];
        Path times = Path.of(args[6]);
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
        try (Allocator allocator = Allocator.open(db)) {
            allocator.subnet(subnetId); // touch the database once so opening costs nothing after the start
            Files.createFile(ready);
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!Files.exists(start)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no start signal within 60 s");
                }
                Thread.sleep(1);
            }
            long began = System.currentTimeMillis();
            for (int i = 0; i < count; i++) {
                Ip ip = allocator.allocateNext(subnetId, 1, Strategy.FIRST,
                        AddressDetails.allocated(prefix + "-" + i)).get(0).ip();
                out.println(ip);
            }
            Files.writeString(times, began + " " + System.currentTimeMillis());
        } finally {
            out.flush();
        }
    }
}
