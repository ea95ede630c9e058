package org.ipdesk.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.ipdesk.address.Ip;
import org.ipdesk.address.IpRange;
import org.ipdesk.address.Mac;
import org.ipdesk.model.IgnoredFinding;
import org.ipdesk.model.MacSighting;
import org.ipdesk.model.Observation;
import org.ipdesk.model.ObservationTally;
import org.ipdesk.model.SourceKind;

/**
 * The observation, mac_sighting and ignored_finding tables, the same SQL on SQLite and PostgreSQL (both have
 * {@code INSERT ... ON CONFLICT ... DO UPDATE ... WHERE}). Every statement is parameterised; the only text put
 * together is a list of {@code ?} placeholders. Times are milliseconds since 1970 UTC.
 */
public final class ObservationTables {
    /** How many addresses one {@code IN (...)} read names. */
    private static final int CHUNK = 500;
    private static final String OBSERVATION_COLUMNS = "ip, last_seen, kind, file, mac, hostname";

    private final Connection connection;
    private final Function<SQLException, RuntimeException> failure;

    public ObservationTables(Connection connection, Function<SQLException, RuntimeException> failure) {
        this.connection = connection;
        this.failure = failure;
    }

    /**
     * Records a batch: per address the newest observation wins, an older one never overwrites a newer one; a newer
     * observation without a MAC or host name keeps the ones stored. Each MAC seen extends or starts a run in the
     * MAC history. Reads what is stored in chunks and writes with JDBC batches, inside the caller's transaction.
     */
    public ObservationTally record(List<Observation> batch) {
        if (batch.isEmpty()) {
            return new ObservationTally(0, 0, 0);
        }
        Map<Ip, List<Observation>> byIp = new LinkedHashMap<>();
        for (Observation o : batch) {
            byIp.computeIfAbsent(o.ip(), k -> new ArrayList<>()).add(o);
        }
        List<Ip> ips = new ArrayList<>(byIp.keySet());
        try {
            Map<Ip, Long> stored = storedTimes(ips);
            long added = 0;
            long updated = 0;
            long older = 0;
            List<Observation> winners = new ArrayList<>();
            for (Map.Entry<Ip, List<Observation>> entry : byIp.entrySet()) {
                List<Observation> seen = entry.getValue();
                // the newest of the batch; of equal times, the last one read
                Observation newest = seen.get(0);
                for (Observation o : seen) {
                    if (!o.seenAt().isBefore(newest.seenAt())) {
                        newest = o;
                    }
                }
                older += seen.size() - 1;
                Long storedAt = stored.get(entry.getKey());
                if (storedAt != null && newest.seenAt().toEpochMilli() <= storedAt) {
                    older++;
                } else {
                    if (storedAt == null) {
                        added++;
                    } else {
                        updated++;
                    }
                    winners.add(newest);
                }
            }
            writeRows(winners, 6, "INSERT INTO observation (" + OBSERVATION_COLUMNS + ") VALUES ",
                    " ON CONFLICT (ip) DO UPDATE SET last_seen = excluded.last_seen,"
                    + " kind = excluded.kind, file = excluded.file,"
                    + " mac = CASE WHEN excluded.mac <> '' THEN excluded.mac ELSE observation.mac END,"
                    + " hostname = CASE WHEN excluded.hostname <> '' THEN excluded.hostname ELSE observation.hostname END"
                    + " WHERE excluded.last_seen > observation.last_seen", (ps, at, o) -> {
                        ps.setBytes(at, o.ip().toBytes());
                        ps.setLong(at + 1, o.seenAt().toEpochMilli());
                        ps.setString(at + 2, o.kind().label());
                        ps.setString(at + 3, o.file());
                        ps.setString(at + 4, o.mac().map(Mac::canonical).orElse(""));
                        ps.setString(at + 5, o.hostname().orElse(""));
                    });
            recordSightings(byIp);
            return new ObservationTally(added, updated, older);
        } catch (SQLException e) {
            throw failure.apply(e);
        }
    }

    @FunctionalInterface
    private interface RowBinder<T> {
        void bind(PreparedStatement ps, int firstParameter, T row) throws SQLException;
    }

