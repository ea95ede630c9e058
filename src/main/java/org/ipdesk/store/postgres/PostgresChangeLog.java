package org.ipdesk.store.postgres;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ipdesk.model.Change;
import org.ipdesk.model.ChangeAction;
import org.ipdesk.store.ServerLocation;
import org.ipdesk.store.Session;
import org.ipdesk.store.jdbc.ChangeLogWhere;
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
        String where = WHERE.of(query, params);
        params.add(limit);
        return query(ChangeLogWhere.COLUMNS + where + " ORDER BY id DESC LIMIT ?", Rows::changeRow, params.toArray());
    }

    /** How many changes match. */
    @Override
    public long countChanges(ChangeQuery query) {
        List<Object> params = new ArrayList<>();
        String where = WHERE.of(query, params);
        return scalarLong("SELECT count(*) FROM change_log WHERE 1 = 1" + where, params.toArray());
    }

    /** Everyone who has made a change, in name order. */
    @Override
    public List<String> changeUsers() {
        return query("SELECT who FROM (SELECT DISTINCT " + ChangeLogWhere.WHO + " AS who FROM change_log) u ORDER BY lower(who), who",
                rs -> rs.getString(1));
    }

    private static final ChangeLogWhere WHERE = new ChangeLogWhere("strpos");
}
