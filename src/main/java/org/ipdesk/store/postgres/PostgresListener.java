package org.ipdesk.store.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.ipdesk.store.ChangeFeed;
import org.ipdesk.store.ServerLocation;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The listening side of a {@link PostgresDatabase}'s change feed: a connection of its own that runs
 * {@code LISTEN ipdesk_changes}, read by a daemon thread of its own (never the caller's). Every notification that
 * another {@link PostgresDatabase} sent (its payload starts with another origin) raises {@link #version()}. When the
 * connection breaks, the thread reconnects with a growing pause (up to 30 s) and raises the version once more on
 * return, since changes may have been missed meanwhile.
 */
final class PostgresListener implements ChangeFeed, AutoCloseable {
    /** How the listening connection shows in pg_stat_activity. */
    static final String APPLICATION_NAME = "IPDesk changes";
    private static final int POLL_MILLIS = 250;
    private static final long MAX_PAUSE_MILLIS = 30_000;
    /**
     * How often a quiet listening connection asks the server whether it is still there: waiting for notifications
     * reads nothing, so a silent network (no reset sent) would otherwise leave it "connected" forever.
     */
    private static final long PROBE_MILLIS = 5_000;

    private final ServerLocation location;
    private final Properties properties;
    private final String origin;
    private final AtomicLong version = new AtomicLong();
    private final java.util.List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean connected;
    private volatile Connection connection;

    /** Connects and listens before returning, so that no commit after this call is missed. */
    PostgresListener(ServerLocation location, Properties properties, String origin) {
        this.location = location;
        this.properties = properties;
        this.origin = origin;
        try {
            connection = listen();
            connected = true;
        } catch (SQLException e) {
            throw PostgresErrors.cannotConnect(location, e);
        }
        thread = new Thread(this::run, "IPDesk changes from " + location.name());
        thread.setDaemon(true);
        thread.start();
    }

    private Connection listen() throws SQLException {
        Properties listening = new Properties();
        listening.putAll(properties);
        listening.setProperty("ApplicationName", APPLICATION_NAME);
        Connection c = PostgresDatabase.connect(location, listening);
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            st.execute("LISTEN " + PostgresDatabase.CHANNEL);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** Raised by every commit of another connection that this listener heard of (and by each reconnection). */
    @Override
    public long version() {
        return version.get();
    }

    /** Whether the listening connection is up (false while it reconnects). */
    @Override
    public boolean connected() {
        return connected;
    }

    /** Calls {@code listener} on this listener's thread after each raise of the version. */
    @Override
    public AutoCloseable onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void raise() {
        version.incrementAndGet();
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                // a listener's failure must not stop the others from hearing, nor this thread from listening
            }
        }
    }

    private void run() {
        long pause = 500;
        long lastHeard = System.nanoTime();
        while (running) {
            Connection c = connection;
            try {
                if (c == null) {
                    c = listen();
                    connection = c;
                    connected = true;
                    pause = 500;
                    lastHeard = System.nanoTime();
                    raise(); // changes during the outage were not heard
                }
                PGNotification[] notifications = c.unwrap(PGConnection.class).getNotifications(POLL_MILLIS);
                if (notifications != null && notifications.length > 0) {
                    lastHeard = System.nanoTime();
                } else if (System.nanoTime() - lastHeard > PROBE_MILLIS * 1_000_000L) {
                    try (Statement st = c.createStatement()) {
                        st.execute("SELECT 1"); // fails after the socket timeout when nobody answers
                    }
                    lastHeard = System.nanoTime();
                }
                if (notifications != null) {
                    for (PGNotification notification : notifications) {
                        if (!notification.getParameter().startsWith(origin + " ")) {
                            raise();
                        }
                    }
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                if (connected) {
                    connected = false;
                    raise();
                }
                closeQuietly(c);
                connection = null;
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    return;
                }
                pause = Math.min(MAX_PAUSE_MILLIS, pause * 2);
            }
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // gone already
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        closeQuietly(connection);
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
