package org.ipdesk.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/** Every row of every table of a database (a file or a team database), as text: equal snapshots mean equal content. */
public final class ContentSnapshot {
    private ContentSnapshot() {
    }

    public static String of(Location location) {
        if (location instanceof ServerLocation server) {
            try (Connection c = org.ipdesk.store.postgres.TestPostgres.connect(server)) {
                return of(c, "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                        + " ORDER BY table_name", "");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return of(((FileLocation) location).file());
    }

    public static String of(Path file) {
        return of(file, "");
    }

    /**
     * Like {@link #of(Path)}, but the values of {@code columns} read {@code <column>}: for comparing two runs of the
     * same work made at different times (a row's {@code row_version} starts from the clock).
     */
    public static String masking(Path file, Set<String> columns) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            return of(c, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
                    "", columns);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every row of every table but Flyway's schema history, whose rows say when and by whom the file's schema was
     * made (so two databases made apart never match there): equal snapshots mean the same records, ids included.
     */
    public static String records(Path file) {
        return of(file, "flyway_schema_history");
    }

    private static String of(Path file, String leftOut) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            return of(c, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
                    leftOut);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String of(Connection c, String tablesQuery, String leftOut) {
        return of(c, tablesQuery, leftOut, Set.of());
    }

    private static String of(Connection c, String tablesQuery, String leftOut, Set<String> masked) {
        try (Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery(tablesQuery)) {
                while (rs.next()) {
                    if (!rs.getString(1).equals(leftOut)) {
                        tables.add(rs.getString(1));
                    }
                }
            }
            StringBuilder out = new StringBuilder();
            for (String table : tables) {
                out.append("## ").append(table).append('\n');
                try (ResultSet rs = st.executeQuery("SELECT * FROM \"" + table + "\" ORDER BY 1, 2")) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            Object value = rs.getObject(i);
                            String column = meta.getColumnName(i);
                            if (masked.contains(column)) {
                                out.append('<').append(column).append(">|");
                                continue;
                            }
                            out.append(value instanceof byte[] b ? HexFormat.of().formatHex(b) : String.valueOf(value))
                                    .append('|');
                        }
                        out.append('\n');
                    }
                }
            }
            return out.toString();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
