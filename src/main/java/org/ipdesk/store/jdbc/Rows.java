package org.ipdesk.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
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
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;

/**
 * Rows of the engines' queries read into model values (columns in the order the queries select them): the same for
 * SQLite and PostgreSQL, which store addresses, times and keys alike.
 */
public final class Rows {
    private Rows() {
    }

    public static Subnet subnetRow(ResultSet rs) throws SQLException {
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
                gateway == null ? Optional.empty() : Optional.of(Ip.fromBytes(gateway)), parentValue, rs.getLong(12),
                staleDays(rs, 13));
    }

    private static OptionalInt staleDays(ResultSet rs, int column) throws SQLException {
        int days = rs.getInt(column);
        return rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(days);
    }

    public static AddressRange rangeRow(ResultSet rs) throws SQLException {
        return new AddressRange(rs.getLong(1), rs.getLong(2),
                new IpRange(Ip.fromBytes(rs.getBytes(3)), Ip.fromBytes(rs.getBytes(4))),
                RangeKind.parse(rs.getString(5)), rs.getString(6), rs.getLong(7));
    }

    public static Address addressRow(ResultSet rs) throws SQLException {
        String mac = rs.getString(6);
        AddressDetails details = new AddressDetails(AddressStatus.parse(rs.getString(4)), rs.getString(5),
                mac.isEmpty() ? Optional.empty() : Optional.of(new Mac(mac)), rs.getString(7), rs.getString(8));
        return new Address(rs.getLong(1), rs.getLong(2), Ip.fromBytes(rs.getBytes(3)), details,
                Instant.parse(rs.getString(9)), Instant.parse(rs.getString(10)), rs.getLong(11));
    }

    public static IpRange extentRow(ResultSet rs) throws SQLException {
        return new IpRange(Ip.fromBytes(rs.getBytes(1)), Ip.fromBytes(rs.getBytes(2)));
    }

    public static Change changeRow(ResultSet rs) throws SQLException {
        return new Change(rs.getLong(1), Instant.parse(rs.getString(2)), rs.getString(3),
                ChangeAction.valueOf(rs.getString(4).toUpperCase(java.util.Locale.ROOT)), rs.getString(5),
                rs.getString(6), nullToEmpty(rs.getString(7)), nullToEmpty(rs.getString(8)), rs.getString(9));
    }

    public static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
