package org.ipdesk.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ipdesk.observe.KeaCsvReader;
import org.ipdesk.observe.NmapXmlReader;
import org.ipdesk.observe.ReadSummary;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reading what the network uses, the parsing half of {@code ipdesk observe FILE}: an nmap scan of a /16 with
 * 65,536 hosts up (each with a MAC and a host name, as {@code nmap -sn -oX} writes them) and a Kea v4 lease file of
 * 100,000 leases (Kea 3's header). The files are written once per trial; every invocation reads one file from
 * start to end and hands each observation to a black hole. Storing the observations is not measured here.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(1)
public class ObserveParseBenchmark {
    static final int HOSTS = 65_536;
    static final int LEASES = 100_000;

    private Path folder;
    private Path scan;
    private Path leases;

    @Setup(Level.Trial)
    public void writeFiles() throws IOException {
        folder = Files.createTempDirectory("ipdesk-bench-observe-");
        scan = writeScan(folder.resolve("nmap-scan.xml"));
        leases = writeLeases(folder.resolve("kea-leases4.csv"));
    }

    /** An nmap scan of 10.20.0.0/16 with {@link #HOSTS} hosts up, each with a MAC and a host name. */
    static Path writeScan(Path scan) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(scan)) {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE nmaprun>\n<nmaprun scanner=\"nmap\""
                    + " args=\"nmap -sn -oX nmap-scan.xml 10.20.0.0/16\" start=\"1795600800\" version=\"7.94\""
                    + " xmloutputversion=\"1.05\">\n<verbose level=\"0\"/>\n<debugging level=\"0\"/>\n");
            for (int i = 0; i < HOSTS; i++) {
                out.write("<host><status state=\"up\" reason=\"arp-response\" reason_ttl=\"0\"/>\n<address addr=\"10.20."
                        + (i >> 8) + "." + (i & 255) + "\" addrtype=\"ipv4\"/>\n<address addr=\""
                        + String.format("02:00:00:%02x:%02x:%02x", (i >> 16) & 255, (i >> 8) & 255, i & 255)
                        + "\" addrtype=\"mac\"/>\n<hostnames>\n<hostname name=\"host-" + i
                        + ".example.lan\" type=\"PTR\"/>\n</hostnames>\n</host>\n");
            }
            out.write("<runstats><finished time=\"1795601800\" elapsed=\"1000.00\" exit=\"success\"/><hosts up=\""
                    + HOSTS + "\" down=\"0\" total=\"" + HOSTS + "\"/>\n</runstats>\n</nmaprun>\n");
        }
        return scan;
    }

    /** A Kea v4 lease file (Kea 3's header) of {@link #LEASES} leases in 10.64.0.0/14. */
    static Path writeLeases(Path leases) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(leases)) {
            out.write("address,hwaddr,client_id,valid_lifetime,expire,subnet_id,fqdn_fwd,fqdn_rev,hostname,state,"
                    + "user_context,pool_id\n");
            for (int i = 0; i < LEASES; i++) {
                int n = i + 1;
                out.write("10." + (64 + (n >> 16)) + "." + ((n >> 8) & 255) + "." + (n & 255)
                        + String.format(",02:00:00:%02x:%02x:%02x", (i >> 16) & 255, (i >> 8) & 255, i & 255)
                        + ",,3600," + (1795600800L + i) + ",1,0,0,host-" + i + ".example.lan,0,,0\n");
            }
        }
        return leases;
    }

    @TearDown(Level.Trial)
    public void removeFiles() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Benchmark
    public ReadSummary nmap65536Hosts(Blackhole sink) throws IOException {
        return check(new NmapXmlReader().read(scan, Optional.empty(), sink::consume, sink::consume), HOSTS);
    }

    @Benchmark
    public ReadSummary kea100000Leases(Blackhole sink) throws IOException {
        return check(new KeaCsvReader().read(leases, Optional.empty(), sink::consume, sink::consume), LEASES);
    }

    private static ReadSummary check(ReadSummary summary, int expected) {
        if (summary.observations() != expected || summary.problems() != 0) {
            throw new IllegalStateException("expected " + expected + " addresses and no problem: " + summary);
        }
        return summary;
    }
}
