package org.ipdesk.store.postgres;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.ipdesk.store.Backup;
import org.ipdesk.store.ChangeFeed;
import org.ipdesk.store.Credentials;
import org.ipdesk.store.Database;
import org.ipdesk.store.OpenMode;
import org.ipdesk.store.ServerLocation;
import org.ipdesk.store.Session;
import org.ipdesk.store.StoreException;
import org.ipdesk.store.Team;

/**
 * One IPDesk database on a PostgreSQL server (a team database). One connection does this process's work, one
 * transaction at a time (like the SQLite engine's); other processes and users work beside it, and PostgreSQL's
 * snapshots mean that a reader never waits for a writer.
 *
 * <ul>
 *   <li>{@link #write}: one READ COMMITTED transaction. Allocation is safe at this level because every command
 *   that takes an address first locks its subnet ({@link Session#lockSubnet}, a transaction-scoped advisory lock
 *   keyed by the subnet), then reads the subnet's free space, which is current once the lock is held; the UNIQUE
 *   (subnet_id, ip) constraint stays the last line. Before committing, it sends {@code pg_notify('ipdesk_changes',
 *   "<origin> subnet:12 ...")} in the same transaction: what changed, never rows.</li>
 *   <li>{@link #read}: one REPEATABLE READ, READ ONLY transaction: a consistent snapshot that takes no locks.</li>
 *   <li>{@link #rehearse}: a write that is always rolled back.</li>
 *   <li>A serialisation failure (40001) or deadlock (40P01) runs the transaction again, at most {@value #ATTEMPTS}
 *   times with a short random pause, then it is reported; a lost connection is reported as such and the next
 *   transaction connects again.</li>
 *   <li>{@link #changes()}: a listening connection and thread of its own ({@link PostgresListener}), started on the
 *   first call, that counts the notifications sent by other {@code PostgresDatabase}s.</li>
 * </ul>
 */
public final class PostgresDatabase implements Database {
    /** The schema version this build writes: the highest {@code V<n>__*.sql} in {@code db/postgres}. */
    public static final int SCHEMA_VERSION = 5;
    /**
     * The driver's own log, held so that its level stays set: it writes some refusals to the console on its own
     * ("SEVERE: Server name validation failed…") besides throwing them, and IPDesk says each failure once, in words.
     */
    private static final java.util.logging.Logger DRIVER_LOG = java.util.logging.Logger.getLogger("org.postgresql");

    static {
        DRIVER_LOG.setLevel(java.util.logging.Level.OFF);
    }
    /** How long a statement waits for the server's answer by default, in seconds. */
    static final int SOCKET_TIMEOUT_SECONDS = 60;
    /** The notification channel of IPDesk's changes. */
    public static final String CHANNEL = "ipdesk_changes";
    /** How many times a transaction runs when the server keeps refusing it for a concurrent one. */
    public static final int ATTEMPTS = 5;
    /** The longest payload sent; a larger change says "many". */
    private static final int MAX_PAYLOAD = 1_000;

    private enum Kind {
        WRITE("SET TRANSACTION ISOLATION LEVEL READ COMMITTED, READ WRITE"),
        READ("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"),
        REHEARSAL("SET TRANSACTION ISOLATION LEVEL READ COMMITTED, READ WRITE");

        final String begin;

        Kind(String begin) {
            this.begin = begin;
        }
    }

    private final ServerLocation location;
    private final Properties properties;
    /** Tells this database's notifications from others' (the payload's first word). */
    private final String origin;
    private Connection connection;
    private PostgresSession session;
    private boolean inTransaction;
    private PostgresListener listener;
    private boolean closed;
    /** Set while a refused statement is put in words (which reads the user's role in a transaction of its own). */
    private boolean explaining;

    private PostgresDatabase(ServerLocation location, Properties properties, Connection connection) {
        this.location = location;
        this.properties = properties;
        this.origin = newOrigin();
        this.connection = connection;
        this.session = new PostgresSession(connection, location);
    }

