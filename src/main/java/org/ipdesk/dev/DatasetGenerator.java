package org.ipdesk.dev;

import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.address.IpRange;
import org.ipdesk.allocator.AllocatorException.Conflict;
import org.ipdesk.allocator.AllocatorException.InvalidInput;
import org.ipdesk.allocator.AllocatorException.NotFound;
import org.ipdesk.allocator.ChangeWriter;
import org.ipdesk.allocator.FreeSpace;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressRange;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.ChangeAction;
import org.ipdesk.model.Network;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.store.Database;
import org.ipdesk.store.Location;
import org.ipdesk.store.OpenMode;
import org.ipdesk.store.Session;

/**
 * Builds realistic test databases quickly (the {@code dev generate} command, benchmark fixtures). Rows are
 * written in batches of several subnets, all in one transaction, with one change-log row per network, subnet and
 * range and one summary row per bulk-loaded subnet (not one per address). Every touched subnet's free
 * extents are rebuilt in the same transaction, so automatic allocation on a generated database is exact.
 * The layout obeys the allocator's rules: only usable addresses, never the gateway, only status
 * {@code dhcp} inside DHCP ranges, nothing inside reserved ranges.
 */
public final class DatasetGenerator implements AutoCloseable {
    /** Fewer subnets than this per network; more networks are made as needed. */
    static final int SUBNETS_PER_NETWORK = 2000;
    /** A batch (one progress report) ends after about this many addresses or {@link #SUBNETS_PER_BATCH} subnets. */
    private static final int ADDRESSES_PER_BATCH = 100_000;
    private static final int SUBNETS_PER_BATCH = 500;
    /** Generated IPv6 subnets are filled as if they held at most this many addresses. */
    private static final long V6_CAPACITY = 1_000_000;

    /** IPv4 space for the /24s, in order. */
    private static final Cidr[] V24_POOLS = {Cidr.parse("10.0.0.0/9"), Cidr.parse("172.16.0.0/12"),
            Cidr.parse("192.168.0.0/16")};
    /** IPv4 space for the /16s, in order. */
    private static final Cidr[] V16_POOLS = {Cidr.parse("10.128.0.0/9"), Cidr.parse("100.64.0.0/10")};
    /** IPv6 space for the /64s. */
    private static final Cidr V64_POOL = Cidr.parse("fd49:5044:6573::/48");

    /** What to build. {@code v6Subnets} of the {@code subnets} are IPv6 /64s; about 1% of the others /16s. */
    public record Plan(int subnets, long addresses, int v6Subnets, long seed) {
        public Plan {
            if (subnets < 1) {
                throw new InvalidInput("the number of subnets must be at least 1, not " + subnets);
            }
            if (addresses < 0) {
                throw new InvalidInput("the number of addresses cannot be negative");
            }
            if (v6Subnets < 0 || v6Subnets > subnets) {
                throw new InvalidInput("the IPv6 subnets (" + v6Subnets + ") must be between 0 and the number of subnets ("
                        + subnets + ")");
            }
        }

        /** The default share of IPv6: one subnet in twenty. */
        public static Plan of(int subnets, long addresses) {
            return new Plan(subnets, addresses, subnets / 20, 1);
        }

        int v4Subnets() {
            return subnets - v6Subnets;
        }

        int slash16() {
            int v4 = v4Subnets();
            return v4 >= 100 ? v4 / 100 : (v4 >= 5 ? 1 : 0);
        }

        int slash24() {
            return v4Subnets() - slash16();
        }
    }

    /** What was built. */
    public record Summary(int networks, int slash24, int slash16, int slash64, int ranges, long addresses,
                          long millis) {
        public int subnets() {
            return slash24 + slash16 + slash64;
        }
    }

    private final Database database;
    private final boolean owned;
    private final ChangeWriter changes;

    /** A generator writing through an open database (which the caller closes). */
    public DatasetGenerator(Database database, Clock clock, String user) {
        this(database, false, clock, user);
    }

