package org.ipdesk.allocator;

import static org.ipdesk.allocator.Lookups.lockedSubnet;
import static org.ipdesk.allocator.Lookups.subnet;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.ipdesk.address.Ip;
import org.ipdesk.address.IpRange;
import org.ipdesk.allocator.AllocatorException.InvalidInput;
import org.ipdesk.allocator.AllocatorException.NotFound;
import org.ipdesk.allocator.AllocatorException.SubnetExhausted;
import org.ipdesk.model.Address;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.ChangeAction;
import org.ipdesk.model.Subnet;
import org.ipdesk.store.Database;
import org.ipdesk.store.Session;

/**
 * The commands of held addresses (reserve, allocate, release, update) and the {@code check*} rehearsal of reserve;
 * the rules are in {@link AddressRules}.
 */
final class AddressService {
    /** How many random picks the random strategy tries before it counts the free space exactly. */
    private static final int RANDOM_TRIES = 64;

    private final Database database;
    private final ChangeWriter changes;
    private final Random random;

    AddressService(Database database, ChangeWriter changes, Random random) {
        this.database = database;
        this.changes = changes;
        this.random = random;
    }

    Address reserve(long subnetId, Ip ip, AddressDetails details) {
        AddressRules.validate(details);
        return database.write(s -> reserveIn(s, lockedSubnet(s, subnetId), ip, details));
    }

    Optional<String> checkReserve(long subnetId, Ip ip, AddressDetails details) {
        return Rules.rehearse(() -> {
            AddressRules.validate(details);
            database.rehearse(s -> reserveIn(s, lockedSubnet(s, subnetId), ip, details));
        });
    }

    /** Takes {@code ip} in the caller's transaction (the subnet locked already). */
    Address reserveIn(Session s, Subnet subnet, Ip ip, AddressDetails details) {
        AddressRules.checkPlacement(subnet, ip, () -> s.children(subnet.networkId(), OptionalLong.of(subnet.id())),
                AddressRules.TAKE_IT_THERE);
        s.address(subnet.id(), ip).ifPresent(held -> {
            throw AddressRules.inUse(held);
        });
        AddressRules.checkDhcpRule(s, subnet, ip, details.status());
        Address address = s.insertAddress(subnet.id(), ip, details, changes.now());
        FreeSpace.take(s, subnet.id(), ip);
        changes.log(s, ChangeAction.ALLOCATE, "address", subnet.label() + " " + ip, null,
                ChangeWriter.of(subnet, address));
        return address;
    }