    /**
     * Opens the IPDesk database at {@code location}, with the password from {@code credentials} when they have one
     * (else the driver's own sources: {@code PGPASSWORD}, {@code ~/.pgpass}). {@link OpenMode#EXISTING} opens an
     * IPDesk database only; {@link OpenMode#CREATE} also creates IPDesk's tables in an empty database. Anything
     * else is refused and left unchanged.
     */
    public static PostgresDatabase open(ServerLocation location, OpenMode mode, Credentials credentials) {
        Properties properties = properties(location, credentials);
        Connection connection;
        try {
            connection = connect(location, properties);
        } catch (SQLException e) {
            throw PostgresErrors.cannotConnect(location, e);
        }
        try {
            PostgresSchema.prepare(location, connection, properties, mode);
            return new PostgresDatabase(location, properties, connection);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private static Properties properties(ServerLocation location, Credentials credentials) {
        Properties properties = new Properties();
        location.user().ifPresent(user -> properties.setProperty("user", user));
        credentials.password(location).ifPresent(password -> properties.setProperty("password", new String(password)));
        properties.setProperty("ApplicationName", "IPDesk");
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("tcpKeepAlive", "true");
        // a server or network that stops answering (a cable pulled, a VPN gone, no reset sent) fails the statement
        // after this long instead of hanging the command, or its cancel, for the quarter of an hour TCP waits
        properties.setProperty("socketTimeout", Integer.toString(socketTimeoutSeconds()));
        properties.setProperty("reWriteBatchedInserts", "true");
        // large results (every address of a big subnet) come in pieces inside a transaction, not all at once
        properties.setProperty("defaultRowFetchSize", "1000");
        return properties;
    }

    /**
     * How long a statement may wait for the server's answer: {@value #SOCKET_TIMEOUT_SECONDS} s, or the whole
     * seconds of the system property {@code ipdesk.postgres.socketTimeout} (a slow link; the tests' silent network).
     */
    static int socketTimeoutSeconds() {
        String given = System.getProperty("ipdesk.postgres.socketTimeout", "");
        try {
            int seconds = Integer.parseInt(given.strip());
            return seconds > 0 ? seconds : SOCKET_TIMEOUT_SECONDS;
        } catch (NumberFormatException e) {
            return SOCKET_TIMEOUT_SECONDS;
        }
    }

    /** A connection for IPDesk's transactions: auto-commit off, so each transaction is begun by the driver. */
    static Connection connect(ServerLocation location, Properties properties) throws SQLException {
        Connection connection = DriverManager.getConnection(location.jdbcUrl(), properties);
        connection.setAutoCommit(false);
        return connection;
    }

    private static String newOrigin() {
        byte[] bytes = new byte[6];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public ServerLocation location() {
        return location;
    }

    @Override
    public <T> T write(Function<Session, T> work) {
        return run(Kind.WRITE, work);
    }

    @Override
    public <T> T read(Function<Session, T> work) {
        return run(Kind.READ, work);
    }

    @Override
    public <T> T rehearse(Function<Session, T> work) {
        return run(Kind.REHEARSAL, work);
    }

    private synchronized <T> T run(Kind kind, Function<Session, T> work) {
        if (closed) {
            throw new IllegalStateException(location + " is closed");
        }
        if (inTransaction) {
            throw new IllegalStateException("transactions do not nest");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return once(kind, work);
            } catch (RuntimeException e) {
                Optional<SQLException> refused = PostgresErrors.insufficientPrivilege(e);
                if (refused.isPresent() && !explaining) {
                    explaining = true;
                    try {
                        throw PostgresTeam.refusal(this, refused.get(), e);
                    } finally {
                        explaining = false;
                    }
                }
                if (!PostgresErrors.retryable(e)) {
                    throw e;
                }
                if (attempt >= ATTEMPTS) {
                    throw new StoreException(PostgresErrors.concurrent(e) + ", " + ATTEMPTS + " times in a row; nothing"
                            + " was changed, try again", e);
                }
                pause(attempt);
            }
        }
    }

    /** A short random pause before the next attempt: up to 10, 20, 40, 80 ms. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L << (attempt - 1)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting to try a transaction again; nothing was changed", e);
        }
    }

    private <T> T once(Kind kind, Function<Session, T> work) {
        Connection c = connection();
        PostgresSession s = session;
        inTransaction = true;
        boolean ended = false;
        try {
            try (Statement st = c.createStatement()) {
                st.execute(kind.begin);
            }
            T result = work.apply(s);
            if (kind == Kind.REHEARSAL) {
                return result;
            }
            if (kind == Kind.WRITE) {
                notifyChanges(c, s.takeTouched());
            }
            try {
                c.commit();
            } catch (SQLException e) {
                ended = true;
                if (PostgresErrors.connectionLost(e)) {
                    dropConnection();
                    throw new StoreException("the connection to the PostgreSQL server " + location.hostForUrl() + ":"
                            + location.port() + " broke while the change was being committed; read again to see"
                            + " whether it was saved", e);
                }
                throw PostgresErrors.failure(location, e);
            }
            ended = true;
            return result;
        } catch (SQLException e) {
            throw PostgresErrors.failure(location, e);
        } catch (RuntimeException e) {
            if (PostgresErrors.connectionLost(e)) {
                ended = true;
                dropConnection();
            }
            throw e;
        } finally {
            inTransaction = false;
            s.takeTouched();
            if (!ended && connection != null) {
                try {
                    c.rollback();
                } catch (SQLException e) {
                    dropConnection();
                }
            }
        }
    }

    private void notifyChanges(Connection c, List<String> touched) throws SQLException {
        if (touched.isEmpty()) {
            return;
        }
        String payload = origin + " " + String.join(" ", touched);
        if (payload.length() > MAX_PAYLOAD) {
            payload = origin + " many";
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            ps.setString(1, CHANNEL);
            ps.setString(2, payload);
            ps.execute();
        }
    }

    /** The working connection; a new one when the last one was lost. */
    private Connection connection() {
        if (connection == null) {
            try {
                connection = connect(location, properties);
            } catch (SQLException e) {
                throw PostgresErrors.cannotConnect(location, e);
            }
            session = new PostgresSession(connection, location);
        }
        return connection;
    }

    private void dropConnection() {
        if (connection != null) {
            session.close();
            closeQuietly(connection);
            connection = null;
        }
    }

    /**
     * The change feed: starts the listening connection and its thread on the first call (before returning, so no
     * later commit is missed); the version rises with every commit of another IPDesk on this database.
     */
    @Override
    public synchronized ChangeFeed changes() {
        if (closed) {
            throw new IllegalStateException(location + " is closed");
        }
        if (listener == null) {
            listener = new PostgresListener(location, properties, origin);
        }
        return listener;
    }

    /** None yet: a team database's backup (a SQLite copy) comes with the copy between engines. */
    @Override
    public Optional<Backup> backup() {
        return Optional.empty();
    }

    /** The members and roles of this team database, which the server enforces ({@link PostgresTeam}). */
    @Override
    public Optional<Team> team() {
        return Optional.of(new PostgresTeam(this));
    }

    /** Work on the plain connection, for the team's statements (GRANTs, the server's catalogs). */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} on this database's connection in one write transaction. */
    <T> T withConnection(SqlWork<T> work) {
        return write(s -> sql(work));
    }

    /** Runs {@code work} on this database's connection in one read-only transaction. */
    <T> T readConnection(SqlWork<T> work) {
        return read(s -> sql(work));
    }

    private <T> T sql(SqlWork<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw PostgresErrors.failure(location, e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (listener != null) {
            listener.close();
        }
        if (connection != null) {
            session.close();
            closeQuietly(connection);
            connection = null;
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing more to do
        }
    }
}
