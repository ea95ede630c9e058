package org.ipdesk.allocator;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.InvalidAddressException;
import org.ipdesk.address.Ip;
import org.ipdesk.address.IpRange;
import org.ipdesk.address.IpVersion;
import org.ipdesk.address.Mac;
import org.ipdesk.allocator.AllocatorException.AddressInRange;
import org.ipdesk.allocator.AllocatorException.AddressInUse;
import org.ipdesk.allocator.AllocatorException.AddressNotUsable;
import org.ipdesk.allocator.AllocatorException.AddressOutsideSubnet;
import org.ipdesk.allocator.AllocatorException.Conflict;
import org.ipdesk.allocator.AllocatorException.InvalidInput;
import org.ipdesk.allocator.AllocatorException.NotFound;
import org.ipdesk.allocator.AllocatorException.SubnetExhausted;
import org.ipdesk.model.Address;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressRange;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.AddressView;
import org.ipdesk.model.BlockUsage;
import org.ipdesk.model.CellState;
import org.ipdesk.model.CellStates;
import org.ipdesk.model.Change;
import org.ipdesk.model.ChangeAction;
import org.ipdesk.model.ChangeFilter;
import org.ipdesk.model.Hostnames;
import org.ipdesk.model.Network;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.model.TextFields;
import org.ipdesk.model.TextFields.Field;
import org.ipdesk.model.Usage;
import org.ipdesk.store.Database;
import org.ipdesk.store.OutputTargets;
import org.ipdesk.store.OpenMode;
import org.ipdesk.store.Session;

/**
 * Every rule of the domain. Each public command runs in one write transaction: it completes, or it throws
 * an {@link AllocatorException} and the database is unchanged. Each change writes a change-log row in the
 * same transaction. Validation happens before anything is written.
 */
public final class Allocator implements AutoCloseable {
    /** How many random picks the random strategy tries before it counts the free space exactly. */
    private static final int RANDOM_TRIES = 64;
    /** The most rows a search returns. */
    public static final int SEARCH_LIMIT = 1000;
    /**
     * The most addresses one command allocates or releases: {@code ip next --count}, {@code ip block --count}, a
     * group, a release of several addresses. Larger counts are refused before anything is written.
     */
    public static final int MAX_ADDRESSES_PER_COMMAND = 65_536;

    private final Database database;
    private final ChangeWriter changes;
    private final Random random;

    public Allocator(Database database, Clock clock, String user, Random random) {
        this.database = database;
        this.changes = new ChangeWriter(clock, user);
        this.random = random;
    }

    /** Opens (creating when absent) the database file, as the current OS user. */
    public static Allocator open(Path file) {
        return open(file, OpenMode.CREATE);
    }

    /** Opens the database file as the current OS user; {@code mode} says whether a missing or empty file is started. */
    public static Allocator open(Path file, OpenMode mode) {
        return new Allocator(Database.open(file, mode), Clock.systemUTC(), System.getProperty("user.name", "unknown"),
                new SecureRandom());
    }

    public Path file() {
        return database.file();
    }

    /** Changes whenever another connection commits to the file; see {@link Database#externalVersion()}. */
    public long externalVersion() {
        return database.externalVersion();
    }

    @Override
    public void close() {
        database.close();
    }

    /**
     * Writes a consistent copy of the database to {@code target} (SQLite's online backup), even while other
     * connections write. The copy has owner-only permissions and opens as an IPDesk database. The open database
     * itself is refused as the target, and so is everything {@link OutputTargets} refuses, including an existing
     * SQLite database.
     */
    public void backup(Path target) {
        backup(target, OutputTargets.IfDatabase.REFUSE);
    }

    /** {@link #backup(Path)}, replacing an existing SQLite database at {@code target} when asked to. */
    public void backup(Path target, OutputTargets.IfDatabase ifDatabase) {
        database.backup(target, ifDatabase);
    }

    // ================================================================= import

    /**
     * Checks every item of an import against the database and the allocator's rules without writing anything
     * (a rehearsal that is rolled back): one result per item, in file order.
     */
    public ImportPlan previewImport(String source, String layout, List<ImportItem> items) {
        return new Importer(this, database, changes).preview(source, layout, items);
    }

    /**
     * Applies a previewed import as one transaction: every row, or none when any row is an error or a conflict
     * (checked again inside the transaction). The change log records the whole import as one entry.
     */
    public ImportPlan.Applied applyImport(ImportPlan plan) {
        return new Importer(this, database, changes).apply(plan);
    }

    /** How far an import is: {@code done} of {@code total} addresses written. */
    @FunctionalInterface
    public interface ImportProgress {
        void update(long done, long total);
    }

    /**
     * {@link #applyImport(ImportPlan)} that asks {@code cancelled} between batches of addresses: a cancel rolls the
     * whole import back ({@link java.util.concurrent.CancellationException}); {@code progress} hears how far it is.
     */
    public ImportPlan.Applied applyImport(ImportPlan plan, java.util.function.BooleanSupplier cancelled,
                                          ImportProgress progress) {
        return new Importer(this, database, changes).apply(plan, cancelled, progress);
    }

    /** The subnet of an id inside a transaction (for the importer). */
    static Subnet subnetIn(Session s, long id) {
        return subnet(s, id);
    }

    // ================================================================= networks

