package org.ipdesk.allocator;

import java.util.List;
import java.util.OptionalLong;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.InvalidAddressException;
import org.ipdesk.address.Ip;
import org.ipdesk.address.IpRange;
import org.ipdesk.allocator.AllocatorException.AddressNotUsable;
import org.ipdesk.allocator.AllocatorException.AddressOutsideSubnet;
import org.ipdesk.allocator.AllocatorException.Conflict;
import org.ipdesk.allocator.AllocatorException.InvalidInput;
import org.ipdesk.model.Address;
import org.ipdesk.model.AddressRange;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.store.Session;

/** The rules of a DHCP pool or reserved range: inside the usable addresses, overlapping nothing. */
final class RangeRules {
    private RangeRules() {
    }

    /** What is wrong with a range's description, if anything. */
    static java.util.Optional<String> descriptionProblem(String description) {
        return org.ipdesk.model.TextFields.problem(org.ipdesk.model.TextFields.Field.RANGE_DESCRIPTION, description);
    }

    /** The range from {@code start} to {@code end}, refused when it may not be added to {@code subnet}. */
    static IpRange check(Session s, Subnet subnet, Ip start, Ip end, RangeKind kind) {
        return check(s, subnet, start, end, kind, OptionalLong.empty());
    }

    /**
     * The range from {@code start} to {@code end}, refused when {@code subnet} may not hold it; the range
     * {@code replacing} (the one being edited) is not counted as an overlap.
     */
    static IpRange check(Session s, Subnet subnet, Ip start, Ip end, RangeKind kind, OptionalLong replacing) {
        IpRange range;
        try {
            range = new IpRange(start, end);
        } catch (InvalidAddressException e) {
            throw new InvalidInput(e.getMessage());
        }
        Cidr cidr = subnet.cidr();
        for (Ip edge : List.of(start, end)) {
            if (!cidr.contains(edge)) {
                throw new AddressOutsideSubnet(edge + " is outside " + subnet.label());
            }
        }
        if (!cidr.usableRange().contains(range)) {
            Ip bad = cidr.isUsable(start) ? end : start;
            throw new AddressNotUsable("the range " + range + " includes " + bad + ", "
                    + cidr.unusableReason(bad).orElse("unusable") + " of " + cidr);
        }
        subnet.gateway().filter(range::contains).ifPresent(g -> {
            throw new Conflict("the range " + range + " includes the gateway " + g);
        });
        for (AddressRange other : s.ranges(subnet.id())) {
            if (replacing.isPresent() && other.id() == replacing.getAsLong()) {
                continue;
            }
            if (other.range().overlaps(range)) {
                throw new Conflict("the range " + range + " overlaps the " + other.kind().label() + " range "
                        + other.range() + (other.description().isEmpty() ? "" : " (" + other.description() + ")"));
            }
        }
        for (Subnet child : s.children(subnet.networkId(), OptionalLong.of(subnet.id()))) {
            if (child.cidr().range().overlaps(range)) {
                throw new Conflict("the range " + range + " overlaps child subnet " + child.cidr());
            }
        }
        if (kind == RangeKind.DHCP) {
            for (Address a : s.addressesIn(subnet.id(), range, Integer.MAX_VALUE)) {
                if (a.status() != AddressStatus.DHCP) {
                    throw new Conflict("the DHCP pool " + range + " would include " + a.ip() + ", "
                            + a.status().label() + " to " + a.holder());
                }
            }
        }
        return range;
    }
}
