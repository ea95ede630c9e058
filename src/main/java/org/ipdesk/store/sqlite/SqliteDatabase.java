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
import java.util.Optional;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationState;
import org.ipdesk.store.Backup;
import org.ipdesk.store.ChangeFeed;
import org.ipdesk.store.Database;
import org.ipdesk.store.FileLocation;
import org.ipdesk.store.OpenMode;
import org.ipdesk.store.OutputTargets;
import org.ipdesk.store.Session;
import org.ipdesk.store.StoreException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * One IPDesk database file. Opening first inspects the file without writing to it (an immutable, read-only look
 * when no other connection has a WAL beside it): it must be a regular file and an intact IPDesk database whose
 * schema this build knows, or, when the caller may start a database ({@link OpenMode#CREATE}), missing or empty.
 * Anything else is refused with the reason and left as it was, without companion files. Only then is the file
 * opened for writing: WAL (switched once, when the file is not in WAL yet), foreign keys on, a busy timeout, and
 * the Flyway migrations when the schema is not current. Every write runs in {@code BEGIN IMMEDIATE}, so two
 * processes on one file take turns instead of deadlocking; reads take no lock that a writer holds (WAL).
 */
public final class SqliteDatabase implements Database {
    /** How long a writer waits for another process's transaction before giving up. */
    public static final int BUSY_TIMEOUT_MS = Database.BUSY_TIMEOUT_MS;
    /** A system property that replaces {@link #BUSY_TIMEOUT_MS} (milliseconds), for tests. */
    public static final String BUSY_TIMEOUT_PROPERTY = Database.BUSY_TIMEOUT_PROPERTY;
    /** {@code PRAGMA application_id} of the databases IPDesk creates: "IPDk". Older IPDesk databases have 0. */
    public static final int APPLICATION_ID = 0x4950446b;
    private static final String SET_APPLICATION_ID = "PRAGMA application_id = " + APPLICATION_ID;
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final String HISTORY_TABLE = "flyway_schema_history";

    private final Path file;
    private final Connection connection;
    private final SqliteSession session;
    private boolean inTransaction;
    /** Whether this connection changed the file: only then does {@link #close()} run {@code PRAGMA optimize}. */
    private boolean wrote;

    private SqliteDatabase(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
        this.session = new SqliteSession(connection);
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

    /** The busy timeout in milliseconds: {@link #BUSY_TIMEOUT_MS}, or the {@link #BUSY_TIMEOUT_PROPERTY} when set. */
    public static int busyTimeoutMillis() {
        String configured = System.getProperty(BUSY_TIMEOUT_PROPERTY);
        if (configured != null) {
            try {
                int millis = Integer.parseInt(configured.strip());
                if (millis >= 0) {
                    return millis;
                }
            } catch (NumberFormatException e) {
                // not a number: the default
            }
        }
        return BUSY_TIMEOUT_MS;
    }

    /** Opens the database at {@code file}, creating it when missing or initialising it when empty ({@link OpenMode#CREATE}). */
    public static SqliteDatabase open(Path file) {
        return open(file, OpenMode.CREATE);
    }

    /**
     * Opens the database at {@code file}. {@link OpenMode#EXISTING} opens an IPDesk database only;
     * {@link OpenMode#CREATE} also creates a missing file (owner-only, with its folder) or initialises an empty
     * one. A refused file is left exactly as it was.
     */
    public static SqliteDatabase open(Path file, OpenMode mode) {
        Path absolute = file.toAbsolutePath().normalize();
        Found found = inspect(absolute, mode);
        if (found == Found.MISSING) {
            createEmpty(absolute);
        }
        boolean initialise = found != Found.IPDESK_WAL && found != Found.IPDESK_OTHER_JOURNAL;
        Connection connection = connect(absolute, false);
        try {
            try (Statement st = connection.createStatement()) {
                if (initialise) {
                    // first, so that a file whose creation is interrupted is recognisably IPDesk's, never foreign
                    st.execute(SET_APPLICATION_ID);
                }
                if (found != Found.IPDESK_WAL) {
                    st.execute("PRAGMA journal_mode = WAL");
                }
                st.execute("PRAGMA synchronous = NORMAL");
            }
            SqliteDatabase database = new SqliteDatabase(absolute, connection);
            database.wrote = migrate(absolute, connection) || initialise || found != Found.IPDESK_WAL;
            return database;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("cannot open " + absolute + ": " + e.getMessage(), e);
        }
    }

    /** What {@link #inspect} found. */
    private enum Found {
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
    private static Found inspect(Path file, OpenMode mode) {
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

    /** Read-only checks of an IPDesk database (a backup's copy): refused unless {@link #open} would open it as it is. */
    private static void checkExisting(Path file) {
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
            if (applicationId != 0 && applicationId != APPLICATION_ID) {
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
            throw new StoreException(file + " cannot be read as an IPDesk database (" + describe(e) + "); it was left unchanged", e);
        } finally {
            closeQuietly(connection);
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
                if (number.compareTo(java.math.BigDecimal.valueOf(SCHEMA_VERSION)) > 0) {
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

    private static Connection connect(Path file, boolean readOnly) {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout(busyTimeoutMillis());
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
            throw new StoreException("cannot open " + file + ": " + describe(e), e);
        }
    }

    /**
     * The schema version this build writes: the highest {@code V<n>__*.sql} in {@code db/sqlite}
     * ({@code DatabaseOpenTest} holds the two together).
     */
    public static final int SCHEMA_VERSION = 1;

    /** Applies the migrations the schema lacks; returns whether it did (false: already current). */
    private static boolean migrate(Path file, Connection connection) {
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
                case SQLITE_BUSY, SQLITE_BUSY_SNAPSHOT, SQLITE_BUSY_RECOVERY -> "another program kept the database busy "
                        + "and IPDesk gave up after waiting " + seconds(busyTimeoutMillis());
                case SQLITE_READONLY -> "the file is read-only";
                default -> sqlite.getMessage();
            };
        }
        return e.getMessage();
    }

    private static boolean busy(SQLException e) {
        return e instanceof SQLiteException sqlite && switch (sqlite.getResultCode()) {
            case SQLITE_BUSY, SQLITE_BUSY_SNAPSHOT, SQLITE_BUSY_RECOVERY -> true;
            default -> false;
        };
    }

    /** "30 s", "1.5 s". */
    static String seconds(int millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing more to do
        }
    }

    @Override
    public FileLocation location() {
        return new FileLocation(file);
    }

    @Override
    public Path file() {
        return file;
    }

    /** SQLite's change feed: {@code PRAGMA data_version}, polled ({@link #externalVersion()}). */
    @Override
    public ChangeFeed changes() {
        return this::externalVersion;
    }

    /** SQLite's online backup ({@link #backup(Path, OutputTargets.IfDatabase)}). */
    @Override
    public Optional<Backup> backup() {
        return Optional.of(this::backup);
    }

    /**
     * Runs {@code work} in one write transaction ({@code BEGIN IMMEDIATE}): it commits when {@code work}
     * returns and rolls back everything when it throws, re-throwing the original exception.
     */
    @Override
    public synchronized <T> T write(Function<Session, T> work) {
        return inTransaction("BEGIN IMMEDIATE", work);
    }

    /** Runs {@code work} in one read transaction: a consistent snapshot, no locks against writers (WAL). */
    @Override
    public synchronized <T> T read(Function<Session, T> work) {
        return inTransaction("BEGIN DEFERRED", work);
    }

    /**
     * Runs {@code work} as a write and then rolls it back, whatever happens: a rehearsal that applies every
     * rule of a command without changing anything (used to validate a form while the user types).
     */
    @Override
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
            if (busy(e)) {
                throw new StoreException("cannot " + (begin.endsWith("IMMEDIATE") ? "write to " : "read ") + file + ": "
                        + describe(e) + "; nothing was changed, try again", e);
            }
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
                wrote |= begin.endsWith("IMMEDIATE");
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
    @Override
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
    @Override
    public synchronized long externalVersion() {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("PRAGMA data_version")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new StoreException("cannot read the data version of " + file + ": " + describe(e), e);
        }
    }

    /**
     * Closes the connection. After this connection wrote, {@code PRAGMA optimize} refreshes the query planner's
     * statistics, without waiting: when another process holds the write lock it is skipped (busy timeout 0),
     * so closing never waits for another writer, and a connection that only read never asks for the lock.
     */
    @Override
    public synchronized void close() {
        if (wrote) {
            try (Statement st = connection.createStatement()) {
                st.execute("PRAGMA busy_timeout = 0");
                st.execute("PRAGMA optimize");
            } catch (SQLException ignored) {
                // optional housekeeping
            }
        }
        session.close();
        closeQuietly(connection);
        OutputTargets.closed(this);
    }
}
