package org.ipdesk.allocator;

import java.util.List;
import java.util.Optional;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.AllocatorException.Conflict;
import org.ipdesk.allocator.AllocatorException.NotFound;
import org.ipdesk.model.Network;
import org.ipdesk.model.Subnet;
import org.ipdesk.store.Session;

/** Finding a network or subnet inside a transaction, refusing with {@link NotFound} when it is not there. */
final class Lookups {
    private Lookups() {
    }

    static Network network(Session s, String name) {
        return s.networkByName(name == null ? "" : name.strip())
                .orElseThrow(() -> new NotFound("there is no network named '" + name + "'"));
    }

    static Subnet subnet(Session s, long id) {
        return s.subnet(id).orElseThrow(() -> new NotFound("subnet " + id + " does not exist"));
    }

    /**
     * The subnet, locked for this transaction's address writes ({@link Session#lockSubnet}) before its free space is
     * checked and addresses are inserted or released: a no-op under SQLite's {@code BEGIN IMMEDIATE}, a lock on that
     * one subnet on a server engine, never a global lock.
     */
    static Subnet lockedSubnet(Session s, long id) {
        Subnet subnet = subnet(s, id);
        s.lockSubnet(id);
        return subnet;
    }

    static Subnet findSubnet(Session s, Cidr cidr, Optional<String> networkName) {
        List<Subnet> found = s.subnetsByCidr(cidr);
        if (networkName.isPresent()) {
            Network network = network(s, networkName.get());
            return found.stream().filter(x -> x.networkId() == network.id()).findFirst()
                    .orElseThrow(() -> new NotFound("there is no subnet " + cidr + " in network '" + network.name() + "'"));
        }
        if (found.isEmpty()) {
            throw new NotFound("there is no subnet " + cidr);
        }
        if (found.size() > 1) {
            throw new Conflict(cidr + " exists in networks " + String.join(", ",
                    found.stream().map(x -> "'" + x.networkName() + "'").toList()) + "; choose one with --network");
        }
        return found.get(0);
    }

    static Ip max(Ip a, Ip b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    static Ip min(Ip a, Ip b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
