package org.ipdesk.allocator;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.address.IpRange;
import org.ipdesk.address.Mac;
import org.ipdesk.allocator.AllocatorException.InvalidInput;
import org.ipdesk.model.Address;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressRange;
import org.ipdesk.model.BlockUsage;
import org.ipdesk.model.CellStates;
import org.ipdesk.model.Change;
import org.ipdesk.model.ChangeFilter;
import org.ipdesk.model.Network;
import org.ipdesk.model.PlacedAddress;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.model.Usage;
import org.ipdesk.store.Backup;
import org.ipdesk.store.ChangeFeed;
import org.ipdesk.store.Credentials;
import org.ipdesk.store.Database;
import org.ipdesk.store.DatabaseCopy;
import org.ipdesk.store.Location;
import org.ipdesk.store.OpenMode;
import org.ipdesk.store.OutputTargets;
import org.ipdesk.store.Team;

/**
 * The one facade of the rules, for the CLI and the UI. It delegates: one command service per aggregate
 * ({@link NetworkService}, {@link SubnetService}, {@link RangeService}, {@link AddressService}), each with its rules
 * class ({@link NetworkRules}, {@link SubnetRules}, {@link RangeRules}, {@link AddressRules}); queries apart
 * ({@link GridQueries}, {@link AddressSearch}, {@link UsageQueries}, {@link ChangeLogQueries}); import
 * ({@link Importer}); the store's capabilities as they are ({@link #changeFeed()}, {@link #backup()}). Each public
 * command runs in one write transaction: it completes, or it throws an {@link AllocatorException} and the database is
 * unchanged. Each change writes a change-log row in the same transaction. Validation happens before anything is
 * written.
 */
public final class Allocator implements AutoCloseable {
    /** The most rows a search returns. */
    public static final int SEARCH_LIMIT = 1000;
    /**
     * The most addresses one command allocates or releases: {@code ip next --count}, {@code ip block --count}, a
     * group, a release of several addresses. Larger counts are refused before anything is written.
     */
    public static final int MAX_ADDRESSES_PER_COMMAND = 65_536;

    private final Database database;
    private final ChangeWriter changes;
    private final NetworkService networks;
    private final SubnetService subnets;
    private final RangeService ranges;
    private final AddressService addresses;
    private final GridQueries grid;
    private final AddressSearch search;
    private final UsageQueries usage;
    private final ChangeLogQueries changeLog;
    private final ObservationService observations;
    private final ZoneSerials zoneSerials;

    public Allocator(Database database, Clock clock, String user, Random random) {
        this.database = database;
        this.changes = new ChangeWriter(clock, user);
        this.networks = new NetworkService(database, changes);
        this.subnets = new SubnetService(database, changes);
        this.ranges = new RangeService(database, changes);
        this.addresses = new AddressService(database, changes, random);
        this.grid = new GridQueries(database);
        this.search = new AddressSearch(database);
        this.usage = new UsageQueries(database);
        this.changeLog = new ChangeLogQueries(database);
        this.observations = new ObservationService(database, addresses);
        this.zoneSerials = new ZoneSerials(database, clock);
    }

    /** Opens (creating when absent) the database at {@code location}, as the current OS user. */
    public static Allocator open(Location location) {
        return open(location, OpenMode.CREATE);
    }

    /**
     * Opens the database at {@code location} as the current OS user, with the engine its kind of location calls for;
     * {@code mode} says whether a missing or empty database is started.
     */
    public static Allocator open(Location location, OpenMode mode) {
        return open(location, mode, Credentials.NONE);
    }

    /** Opens the database at {@code location}; a team database takes its password from {@code credentials}. */
    public static Allocator open(Location location, OpenMode mode, Credentials credentials) {
        return new Allocator(Database.open(location, mode, credentials), Clock.systemUTC(),
                System.getProperty("user.name", "unknown"), new SecureRandom());
    }

    /** Where the open database lives; it reads as the file's path in messages and titles. */
    public Location location() {
        return database.location();
    }

    /**
     * The change feed of the open database: how it tells that other writers (another window, the CLI, another user)
     * changed it. SQLite polls its {@code data_version}; ask for it instead of assuming how.
     */
    public ChangeFeed changeFeed() {
        return database.changes();
    }

    @Override
    public void close() {
        database.close();
    }

