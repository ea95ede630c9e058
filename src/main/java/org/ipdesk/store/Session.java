package org.ipdesk.store;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.address.IpRange;
import org.ipdesk.address.Mac;
import org.ipdesk.model.Address;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressRange;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.Change;
import org.ipdesk.model.ChangeAction;
import org.ipdesk.model.Network;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;

/**
 * The statements of one transaction, whatever the engine ({@code org.ipdesk.store.sqlite},
 * {@code org.ipdesk.store.postgres}). Every query
 * is parameterised; nothing is concatenated into SQL. Instances live only inside {@link Database#write},
 * {@link Database#read} or {@link Database#rehearse}.
 */
public interface Session {
    /**
     * Locks one subnet for the rest of this write transaction, before its free space is checked and an address
     * taken, so that two writers never hand out the same address. Only that subnet: never a global lock. SQLite
     * needs nothing more than its {@code BEGIN IMMEDIATE} (one writer at a time), so there it does nothing; a server
     * engine takes a row lock on the subnet or a transaction-scoped advisory lock.
     */
    void lockSubnet(long subnetId);

    /**
     * Locks the subnet tree of one network for the rest of this write transaction, before a subnet is created or
     * deleted there, so that two writers never both take the same place in the tree (an overlapping subnet created
     * at the same time would otherwise miss its parent). Only that network, and only for subnet commands: address
     * commands lock their subnet alone. A lock of a network is always taken before any lock of its subnets. SQLite's
     * {@code BEGIN IMMEDIATE} already lets one writer in at a time, so there it does nothing.
     */
    default void lockNetwork(long networkId) {
        // one writer at a time already
    }

    Network insertNetwork(String name, String description);

    /**
     * Writes a network's name and description if it still has the row version it was read at
     * ({@code network.rowVersion()}), and raises that version: one conditional statement. False, with nothing written,
     * when the network is gone or someone else changed it since.
     */
    boolean updateNetwork(Network network);

    void deleteNetwork(long id);

    List<Network> networks();

    Optional<Network> networkByName(String name);

    long insertSubnet(long networkId, Cidr cidr, String name, String description, OptionalInt vlan,
                             Optional<Ip> gateway, OptionalLong parentId, OptionalInt staleDays);

    /**
     * Writes a subnet's name, description, VLAN, gateway and stale days if it still has {@code rowVersion}, and raises
     * it: one conditional statement. False, with nothing written, when the subnet is gone or someone else changed it
     * since.
     */
    boolean updateSubnetDetails(long id, long rowVersion, String name, String description, OptionalInt vlan,
                                Optional<Ip> gateway, OptionalInt staleDays);

    void setParent(long subnetId, OptionalLong parentId);

    void deleteSubnet(long id);

    Optional<Subnet> subnet(long id);

    List<Subnet> subnets();

    List<Subnet> subnetsOf(long networkId);

    /** Subnets with exactly this CIDR, in any network. */
    List<Subnet> subnetsByCidr(Cidr cidr);

    /** The subnets of a network that contain {@code cidr} (itself included), smallest first. */
    List<Subnet> subnetsContaining(long networkId, Cidr cidr);

    /** The subnets of a network that lie wholly inside {@code cidr} (itself excluded), in address order. */
    List<Subnet> subnetsInside(long networkId, Cidr cidr);

    /** The direct children of a subnet, or the top-level subnets of a network when {@code parentId} is empty. */
    List<Subnet> children(long networkId, OptionalLong parentId);

    long insertRange(long subnetId, IpRange range, RangeKind kind, String description);

    void deleteRange(long id);

    /**
     * Changes a range's addresses, kind and description (its subnet stays) if it still has {@code rowVersion}, and
     * raises it: one conditional statement. False, with nothing written, when the range is gone or was changed since.
     */
    boolean updateRange(long id, long rowVersion, IpRange range, RangeKind kind, String description);

    List<AddressRange> ranges(long subnetId);

    Optional<AddressRange> range(long id);

    /** Every range of every subnet, with how many held addresses lie inside each. */
    List<RangeOccupancy> rangeOccupancy();

    /** The ranges of one subnet, with how many held addresses lie inside each. */
    List<RangeOccupancy> rangeOccupancy(long subnetId);

    /** A range and the number of held addresses inside it. */
    record RangeOccupancy(AddressRange range, long held) {
    }

    Address insertAddress(long subnetId, Ip ip, AddressDetails details, Instant now);

    /** One address to bulk-load: its IP and details, no id yet. */
    record NewAddress(Ip ip, AddressDetails details) {
    }

