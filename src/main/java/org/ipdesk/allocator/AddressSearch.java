package org.ipdesk.allocator;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.InvalidAddressException;
import org.ipdesk.address.Ip;
import org.ipdesk.address.Mac;
import org.ipdesk.allocator.AllocatorException.InvalidInput;
import org.ipdesk.model.Address;
import org.ipdesk.model.PlacedAddress;
import org.ipdesk.model.Subnet;
import org.ipdesk.store.Database;

/** Finding held addresses across all networks. */
final class AddressSearch {
    private final Database database;

    AddressSearch(Database database) {
        this.database = database;
    }

    List<PlacedAddress> find(String query) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            throw new InvalidInput("the search text is empty");
        }
        if (q.matches("/[0-9.:]+")) {
            // a bare prefix ("$PFX/24" with PFX empty) is a CIDR that lost its address, not text to look for
            try {
                Cidr.parse(q);
            } catch (InvalidAddressException e) {
                throw new InvalidInput(e.getMessage());
            }
        }
        int limit = Allocator.SEARCH_LIMIT;
        return database.read(s -> {
            List<Address> hits;
            Optional<Ip> ip = tryParse(() -> Ip.parse(q));
            Optional<Cidr> cidr = q.contains("/") ? tryParse(() -> Cidr.parse(q)) : Optional.empty();
            Optional<Mac> mac = tryParse(() -> Mac.parseNotation(q));
            if (ip.isPresent()) {
                hits = s.addressesByIp(ip.get());
            } else if (cidr.isPresent()) {
                hits = s.addressesInRange(cidr.get().range(), limit);
            } else if (mac.isPresent()) {
                // a run of hex digits may be a host name too: both kinds of hit count
                java.util.LinkedHashMap<Long, Address> union = new java.util.LinkedHashMap<>();
                s.addressesByMac(mac.get(), limit).forEach(a -> union.put(a.id(), a));
                s.addressesMatching(q, limit).forEach(a -> union.putIfAbsent(a.id(), a));
                hits = union.values().stream().limit(limit).toList();
            } else {
                hits = s.addressesMatching(q, limit);
            }
            Map<Long, Subnet> subnets = new java.util.HashMap<>();
            return hits.stream().map(a -> new PlacedAddress(a,
                    subnets.computeIfAbsent(a.subnetId(), id -> s.subnet(id).orElseThrow()))).toList();
        });
    }

    private static <T> Optional<T> tryParse(java.util.function.Supplier<T> parser) {
        try {
            return Optional.of(parser.get());
        } catch (InvalidAddressException e) {
            return Optional.empty();
        }
    }
}
