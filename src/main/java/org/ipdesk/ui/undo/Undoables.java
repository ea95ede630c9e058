package org.ipdesk.ui.undo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.AllocatorException;
import org.ipdesk.allocator.GroupRequest;
import org.ipdesk.model.Address;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressRange;
import org.ipdesk.model.Network;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;

/**
 * The undoable forms of the window's commands. Subnets are found again by network and CIDR each time (never by
 * a stored id), so a command stays undoable after the subnet it touched was deleted and brought back.
 */
public final class Undoables {

    private Undoables() {
    }

    /** Addresses taken (reserve, allocate next, a block, a dual-stack pair): undo releases them, redo takes the same ones again. */
    public static Undoable taken(String description, List<Subnet> subnets, List<Address> taken) {
        Held held = new Held(subnets, taken);
        return new Simple(description, held::release, held::take);
    }

    /** Addresses released: undo takes them again with their details, redo releases them again. */
    public static Undoable released(String description, List<Subnet> subnets, List<Address> released) {
        Held held = new Held(subnets, released);
        return new Simple(description, held::take, held::release);
    }

    /** An address's details changed. */
    public static Undoable updated(String description, Subnet subnet, Ip ip, AddressDetails before,
                                   AddressDetails after) {
        return new Simple(description, a -> a.update(id(a, subnet), ip, before), a -> a.update(id(a, subnet), ip, after));
    }

    /** A DHCP pool or reserved range added. */
    public static Undoable rangeAdded(String description, Subnet subnet, AddressRange range) {
        return new RangeToggle(description, subnet, range, true);
    }

    /** A DHCP pool or reserved range deleted. */
    public static Undoable rangeDeleted(String description, Subnet subnet, AddressRange range) {
        return new RangeToggle(description, subnet, range, false);
    }

    /**
     * A DHCP pool or reserved range changed: undo puts the range found at its new extent back as it was, redo
     * changes the range at its old extent again (found by extent, as an undone delete gives a range a new id).
     */
    public static Undoable rangeUpdated(String description, Subnet subnet, AddressRange before, AddressRange after) {
        return new Simple(description, a -> changeRange(a, subnet, after, before),
                a -> changeRange(a, subnet, before, after));
    }

    private static void changeRange(Allocator allocator, Subnet subnet, AddressRange from, AddressRange to) {
        long subnetId = id(allocator, subnet);
        AddressRange now = allocator.ranges(subnetId).stream().filter(r -> r.range().equals(from.range()))
                .findFirst().orElseThrow(() -> new AllocatorException.NotFound("the range " + from.range() + " of "
                        + subnet.label() + " is not there any more"));
        allocator.updateRange(now.id(), to.range().start(), to.range().end(), to.kind(), to.description());
    }

    /** A subnet created: undo deletes it, refused once it holds addresses (they would go with it). */
    public static Undoable subnetCreated(String description, Subnet subnet) {
        return new SubnetCreated(description, subnet);
    }

    /** A subnet's name, VLAN, gateway or description changed. */
    public static Undoable subnetUpdated(String description, Subnet before, Subnet after) {
        return new Simple(description, a -> a.updateSubnet(id(a, after), spec(before)),
                a -> a.updateSubnet(id(a, after), spec(after)));
    }

    /**
     * A subnet deleted, with what it held: undo creates it again with its ranges and addresses (their details as
     * they were); redo deletes it again.
     */
    public static Undoable subnetDeleted(String description, Subnet subnet, List<AddressRange> ranges,
                                         List<Address> addresses) {
        return new SubnetDeleted(description, subnet, List.copyOf(ranges), List.copyOf(addresses));
    }

    /** A network created: undo deletes it (refused by the engine once it has subnets). */
    public static Undoable networkCreated(String description, Network network) {
        return new Simple(description, a -> a.deleteNetwork(network.name()),
                a -> a.createNetwork(network.name(), network.description()));
    }

    /** A network renamed or described anew. */
    public static Undoable networkUpdated(String description, Network before, Network after) {
        return new Simple(description, a -> a.updateNetwork(after.name(), before.name(), before.description()),
                a -> a.updateNetwork(before.name(), after.name(), after.description()));
    }

    /** An empty network deleted. */
    public static Undoable networkDeleted(String description, Network network) {
        return new Simple(description, a -> a.createNetwork(network.name(), network.description()),
                a -> a.deleteNetwork(network.name()));
    }

    static SubnetSpec spec(Subnet subnet) {
        return new SubnetSpec(subnet.cidr(), subnet.name(), subnet.description(), subnet.vlan(), subnet.gateway());
    }

    /** The subnet's id now, found by its network and CIDR. */
    static long id(Allocator allocator, Subnet subnet) {
        return allocator.findSubnet(subnet.cidr(), Optional.of(subnet.networkName())).id();
    }

