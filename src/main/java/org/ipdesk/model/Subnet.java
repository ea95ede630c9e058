package org.ipdesk.model;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;

/**
 * A subnet of a network. Its parent is derived from containment among the network's subnets. {@code rowVersion} is
 * raised by each change of its name, description, VLAN, gateway or stale days (not by changes of the tree around
 * it). {@code staleDays}: after how many days without being seen a held address of this subnet counts as stale
 * (empty: {@link #DEFAULT_STALE_DAYS}).
 */
public record Subnet(long id, long networkId, String networkName, Cidr cidr, String name, String description,
                     OptionalInt vlan, Optional<Ip> gateway, OptionalLong parentId, long rowVersion,
                     OptionalInt staleDays) {

    /** Days without being seen after which a held address is stale, unless its subnet says otherwise. */
    public static final int DEFAULT_STALE_DAYS = 30;

    /** The largest number of stale days a subnet can have (ten years). */
    public static final int MAX_STALE_DAYS = 3650;

    /** A subnet with the default stale days. */
    public Subnet(long id, long networkId, String networkName, Cidr cidr, String name, String description,
                  OptionalInt vlan, Optional<Ip> gateway, OptionalLong parentId, long rowVersion) {
        this(id, networkId, networkName, cidr, name, description, vlan, gateway, parentId, rowVersion,
                OptionalInt.empty());
    }

    /** This subnet's stale days, or the default when it has none of its own. */
    public int staleDaysOrDefault() {
        return staleDays.orElse(DEFAULT_STALE_DAYS);
    }

    /** "10.0.0.0/24 in dc1", the way messages name a subnet. */
    public String label() {
        return cidr + " in " + networkName;
    }
}
