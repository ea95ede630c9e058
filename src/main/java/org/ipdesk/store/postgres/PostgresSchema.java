package org.ipdesk.store.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationState;
import org.ipdesk.store.OpenMode;
import org.ipdesk.store.ServerLocation;
import org.ipdesk.store.StoreException;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * What a PostgreSQL database holds before IPDesk writes to it, and the Flyway migrations ({@code db/postgres}).
 * The look is read-only: an IPDesk schema is used (migrated when older); an empty database is initialised only with
 * {@link OpenMode#CREATE}; anything else is refused and left as it was.
 */
final class PostgresSchema {
    private static final String HISTORY_TABLE = "flyway_schema_history";

    private PostgresSchema() {
    }

    /** What the database's current schema holds, read without writing anything. */
    private record Found(boolean meta, boolean history, long otherTables, boolean ipdesk) {
    }

    /** Makes the schema of the database behind {@code connection} current, or refuses it (see the class comment). */
    static void prepare(ServerLocation location, Connection connection, Properties properties, OpenMode mode) {
        Found found;
        try {
            found = inspect(connection);
            connection.commit();
        } catch (SQLException e) {
            rollbackQuietly(connection);
            if (PostgresErrors.INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
                String user = location.user().orElse(System.getProperty("user.name"));
                throw new StoreException(user + " has no role in the team database " + location.name() + ": ask its"
                        + " owner or an admin for one (ipdesk team grant " + user + " viewer|editor|admin)", e);
            }
            throw PostgresErrors.failure(location, e);
        }
        if (found.meta() && !found.ipdesk()) {
            throw new StoreException(location + " holds tables of another program (an ipdesk_meta table that is not"
                    + " IPDesk's), not an IPDesk database; it was left unchanged");
        }
        if (!found.meta()) {
            if (found.otherTables() > 0 || found.history()) {
                throw new StoreException(location + " holds tables of another program, not an IPDesk database; use an"
                        + " empty database for IPDesk. It was left unchanged");
            }
            if (mode == OpenMode.EXISTING) {
                throw new StoreException(location + " is an empty database, not an IPDesk database yet; IPDesk creates"
                        + " its tables there when a command that starts a database opens it (as creating the first"
                        + " network does). It was left unchanged");
            }
        }
        if (found.meta() && isCurrent(connection)) {
            return;
        }
        migrate(location, properties);
    }

    private static Found inspect(Connection connection) throws SQLException {
        boolean meta = false;
        boolean history = false;
        long others = 0;
        try (PreparedStatement ps = connection.prepareStatement(
                // pg_tables lists every table, also those this user may not read (information_schema would hide them)
                "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema()");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (name.equals("ipdesk_meta")) {
                    meta = true;
                } else if (name.equals(HISTORY_TABLE)) {
                    history = true;
                } else {
                    others++;
                }
            }
        }
        boolean ipdesk = false;
        if (meta) {
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT value FROM ipdesk_meta WHERE key = 'application'");
                 ResultSet rs = ps.executeQuery()) {
                ipdesk = rs.next() && "IPDesk".equals(rs.getString(1));
            } catch (SQLException e) {
                if (PostgresErrors.INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
                    throw e; // a team database this user is no member of
                }
                rollbackQuietly(connection);
                ipdesk = false;
            }
        }
        return new Found(meta, history, others, ipdesk && history);
    }

    /** True when the history says migrations 1 to {@link PostgresDatabase#SCHEMA_VERSION} succeeded, and no more. */
    private static boolean isCurrent(Connection connection) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT version, success FROM " + HISTORY_TABLE
                + " WHERE version IS NOT NULL ORDER BY installed_rank");
             ResultSet rs = ps.executeQuery()) {
            int expected = 1;
            boolean current = true;
            while (rs.next()) {
                if (!rs.getBoolean("success") || !String.valueOf(expected).equals(rs.getString("version"))) {
                    current = false;
                }
                expected++;
            }
            connection.commit();
            return current && expected == PostgresDatabase.SCHEMA_VERSION + 1;
        } catch (SQLException e) {
            rollbackQuietly(connection);
            return false;
        }
    }

    private static void migrate(ServerLocation location, Properties properties) {
        try {
            Flyway flyway = Flyway.configure()
                    .dataSource(dataSource(location, properties))
                    .locations("classpath:db/postgres")
                    .validateMigrationNaming(true)
                    .load();
            boolean fromTheFuture = Arrays.stream(flyway.info().applied())
                    .anyMatch(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED);
            if (fromTheFuture) {
                throw new StoreException(location + " was written by a newer IPDesk (schema version "
                        + flyway.info().current().getVersion() + "); update IPDesk to open it. It was left unchanged");
            }
            flyway.migrate();
        } catch (FlywayException e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof SQLException)) {
                cause = cause.getCause();
            }
            if (cause instanceof SQLException sql && PostgresErrors.connectionLost(sql)) {
                throw PostgresErrors.unreachable(location, e);
            }
            if (cause instanceof SQLException sql && PostgresErrors.INSUFFICIENT_PRIVILEGE.equals(sql.getSQLState())) {
                String user = location.user().orElse(System.getProperty("user.name"));
                throw new StoreException("the team database " + location.name() + " has an older IPDesk schema than"
                        + " this IPDesk (version " + PostgresDatabase.SCHEMA_VERSION + "), and only its owner may bring"
                        + " it up to date, not " + user + ": ask the owner to run ipdesk --db "
                        + new ServerLocation(location.host(), location.port(), location.database(),
                                Optional.of("OWNER"), location.sslMode())
                        + " team init. It was left unchanged", e);
            }
            String message = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new StoreException("cannot prepare the schema of " + location + ": " + message, e);
        }
    }

    private static DataSource dataSource(ServerLocation location, Properties properties) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(location.jdbcUrl());
        for (String name : properties.stringPropertyNames()) {
            try {
                source.setProperty(name, properties.getProperty(name));
            } catch (SQLException e) {
                throw new StoreException("cannot open " + location + ": " + e.getMessage(), e);
            }
        }
        return source;
    }

    static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the transaction is gone already
        }
    }
}
