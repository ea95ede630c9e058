package org.ipdesk.store.sqlite;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.address.IpRange;
import org.ipdesk.address.IpVersion;
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
import org.ipdesk.store.Session;
import org.ipdesk.store.StoreException;

/**
 * The statements of one transaction. Every query is parameterised; nothing is concatenated into SQL.
 * The SQLite {@link Session}. Instances live only inside {@link SqliteDatabase#write} or {@link SqliteDatabase#read}.
 */
final class SqliteSession implements Session {
    private static final String SUBNET_COLUMNS = "s.id, s.network_id, n.name, s.version, s.first_ip, s.prefix, "
            + "s.name, s.description, s.vlan, s.gateway, s.parent_id FROM subnet s JOIN network n ON n.id = s.network_id";
    private static final String ADDRESS_COLUMNS = "a.id, a.subnet_id, a.ip, a.status, a.hostname, a.mac, a.owner, "
            + "a.description, a.created_at, a.updated_at";

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    SqliteSession(Connection connection) {
        this.connection = connection;
    }

    /** Nothing to do: every write transaction already began with {@code BEGIN IMMEDIATE}, one writer at a time. */
    @Override
    public void lockSubnet(long subnetId) {
        // the whole file is this transaction's already
    }

    // ---------------------------------------------------------------- networks

    @Override
    public Network insertNetwork(String name, String description) {
        long id = insert("INSERT INTO network (name, description) VALUES (?, ?)", name, description);
        return new Network(id, name, description);
    }

    @Override
    public void updateNetwork(Network network) {
        update("UPDATE network SET name = ?, description = ? WHERE id = ?", network.name(), network.description(),
                network.id());
    }

    @Override
    public void deleteNetwork(long id) {
        update("DELETE FROM network WHERE id = ?", id);
    }

    @Override
    public List<Network> networks() {
        return query("SELECT id, name, description FROM network ORDER BY name COLLATE NOCASE",
                rs -> new Network(rs.getLong(1), rs.getString(2), rs.getString(3)));
    }

    @Override
    public Optional<Network> networkByName(String name) {
        return first(query("SELECT id, name, description FROM network WHERE name = ?",
                rs -> new Network(rs.getLong(1), rs.getString(2), rs.getString(3)), name));
    }

    // ---------------------------------------------------------------- subnets

    @Override
    public long insertSubnet(long networkId, Cidr cidr, String name, String description, OptionalInt vlan,
                             Optional<Ip> gateway, OptionalLong parentId) {
        return insert("INSERT INTO subnet (network_id, version, first_ip, last_ip, prefix, name, description, vlan, "
                        + "gateway, parent_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                networkId, cidr.version().number(), cidr.first().toBytes(), cidr.last().toBytes(), cidr.prefixLength(),
                name, description, vlan.isPresent() ? (Object) vlan.getAsInt() : null,
                gateway.map(Ip::toBytes).orElse(null), parentId.isPresent() ? (Object) parentId.getAsLong() : null);
    }

    @Override
    public void updateSubnetDetails(long id, String name, String description, OptionalInt vlan, Optional<Ip> gateway) {
        update("UPDATE subnet SET name = ?, description = ?, vlan = ?, gateway = ? WHERE id = ?", name, description,
                vlan.isPresent() ? (Object) vlan.getAsInt() : null, gateway.map(Ip::toBytes).orElse(null), id);
    }

    @Override
    public void setParent(long subnetId, OptionalLong parentId) {
        update("UPDATE subnet SET parent_id = ? WHERE id = ?",
                parentId.isPresent() ? (Object) parentId.getAsLong() : null, subnetId);
    }

    @Override
    public void deleteSubnet(long id) {
        update("DELETE FROM subnet WHERE id = ?", id);
    }

    @Override
    public Optional<Subnet> subnet(long id) {
        return first(query("SELECT " + SUBNET_COLUMNS + " WHERE s.id = ?", SqliteSession::subnetRow, id));
    }

    @Override
    public List<Subnet> subnets() {
        return query("SELECT " + SUBNET_COLUMNS + " ORDER BY n.name COLLATE NOCASE, s.version, s.first_ip, s.prefix",
                SqliteSession::subnetRow);
    }

    @Override
    public List<Subnet> subnetsOf(long networkId) {
        return query("SELECT " + SUBNET_COLUMNS + " WHERE s.network_id = ? ORDER BY s.version, s.first_ip, s.prefix",
                SqliteSession::subnetRow, networkId);
    }