    public Network createNetwork(String name, String description) {
        String clean = requireName(name, Field.NETWORK_NAME);
        checkText(Field.NETWORK_DESCRIPTION, description);
        return database.write(s -> {
            s.networkByName(clean).ifPresent(existing -> {
                throw new Conflict("a network named '" + existing.name() + "' already exists");
            });
            Network network = s.insertNetwork(clean, text(description));
            changes.log(s, ChangeAction.CREATE, "network", clean, null, ChangeWriter.of(network));
            return network;
        });
    }

    public Network updateNetwork(String name, String newName, String description) {
        String clean = requireName(newName, Field.NETWORK_NAME);
        checkText(Field.NETWORK_DESCRIPTION, description);
        return database.write(s -> {
            Network before = network(s, name);
            s.networkByName(clean).filter(other -> other.id() != before.id()).ifPresent(other -> {
                throw new Conflict("a network named '" + other.name() + "' already exists");
            });
            Network after = new Network(before.id(), clean, text(description));
            s.updateNetwork(after);
            changes.log(s, ChangeAction.UPDATE, "network", clean, ChangeWriter.of(before), ChangeWriter.of(after));
            return after;
        });
    }

    /** Deletes an empty network; one that still has subnets is refused, naming how many. */
    public void deleteNetwork(String name) {
        database.write(s -> {
            Network network = network(s, name);
            int subnets = s.subnetsOf(network.id()).size();
            if (subnets > 0) {
                throw new Conflict("network '" + network.name() + "' still has " + subnets
                        + (subnets == 1 ? " subnet" : " subnets") + "; delete them first");
            }
            s.deleteNetwork(network.id());
            changes.log(s, ChangeAction.DELETE, "network", network.name(), ChangeWriter.of(network), null);
            return null;
        });
    }

    public List<Network> networks() {
        return database.read(Session::networks);
    }

    public Network network(String name) {
        return database.read(s -> network(s, name));
    }

    private static Network network(Session s, String name) {
        return s.networkByName(name == null ? "" : name.strip())
                .orElseThrow(() -> new NotFound("there is no network named '" + name + "'"));
    }

    // ================================================================= subnets

    /**
     * Creates a subnet. Its parent is the smallest subnet of the network that contains it; subnets it
     * contains become its children, and addresses its parent held inside it move to it.
     */
    public Subnet createSubnet(String networkName, SubnetSpec spec) {
        validateDetails(spec);
        return database.write(s -> createSubnet(s, network(s, networkName), spec));
    }

    private Subnet createSubnet(Session s, Network network, SubnetSpec spec) {
        return createSubnet(s, network, spec, true);
    }

