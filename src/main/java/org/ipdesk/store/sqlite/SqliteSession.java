package org.ipdesk.store.sqlite;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.ipdesk.address.Mac;
import org.ipdesk.model.Address;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressRange;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.Network;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.store.Session;
import org.ipdesk.store.jdbc.Rows;
import org.ipdesk.store.jdbc.RowVersions;

/**
 * The SQLite {@link Session}: the statements of one transaction. Every query is parameterised; nothing is
 * concatenated into SQL. Instances live only inside {@link SqliteDatabase#write} or {@link SqliteDatabase#read}.
 */
final class SqliteSession extends SqliteCopyRows
        implements org.ipdesk.store.jdbc.ObservationSession,
        org.ipdesk.store.jdbc.ZoneSerialSession {
    private static final String SUBNET_COLUMNS = "s.id, s.network_id, n.name, s.version, s.first_ip, s.prefix, "
            + "s.name, s.description, s.vlan, s.gateway, s.parent_id, s.row_version, s.stale_days FROM subnet s JOIN network n ON n.id = s.network_id";
    private static final String ADDRESS_COLUMNS = "a.id, a.subnet_id, a.ip, a.status, a.hostname, a.mac, a.owner, "
            + "a.description, a.created_at, a.updated_at, a.row_version";

    SqliteSession(Connection connection) {
        super(connection);
    }

    /** Nothing to do: every write transaction already began with {@code BEGIN IMMEDIATE}, one writer at a time. */
    @Override
    public void lockSubnet(long subnetId) {
        // the whole file is this transaction's already
    }

    // ---------------------------------------------------------------- networks

    @Override
    public Network insertNetwork(String name, String description) {
        long version = RowVersions.first();
        long id = insert("INSERT INTO network (name, description, row_version) VALUES (?, ?, ?)", name, description,
                version);
        return new Network(id, name, description, version);
    }

    @Override
    public boolean updateNetwork(Network network) {
        return update("UPDATE network SET name = ?, description = ?, row_version = row_version + 1 "
                + "WHERE id = ? AND row_version = ?", network.name(), network.description(), network.id(),
                network.rowVersion()) == 1;
    }

    @Override
    public void deleteNetwork(long id) {
        update("DELETE FROM network WHERE id = ?", id);
    }

    @Override
    public List<Network> networks() {
        return query("SELECT id, name, description, row_version FROM network ORDER BY name COLLATE NOCASE",
                rs -> new Network(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
    }

    @Override
    public Optional<Network> networkByName(String name) {
        return first(query("SELECT id, name, description, row_version FROM network WHERE name = ?",
                rs -> new Network(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)), name));
    }

    // ---------------------------------------------------------------- subnets

    @Override
    public long insertSubnet(long networkId, Cidr cidr, String name, String description, OptionalInt vlan,
                             Optional<Ip> gateway, OptionalLong parentId, OptionalInt staleDays) {
        return insert("INSERT INTO subnet (network_id, version, first_ip, last_ip, prefix, name, description, vlan, "
                        + "gateway, parent_id, row_version, stale_days) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                networkId, cidr.version().number(), cidr.first().toBytes(), cidr.last().toBytes(), cidr.prefixLength(),
                name, description, vlan.isPresent() ? (Object) vlan.getAsInt() : null,
                gateway.map(Ip::toBytes).orElse(null), parentId.isPresent() ? (Object) parentId.getAsLong() : null,
                RowVersions.first(), staleDays.isPresent() ? (Object) staleDays.getAsInt() : null);
    }

    @Override
    public boolean updateSubnetDetails(long id, long rowVersion, String name, String description, OptionalInt vlan,
                                       Optional<Ip> gateway, OptionalInt staleDays) {
        return update("UPDATE subnet SET name = ?, description = ?, vlan = ?, gateway = ?, stale_days = ?, "
                + "row_version = row_version + 1 WHERE id = ? AND row_version = ?", name, description,
                vlan.isPresent() ? (Object) vlan.getAsInt() : null, gateway.map(Ip::toBytes).orElse(null),
                staleDays.isPresent() ? (Object) staleDays.getAsInt() : null, id, rowVersion) == 1;
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
        return first(query("SELECT " + SUBNET_COLUMNS + " WHERE s.id = ?", Rows::subnetRow, id));
    }

    @Override
    public List<Subnet> subnets() {
        return query("SELECT " + SUBNET_COLUMNS + " ORDER BY n.name COLLATE NOCASE, s.version, s.first_ip, s.prefix",
                Rows::subnetRow);
    }

    @Override
    public List<Subnet> subnetsOf(long networkId) {
        return query("SELECT " + SUBNET_COLUMNS + " WHERE s.network_id = ? ORDER BY s.version, s.first_ip, s.prefix",
                Rows::subnetRow, networkId);
    }

    /** Subnets with exactly this CIDR, in any network. */
    @Override
    public List<Subnet> subnetsByCidr(Cidr cidr) {
        return query("SELECT " + SUBNET_COLUMNS + " WHERE s.version = ? AND s.first_ip = ? AND s.prefix = ? "
                        + "ORDER BY n.name COLLATE NOCASE",
                Rows::subnetRow, cidr.version().number(), cidr.first().toBytes(), cidr.prefixLength());
    }

    /** The subnets of a network that contain {@code cidr} (itself included), smallest first. */
    @Override
    public List<Subnet> subnetsContaining(long networkId, Cidr cidr) {
        return query("SELECT " + SUBNET_COLUMNS + " WHERE s.network_id = ? AND s.version = ? AND s.first_ip <= ? "
                        + "AND s.last_ip >= ? ORDER BY s.prefix DESC",
                Rows::subnetRow, networkId, cidr.version().number(), cidr.first().toBytes(), cidr.last().toBytes());
    }

    /** The subnets of a network that lie wholly inside {@code cidr} (itself excluded), in address order. */
    @Override
    public List<Subnet> subnetsInside(long networkId, Cidr cidr) {
        return query("SELECT " + SUBNET_COLUMNS + " WHERE s.network_id = ? AND s.version = ? AND s.first_ip BETWEEN ? AND ? "
                        + "AND s.last_ip <= ? AND NOT (s.first_ip = ? AND s.prefix = ?) ORDER BY s.first_ip, s.prefix",
                Rows::subnetRow, networkId, cidr.version().number(), cidr.first().toBytes(), cidr.last().toBytes(),
                cidr.last().toBytes(), cidr.first().toBytes(), cidr.prefixLength());
    }

    /** The direct children of a subnet, or the top-level subnets of a network when {@code parentId} is empty. */
    @Override
    public List<Subnet> children(long networkId, OptionalLong parentId) {
        if (parentId.isPresent()) {
            return query("SELECT " + SUBNET_COLUMNS + " WHERE s.parent_id = ? ORDER BY s.version, s.first_ip",
                    Rows::subnetRow, parentId.getAsLong());
        }
        return query("SELECT " + SUBNET_COLUMNS + " WHERE s.network_id = ? AND s.parent_id IS NULL "
                + "ORDER BY s.version, s.first_ip", Rows::subnetRow, networkId);
    }

    // ---------------------------------------------------------------- ranges

    @Override
    public long insertRange(long subnetId, IpRange range, RangeKind kind, String description) {
        return insert("INSERT INTO address_range (subnet_id, start_ip, end_ip, kind, description, row_version) "
                        + "VALUES (?, ?, ?, ?, ?, ?)",
                subnetId, range.start().toBytes(), range.end().toBytes(), kind.label(), description, RowVersions.first());
    }

    @Override
    public void deleteRange(long id) {
        update("DELETE FROM address_range WHERE id = ?", id);
    }

    @Override
    public boolean updateRange(long id, long rowVersion, IpRange range, RangeKind kind, String description) {
        return update("UPDATE address_range SET start_ip = ?, end_ip = ?, kind = ?, description = ?, "
                        + "row_version = row_version + 1 WHERE id = ? AND row_version = ?",
                range.start().toBytes(), range.end().toBytes(), kind.label(), description, id, rowVersion) == 1;
    }

    @Override
    public List<AddressRange> ranges(long subnetId) {
        return query("SELECT id, subnet_id, start_ip, end_ip, kind, description, row_version FROM address_range "
                + "WHERE subnet_id = ? ORDER BY start_ip", Rows::rangeRow, subnetId);
    }

    @Override
    public Optional<AddressRange> range(long id) {
        return first(query("SELECT id, subnet_id, start_ip, end_ip, kind, description, row_version FROM address_range WHERE id = ?",
                Rows::rangeRow, id));
    }

    /** Every range of every subnet, with how many held addresses lie inside each. */
    @Override
    public List<RangeOccupancy> rangeOccupancy() {
        return query("SELECT r.id, r.subnet_id, r.start_ip, r.end_ip, r.kind, r.description, r.row_version, "
                + "(SELECT count(*) FROM address a WHERE a.subnet_id = r.subnet_id AND a.ip BETWEEN r.start_ip AND r.end_ip) "
                + "FROM address_range r", rs -> new RangeOccupancy(Rows.rangeRow(rs), rs.getLong(8)));
    }

    /** The ranges of one subnet, with how many held addresses lie inside each. */
    @Override
    public List<RangeOccupancy> rangeOccupancy(long subnetId) {
        return query("SELECT r.id, r.subnet_id, r.start_ip, r.end_ip, r.kind, r.description, r.row_version, "
                + "(SELECT count(*) FROM address a WHERE a.subnet_id = r.subnet_id AND a.ip BETWEEN r.start_ip AND r.end_ip) "
                + "FROM address_range r WHERE r.subnet_id = ?", rs -> new RangeOccupancy(Rows.rangeRow(rs), rs.getLong(8)),
                subnetId);
    }

    // ---------------------------------------------------------------- addresses

    @Override
    public Address insertAddress(long subnetId, Ip ip, AddressDetails details, Instant now) {
        long version = RowVersions.first();
        long id = insert("INSERT INTO address (subnet_id, ip, status, hostname, mac, owner, description, created_at, "
                        + "updated_at, row_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                subnetId, ip.toBytes(), details.status().label(), details.hostname(),
                details.mac().map(Mac::canonical).orElse(""), details.owner(), details.description(), now.toString(),
                now.toString(), version);
        return new Address(id, subnetId, ip, details, now, now, version);
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
                + "hostname, mac, owner, description, created_at, updated_at, row_version) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (NewAddress row : rows) {
                AddressDetails d = row.details();
                bind(ps, subnetId, row.ip().toBytes(), d.status().label(), d.hostname(),
                        d.mac().map(Mac::canonical).orElse(""), d.owner(), d.description(), stamp, stamp,
                        RowVersions.first());
                ps.addBatch();
            }
            ps.executeBatch();
            return rows.size();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public boolean updateAddress(long id, long rowVersion, AddressDetails details, Instant now) {
        return update("UPDATE address SET status = ?, hostname = ?, mac = ?, owner = ?, description = ?, updated_at = ?, "
                        + "row_version = row_version + 1 WHERE id = ? AND row_version = ?",
                details.status().label(), details.hostname(), details.mac().map(Mac::canonical).orElse(""),
                details.owner(), details.description(), now.toString(), id, rowVersion) == 1;
    }

    @Override
    public void deleteAddress(long id) {
        update("DELETE FROM address WHERE id = ?", id);
    }

    @Override
    public boolean deleteAddress(long id, long rowVersion) {
        return update("DELETE FROM address WHERE id = ? AND row_version = ?", id, rowVersion) == 1;
    }

    @Override
    public Optional<Address> address(long subnetId, Ip ip) {
        return first(query("SELECT " + ADDRESS_COLUMNS + " FROM address a WHERE a.subnet_id = ? AND a.ip = ?",
                Rows::addressRow, subnetId, ip.toBytes()));
    }

    @Override
    public List<Address> addresses(long subnetId) {
        return query("SELECT " + ADDRESS_COLUMNS + " FROM address a WHERE a.subnet_id = ? ORDER BY a.ip",
                Rows::addressRow, subnetId);
    }

    /** Held addresses of a subnet inside {@code range}, in order. */
    @Override
    public List<Address> addressesIn(long subnetId, IpRange range, int limit) {
        return query("SELECT " + ADDRESS_COLUMNS + " FROM address a WHERE a.subnet_id = ? AND a.ip BETWEEN ? AND ? "
                        + "ORDER BY a.ip LIMIT ?",
                Rows::addressRow, subnetId, range.start().toBytes(), range.end().toBytes(), limit);
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
        return query("SELECT r.id, r.subnet_id, r.start_ip, r.end_ip, r.kind, r.description, r.row_version FROM address_range r "
                        + "JOIN subnet s ON s.id = r.subnet_id WHERE s.network_id = ? AND s.version = ? "
                        + "AND r.end_ip >= ? AND r.start_ip <= ? ORDER BY r.start_ip",
                Rows::rangeRow, networkId, range.version().number(), range.start().toBytes(), range.end().toBytes());
    }

    /** Held addresses by IP (exact), in any network. */
    @Override
    public List<Address> addressesByIp(Ip ip) {
        return query("SELECT " + ADDRESS_COLUMNS + " FROM address a WHERE a.ip = ? ORDER BY a.subnet_id",
                Rows::addressRow, ip.toBytes());
    }

    /** Held addresses inside {@code range}, in any network. */
    @Override
    public List<Address> addressesInRange(IpRange range, int limit) {
        return query("SELECT " + ADDRESS_COLUMNS + " FROM address a WHERE a.ip BETWEEN ? AND ? AND length(a.ip) = ? "
                        + "ORDER BY a.ip, a.subnet_id LIMIT ?",
                Rows::addressRow, range.start().toBytes(), range.end().toBytes(), range.version().bytes(), limit);
    }

    @Override
    public List<Address> addressesByMac(Mac mac, int limit) {
        return query("SELECT " + ADDRESS_COLUMNS + " FROM address a WHERE a.mac = ? ORDER BY a.ip LIMIT ?",
                Rows::addressRow, mac.canonical(), limit);
    }

    /** Held addresses whose host name, MAC, owner or description holds {@code text} (case-insensitive). */
    @Override
    public List<Address> addressesMatching(String text, int limit) {
        String pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return query("SELECT " + ADDRESS_COLUMNS + " FROM address a WHERE a.hostname LIKE ?1 ESCAPE '\\' "
                        + "OR a.description LIKE ?1 ESCAPE '\\' OR a.owner LIKE ?1 ESCAPE '\\' OR a.mac LIKE ?1 ESCAPE '\\' "
                        + "ORDER BY length(a.ip), a.ip LIMIT ?2",
                Rows::addressRow, pattern, limit);
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
                Rows::extentRow, subnetId));
    }

    /** The extent holding {@code ip}, if {@code ip} is free. */
    @Override
    public Optional<IpRange> extentContaining(long subnetId, Ip ip) {
        return first(query("SELECT start_ip, end_ip FROM free_extent WHERE subnet_id = ? AND start_ip <= ? "
                        + "ORDER BY start_ip DESC LIMIT 1", Rows::extentRow, subnetId, ip.toBytes()))
                .filter(extent -> extent.contains(ip));
    }

    /** The extent that ends exactly at {@code ip}, if any: one index seek. */
    @Override
    public Optional<IpRange> extentEndingAt(long subnetId, Ip ip) {
        return first(query("SELECT start_ip, end_ip FROM free_extent WHERE subnet_id = ? AND start_ip <= ? "
                        + "ORDER BY start_ip DESC LIMIT 1", Rows::extentRow, subnetId, ip.toBytes()))
                .filter(extent -> extent.end().equals(ip));
    }

    @Override
    public Optional<IpRange> extentStartingAt(long subnetId, Ip ip) {
        return first(query("SELECT start_ip, end_ip FROM free_extent WHERE subnet_id = ? AND start_ip = ?",
                Rows::extentRow, subnetId, ip.toBytes()));
    }

    /** Visits the free extents of a subnet in ascending order until {@code visitor} returns false. */
    @Override
    public void scanExtents(long subnetId, java.util.function.Predicate<IpRange> visitor) {
        try {
            PreparedStatement ps = prepare("SELECT start_ip, end_ip FROM free_extent WHERE subnet_id = ? ORDER BY start_ip");
            bind(ps, subnetId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!visitor.test(Rows.extentRow(rs))) {
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

    /** The sum of the free extents of every subnet, as decimal totals per subnet id. */
    @Override
    public Map<Long, BigInteger> freeCounts() {
        Map<Long, BigInteger> free = new HashMap<>();
        forEach("SELECT subnet_id, start_ip, end_ip FROM free_extent", rs -> free.merge(rs.getLong(1),
                new BigInteger(1, rs.getBytes(3)).subtract(new BigInteger(1, rs.getBytes(2))).add(BigInteger.ONE),
                BigInteger::add));
        return free;
    }

    // ---------------------------------------------------------------- observations (store.jdbc.ObservationSession)

    @Override
    public org.ipdesk.store.jdbc.ObservationTables observationTables() {
        return new org.ipdesk.store.jdbc.ObservationTables(connection, SqliteStatements::failure);
    }

    @Override
    public org.ipdesk.store.jdbc.ZoneSerialTable zoneSerialTable() {
        return new org.ipdesk.store.jdbc.ZoneSerialTable(connection, SqliteStatements::failure);
    }
}
