package org.ipdesk.store;

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
import java.util.Arrays;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationState;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * One IPDesk database file. Opening checks that an existing file is an intact IPDesk database (read-only,
 * so a foreign or damaged file is never modified), then switches to WAL, turns foreign keys on, sets a busy
 * timeout and applies the Flyway migrations. Every write runs in {@code BEGIN IMMEDIATE}, so two processes
 * on one file take turns instead of deadlocking.
 */
public final class Database implements AutoCloseable {
    /** How long a writer waits for another process's transaction before giving up. */
    public static final int BUSY_TIMEOUT_MS = 30_000;
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private final Path file;
    private final Connection connection;
    private final Session session;
    private boolean inTransaction;

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
        this.session = new Session(connection);
        OutputTargets.opened(this, file);
    }

    /**
     * Loads the SQLite driver and its native library (unpacked from the jar the first time) without opening a
     * file. The window calls it on a spare thread while JavaFX starts, so the first {@link #open} does not pay it.
     */
    public static void loadDriver() {
        try {
            org.sqlite.SQLiteJDBCLoader.initialize();
        } catch (Exception e) {
            // open() will report the same problem with the file's name
        }
    }

    /** Opens (creating when absent) the database at {@code file}. */
    public static Database open(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        boolean existing = Files.exists(absolute) && sizeOf(absolute) > 0;
        if (Files.isDirectory(absolute)) {
            throw new StoreException(absolute + " is a folder, not a database file");
        }
        if (existing) {
            checkExisting(absolute);
        } else {
            createEmpty(absolute);
        }
        Connection connection = connect(absolute, false);
        try {
            try (Statement st = connection.createStatement()) {
                st.execute("PRAGMA journal_mode = WAL");
                st.execute("PRAGMA synchronous = NORMAL");
            }
            migrate(absolute, connection);
            return new Database(absolute, connection);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("cannot open " + absolute + ": " + e.getMessage(), e);
        }
    }

    private static long sizeOf(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void createEmpty(Path file) {
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

    /** Read-only checks of an existing file: SQLite header, integrity, and IPDesk's own schema. */
    private static void checkExisting(Path file) {
        byte[] header = new byte[SQLITE_HEADER.length];
        try (InputStream in = Files.newInputStream(file)) {
            int read = in.readNBytes(header, 0, header.length);
            if (read < header.length || !Arrays.equals(header, SQLITE_HEADER)) {
                throw new StoreException(file + " is not an IPDesk database (it is not an SQLite file); it was left unchanged");
            }
        } catch (IOException e) {
            throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Connection connection = connect(file, true);
        try (Statement st = connection.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
                String result = rs.next() ? rs.getString(1) : "no answer";
                if (!"ok".equals(result)) {
                    throw new StoreException(file + " is damaged (SQLite integrity check: " + result + "); it was left unchanged");
                }
            }
            boolean hasTables;
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_schema WHERE type = 'table'")) {
                hasTables = rs.next() && rs.getInt(1) > 0;
            }
            if (hasTables) {
                boolean ours;
                try (ResultSet rs = st.executeQuery(
                        "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'ipdesk_meta'")) {
                    ours = rs.next() && rs.getInt(1) == 1;
                }
                if (!ours) {
                    throw new StoreException(file + " is an SQLite database but not an IPDesk database; it was left unchanged");
                }
            }
        } catch (SQLException e) {
            throw new StoreException(file + " cannot be read as an IPDesk database (" + describe(e) + "); it was left unchanged", e);
        } finally {
            closeQuietly(connection);
        }
    }

    private static Connection connect(Path file, boolean readOnly) {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setReadOnly(readOnly);
        if (readOnly) {
            config.setOpenMode(org.sqlite.SQLiteOpenMode.READONLY);
        }
        try {
            return DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
        } catch (SQLException e) {
            throw new StoreException("cannot open " + file + ": " + describe(e), e);
        }
    }

    /**
     * The schema version this build writes: the highest {@code V<n>__*.sql} in {@code db/migration}
     * ({@code DatabaseOpenTest} holds the two together).
     */
    static final int SCHEMA_VERSION = 1;

    private static void migrate(Path file, Connection connection) {
        if (isCurrent(connection)) {
            // the common case, every start of the window and every CLI command: Flyway would find nothing to do,
            // and loading it (with its scan of the class path) costs a few hundred milliseconds
            return;
        }
        try {
            Flyway flyway = Flyway.configure()
                    .dataSource(new SingleConnectionDataSource(connection))
                    .locations("classpath:db/migration")
                    .validateMigrationNaming(true)
                    .load();
            boolean fromTheFuture = java.util.Arrays.stream(flyway.info().applied())
                    .anyMatch(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED);
            if (fromTheFuture) {
                throw new StoreException(file + " was written by a newer IPDesk (schema version "
                        + flyway.info().current().getVersion() + "); update IPDesk to open it. It was left unchanged");
            }
            flyway.migrate();
        } catch (FlywayException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new StoreException("cannot prepare the schema of " + file + ": " + message, e);
        }
    }

    /**
     * True when Flyway's history says every migration up to {@link #SCHEMA_VERSION}, and nothing later, was
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
            return expected == SCHEMA_VERSION + 1;
        } catch (SQLException e) {
            return false; // no history table yet: a new file
        }
    }

    static String describe(SQLException e) {
        if (e instanceof SQLiteException sqlite) {
            SQLiteErrorCode code = sqlite.getResultCode();
            return switch (code) {
                case SQLITE_NOTADB -> "not an SQLite database";
                case SQLITE_CORRUPT -> "the file is damaged";
                case SQLITE_BUSY, SQLITE_BUSY_SNAPSHOT, SQLITE_BUSY_RECOVERY -> "another program holds the database busy";
                case SQLITE_READONLY -> "the file is read-only";
                default -> sqlite.getMessage();
            };
        }
        return e.getMessage();
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing more to do
        }
    }

    public Path file() {
        return file;
    }

    /**
     * Runs {@code work} in one write transaction ({@code BEGIN IMMEDIATE}): it commits when {@code work}
     * returns and rolls back everything when it throws, re-throwing the original exception.
     */
    public synchronized <T> T write(Function<Session, T> work) {
        return inTransaction("BEGIN IMMEDIATE", work);
    }

    /** Runs {@code work} in one read transaction: a consistent snapshot, no locks against writers (WAL). */
    public synchronized <T> T read(Function<Session, T> work) {
        return inTransaction("BEGIN DEFERRED", work);
    }

    /**
     * Runs {@code work} as a write and then rolls it back, whatever happens: a rehearsal that applies every
     * rule of a command without changing anything (used to validate a form while the user types).
     */
    public synchronized <T> T rehearse(Function<Session, T> work) {
        return inTransaction("BEGIN IMMEDIATE", work, false);
    }

    private <T> T inTransaction(String begin, Function<Session, T> work) {
        return inTransaction(begin, work, true);
    }

    private <T> T inTransaction(String begin, Function<Session, T> work, boolean commit) {
        if (inTransaction) {
            throw new IllegalStateException("transactions do not nest");
        }
        try (Statement st = connection.createStatement()) {
            st.execute(begin);
        } catch (SQLException e) {
            throw new StoreException("cannot start a transaction on " + file + ": " + describe(e), e);
        }
        inTransaction = true;
        boolean committed = false;
        try {
            T result = work.apply(session);
            if (commit) {
                try (Statement st = connection.createStatement()) {
                    st.execute("COMMIT");
                }
                committed = true;
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException("cannot commit to " + file + ": " + describe(e), e);
        } finally {
            inTransaction = false;
            if (!committed) {
                try (Statement st = connection.createStatement()) {
                    st.execute("ROLLBACK");
                } catch (SQLException ignored) {
                    // the transaction is gone already
                }
            }
        }
    }

    /**
     * Writes a consistent copy of this database to {@code target} with SQLite's online backup API: the pages are
     * copied in one step under a read snapshot, so writers on other connections (WAL) neither block nor tear the
     * copy. The copy is written to a temporary file beside {@code target} with owner-only permissions, checked,
     * and then moved into place. The database's own file is refused, and so is every target that
     * {@link OutputTargets} refuses; an existing regular file is replaced, an existing SQLite database only with
     * {@link OutputTargets.IfDatabase#REPLACE}.
     */
    public synchronized void backup(Path target, OutputTargets.IfDatabase ifDatabase) {
        Path absolute = target.toAbsolutePath().normalize();
        if (absolute.equals(file) || sameFile(absolute, file)) {
            throw new StoreException("cannot write " + target + ": it is the open database"
                    + (absolute.equals(file) ? "" : " " + file) + "; refusing to back up a database onto itself");
        }
        if (inTransaction) {
            throw new IllegalStateException("cannot back up inside a transaction");
        }
        Path real = OutputTargets.check(target, ifDatabase);
        Path parent = real.getParent();
        Path temporary = null;
        try {
            temporary = Files.createTempFile(parent, "." + real.getFileName() + "-", ".tmp");
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the folder's defaults apply
            }
            org.sqlite.SQLiteConnection sqlite = connection.unwrap(org.sqlite.SQLiteConnection.class);
            int rc = sqlite.getDatabase().backup("main", temporary.toString(), null, 100, 300, -1);
            if (rc != SQLiteErrorCode.SQLITE_OK.code) {
                throw new StoreException("cannot back up " + file + " to " + absolute + ": SQLite error " + rc);
            }
            checkExisting(temporary);
            OutputTargets.moveIntoPlace(temporary, target, ifDatabase);
            temporary = null;
        } catch (IOException e) {
            throw new StoreException("cannot write the backup " + absolute + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new StoreException("cannot back up " + file + " to " + absolute + ": " + describe(e), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A number that changes whenever another connection (another IPDesk window, the CLI, another process)
     * commits to this file: SQLite's {@code PRAGMA data_version}. Cheap enough to poll.
     */
    public synchronized long externalVersion() {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("PRAGMA data_version")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new StoreException("cannot read the data version of " + file + ": " + describe(e), e);
        }
    }

    @Override
    public synchronized void close() {
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA optimize");
        } catch (SQLException ignored) {
            // optional housekeeping
        }
        session.close();
        closeQuietly(connection);
        OutputTargets.closed(this);
    }
}