    /** Addresses with the subnets they belong to, to take or release again. */
    private static final class Held {
        private final Map<Long, Subnet> subnets = new LinkedHashMap<>();
        private final List<Address> addresses;

        Held(List<Subnet> subnets, List<Address> addresses) {
            subnets.forEach(subnet -> this.subnets.put(subnet.id(), subnet));
            this.addresses = List.copyOf(addresses);
            for (Address address : addresses) {
                if (!this.subnets.containsKey(address.subnetId())) {
                    throw new IllegalArgumentException("no subnet given for " + address.ip());
                }
            }
        }

        /** Takes every address again, with its details, in one transaction (all or none). */
        void take(Allocator allocator) {
            allocator.allocateGroup(addresses.stream().map(address -> GroupRequest.specific(
                    id(allocator, subnets.get(address.subnetId())), address.ip(), address.details())).toList());
        }

        /** Releases every address, one transaction per subnet. */
        void release(Allocator allocator) {
            Map<Long, List<Ip>> bySubnet = new LinkedHashMap<>();
            for (Address address : addresses) {
                bySubnet.computeIfAbsent(id(allocator, subnets.get(address.subnetId())), id -> new ArrayList<>())
                        .add(address.ip());
            }
            bySubnet.forEach(allocator::releaseAll);
        }
    }

    private interface Step {
        void run(Allocator allocator);
    }

    private record Simple(String description, Step undo, Step redo) implements Undoable {
        @Override
        public void undo(Allocator allocator) {
            undo.run(allocator);
        }

        @Override
        public void redo(Allocator allocator) {
            redo.run(allocator);
        }
    }

    /** Adds or deletes a range; the range gets a new id each time it is added, so the last one is kept. */
    private static final class RangeToggle implements Undoable {
        private final String description;
        private final Subnet subnet;
        private final boolean addedFirst;
        private AddressRange range;

        RangeToggle(String description, Subnet subnet, AddressRange range, boolean addedFirst) {
            this.description = description;
            this.subnet = subnet;
            this.range = range;
            this.addedFirst = addedFirst;
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public void undo(Allocator allocator) {
            toggle(allocator, !addedFirst);
        }

        @Override
        public void redo(Allocator allocator) {
            toggle(allocator, addedFirst);
        }

        private void toggle(Allocator allocator, boolean add) {
            if (add) {
                range = allocator.addRange(id(allocator, subnet), range.range().start(), range.range().end(),
                        range.kind(), range.description());
            } else {
                long subnetId = id(allocator, subnet);
                AddressRange current = allocator.ranges(subnetId).stream()
                        .filter(r -> r.range().equals(range.range()) && r.kind() == range.kind()).findFirst()
                        .orElseThrow(() -> new AllocatorException.NotFound("the " + range.kind().label() + " range "
                                + range.range() + " is no longer in " + subnet.label()));
                allocator.deleteRange(current.id());
            }
        }
    }

    private static final class SubnetCreated implements Undoable {
        private final String description;
        private Subnet subnet;

        SubnetCreated(String description, Subnet subnet) {
            this.description = description;
            this.subnet = subnet;
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public void undo(Allocator allocator) {
            long id = id(allocator, subnet);
            long held = allocator.heldAddressCount(id);
            if (held > 0) {
                throw new AllocatorException.Conflict("cannot undo: " + subnet.label() + " now holds " + held
                        + (held == 1 ? " address" : " addresses") + "; delete the subnet instead if that is meant");
            }
            allocator.deleteSubnet(id);
        }

        @Override
        public void redo(Allocator allocator) {
            subnet = allocator.createSubnet(subnet.networkName(), spec(subnet));
        }
    }

    private static final class SubnetDeleted implements Undoable {
        private final String description;
        private final List<AddressRange> ranges;
        private final List<Address> addresses;
        private Subnet subnet;

        SubnetDeleted(String description, Subnet subnet, List<AddressRange> ranges, List<Address> addresses) {
            this.description = description;
            this.subnet = subnet;
            this.ranges = ranges;
            this.addresses = addresses;
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public void undo(Allocator allocator) {
            Subnet again = allocator.createSubnet(subnet.networkName(), spec(subnet));
            try {
                for (AddressRange range : ranges) {
                    allocator.addRange(again.id(), range.range().start(), range.range().end(), range.kind(),
                            range.description());
                }
                if (!addresses.isEmpty()) {
                    allocator.allocateGroup(addresses.stream()
                            .map(a -> GroupRequest.specific(again.id(), a.ip(), a.details())).toList());
                }
            } catch (RuntimeException e) {
                allocator.deleteSubnet(again.id()); // no half-restored subnet stays behind
                throw e;
            }
            subnet = again;
        }

        @Override
        public void redo(Allocator allocator) {
            allocator.deleteSubnet(id(allocator, subnet));
        }
    }
}