    private DatasetGenerator(Database database, boolean owned, Clock clock, String user) {
        this.database = database;
        this.owned = owned;
        this.changes = new ChangeWriter(clock, user);
    }

    /** Opens (creating when absent, initialising when empty) a database to generate into, as the current OS user. */
    public static DatasetGenerator open(Location location) {
        return new DatasetGenerator(Database.open(location, OpenMode.CREATE), true, Clock.systemUTC(),
                System.getProperty("user.name", "unknown"));
    }

    @Override
    public void close() {
        if (owned) {
            database.close();
        }
    }

    // ================================================================= generate

    /**
     * Fills an empty database: networks, subnets (/24s, some /16s, IPv6 /64s) with gateways, VLANs, DHCP and
     * reserved ranges, and exactly {@code plan.addresses()} held addresses with a mix of statuses. All of it is one
     * transaction, so an interrupted run (an exception, even from {@code progress}, or the process killed) leaves
     * the database as it was, and the next run starts afresh; {@code progress} hears after every batch of subnets.
     */
    public Summary generate(Plan plan, Consumer<String> progress) {
        long started = System.nanoTime();
        checkLimits(plan);
        SplittableRandom random = new SplittableRandom(plan.seed());
        List<Blueprint> blueprints = layout(plan, random);
        distribute(blueprints, plan.addresses(), random);

        int networkCount = (plan.subnets() + SUBNETS_PER_NETWORK - 1) / SUBNETS_PER_NETWORK;
        Counters counters = new Counters();
        List<Network> networks = database.write(s -> {
            int existing = s.networks().size();
            if (existing > 0) {
                throw new Conflict(database.location() + " already has " + existing + (existing == 1 ? " network" : " networks")
                        + "; generate into a new or empty database");
            }
            List<Network> made = new ArrayList<>();
            for (int i = 1; i <= networkCount; i++) {
                Network n = s.insertNetwork(String.format("gen-site-%02d", i), "generated test data");
                changes.log(s, ChangeAction.CREATE, "network", n.name(), null, ChangeWriter.of(n));
                made.add(n);
            }
            int from = 0;
            while (from < blueprints.size()) {
                int to = from;
                long chunkAddresses = 0;
                while (to < blueprints.size() && to - from < SUBNETS_PER_BATCH
                        && (to == from || chunkAddresses + blueprints.get(to).held <= ADDRESSES_PER_BATCH)) {
                    chunkAddresses += blueprints.get(to).held;
                    to++;
                }
                for (int i = from; i < to; i++) {
                    build(s, made.get(i / SUBNETS_PER_NETWORK), blueprints.get(i), random, counters);
                }
                from = to;
                progress.accept(String.format("%,d of %,d subnets, %,d addresses", from, blueprints.size(),
                        counters.addresses));
            }
            return made;
        });
        return new Summary(networks.size(), plan.slash24(), plan.slash16(), plan.v6Subnets(), counters.ranges,
                counters.addresses, (System.nanoTime() - started) / 1_000_000);
    }

    private static void checkLimits(Plan plan) {
        long max24 = 0;
        for (Cidr pool : V24_POOLS) {
            max24 += 1L << (24 - pool.prefixLength());
        }
        long max16 = 0;
        for (Cidr pool : V16_POOLS) {
            max16 += 1L << (16 - pool.prefixLength());
        }
        if (plan.slash24() > max24 || plan.slash16() > max16 || plan.v6Subnets() > 1 << 16) {
            throw new InvalidInput("the generator makes at most " + max24 + " /24s, " + max16 + " /16s and 65536 IPv6 /64s");
        }
    }

    /** One subnet to build: its CIDR, details, ranges and how many addresses it will hold. */
    private static final class Blueprint {
        final Cidr cidr;
        final String name;
        final OptionalInt vlan;
        final Optional<Ip> gateway;
        final List<IpRange> dhcp = new ArrayList<>();
        final List<IpRange> reserved = new ArrayList<>();
        long capacity;
        double weight;
        long held;