    /**
     * Inserts many addresses of one subnet as one JDBC batch, without reading back ids (bulk loading). The
     * caller keeps the free extents right (see the allocator's rebuild). Returns how many rows were written.
     */
    int insertAddresses(long subnetId, List<NewAddress> rows, Instant now);

    /**
     * Writes an address's details if it still has {@code rowVersion}, and raises it: one conditional statement. False,
     * with nothing written, when the address is gone or someone else changed it since.
     */
    boolean updateAddress(long id, long rowVersion, AddressDetails details, Instant now);

    void deleteAddress(long id);

    /**
     * Deletes an address if it still has {@code rowVersion}: one conditional statement. False, with nothing deleted,
     * when it is gone or someone else changed it since.
     */
    boolean deleteAddress(long id, long rowVersion);

    Optional<Address> address(long subnetId, Ip ip);

    List<Address> addresses(long subnetId);

    /** Held addresses of a subnet inside {@code range}, in order. */
    List<Address> addressesIn(long subnetId, IpRange range, int limit);

    long countAddressesIn(long subnetId, IpRange range);

    long countAddresses(long subnetId);

    /** Streams the held addresses of a subnet in ascending order, without loading them all. */
    void forEachHeldIp(long subnetId, Consumer<Ip> action);

    /** Moves the addresses of {@code from} that lie in {@code range} to subnet {@code to}. */
    int moveAddresses(long from, long to, IpRange range);

    /** Visits the held addresses of a subnet inside {@code range}, in order, with their status only. */
    void forEachHeldStatus(long subnetId, IpRange range, java.util.function.BiConsumer<Ip, AddressStatus> action);

    /** How many addresses of a network, in any of its subnets, lie inside {@code range}. */
    long countNetworkAddressesIn(long networkId, IpRange range);

    /** The ranges of a network's subnets that overlap {@code range}. */
    List<AddressRange> networkRangesOverlapping(long networkId, IpRange range);

    /** Held addresses by IP (exact), in any network. */
    List<Address> addressesByIp(Ip ip);

    /** Held addresses inside {@code range}, in any network. */
    List<Address> addressesInRange(IpRange range, int limit);

    List<Address> addressesByMac(Mac mac, int limit);

    /** Held addresses whose host name, MAC, owner or description holds {@code text} (case-insensitive). */
    List<Address> addressesMatching(String text, int limit);

    /** Held-address counts per subnet and status, for every subnet: one pass over a covering index. */
    Map<Long, Map<AddressStatus, Long>> statusCounts();

    /** Held-address counts of one subnet per status. */
    Map<AddressStatus, Long> statusCounts(long subnetId);

    /** How many addresses the database holds, in every subnet. */
    long countAllAddresses();

    /** Subnet ids whose gateway is held as an address. */
    java.util.Set<Long> subnetsWithHeldGateway();

    /** The lowest free extent of a subnet. */
    Optional<IpRange> firstExtent(long subnetId);

    /** The extent holding {@code ip}, if {@code ip} is free. */
    Optional<IpRange> extentContaining(long subnetId, Ip ip);

    /** The extent that ends exactly at {@code ip}, if any: one index seek. */
    Optional<IpRange> extentEndingAt(long subnetId, Ip ip);

    Optional<IpRange> extentStartingAt(long subnetId, Ip ip);

    /** Visits the free extents of a subnet in ascending order until {@code visitor} returns false. */
    void scanExtents(long subnetId, java.util.function.Predicate<IpRange> visitor);

    List<IpRange> extents(long subnetId);

    void insertExtent(long subnetId, IpRange extent);

    void deleteExtent(long subnetId, Ip start);

    void deleteExtents(long subnetId);

    /** The sum of the free extents of every subnet, as decimal totals per subnet id. */
    Map<Long, BigInteger> freeCounts();

    void insertChange(Instant at, String user, ChangeAction action, String objectType, String objectKey,
                             String before, String after);

    /** The newest changes first; {@code objectKey} filters when not empty. */
    List<Change> changes(String objectType, String objectKey, int limit);

    /**
     * Which change-log rows to read, already checked and written the way the change writer writes keys. Every part
     * is optional; present parts must all match.
     *
     * @param subnetLabel a subnet's label ("10.0.0.0/24 in dc1"): the subnet, its ranges and its addresses
     * @param subnetCidr  a canonical CIDR ("10.0.0.0/24"): the same, in any network
     * @param ip          a canonical IP: that address's changes in any subnet
     * @param user        the OS user, exactly
     * @param from        the earliest time, inclusive
     * @param until       the latest time, exclusive
     */
    record ChangeQuery(Optional<String> subnetLabel, Optional<String> subnetCidr, Optional<String> ip,
                       Optional<String> user, Optional<Instant> from, Optional<Instant> until) {
    }

