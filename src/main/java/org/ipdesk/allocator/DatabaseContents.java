package org.ipdesk.allocator;

import java.util.List;
import java.util.Optional;
import org.ipdesk.model.Address;
import org.ipdesk.model.AddressRange;
import org.ipdesk.model.Network;
import org.ipdesk.model.Subnet;
import org.ipdesk.store.Session;

/**
 * Everything a database holds, as one read transaction sees it: what an export of the whole database reads
 * (see {@link Allocator#readEverything}). Valid only inside that call; addresses are read one subnet at a time.
 */
public final class DatabaseContents {
    private final Session s;

    DatabaseContents(Session s) {
        this.s = s;
    }

    /** Every network, by name. */
    public List<Network> networks() {
        return s.networks();
    }

    /** Every subnet, by network, then IP version, then address and prefix (so a parent comes before its children). */
    public List<Subnet> subnets() {
        return s.subnets();
    }

    /** The ranges of a subnet, lowest first. */
    public List<AddressRange> ranges(Subnet subnet) {
        return s.ranges(subnet.id());
    }

    /** The addresses a subnet holds itself (not its children's), lowest first. */
    public List<Address> addresses(Subnet subnet) {
        return s.addresses(subnet.id());
    }

    /** How many addresses the whole database holds. */
    public long addressCount() {
        return s.countAllAddresses();
    }

    /** How many changes the change log holds. */
    public long changeCount() {
        return s.countChanges(new Session.ChangeQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()));
    }
}