    /**
     * The backup capability of the open database's engine, when it has one (SQLite: always, its online backup): a
     * consistent copy to a file even while other connections write, with owner-only permissions, that opens as an
     * IPDesk database. The open database itself is refused as the target, and so is everything {@link OutputTargets}
     * refuses, including an existing SQLite database unless {@link OutputTargets.IfDatabase#REPLACE}. Empty: the
     * callers say so ({@link Backup#unavailable}) instead of offering it.
     */
    public Optional<Backup> backup() {
        return database.backup();
    }

    /**
     * Copies the whole open database into the one at {@code target} (a new file, an empty IPDesk database or an
     * empty team database), all or nothing ({@link DatabaseCopy}); {@code cancelled} is asked between batches (a
     * cancel throws a {@link java.util.concurrent.CancellationException} and nothing is written). The open database
     * is only read.
     */
    public DatabaseCopy.Copied copyTo(Location target, Credentials credentials,
                                      java.util.function.BooleanSupplier cancelled, DatabaseCopy.Progress progress) {
        return DatabaseCopy.copy(database, target, credentials, cancelled, progress);
    }

    /**
     * The members and roles of a team database, enforced by its server; empty for a database file
     * ({@link Team#NONE} says so).
     */
    public Optional<Team> team() {
        return database.team();
    }

    // ================================================================= import

    private Importer importer() {
        return new Importer(subnets, ranges, database, changes);
    }

    /**
     * Checks every item of an import against the database and the allocator's rules without writing anything
     * (a rehearsal that is rolled back): one result per item, in file order.
     */
    public ImportPlan previewImport(String source, String layout, List<ImportItem> items) {
        return importer().preview(source, layout, items);
    }

    /**
     * Applies a previewed import as one transaction: every row, or none when any row is an error or a conflict
     * (checked again inside the transaction). The change log records the whole import as one entry.
     */
    public ImportPlan.Applied applyImport(ImportPlan plan) {
        return importer().apply(plan);
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
        return importer().apply(plan, cancelled, progress);
    }

    // ================================================================= networks

    public Network createNetwork(String name, String description) {
        return networks.create(name, description);
    }

    public Network updateNetwork(String name, String newName, String description) {
        return networks.update(name, newName, description, Optional.empty());
    }

    /**
     * Renames or describes the network the editor read as {@code asRead}; refused with
     * {@link AllocatorException.EditedElsewhere} (who, when, what) when someone else changed it since.
     */
    public Network updateNetwork(Network asRead, String newName, String description) {
        return networks.update(asRead.name(), newName, description, Optional.of(asRead));
    }

    /** Deletes an empty network; one that still has subnets is refused, naming how many. */
    public void deleteNetwork(String name) {
        networks.delete(name);
    }

    public List<Network> networks() {
        return networks.networks();
    }

    public Network network(String name) {
        return networks.network(name);
    }

    // ================================================================= subnets

    /**
     * Creates a subnet. Its parent is the smallest subnet of the network that contains it; subnets it
     * contains become its children, and addresses its parent held inside it move to it.
     */
    public Subnet createSubnet(String networkName, SubnetSpec spec) {
        return subnets.create(networkName, spec);
    }

    /**
     * What would stop {@link #createSubnet} from creating this subnet, without creating it: every rule is
     * applied in a transaction that is rolled back. Empty when the subnet could be created.
     */
    public Optional<String> checkCreateSubnet(String networkName, SubnetSpec spec) {
        return subnets.checkCreate(networkName, spec);
    }

    /** What would stop {@link #updateSubnet}, without changing the subnet. Empty when the change could be saved. */
    public Optional<String> checkUpdateSubnet(long subnetId, SubnetSpec spec) {
        return subnets.checkUpdate(subnetId, spec);
    }

    /** What would stop {@link #addRange}, without adding the range. Empty when it could be added. */
    public Optional<String> checkAddRange(long subnetId, Ip start, Ip end, RangeKind kind) {
        return ranges.checkAdd(subnetId, start, end, kind);
    }

    /** What would stop {@link #reserve}, without reserving. Empty when the address could be taken. */
    public Optional<String> checkReserve(long subnetId, Ip ip, AddressDetails details) {
        return addresses.checkReserve(subnetId, ip, details);
    }