    /** Subnets with exactly this CIDR, in any network. */
    @Override
    public List<Subnet> subnetsByCidr(Cidr cidr) {
        return query("SELECT " + SUBNET_COLUMNS + " WHERE s.version = ? AND s.first_ip = ? AND s.prefix = ? "
                        + "ORDER BY n.name COLLATE NOCASE",
                SqliteSession::subnetRow, cidr.version().number(), cidr.first().toBytes(), cidr.prefixLength());
    }

    /** The subnets of a network that contain {@code cidr} (itself included), smallest first. */
    @Override
    public List<Subnet> subnetsContaining(long networkId, Cidr cidr) {
        return query("SELECT " + SUBNET_COLUMNS + " WHERE s.network_id = ? AND s.version = ? AND s.first_ip <= ? "
                        + "AND s.last_ip >= ? ORDER BY s.prefix DESC",
                SqliteSession::subnetRow, networkId, cidr.version().number(), cidr.first().toBytes(), cidr.last().toBytes());
    }

    /** The subnets of a network that lie wholly inside {@code cidr} (itself excluded), in address order. */
    @Override
    public List<Subnet> subnetsInside(long networkId, Cidr cidr) {
        return query("SELECT " + SUBNET_COLUMNS + " WHERE s.network_id = ? AND s.version = ? AND s.first_ip BETWEEN ? AND ? "
                        + "AND s.last_ip <= ? AND NOT (s.first_ip = ? AND s.prefix = ?) ORDER BY s.first_ip, s.prefix",
                SqliteSession::subnetRow, networkId, cidr.version().number(), cidr.first().toBytes(), cidr.last().toBytes(),
                cidr.last().toBytes(), cidr.first().toBytes(), cidr.prefixLength());
    }

    /** The direct children of a subnet, or the top-level subnets of a network when {@code parentId} is empty. */
    @Override
    public List<Subnet> children(long networkId, OptionalLong parentId) {
        if (parentId.isPresent()) {
            return query("SELECT " + SUBNET_COLUMNS + " WHERE s.parent_id = ? ORDER BY s.version, s.first_ip",
                    SqliteSession::subnetRow, parentId.getAsLong());
        }
        return query("SELECT " + SUBNET_COLUMNS + " WHERE s.network_id = ? AND s.parent_id IS NULL "
                + "ORDER BY s.version, s.first_ip", SqliteSession::subnetRow, networkId);
    }

    private static Subnet subnetRow(ResultSet rs) throws SQLException {
        IpVersion version = rs.getInt(4) == 4 ? IpVersion.V4 : IpVersion.V6;
        Ip first = Ip.fromBytes(rs.getBytes(5));
        if (first.version() != version) {
            throw new SQLException("subnet " + rs.getLong(1) + " has a malformed address");
        }
        int vlan = rs.getInt(9);
        OptionalInt vlanValue = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(vlan);
        byte[] gateway = rs.getBytes(10);
        long parent = rs.getLong(11);
        OptionalLong parentValue = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(parent);
        return new Subnet(rs.getLong(1), rs.getLong(2), rs.getString(3), new Cidr(first, rs.getInt(6)),
                rs.getString(7), rs.getString(8), vlanValue,
                gateway == null ? Optional.empty() : Optional.of(Ip.fromBytes(gateway)), parentValue);
    }

    // ---------------------------------------------------------------- ranges

    @Override
    public long insertRange(long subnetId, IpRange range, RangeKind kind, String description) {
        return insert("INSERT INTO address_range (subnet_id, start_ip, end_ip, kind, description) VALUES (?, ?, ?, ?, ?)",
                subnetId, range.start().toBytes(), range.end().toBytes(), kind.label(), description);
    }

    @Override
    public void deleteRange(long id) {
        update("DELETE FROM address_range WHERE id = ?", id);
    }

    @Override
    public List<AddressRange> ranges(long subnetId) {
        return query("SELECT id, subnet_id, start_ip, end_ip, kind, description FROM address_range "
                + "WHERE subnet_id = ? ORDER BY start_ip", SqliteSession::rangeRow, subnetId);
    }

    @Override
    public Optional<AddressRange> range(long id) {
        return first(query("SELECT id, subnet_id, start_ip, end_ip, kind, description FROM address_range WHERE id = ?",
                SqliteSession::rangeRow, id));
    }

