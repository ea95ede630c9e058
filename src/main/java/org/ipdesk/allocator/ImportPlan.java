package org.ipdesk.allocator;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The preview of an import: what each row would do, in row order, and the items to apply. Nothing of it has been
 * written. {@link Allocator#applyImport} applies it only when no row is an error or a conflict.
 *
 * @param source the file name, as the change log records it
 * @param layout the file layout ("ipdesk", "netbox-addresses", ...)
 */
public record ImportPlan(String source, String layout, List<ImportItem> items, List<Row> rows) {

    public ImportPlan {
        items = List.copyOf(items);
        rows = List.copyOf(rows);
    }

    /** What a row would do. */
    public enum Result {
        /** Not there yet: the import adds it. */
        NEW,
        /** Already there with the same details: the import leaves it. */
        UNCHANGED,
        /** There with other details, or the space is held by something else: the message says what. */
        CONFLICT,
        /** The row is malformed or breaks a rule: the message says why. */
        ERROR;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One row's result.
     *
     * @param kind    "network", "subnet", "range" or "address" ("row" for a row that could not be read)
     * @param key     what the row names ("10.0.0.5 in 10.0.0.0/24 in dc1"), empty when it could not be read
     * @param message for a conflict or error the reason; otherwise a short note ("creates network 'global'")
     */
    public record Row(int row, String kind, String key, Result result, String message) {
        /** "row 999: error: '10.0.0.300' is not a valid IP address". */
        public String describe() {
            return describe("row");
        }

        /** "line 12: error: ..." for a file whose entries are counted in lines, not rows. */
        public String describe(String unit) {
            return unit + " " + row + ": " + result.label() + ": " + message;
        }
    }

    /** How many rows have each result (every result present, zero when none). */
    public Map<Result, Long> counts() {
        Map<Result, Long> counts = new EnumMap<>(Result.class);
        for (Result r : Result.values()) {
            counts.put(r, 0L);
        }
        rows.forEach(r -> counts.merge(r.result(), 1L, Long::sum));
        return counts;
    }

    /** The conflict and error rows, in row order. */
    public List<Row> problems() {
        return rows.stream().filter(r -> r.result() == Result.CONFLICT || r.result() == Result.ERROR).toList();
    }

    /** Whether applying would go ahead: no error and no conflict. */
    public boolean canApply() {
        return problems().isEmpty();
    }

    /** What an applied import wrote. */
    public record Applied(String source, int networks, int subnets, int ranges, long addresses, long unchanged,
                          long millis) {
    }
}