        Blueprint(Cidr cidr, String name, OptionalInt vlan, Optional<Ip> gateway) {
            this.cidr = cidr;
            this.name = name;
            this.vlan = vlan;
            this.gateway = gateway;
        }
    }

    private static List<Blueprint> layout(Plan plan, SplittableRandom random) {
        List<Blueprint> all = new ArrayList<>(plan.subnets());
        int n16 = plan.slash16();
        int n24 = plan.slash24();
        int n64 = plan.v6Subnets();
        // interleave the kinds so every network gets a mix
        int i16 = 0;
        int i24 = 0;
        int i64 = 0;
        for (int k = 0; k < plan.subnets(); k++) {
            double at = (k + 0.5) / plan.subnets();
            if (i16 < n16 && (double) i16 / n16 <= at) {
                all.add(slash16(nth(V16_POOLS, 16, i16++), i16, random));
            } else if (i64 < n64 && (double) i64 / n64 <= at) {
                all.add(slash64(nthV6(i64++), i64, random));
            } else if (i24 < n24) {
                all.add(slash24(nth(V24_POOLS, 24, i24++), i24, random));
            } else if (i64 < n64) {
                all.add(slash64(nthV6(i64++), i64, random));
            } else {
                all.add(slash16(nth(V16_POOLS, 16, i16++), i16, random));
            }
        }
        return all;
    }

    private static Cidr nth(Cidr[] pools, int prefix, long index) {
        long left = index;
        for (Cidr pool : pools) {
            long size = 1L << (prefix - pool.prefixLength());
            if (left < size) {
                return new Cidr(pool.first().plus(BigInteger.valueOf(left).shiftLeft(32 - prefix)), prefix);
            }
            left -= size;
        }
        throw new IllegalStateException("address pools exhausted");
    }

    private static Cidr nthV6(long index) {
        return new Cidr(V64_POOL.first().plus(BigInteger.valueOf(index).shiftLeft(64)), 64);
    }

    private static Blueprint slash24(Cidr cidr, int n, SplittableRandom random) {
        Ip base = cidr.first();
        Optional<Ip> gateway = random.nextInt(10) < 9 ? Optional.of(base.plus(1)) : Optional.empty();
        Blueprint b = new Blueprint(cidr, String.format("lan-%05d", n), OptionalInt.of(1 + (n - 1) % 4094), gateway);
        if (random.nextInt(10) < 3) {
            b.dhcp.add(new IpRange(base.plus(200), base.plus(250)));
        }
        if (random.nextInt(10) < 1) {
            b.reserved.add(new IpRange(base.plus(2), base.plus(9)));
        }
        b.capacity = allocatable(b);
        b.weight = b.capacity * (0.2 + 0.75 * random.nextDouble());
        return b;
    }

    private static Blueprint slash16(Cidr cidr, int n, SplittableRandom random) {
        Ip base = cidr.first();
        Blueprint b = new Blueprint(cidr, String.format("campus-%03d", n), OptionalInt.empty(),
                Optional.of(base.plus(1)));
        if (random.nextBoolean()) {
            b.dhcp.add(new IpRange(base.plus(250L * 256), base.plus(255L * 256 + 254)));
        }
        if (random.nextInt(4) == 0) {
            b.reserved.add(new IpRange(base.plus(2), base.plus(255)));
        }
        b.capacity = allocatable(b);
        b.weight = 1000 + 19_000 * random.nextDouble();
        return b;
    }

