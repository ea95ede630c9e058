package org.ipdesk.exchange;

import java.util.ArrayList;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.ipdesk.address.Cidr;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.Address;
import org.ipdesk.model.PlacedAddress;
import org.ipdesk.model.Subnet;

/**
 * The held addresses of the whole database, of one network, or of one subnet and its child subnets, each with
 * the subnet that holds it; ordered by network, then address. Read once, then written by {@link AddressCsv} or
 * {@link AddressXlsx}.
 */
public record AddressList(List<PlacedAddress> entries) {
    public static final List<String> HEADERS = List.of("ip", "subnet", "network", "status", "hostname", "mac",
            "owner", "description", "created_at", "updated_at");

    public AddressList {
        entries = List.copyOf(entries);
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
        for (Subnet s : subnets) {
            for (Address a : allocator.addresses(s.id())) {
                entries.add(new PlacedAddress(a, s));
            }
        }
        entries.sort(Comparator.comparing((PlacedAddress e) -> e.subnet().networkName())
                .thenComparing(e -> e.address().ip()));
        return new AddressList(entries);
    }

    /** One entry as cells in the order of {@link #HEADERS}: text, and the two instants to the second. */
    static List<Object> cells(PlacedAddress e) {
        Address a = e.address();
        return List.of(a.ip().toString(), e.subnet().cidr().toString(), e.subnet().networkName(),
                a.status().label(), a.details().hostname(), a.details().mac().map(Object::toString).orElse(""),
                a.details().owner(), a.details().description(), a.createdAt().truncatedTo(ChronoUnit.SECONDS),
                a.updatedAt().truncatedTo(ChronoUnit.SECONDS));
    }
}
