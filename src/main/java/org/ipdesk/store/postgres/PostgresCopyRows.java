package org.ipdesk.store.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import org.ipdesk.address.IpRange;
import org.ipdesk.address.Mac;
import org.ipdesk.model.Address;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressRange;
import org.ipdesk.model.Change;
import org.ipdesk.model.Network;
import org.ipdesk.model.Subnet;
import org.ipdesk.store.ServerLocation;
import org.ipdesk.store.jdbc.Rows;

/**
 * The whole-database copy part of {@link PostgresSession} ({@code org.ipdesk.store.DatabaseCopy}): rows inserted
 * with their own ids, written the way the other statements write them (so a copy holds the same rows as the SQLite
 * engine's), the change log read oldest first in pages of a cursor, and the identity sequences moved past the
 * copied ids at the end.
 */
abstract class PostgresCopyRows extends PostgresChangeLog {
    /** Rows fetched at a time while the change log is streamed (a cursor inside the transaction). */
    private static final int FETCH = 5_000;
    /** Moves the identity sequence of each table with ids past its highest id (the next row gets a new one). */
    private static final List<String> CONTINUE_IDS = List.of(
            "SELECT setval(pg_get_serial_sequence('network', 'id'), COALESCE((SELECT max(id) FROM network), 0) + 1, false)",
            "SELECT setval(pg_get_serial_sequence('subnet', 'id'), COALESCE((SELECT max(id) FROM subnet), 0) + 1, false)",
            "SELECT setval(pg_get_serial_sequence('address_range', 'id'), "
                    + "COALESCE((SELECT max(id) FROM address_range), 0) + 1, false)",
            "SELECT setval(pg_get_serial_sequence('address', 'id'), COALESCE((SELECT max(id) FROM address), 0) + 1, false)",
            "SELECT setval(pg_get_serial_sequence('change_log', 'id'), "
                    + "COALESCE((SELECT max(id) FROM change_log), 0) + 1, false)");

    PostgresCopyRows(Connection connection, ServerLocation location) {
        super(connection, location);
    }

    @Override
    public void copyNetwork(Network network) {
        touched("network:" + network.id());
        update("INSERT INTO network (id, name, description, row_version) VALUES (?, ?, ?, ?)", network.id(),
                network.name(), network.description(), network.rowVersion());
    }

    @Override
    public void copySubnet(Subnet subnet) {
        touched("subnet:" + subnet.id());
        update("INSERT INTO subnet (id, network_id, version, first_ip, last_ip, prefix, name, description, vlan, "
                        + "gateway, parent_id, row_version, stale_days) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                subnet.id(), subnet.networkId(), subnet.cidr().version().number(), subnet.cidr().first().toBytes(),
                subnet.cidr().last().toBytes(), subnet.cidr().prefixLength(), subnet.name(), subnet.description(),
                subnet.vlan().isPresent() ? (Object) subnet.vlan().getAsInt() : null,
                subnet.gateway().map(ip -> (Object) ip.toBytes()).orElse(null),
                subnet.parentId().isPresent() ? (Object) subnet.parentId().getAsLong() : null, subnet.rowVersion(),
                subnet.staleDays().isPresent() ? (Object) subnet.staleDays().getAsInt() : null);
    }

    @Override
    public void copyRange(AddressRange range) {
        touched("subnet:" + range.subnetId());
        update("INSERT INTO address_range (id, subnet_id, start_ip, end_ip, kind, description, row_version) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                range.id(), range.subnetId(), range.range().start().toBytes(), range.range().end().toBytes(),
                range.kind().label(), range.description(), range.rowVersion());
    }

    @Override
    public void copyAddresses(List<Address> addresses) {
        batch("INSERT INTO address (id, subnet_id, ip, status, hostname, mac, owner, description, created_at, "
                + "updated_at, row_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", addresses.stream().map(a -> {
                    touched("subnet:" + a.subnetId());
                    AddressDetails d = a.details();
                    return new Object[] {a.id(), a.subnetId(), a.ip().toBytes(), d.status().label(), d.hostname(),
                            d.mac().map(Mac::canonical).orElse(""), d.owner(), d.description(),
                            a.createdAt().toString(), a.updatedAt().toString(), a.rowVersion()};
                }).toList());
    }

    @Override
    public void copyExtents(long subnetId, List<IpRange> extents) {
        batch("INSERT INTO free_extent (subnet_id, start_ip, end_ip) VALUES (?, ?, ?)", extents.stream()
                .map(e -> new Object[] {subnetId, e.start().toBytes(), e.end().toBytes()}).toList());
    }

    @Override
    public void copyChanges(List<Change> changes) {
        batch("INSERT INTO change_log (id, at, os_user, action, object_type, object_key, before_json, after_json, "
                + "db_user) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", changes.stream().map(c -> new Object[] {c.id(),
                        c.time().toString(), c.user(), c.action().label(), c.objectType(), c.objectKey(),
                        c.before().isEmpty() ? null : c.before(), c.after().isEmpty() ? null : c.after(),
                        c.databaseUser()}).toList());
    }

    @Override
    public void forEachChange(Consumer<Change> action) {
        // a statement of its own with a fetch size: inside a transaction the driver then reads through a cursor,
        // a page at a time, instead of the whole change log at once
        try (PreparedStatement ps = connection.prepareStatement("SELECT id, at, os_user, action, object_type, "
                + "object_key, before_json, after_json, db_user FROM change_log ORDER BY id")) {
            ps.setFetchSize(FETCH);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    action.accept(Rows.changeRow(rs));
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Moves each identity sequence past the highest copied id, so the next row made here gets a new id. */
    @Override
    public void continueIdsAfterCopy() {
        for (String statement : CONTINUE_IDS) {
            forEach(statement, rs -> { });
        }
    }

    /** Runs {@code sql} once per row as one JDBC batch, on a statement of its own. */
    private void batch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                bind(ps, row);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw failure(e);
        }
    }
}
