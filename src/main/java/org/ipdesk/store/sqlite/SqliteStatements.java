package org.ipdesk.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ipdesk.store.Session;
import org.ipdesk.store.StoreException;

/** The JDBC plumbing of {@link SqliteSession}: prepared statements kept for the transaction, binding, mapping rows. */
abstract class SqliteStatements {
    final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    SqliteStatements(Connection connection) {
        this.connection = connection;
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    interface RowVisitor {
        void visit(ResultSet rs) throws SQLException;
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

    long insert(String sql, Object... params) {
        update(sql, params);
        return scalarLong("SELECT last_insert_rowid()");
    }

    /**
     * Runs {@code sql} once per row of {@code rows} as one JDBC batch, on a statement of its own (the driver's batch
     * buffer would otherwise stay as large as the largest batch).
     */
    void batch(String sql, List<Object[]> rows) {
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

    static StoreException failure(SQLException e) {
        if (e instanceof org.sqlite.SQLiteException sqlite
                && sqlite.getResultCode().name().startsWith("SQLITE_CONSTRAINT")) {
            return new Session.ConstraintViolation(SqliteDatabase.describe(e), e);
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
