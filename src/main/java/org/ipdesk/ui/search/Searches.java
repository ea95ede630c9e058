package org.ipdesk.ui.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.InvalidAddressException;
import org.ipdesk.address.Ip;
import org.ipdesk.address.IpRange;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.Address;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.CellState;
import org.ipdesk.model.Observation;
import org.ipdesk.model.PlacedAddress;
import org.ipdesk.model.Subnet;
import org.ipdesk.ui.search.SearchResult.Kind;

/**
 * The search itself, on the background executor: held addresses from {@link Allocator#find} and the subnets
 * the text names (by an address they contain, by CIDR, or by name, description or VLAN); each address with what last
 * saw it in use ({@link Allocator#observations(IpRange)}).
 */
final class Searches {

    /** What one search found; {@code capped} when the addresses stopped at {@link Allocator#SEARCH_LIMIT}. */
    record Found(List<SearchResult> results, boolean capped) {
    }

    private Searches() {
    }

    static Found run(Allocator allocator, String text) {
        Optional<Ip> ip = parse(() -> Ip.parse(text));
        Optional<Cidr> cidr = text.contains("/") ? parse(() -> Cidr.parse(text)) : Optional.empty();
        List<PlacedAddress> found = allocator.find(text);
        Map<Ip, Observation> seen = lastSeen(allocator, found);
        List<SearchResult> addresses = found.stream().map(a -> address(a, seen)).toList();
        boolean capped = addresses.size() >= Allocator.SEARCH_LIMIT;
        List<Subnet> all = allocator.subnets();
        List<SearchResult> results = new ArrayList<>();
        if (ip.isPresent()) {
            results.addAll(addresses);
            for (Subnet subnet : deepestPerNetwork(all, s -> s.cidr().contains(ip.get()))) {
                boolean held = addresses.stream().anyMatch(a -> a.subnet().id() == subnet.id());
                if (!held) {
                    CellState state = allocator.cellStates(subnet.id(), IpRange.of(ip.get())).state(0);
                    results.add(new SearchResult(Kind.SUBNET, subnet.networkName(), subnet, ip, state.label(), "",
                            Optional.empty(), describe(subnet)));
                }
            }
        } else if (cidr.isPresent()) {
            Cidr wanted = cidr.get();
            List<Subnet> named = new ArrayList<>(all.stream().filter(s -> wanted.contains(s.cidr())).toList());
            for (Subnet around : deepestPerNetwork(all, s -> s.cidr().contains(wanted))) {
                if (!named.contains(around)) {
                    named.add(around);
                }
            }
            named.sort(Comparator.comparing((Subnet s) -> !s.cidr().equals(wanted))
                    .thenComparing(Subnet::cidr).thenComparing(Subnet::networkName));
            named.forEach(s -> results.add(subnet(s)));
            results.addAll(addresses);
        } else {
            all.stream().filter(s -> matches(s, text)).map(Searches::subnet).forEach(results::add);
            results.addAll(addresses);
        }
        return new Found(List.copyOf(results), capped);
    }

    /**
     * Why {@code result} can no longer be gone to, or empty when it still can: its subnet was deleted or the id now
     * names another subnet (another file was opened), or its address is no longer held.
     */
    static Optional<String> gone(Allocator allocator, SearchResult result) {
        Subnet then = result.subnet();
        Optional<Subnet> now = allocator.subnets().stream().filter(s -> s.id() == then.id()).findFirst()
                .filter(s -> s.cidr().equals(then.cidr()) && s.networkName().equals(then.networkName()));
        if (now.isEmpty()) {
            return Optional.of(then.label() + " is no longer in the database");
        }
        if (result.kind() == Kind.ADDRESS && result.ip().isPresent()
                && allocator.address(then.id(), result.ip().get()).isEmpty()) {
            return Optional.of(result.ip().get() + " is no longer held in " + now.get().label());
        }
        return Optional.empty();
    }

    private static SearchResult address(PlacedAddress view, Map<Ip, Observation> seen) {
        Address a = view.address();
        AddressDetails d = a.details();
        String snippet = join(d.owner(), d.description());
        return new SearchResult(Kind.ADDRESS, view.subnet().networkName(), view.subnet(), Optional.of(a.ip()),
                CellState.of(d.status()).label(), d.hostname(), d.mac(), snippet,
                Optional.ofNullable(seen.get(a.ip())));
    }

    /**
     * The newest observation of each address found: one read per subnet with results, over the span from its
     * lowest to its highest address found (observations are kept by address, not by network).
     */
    private static Map<Ip, Observation> lastSeen(Allocator allocator, List<PlacedAddress> held) {
        Map<Long, IpRange> spans = new LinkedHashMap<>();
        for (PlacedAddress p : held) {
            Ip ip = p.address().ip();
            spans.merge(p.subnet().id(), IpRange.of(ip), (a, b) -> new IpRange(
                    a.start().compareTo(ip) <= 0 ? a.start() : ip, a.end().compareTo(ip) >= 0 ? a.end() : ip));
        }
        Map<Ip, Observation> seen = new HashMap<>();
        for (IpRange span : spans.values()) {
            for (Observation o : allocator.observations(span)) {
                seen.put(o.ip(), o);
            }
        }
        return seen;
    }

    private static SearchResult subnet(Subnet s) {
        return new SearchResult(Kind.SUBNET, s.networkName(), s, Optional.empty(), "subnet", "", Optional.empty(),
                describe(s));
    }

    /** "Web tier · VLAN 101 · Front-end servers". */
    static String describe(Subnet s) {
        return join(s.name(), s.vlan().isPresent() ? "VLAN " + s.vlan().getAsInt() : "", s.description());
    }

    private static String join(String... parts) {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            if (!part.isEmpty()) {
                text.append(text.length() == 0 ? "" : " \u00b7 ").append(part);
            }
        }
        return text.toString();
    }

    /** In each network, the smallest subnet that passes {@code test} (the one whose grid shows the address). */
    private static List<Subnet> deepestPerNetwork(List<Subnet> subnets, Predicate<Subnet> test) {
        Map<Long, Subnet> deepest = new LinkedHashMap<>();
        for (Subnet s : subnets) {
            if (test.test(s)) {
                deepest.merge(s.networkId(), s,
                        (a, b) -> b.cidr().prefixLength() > a.cidr().prefixLength() ? b : a);
            }
        }
        return List.copyOf(deepest.values());
    }

    /** Name, description or CIDR holds the text (any case); or the text is the VLAN ("101", "vlan 101"). */
    private static boolean matches(Subnet s, String text) {
        String q = text.toLowerCase(Locale.ROOT);
        if (s.name().toLowerCase(Locale.ROOT).contains(q) || s.description().toLowerCase(Locale.ROOT).contains(q)
                || s.cidr().toString().contains(q)) {
            return true;
        }
        String number = q.startsWith("vlan") ? q.substring(4).strip() : q;
        return s.vlan().isPresent() && number.equals(Integer.toString(s.vlan().getAsInt()));
    }

    private static <T> Optional<T> parse(java.util.function.Supplier<T> parser) {
        try {
            return Optional.of(parser.get());
        } catch (InvalidAddressException e) {
            return Optional.empty();
        }
    }
}