    /** Creates a subnet inside the caller's transaction; {@code log} false leaves the change log to the caller. */
    Subnet createSubnet(Session s, Network network, SubnetSpec spec, boolean log) {
        validateDetails(spec);
        Cidr cidr = spec.cidr();
        if (cidr.prefixLength() == 0) {
            throw new InvalidInput("'" + cidr + "' is /0, the whole address space; give a longer prefix");
        }
        List<Subnet> containing = s.subnetsContaining(network.id(), cidr);
        for (Subnet c : containing) {
            if (c.cidr().equals(cidr)) {
                throw new Conflict(cidr + " already exists in network '" + network.name() + "'"
                        + (c.name().isEmpty() ? "" : " as '" + c.name() + "'"));
            }
        }
        Optional<Subnet> parent = containing.stream().findFirst();
        if (parent.isPresent()) {
            checkFitsInParent(s, parent.get(), cidr);
        }
        spec.gateway().ifPresent(g -> checkGatewayInCidr(cidr, g));
        OptionalLong parentId = parent.map(p -> OptionalLong.of(p.id())).orElse(OptionalLong.empty());
        // the new subnet's children: the subnets inside it that were children of its parent (or top-level);
        // read through the span index, so the cost follows the subnets inside the CIDR, not the network's size
        List<Subnet> adopted = s.subnetsInside(network.id(), cidr).stream()
                .filter(inside -> inside.parentId().equals(parentId)).toList();
        spec.gateway().ifPresent(g -> adopted.stream().filter(c -> c.cidr().contains(g)).findFirst().ifPresent(c -> {
            throw new InvalidInput("gateway " + g + " lies in child subnet " + c.cidr() + ", not in " + cidr + " itself");
        }));
        long id = s.insertSubnet(network.id(), cidr, text(spec.name()), text(spec.description()), spec.vlan(),
                spec.gateway(), parentId);
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

    /**
     * What would stop {@link #createSubnet} from creating this subnet, without creating it: every rule is
     * applied in a transaction that is rolled back. Empty when the subnet could be created.
     */
    public Optional<String> checkCreateSubnet(String networkName, SubnetSpec spec) {
        return rehearse(() -> {
            validateDetails(spec);
            database.rehearse(s -> createSubnet(s, network(s, networkName), spec));
        });
    }

    /** What would stop {@link #updateSubnet}, without changing the subnet. Empty when the change could be saved. */
    public Optional<String> checkUpdateSubnet(long subnetId, SubnetSpec spec) {
        return rehearse(() -> database.rehearse(s -> updateSubnet(s, subnetId, spec)));
    }

    /** What would stop {@link #addRange}, without adding the range. Empty when it could be added. */
    public Optional<String> checkAddRange(long subnetId, Ip start, Ip end, RangeKind kind) {
        return rehearse(() -> database.rehearse(s -> addRange(s, subnetId, start, end, kind, "")));
    }

    /** What would stop {@link #reserve}, without reserving. Empty when the address could be taken. */
    public Optional<String> checkReserve(long subnetId, Ip ip, AddressDetails details) {
        return rehearse(() -> {
            validate(details);
            database.rehearse(s -> reserve(s, subnet(s, subnetId), ip, details));
        });
    }

    private static Optional<String> rehearse(Runnable command) {
        try {
            command.run();
            return Optional.empty();
        } catch (AllocatorException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** A child must lie in its parent's own space: not over the parent's ranges or gateway or unusable addresses. */
    private static void checkFitsInParent(Session s, Subnet parent, Cidr cidr) {
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
    private static String named(Subnet subnet) {
        return subnet.cidr() + (subnet.name().isEmpty() ? "" : " '" + subnet.name() + "'") + " in " + subnet.networkName();
    }

    private static void checkGatewayInCidr(Cidr cidr, Ip gateway) {
        if (!cidr.contains(gateway)) {
            throw new InvalidInput("gateway " + gateway + " is outside " + cidr);
        }
        cidr.unusableReason(gateway).ifPresent(reason -> {
            throw new InvalidInput("gateway " + gateway + " is " + reason + " of " + cidr);
        });
    }

    private static void validateDetails(SubnetSpec spec) {
        if (spec.cidr() == null) {
            throw new InvalidInput("a subnet needs a CIDR");
        }
        if (spec.vlan().isPresent() && (spec.vlan().getAsInt() < 1 || spec.vlan().getAsInt() > 4094)) {
            throw new InvalidInput("VLAN " + spec.vlan().getAsInt() + " is out of range (1-4094)");
        }
        checkText(Field.SUBNET_NAME, spec.name());
        checkText(Field.SUBNET_DESCRIPTION, spec.description());
    }

    /** Changes a subnet's name, description, VLAN and gateway (its CIDR stays). */
    public Subnet updateSubnet(long subnetId, SubnetSpec spec) {
        return database.write(s -> updateSubnet(s, subnetId, spec));
    }

    private Subnet updateSubnet(Session s, long subnetId, SubnetSpec spec) {
        validateDetails(spec);
        Subnet before = subnet(s, subnetId);
        if (!spec.cidr().equals(before.cidr())) {
            throw new InvalidInput("the CIDR of " + before.label() + " cannot change; create a new subnet instead");
        }
        spec.gateway().ifPresent(g -> {
            checkGatewayInCidr(before.cidr(), g);
            for (AddressRange r : s.ranges(subnetId)) {
                if (r.range().contains(g)) {
                    throw new InvalidInput("gateway " + g + " lies in the " + r.kind().label() + " range " + r.range());
                }
            }
            s.children(before.networkId(), OptionalLong.of(subnetId)).stream()
                    .filter(c -> c.cidr().contains(g)).findFirst().ifPresent(c -> {
                        throw new InvalidInput("gateway " + g + " lies in child subnet " + c.cidr());
                    });
        });
        s.updateSubnetDetails(subnetId, text(spec.name()), text(spec.description()), spec.vlan(), spec.gateway());
        Subnet after = subnet(s, subnetId);
        if (!after.gateway().equals(before.gateway())) {
            FreeSpace.rebuild(s, after);
        }
        changes.log(s, ChangeAction.UPDATE, "subnet", after.label(), ChangeWriter.of(before), ChangeWriter.of(after));
        return after;
    }

    /**
     * Deletes a subnet with its ranges and held addresses; its children move up to its parent. Returns how
     * many addresses went with it.
     */
    public long deleteSubnet(long subnetId) {
        return database.write(s -> {
            Subnet subnet = subnet(s, subnetId);
            long held = s.countAddresses(subnetId);
            List<Subnet> children = s.children(subnet.networkId(), OptionalLong.of(subnetId));
            for (Subnet child : children) {
                s.setParent(child.id(), subnet.parentId());
            }
            Map<String, Object> before = ChangeWriter.of(subnet);
            before.put("addresses", held);
            s.deleteSubnet(subnetId);
            if (subnet.parentId().isPresent()) {
                FreeSpace.rebuild(s, subnet(s, subnet.parentId().getAsLong()));
            }
            changes.log(s, ChangeAction.DELETE, "subnet", subnet.label(), before, null);
            return held;
        });
    }

    public List<Subnet> subnets() {
        return database.read(Session::subnets);
    }

    public List<Subnet> subnets(String networkName) {
        return database.read(s -> s.subnetsOf(network(s, networkName).id()));
    }

    public Subnet subnet(long id) {
        return database.read(s -> subnet(s, id));
    }

    private static Subnet subnet(Session s, long id) {
        return s.subnet(id).orElseThrow(() -> new NotFound("subnet " + id + " does not exist"));
    }

    /**
     * Finds a subnet by CIDR. When the CIDR exists in several networks, {@code networkName} must pick one;
     * the message lists them.
     */
    public Subnet findSubnet(Cidr cidr, Optional<String> networkName) {
        return database.read(s -> findSubnet(s, cidr, networkName));
    }

    private static Subnet findSubnet(Session s, Cidr cidr, Optional<String> networkName) {
        List<Subnet> found = s.subnetsByCidr(cidr);
        if (networkName.isPresent()) {
            Network network = network(s, networkName.get());
            return found.stream().filter(x -> x.networkId() == network.id()).findFirst()
                    .orElseThrow(() -> new NotFound("there is no subnet " + cidr + " in network '" + network.name() + "'"));
        }
        if (found.isEmpty()) {
            throw new NotFound("there is no subnet " + cidr);
        }
        if (found.size() > 1) {
            throw new Conflict(cidr + " exists in networks " + String.join(", ",
                    found.stream().map(x -> "'" + x.networkName() + "'").toList()) + "; choose one with --network");
        }
        return found.get(0);
    }

    /**
     * Carves the next free child block of {@code prefixLength} out of {@code parentCidr} and creates it:
     * among the free gaps (space not taken by children, ranges, the gateway or held addresses) the smallest
     * one that fits a block wins, and the lowest block in it is taken.
     */
    public Subnet createNextFreeChild(String networkName, Cidr parentCidr, int prefixLength, String name) {
        checkText(Field.SUBNET_NAME, name);
        return database.write(s -> {
            Network network = network(s, networkName);
            Subnet parent = findSubnet(s, parentCidr, Optional.of(network.name()));
            int bits = parentCidr.version().bits();
            if (prefixLength <= parentCidr.prefixLength() || prefixLength > bits) {
                throw new InvalidInput("a child of " + parentCidr + " needs a prefix length from /"
                        + (parentCidr.prefixLength() + 1) + " to /" + bits + ", not /" + prefixLength);
            }
            Cidr block = bestFit(s, parent, prefixLength).orElseThrow(() -> new SubnetExhausted(
                    "no free /" + prefixLength + " block is left in " + parent.label()));
            return createSubnet(s, network, SubnetSpec.of(block).withName(text(name)));
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

    // ================================================================= ranges

    /** Adds a DHCP pool or reserved range. It must lie in the usable addresses and overlap nothing. */
    public AddressRange addRange(long subnetId, Ip start, Ip end, RangeKind kind, String description) {
        return database.write(s -> addRange(s, subnetId, start, end, kind, description));
    }

    private AddressRange addRange(Session s, long subnetId, Ip start, Ip end, RangeKind kind, String description) {
        return addRange(s, subnetId, start, end, kind, description, true);
    }

    /** Adds a range inside the caller's transaction; {@code log} false leaves the change log to the caller. */
    AddressRange addRange(Session s, long subnetId, Ip start, Ip end, RangeKind kind, String description, boolean log) {
        checkText(Field.RANGE_DESCRIPTION, description);
        Subnet subnet = subnet(s, subnetId);
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
        for (AddressRange other : s.ranges(subnetId)) {
            if (other.range().overlaps(range)) {
                throw new Conflict("the range " + range + " overlaps the " + other.kind().label() + " range "
                        + other.range() + (other.description().isEmpty() ? "" : " (" + other.description() + ")"));
            }
        }
        for (Subnet child : s.children(subnet.networkId(), OptionalLong.of(subnetId))) {
            if (child.cidr().range().overlaps(range)) {
                throw new Conflict("the range " + range + " overlaps child subnet " + child.cidr());
            }
        }
        if (kind == RangeKind.DHCP) {
            for (Address a : s.addressesIn(subnetId, range, Integer.MAX_VALUE)) {
                if (a.status() != AddressStatus.DHCP) {
                    throw new Conflict("the DHCP range " + range + " would include " + a.ip() + ", "
                            + a.status().label() + " to " + a.holder());
                }
            }
        }
        long id = s.insertRange(subnetId, range, kind, text(description));
        AddressRange created = s.range(id).orElseThrow();
        FreeSpace.rebuild(s, subnet);
        if (log) {
            changes.log(s, ChangeAction.CREATE, "range", subnet.label() + " " + range, null,
                    ChangeWriter.of(subnet, created));
        }
        return created;
    }

    public void deleteRange(long rangeId) {
        database.write(s -> {
            AddressRange range = s.range(rangeId).orElseThrow(() -> new NotFound("range " + rangeId + " does not exist"));
            Subnet subnet = subnet(s, range.subnetId());
            s.deleteRange(rangeId);
            FreeSpace.rebuild(s, subnet);
            changes.log(s, ChangeAction.DELETE, "range", subnet.label() + " " + range.range(),
                    ChangeWriter.of(subnet, range), null);
            return null;
        });
    }

    public List<AddressRange> ranges(long subnetId) {
        return database.read(s -> {
            subnet(s, subnetId);
            return s.ranges(subnetId);
        });
    }

    // ================================================================= addresses

    /** Takes a specific address of a subnet. */
    public Address reserve(long subnetId, Ip ip, AddressDetails details) {
        validate(details);
        return database.write(s -> reserve(s, subnet(s, subnetId), ip, details));
    }

    private Address reserve(Session s, Subnet subnet, Ip ip, AddressDetails details) {
        Cidr cidr = subnet.cidr();
        if (!cidr.contains(ip)) {
            throw new AddressOutsideSubnet(ip + " is outside " + subnet.label());
        }
        Optional<String> unusable = cidr.unusableReason(ip);
        if (unusable.isPresent()) {
            throw new AddressNotUsable(ip + " is " + unusable.get() + " of " + cidr + " and cannot be assigned");
        }
        s.children(subnet.networkId(), OptionalLong.of(subnet.id())).stream().filter(c -> c.cidr().contains(ip))
                .findFirst().ifPresent(c -> {
                    throw new AddressOutsideSubnet(ip + " lies in child subnet " + c.cidr() + " of " + subnet.label()
                            + "; take it there");
                });
        s.address(subnet.id(), ip).ifPresent(held -> {
            throw inUse(held);
        });
        checkDhcpRule(s, subnet, ip, details.status());
        Address address = s.insertAddress(subnet.id(), ip, details, changes.now());
        FreeSpace.take(s, subnet.id(), ip);
        changes.log(s, ChangeAction.ALLOCATE, "address", subnet.label() + " " + ip, null,
                ChangeWriter.of(subnet, address));
        return address;
    }

    private static AddressInUse inUse(Address held) {
        return new AddressInUse(held.ip(), held.holder(),
                held.ip() + " is already " + held.status().label() + " to " + held.holder());
    }

    private static void checkDhcpRule(Session s, Subnet subnet, Ip ip, AddressStatus status) {
        if (status == AddressStatus.DHCP) {
            return;
        }
        for (AddressRange r : s.ranges(subnet.id())) {
            if (r.kind() == RangeKind.DHCP && r.range().contains(ip)) {
                throw new AddressInRange(ip + " lies in the DHCP range " + r.range()
                        + (r.description().isEmpty() ? "" : " (" + r.description() + ")")
                        + "; only status dhcp may be recorded there");
            }
        }
    }

    /** {@link #checkDhcpRule(Session, Subnet, Ip, AddressStatus)} for every address of a run at once. */
    private static void checkDhcpRule(Session s, Subnet subnet, IpRange run, AddressStatus status) {
        for (AddressRange r : s.ranges(subnet.id())) {
            if (r.kind() == RangeKind.DHCP && r.range().overlaps(run)) {
                checkDhcpRule(s, subnet, max(r.range().start(), run.start()), status);
            }
        }
    }

    /**
     * Allocates {@code count} addresses of a subnet automatically, all or none: the lowest free ones, or
     * uniformly random ones over the whole free space. A count beyond the subnet's free space or over
     * {@link #MAX_ADDRESSES_PER_COMMAND} is refused before anything is written.
     */
    public List<Address> allocateNext(long subnetId, int count, Strategy strategy, AddressDetails details) {
        if (count < 1) {
            throw new InvalidInput("the count must be at least 1, not " + count);
        }
        validate(details);
        return database.write(s -> {
            Subnet subnet = subnet(s, subnetId);
            checkCount(s, subnet, count);
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
     * Refuses a count the subnet cannot satisfy, before anything is written or built: reads the free extents in
     * order only until they hold {@code count} addresses (or more than the cap), so the cost is bounded by the cap.
     */
    private static void checkCount(Session s, Subnet subnet, long count) {
        BigInteger enough = BigInteger.valueOf(Math.min(count, MAX_ADDRESSES_PER_COMMAND + 1L));
        BigInteger[] free = {BigInteger.ZERO};
        s.scanExtents(subnet.id(), extent -> {
            free[0] = free[0].add(extent.size());
            return free[0].compareTo(enough) < 0;
        });
        if (free[0].compareTo(enough) < 0) {
            // the scan saw every extent: free[0] is all the free space there is
            String asked = count + (count == 1 ? " was" : " were") + " asked for";
            throw new SubnetExhausted(free[0].signum() == 0
                    ? subnet.label() + " has no free address left" + (count > 1 ? "; " + asked : "")
                    : subnet.label() + " has " + free[0] + (free[0].equals(BigInteger.ONE) ? " free address; "
                            : " free addresses; ") + asked);
        }
        if (count > MAX_ADDRESSES_PER_COMMAND) {
            throw overCap("allocated", count);
        }
    }

    private static InvalidInput overCap(String done, long count) {
        return new InvalidInput("at most " + MAX_ADDRESSES_PER_COMMAND + " addresses can be " + done
                + " in one command; " + count + " were asked for");
    }

    /**
     * The lowest {@code count} free addresses (there are that many, see {@link #checkCount}): each free extent
     * from the lowest is taken whole, or its first part, with one change to the free space per extent.
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
                checkDhcpRule(s, subnet, run, details.status());
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
            checkDhcpRule(s, subnet, ip, details.status());
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

    /** Allocates {@code n} contiguous free addresses (first fit), all with the same details. */
    public List<Address> allocateBlock(long subnetId, int n, AddressDetails details) {
        checkBlockCount(n);
        validate(details);
        return database.write(s -> {
            Subnet subnet = subnet(s, subnetId);
            IpRange extent = blockExtent(s, subnet, n);
            IpRange run = new IpRange(extent.start(), extent.start().plus(n - 1L));
            FreeSpace.takeRun(s, subnetId, extent, run);
            List<Address> taken = new ArrayList<>(n);
            insertRun(s, subnet, run, details, taken);
            return taken;
        });
    }

    /**
     * The run {@link #allocateBlock} would take now, or its refusal (a count below 1, beyond the free space or over
     * {@link #MAX_ADDRESSES_PER_COMMAND}, no run that long), without taking anything.
     */
    public IpRange blockPlacement(long subnetId, int n) {
        checkBlockCount(n);
        return database.read(s -> {
            IpRange extent = blockExtent(s, subnet(s, subnetId), n);
            return new IpRange(extent.start(), extent.start().plus(n - 1L));
        });
    }

    private static void checkBlockCount(int n) {
        if (n < 1) {
            throw new InvalidInput("a block needs at least 1 address, not " + n);
        }
    }

    /** The lowest free extent that holds {@code n} addresses, after the count was checked against the free space. */
    private static IpRange blockExtent(Session s, Subnet subnet, int n) {
        checkCount(s, subnet, n);
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

    /**
     * Allocates a group (for example one IPv4 and one IPv6 address for a dual-stack host) as one command:
     * specific addresses first, then automatic ones. When any member fails, the ones already taken are
     * given back and the original error is thrown; nothing of the group remains.
     */
    public List<Address> allocateGroup(List<GroupRequest> requests) {
        if (requests.isEmpty()) {
            throw new InvalidInput("a group needs at least one address");
        }
        if (requests.size() > MAX_ADDRESSES_PER_COMMAND) {
            throw overCap("allocated", requests.size());
        }
        requests.forEach(r -> validate(r.details()));
        List<GroupRequest> ordered = new ArrayList<>(requests);
        ordered.sort(Comparator.comparing(r -> r.ip().isEmpty()));
        return database.write(s -> {
            List<Address> taken = new ArrayList<>();
            for (GroupRequest r : ordered) {
                Subnet subnet = subnet(s, r.subnetId());
                taken.add(r.ip().isPresent()
                        ? reserve(s, subnet, r.ip().get(), r.details())
                        : allocateOne(s, subnet, Strategy.FIRST, r.details(), 1));
            }
            return taken;
        });
    }

    /** Gives an address back to its subnet's free space. */
    public Address release(long subnetId, Ip ip) {
        return database.write(s -> release(s, subnet(s, subnetId), ip));
    }

    /**
     * Releases every listed address of a subnet in one transaction: all of them, or none when one is not held
     * (the error names it). Returns what they held, for the caller to show or to take back.
     */
    public List<Address> releaseAll(long subnetId, List<Ip> ips) {
        if (ips.isEmpty()) {
            throw new InvalidInput("no address to release");
        }
        if (ips.size() > MAX_ADDRESSES_PER_COMMAND) {
            throw overCap("released", ips.size());
        }
        return database.write(s -> {
            Subnet subnet = subnet(s, subnetId);
            // what is never free (gateway, ranges, children) is read once, not once per address
            List<IpRange> blocked = FreeSpace.blocked(s, subnet);
            List<Address> released = new ArrayList<>(ips.size());
            for (Ip ip : ips) {
                released.add(release(s, subnet, ip, blocked));
            }
            return released;
        });
    }

    /** The addresses a subnet holds inside {@code range}, in order (what releasing that range would take). */
    public List<Address> addressesIn(long subnetId, IpRange range) {
        return database.read(s -> {
            subnet(s, subnetId);
            return s.addressesIn(subnetId, range, Integer.MAX_VALUE);
        });
    }

    private Address release(Session s, Subnet subnet, Ip ip) {
        return release(s, subnet, ip, FreeSpace.blocked(s, subnet));
    }

    /** Releases one address; {@code blocked} is {@link FreeSpace#blocked} of the subnet. */
    private Address release(Session s, Subnet subnet, Ip ip, List<IpRange> blocked) {
        Address held = s.address(subnet.id(), ip)
                .orElseThrow(() -> new NotFound(ip + " is not held in " + subnet.label()));
        s.deleteAddress(held.id());
        if (FreeSpace.allocatable(subnet, blocked, ip)) {
            FreeSpace.giveBack(s, subnet.id(), ip);
        }
        changes.log(s, ChangeAction.RELEASE, "address", subnet.label() + " " + ip, ChangeWriter.of(subnet, held), null);
        return held;
    }

    /** Changes the details of a held address. */
    public Address update(long subnetId, Ip ip, AddressDetails details) {
        validate(details);
        return database.write(s -> {
            Subnet subnet = subnet(s, subnetId);
            Address before = s.address(subnetId, ip)
                    .orElseThrow(() -> new NotFound(ip + " is not held in " + subnet.label()));
            checkDhcpRule(s, subnet, ip, details.status());
            Instant now = changes.now();
            s.updateAddress(before.id(), details, now);
            Address after = new Address(before.id(), subnetId, ip, details, before.createdAt(), now);
            changes.log(s, ChangeAction.UPDATE, "address", subnet.label() + " " + ip,
                    ChangeWriter.of(subnet, before), ChangeWriter.of(subnet, after));
            return after;
        });
    }

    public List<Address> addresses(long subnetId) {
        return database.read(s -> {
            subnet(s, subnetId);
            return s.addresses(subnetId);
        });
    }

    public Optional<Address> address(long subnetId, Ip ip) {
        return database.read(s -> s.address(subnetId, ip));
    }

    /** The free extents of a subnet, lowest first: the space automatic allocation draws from. */
    public List<IpRange> freeExtents(long subnetId) {
        return database.read(s -> s.extents(subnetId));
    }

    private static void validate(AddressDetails details) {
        Hostnames.problem(details.hostname()).ifPresent(problem -> {
            throw new InvalidInput(problem);
        });
        checkText(Field.OWNER, details.owner());
        checkText(Field.DESCRIPTION, details.description());
    }

    /** Refuses text that {@code field} does not take (a control character, too long): see {@link TextFields}. */
    private static void checkText(Field field, String value) {
        TextFields.problem(field, value).ifPresent(problem -> {
            throw new InvalidInput(problem);
        });
    }

    /** Parses a MAC for callers that hold text, turning a bad value into an {@link InvalidInput}. */
    public static Mac parseMac(String text) {
        try {
            return Mac.parse(text);
        } catch (InvalidAddressException e) {
            throw new InvalidInput(e.getMessage());
        }
    }

    // ================================================================= the address grid

    /**
     * The state of every address in {@code window} (inside the subnet, at most {@value CellStates#MAX_CELLS}
     * addresses): held addresses by status, the gateway, ranges, child subnets and unusable addresses.
     */
    public CellStates cellStates(long subnetId, IpRange window) {
        return database.read(s -> {
            Subnet subnet = subnet(s, subnetId);
            Cidr cidr = subnet.cidr();
            if (!cidr.range().contains(window)) {
                throw new InvalidInput(window + " is not inside " + subnet.label());
            }
            if (window.size().compareTo(BigInteger.valueOf(CellStates.MAX_CELLS)) > 0) {
                throw new InvalidInput("a grid window holds at most " + CellStates.MAX_CELLS + " addresses");
            }
            byte[] codes = new byte[window.size().intValueExact()];
            BigInteger base = window.start().value();
            java.util.function.BiConsumer<IpRange, CellState> paint = (range, state) -> {
                if (range.overlaps(window)) {
                    int from = range.start().value().max(base).subtract(base).intValueExact();
                    int to = range.end().value().min(window.end().value()).subtract(base).intValueExact();
                    java.util.Arrays.fill(codes, from, to + 1, state.code());
                }
            };
            for (Ip edge : List.of(cidr.first(), cidr.last())) {
                if (!cidr.isUsable(edge)) {
                    paint.accept(IpRange.of(edge), CellState.UNUSABLE);
                }
            }
            s.children(subnet.networkId(), OptionalLong.of(subnetId))
                    .forEach(c -> paint.accept(c.cidr().range(), CellState.CHILD_SUBNET));
            for (AddressRange r : s.ranges(subnetId)) {
                paint.accept(r.range(), r.kind() == RangeKind.DHCP ? CellState.DHCP_RANGE : CellState.RESERVED_RANGE);
            }
            s.forEachHeldStatus(subnetId, window, (ip, status) ->
                    codes[ip.value().subtract(base).intValueExact()] = CellState.of(status).code());
            subnet.gateway().ifPresent(g -> paint.accept(IpRange.of(g), CellState.GATEWAY));
            return new CellStates(window, codes);
        });
    }

    /**
     * The block map of a large subnet: {@code view} (the subnet or a block inside it) cut into child blocks
     * of {@code childPrefix} (at most 4,096 of them), each with how many of its usable addresses are held
     * (in the subnet or any subnet nested in it) or lie in a range.
     */
    public List<BlockUsage> blockMap(long subnetId, Cidr view, int childPrefix) {
        return database.read(s -> {
            Subnet subnet = subnet(s, subnetId);
            if (!subnet.cidr().contains(view)) {
                throw new InvalidInput(view + " is not inside " + subnet.label());
            }
            if (childPrefix <= view.prefixLength() || childPrefix > view.version().bits()
                    || childPrefix - view.prefixLength() > 12) {
                throw new InvalidInput("a block map of " + view + " needs a prefix length from /"
                        + (view.prefixLength() + 1) + " to /" + Math.min(view.version().bits(), view.prefixLength() + 12));
            }
            IpRange usable = subnet.cidr().usableRange();
            List<AddressRange> ranges = s.networkRangesOverlapping(subnet.networkId(), view.range());
            BigInteger step = BigInteger.ONE.shiftLeft(view.version().bits() - childPrefix);
            int blocks = 1 << (childPrefix - view.prefixLength());
            List<BlockUsage> map = new ArrayList<>(blocks);
            for (int i = 0; i < blocks; i++) {
                Cidr block = new Cidr(view.first().plus(step.multiply(BigInteger.valueOf(i))), childPrefix);
                IpRange span = block.range();
                BigInteger size = overlap(span, usable);
                BigInteger used = BigInteger.valueOf(s.countNetworkAddressesIn(subnet.networkId(), span));
                for (AddressRange r : ranges) {
                    if (r.range().overlaps(span)) {
                        IpRange part = new IpRange(max(r.range().start(), span.start()), min(r.range().end(), span.end()));
                        used = used.add(part.size())
                                .subtract(BigInteger.valueOf(s.countNetworkAddressesIn(subnet.networkId(), part)));
                    }
                }
                map.add(new BlockUsage(block, size, used.min(size)));
            }
            return map;
        });
    }

    private static BigInteger overlap(IpRange a, IpRange b) {
        if (!a.overlaps(b)) {
            return BigInteger.ZERO;
        }
        return new IpRange(max(a.start(), b.start()), min(a.end(), b.end())).size();
    }

    private static Ip max(Ip a, Ip b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Ip min(Ip a, Ip b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    // ================================================================= search

    /**
     * Finds held addresses across all networks: by IP, by CIDR (every address inside), by MAC, or by text
     * in the host name, owner, MAC or description.
     */
    public List<AddressView> find(String query) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            throw new InvalidInput("the search text is empty");
        }
        if (q.matches("/[0-9.:]+")) {
            // a bare prefix ("$PFX/24" with PFX empty) is a CIDR that lost its address, not text to look for
            try {
                Cidr.parse(q);
            } catch (InvalidAddressException e) {
                throw new InvalidInput(e.getMessage());
            }
        }
        return database.read(s -> {
            List<Address> hits;
            Optional<Ip> ip = tryParse(() -> Ip.parse(q));
            Optional<Cidr> cidr = q.contains("/") ? tryParse(() -> Cidr.parse(q)) : Optional.empty();
            Optional<Mac> mac = tryParse(() -> Mac.parseNotation(q));
            if (ip.isPresent()) {
                hits = s.addressesByIp(ip.get());
            } else if (cidr.isPresent()) {
                hits = s.addressesInRange(cidr.get().range(), SEARCH_LIMIT);
            } else if (mac.isPresent()) {
                // a run of hex digits may be a host name too: both kinds of hit count
                java.util.LinkedHashMap<Long, Address> union = new java.util.LinkedHashMap<>();
                s.addressesByMac(mac.get(), SEARCH_LIMIT).forEach(a -> union.put(a.id(), a));
                s.addressesMatching(q, SEARCH_LIMIT).forEach(a -> union.putIfAbsent(a.id(), a));
                hits = union.values().stream().limit(SEARCH_LIMIT).toList();
            } else {
                hits = s.addressesMatching(q, SEARCH_LIMIT);
            }
            Map<Long, Subnet> subnets = new java.util.HashMap<>();
            return hits.stream().map(a -> new AddressView(a,
                    subnets.computeIfAbsent(a.subnetId(), id -> s.subnet(id).orElseThrow()))).toList();
        });
    }

    private static <T> Optional<T> tryParse(java.util.function.Supplier<T> parser) {
        try {
            return Optional.of(parser.get());
        } catch (InvalidAddressException e) {
            return Optional.empty();
        }
    }

    // ================================================================= usage and history

    /** Utilisation of every subnet (each one including its child subnets), keyed by subnet id. */
    public Map<Long, Usage> usageBySubnet() {
        return database.read(UsageCalculator::compute);
    }

    /** Utilisation of one subnet, its children included; reads only that subnet's subtree. */
    public Usage usage(long subnetId) {
        return database.read(s -> UsageCalculator.computeOne(s, subnet(s, subnetId)));
    }

    /** How many addresses are held in the whole database. */
    public long addressCount() {
        return database.read(Session::countAllAddresses);
    }

    /**
     * Reads the whole database in one read transaction (a consistent snapshot that does not block writers) and gives
     * it to {@code reader}, e.g. to write an export of everything while it reads.
     */
    public <T> T readEverything(java.util.function.Function<DatabaseContents, T> reader) {
        return database.read(s -> reader.apply(new DatabaseContents(s)));
    }

    /** Utilisation of a network: the sum over its top-level subnets. */
    public Usage networkUsage(String networkName) {
        return database.read(s -> {
            Network network = network(s, networkName);
            Map<Long, Usage> all = UsageCalculator.compute(s);
            Usage total = Usage.ZERO;
            for (Subnet subnet : s.children(network.id(), OptionalLong.empty())) {
                total = total.plus(all.get(subnet.id()));
            }
            return total;
        });
    }

    /** How many addresses a subnet holds itself (its children's not counted): what deleting it would take away. */
    public long heldAddressCount(long subnetId) {
        return database.read(s -> {
            subnet(s, subnetId);
            return s.countAddresses(subnetId);
        });
    }

    /** The changes of one address of a subnet (allocate, update, release), newest first. */
    public List<Change> addressHistory(long subnetId, Ip ip, int limit) {
        return database.read(s -> s.changes("address", subnet(s, subnetId).label() + " " + ip, limit));
    }

    /** The change log, newest first; empty type or key means any. */
    public List<Change> history(String objectType, String objectKey, int limit) {
        return database.read(s -> s.changes(text(objectType), text(objectKey), limit));
    }

    /** The change log filtered, newest first, at most {@code limit} rows; days are read in the system's time zone. */
    public List<Change> changes(ChangeFilter filter, int limit) {
        return changes(filter, ZoneId.systemDefault(), limit);
    }

    /**
     * The change log filtered, newest first, at most {@code limit} rows; the filter's days run from midnight to
     * midnight in {@code zone}. A filter with a {@link ChangeFilter#problem() problem} is refused with
     * {@link InvalidInput}.
     */
    public List<Change> changes(ChangeFilter filter, ZoneId zone, int limit) {
        if (limit < 0) {
            throw new InvalidInput("the limit is negative");
        }
        Session.ChangeQuery query = changeQuery(filter, zone);
        return database.read(s -> s.changes(query, limit));
    }

    /** How many changes the filter matches (all of them, not only the first {@code limit}). */
    public long countChanges(ChangeFilter filter, ZoneId zone) {
        Session.ChangeQuery query = changeQuery(filter, zone);
        return database.read(s -> s.countChanges(query));
    }

    /** Everyone who has made a change, in name order (for the History view's user choice). */
    public List<String> changeUsers() {
        return database.read(Session::changeUsers);
    }

    private static Session.ChangeQuery changeQuery(ChangeFilter filter, ZoneId zone) {
        Optional<String> problem = filter.problem();
        if (problem.isPresent()) {
            throw new InvalidInput(problem.get());
        }
        Optional<ChangeFilter.SubnetKey> subnet = filter.subnetKey();
        return new Session.ChangeQuery(
                subnet.filter(k -> k.network().isPresent()).map(ChangeFilter.SubnetKey::label),
                subnet.filter(k -> k.network().isEmpty()).map(k -> k.cidr().toString()),
                filter.ip().map(Ip::toString),
                filter.user(),
                filter.from().map(day -> day.atStartOfDay(zone).toInstant()),
                filter.to().map(day -> day.plusDays(1).atStartOfDay(zone).toInstant()));
    }

    // ================================================================= helpers

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static String requireName(String name, Field field) {
        String clean = text(name);
        if (clean.isEmpty()) {
            throw new InvalidInput("the " + field.label() + " is empty");
        }
        checkText(field, clean);
        return clean;
    }
}