    /** The changes that match, newest first, at most {@code limit}. */
    List<Change> changes(ChangeQuery query, int limit);

    /** How many changes match. */
    long countChanges(ChangeQuery query);

    /** Everyone who has made a change, in name order. */
    List<String> changeUsers();

    // ---------------------------------------------------------------- observations (what the network really uses)

    /**
     * Records a batch of observations in this transaction, with JDBC batches: per address the newest observation wins
     * and an older one never overwrites a newer one (a newer one without a MAC or host name keeps the stored ones);
     * each MAC seen extends or starts a run of the address's MAC history. Never touches the records.
     */
    org.ipdesk.model.ObservationTally recordObservations(List<org.ipdesk.model.Observation> batch);

    /** The stored observations (the newest per address) of the addresses in {@code range}, in address order. */
    List<org.ipdesk.model.Observation> observationsIn(IpRange range);

    /** The MAC history of the addresses in {@code range}: by address, oldest run first. */
    List<org.ipdesk.model.MacSighting> macSightingsIn(IpRange range);

    /** The ignored reconcile findings of the addresses in {@code range}, by address. */
    List<org.ipdesk.model.IgnoredFinding> ignoredFindingsIn(IpRange range);

    /**
     * How many addresses of each subnet were seen within the subnet's stale days before {@code now} ({@code
     * defaultDays} for a subnet without its own), by the subnet's label ("10.0.0.0/24 in dc1"); subnets where none
     * was are left out. One statement for every subnet.
     */
    Map<String, Long> seenCountsBySubnet(Instant now, int defaultDays);

    /** Remembers an ignored finding, replacing an earlier ignore of the same address and kind. */
    void ignoreFinding(org.ipdesk.model.IgnoredFinding finding);

    /** Forgets that {@code finding} was ignored (undo of an ignore): it shows again. False when it was not ignored. */
    boolean forgetIgnoredFinding(org.ipdesk.model.IgnoredFinding finding);

    // ---------------------------------------------------------------- DNS zone serials

    /**
     * The SOA serial last written for a DNS zone ({@code zone}: its name in lower case, without the final dot), or
     * empty when none was written from this database.
     */
    OptionalLong zoneSerial(String zone);

    /** Remembers the serial just written for a zone (as {@link #zoneSerial}), replacing the one before. */
    void storeZoneSerial(String zone, long serial, Instant writtenAt);

    /** Every zone's stored serial, by name (for a whole-database copy). */
    List<ZoneSerial> zoneSerials();

    /** The serial last written for a zone, and when. */
    record ZoneSerial(String zone, long serial, Instant writtenAt) {
    }

    // ---------------------------------------------------------------- whole-database copy (DatabaseCopy)
    // Rows go in as they are, with their own ids, so that ids, parents and the change log's keys stay the same.

    /** Inserts a network with its own id. */
    void copyNetwork(Network network);

    /** Inserts a subnet with its own id and parent id (the parent must be there already); its network name is not read. */
    void copySubnet(Subnet subnet);

    /** Inserts a range with its own id. */
    void copyRange(AddressRange range);

    /** Inserts addresses with their own ids, subnets, details and created and updated times, as one batch. */
    void copyAddresses(List<Address> addresses);

    /** Inserts free extents of one subnet as they are, as one batch. */
    void copyExtents(long subnetId, List<IpRange> extents);

    /** Inserts change-log rows with their own ids, times, users, actions, keys and before and after, as one batch. */
    void copyChanges(List<Change> changes);

    /**
     * Inserts observations, MAC runs and ignored findings as they are, without merging (a copy into an empty
     * database).
     */
    void copyObservations(List<org.ipdesk.model.Observation> observations,
                          List<org.ipdesk.model.MacSighting> sightings, List<org.ipdesk.model.IgnoredFinding> ignored);

    /** Visits every change-log row, oldest (lowest id) first, without loading them all. */
    void forEachChange(Consumer<Change> action);

    /**
     * After rows were inserted with their own ids, makes the next id each table generates follow the highest id in
     * it, so that the next network, subnet, range, address or change gets a new one. SQLite needs nothing (an
     * {@code INTEGER PRIMARY KEY} takes the highest plus one); a server engine moves its sequences.
     */
    void continueIdsAfterCopy();

    /** A UNIQUE, CHECK or foreign-key constraint refused a write: the last line of defence. */
    final class ConstraintViolation extends StoreException {
        public ConstraintViolation(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
