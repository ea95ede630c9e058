package org.ipdesk.store.postgres;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ipdesk.model.Change;
import org.ipdesk.model.ChangeAction;
import org.ipdesk.store.ServerLocation;
import org.ipdesk.store.Session;
import org.ipdesk.store.jdbc.Rows;

/** The change-log part of {@link PostgresSession} (the SQLite engine's, in PostgreSQL's SQL): writing a change and the change-log queries with their filters. */
abstract class PostgresChangeLog extends PostgresStatements implements Session {
    PostgresChangeLog(Connection connection, ServerLocation location) {
        super(connection, location);
    }

    @Override
    public void insertChange(Instant at, String user, ChangeAction action, String objectType, String objectKey,
                             String before, String after) {
        update("INSERT INTO change_log (at, os_user, action, object_type, object_key, before_json, after_json) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                at.toString(), user, action.label(), objectType, objectKey, before.isEmpty() ? null : before,
                after.isEmpty() ? null : after);
    }

    /** The newest changes first; {@code objectKey} filters when not empty. */
    @Override
    public List<Change> changes(String objectType, String objectKey, int limit) {
        return query("SELECT id, at, os_user, action, object_type, object_key, before_json, after_json, db_user FROM change_log "
                        + "WHERE (? = '' OR object_type = ?) AND (? = '' OR object_key = ?) ORDER BY id DESC LIMIT ?",
                Rows::changeRow, objectType, objectType, objectKey, objectKey, limit);
    }

    /** The changes that match, newest first, at most {@code limit}. */
    @Override
    public List<Change> changes(ChangeQuery query, int limit) {
        List<Object> params = new ArrayList<>();
        String where = changeWhere(query, params);
        params.add(limit);
        return query(CHANGE_COLUMNS + where + " ORDER BY id DESC LIMIT ?", Rows::changeRow, params.toArray());
    }

    /** How many changes match. */
    @Override
    public long countChanges(ChangeQuery query) {
        List<Object> params = new ArrayList<>();
        String where = changeWhere(query, params);
        return scalarLong("SELECT count(*) FROM change_log WHERE 1 = 1" + where, params.toArray());
    }

    /** Everyone who has made a change, in name order. */
    @Override
    public List<String> changeUsers() {
        return query("SELECT who FROM (SELECT DISTINCT " + WHO + " AS who FROM change_log) u ORDER BY lower(who), who",
                rs -> rs.getString(1));
    }

    /** Who made a change: the database user where there is one (a team database), else the OS user. */
    private static final String WHO = "(CASE WHEN db_user = '' THEN os_user ELSE db_user END)";
    private static final String CHANGE_COLUMNS = "SELECT id, at, os_user, action, object_type, object_key, before_json, "
            + "after_json, db_user FROM change_log WHERE 1 = 1";
    /**
     * The subnet's own row, or a range or address row whose key is the label, a space and one word (an IP or a
     * range): a range seek on the change_log_object index (object_type, object_key) for the three types.
     */
    private static final String BY_SUBNET_LABEL = " AND object_type IN ('subnet', 'range', 'address') "
            + "AND object_key >= ? AND object_key < ? AND ((object_type = 'subnet' AND object_key = ?) "
            + "OR (object_type <> 'subnet' AND substr(object_key, length(?) + 1, 1) = ' ' "
            + "AND strpos(substr(object_key, length(?) + 2), ' ') = 0))";
    /** Keys that start "CIDR in ": the subnet, its ranges and its addresses in every network; an index seek. */
    private static final String BY_SUBNET_CIDR = " AND object_type IN ('subnet', 'range', 'address') "
            + "AND object_key >= ? AND object_key < ?";
    private static final String BY_IP = " AND object_type = 'address' AND object_key LIKE ? ESCAPE '\\'";
    private static final String BY_USER = " AND " + WHO + " = ?";
    private static final String FROM = " AND at >= ?";
    private static final String UNTIL = " AND at < ?";
    /**
     * Times are stored as {@link Instant#toString()}, whose fraction of a second comes and goes
     * ("...T10:00:00Z", "...T10:00:00.5Z"), so a bound is written to the second with no zone letter: a prefix of
     * every time in that second, hence below them all in text order, and above every earlier second.
     */
    private static final java.time.format.DateTimeFormatter BOUND =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(java.time.ZoneOffset.UTC);

    /** The WHERE clause (constant fragments only) for {@code query}; its values go to {@code params}, in order. */
    private static String changeWhere(ChangeQuery query, List<Object> params) {
        StringBuilder where = new StringBuilder();
        if (query.subnetLabel().isPresent()) {
            String label = query.subnetLabel().get();
            where.append(BY_SUBNET_LABEL);
            // every key "label" or "label <word>": from the label up to (not including) "label!", as ' ' < '!'
            params.addAll(List.of(label, label + "!", label, label, label));
        }
        if (query.subnetCidr().isPresent()) {
            String prefix = query.subnetCidr().get() + " in ";
            where.append(BY_SUBNET_CIDR);
            params.addAll(List.of(prefix, query.subnetCidr().get() + " in!"));
        }
        if (query.ip().isPresent()) {
            where.append(BY_IP);
            params.add("% " + likeEscaped(query.ip().get()));
        }
        if (query.user().isPresent()) {
            where.append(BY_USER);
            params.add(query.user().get());
        }
        if (query.from().isPresent()) {
            where.append(FROM);
            params.add(BOUND.format(query.from().get()));
        }
        if (query.until().isPresent()) {
            where.append(UNTIL);
            params.add(BOUND.format(query.until().get()));
        }
        return where.toString();
    }

    /** {@code text} for a LIKE pattern with a backslash as ESCAPE: its own %, _ and backslash match only themselves. */
    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
