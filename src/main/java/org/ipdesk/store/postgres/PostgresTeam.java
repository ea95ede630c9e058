package org.ipdesk.store.postgres;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ipdesk.store.StoreException;
import org.ipdesk.store.Team;
import org.ipdesk.store.Team.Change;

/**
 * The roles of a team database, enforced by PostgreSQL. Three group roles per database (roles are shared by the whole
 * server, so they are named after the database: {@code ipdesk_<db>_viewer}, {@code _editor}, {@code _admin}) hold the
 * GRANTs; a user is made a member of one of them. The viewer reads every table; the editor also inserts, updates and
 * deletes addresses, ranges and free space and writes the change log; the admin also networks and subnets, and may
 * run {@code ipdesk_team_set}, a SECURITY DEFINER function (owned by whoever ran {@link #init}) that is the only way
 * members are granted and revoked, so an admin needs no right to create roles.
 *
 * <p>Every name that goes into a statement is quoted by the server ({@code format('%I')}): a user name with quotes,
 * spaces or semicolons is a name, never SQL.
 */
final class PostgresTeam implements Team {
    /** PostgreSQL's longest name (NAMEDATALEN - 1), in bytes; a longer one would be cut silently. */
    static final int MAX_NAME_BYTES = 63;
    private static final List<Role> GRANTABLE = List.of(Role.VIEWER, Role.EDITOR, Role.ADMIN);
    /** IPDesk's tables, which every role reads. */
    private static final List<String> TABLES = List.of("ipdesk_meta", "flyway_schema_history", "network", "subnet",
            "address_range", "address", "free_extent", "change_log", "observation", "mac_sighting", "ignored_finding",
            "dns_zone");
    /** What an editor (and an admin) changes. */
    private static final List<String> EDITED = List.of("address", "address_range", "free_extent", "observation",
            "mac_sighting", "ignored_finding", "dns_zone");
    /** What only an admin changes. */
    private static final List<String> ADMINISTERED = List.of("network", "subnet");
    private static final Pattern REFUSED_OBJECT = Pattern.compile(
            "permission denied for (?:table|relation|sequence|function) (\\S+)");

    /**
     * The body of {@code ipdesk_team_set(target_user, target_level)}: takes every team role from the user, then gives
     * it the one at the level (1 viewer, 2 editor, 3 admin; 0 none). The three {@code %L} are the roles' names.
     */
    private static final String SET_BODY = """
            DECLARE
                team_roles text[] := ARRAY[%L, %L, %L];
                team_role text;
            BEGIN
                IF target_level < 0 OR target_level > 3 THEN
                    RAISE EXCEPTION 'no team role of level %%', target_level;
                END IF;
                IF target_user = ANY (team_roles) THEN
                    RAISE EXCEPTION '%% is a role of the team, not a user', target_user;
                END IF;
                FOREACH team_role IN ARRAY team_roles LOOP
                    IF EXISTS (SELECT 1 FROM pg_catalog.pg_auth_members a
                               JOIN pg_catalog.pg_roles g ON g.oid = a.roleid
                               JOIN pg_catalog.pg_roles m ON m.oid = a.member
                               WHERE g.rolname = team_role AND m.rolname = target_user) THEN
                        EXECUTE pg_catalog.format('REVOKE %%I FROM %%I', team_role, target_user);
                    END IF;
                END LOOP;
                IF target_level > 0 THEN
                    EXECUTE pg_catalog.format('GRANT %%I TO %%I', team_roles[target_level], target_user);
                END IF;
            END
            """;

    private final PostgresDatabase database;

    PostgresTeam(PostgresDatabase database) {
        this.database = database;
    }

    // ------------------------------------------------------------------ names

