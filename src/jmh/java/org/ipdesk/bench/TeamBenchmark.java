package org.ipdesk.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.Strategy;
import org.ipdesk.dev.DatasetGenerator;
import org.ipdesk.model.Address;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.CellStates;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.store.OpenMode;
import org.ipdesk.store.ServerLocation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A team database on PostgreSQL ({@link BenchPostgres}): eight /16 subnets, each holding 30,000 addresses.
 * <ul>
 *   <li>{@code clientsN} (N = 1, 2, 4, 8): N clients, each its own {@link Allocator} with its own connections as on
 *       N desks, allocating the next free address, commit included; {@code layout=one} all on one subnet (they
 *       queue on its lock), {@code layout=separate} each on a subnet of its own (no lock shared). JMH reports
 *       allocations per second over all clients; clients1 in sample mode gives the time of one allocation;</li>
 *   <li>{@code noticed}: one client allocates and another client's change feed (its listening connection) notices
 *       the commit: the allocation plus the notification's way to the other desk;</li>
 *   <li>{@code cellStates16}: the grid's query for a whole /16 holding 30,000 addresses over PostgreSQL.</li>
 * </ul>
 * Every address an iteration allocated is released in its tear-down (not timed).
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(1)
public class TeamBenchmark {
    static final int SUBNETS = 8;
    static final long HELD = 30_000;
    private static final AddressDetails DETAILS = AddressDetails.allocated("bench-host");

    @Param({"one", "separate"})
    public String layout;

    BenchPostgres server;
    ServerLocation location;
    long[] subnets = new long[SUBNETS];
    Cidr[] cidrs = new Cidr[SUBNETS];
    private final AtomicInteger clients = new AtomicInteger();
    private Allocator watcher;
    private Allocator reader;

    @Setup(Level.Trial)
    public void build() {
        server = new BenchPostgres();
        location = server.freshDatabase("team");
        try (Allocator seed = Allocator.open(location, OpenMode.CREATE)) {
            seed.createNetwork("bench", "benchmark fixture");
            for (int i = 0; i < SUBNETS; i++) {
                cidrs[i] = new Cidr(Ip.parse("10.0.0.0").plus((long) i << 16), 16);
                subnets[i] = seed.createSubnet("bench", SubnetSpec.of(cidrs[i]).withGateway(cidrs[i].first().plus(1)))
                        .id();
            }
        }
        try (DatasetGenerator generator = DatasetGenerator.open(location)) {
            for (int i = 0; i < SUBNETS; i++) {
                generator.fill(subnets[i], HELD, 1_000, 31 + i);
            }
        }
        watcher = Allocator.open(location, OpenMode.EXISTING);
        reader = Allocator.open(location, OpenMode.EXISTING);
        System.out.printf("fixture: %d /16 subnets holding %,d addresses each on %s%n", SUBNETS, HELD, location);
    }

    /**
     * Closes this state's connections; the server stays up until the fork ends (its shutdown hook stops it), since
     * JMH may tear the clients down after this state and their last releases need it.
     */
    @TearDown(Level.Trial)
    public void close() {
        watcher.close();
        reader.close();
    }

    /** One client: its own allocator (its own connections), its subnet, what it took in this iteration. */
    @State(Scope.Thread)
    public static class Client {
        Allocator allocator;
        long subnet;
        final List<Address> taken = new ArrayList<>();

        @Setup(Level.Trial)
        public void connect(TeamBenchmark team) {
            allocator = Allocator.open(team.location, OpenMode.EXISTING);
            int index = team.clients.getAndIncrement();
            subnet = team.subnets[team.layout.equals("one") ? 0 : index % SUBNETS];
        }

        @TearDown(Level.Iteration)
        public void giveBack() {
            for (Address address : taken) {
                allocator.release(address.subnetId(), address.ip());
            }
            taken.clear();
        }

        @TearDown(Level.Trial)
        public void disconnect() {
            allocator.close();
        }

        Address allocate() {
            Address address = allocator.allocateNext(subnet, 1, Strategy.FIRST, DETAILS).get(0);
            taken.add(address);
            return address;
        }
    }

    @Benchmark
    @Threads(1)
    @BenchmarkMode({Mode.Throughput, Mode.SampleTime})
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Address clients1(Client client) {
        return client.allocate();
    }

    @Benchmark
    @Threads(2)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Address clients2(Client client) {
        return client.allocate();
    }

    @Benchmark
    @Threads(4)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Address clients4(Client client) {
        return client.allocate();
    }

    @Benchmark
    @Threads(8)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Address clients8(Client client) {
        return client.allocate();
    }

    /** One allocation by a client, until another client's change feed has heard of it. */
    @Benchmark
    @Threads(1)
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public long noticed(Client client) {
        long before = watcher.changeFeed().version();
        client.allocate();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long now;
        while ((now = watcher.changeFeed().version()) == before) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the other client heard nothing in 10 s");
            }
            Thread.onSpinWait();
        }
        return now;
    }

    @Benchmark
    @Threads(1)
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public CellStates cellStates16() {
        return reader.cellStates(subnets[1], cidrs[1].range());
    }
}