    /** Changes a subnet's name, description, VLAN and gateway (its CIDR stays). */
    public Subnet updateSubnet(long subnetId, SubnetSpec spec) {
        return subnets.update(subnetId, spec, Optional.empty());
    }

    /**
     * Changes the subnet the editor read as {@code asRead}; refused with {@link AllocatorException.EditedElsewhere}
     * (who, when, what) when someone else changed it since.
     */
    public Subnet updateSubnet(Subnet asRead, SubnetSpec spec) {
        return subnets.update(asRead.id(), spec, Optional.of(asRead));
    }

    /**
     * Deletes a subnet with its ranges and held addresses; its children move up to its parent. Returns how
     * many addresses went with it.
     */
    public long deleteSubnet(long subnetId) {
        return subnets.delete(subnetId);
    }

    public List<Subnet> subnets() {
        return subnets.subnets();
    }

    public List<Subnet> subnets(String networkName) {
        return subnets.subnets(networkName);
    }

    public Subnet subnet(long id) {
        return subnets.subnet(id);
    }

    /**
     * Finds a subnet by CIDR. When the CIDR exists in several networks, {@code networkName} must pick one;
     * the message lists them.
     */
    public Subnet findSubnet(Cidr cidr, Optional<String> networkName) {
        return subnets.find(cidr, networkName);
    }

    /**
     * Carves the next free child block of {@code prefixLength} out of {@code parentCidr} and creates it:
     * among the free gaps (space not taken by children, ranges, the gateway or held addresses) the smallest
     * one that fits a block wins, and the lowest block in it is taken.
     */
    public Subnet createNextFreeChild(String networkName, Cidr parentCidr, int prefixLength, String name) {
        return subnets.createNextFreeChild(networkName, parentCidr, prefixLength, name);
    }

    // ================================================================= ranges

    /** Adds a DHCP pool or reserved range. It must lie in the usable addresses and overlap nothing. */
    public AddressRange addRange(long subnetId, Ip start, Ip end, RangeKind kind, String description) {
        return ranges.add(subnetId, start, end, kind, description);
    }

    /**
     * Changes a range's start, end, kind and description by the rules of {@link #addRange} (inside the usable
     * addresses, overlapping no other range, child subnet or the gateway; a DHCP range holds only dhcp addresses).
     */
    public AddressRange updateRange(long rangeId, Ip start, Ip end, RangeKind kind, String description) {
        return ranges.update(rangeId, start, end, kind, description, Optional.empty());
    }

    /**
     * Changes the range the editor read as {@code asRead}; refused with {@link AllocatorException.EditedElsewhere}
     * (who, when, what) when someone else changed or deleted it since.
     */
    public AddressRange updateRange(AddressRange asRead, Ip start, Ip end, RangeKind kind, String description) {
        return ranges.update(asRead.id(), start, end, kind, description, Optional.of(asRead));
    }

    /** What would stop {@link #updateRange}, without changing the range. Empty when it could be saved. */
    public Optional<String> checkUpdateRange(long rangeId, Ip start, Ip end, RangeKind kind) {
        return ranges.checkUpdate(rangeId, start, end, kind);
    }

    public void deleteRange(long rangeId) {
        ranges.delete(rangeId);
    }

    public List<AddressRange> ranges(long subnetId) {
        return ranges.ranges(subnetId);
    }

    // ================================================================= addresses

    /** Takes a specific address of a subnet. */
    public Address reserve(long subnetId, Ip ip, AddressDetails details) {
        return addresses.reserve(subnetId, ip, details);
    }

    /**
     * Allocates {@code count} addresses of a subnet automatically, all or none: the lowest free ones, or
     * uniformly random ones over the whole free space. A count beyond the subnet's free space or over
     * {@link #MAX_ADDRESSES_PER_COMMAND} is refused before anything is written.
     */
    public List<Address> allocateNext(long subnetId, int count, Strategy strategy, AddressDetails details) {
        return addresses.allocateNext(subnetId, count, strategy, details);
    }

    /** Allocates {@code n} contiguous free addresses (first fit), all with the same details. */
    public List<Address> allocateBlock(long subnetId, int n, AddressDetails details) {
        return addresses.allocateBlock(subnetId, n, details);
    }

