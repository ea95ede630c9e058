package org.ipdesk.store.postgres;

import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import org.ipdesk.store.ServerLocation;
import org.ipdesk.store.Session;
import org.ipdesk.store.StoreException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * PostgreSQL's errors in words an admin understands: which server cannot be reached, which constraint refused a
 * write and what it protects. Never a driver trace; the original exception stays as the cause.
 */
final class PostgresErrors {
    /** A serialisation failure: another transaction changed what this one read. Retried. */
    static final String SERIALIZATION_FAILURE = "40001";
    /** A deadlock the server broke by cancelling this transaction. Retried. */
    static final String DEADLOCK = "40P01";
    /** A statement the user's role may not run: said in words by {@link PostgresTeam#refusal}. */
    static final String INSUFFICIENT_PRIVILEGE = "42501";

    /** What each of the schema's constraints protects, by its name. */
    private static final Map<String, String> CONSTRAINTS = Map.ofEntries(
            Map.entry("network_name_nocase", "a network with this name exists already (names are compared without case)"),
            Map.entry("network_name_check", "a network needs a name"),
            Map.entry("subnet_network_id_version_first_ip_prefix_key", "this subnet exists already in its network"),
            Map.entry("subnet_network_id_fkey", "the subnet's network does not exist, or still has subnets"),
            Map.entry("subnet_parent_id_fkey", "the subnet still holds child subnets, or its parent does not exist"),
            Map.entry("subnet_vlan_check", "a VLAN is a number from 1 to 4094"),
            Map.entry("address_range_no_overlap", "two ranges of one subnet would overlap"),
            Map.entry("address_range_check", "a range must not end before it starts"),
            Map.entry("address_range_subnet_id_fkey", "the range's subnet does not exist"),
            Map.entry("address_subnet_id_ip_key", "the address is already held in this subnet"),
            Map.entry("address_subnet_id_fkey", "the address's subnet does not exist"),
            Map.entry("free_extent_pkey", "the subnet's free space would hold one address twice"));

    private PostgresErrors() {
    }

    static String state(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "";
    }

    /** Whether the transaction that failed with {@code e} may simply run again (serialisation failure, deadlock). */
    static boolean retryable(Throwable e) {
        String state = state(e);
        return state.equals(SERIALIZATION_FAILURE) || state.equals(DEADLOCK);
    }

