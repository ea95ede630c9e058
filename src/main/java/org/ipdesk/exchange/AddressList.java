package org.ipdesk.exchange;

import java.util.ArrayList;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.Address;
import org.ipdesk.model.Observation;
import org.ipdesk.model.PlacedAddress;
import org.ipdesk.model.Subnet;

/**
 * The held addresses of the whole database, of one network, or of one subnet and its child subnets, each with
 * the subnet that holds it; ordered by network, then address. Read once, then written by {@link AddressCsv} or
 * {@link AddressXlsx}. The last two columns say when a scan, lease file or neighbour table last saw the address in
 * use and which file said so ({@code seen}, by address); they are observations, not part of the record, and the
 * import ignores them.
 */
public record AddressList(List<PlacedAddress> entries, Map<Ip, Observation> seen) {
    public static final List<String> HEADERS = List.of("ip", "subnet", "network", "status", "hostname", "mac",
            "owner", "description", "created_at", "updated_at", "last_seen", "last_seen_by");

    public AddressList {
        entries = List.copyOf(entries);
        seen = Map.copyOf(seen);
    }

    /** A list whose addresses were never seen. */
    public AddressList(List<PlacedAddress> entries) {
        this(entries, Map.of());
    }

    /**
     * Reads the addresses. {@code subnet} needs no {@code network} unless the CIDR exists in several networks;
     * unknown names and CIDRs are refused by the allocator with a clear message.
     */
    public static AddressList read(Allocator allocator, Optional<String> network, Optional<Cidr> subnet) {
        List<Subnet> subnets;
        if (subnet.isPresent()) {
            Subnet chosen = allocator.findSubnet(subnet.get(), network);
            subnets = allocator.subnets(chosen.networkName()).stream()
                    .filter(s -> chosen.cidr().contains(s.cidr())).toList();
        } else {
            subnets = network.isPresent() ? allocator.subnets(network.get()) : allocator.subnets();
        }
        List<PlacedAddress> entries = new ArrayList<>();
        Map<Ip, Observation> seen = new HashMap<>();
        for (Subnet s : subnets) {
            List<Address> held = allocator.addresses(s.id());
            for (Address a : held) {
                entries.add(new PlacedAddress(a, s));
            }
            if (!held.isEmpty()) {
                // one read per subnet with addresses, over its range (observations are kept by address alone)
                for (Observation o : allocator.observations(s.cidr().range())) {
                    seen.put(o.ip(), o);
                }
            }
        }
        entries.sort(Comparator.comparing((PlacedAddress e) -> e.subnet().networkName())
                .thenComparing(e -> e.address().ip()));
        return new AddressList(entries, seen);
    }

    /**
     * One entry as cells in the order of {@link #HEADERS}: text, and the instants (created, updated, last seen) to
     * the second; last seen and its file are empty when the address was never seen.
     */
    List<Object> cells(PlacedAddress e) {
        Address a = e.address();
        Optional<Observation> o = Optional.ofNullable(seen.get(a.ip()));
        return List.of(a.ip().toString(), e.subnet().cidr().toString(), e.subnet().networkName(),
                a.status().label(), a.details().hostname(), a.details().mac().map(Object::toString).orElse(""),
                a.details().owner(), a.details().description(), a.createdAt().truncatedTo(ChronoUnit.SECONDS),
                a.updatedAt().truncatedTo(ChronoUnit.SECONDS),
                o.<Object>map(x -> x.seenAt().truncatedTo(ChronoUnit.SECONDS)).orElse(""),
                o.map(Observation::file).orElse(""));
    }
}
