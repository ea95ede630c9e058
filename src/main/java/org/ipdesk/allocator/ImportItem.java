package org.ipdesk.allocator;

import java.util.Optional;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.SubnetSpec;

/**
 * One row of an import, already parsed from its file layout into IPDesk's terms. {@code row} is the row number
 * the user sees (the header is row 1). An empty network name means "any network" where the kind allows it.
 */
public sealed interface ImportItem {
    int row();

    /** A network, created when absent. */
    record NetworkItem(int row, String name, String description) implements ImportItem {
    }

    /** A subnet of a network; the network is created when absent. Empty name, description, VLAN, gateway: not given. */
    record SubnetItem(int row, String network, SubnetSpec spec) implements ImportItem {
    }

    /** A range of a subnet: the given subnet, or else the smallest subnet holding {@code start}. */
    record RangeItem(int row, String network, Optional<Cidr> subnet, Ip start, Ip end, RangeKind kind,
                     String description) implements ImportItem {
    }

    /**
     * A held address: in the given subnet, or else in the smallest subnet holding it. {@code reservation} marks an
     * entry read from a DHCP or DNS server's file, which says only an address, a MAC and a host name: an address
     * already held is then unchanged when the MAC and host name the file gives match (status, owner and description
     * are the database's), and a new one inside a DHCP pool is recorded with status dhcp.
     */
    record AddressItem(int row, String network, Optional<Cidr> subnet, Ip ip, AddressDetails details,
                       boolean reservation) implements ImportItem {
        /** An address row of a CSV file: every field it gives is compared. */
        public AddressItem(int row, String network, Optional<Cidr> subnet, Ip ip, AddressDetails details) {
            this(row, network, subnet, ip, details, false);
        }
    }

    /** A row that could not be read; {@code reason} says why ("'10.0.0.300' is not a valid IP address"). */
    record Invalid(int row, String reason) implements ImportItem {
    }
}
