package org.ipdesk.store.sqlite;

import java.sql.Connection;
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
import org.ipdesk.store.jdbc.Rows;

/**
 * The whole-database copy part of {@link SqliteSession} ({@code org.ipdesk.store.DatabaseCopy}): rows inserted as
 * they are, with their own ids, and the change log read oldest first. Values are written the way the other
 * statements write them (addresses as fixed-width BLOBs, times as {@link java.time.Instant#toString()}, an empty
 * before or after as NULL), so a copy holds the same rows.
 */
abstract class SqliteCopyRows extends SqliteChangeLog {
    SqliteCopyRows(Connection connection) {
        super(connection);
    }

    @Override
    public void copyNetwork(Network network) {
        update("INSERT INTO network (id, name, description, row_version) VALUES (?, ?, ?, ?)", network.id(),
                network.name(), network.description(), network.rowVersion());
    }

    @Override
    public void copySubnet(Subnet subnet) {
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
        update("INSERT INTO address_range (id, subnet_id, start_ip, end_ip, kind, description, row_version) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                range.id(), range.subnetId(), range.range().start().toBytes(), range.range().end().toBytes(),
                range.kind().label(), range.description(), range.rowVersion());
    }

    @Override
    public void copyAddresses(List<Address> addresses) {
        batch("INSERT INTO address (id, subnet_id, ip, status, hostname, mac, owner, description, created_at, "
                + "updated_at, row_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", addresses.stream().map(a -> {
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
        forEach("SELECT id, at, os_user, action, object_type, object_key, before_json, after_json, db_user "
                + "FROM change_log ORDER BY id", rs -> action.accept(Rows.changeRow(rs)));
    }

    /** Nothing to do: an {@code INTEGER PRIMARY KEY} without AUTOINCREMENT takes the highest id plus one. */
    @Override
    public void continueIdsAfterCopy() {
        // SQLite picks the next rowid from the table itself
    }
}
