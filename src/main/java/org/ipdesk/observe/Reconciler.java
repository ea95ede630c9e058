package org.ipdesk.observe;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.address.IpRange;
import org.ipdesk.address.IpVersion;
import org.ipdesk.address.Mac;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.AllocatorException;
import org.ipdesk.allocator.ReconcileStep;
import org.ipdesk.model.Address;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressRange;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.IgnoredFinding;
import org.ipdesk.model.Observation;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.observe.Finding.Action;
import org.ipdesk.observe.Finding.Kind;

/**
 * Compares the records with what the network was seen to use ({@link Allocator#observations}) and lists where they
 * disagree, for a network, a subnet (its children included) or everything; then turns the actions an admin chose
 * into one {@link Allocator#applyReconcile} command. Reads through the allocator only; it never writes itself.
 *
 * <p>An observation counts as "in use" when it was seen within the stale days; older ones only tell when an address
 * was last seen. A held address is stale when it was not seen within the stale days in a subnet where something else
 * was (a subnet no file covers says nothing about its addresses). Ignored findings are left out while what is seen is
 * the same as when they were ignored.
 */
public final class Reconciler {
    public static final int DEFAULT_STALE_DAYS = Subnet.DEFAULT_STALE_DAYS;
    /** How close two sightings of one MAC must be to count as "at once". */
    public static final Duration AT_ONCE = Duration.ofHours(1);
    private static final IpRange ALL_V4 = new IpRange(Ip.parse("0.0.0.0"), Ip.parse("255.255.255.255"));
    private static final IpRange ALL_V6 = new IpRange(Ip.parse("::"),
            Ip.parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"));

    private final Allocator allocator;

    public Reconciler(Allocator allocator) {
        this.allocator = allocator;
    }

    /**
     * The findings of a network's subnets, and the addresses seen outside every subnet. {@code staleDays}: the same
     * number for every subnet; empty: each subnet's own ({@link Subnet#staleDaysOrDefault()}).
     */
    public List<Finding> network(String networkName, OptionalInt staleDays, Instant now) {
        return findings(allocator.subnets(allocator.network(networkName).name()), true, staleDays, now);
    }

    /** {@link #network(String, OptionalInt, Instant)} with the same stale days for every subnet. */
    public List<Finding> network(String networkName, int staleDays, Instant now) {
        return network(networkName, OptionalInt.of(staleDays), now);
    }

    /** The findings of one subnet and the subnets inside it (stale days as in {@link #network}). */
    public List<Finding> subnet(long subnetId, OptionalInt staleDays, Instant now) {
        Subnet subnet = allocator.subnet(subnetId);
        List<Subnet> inside = allocator.subnets(subnet.networkName()).stream()
                .filter(s -> subnet.cidr().contains(s.cidr())).toList();
        return findings(inside, false, staleDays, now);
    }

    /** {@link #subnet(long, OptionalInt, Instant)} with the same stale days for every subnet. */
    public List<Finding> subnet(long subnetId, int staleDays, Instant now) {
        return subnet(subnetId, OptionalInt.of(staleDays), now);
    }

    /** The findings of every network, and the addresses seen outside every subnet (stale days as in {@link #network}). */
    public List<Finding> everything(OptionalInt staleDays, Instant now) {
        return findings(allocator.subnets(), true, staleDays, now);
    }

    /** {@link #everything(OptionalInt, Instant)} with the same stale days for every subnet. */
    public List<Finding> everything(int staleDays, Instant now) {
        return everything(OptionalInt.of(staleDays), now);
    }

    private List<Finding> findings(List<Subnet> scope, boolean outside, OptionalInt staleDays, Instant now) {
        if (staleDays.isPresent() && staleDays.getAsInt() < 1) {
            throw new IllegalArgumentException("the stale days must be at least 1, not " + staleDays.getAsInt());
        }
        // outside every subnet, what counts as "in use" follows the override or the default
        Instant cutoff = now.minus(Duration.ofDays(staleDays.orElse(DEFAULT_STALE_DAYS)));
        List<Finding> found = new ArrayList<>();
        List<IgnoredFinding> ignored = new ArrayList<>();
        List<Placed> current = new ArrayList<>();
        Map<Long, List<Subnet>> byNetwork = new LinkedHashMap<>();
        scope.forEach(s -> byNetwork.computeIfAbsent(s.networkId(), k -> new ArrayList<>()).add(s));
        for (List<Subnet> subnets : byNetwork.values()) {
            List<Subnet> tops = subnets.stream().filter(s -> subnets.stream()
                    .noneMatch(o -> o != s && o.cidr().contains(s.cidr()) && !o.cidr().equals(s.cidr()))).toList();
            TreeMap<Ip, Observation> seen = new TreeMap<>();
            for (Subnet top : tops) {
                allocator.observations(top.cidr().range()).forEach(o -> seen.put(o.ip(), o));
                ignored.addAll(allocator.ignoredFindings(top.cidr().range()));
            }
            Map<Long, List<Subnet>> children = new HashMap<>();
            subnets.forEach(s -> s.parentId().ifPresent(p -> children.computeIfAbsent(p, k -> new ArrayList<>()).add(s)));
            for (Subnet subnet : subnets) {
                // each address belongs to the smallest subnet that holds it: this subnet's range less its children's
                // (a view of the sorted observations when it has none, so a /16 copies nothing)
                NavigableMap<Ip, Observation> mine = seen.subMap(subnet.cidr().first(), true, subnet.cidr().last(),
                        true);
                List<Subnet> inside = children.getOrDefault(subnet.id(), List.of());
                if (!inside.isEmpty() && !mine.isEmpty()) {
                    mine = new TreeMap<>(mine);
                    for (Subnet child : inside) {
                        mine.subMap(child.cidr().first(), true, child.cidr().last(), true).clear();
                    }
                }
                Instant since = now.minus(Duration.ofDays(staleDays.orElse(subnet.staleDaysOrDefault())));
                subnetFindings(subnet, mine, since, found);
                mine.values().stream().filter(o -> !o.seenAt().isBefore(since)).forEach(o -> {
                    current.add(new Placed(o, subnet));
                });
            }
        }
        severalAddresses(current, found);
        if (outside) {
            outsideSubnets(cutoff, found, ignored);
        }
        Set<List<Object>> ignores = new HashSet<>();
        ignored.forEach(i -> ignores.add(List.of(i.ip(), i.kind(), i.seen())));
        List<Finding> shown = ignores.isEmpty() ? found : found.stream()
                .filter(f -> !ignores.contains(List.of(f.ip(), f.kind().words(), f.seen()))).toList();
        return shown.stream().sorted(Comparator.comparing(Finding::ip).thenComparing(Finding::kind)).toList();
    }

    private void subnetFindings(Subnet subnet, Map<Ip, Observation> seen, Instant cutoff, List<Finding> found) {
        Map<Ip, Address> held = new HashMap<>();
        allocator.addresses(subnet.id()).forEach(a -> held.put(a.ip(), a));
        List<AddressRange> ranges = allocator.ranges(subnet.id());
        IpRange usable = subnet.cidr().usableRange();
        boolean covered = false;
        for (Observation o : seen.values()) {
            if (o.seenAt().isBefore(cutoff)) {
                continue;
            }
            covered = true;
            Ip ip = o.ip();
            Address a = held.get(ip);
            boolean gateway = subnet.gateway().filter(ip::equals).isPresent();
            Optional<AddressRange> reserved = rangeOf(ranges, ip, RangeKind.RESERVED);
            if (a == null) {
                if (gateway || !usable.contains(ip)) {
                    continue; // the router answers on its gateway; network and broadcast addresses hold nobody
                }
                if (reserved.isPresent()) {
                    found.add(finding(Kind.RESERVED_IN_USE, subnet, o, Optional.empty(),
                            "free, inside the reserved range " + words(reserved.get())));
                    continue;
                }
                boolean pool = rangeOf(ranges, ip, RangeKind.DHCP).isPresent();
                found.add(finding(Kind.UNKNOWN_HOST, subnet, o, Optional.empty(),
                        pool ? "free, inside a DHCP pool: record as dhcp" : "free: record as allocated"));
                continue;
            }
            if (o.mac().isPresent() && !o.mac().equals(a.details().mac())) {
                boolean guarded = (gateway || reserved.isPresent()) && a.details().mac().isPresent();
                found.add(finding(guarded ? Kind.RESERVED_IN_USE : Kind.MAC_DIFFERS, subnet, o, Optional.of(a),
                        (gateway ? "gateway, " : reserved.isPresent() ? "in a reserved range, " : "")
                                + a.details().mac().map(m -> "MAC " + m).orElse("no MAC") + " recorded for "
                                + a.holder()));
            }
            if (o.hostname().isPresent() && !sameHost(o.hostname().get(), a.details().hostname())) {
                found.add(finding(Kind.HOSTNAME_DIFFERS, subnet, o, Optional.of(a),
                        a.details().hostname().isEmpty() ? "no host name recorded"
                                : "host name " + a.details().hostname() + " recorded"));
            }
        }
        if (!covered) {
            return;
        }
        for (Address a : held.values()) {
            Observation o = seen.get(a.ip());
            if (a.status() == AddressStatus.DEPRECATED || (o != null && !o.seenAt().isBefore(cutoff))) {
                continue;
            }
            String last = o == null ? "never seen" : "last seen " + o.seenAt() + " by " + o.file();
            found.add(new Finding(Kind.STALE, a.ip(), Optional.of(subnet), last,
                    a.status().label() + " to " + a.holder(), Action.DEPRECATE_STALE, Optional.of(a),
                    Optional.ofNullable(o), Optional.empty()));
        }
    }

    private static Finding finding(Kind kind, Subnet subnet, Observation o, Optional<Address> held, String recorded) {
        return new Finding(kind, o.ip(), Optional.of(subnet), seenWords(o), recorded, kind.actions().get(0), held,
                Optional.of(o), Optional.empty());
    }

    /** What was seen, without the time (an ignore lasts while this stays the same). */
    static String seenWords(Observation o) {
        if (o.mac().isEmpty() && o.hostname().isEmpty()) {
            return "in use";
        }
        StringBuilder words = new StringBuilder(48); // one per finding: 65,536 in a /16 scan
        o.mac().ifPresent(m -> words.append("MAC ").append(m));
        if (o.hostname().isPresent()) {
            words.append(words.length() == 0 ? "host " : ", host ").append(o.hostname().get());
        }
        return words.toString();
    }

    /** An observation counted as in use, with the subnet it belongs to. */
    private record Placed(Observation observation, Subnet subnet) {
    }

    private void severalAddresses(List<Placed> current, List<Finding> found) {
        // per IP version, each MAC's observations; most MACs are on one address, so a map entry holds the one
        // observation itself and becomes a list only for a second (65,536 MACs of a /16 scan cost no list)
        Map<Mac, Object> v4 = new HashMap<>();
        Map<Mac, Object> v6 = new HashMap<>();
        Map<Ip, Subnet> placeOf = new HashMap<>();
        for (Placed p : current) {
            Observation o = p.observation();
            if (o.mac().isEmpty()) {
                continue;
            }
            (o.ip().isV4() ? v4 : v6).merge(o.mac().get(), p, (was, now) -> {
                @SuppressWarnings("unchecked")
                List<Placed> list = was instanceof List<?> l ? (List<Placed>) l : new ArrayList<>(List.of((Placed) was));
                list.add((Placed) now);
                return list;
            });
        }
        List<List<Observation>> groups = new ArrayList<>();
        for (Map<Mac, Object> byMac : List.of(v4, v6)) {
            for (Object value : byMac.values()) {
                if (value instanceof List<?> list) {
                    List<Observation> same = new ArrayList<>();
                    for (Object item : list) {
                        Placed p = (Placed) item;
                        same.add(p.observation());
                        placeOf.put(p.observation().ip(), p.subnet());
                    }
                    groups.add(same);
                }
            }
        }
        for (List<Observation> same : groups) {
            Instant newest = same.stream().map(Observation::seenAt).max(Comparator.naturalOrder()).orElseThrow();
            List<Observation> atOnce = same.stream()
                    .filter(o -> !o.seenAt().isBefore(newest.minus(AT_ONCE))).sorted(Comparator.comparing(Observation::ip))
                    .toList();
            if (atOnce.size() < 2) {
                continue;
            }
            for (Observation o : atOnce) {
                List<String> others = atOnce.stream().filter(x -> x != o).map(x -> x.ip().toString()).toList();
                Mac mac = o.mac().orElseThrow();
                found.add(new Finding(Kind.MAC_ON_SEVERAL, o.ip(), Optional.ofNullable(placeOf.get(o.ip())),
                        "MAC " + mac + " also on " + String.join(", ", others), "", Action.INVESTIGATE,
                        Optional.empty(), Optional.of(o), Optional.empty()));
            }
        }
    }

    private void outsideSubnets(Instant cutoff, List<Finding> found, List<IgnoredFinding> ignored) {
        // the subnets of every network as disjoint spans (nested and overlapping ones merged), by first address
        List<IpRange> all = allocator.subnets().stream().map(s -> s.cidr().range())
                .sorted(Comparator.comparing(IpRange::start)).toList();
        TreeMap<Ip, Ip> spans = new TreeMap<>();
        Map.Entry<Ip, Ip> last = null;
        for (IpRange r : all) {
            if (last != null && last.getValue().version() == r.start().version()
                    && last.getValue().compareTo(r.start()) >= 0) {
                if (r.end().compareTo(last.getValue()) > 0) {
                    spans.put(last.getKey(), r.end());
                }
            } else {
                spans.put(r.start(), r.end());
            }
            last = spans.floorEntry(r.start());
        }
        Map<Cidr, List<Ip>> blocks = new TreeMap<>();
        for (IpRange space : List.of(ALL_V4, ALL_V6)) {
            for (Observation o : allocator.observations(space)) {
                if (o.seenAt().isBefore(cutoff) || inSomeSubnet(spans, o.ip())) {
                    continue;
                }
                int prefix = o.ip().version() == IpVersion.V4 ? 24 : 64;
                blocks.computeIfAbsent(Cidr.containing(o.ip(), prefix), k -> new ArrayList<>()).add(o.ip());
            }
        }
        blocks.forEach((block, ips) -> {
            String listed = String.join(", ", ips.stream().limit(5).map(Ip::toString).toList())
                    + (ips.size() > 5 ? ", …" : "");
            found.add(new Finding(Kind.OUTSIDE_SUBNETS, block.first(), Optional.empty(),
                    ips.size() + (ips.size() == 1 ? " address seen: " : " addresses seen: ") + listed,
                    "in no subnet; create " + block, Action.CREATE_SUBNET, Optional.empty(), Optional.empty(),
                    Optional.of(block)));
            ignored.addAll(allocator.ignoredFindings(IpRange.of(block.first())));
        });
    }

    /** Whether one of the disjoint {@code spans} (first address to last) holds {@code ip}. */
    private static boolean inSomeSubnet(TreeMap<Ip, Ip> spans, Ip ip) {
        Map.Entry<Ip, Ip> span = spans.floorEntry(ip);
        return span != null && span.getValue().version() == ip.version() && span.getValue().compareTo(ip) >= 0;
    }

    private static Optional<AddressRange> rangeOf(List<AddressRange> ranges, Ip ip, RangeKind kind) {
        // a plain loop: it runs for every address seen (65,536 in a /16), where a stream costs more than the test
        for (AddressRange r : ranges) {
            if (r.kind() == kind && r.range().contains(ip)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    private static String words(AddressRange range) {
        return range.range().start() + "-" + range.range().end()
                + (range.description().isEmpty() ? "" : " (" + range.description() + ")");
    }

    /** The same host: the same name whatever its case, or the same first label ("web-01" and "web-01.example.com"). */
    static boolean sameHost(String seen, String recorded) {
        if (recorded.isEmpty()) {
            return false;
        }
        String a = seen.strip().toLowerCase(Locale.ROOT);
        String b = recorded.strip().toLowerCase(Locale.ROOT);
        return a.equals(b) || a.split("\\.", 2)[0].equals(b.split("\\.", 2)[0]);
    }

    // ------------------------------------------------------------------ applying

    /**
     * The steps that apply {@code chosen} actions to the findings that offer one (each finding takes the first of its
     * actions that was chosen); several changes of one held address become one update. Findings that offer none of
     * the chosen actions are left as they are.
     */
    public List<ReconcileStep> steps(List<Finding> findings, Set<Action> chosen) {
        List<ReconcileStep> steps = new ArrayList<>();
        Map<Ip, Address> asRead = new LinkedHashMap<>();
        Map<Ip, AddressDetails> details = new LinkedHashMap<>();
        Map<Ip, List<String>> what = new HashMap<>();
        Set<Ip> released = new HashSet<>();
        for (Finding f : findings) {
            Optional<Action> action = f.actions().stream().filter(chosen::contains).findFirst();
            if (action.isEmpty()) {
                continue;
            }
            switch (action.get()) {
                case RECORD -> {
                    Observation o = f.observation().orElseThrow();
                    Subnet subnet = f.subnet().orElseThrow();
                    steps.add(new ReconcileStep.Record(subnet.id(), f.ip(), new AddressDetails(
                            f.recorded().contains("DHCP pool") ? AddressStatus.DHCP : AddressStatus.ALLOCATED,
                            o.hostname().orElse(""), o.mac(), "", "")));
                }
                case IGNORE -> steps.add(new ReconcileStep.Ignore(new IgnoredFinding(f.ip(), f.kind().words(),
                        f.seen())));
                case RELEASE_STALE -> {
                    released.add(f.ip());
                    steps.add(new ReconcileStep.Release(f.held().orElseThrow()));
                }
                case UPDATE_MAC, UPDATE_HOSTNAME, DEPRECATE_STALE -> {
                    Address a = f.held().orElseThrow();
                    asRead.putIfAbsent(a.ip(), a);
                    AddressDetails d = details.getOrDefault(a.ip(), a.details());
                    Observation o = f.observation().orElse(null);
                    switch (action.get()) {
                        case UPDATE_MAC -> {
                            d = new AddressDetails(d.status(), d.hostname(), o.mac(), d.owner(), d.description());
                            what.computeIfAbsent(a.ip(), k -> new ArrayList<>()).add("update the MAC of");
                        }
                        case UPDATE_HOSTNAME -> {
                            d = new AddressDetails(d.status(), o.hostname().orElse(""), d.mac(), d.owner(),
                                    d.description());
                            what.computeIfAbsent(a.ip(), k -> new ArrayList<>()).add("update the host name of");
                        }
                        default -> {
                            d = d.withStatus(AddressStatus.DEPRECATED);
                            what.computeIfAbsent(a.ip(), k -> new ArrayList<>()).add("mark deprecated");
                        }
                    }
                    details.put(a.ip(), d);
                }
                default -> throw new IllegalArgumentException(action.get().words() + " is not applied by reconcile");
            }
        }
        asRead.forEach((ip, a) -> {
            if (!released.contains(ip)) {
                steps.add(new ReconcileStep.Update(a, details.get(ip), String.join(" and ", what.get(ip))));
            }
        });
        return steps;
    }

    /**
     * Applies the chosen actions to the findings as one command ({@link Allocator#applyReconcile}): all, or nothing
     * with an {@link AllocatorException} naming the finding that no longer applies. Returns how many steps were
     * applied; none chosen is refused.
     */
    public int apply(List<Finding> findings, Set<Action> chosen) {
        List<ReconcileStep> steps = steps(findings, chosen);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("no finding offers " + String.join(", ",
                    chosen.stream().map(Action::words).sorted().toList()) + ": nothing to apply");
        }
        return allocator.applyReconcile(steps);
    }
}
