package org.ipdesk.model;

import java.util.Optional;
import java.util.OptionalInt;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;

/** What an admin gives to create or edit a subnet. */
public record SubnetSpec(Cidr cidr, String name, String description, OptionalInt vlan, Optional<Ip> gateway) {

    public static SubnetSpec of(Cidr cidr) {
        return new SubnetSpec(cidr, "", "", OptionalInt.empty(), Optional.empty());
    }

    public SubnetSpec withName(String newName) {
        return new SubnetSpec(cidr, newName, description, vlan, gateway);
    }

    public SubnetSpec withGateway(Ip newGateway) {
        return new SubnetSpec(cidr, name, description, vlan, Optional.of(newGateway));
    }

    public SubnetSpec withVlan(int newVlan) {
        return new SubnetSpec(cidr, name, description, OptionalInt.of(newVlan), gateway);
    }

    public SubnetSpec withDescription(String newDescription) {
        return new SubnetSpec(cidr, name, newDescription, vlan, gateway);
    }
}
