package org.ipdesk.store.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.function.Function;
import org.ipdesk.store.Backup;
import org.ipdesk.store.ChangeFeed;
import org.ipdesk.store.Database;
import org.ipdesk.store.FileLocation;
import org.ipdesk.store.OpenMode;
import org.ipdesk.store.OutputTargets;
import org.ipdesk.store.Session;
import org.ipdesk.store.StoreException;
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
        SqliteFiles.Found found = SqliteFiles.inspect(absolute, mode);
        if (found == SqliteFiles.Found.MISSING) {
            SqliteFiles.createEmpty(absolute);
        }
        boolean initialise = found != SqliteFiles.Found.IPDESK_WAL && found != SqliteFiles.Found.IPDESK_OTHER_JOURNAL;
        Connection connection = SqliteFiles.connect(absolute, false);
        try {
            try (Statement st = connection.createStatement()) {
                if (initialise) {
                    // first, so that a file whose creation is interrupted is recognisably IPDesk's, never foreign
                    st.execute(SET_APPLICATION_ID);
                }
                if (found != SqliteFiles.Found.IPDESK_WAL) {
                    st.execute("PRAGMA journal_mode = WAL");
                }
                st.execute("PRAGMA synchronous = NORMAL");
            }
            SqliteDatabase database = new SqliteDatabase(absolute, connection);
            database.wrote = SqliteFiles.migrate(absolute, connection) || initialise || found != SqliteFiles.Found.IPDESK_WAL;
            return database;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("cannot open " + absolute + ": " + e.getMessage(), e);
        }
    }

    /**
     * The schema version this build writes: the highest {@code V<n>__*.sql} in {@code db/sqlite}
     * ({@code DatabaseOpenTest} holds the two together).
     */
    public static final int SCHEMA_VERSION = 5;

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

    static void closeQuietly(Connection connection) {
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

    /** SQLite's change feed: {@code PRAGMA data_version}, polled ({@link #dataVersion()}). */
    @Override
    public ChangeFeed changes() {
        return this::dataVersion;
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
        Path temporary = null;
        try {
            temporary = OutputTargets.temporaryBeside(real, ".tmp");
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
            SqliteFiles.checkExisting(temporary);
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
    private synchronized long dataVersion() {
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
