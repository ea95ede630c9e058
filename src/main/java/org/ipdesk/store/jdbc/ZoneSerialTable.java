package org.ipdesk.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The dns_zone table (the SOA serial last written per zone), the same SQL on SQLite and PostgreSQL. Every statement is
 * parameterised.
 */
public final class ZoneSerialTable {
    private final Connection connection;
    private final Function<SQLException, RuntimeException> failure;

    public ZoneSerialTable(Connection connection, Function<SQLException, RuntimeException> failure) {
        this.connection = connection;
        this.failure = failure;
    }

    public OptionalLong serial(String zone) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT serial FROM dns_zone WHERE name = ?")) {
            ps.setString(1, zone);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw failure.apply(e);
        }
    }

    public void store(String zone, long serial, Instant writtenAt) {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO dns_zone (name, serial, written_at)"
                + " VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET serial = excluded.serial,"
                + " written_at = excluded.written_at")) {
            ps.setString(1, zone);
            ps.setLong(2, serial);
            ps.setLong(3, writtenAt.toEpochMilli());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure.apply(e);
        }
    }

    public java.util.List<org.ipdesk.store.Session.ZoneSerial> all() {
        java.util.List<org.ipdesk.store.Session.ZoneSerial> rows = new java.util.ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT name, serial, written_at FROM dns_zone ORDER BY name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new org.ipdesk.store.Session.ZoneSerial(rs.getString(1), rs.getLong(2),
                        Instant.ofEpochMilli(rs.getLong(3))));
            }
        } catch (SQLException e) {
            throw failure.apply(e);
        }
        return rows;
    }
}
