package org.ipdesk.allocator;

import static org.ipdesk.allocator.Rules.text;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.address.IpRange;
import org.ipdesk.address.IpVersion;
import org.ipdesk.allocator.AllocatorException.SubnetExhausted;
import org.ipdesk.model.ChangeAction;
import org.ipdesk.model.Network;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.model.TextFields.Field;
import org.ipdesk.store.Database;
import org.ipdesk.store.Session;

/** The commands of subnets and their {@code check*} rehearsals; the rules are in {@link SubnetRules}. */
final class SubnetService {
    private final Database database;
    private final ChangeWriter changes;

    SubnetService(Database database, ChangeWriter changes) {
        this.database = database;
        this.changes = changes;
    }

    Subnet create(String networkName, SubnetSpec spec) {
        SubnetRules.validateDetails(spec);
        return database.write(s -> createIn(s, Lookups.network(s, networkName), spec, true));
    }

    /** Creates a subnet inside the caller's transaction; {@code log} false leaves the change log to the caller. */
    Subnet createIn(Session s, Network network, SubnetSpec spec, boolean log) {
        SubnetRules.validateDetails(spec);
        Cidr cidr = spec.cidr();
        SubnetRules.checkNotWholeSpace(cidr);
        s.lockNetwork(network.id()); // the tree is read and changed below: one subnet command per network at a time
        List<Subnet> containing = s.subnetsContaining(network.id(), cidr);
        SubnetRules.checkNotThere(containing, cidr, network.name());
        Optional<Subnet> parent = containing.stream().findFirst();
        if (parent.isPresent()) {
            // the new subnet takes addresses and free space from its parent: lock the parent, as an address command would
            s.lockSubnet(parent.get().id());
            SubnetRules.checkFitsInParent(s, parent.get(), cidr);
        }
        spec.gateway().ifPresent(g -> SubnetRules.checkGatewayInCidr(cidr, g));
        OptionalLong parentId = parent.map(p -> OptionalLong.of(p.id())).orElse(OptionalLong.empty());
        // the new subnet's children: the subnets inside it that were children of its parent (or top-level);
        // read through the span index, so the cost follows the subnets inside the CIDR, not the network's size
        List<Subnet> adopted = s.subnetsInside(network.id(), cidr).stream()
                .filter(inside -> inside.parentId().equals(parentId)).toList();
        SubnetRules.checkGatewayNotInChildren(cidr, spec.gateway(), adopted);
        long id = s.insertSubnet(network.id(), cidr, text(spec.name()), text(spec.description()), spec.vlan(),
                spec.gateway(), parentId, spec.staleDays());
        for (Subnet child : adopted) {
            s.setParent(child.id(), OptionalLong.of(id));
        }
        Subnet created = s.subnet(id).orElseThrow();
        if (parent.isPresent()) {
            s.moveAddresses(parent.get().id(), id, cidr.range());
            FreeSpace.rebuild(s, parent.get());
        }
        FreeSpace.rebuild(s, created);
        if (log) {
            changes.log(s, ChangeAction.CREATE, "subnet", created.label(), null, ChangeWriter.of(created));
        }
        return created;
    }

    Optional<String> checkCreate(String networkName, SubnetSpec spec) {
        return Rules.rehearse(() -> {
            SubnetRules.validateDetails(spec);
            database.rehearse(s -> createIn(s, Lookups.network(s, networkName), spec, true));
        });
    }

    Optional<String> checkUpdate(long subnetId, SubnetSpec spec) {
        return Rules.rehearse(() -> database.rehearse(s -> updateIn(s, subnetId, spec)));
    }

    /**
     * Changes a subnet's name, description, VLAN and gateway. With {@code asRead} (the subnet as the editor read it),
     * the change is written only if nobody changed it since (one conditional statement on its row version);
     * otherwise {@link AllocatorException.EditedElsewhere} says who, when and what.
     */
    Subnet update(long subnetId, SubnetSpec spec, Optional<Subnet> asRead) {
        return database.write(s -> updateIn(s, subnetId, spec, asRead));
    }

    private Subnet updateIn(Session s, long subnetId, SubnetSpec spec) {
        return updateIn(s, subnetId, spec, Optional.empty());
    }