    private static Blueprint slash64(Cidr cidr, int n, SplittableRandom random) {
        Ip base = cidr.first();
        Optional<Ip> gateway = random.nextInt(10) < 9 ? Optional.of(base.plus(1)) : Optional.empty();
        Blueprint b = new Blueprint(cidr, String.format("v6-%05d", n), OptionalInt.empty(), gateway);
        if (random.nextInt(5) == 0) {
            b.dhcp.add(new IpRange(base.plus(0x1_0000L), base.plus(0x1_ffffL)));
        }
        b.capacity = V6_CAPACITY;
        b.weight = 20 + 1980 * random.nextDouble();
        return b;
    }

    private static long allocatable(Blueprint b) {
        long usable = b.cidr.usableCount().longValueExact();
        long blocked = b.gateway.isPresent() ? 1 : 0;
        for (IpRange r : b.dhcp) {
            blocked += r.size().longValueExact();
        }
        for (IpRange r : b.reserved) {
            blocked += r.size().longValueExact();
        }
        return usable - blocked;
    }

    /** Shares {@code total} out over the subnets by weight, never over a subnet's capacity. */
    private static void distribute(List<Blueprint> blueprints, long total, SplittableRandom random) {
        long capacity = 0;
        for (Blueprint b : blueprints) {
            capacity += b.capacity;
        }
        if (total > capacity) {
            throw new InvalidInput(String.format("%,d addresses do not fit in %,d subnets (at most %,d)", total,
                    blueprints.size(), capacity));
        }
        long left = total;
        while (left > 0) {
            double weights = 0;
            for (Blueprint b : blueprints) {
                if (b.held < b.capacity) {
                    weights += b.weight;
                }
            }
            long given = 0;
            for (Blueprint b : blueprints) {
                if (b.held < b.capacity) {
                    long share = Math.min(b.capacity - b.held, (long) Math.floor(left * b.weight / weights));
                    b.held += share;
                    given += share;
                }
            }
            left -= given;
            if (given == 0) {
                // the rounding remainder: one each to random subnets with room
                while (left > 0) {
                    Blueprint b = blueprints.get(random.nextInt(blueprints.size()));
                    if (b.held < b.capacity) {
                        b.held++;
                        left--;
                    }
                }
            }
        }
    }

    private static final class Counters {
        long addresses;
        int ranges;
        long host;
    }

    private void build(Session s, Network network, Blueprint b, SplittableRandom random, Counters counters) {
        long id = s.insertSubnet(network.id(), b.cidr, b.name, "generated", b.vlan, b.gateway, OptionalLong.empty(),
                java.util.OptionalInt.empty());
        Subnet subnet = new Subnet(id, network.id(), network.name(), b.cidr, b.name, "generated", b.vlan, b.gateway,
                OptionalLong.empty(), 1);
        changes.log(s, ChangeAction.CREATE, "subnet", subnet.label(), null, ChangeWriter.of(subnet));
        for (IpRange r : b.dhcp) {
            addRange(s, subnet, r, RangeKind.DHCP, "DHCP pool", counters);
        }
        for (IpRange r : b.reserved) {
            addRange(s, subnet, r, RangeKind.RESERVED, "infrastructure", counters);
        }
        FreeSpace.rebuild(s, subnet);
        long held = b.held;
        List<Session.NewAddress> rows = new ArrayList<>((int) Math.min(held, 70_000));
        // a few recorded DHCP leases at the start of the pool
        if (!b.dhcp.isEmpty() && held >= 10) {
            IpRange pool = b.dhcp.get(0);
            long leases = Math.min(Math.min(held / 10, 20), pool.size().longValueExact());
            Ip ip = pool.start();
            for (long i = 0; i < leases; i++, ip = ip.next()) {
                rows.add(new Session.NewAddress(ip, new AddressDetails(AddressStatus.DHCP,
                        "dhcp-" + (++counters.host), Optional.of(GeneratedDetails.mac(counters.host)), "", "lease")));
            }
            held -= leases;
        }
        long holes = Math.min(b.capacity - held, held / 20);
        placeInFreeSpace(s.extents(id), held, holes, random, ip -> rows.add(
                new Session.NewAddress(ip, GeneratedDetails.details(random, ++counters.host))));
        s.insertAddresses(id, rows, changes.now());
        if (!rows.isEmpty()) {
            FreeSpace.rebuild(s, subnet);
            changes.log(s, ChangeAction.ALLOCATE, "address", subnet.label() + " (generated)", null,
                    bulkEntry(subnet, rows.size()));
        }
        counters.addresses += rows.size();
    }