    /**
     * The run {@link #allocateBlock} would take now, or its refusal (a count below 1, beyond the free space or over
     * {@link #MAX_ADDRESSES_PER_COMMAND}, no run that long), without taking anything.
     */
    public IpRange blockPlacement(long subnetId, int n) {
        return addresses.blockPlacement(subnetId, n);
    }

    /**
     * Allocates a group (for example one IPv4 and one IPv6 address for a dual-stack host) as one command:
     * specific addresses first, then automatic ones. When any member fails, the ones already taken are
     * given back and the original error is thrown; nothing of the group remains.
     */
    public List<Address> allocateGroup(List<GroupRequest> requests) {
        return addresses.allocateGroup(requests);
    }

    /** Gives an address back to its subnet's free space. */
    public Address release(long subnetId, Ip ip) {
        return addresses.release(subnetId, ip);
    }

    /**
     * Releases every listed address of a subnet in one transaction: all of them, or none when one is not held
     * (the error names it). Returns what they held, for the caller to show or to take back.
     */
    public List<Address> releaseAll(long subnetId, List<Ip> ips) {
        return addresses.releaseAll(subnetId, ips);
    }

    /**
     * Releases addresses of a subnet as the releaser read them, in one transaction: refused, with nothing released,
     * by {@link AllocatorException.EditedElsewhere} (who, when, what) when someone else changed or released one of
     * them since.
     */
    public List<Address> releaseAsRead(long subnetId, List<Address> asRead) {
        return addresses.releaseAsRead(subnetId, asRead);
    }

    /** The addresses a subnet holds inside {@code range}, in order (what releasing that range would take). */
    public List<Address> addressesIn(long subnetId, IpRange range) {
        return addresses.addressesIn(subnetId, range);
    }

    /** Changes the details of a held address. */
    public Address update(long subnetId, Ip ip, AddressDetails details) {
        return addresses.update(subnetId, ip, details, Optional.empty());
    }

    /**
     * Changes the details of the address the editor read as {@code asRead}; refused with
     * {@link AllocatorException.EditedElsewhere} (who, when, what) when someone else changed or released it since.
     */
    public Address update(Address asRead, AddressDetails details) {
        return addresses.update(asRead.subnetId(), asRead.ip(), details, Optional.of(asRead));
    }

    public List<Address> addresses(long subnetId) {
        return addresses.addresses(subnetId);
    }

    public Optional<Address> address(long subnetId, Ip ip) {
        return addresses.address(subnetId, ip);
    }

    /** The free extents of a subnet, lowest first: the space automatic allocation draws from. */
    public List<IpRange> freeExtents(long subnetId) {
        return addresses.freeExtents(subnetId);
    }

    /** Parses a MAC for callers that hold text, turning a bad value into an {@link InvalidInput}. */
    public static Mac parseMac(String text) {
        return AddressRules.parseMac(text);
    }

    // ================================================================= the address grid

    /**
     * The state of every address in {@code window} (inside the subnet, at most {@value CellStates#MAX_CELLS}
     * addresses): held addresses by status, the gateway, ranges, child subnets and unusable addresses.
     */
    public CellStates cellStates(long subnetId, IpRange window) {
        return grid.cellStates(subnetId, window);
    }

    /**
     * The block map of a large subnet: {@code view} (the subnet or a block inside it) cut into child blocks
     * of {@code childPrefix} (at most 4,096 of them), each with how many of its usable addresses are held
     * (in the subnet or any subnet nested in it) or lie in a range.
     */
    public List<BlockUsage> blockMap(long subnetId, Cidr view, int childPrefix) {
        return grid.blockMap(subnetId, view, childPrefix);
    }

    // ================================================================= search

    /**
     * Finds held addresses across all networks: by IP, by CIDR (every address inside), by MAC, or by text
     * in the host name, owner, MAC or description.
     */
    public List<PlacedAddress> find(String query) {
        return search.find(query);
    }

    // ================================================================= usage and history

    /** Utilisation of every subnet (each one including its child subnets), keyed by subnet id. */
    public Map<Long, Usage> usageBySubnet() {
        return usage.usageBySubnet();
    }

    /** Utilisation of one subnet, its children included; reads only that subnet's subtree. */
    public Usage usage(long subnetId) {
        return usage.usage(subnetId);
    }