    /**
     * The server's name of {@code role} for {@code databaseName}: {@code ipdesk_<db>_<role>}; when that is longer
     * than PostgreSQL keeps, the database name is cut and a hash of the whole name keeps it apart from others.
     */
    static String roleName(String databaseName, Role role) {
        String name = "ipdesk_" + databaseName + "_" + role.word();
        if (bytes(name) <= MAX_NAME_BYTES) {
            return name;
        }
        String hash = String.format("%08x", databaseName.hashCode());
        String tail = "_" + hash + "_" + role.word();
        StringBuilder cut = new StringBuilder("ipdesk_");
        for (int i = 0; i < databaseName.length(); ) {
            int cp = databaseName.codePointAt(i);
            String next = new String(Character.toChars(cp));
            if (bytes(cut + next + tail) > MAX_NAME_BYTES) {
                break;
            }
            cut.append(next);
            i += Character.charCount(cp);
        }
        return cut + tail;
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Refuses what cannot be a PostgreSQL user name, naming the problem. */
    static String checkUserName(String user) {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("a user name is needed (the PostgreSQL login of the member)");
        }
        if (user.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a PostgreSQL user name cannot hold a NUL character");
        }
        if (bytes(user) > MAX_NAME_BYTES) {
            throw new IllegalArgumentException("'" + user + "' is not a PostgreSQL user name: it has " + bytes(user)
                    + " bytes, and PostgreSQL names have at most " + MAX_NAME_BYTES);
        }
        return user;
    }

    // ------------------------------------------------------------------ the capability

    @Override
    public List<String> init() {
        return database.withConnection(c -> {
            Who who = who(c);
            if (!who.owner()) {
                throw new StoreException(who.user() + " does not own " + database.location().name() + ": team init is"
                        + " run by the database's owner (" + who.databaseOwner() + ")");
            }
            if (!who.mayCreateRoles()) {
                throw new StoreException(who.user() + " may not create roles on the server " + database.location()
                        .hostForUrl() + ": team init needs it (a superuser runs ALTER ROLE "
                        + quoteIdent(c, who.user()) + " CREATEROLE)");
            }
            String tableOwner = single(c, "SELECT tableowner FROM pg_catalog.pg_tables WHERE schemaname ="
                    + " current_schema() AND tablename = 'address'");
            if (!tableOwner.equals(who.user()) && !who.superuser()) {
                throw new StoreException("IPDesk's tables belong to " + tableOwner + ", not to " + who.user()
                        + ": team init is run by the user that created them");
            }
            Map<Role, String> roles = roleNames(who.database());
            for (String role : roles.values()) {
                if (!exists(c, role)) {
                    execute(c, "CREATE ROLE %I NOLOGIN", role);
                }
                execute(c, "GRANT CONNECT ON DATABASE %I TO %I", who.database(), role);
                execute(c, "GRANT USAGE ON SCHEMA %I TO %I", who.schema(), role);
                for (String table : TABLES) {
                    execute(c, "GRANT SELECT ON TABLE %I.%I TO %I", who.schema(), table, role);
                }
            }
            for (Role role : List.of(Role.EDITOR, Role.ADMIN)) {
                List<String> tables = new ArrayList<>(EDITED);
                if (role == Role.ADMIN) {
                    tables.addAll(ADMINISTERED);
                }
                for (String table : tables) {
                    execute(c, "GRANT INSERT, UPDATE, DELETE ON TABLE %I.%I TO %I", who.schema(), table, roles.get(role));
                }
                execute(c, "GRANT INSERT ON TABLE %I.change_log TO %I", who.schema(), roles.get(role));
                tables.add("change_log");
                for (String table : tables) {
                    if (List.of("free_extent", "observation", "mac_sighting", "ignored_finding", "dns_zone").contains(table)) {
                        continue; // keyed by their addresses: no sequence
                    }
                    String sequence = sequenceOf(c, who.schema(), table);
                    if (sequence != null) {
                        execute(c, "GRANT USAGE ON SEQUENCE " + sequence + " TO %I", roles.get(role));
                    }
                }
            }
            String body = format(c, SET_BODY, roles.get(Role.VIEWER), roles.get(Role.EDITOR), roles.get(Role.ADMIN));
            execute(c, "CREATE OR REPLACE FUNCTION %I.ipdesk_team_set(target_user text, target_level integer)"
                    + " RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS %L",
                    who.schema(), body);
            execute(c, "REVOKE ALL ON FUNCTION %I.ipdesk_team_set(text, integer) FROM PUBLIC", who.schema());
            execute(c, "GRANT EXECUTE ON FUNCTION %I.ipdesk_team_set(text, integer) TO %I", who.schema(),
                    roles.get(Role.ADMIN));
            return List.copyOf(roles.values());
        });
    }

    @Override
    public void grant(String user, Role role) {
        checkUserName(user);
        if (role == Role.OWNER) {
            throw new IllegalArgumentException("the owner is not granted: it is the user that owns the database");
        }
        database.withConnection(c -> {
            Who who = mayManage(c);
            checkMember(c, who, user);
            set(c, who, user, GRANTABLE.indexOf(role) + 1);
            return null;
        });
    }

