package org.ipdesk.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.address.IpRange;
import org.ipdesk.address.IpVersion;
import org.ipdesk.address.Mac;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.exchange.AddressList;
import org.ipdesk.model.Address;
import org.ipdesk.model.AddressRange;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.Hostnames;
import org.ipdesk.model.PlacedAddress;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;

/**
 * The records of a scope as the servers need them, with the problems found on the way.
 *
 * <ul>
 *   <li><b>Links</b> (DHCP): the innermost subnets of the scope (those holding no child subnet), ordered by address,
 *   each with its DHCP ranges as pools and its reservations. A reservation is an allocated or reserved address with a
 *   MAC; addresses with the status dhcp (leases the server handed out) and deprecated ones are not reserved.</li>
 *   <li><b>Names</b> (DNS, hosts): every held address that is not deprecated and has a host name.</li>
 * </ul>
 *
 * A host name is written without a final dot. Two addresses of one IP version with one host name (any case): the
 * lower address keeps it.
 */
final class ServiceRecords {
    /** A DHCP reservation; {@code name} is empty when the address has none, or a problem took it away. */
    record Reservation(Ip ip, Mac mac, String name) {
    }

    /** A subnet as a DHCP server declares it. */
    record Link(Subnet subnet, List<IpRange> pools, List<Reservation> reservations) {
        Cidr cidr() {
            return subnet.cidr();
        }

        IpVersion version() {
            return subnet.cidr().version();
        }
    }

    /** An address with its host name and the subnet it is held in, for DNS and hosts files. */
    record Name(Ip ip, String name, Subnet subnet) {
    }

    final List<Link> links = new ArrayList<>();
    final List<Name> names = new ArrayList<>();
    private final Map<String, ServiceProblem> problems = new LinkedHashMap<>();

    private ServiceRecords() {
    }

    List<ServiceProblem> problems() {
        return problems.values().stream()
                .sorted(Comparator.comparing(ServiceProblem::address).thenComparing(ServiceProblem::kind))
                .toList();
    }

    /** Reads the scope; {@code dhcp} and {@code dns} say which parts the target needs (and so which problems). */
    static ServiceRecords read(Allocator allocator, ServiceScope scope, boolean dhcp, boolean dns) {
        ServiceRecords records = new ServiceRecords();
        AddressList list = AddressList.read(allocator, scope.network(), scope.subnet());
        List<Subnet> subnets = subnetsOf(allocator, scope);
        Set<Long> parents = new HashSet<>();
        for (Subnet s : subnets) {
            s.parentId().ifPresent(parents::add);
        }
        Map<Long, List<PlacedAddress>> bySubnet = new HashMap<>();
        for (PlacedAddress entry : list.entries()) {
            bySubnet.computeIfAbsent(entry.subnet().id(), id -> new ArrayList<>()).add(entry);
        }
        if (dhcp) {
            records.readLinks(allocator, subnets, parents, bySubnet);
        }
        if (dns) {
            records.readNames(list.entries());
        }
        return records;
    }

    static List<Subnet> subnetsOf(Allocator allocator, ServiceScope scope) {
        if (scope.subnet().isPresent()) {
            Subnet chosen = allocator.findSubnet(scope.subnet().get(), scope.network());
            return allocator.subnets(chosen.networkName()).stream()
                    .filter(s -> chosen.cidr().contains(s.cidr())).toList();
        }
        return scope.network().isPresent() ? allocator.subnets(scope.network().get()) : allocator.subnets();
    }