    /**
     * Utilisation of one subnet (children included) and, read in the same transaction, how many of its own usable
     * addresses are in each state the address grid draws; the subnet header shows both.
     */
    public org.ipdesk.model.UsageBreakdown usageBreakdown(long subnetId) {
        return usage.breakdown(subnetId);
    }

    /** How many addresses are held in the whole database. */
    public long addressCount() {
        return usage.addressCount();
    }

    /**
     * Reads the whole database in one read transaction (a consistent snapshot that does not block writers) and gives
     * it to {@code reader}, e.g. to write an export of everything while it reads.
     */
    public <T> T readEverything(java.util.function.Function<DatabaseContents, T> reader) {
        return usage.readEverything(reader);
    }

    /** Utilisation of a network: the sum over its top-level subnets. */
    public Usage networkUsage(String networkName) {
        return usage.networkUsage(networkName);
    }

    /** How many addresses a subnet holds itself (its children's not counted): what deleting it would take away. */
    public long heldAddressCount(long subnetId) {
        return usage.heldAddressCount(subnetId);
    }

    /** The changes of one address of a subnet (allocate, update, release), newest first. */
    public List<Change> addressHistory(long subnetId, Ip ip, int limit) {
        return changeLog.addressHistory(subnetId, ip, limit);
    }

    /** The change log, newest first; empty type or key means any. */
    public List<Change> history(String objectType, String objectKey, int limit) {
        return changeLog.history(objectType, objectKey, limit);
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
        return changeLog.changes(filter, zone, limit);
    }

    /** How many changes the filter matches (all of them, not only the first {@code limit}). */
    public long countChanges(ChangeFilter filter, ZoneId zone) {
        return changeLog.countChanges(filter, zone);
    }

    /** Everyone who has made a change, in name order (for the History view's user choice). */
    public List<String> changeUsers() {
        return changeLog.changeUsers();
    }

    // ================================================================= observations and reconcile

    /**
     * Records what files said the network uses, in one transaction: per address the newest observation wins and an
     * older one never overwrites a newer one; each MAC seen goes into the address's MAC history. Never changes a
     * record. Returns how many addresses were new, updated, and how many observations were older than the stored ones.
     */
    public org.ipdesk.model.ObservationTally observe(List<org.ipdesk.model.Observation> batch) {
        return observations.observe(batch);
    }

    /** The newest observation of each address of a subnet (its children's included), in address order. */
    public List<org.ipdesk.model.Observation> observations(long subnetId) {
        return observations.observations(subnetId);
    }

    /** The newest observation of each address in {@code range}, in address order. */
    public List<org.ipdesk.model.Observation> observations(IpRange range) {
        return observations.observations(range);
    }

    /** Which MACs were seen on {@code ip} and when (first and last seen of each run), oldest first. */
    public List<org.ipdesk.model.MacSighting> macHistory(Ip ip) {
        return observations.macHistory(ip);
    }

    /** The reconcile findings ignored inside {@code range}, with what was seen when they were ignored. */
    /**
     * How many addresses of each subnet were seen within its stale days before {@code now} ({@link
     * Subnet#staleDaysOrDefault()}), by the subnet's label ("10.0.0.0/24 in dc1"); a subnet where none was is not in
     * the map. One statement however many subnets there are.
     */
    public Map<String, Long> seenCountsBySubnet(java.time.Instant now) {
        return observations.seenCountsBySubnet(now);
    }

    public List<org.ipdesk.model.IgnoredFinding> ignoredFindings(IpRange range) {
        return observations.ignoredFindings(range);
    }

    /**
     * Applies chosen reconcile steps as one transaction, one change-log entry per address changed: all of them, or
     * none with an {@link AllocatorException.Conflict} naming the step that no longer applies and why. Returns how
     * many steps were applied.
     */
    public int applyReconcile(List<ReconcileStep> steps) {
        return observations.apply(steps);
    }

    // ================================================================= DNS zone serials

    /** The SOA serial last written for a DNS zone (any case, with or without the final dot), if one was. */
    public java.util.OptionalLong zoneSerial(String zone) {
        return zoneSerials.serial(zone);
    }

    /** Remembers the SOA serial just written for a DNS zone (0 to 2^32 - 1), replacing the one before. */
    public void storeZoneSerial(String zone, long serial) {
        zoneSerials.store(zone, serial);
    }
}