    /** The statement the server refused for want of a privilege (42501) behind {@code e}, if that is what failed. */
    static Optional<SQLException> insufficientPrivilege(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState().equals(INSUFFICIENT_PRIVILEGE) ? Optional.of(sql) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Whether {@code e} says the connection is gone (class 08, or the server shutting down). */
    static boolean connectionLost(Throwable e) {
        String state = state(e);
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }

    /** The store's exception for a failed statement. */
    static StoreException failure(ServerLocation location, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (connectionLost(e)) {
            return unreachable(location, e);
        }
        if (state.startsWith("23")) {
            return new Session.ConstraintViolation(constraintMessage(e), e);
        }
        if (retryable(e)) {
            return new StoreException(concurrent(e), e);
        }
        if (state.equals("42501")) {
            return new StoreException("the server refused: " + serverText(e)
                    + " (your database user is not allowed to do this)", e);
        }
        return new StoreException("database error on " + location.name() + ": " + serverText(e), e);
    }

    /** The server cannot be reached, or the connection to it broke. */
    static StoreException unreachable(ServerLocation location, Throwable e) {
        return new StoreException("cannot reach the PostgreSQL server " + location.hostForUrl() + ":" + location.port()
                + " (" + shortReason(e) + "); nothing was changed by the command that failed", e);
    }

    /**
     * Why TLS refused the connection, in words, or empty when TLS is not what failed: the server's certificate names
     * another host, the authority's certificate is missing on this desk or did not sign the server's, or the server
     * offers no TLS.
     */
    static Optional<String> tlsProblem(ServerLocation location, Throwable e) {
        String host = location.hostForUrl();
        for (Throwable t = e; t != null; t = t.getCause()) {
            String text = t.getMessage() == null ? "" : t.getMessage();
            if (text.contains("could not be verified by hostnameverifier")) {
                return Optional.of("the server's certificate is not for the name " + host + " (sslmode="
                        + location.sslMode() + " checks it): connect with the name its certificate gives, or ask for a"
                        + " certificate for " + host);
            }
            if (text.startsWith("Could not open SSL root certificate file")) {
                String file = text.substring("Could not open SSL root certificate file".length()).strip()
                        .replaceFirst("\\.$", "");
                return Optional.of("sslmode=" + location.sslMode() + " checks the server's certificate against the"
                        + " certificate of the authority that signed it, which this desk does not have: put it (PEM) in "
                        + file);
            }
            if (text.contains("The server does not support SSL")) {
                return Optional.of("the server " + host + ":" + location.port() + " offers no TLS, which sslmode="
                        + location.sslMode() + " requires; ask its admin to turn on ssl, or choose sslmode=prefer");
            }
            if (t instanceof javax.net.ssl.SSLHandshakeException || text.contains("PKIX path")) {
                return Optional.of("the server's certificate is not signed by an authority this desk trusts"
                        + " (~/.postgresql/root.crt): put the certificate of the authority that signed it there");
            }
        }
        return Optional.empty();
    }

    /** What the server said about a refused connection, in words: wrong password, no such database, down, TLS. */
    static StoreException cannotConnect(ServerLocation location, SQLException e) {
        Optional<String> tls = tlsProblem(location, e);
        if (tls.isPresent()) {
            return new StoreException("cannot open " + location.name() + ": " + tls.get(), e);
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String user = location.user().orElse(System.getProperty("user.name"));
        if (state.equals("08004") && e.getMessage() != null && e.getMessage().contains("no password was provided")) {
            return new StoreException("cannot log in to " + location + " as " + user + ": the server asks for a"
                    + " password and none was given; put it in ~/.pgpass or give it when asked", e);
        }
        return switch (state) {
            case "28P01", "28000" -> new StoreException("cannot log in to " + location + " as " + user + ": "
                    + "the server refused the password (or none was given); put it in ~/.pgpass or give it when asked", e);
            case "3D000" -> new StoreException("there is no database '" + location.database() + "' on the server "
                    + location.hostForUrl() + ":" + location.port() + "; ask its owner to create it", e);
            case "53300" -> new StoreException("the server " + location.hostForUrl() + ":" + location.port()
                    + " has no free connections; try again later", e);
            default -> connectionLost(e) || state.isEmpty() ? unreachable(location, e)
                    : new StoreException("cannot open " + location + ": " + serverText(e), e);
        };
    }

    static String concurrent(Throwable e) {
        return state(e).equals(DEADLOCK)
                ? "the server broke a deadlock with another user's transaction"
                : "another user's transaction changed the same data at the same time";
    }

    private static String constraintMessage(SQLException e) {
        Optional<ServerErrorMessage> server = serverMessage(e);
        String constraint = server.map(ServerErrorMessage::getConstraint).orElse(null);
        String known = constraint == null ? null : CONSTRAINTS.get(constraint);
        if (known != null) {
            return known;
        }
        String state = e.getSQLState();
        String what = switch (state) {
            case "23505" -> "a value that must be unique exists already";
            case "23503" -> "a record still refers to another one, or refers to one that does not exist";
            case "23514" -> "a value is outside what the database allows";
            case "23P01" -> "two records would overlap";
            case "23502" -> "a required value is missing";
            default -> "the database refused the change";
        };
        return what + (constraint == null ? "" : " (constraint " + constraint + ")");
    }

    private static Optional<ServerErrorMessage> serverMessage(SQLException e) {
        return e instanceof PSQLException psql ? Optional.ofNullable(psql.getServerErrorMessage()) : Optional.empty();
    }

    /** The server's own message (first line, without the driver's "ERROR:" prefix and hints). */
    static String serverText(SQLException e) {
        return serverMessage(e).map(ServerErrorMessage::getMessage).filter(m -> m != null && !m.isBlank())
                .orElseGet(() -> firstLine(e.getMessage()));
    }

    private static String shortReason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException) {
                return "connection refused";
            }
            if (t instanceof java.net.UnknownHostException) {
                return "unknown host";
            }
            if (t instanceof java.net.SocketTimeoutException) {
                return "timed out";
            }
        }
        String state = state(e);
        if (state.equals("57P01") || state.equals("57P02")) {
            return "the server is shutting down";
        }
        if (state.equals("57P03")) {
            return "the server is starting up or shutting down";
        }
        if (state.startsWith("08")) {
            return "the connection was lost";
        }
        return firstLine(e.getMessage());
    }

    private static String firstLine(String text) {
        return text == null ? "no reason given" : text.lines().findFirst().orElse("").replaceFirst("^ERROR: ", "");
    }
}