    private void readLinks(Allocator allocator, List<Subnet> subnets, Set<Long> parents,
                           Map<Long, List<PlacedAddress>> bySubnet) {
        List<Subnet> ordered = new ArrayList<>(subnets);
        ordered.sort(Comparator.comparing(Subnet::cidr).thenComparing(Subnet::networkName));
        Map<String, Ip> nameTaken = new HashMap<>();
        Map<Cidr, Subnet> declared = new HashMap<>();
        for (Subnet subnet : ordered) {
            List<AddressRange> ranges = allocator.ranges(subnet.id()).stream()
                    .filter(r -> r.kind() == RangeKind.DHCP)
                    .sorted(Comparator.comparing(r -> r.range().start()))
                    .toList();
            List<PlacedAddress> held = bySubnet.getOrDefault(subnet.id(), List.of());
            if (parents.contains(subnet.id())) {
                for (AddressRange r : ranges) {
                    add(ServiceProblem.Kind.IN_PARENT_SUBNET, r.range().start(), "the DHCP range " + r.range()
                            + " is in " + subnet.label() + ", which holds child subnets; a DHCP server takes the "
                            + "innermost subnets only, so it is left out: move it to a child subnet");
                }
                for (PlacedAddress p : held) {
                    if (isReservation(p.address())) {
                        add(ServiceProblem.Kind.IN_PARENT_SUBNET, p.address().ip(), p.address().ip() + " is in "
                                + subnet.label() + ", which holds child subnets; a DHCP server takes the innermost "
                                + "subnets only, so it gets no reservation: move it to a child subnet");
                    }
                }
                continue;
            }
            Subnet same = declared.putIfAbsent(subnet.cidr(), subnet);
            if (same != null) {
                add(ServiceProblem.Kind.DUPLICATE_SUBNET, subnet.cidr().network(), subnet.cidr() + " is in both "
                        + same.networkName() + " and " + subnet.networkName() + "; a DHCP server takes a subnet once, "
                        + "so the one in " + subnet.networkName() + " is left out with its ranges and reservations: "
                        + "export one network at a time");
                continue;
            }
            List<Reservation> reservations = new ArrayList<>();
            Map<Mac, Ip> macTaken = new HashMap<>();
            for (PlacedAddress p : held) {
                Address a = p.address();
                if (!isReservation(a)) {
                    continue;
                }
                if (a.details().mac().isEmpty()) {
                    add(ServiceProblem.Kind.NO_MAC, a.ip(), a.ip() + " (" + holder(a) + ") in " + subnet.label()
                            + " has no MAC, so it gets no DHCP reservation");
                    continue;
                }
                Mac mac = a.details().mac().get();
                Ip first = macTaken.putIfAbsent(mac, a.ip());
                if (first != null) {
                    add(ServiceProblem.Kind.DUPLICATE_MAC, a.ip(), a.ip() + " (" + holder(a) + ") has the MAC " + mac
                            + " of " + first + " in " + subnet.label() + "; a DHCP server gives one MAC one address "
                            + "per subnet, so " + a.ip() + " gets no reservation");
                    continue;
                }
                reservations.add(new Reservation(a.ip(), mac, checkedName(a, nameTaken)));
            }
            links.add(new Link(subnet, ranges.stream().map(AddressRange::range).toList(), List.copyOf(reservations)));
        }
    }

    private void readNames(List<PlacedAddress> entries) {
        List<PlacedAddress> ordered = new ArrayList<>(entries);
        ordered.sort(Comparator.comparing(p -> p.address().ip()));
        Map<String, Ip> nameTaken = new HashMap<>();
        for (PlacedAddress p : ordered) {
            Address a = p.address();
            if (a.status() == AddressStatus.DEPRECATED || a.details().hostname().isEmpty()) {
                continue;
            }
            String name = checkedName(a, nameTaken);
            if (!name.isEmpty()) {
                names.add(new Name(a.ip(), name, p.subnet()));
            }
        }
    }

    /**
     * The address's host name without a final dot, or "" when it has none, when it is not a valid DNS name, or when
     * a lower address of the same IP version has it already (both noted as problems).
     */
    private String checkedName(Address a, Map<String, Ip> taken) {
        String hostname = a.details().hostname();
        if (hostname.isEmpty()) {
            return "";
        }
        Optional<String> problem = Hostnames.problem(hostname);
        if (problem.isPresent()) {
            add(ServiceProblem.Kind.INVALID_HOST_NAME, a.ip(), a.ip() + ": " + problem.get());
            return "";
        }
        String name = hostname.endsWith(".") ? hostname.substring(0, hostname.length() - 1) : hostname;
        String key = a.ip().version() + " " + name.toLowerCase(Locale.ROOT);
        Ip first = taken.putIfAbsent(key, a.ip());
        if (first != null && !first.equals(a.ip())) {
            add(ServiceProblem.Kind.DUPLICATE_NAME, a.ip(), a.ip() + " has the host name " + name + " of " + first
                    + "; one name names one IPv" + a.ip().version().number() + " address, so " + a.ip()
                    + " is written without it");
            return "";
        }
        return name;
    }

    private static boolean isReservation(Address a) {
        return a.status() == AddressStatus.ALLOCATED || a.status() == AddressStatus.RESERVED;
    }

    private static String holder(Address a) {
        return Hostnames.problem(a.details().hostname()).isPresent() ? "invalid host name" : a.holder();
    }

    /** Notes a problem; the first of a kind at one address is kept. */
    void add(ServiceProblem.Kind kind, Ip ip, String message) {
        problems.putIfAbsent(kind + " " + ip, new ServiceProblem(kind, ip, message));
    }
}
