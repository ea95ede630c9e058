package org.ipdesk.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.ipdesk.address.Ip;
import org.ipdesk.store.ServerLocation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The PostgreSQL schema itself refuses what the rules refuse, whatever the client: plain JDBC here. */
class PostgresSchemaTest {
    private Connection connection;
    private long subnet;
    private long otherSubnet;

    @BeforeEach
    void migrate() throws SQLException {
        ServerLocation location = TestPostgres.freshDatabase();
        Flyway.configure().dataSource(location.jdbcUrl(), location.user().orElseThrow(), null)
                .locations("classpath:db/postgres").load().migrate();
        connection = TestPostgres.connect(location);
        long network = insertId("INSERT INTO network (name) VALUES ('dc1') RETURNING id");
        subnet = insertSubnet(network, "10.0.0.0", "10.0.0.255", 24);
        otherSubnet = insertSubnet(network, "10.0.1.0", "10.0.1.255", 24);
    }

    @Test
    void anOverlappingRangeOfTheSameSubnetIsRefusedByTheDatabase() throws SQLException {
        insertRange(subnet, "10.0.0.10", "10.0.0.20");

        assertThatThrownBy(() -> insertRange(subnet, "10.0.0.20", "10.0.0.30"))
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23P01"))
                .hasMessageContaining("address_range_no_overlap");
        assertThatThrownBy(() -> insertRange(subnet, "10.0.0.1", "10.0.0.200"))
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23P01"));
        assertThat(count("SELECT count(*) FROM address_range")).isEqualTo(1);
    }

    @Test
    void rangesSideBySideOrInAnotherSubnetAreAccepted() throws SQLException {
        insertRange(subnet, "10.0.0.10", "10.0.0.20");
        insertRange(subnet, "10.0.0.21", "10.0.0.30");
        insertRange(subnet, "10.0.0.0", "10.0.0.9");
        // the same addresses in another subnet's row (the schema does not judge containment; the rules do)
        insertRange(otherSubnet, "10.0.0.10", "10.0.0.20");

        assertThat(count("SELECT count(*) FROM address_range")).isEqualTo(4);
    }

    @Test
    void wholeIpv6RangesCompareAsNumbersAtTheEdges() throws SQLException {
        long network = insertId("INSERT INTO network (name) VALUES ('v6') RETURNING id");
        long v6 = insertSubnet(network, "::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", 1);
        insertRange(v6, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:fff0", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
        insertRange(v6, "::", "::1");
        insertRange(v6, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ff00", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffef");

        assertThatThrownBy(() -> insertRange(v6, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffef",
                "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffef"))
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23P01"));
    }

    @Test
    void theSameAddressTwiceInOneSubnetIsRefused() throws SQLException {
        insertAddress(subnet, "10.0.0.5");
        insertAddress(otherSubnet, "10.0.0.5");

        assertThatThrownBy(() -> insertAddress(subnet, "10.0.0.5"))
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23505"));
    }

    @Test
    void networkNamesAreUniqueWhateverTheirCase() {
        assertThatThrownBy(() -> insertId("INSERT INTO network (name) VALUES ('DC1') RETURNING id"))
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23505"));
    }

    @Test
    void checksRefuseWhatSqliteRefuses() {
        assertThatThrownBy(() -> insertRange(subnet, "10.0.0.20", "10.0.0.10"))
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23514"));
        assertThatThrownBy(() -> insertId("INSERT INTO network (name) VALUES ('  ') RETURNING id"))
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23514"));
        assertThatThrownBy(() -> update("UPDATE subnet SET vlan = 4095 WHERE id = " + subnet))
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23514"));
    }

    private long insertSubnet(long network, String first, String last, int prefix) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO subnet (network_id, version, first_ip, "
                + "last_ip, prefix) VALUES (?, ?, ?, ?, ?) RETURNING id")) {
            Ip firstIp = Ip.parse(first);
            ps.setLong(1, network);
            ps.setInt(2, firstIp.version().number());
            ps.setBytes(3, firstIp.toBytes());
            ps.setBytes(4, Ip.parse(last).toBytes());
            ps.setInt(5, prefix);
            return single(ps);
        }
    }

    private void insertRange(long subnetId, String start, String end) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO address_range (subnet_id, start_ip, "
                + "end_ip, kind) VALUES (?, ?, ?, 'dhcp')")) {
            ps.setLong(1, subnetId);
            ps.setBytes(2, Ip.parse(start).toBytes());
            ps.setBytes(3, Ip.parse(end).toBytes());
            ps.executeUpdate();
        }
    }

    private void insertAddress(long subnetId, String ip) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO address (subnet_id, ip, status, "
                + "created_at, updated_at) VALUES (?, ?, 'allocated', '2026-11-26T12:00:00Z', '2026-11-26T12:00:00Z')")) {
            ps.setLong(1, subnetId);
            ps.setBytes(2, Ip.parse(ip).toBytes());
            ps.executeUpdate();
        }
    }

    private long insertId(String sql) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            return single(ps);
        }
    }

    private void update(String sql) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.executeUpdate();
        }
    }

    private long count(String sql) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            return single(ps);
        }
    }

    private static long single(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
