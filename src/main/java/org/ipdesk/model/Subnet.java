package org.ipdesk.model;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;

/**
 * A subnet of a network. Its parent is derived from containment among the network's subnets. {@code rowVersion} is
 * raised by each change of its name, description, VLAN or gateway (not by changes of the tree around it).
 */
public record Subnet(long id, long networkId, String networkName, Cidr cidr, String name, String description,
                     OptionalInt vlan, Optional<Ip> gateway, OptionalLong parentId, long rowVersion) {

    /** "10.0.0.0/24 in dc1", the way messages name a subnet. */
    public String label() {
        return cidr + " in " + networkName;
    }
}
