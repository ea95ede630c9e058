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
                instant(rs.getString(9)), instant(rs.getString(10)), rs.getLong(11));
    }

    public static IpRange extentRow(ResultSet rs) throws SQLException {
        return new IpRange(Ip.fromBytes(rs.getBytes(1)), Ip.fromBytes(rs.getBytes(2)));
    }

    public static Change changeRow(ResultSet rs) throws SQLException {
        return new Change(rs.getLong(1), instant(rs.getString(2)), rs.getString(3),
                ChangeAction.valueOf(rs.getString(4).toUpperCase(java.util.Locale.ROOT)), rs.getString(5),
                rs.getString(6), nullToEmpty(rs.getString(7)), nullToEmpty(rs.getString(8)), rs.getString(9));
    }

    public static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    /**
     * The instant IPDesk wrote as text ({@link Instant#toString()}: {@code 2026-11-27T12:00:00Z}, or with a fraction
     * of up to nine digits), read without the general date-time parser, which costs more than the rest of reading an
     * address row; anything else goes to {@link Instant#parse}, which reads or refuses it as before.
     */
    public static Instant instant(String text) {
        int n = text.length();
        if (n < 20 || n == 21 || n > 30 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(n - 1) != 'Z'
                || (n > 20 && text.charAt(19) != '.')) {
            return Instant.parse(text);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int fraction = n > 20 ? digits(text, 20, n - 1) : 0;
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || fraction < 0) {
            return Instant.parse(text); // leap seconds, odd values: the general parser decides
        }
        for (int i = n - 1; i < 29; i++) {
            fraction *= 10; // "…:00.5Z" is half a second
        }
        long days = java.time.LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400L + hour * 3_600L + minute * 60L + second, fraction);
    }

    /** The number written by the ASCII digits {@code text[from, to)}, or -1 when one is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
