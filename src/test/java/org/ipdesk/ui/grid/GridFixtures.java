package org.ipdesk.ui.grid;

import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;

/** Subnets for the grid tests, made through the engine's API. */
final class GridFixtures {

    private GridFixtures() {
    }

    static Ip ip(String text) {
        return Ip.parse(text);
    }

    static Cidr cidr(String text) {
        return Cidr.parse(text);
    }

    /**
     * 192.168.1.0/24 in network "lab" with every state: gateway .1, allocated .10-.29 (host web-10 ...),
     * reserved .30-.33, deprecated .34-.35, DHCP range .100-.149 with leases at .105-.107, child subnet
     * .192/27, reserved range .240-.249; the rest free, .0 and .255 not usable.
     */
    static Subnet mixed24(Allocator allocator) {
        allocator.createNetwork("lab", "");
        Subnet lan = allocator.createSubnet("lab", SubnetSpec.of(cidr("192.168.1.0/24")).withName("Lab LAN")
                .withGateway(ip("192.168.1.1")));
        allocator.addRange(lan.id(), ip("192.168.1.100"), ip("192.168.1.149"), RangeKind.DHCP, "pool");
        allocator.addRange(lan.id(), ip("192.168.1.240"), ip("192.168.1.249"), RangeKind.RESERVED, "future");
        for (int i = 10; i <= 29; i++) {
            allocator.reserve(lan.id(), ip("192.168.1." + i), AddressDetails.allocated("web-" + i));
        }
        for (int i = 30; i <= 33; i++) {
            allocator.reserve(lan.id(), ip("192.168.1." + i), AddressDetails.of(AddressStatus.RESERVED));
        }
        for (int i = 34; i <= 35; i++) {
            allocator.reserve(lan.id(), ip("192.168.1." + i), AddressDetails.of(AddressStatus.DEPRECATED));
        }
        for (int i = 105; i <= 107; i++) {
            allocator.reserve(lan.id(), ip("192.168.1." + i), AddressDetails.of(AddressStatus.DHCP));
        }
        allocator.createSubnet("lab", SubnetSpec.of(cidr("192.168.1.192/27")).withName("lab-child"));
        return allocator.subnet(lan.id());
    }

    /**
     * 10.0.0.0/8 in network "wan": two addresses in 10.3.0.0/16 (10.3.0.5 "edge-a", 10.3.0.6), a reserved
     * range filling the first half of 10.20.0.0/16, and a child subnet 10.9.0.0/16 holding one address.
     */
    static Subnet slash8(Allocator allocator) {
        allocator.createNetwork("wan", "");
        Subnet big = allocator.createSubnet("wan", SubnetSpec.of(cidr("10.0.0.0/8")).withName("WAN"));
        allocator.reserve(big.id(), ip("10.3.0.5"), AddressDetails.allocated("edge-a"));
        allocator.reserve(big.id(), ip("10.3.0.6"), AddressDetails.of(AddressStatus.RESERVED));
        allocator.addRange(big.id(), ip("10.20.0.0"), ip("10.20.127.255"), RangeKind.RESERVED, "half");
        Subnet child = allocator.createSubnet("wan", SubnetSpec.of(cidr("10.9.0.0/16")));
        allocator.reserve(child.id(), ip("10.9.0.9"), AddressDetails.allocated("nine"));
        return allocator.subnet(big.id());
    }

    /** 2001:db8:10::/48 in network "v6", holding 2001:db8:10::5 ("v6-host"). */
    static Subnet v6(Allocator allocator) {
        allocator.createNetwork("v6", "");
        Subnet wide = allocator.createSubnet("v6", SubnetSpec.of(cidr("2001:db8:10::/48")));
        allocator.reserve(wide.id(), ip("2001:db8:10::5"), AddressDetails.allocated("v6-host"));
        return allocator.subnet(wide.id());
    }
}
