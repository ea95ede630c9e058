package org.ipdesk.allocator;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.CellState;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.Usage;
import org.ipdesk.store.Session;

/**
 * Utilisation of every subnet from three aggregate queries (held addresses per status, held addresses per
 * range, held gateways), never one query per subnet. A subnet's figures include its children's; the
 * network and broadcast addresses of a child, usable in the parent, count as reserved in the parent.
 */
final class UsageCalculator {
    private UsageCalculator() {
    }

    static Map<Long, Usage> compute(Session s) {
        return compute(s.subnets(), s.statusCounts(), s.rangeOccupancy(), s.subnetsWithHeldGateway());
    }

    /**
     * Utilisation of one subnet (its children included) from the queries of its own subtree only, so the header
     * of one subnet does not pay for every subnet in the file.
     */
    static Usage computeOne(Session s, Subnet root) {
        List<Subnet> subtree = new ArrayList<>();
        subtree.add(root);
        subtree.addAll(s.subnetsInside(root.networkId(), root.cidr()));
        Map<Long, Map<AddressStatus, Long>> held = new HashMap<>();
        List<Session.RangeOccupancy> ranges = new ArrayList<>();
        Set<Long> heldGateways = new HashSet<>();
        for (Subnet subnet : subtree) {
            held.put(subnet.id(), s.statusCounts(subnet.id()));
            ranges.addAll(s.rangeOccupancy(subnet.id()));
            if (subnet.gateway().filter(g -> s.address(subnet.id(), g).isPresent()).isPresent()) {
                heldGateways.add(subnet.id());
            }
        }
        return compute(subtree, held, ranges, heldGateways).get(root.id());
    }

    /**
     * How many usable addresses of {@code subnet}'s own level are in each state the address grid paints (see
     * GridQueries: the gateway over a held address, a held address over its range, children as one state).
     */
    static Map<CellState, BigInteger> states(Session s, Subnet subnet) {
        Map<CellState, BigInteger> states = new EnumMap<>(CellState.class);
        Map<AddressStatus, Long> held = s.statusCounts(subnet.id());
        for (AddressStatus status : AddressStatus.values()) {
            states.merge(CellState.of(status), count(held, status), BigInteger::add);
        }
        subnet.gateway().ifPresent(g -> {
            states.put(CellState.GATEWAY, BigInteger.ONE);
            s.address(subnet.id(), g).ifPresent(a ->
                    states.merge(CellState.of(a.status()), BigInteger.ONE.negate(), BigInteger::add));
        });
        for (Session.RangeOccupancy r : s.rangeOccupancy(subnet.id())) {
            BigInteger unheld = r.range().range().size().subtract(BigInteger.valueOf(r.held()));
            states.merge(r.range().kind() == RangeKind.DHCP ? CellState.DHCP_RANGE : CellState.RESERVED_RANGE,
                    unheld, BigInteger::add);
        }
        for (Subnet child : s.children(subnet.networkId(), java.util.OptionalLong.of(subnet.id()))) {
            states.merge(CellState.CHILD_SUBNET, spanInsideUsable(subnet.cidr(), child.cidr()), BigInteger::add);
        }
        BigInteger taken = states.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
        states.put(CellState.FREE, subnet.cidr().usableCount().subtract(taken));
        return states;
    }

    private static Map<Long, Usage> compute(List<Subnet> subnets, Map<Long, Map<AddressStatus, Long>> held,
                                            List<Session.RangeOccupancy> occupancy, Set<Long> heldGateways) {
        Map<Long, BigInteger[]> rangeUnheld = new HashMap<>();
        for (Session.RangeOccupancy r : occupancy) {
            BigInteger unheld = r.range().range().size().subtract(BigInteger.valueOf(r.held()));
            BigInteger[] acc = rangeUnheld.computeIfAbsent(r.range().subnetId(),
                    k -> new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO});
            int slot = r.range().kind() == RangeKind.DHCP ? 0 : 1;
            acc[slot] = acc[slot].add(unheld);
        }

        Map<Long, List<Subnet>> children = new HashMap<>();
        for (Subnet subnet : subnets) {
            subnet.parentId().ifPresent(p -> children.computeIfAbsent(p, k -> new ArrayList<>()).add(subnet));
        }
        // children before parents: deepest (longest prefix) first
        List<Subnet> order = new ArrayList<>(subnets);
        order.sort(Comparator.comparingInt((Subnet x) -> x.cidr().prefixLength()).reversed());

        Map<Long, Usage> result = new HashMap<>();
        for (Subnet subnet : order) {
            Cidr cidr = subnet.cidr();
            Map<AddressStatus, Long> counts = held.getOrDefault(subnet.id(), new EnumMap<>(AddressStatus.class));
            BigInteger allocated = count(counts, AddressStatus.ALLOCATED);
            BigInteger reserved = count(counts, AddressStatus.RESERVED);
            BigInteger dhcp = count(counts, AddressStatus.DHCP);
            BigInteger deprecated = count(counts, AddressStatus.DEPRECATED);
            BigInteger[] ranges = rangeUnheld.getOrDefault(subnet.id(), new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO});
            dhcp = dhcp.add(ranges[0]);
            reserved = reserved.add(ranges[1]);
            if (subnet.gateway().isPresent() && !heldGateways.contains(subnet.id())) {
                reserved = reserved.add(BigInteger.ONE);
            }
            BigInteger usable = cidr.usableCount();
            BigInteger ownTaken = allocated.add(reserved).add(dhcp).add(deprecated);
            BigInteger childSpans = BigInteger.ZERO;
            BigInteger childFree = BigInteger.ZERO;
            for (Subnet child : children.getOrDefault(subnet.id(), List.of())) {
                Usage inner = result.get(child.id());
                BigInteger span = spanInsideUsable(cidr, child.cidr());
                childSpans = childSpans.add(span);
                allocated = allocated.add(inner.allocated());
                dhcp = dhcp.add(inner.dhcp());
                deprecated = deprecated.add(inner.deprecated());
                reserved = reserved.add(inner.reserved()).add(span.subtract(inner.usable()));
                childFree = childFree.add(inner.free());
            }
            BigInteger ownFree = usable.subtract(ownTaken).subtract(childSpans);
            result.put(subnet.id(), new Usage(usable, allocated, reserved, dhcp, deprecated, ownFree.add(childFree)));
        }
        return result;
    }

    /** How many addresses of {@code child} are usable addresses of {@code parent}. */
    private static BigInteger spanInsideUsable(Cidr parent, Cidr child) {
        BigInteger span = child.total();
        for (Ip edge : List.of(parent.first(), parent.last())) {
            if (child.contains(edge) && !parent.isUsable(edge)) {
                span = span.subtract(BigInteger.ONE);
            }
        }
        return span;
    }

    private static BigInteger count(Map<AddressStatus, Long> counts, AddressStatus status) {
        return BigInteger.valueOf(counts.getOrDefault(status, 0L));
    }
}