    private void addRange(Session s, Subnet subnet, IpRange r, RangeKind kind, String description, Counters counters) {
        long rangeId = s.insertRange(subnet.id(), r, kind, description);
        changes.log(s, ChangeAction.CREATE, "range", subnet.label() + " " + r, null,
                ChangeWriter.of(subnet, new AddressRange(rangeId, subnet.id(), r, kind, description, 1)));
        counters.ranges++;
    }

    private static Map<String, Object> bulkEntry(Subnet subnet, long count) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("network", subnet.networkName());
        m.put("subnet", subnet.cidr().toString());
        m.put("generated_addresses", count);
        return m;
    }

    /**
     * Walks the free extents in order and hands out {@code count} addresses, leaving {@code holes} of the
     * first {@code count + holes} free ones unheld at random (selection sampling: exact numbers).
     */
    private static void placeInFreeSpace(List<IpRange> extents, long count, long holes, SplittableRandom random,
                                         Consumer<Ip> sink) {
        long positions = count + holes;
        long holesLeft = holes;
        long placed = 0;
        for (IpRange extent : extents) {
            Ip ip = extent.start();
            while (placed < count) {
                if (holesLeft > 0 && random.nextLong(positions) < holesLeft) {
                    holesLeft--;
                } else {
                    sink.accept(ip);
                    placed++;
                }
                positions--;
                if (ip.equals(extent.end())) {
                    break;
                }
                ip = ip.next();
            }
            if (placed == count) {
                return;
            }
        }
        if (placed < count) {
            throw new IllegalStateException("the free space holds fewer than " + count + " addresses");
        }
    }

    // ================================================================= fill one subnet

    /**
     * Bulk-loads {@code count} held addresses (status allocated, with host names) into an existing subnet:
     * its lowest free addresses, with {@code holes} of the first {@code count + holes} free ones left free
     * at random. One transaction, one change-log row; the free extents are rebuilt. Returns the count.
     */
    public long fill(long subnetId, long count, long holes, long seed) {
        if (count < 0 || holes < 0) {
            throw new InvalidInput("count and holes cannot be negative");
        }
        return database.write(s -> {
            Subnet subnet = s.subnet(subnetId).orElseThrow(() -> new NotFound("subnet " + subnetId + " does not exist"));
            List<IpRange> extents = s.extents(subnetId);
            BigInteger free = BigInteger.ZERO;
            for (IpRange e : extents) {
                free = free.add(e.size());
            }
            if (free.compareTo(BigInteger.valueOf(count + holes)) < 0) {
                throw new InvalidInput(subnet.label() + " has only " + free + " free addresses, not " + (count + holes));
            }
            SplittableRandom random = new SplittableRandom(seed);
            List<Session.NewAddress> rows = new ArrayList<>((int) Math.min(count, 1 << 20));
            long[] n = {0};
            placeInFreeSpace(extents, count, holes, random, ip -> rows.add(new Session.NewAddress(ip,
                    new AddressDetails(AddressStatus.ALLOCATED, GeneratedDetails.numbered("fill-", ++n[0], ".example.net"),
                            Optional.empty(), "bench", ""))));
            s.insertAddresses(subnetId, rows, changes.now());
            FreeSpace.rebuild(s, subnet);
            changes.log(s, ChangeAction.ALLOCATE, "address", subnet.label() + " (generated)", null,
                    bulkEntry(subnet, rows.size()));
            return (long) rows.size();
        });
    }
}