    /** Every range of every subnet, with how many held addresses lie inside each. */
    @Override
    public List<RangeOccupancy> rangeOccupancy() {
        return query("SELECT r.id, r.subnet_id, r.start_ip, r.end_ip, r.kind, r.description, "
                + "(SELECT count(*) FROM address a WHERE a.subnet_id = r.subnet_id AND a.ip BETWEEN r.start_ip AND r.end_ip) "
                + "FROM address_range r", rs -> new RangeOccupancy(rangeRow(rs), rs.getLong(7)));
    }

    /** The ranges of one subnet, with how many held addresses lie inside each. */
    @Override
    public List<RangeOccupancy> rangeOccupancy(long subnetId) {
        return query("SELECT r.id, r.subnet_id, r.start_ip, r.end_ip, r.kind, r.description, "
                + "(SELECT count(*) FROM address a WHERE a.subnet_id = r.subnet_id AND a.ip BETWEEN r.start_ip AND r.end_ip) "
                + "FROM address_range r WHERE r.subnet_id = ?", rs -> new RangeOccupancy(rangeRow(rs), rs.getLong(7)),
                subnetId);
    }

    private static AddressRange rangeRow(ResultSet rs) throws SQLException {
        return new AddressRange(rs.getLong(1), rs.getLong(2),
                new IpRange(Ip.fromBytes(rs.getBytes(3)), Ip.fromBytes(rs.getBytes(4))),
                RangeKind.parse(rs.getString(5)), rs.getString(6));
    }

    // ---------------------------------------------------------------- addresses

    @Override
    public Address insertAddress(long subnetId, Ip ip, AddressDetails details, Instant now) {
        long id = insert("INSERT INTO address (subnet_id, ip, status, hostname, mac, owner, description, created_at, "
                        + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                subnetId, ip.toBytes(), details.status().label(), details.hostname(),
                details.mac().map(Mac::canonical).orElse(""), details.owner(), details.description(), now.toString(),
                now.toString());
        return new Address(id, subnetId, ip, details, now, now);
    }