    private Subnet updateIn(Session s, long subnetId, SubnetSpec spec, Optional<Subnet> asRead) {
        SubnetRules.validateDetails(spec);
        Optional<Subnet> stored = s.subnet(subnetId);
        if (stored.isEmpty() && asRead.isPresent()) {
            throw CrossedEdits.refusal(s, changes.now(), asRead.get().label(), "subnet", asRead.get().label(),
                    ChangeWriter.of(asRead.get()), Optional.empty());
        }
        Subnet before = Lookups.lockedSubnet(s, subnetId);
        if (!spec.cidr().equals(before.cidr())) {
            throw new AllocatorException.InvalidInput("the CIDR of " + before.label()
                    + " cannot change; create a new subnet instead");
        }
        spec.gateway().ifPresent(g -> SubnetRules.checkNewGateway(s, before, g));
        long expected = asRead.map(Subnet::rowVersion).orElse(before.rowVersion());
        if (!s.updateSubnetDetails(subnetId, expected, text(spec.name()), text(spec.description()), spec.vlan(),
                spec.gateway(), spec.staleDays())) {
            throw CrossedEdits.refusal(s, changes.now(), before.label(), "subnet", before.label(),
                    ChangeWriter.of(asRead.orElse(before)), Optional.of(ChangeWriter.of(before)));
        }
        Subnet after = Lookups.subnet(s, subnetId);
        if (!after.gateway().equals(before.gateway())) {
            FreeSpace.rebuild(s, after);
        }
        changes.log(s, ChangeAction.UPDATE, "subnet", after.label(), ChangeWriter.of(before), ChangeWriter.of(after));
        return after;
    }

    long delete(long subnetId) {
        return database.write(s -> {
            s.lockNetwork(Lookups.subnet(s, subnetId).networkId());
            Subnet subnet = Lookups.subnet(s, subnetId); // as it is under the network's lock
            // its parent's free space grows back: lock both, in id order as a group of address commands does
            java.util.stream.LongStream.concat(java.util.stream.LongStream.of(subnetId),
                    subnet.parentId().stream()).sorted().forEach(s::lockSubnet);
            long held = s.countAddresses(subnetId);
            List<Subnet> children = s.children(subnet.networkId(), OptionalLong.of(subnetId));
            for (Subnet child : children) {
                s.setParent(child.id(), subnet.parentId());
            }
            Map<String, Object> before = ChangeWriter.of(subnet);
            before.put("addresses", held);
            s.deleteSubnet(subnetId);
            if (subnet.parentId().isPresent()) {
                FreeSpace.rebuild(s, Lookups.subnet(s, subnet.parentId().getAsLong()));
            }
            changes.log(s, ChangeAction.DELETE, "subnet", subnet.label(), before, null);
            return held;
        });
    }

    List<Subnet> subnets() {
        return database.read(Session::subnets);
    }

    List<Subnet> subnets(String networkName) {
        return database.read(s -> s.subnetsOf(Lookups.network(s, networkName).id()));
    }

    Subnet subnet(long id) {
        return database.read(s -> Lookups.subnet(s, id));
    }

    Subnet find(Cidr cidr, Optional<String> networkName) {
        return database.read(s -> Lookups.findSubnet(s, cidr, networkName));
    }

    Subnet createNextFreeChild(String networkName, Cidr parentCidr, int prefixLength, String name) {
        Rules.checkText(Field.SUBNET_NAME, name);
        return database.write(s -> {
            Network network = Lookups.network(s, networkName);
            s.lockNetwork(network.id());
            Subnet parent = Lookups.findSubnet(s, parentCidr, Optional.of(network.name()));
            s.lockSubnet(parent.id()); // its free space is read to find the block
            SubnetRules.checkChildPrefix(parentCidr, prefixLength);
            Cidr block = bestFit(s, parent, prefixLength).orElseThrow(() -> new SubnetExhausted(
                    "no free /" + prefixLength + " block is left in " + parent.label()));
            return createIn(s, network, SubnetSpec.of(block).withName(text(name)), true);
        });
    }

    private static Optional<Cidr> bestFit(Session s, Subnet parent, int prefixLength) {
        Cidr outer = parent.cidr();
        List<IpRange> space = new ArrayList<>(s.extents(parent.id()));
        List<Subnet> children = s.children(parent.networkId(), OptionalLong.of(parent.id()));
        for (Ip edge : List.of(outer.first(), outer.last())) {
            if (!outer.isUsable(edge) && children.stream().noneMatch(c -> c.cidr().contains(edge))) {
                space.add(IpRange.of(edge));
            }
        }
        BigInteger size = BigInteger.ONE.shiftLeft(outer.version().bits() - prefixLength);
        Cidr best = null;
        BigInteger bestGap = null;
        for (IpRange gap : FreeSpace.merge(space)) {
            if (gap.size().compareTo(size) < 0 || (bestGap != null && gap.size().compareTo(bestGap) >= 0)) {
                continue;
            }
            Optional<Cidr> candidate = lowestBlockIn(gap, outer, prefixLength, size);
            if (candidate.isPresent()) {
                best = candidate.get();
                bestGap = gap.size();
            }
        }
        return Optional.ofNullable(best);
    }

    private static Optional<Cidr> lowestBlockIn(IpRange gap, Cidr outer, int prefixLength, BigInteger size) {
        BigInteger start = gap.start().value().add(size).subtract(BigInteger.ONE).divide(size).multiply(size);
        IpVersion version = gap.version();
        while (start.add(size).subtract(BigInteger.ONE).compareTo(gap.end().value()) <= 0) {
            Cidr block = new Cidr(new Ip(version, start), prefixLength);
            if (outer.usableRange().contains(block.usableRange())) {
                return Optional.of(block);
            }
            start = start.add(size);
        }
        return Optional.empty();
    }
}