    /**
     * Writes rows with multi-row {@code VALUES} statements of up to {@link #CHUNK} rows (one round trip each, on any
     * engine): {@code head} ends with {@code VALUES }, {@code tail} follows the rows.
     */
    private <T> void writeRows(List<T> rows, int columns, String head, String tail, RowBinder<T> binder)
            throws SQLException {
        String row = "(" + placeholders(columns) + ")";
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<T> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            try (PreparedStatement ps = connection.prepareStatement(head
                    + String.join(", ", java.util.Collections.nCopies(chunk.size(), row)) + tail)) {
                for (int i = 0; i < chunk.size(); i++) {
                    binder.bind(ps, i * columns + 1, chunk.get(i));
                }
                ps.executeUpdate();
            }
        }
    }

    private Map<Ip, Long> storedTimes(List<Ip> ips) throws SQLException {
        Map<Ip, Long> stored = new HashMap<>();
        for (List<Ip> chunk : chunks(ips)) {
            try (PreparedStatement ps = connection.prepareStatement("SELECT ip, last_seen FROM observation WHERE ip IN ("
                    + placeholders(chunk.size()) + ")")) {
                bindIps(ps, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        stored.put(Ip.fromBytes(rs.getBytes(1)), rs.getLong(2));
                    }
                }
            }
        }
        return stored;
    }

    /** A run of one MAC on one address as it is being merged; {@code storedFirst} is its key in the table, if any. */
    private static final class Run {
        final String mac;
        long first;
        long last;
        final Long storedFirst;
        boolean changed;

        Run(String mac, long first, long last, Long storedFirst) {
            this.mac = mac;
            this.first = first;
            this.last = last;
            this.storedFirst = storedFirst;
        }

        boolean holds(long t) {
            return first <= t && t <= last;
        }
    }

    private void recordSightings(Map<Ip, List<Observation>> byIp) throws SQLException {
        List<Ip> withMac = byIp.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(o -> o.mac().isPresent())).map(Map.Entry::getKey).toList();
        if (withMac.isEmpty()) {
            return;
        }
        Map<Ip, List<Run>> runs = new HashMap<>();
        for (List<Ip> chunk : chunks(withMac)) {
            try (PreparedStatement ps = connection.prepareStatement("SELECT ip, mac, first_seen, last_seen FROM "
                    + "mac_sighting WHERE ip IN (" + placeholders(chunk.size()) + ")")) {
                bindIps(ps, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        runs.computeIfAbsent(Ip.fromBytes(rs.getBytes(1)), k -> new ArrayList<>())
                                .add(new Run(rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(3)));
                    }
                }
            }
        }
        record NewRun(byte[] ip, Run run) {
        }
        List<NewRun> inserts = new ArrayList<>();
        try (PreparedStatement update = connection.prepareStatement("UPDATE mac_sighting SET first_seen = ?, "
                + "last_seen = ? WHERE ip = ? AND mac = ? AND first_seen = ?")) {
            for (Ip ip : withMac) {
                List<Run> of = runs.computeIfAbsent(ip, k -> new ArrayList<>());
                byIp.get(ip).stream().filter(o -> o.mac().isPresent())
                        .sorted(Comparator.comparing(Observation::seenAt))
                        .forEach(o -> merge(of, o.mac().get().canonical(), o.seenAt().toEpochMilli()));
                byte[] bytes = ip.toBytes();
                for (Run run : of) {
                    if (run.storedFirst == null) {
                        inserts.add(new NewRun(bytes, run));
                    } else if (run.changed) {
                        update.setLong(1, run.first);
                        update.setLong(2, run.last);
                        update.setBytes(3, bytes);
                        update.setString(4, run.mac);
                        update.setLong(5, run.storedFirst);
                        update.addBatch();
                    }
                }
            }
            update.executeBatch();
        }
        writeRows(inserts, 4, "INSERT INTO mac_sighting (ip, mac, first_seen, last_seen) VALUES ", "", (ps, at, r) -> {
            ps.setBytes(at, r.ip());
            ps.setString(at + 1, r.run().mac);
            ps.setLong(at + 2, r.run().first);
            ps.setLong(at + 3, r.run().last);
        });
    }

    /**
     * One MAC seen at {@code t}: the newest run goes on when it is the same MAC, another MAC starts a run; a sighting
     * older than the newest run widens the run of that MAC around it, or is a run of its own.
     */
    private static void merge(List<Run> runs, String mac, long t) {
        Run latest = runs.stream().max(Comparator.comparingLong((Run r) -> r.last)).orElse(null);
        if (latest == null || t >= latest.last) {
            if (latest != null && latest.mac.equals(mac)) {
                latest.last = t;
                latest.changed = true;
            } else {
                runs.add(new Run(mac, t, t, null));
            }
            return;
        }
        if (runs.stream().anyMatch(r -> r.mac.equals(mac) && r.holds(t))) {
            return;
        }
        Optional<Run> before = runs.stream().filter(r -> r.first <= t).max(Comparator.comparingLong(r -> r.first));
        Optional<Run> after = runs.stream().filter(r -> r.first > t).min(Comparator.comparingLong(r -> r.first));
        if (before.isPresent() && before.get().mac.equals(mac)) {
            before.get().last = Math.max(before.get().last, t);
            before.get().changed = true;
        } else if (after.isPresent() && after.get().mac.equals(mac)) {
            after.get().first = t;
            after.get().changed = true;
        } else {
            runs.add(new Run(mac, t, t, null));
        }
    }

    /** The stored observations of the addresses in {@code range}, in address order. */
    public List<Observation> observationsIn(IpRange range) {
        return inRange("SELECT " + OBSERVATION_COLUMNS + " FROM observation WHERE ip BETWEEN ? AND ? AND length(ip) = ?"
                + " ORDER BY ip", range, rs -> {
                    String mac = rs.getString(5);
                    String hostname = rs.getString(6);
                    return new Observation(Ip.fromBytes(rs.getBytes(1)),
                            mac.isEmpty() ? Optional.empty() : Optional.of(new Mac(mac)),
                            hostname.isEmpty() ? Optional.empty() : Optional.of(hostname),
                            Instant.ofEpochMilli(rs.getLong(2)), SourceKind.parse(rs.getString(3)), rs.getString(4));
                });
    }

    /** The MAC runs of the addresses in {@code range}, by address, oldest run first. */
    public List<MacSighting> sightingsIn(IpRange range) {
        return inRange("SELECT ip, mac, first_seen, last_seen FROM mac_sighting WHERE ip BETWEEN ? AND ? AND length(ip)"
                + " = ? ORDER BY ip, first_seen, mac", range, rs -> new MacSighting(Ip.fromBytes(rs.getBytes(1)),
                new Mac(rs.getString(2)), Instant.ofEpochMilli(rs.getLong(3)), Instant.ofEpochMilli(rs.getLong(4))));
    }

    /** The ignored findings of the addresses in {@code range}, by address. */
    public List<IgnoredFinding> ignoredIn(IpRange range) {
        return inRange("SELECT ip, kind, seen FROM ignored_finding WHERE ip BETWEEN ? AND ? AND length(ip) = ?"
                + " ORDER BY ip, kind", range, rs -> new IgnoredFinding(Ip.fromBytes(rs.getBytes(1)), rs.getString(2),
                rs.getString(3)));
    }

    /**
     * How many addresses of each subnet were seen within the subnet's stale days before {@code now} ({@code
     * defaultDays} where it has none), by the subnet's label ("10.0.0.0/24 in dc1"): one statement, a range count on
     * the observations' key per subnet (subnets with none are left out).
     */
    public Map<String, Long> seenCountsBySubnet(Instant now, int defaultDays) {
        Map<String, Long> counts = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT n.name, s.first_ip, s.prefix, (SELECT count(*)"
                + " FROM observation o WHERE o.ip BETWEEN s.first_ip AND s.last_ip AND length(o.ip) = length(s.first_ip)"
                + " AND o.last_seen >= ? - COALESCE(s.stale_days, ?) * CAST(86400000 AS BIGINT))"
                + " FROM subnet s JOIN network n ON n.id = s.network_id")) {
            ps.setLong(1, now.toEpochMilli());
            ps.setInt(2, defaultDays);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long seen = rs.getLong(4);
                    if (seen > 0) {
                        counts.put(new org.ipdesk.address.Cidr(Ip.fromBytes(rs.getBytes(2)), rs.getInt(3)) + " in "
                                + rs.getString(1), seen);
                    }
                }
            }
        } catch (SQLException e) {
            throw failure.apply(e);
        }
        return counts;
    }

    /** A row of a query, read into a value. */
    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** The rows of {@code sql}, whose three parameters are {@code range} as {@link #bindRange} binds it. */
    private <T> List<T> inRange(String sql, IpRange range, RowReader<T> reader) {
        List<T> found = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bindRange(ps, range);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(reader.read(rs));
                }
            }
        } catch (SQLException e) {
            throw failure.apply(e);
        }
        return found;
    }

    /** Sets the three parameters both statements of an ignored finding take: its address, kind and what was seen. */
    private static void bind(PreparedStatement ps, IgnoredFinding finding) throws SQLException {
        ps.setBytes(1, finding.ip().toBytes());
        ps.setString(2, finding.kind());
        ps.setString(3, finding.seen());
    }

    /** Forgets the ignore of {@code finding} (its address, kind and what was seen); false when there was none. */
    public boolean forget(IgnoredFinding finding) {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM ignored_finding WHERE ip = ? AND kind = ?"
                + " AND seen = ?")) {
            bind(ps, finding);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure.apply(e);
        }
    }

    /** Remembers an ignored finding, replacing an earlier ignore of the same address and kind. */
    public void ignore(IgnoredFinding finding) {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO ignored_finding (ip, kind, seen) "
                + "VALUES (?, ?, ?) ON CONFLICT (ip, kind) DO UPDATE SET seen = excluded.seen")) {
            bind(ps, finding);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure.apply(e);
        }
    }

    /**
     * Inserts observations, MAC runs and ignored findings as they are (a whole-database copy into an empty target):
     * no merging, no runs made from the observations.
     */
    public void copy(List<Observation> observations, List<MacSighting> sightings, List<IgnoredFinding> ignored) {
        try {
            writeRows(observations, 6, "INSERT INTO observation (" + OBSERVATION_COLUMNS + ") VALUES ", "",
                    (ps, at, o) -> {
                        ps.setBytes(at, o.ip().toBytes());
                        ps.setLong(at + 1, o.seenAt().toEpochMilli());
                        ps.setString(at + 2, o.kind().label());
                        ps.setString(at + 3, o.file());
                        ps.setString(at + 4, o.mac().map(Mac::canonical).orElse(""));
                        ps.setString(at + 5, o.hostname().orElse(""));
                    });
            writeRows(sightings, 4, "INSERT INTO mac_sighting (ip, mac, first_seen, last_seen) VALUES ", "",
                    (ps, at, m) -> {
                        ps.setBytes(at, m.ip().toBytes());
                        ps.setString(at + 1, m.mac().canonical());
                        ps.setLong(at + 2, m.firstSeen().toEpochMilli());
                        ps.setLong(at + 3, m.lastSeen().toEpochMilli());
                    });
            writeRows(ignored, 3, "INSERT INTO ignored_finding (ip, kind, seen) VALUES ", "", (ps, at, i) -> {
                ps.setBytes(at, i.ip().toBytes());
                ps.setString(at + 1, i.kind());
                ps.setString(at + 2, i.seen());
            });
        } catch (SQLException e) {
            throw failure.apply(e);
        }
    }

    private static void bindRange(PreparedStatement ps, IpRange range) throws SQLException {
        ps.setBytes(1, range.start().toBytes());
        ps.setBytes(2, range.end().toBytes());
        ps.setInt(3, range.version().bytes());
    }

    private static void bindIps(PreparedStatement ps, List<Ip> ips) throws SQLException {
        for (int i = 0; i < ips.size(); i++) {
            ps.setBytes(i + 1, ips.get(i).toBytes());
        }
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static List<List<Ip>> chunks(List<Ip> ips) {
        List<List<Ip>> chunks = new ArrayList<>();
        for (int i = 0; i < ips.size(); i += CHUNK) {
            chunks.add(ips.subList(i, Math.min(ips.size(), i + CHUNK)));
        }
        return chunks;
    }
}
