package org.ipdesk.store.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationState;
import org.ipdesk.store.OpenMode;
import org.ipdesk.store.StoreException;
import org.sqlite.SQLiteConfig;

/**
 * The file side of {@link SqliteDatabase}: the read-only look at a file before it is opened (what it is, whether
 * IPDesk may open it), the connections, and the Flyway migrations.
 */
final class SqliteFiles {
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final String HISTORY_TABLE = "flyway_schema_history";

    private SqliteFiles() {
    }

    /** What {@link #inspect} found. */
    enum Found {
        /** No file: to be created. */
        MISSING,
        /** A file to initialise: 0 bytes, or an SQLite file that holds nothing at all. */
        EMPTY,
        /** An IPDesk database in WAL mode. */
        IPDESK_WAL,
        /** An IPDesk database in another journal mode (switched to WAL on opening). */
        IPDESK_OTHER_JOURNAL
    }

    /**
     * Looks at {@code file} without writing anything to it or beside it, and refuses (a {@link StoreException}
     * naming the file and the reason) what {@code mode} may not open.
     */
    static Found inspect(Path file, OpenMode mode) {
        if (!Files.exists(file)) {
            if (Files.isSymbolicLink(file)) {
                throw new StoreException(file + " is a symbolic link to a file that does not exist; it was left unchanged");
            }
            if (mode == OpenMode.EXISTING) {
                throw new StoreException("there is no database at " + file);
            }
            return Found.MISSING;
        }
        if (Files.isDirectory(file)) {
            throw new StoreException(file + " is a folder, not a database file");
        }
        if (!Files.isRegularFile(file)) {
            throw new StoreException(file + " is not a regular file (a device, pipe or socket), so it cannot hold a "
                    + "database; it was left unchanged");
        }
        if (sizeOf(file) == 0) {
            if (mode == OpenMode.EXISTING) {
                throw new StoreException(file + " is empty, not an IPDesk database; it was left unchanged");
            }
            return Found.EMPTY;
        }
        byte[] header = new byte[100];
        try (InputStream in = Files.newInputStream(file)) {
            int read = in.readNBytes(header, 0, header.length);
            if (read < header.length || !Arrays.equals(Arrays.copyOf(header, SQLITE_HEADER.length), SQLITE_HEADER)) {
                throw new StoreException(file + " is not an IPDesk database (it is not an SQLite file); it was left unchanged");
            }
        } catch (IOException e) {
            throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
        }
        boolean blank = checkContent(file);
        if (blank) {
            if (mode == OpenMode.EXISTING) {
                throw new StoreException(file + " holds no IPDesk data (an SQLite file without tables); it was left "
                        + "unchanged");
            }
            return Found.EMPTY;
        }
        // bytes 18 and 19 of the header: 2 in WAL mode, 1 in the rollback-journal modes
        return header[18] == 2 && header[19] == 2 ? Found.IPDESK_WAL : Found.IPDESK_OTHER_JOURNAL;
    }

