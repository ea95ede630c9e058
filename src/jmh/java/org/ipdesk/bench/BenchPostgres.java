package org.ipdesk.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import org.ipdesk.store.ServerLocation;

/**
 * The PostgreSQL server of a benchmark fork: the one named by {@value #SERVER_VARIABLE}
 * ({@code postgresql://user@host:port/db}, password from {@code ~/.pgpass} or {@code PGPASSWORD}), else a server
 * of this machine started for the fork (zonky's embedded PostgreSQL 14 on 127.0.0.1, with its default durable
 * settings: fsync and synchronous commit on, as a real server runs). Each fixture gets a new database.
 */
final class BenchPostgres implements AutoCloseable {
    static final String SERVER_VARIABLE = "IPDESK_BENCH_POSTGRES";

    private final EmbeddedPostgres embedded;
    private final ServerLocation admin;
    private int databases;

    BenchPostgres() {
        String given = System.getenv(SERVER_VARIABLE);
        if (given != null && !given.isBlank()) {
            embedded = null;
            admin = ServerLocation.parse(given);
        } else {
            try {
                embedded = EmbeddedPostgres.builder().setRegisterShutdownHook(true)
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .setServerConfig("max_connections", "100").start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start PostgreSQL (set " + SERVER_VARIABLE + ")", e);
            }
            admin = new ServerLocation("127.0.0.1", embedded.getPort(), "postgres", Optional.of("postgres"), "disable");
        }
        System.out.printf("%nPostgreSQL: %s%n", admin);
    }

    /** A new empty database on the server. */
    ServerLocation freshDatabase(String purpose) {
        String name = "ipdesk_bench_" + purpose + "_" + ProcessHandle.current().pid() + "_" + (++databases);
        Properties properties = new Properties();
        admin.user().ifPresent(user -> properties.setProperty("user", user));
        try (Connection connection = DriverManager.getConnection(admin.jdbcUrl(), properties);
             Statement statement = connection.createStatement()) {
            // a generated name of letters, digits and underscores
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a benchmark database: " + e.getMessage(), e);
        }
        return new ServerLocation(admin.host(), admin.port(), name, admin.user(), admin.sslMode());
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                // the fork ends anyway
            }
        }
    }
}