    @Override
    public Role revoke(String user) {
        checkUserName(user);
        return database.withConnection(c -> {
            Who who = mayManage(c);
            checkMember(c, who, user);
            Role had = membersOf(c, who).get(user);
            if (had == null) {
                throw new StoreException(user + " has no role in " + database.location().name() + "; nothing was"
                        + " changed");
            }
            set(c, who, user, 0);
            return had;
        });
    }

    @Override
    public List<Member> members() {
        return database.readConnection(c -> {
            Who who = who(c);
            List<Member> members = new ArrayList<>();
            members.add(new Member(who.databaseOwner(), Role.OWNER));
            membersOf(c, who).forEach((user, role) -> members.add(new Member(user, role)));
            return members;
        });
    }

    @Override
    public String user() {
        return database.readConnection(c -> who(c).user());
    }

    @Override
    public Optional<Role> role() {
        return database.readConnection(c -> who(c).role());
    }

    // ------------------------------------------------------------------ refusals in words

    /**
     * The store's exception for a statement the server refused for want of a privilege (42501): who the user is in
     * this team database and what its role may do, instead of the server's "permission denied for table subnet".
     * Read in a transaction of its own (the refused one is rolled back already).
     */
    static StoreException refusal(PostgresDatabase database, SQLException refused, Throwable thrown) {
        String object = "";
        Matcher m = REFUSED_OBJECT.matcher(PostgresErrors.serverText(refused));
        if (m.find()) {
            object = m.group(1).replace("\"", "");
        }
        Optional<Change> change = switch (object.replaceFirst("_id_seq$", "")) {
            case "network" -> Optional.of(Change.NETWORKS);
            case "subnet" -> Optional.of(Change.SUBNETS);
            case "address", "free_extent", "observation", "mac_sighting", "ignored_finding" ->
                    Optional.of(Change.ADDRESSES);
            case "address_range" -> Optional.of(Change.RANGES);
            case "ipdesk_team_set" -> Optional.of(Change.MEMBERS);
            default -> Optional.empty();
        };
        Who who;
        try {
            who = database.readConnection(PostgresTeam::who);
        } catch (RuntimeException e) {
            return new StoreException("the server refused: " + PostgresErrors.serverText(refused)
                    + " (your database user is not allowed to do this)", thrown);
        }
        // no role: said whatever was refused; a role: said when the refused table is one the roles divide
        Optional<String> words = who.role().isEmpty() || change.isPresent()
                ? Team.refusal(who.user(), who.role(), change.orElse(Change.ADDRESSES)) : Optional.empty();
        String message = words.orElseGet(() -> who.user() + who.role().map(r -> " is " + r.withArticle() + " of this"
                + " team database, and yet the server refused: ").orElse(": the server refused: ")
                + PostgresErrors.serverText(refused) + "; the database's owner runs 'ipdesk team init' again to renew"
                + " the grants");
        return new StoreException(message, thrown);
    }

    // ------------------------------------------------------------------ the server's side

    /** Who is connected, to which database, and what it may do there. */
    private record Who(String user, String database, String schema, String databaseOwner, boolean superuser,
                       boolean owner, boolean mayCreateRoles, Optional<Role> role) {
    }

    private static Who who(Connection c) throws SQLException {
        String user;
        String db;
        String schema;
        String owner;
        boolean superuser;
        boolean createRole;
        try (PreparedStatement ps = c.prepareStatement("SELECT session_user, current_database(), current_schema(),"
                + " pg_catalog.pg_get_userbyid(d.datdba), r.rolsuper, r.rolcreaterole"
                + " FROM pg_catalog.pg_database d, pg_catalog.pg_roles r"
                + " WHERE d.datname = current_database() AND r.rolname = session_user");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            user = rs.getString(1);
            db = rs.getString(2);
            schema = rs.getString(3);
            owner = rs.getString(4);
            superuser = rs.getBoolean(5);
            createRole = rs.getBoolean(6);
        }
        boolean isOwner = superuser || owner.equals(user);
        Optional<Role> role = Optional.empty();
        if (isOwner) {
            role = Optional.of(Role.OWNER);
        } else {
            Map<Role, String> names = roleNames(db);
            try (PreparedStatement ps = c.prepareStatement("SELECT r.rolname FROM pg_catalog.pg_roles r"
                    + " WHERE r.rolname = ANY (?) AND pg_catalog.pg_has_role(session_user, r.oid, 'MEMBER')")) {
                ps.setArray(1, c.createArrayOf("text", names.values().toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String name = rs.getString(1);
                        for (Map.Entry<Role, String> e : names.entrySet()) {
                            if (e.getValue().equals(name) && (role.isEmpty() || e.getKey().compareTo(role.get()) > 0)) {
                                role = Optional.of(e.getKey());
                            }
                        }
                    }
                }
            }
        }
        return new Who(user, db, schema, owner, superuser, isOwner, superuser || createRole, role);
    }

