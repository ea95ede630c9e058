package org.ipdesk.allocator;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.AllocatorException.Conflict;
import org.ipdesk.allocator.AllocatorException.InvalidInput;
import org.ipdesk.model.Address;
import org.ipdesk.model.AddressRange;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.model.TextFields;
import org.ipdesk.model.TextFields.Field;
import org.ipdesk.store.Session;

/** The rules of a subnet: its own fields, its place among its parent's space, its gateway. */
final class SubnetRules {
    private SubnetRules() {
    }

    /** What is wrong with a subnet's own fields (no CIDR, VLAN out of range, name, description), if anything. */
    static Optional<String> detailsProblem(SubnetSpec spec) {
        if (spec.cidr() == null) {
            return Optional.of("a subnet needs a CIDR");
        }
        if (spec.vlan().isPresent() && (spec.vlan().getAsInt() < 1 || spec.vlan().getAsInt() > 4094)) {
            return Optional.of("VLAN " + spec.vlan().getAsInt() + " is out of range (1-4094)");
        }
        if (spec.staleDays().isPresent() && (spec.staleDays().getAsInt() < 1
                || spec.staleDays().getAsInt() > Subnet.MAX_STALE_DAYS)) {
            return Optional.of("stale after " + spec.staleDays().getAsInt() + " days is out of range (1-"
                    + Subnet.MAX_STALE_DAYS + " days)");
        }
        return TextFields.problem(Field.SUBNET_NAME, spec.name())
                .or(() -> TextFields.problem(Field.SUBNET_DESCRIPTION, spec.description()));
    }

    static void validateDetails(SubnetSpec spec) {
        Rules.refuse(detailsProblem(spec));
    }

    static void checkNotWholeSpace(Cidr cidr) {
        if (cidr.prefixLength() == 0) {
            throw new InvalidInput("'" + cidr + "' is /0, the whole address space; give a longer prefix");
        }
    }

    /** A subnet's CIDR is new in its network. */
    static void checkNotThere(List<Subnet> containing, Cidr cidr, String networkName) {
        for (Subnet c : containing) {
            if (c.cidr().equals(cidr)) {
                throw new Conflict(cidr + " already exists in network '" + networkName + "'"
                        + (c.name().isEmpty() ? "" : " as '" + c.name() + "'"));
            }
        }
    }

    /** A child must lie in its parent's own space: not over the parent's ranges or gateway or unusable addresses. */
    static void checkFitsInParent(Session s, Subnet parent, Cidr cidr) {
        Cidr outer = parent.cidr();
        if (!outer.usableRange().contains(cidr.usableRange())) {
            Ip clash = outer.usableRange().contains(cidr.firstUsable()) ? cidr.lastUsable() : cidr.firstUsable();
            throw new Conflict(cidr + " would make " + clash + ", " + outer.unusableReason(clash).orElse("unusable")
                    + " of " + named(parent) + ", usable");
        }
        parent.gateway().filter(cidr::contains).ifPresent(g -> {
            throw new Conflict(cidr + " would hold " + g + ", the gateway of " + named(parent));
        });
        for (AddressRange r : s.ranges(parent.id())) {
            if (r.range().overlaps(cidr.range())) {
                throw new Conflict(cidr + " overlaps the " + r.kind().label() + " range " + r.range() + " of "
                        + named(parent));
            }
        }
        for (Address a : s.addressesIn(parent.id(), cidr.range(), Integer.MAX_VALUE)) {
            if (!cidr.isUsable(a.ip())) {
                throw new Conflict(a.ip() + " is " + a.status().label() + " to " + a.holder() + " in " + named(parent)
                        + " and would be " + cidr.unusableReason(a.ip()).orElse("unusable") + " of " + cidr);
            }
        }
    }

    /** "10.0.0.0/24 'servers' in dc1": a subnet as a message names it, with its name when it has one. */
    static String named(Subnet subnet) {
        return subnet.cidr() + (subnet.name().isEmpty() ? "" : " '" + subnet.name() + "'") + " in " + subnet.networkName();
    }

    static void checkGatewayInCidr(Cidr cidr, Ip gateway) {
        if (!cidr.contains(gateway)) {
            throw new InvalidInput("gateway " + gateway + " is outside " + cidr);
        }
        cidr.unusableReason(gateway).ifPresent(reason -> {
            throw new InvalidInput("gateway " + gateway + " is " + reason + " of " + cidr);
        });
    }

    /** A new subnet's gateway does not lie in one of the children it adopts. */
    static void checkGatewayNotInChildren(Cidr cidr, Optional<Ip> gateway, List<Subnet> adopted) {
        gateway.ifPresent(g -> adopted.stream().filter(c -> c.cidr().contains(g)).findFirst().ifPresent(c -> {
            throw new InvalidInput("gateway " + g + " lies in child subnet " + c.cidr() + ", not in " + cidr + " itself");
        }));
    }

    /** A changed subnet's gateway lies in its own usable space: not in a range, not in a child. */
    static void checkNewGateway(Session s, Subnet before, Ip g) {
        checkGatewayInCidr(before.cidr(), g);
        for (AddressRange r : s.ranges(before.id())) {
            if (r.range().contains(g)) {
                throw new InvalidInput("gateway " + g + " lies in the " + r.kind().label() + " range " + r.range());
            }
        }
        s.children(before.networkId(), OptionalLong.of(before.id())).stream()
                .filter(c -> c.cidr().contains(g)).findFirst().ifPresent(c -> {
                    throw new InvalidInput("gateway " + g + " lies in child subnet " + c.cidr());
                });
    }

    static void checkChildPrefix(Cidr parentCidr, int prefixLength) {
        int bits = parentCidr.version().bits();
        if (prefixLength <= parentCidr.prefixLength() || prefixLength > bits) {
            throw new InvalidInput("a child of " + parentCidr + " needs a prefix length from /"
                    + (parentCidr.prefixLength() + 1) + " to /" + bits + ", not /" + prefixLength);
        }
    }
}
