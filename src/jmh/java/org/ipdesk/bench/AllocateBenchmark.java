package org.ipdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.AllocatorException;
import org.ipdesk.allocator.Strategy;
import org.ipdesk.dev.DatasetGenerator;
import org.ipdesk.model.Address;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.store.Location;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * One automatic allocation, commit included: {@code Allocator.allocateNext(subnet, 1, strategy, ...)}.
 *
 * <p>The fixture is a pool of identical subnets in one database file (built once per trial in a temporary
 * folder, addresses bulk-loaded by {@link DatasetGenerator#fill}); successive calls take turns over the
 * pool, so every call allocates from a subnet in the stated state:
 * <ul>
 *   <li>{@code v4-16}: /16s with gateway, each holding 65,000 addresses (100 scattered holes among them,
 *       433 free above them), so 533 free each; 8 of them;</li>
 *   <li>{@code v4-24}: /24s with gateway, each holding 10 addresses, so 243 free each; 16 of them;</li>
 *   <li>{@code v6-64}: /64s with gateway, each holding 100,000 addresses (500 holes); 2 of them.</li>
 * </ul>
 * A nearly full /16 has only 533 free addresses, so the pool is what an iteration may use up: every address
 * allocated in an iteration is released again in {@code @TearDown(Level.Iteration)} (not timed), so every
 * iteration starts from the same state and only allocation is measured. The pools hold enough for a 500 ms
 * iteration at 115 µs or more per call; should an iteration ever use a pool up, the benchmark fails loudly
 * (it never measures failed calls).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
public class AllocateBenchmark {
    private static final AddressDetails DETAILS = AddressDetails.allocated("bench-host");

    @Param({"v4-16", "v4-24", "v6-64"})
    public String fixture;

    private Path folder;
    private Allocator allocator;
    private long[] subnets;
    private long[] free;
    private long[] left;
    private int turn;
    private final List<Address> taken = new ArrayList<>();

    @Setup(Level.Trial)
    public void build() throws IOException {
        folder = Files.createTempDirectory("ipdesk-bench-");
        Path file = folder.resolve("allocate.db");
        int pool;
        long held;
        long holes;
        switch (fixture) {
            case "v4-16" -> {
                pool = 8;
                held = 65_000;
                holes = 100;
            }
            case "v4-24" -> {
                pool = 16;
                held = 10;
                holes = 0;
            }
            case "v6-64" -> {
                pool = 2;
                held = 100_000;
                holes = 500;
            }
            default -> throw new IllegalArgumentException("unknown fixture " + fixture);
        }
        subnets = new long[pool];
        free = new long[pool];
        left = new long[pool];
        allocator = Allocator.open(Location.of(file));
        allocator.createNetwork("bench", "benchmark fixture");
        for (int i = 0; i < pool; i++) {
            Cidr cidr = cidr(fixture, i);
            subnets[i] = allocator.createSubnet("bench", SubnetSpec.of(cidr).withGateway(cidr.first().plus(1))).id();
        }
        try (DatasetGenerator generator = DatasetGenerator.open(Location.of(file))) {
            for (int i = 0; i < pool; i++) {
                generator.fill(subnets[i], held, holes, 17 + i);
            }
        }
        for (int i = 0; i < pool; i++) {
            if (allocator.addresses(subnets[i]).size() != held) {
                throw new IllegalStateException("fixture subnet " + i + " does not hold " + held);
            }
            free[i] = cidr(fixture, i).version().bits() == 32
                    ? allocator.freeExtents(subnets[i]).stream().mapToLong(e -> e.size().longValueExact()).sum()
                    : Long.MAX_VALUE;
        }
        System.out.printf("%nfixture %s: %d subnets holding %,d each, %s free each%n", fixture, pool, held,
                free[0] == Long.MAX_VALUE ? "~2^64" : String.format("%,d", free[0]));
    }

    private static Cidr cidr(String fixture, int i) {
        return switch (fixture) {
            case "v4-16" -> new Cidr(Ip.parse("10.0.0.0").plus((long) i << 16), 16);
            case "v4-24" -> new Cidr(Ip.parse("10.200.0.0").plus((long) i << 8), 24);
            default -> new Cidr(Ip.parse("fd00:be:1::").plus(java.math.BigInteger.valueOf(i).shiftLeft(64)), 64);
        };
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        System.arraycopy(free, 0, left, 0, free.length);
        taken.clear();
    }

    /** Gives back everything the iteration allocated, so the next one starts from the fixture state. */
    @TearDown(Level.Iteration)
    public void refill() {
        for (Address a : taken) {
            allocator.release(a.subnetId(), a.ip());
        }
        taken.clear();
    }

    @TearDown(Level.Trial)
    public void removeFixture() throws IOException {
        allocator.close();
        try (var files = Files.walk(folder)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private int nextSubnet() {
        for (int tries = 0; tries < subnets.length; tries++) {
            int i = turn;
            turn = (turn + 1) % subnets.length;
            if (left[i] > 0) {
                left[i]--;
                return i;
            }
        }
        throw new IllegalStateException("the fixture pool of " + fixture + " is used up within one iteration; "
                + "shorten the iteration time (-r) or enlarge the pool");
    }

    private Address allocate(Strategy strategy) {
        int i = nextSubnet();
        try {
            Address a = allocator.allocateNext(subnets[i], 1, strategy, DETAILS).get(0);
            taken.add(a);
            return a;
        } catch (AllocatorException e) {
            throw new IllegalStateException("allocation failed on fixture " + fixture + ": " + e.getMessage(), e);
        }
    }

    /** The lowest free address. */
    @Benchmark
    public Address allocateFirst() {
        return allocate(Strategy.FIRST);
    }

    /** A uniformly random free address. */
    @Benchmark
    public Address allocateRandom() {
        return allocate(Strategy.RANDOM);
    }
}
