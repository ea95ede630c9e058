package org.ipdesk.exchange;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares two database files row by row, every column of every table, with ids replaced by what they point at
 * (a subnet is "network name + CIDR", not its id). What is not compared is listed here with the reason, and a table
 * or column this class does not know makes the comparison fail, so a later migration cannot slip past it.
 */
final class DatabaseRows {
    private static final String SUBNET_KEY = "(SELECT n.name || ' ' || hex(x.first_ip) || '/' || x.prefix "
            + "FROM subnet x JOIN network n ON n.id = x.network_id WHERE x.id = %s)";

    /** A table: the query of its compared columns in a stable order, and its columns that are left out. */
    private record Table(String name, Set<String> compared, Map<String, String> leftOut, String query) {
    }

    private static final List<Table> TABLES = List.of(
            new Table("ipdesk_meta", Set.of("key", "value"), Map.of(),
                    "SELECT key, value FROM ipdesk_meta ORDER BY key"),
            new Table("flyway_schema_history",
                    Set.of("installed_rank", "version", "description", "type", "script", "checksum", "success"),
                    Map.of("installed_by", "the user who made the database",
                            "installed_on", "when the database was made",
                            "execution_time", "how long the migration took"),
                    "SELECT installed_rank, version, description, type, script, checksum, success "
                            + "FROM flyway_schema_history ORDER BY installed_rank"),
            new Table("network", Set.of("name", "description"), Map.of("id", "the import's own", "row_version", "how often the row was edited: the import's rows start anew"),
                    "SELECT name, description FROM network ORDER BY name"),
            new Table("subnet", Set.of("network_id", "version", "first_ip", "last_ip", "prefix", "name", "description",
                    "vlan", "gateway", "parent_id", "stale_days"), Map.of("id", "the import's own", "row_version", "how often the row was edited: the import's rows start anew"),
                    "SELECT n.name, s.version, hex(s.first_ip), hex(s.last_ip), s.prefix, s.name, s.description, "
                            + "s.vlan, hex(s.gateway), s.stale_days, " + SUBNET_KEY.formatted("s.parent_id")
                            + " FROM subnet s JOIN network n ON n.id = s.network_id "
                            + "ORDER BY n.name, s.version, s.first_ip, s.prefix"),
            new Table("address_range", Set.of("subnet_id", "start_ip", "end_ip", "kind", "description"),
                    Map.of("id", "the import's own", "row_version", "how often the row was edited: the import's rows start anew"),
                    "SELECT " + SUBNET_KEY.formatted("r.subnet_id") + " AS k, hex(r.start_ip), hex(r.end_ip), r.kind, "
                            + "r.description FROM address_range r ORDER BY k, r.start_ip"),
            new Table("address", Set.of("subnet_id", "ip", "status", "hostname", "mac", "owner", "description"),
                    Map.of("id", "the import's own",
                            "created_at", "the time of the import (documented: imported addresses get it)",
                            "updated_at", "the time of the import", "row_version", "how often the row was edited: the import's rows start anew"),
                    "SELECT " + SUBNET_KEY.formatted("a.subnet_id") + " AS k, hex(a.ip), a.status, a.hostname, a.mac, "
                            + "a.owner, a.description FROM address a ORDER BY k, a.ip"),
            new Table("free_extent", Set.of("subnet_id", "start_ip", "end_ip"), Map.of(),
                    "SELECT " + SUBNET_KEY.formatted("f.subnet_id") + " AS k, hex(f.start_ip), hex(f.end_ip) "
                            + "FROM free_extent f ORDER BY k, f.start_ip"));

    /** Tables left out whole. */
    private static final Map<String, String> LEFT_OUT = Map.of(
            "change_log", "the import writes its own entry; the history of the source is not exported",
            "observation", "what the network was seen to use is not a record: the address export does not carry it",
            "mac_sighting", "the MAC history is observations, not records",
            "ignored_finding", "ignored reconcile findings are not records",
            "dns_zone", "the SOA serials last written are bookkeeping of the BIND export, not records; the zone files"
                    + " written keep them from going back");

    private DatabaseRows() {
    }

    /**
     * @param compared    the tables compared
     * @param rowCounts   rows per compared table (of the first file)
     * @param differences one line per row that is in one file only: "address: only in source: ..."
     */
    record Comparison(List<String> compared, Map<String, Integer> rowCounts, List<String> differences) {
        int rowCount(String table) {
            return rowCounts.get(table);
        }
    }

    static Comparison compare(Path source, Path target) {
        try (Connection a = DriverManager.getConnection("jdbc:sqlite:" + source);
             Connection b = DriverManager.getConnection("jdbc:sqlite:" + target)) {
            checkKnown(a);
            checkKnown(b);
            List<String> compared = new ArrayList<>();
            Map<String, Integer> counts = new LinkedHashMap<>();
            List<String> differences = new ArrayList<>();
            for (Table table : TABLES) {
                List<String> left = rows(a, table.query());
                List<String> right = rows(b, table.query());
                compared.add(table.name());
                counts.put(table.name(), left.size());
                List<String> onlyLeft = new ArrayList<>(left);
                right.forEach(onlyLeft::remove);
                List<String> onlyRight = new ArrayList<>(right);
                left.forEach(onlyRight::remove);
                onlyLeft.forEach(r -> differences.add(table.name() + ": only in " + source.getFileName() + ": " + r));
                onlyRight.forEach(r -> differences.add(table.name() + ": only in " + target.getFileName() + ": " + r));
            }
            return new Comparison(compared, counts, differences);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static int count(Path file, String table) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            return rows(c, "SELECT * FROM " + table).size();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every table and column of the file is compared or left out here with a reason. */
    private static void checkKnown(Connection c) throws SQLException {
        Set<String> tables = new TreeSet<>(rows(c,
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"));
        for (String name : tables) {
            if (LEFT_OUT.containsKey(name)) {
                continue;
            }
            Table table = TABLES.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow(() ->
                    new AssertionError("table " + name + " is neither compared nor left out with a reason"));
            Set<String> columns = new TreeSet<>(rows(c, "SELECT name FROM pragma_table_info('" + name + "')"));
            Set<String> known = new TreeSet<>(table.compared());
            known.addAll(table.leftOut().keySet());
            if (!columns.equals(known)) {
                throw new AssertionError("table " + name + " has columns " + columns + "; compared or left out: " + known);
            }
        }
    }

    /** Each row as "v1|v2|...". */
    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    Object v = rs.getObject(i);
                    row.append(i > 1 ? "|" : "").append(v instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : v);
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
