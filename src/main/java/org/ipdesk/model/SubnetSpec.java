package org.ipdesk.model;

import java.util.Optional;
import java.util.OptionalInt;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;

/**
 * What an admin gives to create or edit a subnet. {@code staleDays} empty: the default ({@link
 * Subnet#DEFAULT_STALE_DAYS}).
 */
public record SubnetSpec(Cidr cidr, String name, String description, OptionalInt vlan, Optional<Ip> gateway,
                         OptionalInt staleDays) {

    /** A subnet with the default stale days. */
    public SubnetSpec(Cidr cidr, String name, String description, OptionalInt vlan, Optional<Ip> gateway) {
        this(cidr, name, description, vlan, gateway, OptionalInt.empty());
    }

    public static SubnetSpec of(Cidr cidr) {
        return new SubnetSpec(cidr, "", "", OptionalInt.empty(), Optional.empty());
    }

    /** The spec that keeps everything of {@code subnet} as it is. */
    public static SubnetSpec of(Subnet subnet) {
        return new SubnetSpec(subnet.cidr(), subnet.name(), subnet.description(), subnet.vlan(), subnet.gateway(),
                subnet.staleDays());
    }

    public SubnetSpec withStaleDays(OptionalInt days) {
        return new SubnetSpec(cidr, name, description, vlan, gateway, days);
    }

    public SubnetSpec withName(String newName) {
        return new SubnetSpec(cidr, newName, description, vlan, gateway, staleDays);
    }

    public SubnetSpec withGateway(Ip newGateway) {
        return new SubnetSpec(cidr, name, description, vlan, Optional.of(newGateway), staleDays);
    }

    public SubnetSpec withVlan(int newVlan) {
        return new SubnetSpec(cidr, name, description, OptionalInt.of(newVlan), gateway, staleDays);
    }

    public SubnetSpec withDescription(String newDescription) {
        return new SubnetSpec(cidr, name, newDescription, vlan, gateway, staleDays);
    }
}
