package org.ipdesk.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A team database on a PostgreSQL server, written {@code postgresql://[user@]host[:port]/dbname[?sslmode=MODE]}.
 * It never holds a password: the driver reads {@code ~/.pgpass}, or the window asks and keeps it in the OS keyring.
 *
 * @param host     the server's host name or address (an IPv6 address without brackets)
 * @param port     the TCP port, 5432 unless given
 * @param database the database's name
 * @param user     the database user; empty means the OS user, as psql does
 * @param sslMode  libpq's TLS mode ({@link #SSL_MODES}), {@code prefer} unless given
 */
public record ServerLocation(String host, int port, String database, Optional<String> user, String sslMode)
        implements Location {
    /** The scheme of a server location, as libpq and psql write it. */
    public static final String SCHEME = "postgresql";
    public static final int DEFAULT_PORT = 5432;
    public static final String DEFAULT_SSL_MODE = "prefer";
    /** libpq's TLS modes, weakest first; {@code verify-full} checks the certificate and the host name. */
    public static final List<String> SSL_MODES = List.of("disable", "allow", "prefer", "require", "verify-ca",
            "verify-full");

    public ServerLocation {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(sslMode, "sslMode");
        if (host.isBlank()) {
            throw new IllegalArgumentException("a team database needs a server host name");
        }
        if (database.isBlank()) {
            throw new IllegalArgumentException("a team database needs a database name after the host, as in "
                    + SCHEME + "://db.example/ipam");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is not a TCP port (1 to 65535)");
        }
        if (!SSL_MODES.contains(sslMode)) {
            throw new IllegalArgumentException("sslmode '" + sslMode + "' is not one of " + String.join(", ", SSL_MODES));
        }
        user = user.filter(u -> !u.isBlank());
    }

    /** Whether {@code text} names a server ({@code postgresql://…} or {@code postgres://…}) rather than a file. */
    public static boolean isServer(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith(SCHEME + "://") || lower.startsWith("postgres://");
    }

    /**
     * Reads {@code postgresql://[user@]host[:port]/dbname[?sslmode=MODE]}; refuses a password in the text (it would
     * end in shell history and settings) and any parameter other than {@code sslmode}, naming the problem.
     */
    public static ServerLocation parse(String text) {
        String given = text.strip();
        if (!isServer(given)) {
            throw new IllegalArgumentException("'" + given + "' is not a server location; write " + SCHEME
                    + "://[user@]host[:port]/dbname");
        }
        URI uri;
        try {
            uri = new URI(given);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + given + "' is not a valid server location: " + e.getReason()
                    + "; write " + SCHEME + "://[user@]host[:port]/dbname[?sslmode=verify-full]");
        }
        String host = uri.getHost();
        String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
        java.util.regex.Matcher port = java.util.regex.Pattern.compile(":(\\d+)$").matcher(authority);
        if ((host == null || host.isBlank()) && port.find()) {
            // java.net.URI gives no host when the port does not fit in an int: say what is wrong
            throw new IllegalArgumentException("port " + port.group(1) + " is not a TCP port (1 to 65535)");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("'" + given + "' names no server host; write " + SCHEME
                    + "://[user@]host[:port]/dbname");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        Optional<String> user = Optional.empty();
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            if (userInfo.contains(":")) {
                throw new IllegalArgumentException("leave the password out of the location: IPDesk reads it from"
                        + " ~/.pgpass or asks for it and keeps it in the system keyring");
            }
            user = Optional.of(decode(userInfo));
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String database = decode(path.startsWith("/") ? path.substring(1) : path);
        if (database.contains("/")) {
            throw new IllegalArgumentException("'" + database + "' is not a database name (it holds a '/')");
        }
        String sslMode = DEFAULT_SSL_MODE;
        String query = uri.getRawQuery();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String key = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                if (!key.equals("sslmode")) {
                    throw new IllegalArgumentException("unknown parameter '" + key + "' in the server location;"
                            + " only sslmode is understood (" + String.join(", ", SSL_MODES) + ")");
                }
                sslMode = value;
            }
        }
        return new ServerLocation(host, uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), database, user, sslMode);
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The same server and database as another user. */
    public ServerLocation withUser(String otherUser) {
        return new ServerLocation(host, port, database, Optional.of(otherUser), sslMode);
    }

    /** The host as it appears in a URL: an IPv6 address in brackets. */
    public String hostForUrl() {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** The JDBC URL of this location, without user or password (they travel as connection properties). */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + hostForUrl() + ":" + port + "/" + urlEncode(database) + "?sslmode=" + sslMode;
    }

    private static String urlEncode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** "ipam on db.example:5432", for titles; the user is added by whoever knows the role. */
    @Override
    public String name() {
        return database + " on " + hostForUrl() + ":" + port;
    }

    /** The location as the user writes it after {@code --db}; parsing it gives back an equal location. */
    @Override
    public String toString() {
        return SCHEME + "://" + user.map(u -> urlEncode(u) + "@").orElse("") + hostForUrl()
                + (port == DEFAULT_PORT ? "" : ":" + port) + "/" + urlEncode(database)
                + (sslMode.equals(DEFAULT_SSL_MODE) ? "" : "?sslmode=" + sslMode);
    }
}
