package org.ipdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.GroupRequest;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.Observation;
import org.ipdesk.model.ObservationTally;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.observe.Finding;
import org.ipdesk.observe.ObservationFormats;
import org.ipdesk.observe.Reconciler;
import org.ipdesk.store.Location;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code ipdesk observe FILE} whole, on a database file: reading a file and recording its observations 10,000 at a
 * time (as the command does) into a database that holds none yet; and reconciling a /16 (10.20.0.0/16, 20,000 held
 * addresses, the 65,536 hosts of the scan recorded): every finding of the subnet, as {@code ipdesk reconcile CIDR}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class ObserveBenchmark {
    static final int HELD = 20_000;

    private Path folder;
    private Path scan;
    private Path leases;
    private Allocator empty;
    private Allocator reconciled;
    private long sixteen;
    private int round;

    @Setup(Level.Trial)
    public void prepare() throws IOException {
        folder = Files.createTempDirectory("ipdesk-bench-observe-");
        scan = ObserveParseBenchmark.writeScan(folder.resolve("nmap-scan.xml"));
        leases = ObserveParseBenchmark.writeLeases(folder.resolve("kea-leases4.csv"));
        reconciled = Allocator.open(Location.of(folder.resolve("reconcile.db")));
        reconciled.createNetwork("dc1", "");
        Subnet subnet = reconciled.createSubnet("dc1", SubnetSpec.of(Cidr.parse("10.20.0.0/16")));
        sixteen = subnet.id();
        List<GroupRequest> held = new ArrayList<>();
        for (int i = 1; i <= HELD; i++) {
            held.add(GroupRequest.specific(sixteen, Ip.parse("10.20." + (i * 3 >> 8) + "." + (i * 3 & 255)),
                    AddressDetails.allocated("host-" + (i * 3) + ".example.lan")));
        }
        reconciled.allocateGroup(held);
        record(reconciled, scan);
    }

    @Setup(Level.Invocation)
    public void emptyDatabase() {
        empty = Allocator.open(Location.of(folder.resolve("ingest-" + (round++) + ".db")));
        empty.createNetwork("dc1", "");
    }

    @TearDown(Level.Invocation)
    public void closeEmpty() {
        empty.close();
    }

    @TearDown(Level.Trial)
    public void removeFiles() throws IOException {
        reconciled.close();
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** What {@code ipdesk observe} does with one file: read it, record 10,000 observations per transaction. */
    static ObservationTally record(Allocator allocator, Path file) throws IOException {
        List<Observation> batch = new ArrayList<>(10_000);
        ObservationTally[] tally = {new ObservationTally(0, 0, 0)};
        ObservationFormats.read(file, Optional.empty(), Optional.empty(), observation -> {
            batch.add(observation);
            if (batch.size() == 10_000) {
                tally[0] = tally[0].plus(allocator.observe(List.copyOf(batch)));
                batch.clear();
            }
        }, problem -> {
            throw new IllegalStateException(problem.toString());
        });
        if (!batch.isEmpty()) {
            tally[0] = tally[0].plus(allocator.observe(List.copyOf(batch)));
        }
        return tally[0];
    }

    @Benchmark
    public ObservationTally ingestNmap65536Hosts() throws IOException {
        return check(record(empty, scan), ObserveParseBenchmark.HOSTS);
    }

    @Benchmark
    public ObservationTally ingestKea100000Leases() throws IOException {
        return check(record(empty, leases), ObserveParseBenchmark.LEASES);
    }

    @Benchmark
    public List<Finding> reconcileSlash16() {
        // the scan's time is 2026-11-26; reconciled as of a day later, so every host counts as seen
        List<Finding> findings = new Reconciler(reconciled).subnet(sixteen, Reconciler.DEFAULT_STALE_DAYS,
                Instant.ofEpochSecond(1795600800L + 86_400));
        if (findings.isEmpty()) {
            throw new IllegalStateException("no findings: the scan was not recorded");
        }
        return findings;
    }

    private static ObservationTally check(ObservationTally tally, int expected) {
        if (tally.added() != expected) {
            throw new IllegalStateException("expected " + expected + " new observations: " + tally);
        }
        return tally;
    }
}
