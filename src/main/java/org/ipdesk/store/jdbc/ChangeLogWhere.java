package org.ipdesk.store.jdbc;

import java.time.Instant;
import java.util.List;
import org.ipdesk.store.Session.ChangeQuery;

/**
 * The change-log filters of History ({@link ChangeQuery}) as a WHERE clause of constant fragments and its values:
 * the same on both engines but for one function name.
 */
public final class ChangeLogWhere {
    /** Who made a change: the database user where there is one (a team database), else the OS user. */
    public static final String WHO = "(CASE WHEN db_user = '' THEN os_user ELSE db_user END)";
    public static final String COLUMNS = "SELECT id, at, os_user, action, object_type, object_key, before_json, "
            + "after_json, db_user FROM change_log WHERE 1 = 1";
    /**
     * The subnet's own row, or a range or address row whose key is the label, a space and one word (an IP or a
     * range): a range seek on the change_log_object index (object_type, object_key) for the three types.
     */
    private static final String BY_SUBNET_LABEL = " AND object_type IN ('subnet', 'range', 'address') "
            + "AND object_key >= ? AND object_key < ? AND ((object_type = 'subnet' AND object_key = ?) "
            + "OR (object_type <> 'subnet' AND substr(object_key, length(?) + 1, 1) = ' ' "
            + "AND %s(substr(object_key, length(?) + 2), ' ') = 0))";
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

    private final String bySubnetLabel;

    /** @param positionFunction the engine's "position of a text in a text" function: SQLite's instr, PostgreSQL's strpos */
    public ChangeLogWhere(String positionFunction) {
        this.bySubnetLabel = BY_SUBNET_LABEL.formatted(positionFunction);
    }

    /** The WHERE clause (constant fragments only) for {@code query}; its values go to {@code params}, in order. */
    public String of(ChangeQuery query, List<Object> params) {
        StringBuilder where = new StringBuilder();
        if (query.subnetLabel().isPresent()) {
            String label = query.subnetLabel().get();
            where.append(bySubnetLabel);
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
