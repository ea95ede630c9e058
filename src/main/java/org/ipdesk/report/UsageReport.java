package org.ipdesk.report;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.ipdesk.address.Cidr;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.Usage;
import org.ipdesk.report.Thresholds.Level;

/**
 * The usage report: figures per subnet, per network and per IP version, the fullest subnets and those over the
 * thresholds, taken at one moment. A subnet's figures include its child subnets; a network's are the sum of its
 * top-level subnets, IPv4 and IPv6 apart (adding the two is meaningless). Immutable; every exporter reads one.
 *
 * @param generatedAt  when the figures were read
 * @param databaseName the database file's name, shown in the PDF and HTML
 * @param network      the network the report is limited to, or empty for all
 * @param subnets      every subnet in tree order (network, then address, parents before children)
 * @param networks     per network and IP version, the sum of its top-level subnets
 * @param fullest      the (up to) ten fullest subnets, fullest first
 * @param overThreshold the subnets at or over the warning threshold, fullest first
 * @param totals       the grand totals per IP version (sum of the networks' totals)
 */
public record UsageReport(Instant generatedAt, String databaseName, Optional<String> network, Thresholds thresholds,
                          List<SubnetRow> subnets, List<Total> networks, List<SubnetRow> fullest,
                          List<SubnetRow> overThreshold, List<Total> totals) {

    /** How many subnets the "fullest" list holds. */
    public static final int FULLEST = 10;

    private static final BigInteger SLASH_64 = BigInteger.ONE.shiftLeft(64);

    public UsageReport {
        subnets = List.copyOf(subnets);
        networks = List.copyOf(networks);
        fullest = List.copyOf(fullest);
        overThreshold = List.copyOf(overThreshold);
        totals = List.copyOf(totals);
    }

    /**
     * One subnet's line.
     *
     * @param depth   how many ancestors the subnet has (0 for a top-level subnet)
     * @param size    all addresses of the CIDR
     * @param free64s for IPv6 subnets of /64 or larger: the free addresses expressed in /64s (free / 2^64, two
     *                decimals), which reads better than a 20-digit number; empty otherwise
     */
    public record SubnetRow(String network, Cidr cidr, String name, OptionalInt vlan, int depth, BigInteger size,
                            Usage usage, BigDecimal percent, Level level, Optional<BigDecimal> free64s) {
        public int ipVersion() {
            return cidr.version().number();
        }
    }

    /**
     * A total over subnets of one IP version: of one network ({@code network} present) or of the whole report.
     */
    public record Total(Optional<String> network, int ipVersion, int subnets, BigInteger size, Usage usage,
                        BigDecimal percent, Level level, Optional<BigDecimal> free64s) {
    }

    /**
     * Reads the figures. {@code network} limits the report to one network (an unknown name is refused by the
     * allocator with a clear message).
     */
    public static UsageReport build(Allocator allocator, Optional<String> network, Thresholds thresholds,
                                    Instant now, String databaseName) {
        List<Subnet> subnets = network.isPresent() ? allocator.subnets(network.get()) : allocator.subnets();
        Map<Long, Usage> usage = allocator.usageBySubnet();
        Map<Long, Subnet> byId = new HashMap<>();
        subnets.forEach(s -> byId.put(s.id(), s));

        List<SubnetRow> rows = new ArrayList<>();
        // network name -> IP version -> [count, size, usage] of its top-level subnets
        Map<String, Map<Integer, Sum>> perNetwork = new LinkedHashMap<>();
        (network.isPresent() ? List.of(allocator.network(network.get())) : allocator.networks())
                .forEach(n -> perNetwork.put(n.name(), new TreeMap<>()));
        for (Subnet s : subnets) {
            Usage u = usage.getOrDefault(s.id(), Usage.ZERO);
            int depth = depth(s, byId);
            rows.add(new SubnetRow(s.networkName(), s.cidr(), s.name(), s.vlan(), depth, s.cidr().total(), u,
                    u.percent(), thresholds.level(u.percent()), free64s(s.cidr().version().number(),
                    s.cidr().prefixLength() <= 64, u.free())));
            if (s.parentId().isEmpty()) {
                perNetwork.computeIfAbsent(s.networkName(), k -> new TreeMap<>())
                        .computeIfAbsent(s.cidr().version().number(), k -> new Sum()).add(s.cidr().total(), u);
            }
        }
        List<Total> networkTotals = new ArrayList<>();
        Map<Integer, Sum> grand = new TreeMap<>();
        perNetwork.forEach((name, byVersion) -> byVersion.forEach((version, sum) -> {
            networkTotals.add(sum.total(Optional.of(name), version, thresholds));
            Sum g = grand.computeIfAbsent(version, k -> new Sum());
            g.subnets += sum.subnets;
            g.size = g.size.add(sum.size);
            g.usage = g.usage.plus(sum.usage);
        }));
        List<Total> totals = new ArrayList<>();
        grand.forEach((version, sum) -> totals.add(sum.total(Optional.empty(), version, thresholds)));

        Comparator<SubnetRow> fullestFirst = Comparator.comparing(SubnetRow::percent).reversed()
                .thenComparing(SubnetRow::network).thenComparing(SubnetRow::cidr);
        List<SubnetRow> fullest = rows.stream().filter(r -> r.usage().usable().signum() > 0)
                .sorted(fullestFirst).limit(FULLEST).toList();
        List<SubnetRow> over = rows.stream().filter(r -> r.level() != Level.OK).sorted(fullestFirst).toList();
        return new UsageReport(now, databaseName, network, thresholds, rows, networkTotals, fullest, over, totals);
    }

    private static Optional<BigDecimal> free64s(int version, boolean wideEnough, BigInteger free) {
        if (version != 6 || !wideEnough) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(free).divide(new BigDecimal(SLASH_64), 2, RoundingMode.HALF_UP));
    }

    private static int depth(Subnet subnet, Map<Long, Subnet> byId) {
        int depth = 0;
        for (Subnet s = subnet; s.parentId().isPresent() && byId.containsKey(s.parentId().getAsLong()); ) {
            s = byId.get(s.parentId().getAsLong());
            depth++;
        }
        return depth;
    }

    private static final class Sum {
        int subnets;
        BigInteger size = BigInteger.ZERO;
        Usage usage = Usage.ZERO;

        void add(BigInteger subnetSize, Usage subnetUsage) {
            subnets++;
            size = size.add(subnetSize);
            usage = usage.plus(subnetUsage);
        }

        Total total(Optional<String> network, int version, Thresholds thresholds) {
            return new Total(network, version, subnets, size, usage, usage.percent(),
                    thresholds.level(usage.percent()), free64s(version, true, usage.free()));
        }
    }

    /** How many rows an exporter writes, for progress. */
    public long rowCount() {
        return subnets.size() + networks.size() + totals.size();
    }
}