    /**
     * Inserts many addresses of one subnet as one JDBC batch, without reading back ids (bulk loading). The
     * caller keeps the free extents right (see the allocator's rebuild). Returns how many rows were written.
     */
    @Override
    public int insertAddresses(long subnetId, List<NewAddress> rows, Instant now) {
        if (rows.isEmpty()) {
            return 0;
        }
        String stamp = now.toString();
        // a statement of its own: the driver's batch buffer would otherwise stay as large as the largest batch
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO address (subnet_id, ip, status, "
                + "hostname, mac, owner, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (NewAddress row : rows) {
                AddressDetails d = row.details();
                bind(ps, subnetId, row.ip().toBytes(), d.status().label(), d.hostname(),
                        d.mac().map(Mac::canonical).orElse(""), d.owner(), d.description(), stamp, stamp);
                ps.addBatch();
            }
            ps.executeBatch();
            return rows.size();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public void updateAddress(long id, AddressDetails details, Instant now) {
        update("UPDATE address SET status = ?, hostname = ?, mac = ?, owner = ?, description = ?, updated_at = ? "
                        + "WHERE id = ?",
                details.status().label(), details.hostname(), details.mac().map(Mac::canonical).orElse(""),
                details.owner(), details.description(), now.toString(), id);
    }

    @Override
    public void deleteAddress(long id) {
        update("DELETE FROM address WHERE id = ?", id);
    }

    @Override
    public Optional<Address> address(long subnetId, Ip ip) {
        return first(query("SELECT " + ADDRESS_COLUMNS + " FROM address a WHERE a.subnet_id = ? AND a.ip = ?",
                SqliteSession::addressRow, subnetId, ip.toBytes()));
    }

    @Override
    public List<Address> addresses(long subnetId) {
        return query("SELECT " + ADDRESS_COLUMNS + " FROM address a WHERE a.subnet_id = ? ORDER BY a.ip",
                SqliteSession::addressRow, subnetId);
    }

    /** Held addresses of a subnet inside {@code range}, in order. */
    @Override
    public List<Address> addressesIn(long subnetId, IpRange range, int limit) {
        return query("SELECT " + ADDRESS_COLUMNS + " FROM address a WHERE a.subnet_id = ? AND a.ip BETWEEN ? AND ? "
                        + "ORDER BY a.ip LIMIT ?",
                SqliteSession::addressRow, subnetId, range.start().toBytes(), range.end().toBytes(), limit);
    }

    @Override
    public long countAddressesIn(long subnetId, IpRange range) {
        return scalarLong("SELECT count(*) FROM address WHERE subnet_id = ? AND ip BETWEEN ? AND ?", subnetId,
                range.start().toBytes(), range.end().toBytes());
    }

    @Override
    public long countAddresses(long subnetId) {
        return scalarLong("SELECT count(*) FROM address WHERE subnet_id = ?", subnetId);
    }

    /** Streams the held addresses of a subnet in ascending order, without loading them all. */
    @Override
    public void forEachHeldIp(long subnetId, Consumer<Ip> action) {
        forEach("SELECT ip FROM address WHERE subnet_id = ? ORDER BY ip", rs -> action.accept(Ip.fromBytes(rs.getBytes(1))),
                subnetId);
    }

    /** Moves the addresses of {@code from} that lie in {@code range} to subnet {@code to}. */
    @Override
    public int moveAddresses(long from, long to, IpRange range) {
        return update("UPDATE address SET subnet_id = ? WHERE subnet_id = ? AND ip BETWEEN ? AND ?", to, from,
                range.start().toBytes(), range.end().toBytes());
    }

    /** Visits the held addresses of a subnet inside {@code range}, in order, with their status only. */
    @Override
    public void forEachHeldStatus(long subnetId, IpRange range, java.util.function.BiConsumer<Ip, AddressStatus> action) {
        forEach("SELECT ip, status FROM address WHERE subnet_id = ? AND ip BETWEEN ? AND ? ORDER BY ip",
                rs -> action.accept(Ip.fromBytes(rs.getBytes(1)), AddressStatus.parse(rs.getString(2))),
                subnetId, range.start().toBytes(), range.end().toBytes());
    }

    /** How many addresses of a network, in any of its subnets, lie inside {@code range}. */
    @Override
    public long countNetworkAddressesIn(long networkId, IpRange range) {
        return scalarLong("SELECT count(*) FROM address a JOIN subnet s ON s.id = a.subnet_id "
                        + "WHERE a.ip BETWEEN ? AND ? AND length(a.ip) = ? AND s.network_id = ?",
                range.start().toBytes(), range.end().toBytes(), range.version().bytes(), networkId);
    }

    /** The ranges of a network's subnets that overlap {@code range}. */
    @Override
    public List<AddressRange> networkRangesOverlapping(long networkId, IpRange range) {
        return query("SELECT r.id, r.subnet_id, r.start_ip, r.end_ip, r.kind, r.description FROM address_range r "
                        + "JOIN subnet s ON s.id = r.subnet_id WHERE s.network_id = ? AND s.version = ? "
                        + "AND r.end_ip >= ? AND r.start_ip <= ? ORDER BY r.start_ip",
                SqliteSession::rangeRow, networkId, range.version().number(), range.start().toBytes(), range.end().toBytes());
    }

    /** Held addresses by IP (exact), in any network. */
    @Override
    public List<Address> addressesByIp(Ip ip) {
        return query("SELECT " + ADDRESS_COLUMNS + " FROM address a WHERE a.ip = ? ORDER BY a.subnet_id",
                SqliteSession::addressRow, ip.toBytes());
    }

    /** Held addresses inside {@code range}, in any network. */
    @Override
    public List<Address> addressesInRange(IpRange range, int limit) {
        return query("SELECT " + ADDRESS_COLUMNS + " FROM address a WHERE a.ip BETWEEN ? AND ? AND length(a.ip) = ? "
                        + "ORDER BY a.ip, a.subnet_id LIMIT ?",
                SqliteSession::addressRow, range.start().toBytes(), range.end().toBytes(), range.version().bytes(), limit);
    }

    @Override
    public List<Address> addressesByMac(Mac mac, int limit) {
        return query("SELECT " + ADDRESS_COLUMNS + " FROM address a WHERE a.mac = ? ORDER BY a.ip LIMIT ?",
                SqliteSession::addressRow, mac.canonical(), limit);
    }

    /** Held addresses whose host name, MAC, owner or description holds {@code text} (case-insensitive). */
    @Override
    public List<Address> addressesMatching(String text, int limit) {
        String pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return query("SELECT " + ADDRESS_COLUMNS + " FROM address a WHERE a.hostname LIKE ?1 ESCAPE '\\' "
                        + "OR a.description LIKE ?1 ESCAPE '\\' OR a.owner LIKE ?1 ESCAPE '\\' OR a.mac LIKE ?1 ESCAPE '\\' "
                        + "ORDER BY length(a.ip), a.ip LIMIT ?2",
                SqliteSession::addressRow, pattern, limit);
    }

    private static Address addressRow(ResultSet rs) throws SQLException {
        String mac = rs.getString(6);
        AddressDetails details = new AddressDetails(AddressStatus.parse(rs.getString(4)), rs.getString(5),
                mac.isEmpty() ? Optional.empty() : Optional.of(new Mac(mac)), rs.getString(7), rs.getString(8));
        return new Address(rs.getLong(1), rs.getLong(2), Ip.fromBytes(rs.getBytes(3)), details,
                Instant.parse(rs.getString(9)), Instant.parse(rs.getString(10)));
    }

    /** Held-address counts per subnet and status, for every subnet: one pass over a covering index. */
    @Override
    public Map<Long, Map<AddressStatus, Long>> statusCounts() {
        Map<Long, Map<AddressStatus, Long>> counts = new HashMap<>();
        forEach("SELECT subnet_id, status, count(*) FROM address GROUP BY subnet_id, status",
                rs -> counts.computeIfAbsent(rs.getLong(1), k -> new java.util.EnumMap<>(AddressStatus.class))
                        .put(AddressStatus.parse(rs.getString(2)), rs.getLong(3)));
        return counts;
    }

    /** Held-address counts of one subnet per status. */
    @Override
    public Map<AddressStatus, Long> statusCounts(long subnetId) {
        Map<AddressStatus, Long> counts = new java.util.EnumMap<>(AddressStatus.class);
        forEach("SELECT status, count(*) FROM address WHERE subnet_id = ? GROUP BY status",
                rs -> counts.put(AddressStatus.parse(rs.getString(1)), rs.getLong(2)), subnetId);
        return counts;
    }

    /** How many addresses the database holds, in every subnet. */
    @Override
    public long countAllAddresses() {
        return scalarLong("SELECT count(*) FROM address");
    }

    /** Subnet ids whose gateway is held as an address. */
    @Override
    public java.util.Set<Long> subnetsWithHeldGateway() {
        java.util.Set<Long> ids = new java.util.HashSet<>();
        forEach("SELECT s.id FROM subnet s JOIN address a ON a.subnet_id = s.id AND a.ip = s.gateway",
                rs -> ids.add(rs.getLong(1)));
        return ids;
    }

    // ---------------------------------------------------------------- free extents

    /** The lowest free extent of a subnet. */
    @Override
    public Optional<IpRange> firstExtent(long subnetId) {
        return first(query("SELECT start_ip, end_ip FROM free_extent WHERE subnet_id = ? ORDER BY start_ip LIMIT 1",
                SqliteSession::extentRow, subnetId));
    }

    /** The extent holding {@code ip}, if {@code ip} is free. */
    @Override
    public Optional<IpRange> extentContaining(long subnetId, Ip ip) {
        return first(query("SELECT start_ip, end_ip FROM free_extent WHERE subnet_id = ? AND start_ip <= ? "
                        + "ORDER BY start_ip DESC LIMIT 1", SqliteSession::extentRow, subnetId, ip.toBytes()))
                .filter(extent -> extent.contains(ip));
    }

    /** The extent that ends exactly at {@code ip}, if any: one index seek. */
    @Override
    public Optional<IpRange> extentEndingAt(long subnetId, Ip ip) {
        return first(query("SELECT start_ip, end_ip FROM free_extent WHERE subnet_id = ? AND start_ip <= ? "
                        + "ORDER BY start_ip DESC LIMIT 1", SqliteSession::extentRow, subnetId, ip.toBytes()))
                .filter(extent -> extent.end().equals(ip));
    }

    @Override
    public Optional<IpRange> extentStartingAt(long subnetId, Ip ip) {
        return first(query("SELECT start_ip, end_ip FROM free_extent WHERE subnet_id = ? AND start_ip = ?",
                SqliteSession::extentRow, subnetId, ip.toBytes()));
    }

    /** Visits the free extents of a subnet in ascending order until {@code visitor} returns false. */
    @Override
    public void scanExtents(long subnetId, java.util.function.Predicate<IpRange> visitor) {
        try {
            PreparedStatement ps = prepare("SELECT start_ip, end_ip FROM free_extent WHERE subnet_id = ? ORDER BY start_ip");
            bind(ps, subnetId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!visitor.test(extentRow(rs))) {
                        return;
                    }
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public List<IpRange> extents(long subnetId) {
        List<IpRange> all = new ArrayList<>();
        scanExtents(subnetId, all::add);
        return all;
    }

    @Override
    public void insertExtent(long subnetId, IpRange extent) {
        update("INSERT INTO free_extent (subnet_id, start_ip, end_ip) VALUES (?, ?, ?)", subnetId,
                extent.start().toBytes(), extent.end().toBytes());
    }

    @Override
    public void deleteExtent(long subnetId, Ip start) {
        update("DELETE FROM free_extent WHERE subnet_id = ? AND start_ip = ?", subnetId, start.toBytes());
    }

    @Override
    public void deleteExtents(long subnetId) {
        update("DELETE FROM free_extent WHERE subnet_id = ?", subnetId);
    }

    private static IpRange extentRow(ResultSet rs) throws SQLException {
        return new IpRange(Ip.fromBytes(rs.getBytes(1)), Ip.fromBytes(rs.getBytes(2)));
    }

    /** The sum of the free extents of every subnet, as decimal totals per subnet id. */
    @Override
    public Map<Long, BigInteger> freeCounts() {
        Map<Long, BigInteger> free = new HashMap<>();
        forEach("SELECT subnet_id, start_ip, end_ip FROM free_extent", rs -> free.merge(rs.getLong(1),
                new BigInteger(1, rs.getBytes(3)).subtract(new BigInteger(1, rs.getBytes(2))).add(BigInteger.ONE),
                BigInteger::add));
        return free;
    }

    // ---------------------------------------------------------------- change log

    @Override
    public void insertChange(Instant at, String user, ChangeAction action, String objectType, String objectKey,
                             String before, String after) {
        insert("INSERT INTO change_log (at, os_user, action, object_type, object_key, before_json, after_json) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                at.toString(), user, action.label(), objectType, objectKey, before.isEmpty() ? null : before,
                after.isEmpty() ? null : after);
    }

    /** The newest changes first; {@code objectKey} filters when not empty. */
    @Override
    public List<Change> changes(String objectType, String objectKey, int limit) {
        return query("SELECT id, at, os_user, action, object_type, object_key, before_json, after_json FROM change_log "
                        + "WHERE (?1 = '' OR object_type = ?1) AND (?2 = '' OR object_key = ?2) ORDER BY id DESC LIMIT ?3",
                SqliteSession::changeRow, objectType, objectKey, limit);
    }

    private static final String CHANGE_COLUMNS = "SELECT id, at, os_user, action, object_type, object_key, before_json, "
            + "after_json FROM change_log WHERE 1 = 1";
    /**
     * The subnet's own row, or a range or address row whose key is the label, a space and one word (an IP or a
     * range): a range seek on the change_log_object index (object_type, object_key) for the three types.
     */
    private static final String BY_SUBNET_LABEL = " AND object_type IN ('subnet', 'range', 'address') "
            + "AND object_key >= ? AND object_key < ? AND ((object_type = 'subnet' AND object_key = ?) "
            + "OR (object_type <> 'subnet' AND substr(object_key, length(?) + 1, 1) = ' ' "
            + "AND instr(substr(object_key, length(?) + 2), ' ') = 0))";
    /** Keys that start "CIDR in ": the subnet, its ranges and its addresses in every network; an index seek. */
    private static final String BY_SUBNET_CIDR = " AND object_type IN ('subnet', 'range', 'address') "
            + "AND object_key >= ? AND object_key < ?";
    private static final String BY_IP = " AND object_type = 'address' AND object_key LIKE ? ESCAPE '\\'";
    private static final String BY_USER = " AND os_user = ?";
    private static final String FROM = " AND at >= ?";
    private static final String UNTIL = " AND at < ?";
    /**
     * Times are stored as {@link Instant#toString()}, whose fraction of a second comes and goes
     * ("...T10:00:00Z", "...T10:00:00.5Z"), so a bound is written to the second with no zone letter: a prefix of
     * every time in that second, hence below them all in text order, and above every earlier second.
     */
    private static final java.time.format.DateTimeFormatter BOUND =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(java.time.ZoneOffset.UTC);

    /** The changes that match, newest first, at most {@code limit}. */
    @Override
    public List<Change> changes(ChangeQuery query, int limit) {
        List<Object> params = new ArrayList<>();
        String where = changeWhere(query, params);
        params.add(limit);
        return query(CHANGE_COLUMNS + where + " ORDER BY id DESC LIMIT ?", SqliteSession::changeRow, params.toArray());
    }

    /** How many changes match. */
    @Override
    public long countChanges(ChangeQuery query) {
        List<Object> params = new ArrayList<>();
        String where = changeWhere(query, params);
        return scalarLong("SELECT count(*) FROM change_log WHERE 1 = 1" + where, params.toArray());
    }

    /** Everyone who has made a change, in name order. */
    @Override
    public List<String> changeUsers() {
        return query("SELECT DISTINCT os_user FROM change_log ORDER BY os_user COLLATE NOCASE", rs -> rs.getString(1));
    }

    /** The WHERE clause (constant fragments only) for {@code query}; its values go to {@code params}, in order. */
    private static String changeWhere(ChangeQuery query, List<Object> params) {
        StringBuilder where = new StringBuilder();
        if (query.subnetLabel().isPresent()) {
            String label = query.subnetLabel().get();
            where.append(BY_SUBNET_LABEL);
            // every key "label" or "label <word>": from the label up to (not including) "label!", as ' ' < '!'
            params.addAll(List.of(label, label + "!", label, label, label));
        }
        if (query.subnetCidr().isPresent()) {
            String prefix = query.subnetCidr().get() + " in ";
            where.append(BY_SUBNET_CIDR);
            params.addAll(List.of(prefix, query.subnetCidr().get() + " in!"));
        }
        if (query.ip().isPresent()) {
            where.append(BY_IP);
            params.add("% " + likeEscaped(query.ip().get()));
        }
        if (query.user().isPresent()) {
            where.append(BY_USER);
            params.add(query.user().get());
        }
        if (query.from().isPresent()) {
            where.append(FROM);
            params.add(BOUND.format(query.from().get()));
        }
        if (query.until().isPresent()) {
            where.append(UNTIL);
            params.add(BOUND.format(query.until().get()));
        }
        return where.toString();
    }

    /** {@code text} for a LIKE pattern with a backslash as ESCAPE: its own %, _ and backslash match only themselves. */
    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Change changeRow(ResultSet rs) throws SQLException {
        return new Change(rs.getLong(1), Instant.parse(rs.getString(2)), rs.getString(3),
                ChangeAction.valueOf(rs.getString(4).toUpperCase(java.util.Locale.ROOT)), rs.getString(5),
                rs.getString(6), nullToEmpty(rs.getString(7)), nullToEmpty(rs.getString(8)));
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    // ---------------------------------------------------------------- plumbing

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    private interface RowVisitor {
        void visit(ResultSet rs) throws SQLException;
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            statements.put(sql, ps);
        }
        return ps;
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p == null) {
                ps.setNull(i + 1, Types.NULL);
            } else if (p instanceof byte[] bytes) {
                ps.setBytes(i + 1, bytes);
            } else if (p instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (p instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else {
                ps.setString(i + 1, p.toString());
            }
        }
    }

    private <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = new ArrayList<>();
        forEach(sql, rs -> rows.add(mapper.map(rs)), params);
        return rows;
    }

    private void forEach(String sql, RowVisitor visitor, Object... params) {
        try {
            PreparedStatement ps = prepare(sql);
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    visitor.visit(rs);
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private long scalarLong(String sql, Object... params) {
        return query(sql, rs -> rs.getLong(1), params).get(0);
    }

    private static <T> Optional<T> first(List<T> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private int update(String sql, Object... params) {
        try {
            PreparedStatement ps = prepare(sql);
            bind(ps, params);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private long insert(String sql, Object... params) {
        update(sql, params);
        return scalarLong("SELECT last_insert_rowid()");
    }

    private static StoreException failure(SQLException e) {
        if (e instanceof org.sqlite.SQLiteException sqlite
                && sqlite.getResultCode().name().startsWith("SQLITE_CONSTRAINT")) {
            return new ConstraintViolation(SqliteDatabase.describe(e), e);
        }
        return new StoreException("database error: " + SqliteDatabase.describe(e), e);
    }

    void close() {
        for (PreparedStatement ps : statements.values()) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // closing
            }
        }
        statements.clear();
    }
}
