package org.ipdesk.store;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.ipdesk.store.postgres.PostgresDatabase;
import org.ipdesk.store.sqlite.SqliteDatabase;

/**
 * One open IPDesk database, whatever the engine. Work runs in transactions that hand it a {@link Session}: a write
 * either commits whole or changes nothing; a read sees one consistent snapshot. The engine is SQLite for a file
 * ({@link SqliteDatabase}, in {@code org.ipdesk.store.sqlite}) and PostgreSQL for a team database on a server
 * ({@link PostgresDatabase}, in {@code org.ipdesk.store.postgres}); nothing above the store names them.
 */
public interface Database extends AutoCloseable {
    /** How long a writer waits for another process's transaction before giving up. */
    int BUSY_TIMEOUT_MS = 30_000;
    /** A system property that replaces {@link #BUSY_TIMEOUT_MS} (milliseconds), for tests. */
    String BUSY_TIMEOUT_PROPERTY = "ipdesk.busyTimeoutMillis";

    /**
     * Opens the database at {@code location} with the engine that its kind of location calls for (a file: SQLite; a server: PostgreSQL).
     * {@link OpenMode#EXISTING} opens an IPDesk database only; {@link OpenMode#CREATE} may also start a new one.
     * A refused database is left exactly as it was.
     */
    static Database open(Location location, OpenMode mode) {
        return open(location, mode, Credentials.NONE);
    }

    /**
     * Opens the database at {@code location}; a team database ({@link ServerLocation}) takes its password from
     * {@code credentials} (a file ignores them).
     */
    static Database open(Location location, OpenMode mode, Credentials credentials) {
        if (location instanceof ServerLocation server) {
            return PostgresDatabase.open(server, mode, credentials);
        }
        return SqliteDatabase.open(((FileLocation) location).file(), mode);
    }

    /** Opens the database at {@code file}, creating it when missing or initialising it when empty ({@link OpenMode#CREATE}). */
    static Database open(Path file) {
        return open(Location.of(file), OpenMode.CREATE);
    }

    /**
     * Opens the database at {@code file}. {@link OpenMode#EXISTING} opens an IPDesk database only;
     * {@link OpenMode#CREATE} also creates a missing file (owner-only, with its folder) or initialises an empty
     * one. A refused file is left exactly as it was.
     */
    static Database open(Path file, OpenMode mode) {
        return open(Location.of(file), mode);
    }

    /**
     * Loads the database driver (for SQLite, its native library) without opening anything, so that the first
     * {@link #open} does not pay for it. The window calls it on a spare thread while JavaFX starts.
     */
    static void loadDriver() {
        SqliteDatabase.loadDriver();
    }

    /** The busy timeout in milliseconds: {@link #BUSY_TIMEOUT_MS}, or the {@link #BUSY_TIMEOUT_PROPERTY} when set. */
    static int busyTimeoutMillis() {
        return SqliteDatabase.busyTimeoutMillis();
    }

    /** Where this database lives (a file: its absolute, normalised path). */
    Location location();

    /**
     * The database's file, for the callers that still speak of files (titles, messages, recent files). Refused
     * for a database that is not a file; new code asks for {@link #location()}.
     */
    default Path file() {
        if (location() instanceof FileLocation file) {
            return file.file();
        }
        throw new UnsupportedOperationException(location() + " is not a database file");
    }

    /**
     * Runs {@code work} in one write transaction: it commits when {@code work} returns and rolls back everything
     * when it throws, re-throwing the original exception.
     */
    <T> T write(Function<Session, T> work);

    /** Runs {@code work} in one read transaction: a consistent snapshot, no locks against writers. */
    <T> T read(Function<Session, T> work);

    /**
     * Runs {@code work} as a write and then rolls it back, whatever happens: a rehearsal that applies every
     * rule of a command without changing anything (used to validate a form while the user types).
     */
    <T> T rehearse(Function<Session, T> work);

    /** The change feed: how this database tells that other writers changed it. */
    ChangeFeed changes();

    /** The backup capability, when this engine has one. */
    Optional<Backup> backup();

    /** The members and roles of a team database; a database file has none. */
    default Optional<Team> team() {
        return Optional.empty();
    }

    /**
     * Writes a consistent copy of this database to {@code target} through its {@link #backup()} capability;
     * refused when the engine has none.
     */
    default void backup(Path target, OutputTargets.IfDatabase ifDatabase) {
        backup().orElseThrow(() -> new StoreException(Backup.unavailable(location()))).to(target, ifDatabase);
    }

    /** Closes the database; never throws. */
    @Override
    void close();
}
