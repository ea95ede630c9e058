package org.ipdesk.store.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ipdesk.store.ServerLocation;
import org.ipdesk.store.StoreException;

/**
 * The JDBC plumbing of {@link PostgresSession}: prepared statements kept for the connection, binding, mapping rows,
 * errors in words ({@link PostgresErrors}), and what the current transaction changed (for the notification).
 */
abstract class PostgresStatements {
    final Connection connection;
    private final ServerLocation location;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    /** What this transaction changed ("subnet:12", "network:3"), in order, for the change notification. */
    private final Set<String> touched = new LinkedHashSet<>();

    PostgresStatements(Connection connection, ServerLocation location) {
        this.connection = connection;
        this.location = location;
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    interface RowVisitor {
        void visit(ResultSet rs) throws SQLException;
    }

    /** Notes that this transaction changed {@code what} ("subnet:12"). */
    void touched(String what) {
        touched.add(what);
    }

    /** What the transaction changed, and forgets it for the next one. */
    List<String> takeTouched() {
        List<String> all = List.copyOf(touched);
        touched.clear();
        return all;
    }

    PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            statements.put(sql, ps);
        }
        return ps;
    }

    static void bind(PreparedStatement ps, Object... params) throws SQLException {
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

    <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = new ArrayList<>();
        forEach(sql, rs -> rows.add(mapper.map(rs)), params);
        return rows;
    }

    void forEach(String sql, RowVisitor visitor, Object... params) {
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

    long scalarLong(String sql, Object... params) {
        return query(sql, rs -> rs.getLong(1), params).get(0);
    }

    static <T> Optional<T> first(List<T> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    int update(String sql, Object... params) {
        try {
            PreparedStatement ps = prepare(sql);
            bind(ps, params);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Runs an INSERT and returns the new row's id ({@code RETURNING id}). */
    long insert(String sql, Object... params) {
        return scalarLong(sql + " RETURNING id", params);
    }

    StoreException failure(SQLException e) {
        return PostgresErrors.failure(location, e);
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