    List<Address> allocateNext(long subnetId, int count, Strategy strategy, AddressDetails details) {
        if (count < 1) {
            throw new InvalidInput("the count must be at least 1, not " + count);
        }
        AddressRules.validate(details);
        return database.write(s -> {
            Subnet subnet = lockedSubnet(s, subnetId);
            AddressRules.checkCount(s, subnet, count);
            if (strategy == Strategy.FIRST) {
                return takeLowest(s, subnet, count, details);
            }
            List<Address> taken = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                taken.add(allocateOne(s, subnet, strategy, details, count));
            }
            return taken;
        });
    }

    /**
     * The lowest {@code count} free addresses (there are that many, see {@link AddressRules#checkCount}): each free
     * extent from the lowest is taken whole, or its first part, with one change to the free space per extent.
     */
    private List<Address> takeLowest(Session s, Subnet subnet, int count, AddressDetails details) {
        List<Address> taken = new ArrayList<>(count);
        while (taken.size() < count) {
            IpRange extent = s.firstExtent(subnet.id()).orElseThrow(() -> new SubnetExhausted(
                    subnet.label() + " has no free address left"));
            long wanted = count - taken.size();
            IpRange run = extent.size().compareTo(BigInteger.valueOf(wanted)) <= 0 ? extent
                    : new IpRange(extent.start(), extent.start().plus(wanted - 1));
            if (details.status() != AddressStatus.DHCP) {
                // free space never includes a DHCP range; this holds the rule even if it did
                AddressRules.checkDhcpRule(s, subnet, run, details.status());
            }
            FreeSpace.takeRun(s, subnet.id(), extent, run);
            insertRun(s, subnet, run, details, taken);
        }
        return taken;
    }

    /** Inserts every address of a run (already taken out of the free space), each with its change-log row. */
    private void insertRun(Session s, Subnet subnet, IpRange run, AddressDetails details, List<Address> into) {
        Instant now = changes.now();
        for (Ip ip = run.start(); ; ip = ip.next()) {
            Address address = s.insertAddress(subnet.id(), ip, details, now);
            changes.log(s, ChangeAction.ALLOCATE, "address", subnet.label() + " " + ip, null,
                    ChangeWriter.of(subnet, address));
            into.add(address);
            if (ip.equals(run.end())) {
                break;
            }
        }
    }

    private Address allocateOne(Session s, Subnet subnet, Strategy strategy, AddressDetails details, int requested) {
        Ip ip = (strategy == Strategy.RANDOM ? randomFree(s, subnet.id()) : s.firstExtent(subnet.id()).map(IpRange::start))
                .orElseThrow(() -> new SubnetExhausted(subnet.label() + " has no free address left"
                        + (requested > 1 ? " (" + requested + " were requested)" : "")));
        if (details.status() != AddressStatus.DHCP) {
            // free space never includes a DHCP range; this holds the rule even if it did
            AddressRules.checkDhcpRule(s, subnet, ip, details.status());
        }
        Address address = s.insertAddress(subnet.id(), ip, details, changes.now());
        FreeSpace.take(s, subnet.id(), ip);
        changes.log(s, ChangeAction.ALLOCATE, "address", subnet.label() + " " + ip, null,
                ChangeWriter.of(subnet, address));
        return address;
    }

    /**
     * A uniformly random free address. Rejection sampling over the usable range costs a few index seeks
     * while the subnet is not nearly full; after {@value #RANDOM_TRIES} misses the free extents are counted
     * and one address is drawn exactly.
     */
    private Optional<Ip> randomFree(Session s, long subnetId) {
        Optional<IpRange> first = s.firstExtent(subnetId);
        if (first.isEmpty()) {
            return Optional.empty();
        }
        Subnet subnet = subnet(s, subnetId);
        IpRange usable = subnet.cidr().usableRange();
        for (int i = 0; i < RANDOM_TRIES; i++) {
            Ip pick = usable.start().plus(uniform(usable.size()));
            if (s.extentContaining(subnetId, pick).isPresent()) {
                return Optional.of(pick);
            }
        }
        BigInteger total = BigInteger.ZERO;
        List<IpRange> extents = s.extents(subnetId);
        for (IpRange e : extents) {
            total = total.add(e.size());
        }
        BigInteger k = uniform(total);
        for (IpRange e : extents) {
            if (k.compareTo(e.size()) < 0) {
                return Optional.of(e.start().plus(k));
            }
            k = k.subtract(e.size());
        }
        throw new IllegalStateException("free space changed while it was counted");
    }

    private BigInteger uniform(BigInteger bound) {
        BigInteger pick;
        do {
            pick = new BigInteger(bound.bitLength(), random);
        } while (pick.compareTo(bound) >= 0);
        return pick;
    }

    List<Address> allocateBlock(long subnetId, int n, AddressDetails details) {
        AddressRules.checkBlockCount(n);
        AddressRules.validate(details);
        return database.write(s -> {
            Subnet subnet = lockedSubnet(s, subnetId);
            IpRange extent = blockExtent(s, subnet, n);
            IpRange run = new IpRange(extent.start(), extent.start().plus(n - 1L));
            FreeSpace.takeRun(s, subnetId, extent, run);
            List<Address> taken = new ArrayList<>(n);
            insertRun(s, subnet, run, details, taken);
            return taken;
        });
    }

    IpRange blockPlacement(long subnetId, int n) {
        AddressRules.checkBlockCount(n);
        return database.read(s -> {
            IpRange extent = blockExtent(s, subnet(s, subnetId), n);
            return new IpRange(extent.start(), extent.start().plus(n - 1L));
        });
    }

    /** The lowest free extent that holds {@code n} addresses, after the count was checked against the free space. */
    private static IpRange blockExtent(Session s, Subnet subnet, int n) {
        AddressRules.checkCount(s, subnet, n);
        BigInteger want = BigInteger.valueOf(n);
        IpRange[] found = new IpRange[1];
        s.scanExtents(subnet.id(), extent -> {
            if (extent.size().compareTo(want) >= 0) {
                found[0] = extent;
                return false;
            }
            return true;
        });
        if (found[0] == null) {
            throw new SubnetExhausted(subnet.label() + " has no run of " + n + " contiguous free addresses");
        }
        return found[0];
    }

    List<Address> allocateGroup(List<GroupRequest> requests) {
        if (requests.isEmpty()) {
            throw new InvalidInput("a group needs at least one address");
        }
        if (requests.size() > Allocator.MAX_ADDRESSES_PER_COMMAND) {
            throw AddressRules.overCap("allocated", requests.size());
        }
        requests.forEach(r -> AddressRules.validate(r.details()));
        List<GroupRequest> ordered = new ArrayList<>(requests);
        ordered.sort(Comparator.comparing(r -> r.ip().isEmpty()));
        return database.write(s -> {
            // every subnet of the group locked first, in id order, so two groups never wait on each other
            ordered.stream().mapToLong(GroupRequest::subnetId).distinct().sorted().forEach(id -> lockedSubnet(s, id));
            List<Address> taken = new ArrayList<>();
            for (GroupRequest r : ordered) {
                Subnet subnet = subnet(s, r.subnetId());
                taken.add(r.ip().isPresent()
                        ? reserveIn(s, subnet, r.ip().get(), r.details())
                        : allocateOne(s, subnet, Strategy.FIRST, r.details(), 1));
            }
            return taken;
        });
    }

    Address release(long subnetId, Ip ip) {
        return database.write(s -> {
            Subnet subnet = lockedSubnet(s, subnetId);
            return releaseIn(s, subnet, ip, FreeSpace.blocked(s, subnet));
        });
    }

    List<Address> releaseAll(long subnetId, List<Ip> ips) {
        if (ips.isEmpty()) {
            throw new InvalidInput("no address to release");
        }
        if (ips.size() > Allocator.MAX_ADDRESSES_PER_COMMAND) {
            throw AddressRules.overCap("released", ips.size());
        }
        return database.write(s -> {
            Subnet subnet = lockedSubnet(s, subnetId);
            // what is never free (gateway, ranges, children) is read once, not once per address
            List<IpRange> blocked = FreeSpace.blocked(s, subnet);
            List<Address> released = new ArrayList<>(ips.size());
            for (Ip ip : ips) {
                released.add(releaseIn(s, subnet, ip, blocked));
            }
            return released;
        });
    }

    /**
     * Releases addresses of one subnet as the releaser read them, in one transaction: each only if nobody changed or
     * released it since (one conditional DELETE on its row version), else nothing is released and
     * {@link AllocatorException.EditedElsewhere} says who, when and what.
     */
    List<Address> releaseAsRead(long subnetId, List<Address> asRead) {
        if (asRead.isEmpty()) {
            throw new InvalidInput("no address to release");
        }
        if (asRead.size() > Allocator.MAX_ADDRESSES_PER_COMMAND) {
            throw AddressRules.overCap("released", asRead.size());
        }
        return database.write(s -> {
            Subnet subnet = lockedSubnet(s, subnetId);
            List<IpRange> blocked = FreeSpace.blocked(s, subnet);
            List<Address> released = new ArrayList<>(asRead.size());
            for (Address read : asRead) {
                released.add(releaseIn(s, subnet, read.ip(), blocked, Optional.of(read)));
            }
            return released;
        });
    }

    /** Releases one address; {@code blocked} is {@link FreeSpace#blocked} of the subnet. */
    private Address releaseIn(Session s, Subnet subnet, Ip ip, List<IpRange> blocked) {
        return releaseIn(s, subnet, ip, blocked, Optional.empty());
    }

    /** Releases one address in the caller's transaction (the subnet locked already), as read when given. */
    Address releaseIn(Session s, Subnet subnet, Ip ip, List<IpRange> blocked, Optional<Address> asRead) {
        String key = subnet.label() + " " + ip;
        Optional<Address> stored = s.address(subnet.id(), ip);
        if (stored.isEmpty() && asRead.isPresent()) {
            throw CrossedEdits.refusal(s, changes.now(), ip + " in " + subnet.label(), "address", key,
                    ChangeWriter.of(subnet, asRead.get()), Optional.empty());
        }
        Address held = stored.orElseThrow(() -> new NotFound(ip + " is not held in " + subnet.label()));
        Address expected = asRead.orElse(held);
        if (!s.deleteAddress(expected.id(), expected.rowVersion())) {
            throw CrossedEdits.refusal(s, changes.now(), ip + " in " + subnet.label(), "address", key,
                    ChangeWriter.of(subnet, expected), Optional.of(ChangeWriter.of(subnet, held)));
        }
        if (FreeSpace.allocatable(subnet, blocked, ip)) {
            FreeSpace.giveBack(s, subnet.id(), ip);
        }
        changes.log(s, ChangeAction.RELEASE, "address", subnet.label() + " " + ip, ChangeWriter.of(subnet, held), null);
        return held;
    }

    /**
     * Changes an address's details. With {@code asRead} (the address as the editor read it), the change is written
     * only if nobody changed or released the address since: one conditional statement on its row version; otherwise
     * {@link AllocatorException.EditedElsewhere} says who, when and what.
     */
    Address update(long subnetId, Ip ip, AddressDetails details, Optional<Address> asRead) {
        AddressRules.validate(details);
        return database.write(s -> updateIn(s, lockedSubnet(s, subnetId), ip, details, asRead));
    }

    /** {@link #update} in the caller's transaction (the subnet locked already). */
    Address updateIn(Session s, Subnet subnet, Ip ip, AddressDetails details, Optional<Address> asRead) {
        long subnetId = subnet.id();
        String key = subnet.label() + " " + ip;
        Optional<Address> stored = s.address(subnetId, ip);
        if (stored.isEmpty() && asRead.isPresent()) {
            throw CrossedEdits.refusal(s, changes.now(), ip + " in " + subnet.label(), "address", key,
                    ChangeWriter.of(subnet, asRead.get()), Optional.empty());
        }
        Address before = stored.orElseThrow(() -> new NotFound(ip + " is not held in " + subnet.label()));
        AddressRules.checkDhcpRule(s, subnet, ip, details.status());
        Instant now = changes.now();
        Address expected = asRead.orElse(before);
        if (!s.updateAddress(expected.id(), expected.rowVersion(), details, now)) {
            throw CrossedEdits.refusal(s, now, ip + " in " + subnet.label(), "address", key,
                    ChangeWriter.of(subnet, expected), Optional.of(ChangeWriter.of(subnet, before)));
        }
        Address after = new Address(before.id(), subnetId, ip, details, before.createdAt(), now,
                before.rowVersion() + 1);
        changes.log(s, ChangeAction.UPDATE, "address", subnet.label() + " " + ip,
                ChangeWriter.of(subnet, before), ChangeWriter.of(subnet, after));
        return after;
    }

    List<Address> addressesIn(long subnetId, IpRange range) {
        return database.read(s -> {
            subnet(s, subnetId);
            return s.addressesIn(subnetId, range, Integer.MAX_VALUE);
        });
    }

    List<Address> addresses(long subnetId) {
        return database.read(s -> {
            subnet(s, subnetId);
            return s.addresses(subnetId);
        });
    }

    Optional<Address> address(long subnetId, Ip ip) {
        return database.read(s -> s.address(subnetId, ip));
    }

    List<IpRange> freeExtents(long subnetId) {
        return database.read(s -> s.extents(subnetId));
    }
}