    private static Map<Role, String> roleNames(String databaseName) {
        Map<Role, String> names = new EnumMap<>(Role.class);
        for (Role role : GRANTABLE) {
            names.put(role, roleName(databaseName, role));
        }
        return names;
    }

    /** The connected user, when it may manage members (an admin or the owner); else refused in words. */
    private Who mayManage(Connection c) throws SQLException {
        Who who = who(c);
        Map<Role, String> names = roleNames(who.database());
        if (!exists(c, names.get(Role.ADMIN))) {
            throw new StoreException(database.location().name() + " has no team roles yet: its owner runs 'ipdesk"
                    + " --db " + database.location() + " team init' first");
        }
        Optional<String> refused = Team.refusal(who.user(), who.role(), Change.MEMBERS);
        if (refused.isPresent()) {
            throw new StoreException(refused.get());
        }
        return who;
    }

    /** Refuses a user that does not exist on the server (saying how to create it), or a team role. */
    private static void checkMember(Connection c, Who who, String user) throws SQLException {
        if (roleNames(who.database()).containsValue(user)) {
            throw new IllegalArgumentException(user + " is one of the team's own roles, not a user");
        }
        if (!exists(c, user)) {
            throw new IllegalArgumentException("there is no PostgreSQL user " + user + " on the server; create it first"
                    + " (as a user allowed to create roles): CREATE ROLE " + quoteIdent(c, user)
                    + " LOGIN PASSWORD '...';");
        }
    }

    /** Each member (a direct member of one of the team's roles) and its highest role, by name. */
    private static Map<String, Role> membersOf(Connection c, Who who) throws SQLException {
        Map<Role, String> names = roleNames(who.database());
        Map<String, Role> members = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT m.rolname, g.rolname FROM pg_catalog.pg_auth_members a"
                + " JOIN pg_catalog.pg_roles g ON g.oid = a.roleid JOIN pg_catalog.pg_roles m ON m.oid = a.member"
                + " WHERE g.rolname = ANY (?) ORDER BY m.rolname COLLATE \"C\"")) {
            ps.setArray(1, c.createArrayOf("text", names.values().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String user = rs.getString(1);
                    String group = rs.getString(2);
                    for (Map.Entry<Role, String> e : names.entrySet()) {
                        if (e.getValue().equals(group)) {
                            members.merge(user, e.getKey(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
                        }
                    }
                }
            }
        }
        return members;
    }

    private static void set(Connection c, Who who, String user, int level) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + quoteIdent(c, who.schema())
                + ".ipdesk_team_set(?, ?)")) {
            ps.setString(1, user);
            ps.setInt(2, level);
            ps.execute();
        }
    }

    private static boolean exists(Connection c, String role) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = ?")) {
            ps.setString(1, role);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The sequence of {@code table}'s id column, quoted, or null when it has none. */
    private static String sequenceOf(Connection c, String schema, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_catalog.pg_get_serial_sequence("
                + "pg_catalog.format('%I.%I', ?::text, ?::text), 'id')")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    private static String quoteIdent(Connection c, String name) throws SQLException {
        return format(c, "%I", name);
    }

    /** The server's {@code format(template, values...)}: {@code %I} quotes a name, {@code %L} a literal. */
    private static String format(Connection c, String template, String... values) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT pg_catalog.format(?::text");
        sql.append(", ?::text".repeat(values.length)).append(')');
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setString(1, template);
            for (int i = 0; i < values.length; i++) {
                ps.setString(i + 2, values[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** Runs a statement whose names the server quoted ({@link #format}). */
    private static void execute(Connection c, String template, String... names) throws SQLException {
        String sql = format(c, template, names);
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