    private static long sizeOf(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return 0;
        }
    }

    static void createEmpty(Path file) {
        try {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (!Files.exists(file)) {
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException e) {
                    Files.createFile(file);
                }
            }
        } catch (FileAlreadyExistsException e) {
            // created by another process meanwhile: it is opened as usual
        } catch (IOException e) {
            throw new StoreException("cannot create " + file + ": " + e.getMessage(), e);
        }
    }

    /** Read-only checks of an IPDesk database (a backup's copy): refused unless {@link SqliteDatabase#open} would open it as it is. */
    static void checkExisting(Path file) {
        inspect(file, OpenMode.EXISTING);
    }

    /**
     * Read-only checks of an SQLite file's content: integrity, IPDesk's own schema, and a schema version this build
     * knows. Returns true for a blank file (no tables, no version or application id of another program), which
     * only {@link OpenMode#CREATE} initialises; refuses anything that is not an IPDesk database.
     */
    private static boolean checkContent(Path file) {
        List<Path> companions = List.of(Path.of(file + "-wal"), Path.of(file + "-shm"), Path.of(file + "-journal"));
        List<Path> before = companions.stream().filter(Files::exists).toList();
        // Without a WAL or journal beside it, the file alone is the whole database: read it as immutable, which
        // takes no lock and makes no -shm or -wal. Otherwise another connection may be writing (or crashed), and
        // SQLite must see its WAL.
        boolean alone = sizeOf(Path.of(file + "-wal")) == 0 && sizeOf(Path.of(file + "-journal")) == 0;
        Connection connection = alone ? connectImmutable(file) : connect(file, true);
        boolean refused = true;
        try (Statement st = connection.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
                String result = rs.next() ? rs.getString(1) : "no answer";
                if (!"ok".equals(result)) {
                    throw new StoreException(file + " is damaged (SQLite integrity check: " + result + "); it was left unchanged");
                }
            }
            long applicationId = count(st, "PRAGMA application_id");
            long userVersion = count(st, "PRAGMA user_version");
            if (applicationId != 0 && applicationId != SqliteDatabase.APPLICATION_ID) {
                throw new StoreException(file + " is an SQLite database of another program (application id "
                        + applicationId + "), not an IPDesk database; it was left unchanged");
            }
            List<String> tables = new ArrayList<>();
            boolean otherObjects = false;
            try (ResultSet rs = st.executeQuery("SELECT type, name, tbl_name FROM sqlite_schema")) {
                while (rs.next()) {
                    if ("table".equals(rs.getString(1))) {
                        tables.add(rs.getString(2));
                    } else if (!HISTORY_TABLE.equals(rs.getString(3))) {
                        otherObjects = true;
                    }
                }
            }
            if (!tables.contains("ipdesk_meta")) {
                boolean onlyAnEmptyHistory = tables.isEmpty()
                        || tables.equals(List.of(HISTORY_TABLE)) && count(st, "SELECT count(*) FROM " + HISTORY_TABLE) == 0;
                if (onlyAnEmptyHistory && !otherObjects && userVersion == 0) {
                    refused = false;
                    return true;
                }
                throw new StoreException(file + " is an SQLite database but not an IPDesk database; it was left unchanged");
            }
            if (applicationId == 0 && count(st, "SELECT count(*) FROM ipdesk_meta WHERE key = 'application' "
                    + "AND value = 'IPDesk'") == 0) {
                throw new StoreException(file + " is an SQLite database but not an IPDesk database; it was left unchanged");
            }
            checkVersion(file, st, tables.contains(HISTORY_TABLE));
            refused = false;
            return false;
        } catch (SQLException e) {
            throw new StoreException(file + " cannot be read as an IPDesk database (" + SqliteDatabase.describe(e) + "); it was left unchanged", e);
        } finally {
            SqliteDatabase.closeQuietly(connection);
            if (refused) {
                // a refused file keeps no companion that this look made (a read-only connection in WAL mode makes -shm)
                for (Path companion : companions) {
                    if (!before.contains(companion)) {
                        try {
                            Files.deleteIfExists(companion);
                        } catch (IOException ignored) {
                            // best effort
                        }
                    }
                }
            }
        }
    }

    /** Refuses a schema written by a newer IPDesk, or one whose migration failed, before anything is written. */
    private static void checkVersion(Path file, Statement st, boolean hasHistory) throws SQLException {
        if (!hasHistory) {
            throw new StoreException(file + " is damaged: IPDesk's schema history is missing; it was left unchanged");
        }
        try (ResultSet rs = st.executeQuery("SELECT version, success FROM " + HISTORY_TABLE
                + " WHERE version IS NOT NULL ORDER BY installed_rank")) {
            while (rs.next()) {
                String version = rs.getString(1);
                java.math.BigDecimal number;
                try {
                    number = new java.math.BigDecimal(version);
                } catch (NumberFormatException e) {
                    number = java.math.BigDecimal.valueOf(Long.MAX_VALUE);
                }
                if (number.compareTo(java.math.BigDecimal.valueOf(SqliteDatabase.SCHEMA_VERSION)) > 0) {
                    throw new StoreException(file + " was written by a newer IPDesk (schema version " + version
                            + "); update IPDesk to open it. It was left unchanged");
                }
                if (!rs.getBoolean(2)) {
                    throw new StoreException("cannot prepare the schema of " + file + ": migration " + version
                            + " failed earlier; it was left unchanged");
                }
            }
        }
    }

    /** The number the query answers (a count, a pragma's value). */
    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    static Connection connect(Path file, boolean readOnly) {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout(SqliteDatabase.busyTimeoutMillis());
        config.setReadOnly(readOnly);
        if (readOnly) {
            config.setOpenMode(org.sqlite.SQLiteOpenMode.READONLY);
        }
        try {
            return DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
        } catch (SQLException e) {
            throw new StoreException("cannot open " + file + ": " + SqliteDatabase.describe(e), e);
        }
    }

    /** A read-only connection that treats the file as unchangeable: no locks, no -shm, -wal or -journal. */
    private static Connection connectImmutable(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(org.sqlite.SQLiteOpenMode.READONLY);
        config.setOpenMode(org.sqlite.SQLiteOpenMode.OPEN_URI);
        try {
            return DriverManager.getConnection("jdbc:sqlite:" + file.toUri().toASCIIString() + "?immutable=1",
                    config.toProperties());
        } catch (SQLException e) {
            throw new StoreException("cannot open " + file + ": " + SqliteDatabase.describe(e), e);
        }
    }
    /** Applies the migrations the schema lacks; returns whether it did (false: already current). */
    static boolean migrate(Path file, Connection connection) {
        if (isCurrent(connection)) {
            // the common case, every start of the window and every CLI command: Flyway would find nothing to do,
            // and loading it (with its scan of the class path) costs a few hundred milliseconds
            return false;
        }
        try {
            Flyway flyway = Flyway.configure()
                    .dataSource(new SingleConnectionDataSource(connection))
                    .locations("classpath:db/sqlite")
                    .validateMigrationNaming(true)
                    .load();
            boolean fromTheFuture = java.util.Arrays.stream(flyway.info().applied())
                    .anyMatch(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED);
            if (fromTheFuture) {
                throw new StoreException(file + " was written by a newer IPDesk (schema version "
                        + flyway.info().current().getVersion() + "); update IPDesk to open it. It was left unchanged");
            }
            flyway.migrate();
            return true;
        } catch (FlywayException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new StoreException("cannot prepare the schema of " + file + ": " + message, e);
        }
    }

    /**
     * True when Flyway's history says every migration up to {@link SqliteDatabase#SqliteDatabase.SCHEMA_VERSION}, and nothing later, was
     * applied successfully. Anything else (a new file, an older schema, a newer one, a failed migration, an
     * unexpected history) goes through Flyway, which migrates, or refuses with its reason.
     */
    private static boolean isCurrent(Connection connection) {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT version, success FROM flyway_schema_history"
                     + " WHERE version IS NOT NULL ORDER BY installed_rank")) {
            int expected = 1;
            while (rs.next()) {
                if (!rs.getBoolean("success") || !String.valueOf(expected).equals(rs.getString("version"))) {
                    return false;
                }
                expected++;
            }
            return expected == SqliteDatabase.SCHEMA_VERSION + 1;
        } catch (SQLException e) {
            return false; // no history table yet: a new file
        }
    }
}
