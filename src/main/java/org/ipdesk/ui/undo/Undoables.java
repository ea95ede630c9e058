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

    /**
     * An address's details changed from {@code before} (as read) to {@code after} (as written). Undo and redo are
     * edits made from what this desk last wrote: refused, with who, when and what, once someone else changed the
     * address since.
     */
    public static Undoable updated(String description, Subnet subnet, Address before, Address after) {
        return new Edit<>(description, before.details(), after.details(), after,
                (a, written, to) -> a.update(expectedAddress(a, subnet, written), to));
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
        return new Edit<>(description, before, after, after, (a, written, to) -> changeRange(a, subnet, written, to));
    }

    private static AddressRange changeRange(Allocator allocator, Subnet subnet, AddressRange from, AddressRange to) {
        List<AddressRange> ranges = allocator.ranges(id(allocator, subnet));
        // the row this desk last wrote, at the version written (the allocator refuses, saying who, when and what, if
        // someone changed or deleted it since); a row made anew (its subnet deleted and brought back, or the range
        // deleted and added again by undo) counts as that row when it holds what was written
        AddressRange expected = ranges.stream().anyMatch(r -> r.id() == from.id()) ? from
                : ranges.stream().filter(r -> sameRange(r, from)).findFirst().orElse(from);
        return allocator.updateRange(expected, to.range().start(), to.range().end(), to.kind(), to.description());
    }

    private static boolean sameRange(AddressRange a, AddressRange b) {
        return a.range().equals(b.range()) && a.kind() == b.kind() && a.description().equals(b.description());
    }

    /** A subnet created: undo deletes it, refused once it holds addresses (they would go with it). */
    public static Undoable subnetCreated(String description, Subnet subnet) {
        return new SubnetCreated(description, subnet);
    }

    /** A subnet's name, VLAN, gateway or description changed. */
    public static Undoable subnetUpdated(String description, Subnet before, Subnet after) {
        return new Edit<>(description, spec(before), spec(after), after,
                (a, written, to) -> a.updateSubnet(expectedSubnet(a, written), to));
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
        return new Edit<>(description, before, after, after,
                (a, written, to) -> a.updateNetwork(written, to.name(), to.description()));
    }

    /** An empty network deleted. */
    public static Undoable networkDeleted(String description, Network network) {
        return new Simple(description, a -> a.createNetwork(network.name(), network.description()),
                a -> a.deleteNetwork(network.name()));
    }

    static SubnetSpec spec(Subnet subnet) {
        return SubnetSpec.of(subnet);
    }

    /** The subnet's id now, found by its network and CIDR. */
    static long id(Allocator allocator, Subnet subnet) {
        return allocator.findSubnet(subnet.cidr(), Optional.of(subnet.networkName())).id();
    }

    /**
     * Addresses with the subnets they belong to, to take or release again. A release takes back what this desk took:
     * refused, with who, when and what, when someone else changed one of them since.
     */
    private static final class Held {
        private final Map<Long, Subnet> subnets = new LinkedHashMap<>();
        /** The addresses as this desk last took them (their row versions), by the subnet ids given. */
        private List<Address> addresses;

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
            List<Address> taken = allocator.allocateGroup(addresses.stream().map(address -> GroupRequest.specific(
                    id(allocator, subnets.get(address.subnetId())), address.ip(), address.details())).toList());
            // the rows just made, filed under the subnets given (a subnet brought back has a new id)
            List<Address> again = new ArrayList<>(taken.size());
            for (Address address : addresses) {
                Address row = taken.stream().filter(t -> t.ip().equals(address.ip())
                        && t.subnetId() == id(allocator, subnets.get(address.subnetId()))).findFirst().orElseThrow();
                again.add(new Address(row.id(), address.subnetId(), row.ip(), row.details(), row.createdAt(),
                        row.updatedAt(), row.rowVersion()));
            }
            addresses = List.copyOf(again);
        }

        /** Releases every address as it was taken, one transaction per subnet. */
        void release(Allocator allocator) {
            Map<Long, List<Address>> bySubnet = new LinkedHashMap<>();
            for (Address address : addresses) {
                long subnetId = id(allocator, subnets.get(address.subnetId()));
                bySubnet.computeIfAbsent(subnetId, id -> new ArrayList<>()).add(expected(allocator, subnetId, address));
            }
            bySubnet.forEach(allocator::releaseAsRead);
        }

        /**
         * The row to release: the one taken, at the version taken; a row made anew (its subnet deleted and brought
         * back by undo) counts as that one when it holds the same details.
         */
        private static Address expected(Allocator allocator, long subnetId, Address taken) {
            return allocator.address(subnetId, taken.ip())
                    .filter(now -> now.id() != taken.id() && now.details().equals(taken.details()))
                    .orElse(taken);
        }
    }

    /**
     * Undo and redo of an edit: each writes {@code before} or {@code after} from what this desk wrote last
     * ({@code written}), so the allocator refuses it, saying who, when and what, once someone else changed the object
     * since.
     *
     * @param <T> the object written (address, subnet, network, range)
     * @param <V> what is written to it
     */
    private static final class Edit<T, V> implements Undoable {
        private final String description;
        private final V before;
        private final V after;
        private final Write<T, V> write;
        private T written;

        Edit(String description, V before, V after, T written, Write<T, V> write) {
            this.description = description;
            this.before = before;
            this.after = after;
            this.written = written;
            this.write = write;
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public void undo(Allocator allocator) {
            written = write.write(allocator, written, before);
        }

        @Override
        public void redo(Allocator allocator) {
            written = write.write(allocator, written, after);
        }
    }

    /** Writes {@code to} over what this desk wrote last ({@code written}); returns what is written now. */
    @FunctionalInterface
    private interface Write<T, V> {
        T write(Allocator allocator, T written, V to);
    }

    /**
     * The address to change: the row this desk wrote last, at the version written; a row made anew (its subnet
     * deleted and brought back by undo) counts as that row when it holds the same details.
     */
    private static Address expectedAddress(Allocator allocator, Subnet subnet, Address written) {
        return allocator.address(id(allocator, subnet), written.ip())
                .filter(now -> now.id() != written.id() && now.details().equals(written.details()))
                .orElse(written);
    }

    /** The subnet to change: as {@link #expectedAddress}, for a subnet. */
    private static Subnet expectedSubnet(Allocator allocator, Subnet written) {
        Subnet now = allocator.subnet(id(allocator, written));
        return now.id() != written.id() && spec(now).equals(spec(written)) ? now : written;
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
