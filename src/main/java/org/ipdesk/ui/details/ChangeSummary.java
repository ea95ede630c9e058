package org.ipdesk.ui.details;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ipdesk.model.AddressCounts;
import org.ipdesk.model.Change;
import org.ipdesk.model.ChangeAction;

/**
 * Says in plain words what a change did, from the change log's before and after JSON (the fields the allocator's
 * change writer records). For an address: "allocated to web-01", "hostname web-01 \u2192 web-01b", "released (was
 * allocated to web-01)"; for a subnet "\u201cWeb tier\u201d, VLAN 101, gateway 10.10.1.1", for a range "DHCP range
 * 10.0.0.100-10.0.0.199 (\u201cpool\u201d)", for a network its description; an update lists what changed. Also
 * writes a state out as "Field: value" lines ({@link #describe}) for the History view's before and after.
 */
public final class ChangeSummary {

    /** The object type of the change log's entry for an import of a file. */
    public static final String IMPORT = "import";
    /**
     * Jackson's mapper, made on the first change summarised rather than when the window starts (setting it up costs
     * a cold JVM about 100 ms of processor time).
     */
    private static final class Holder {
        static final ObjectMapper JSON = new ObjectMapper();
    }
    /** An address's fields an update compares, in the order the summary names them, with the words it uses. */
    private static final Map<String, String> FIELDS = new LinkedHashMap<>();
    /** The words for every field the change writer records, for the before and after texts. */
    private static final Map<String, String> LABELS = new LinkedHashMap<>();
    private static final Map<String, List<String>> UPDATED_FIELDS = Map.of(
            "subnet", List.of("cidr", "name", "description", "vlan", "gateway"),
            "range", List.of("start", "end", "kind", "description"),
            "network", List.of("name", "description"));
    private static final int LONGEST_VALUE = 40;
    /** What the before and after texts say for a field without a value. */
    static final String EMPTY_VALUE = "\u2014";

    static {
        FIELDS.put("status", "status");
        FIELDS.put("hostname", "hostname");
        FIELDS.put("mac", "MAC");
        FIELDS.put("owner", "owner");
        FIELDS.put("description", "description");
        LABELS.put("network", "network");
        LABELS.put("subnet", "subnet");
        LABELS.put("cidr", "CIDR");
        LABELS.put("ip", "IP");
        LABELS.put("name", "name");
        LABELS.put("start", "start");
        LABELS.put("end", "end");
        LABELS.put("kind", "kind");
        LABELS.put("vlan", "VLAN");
        LABELS.put("gateway", "gateway");
        LABELS.putAll(FIELDS);
    }

    private ChangeSummary() {
    }

    /** "allocated", "updated", "released": the action as the history list says it. */
    public static String action(ChangeAction action) {
        return switch (action) {
            case CREATE -> "created";
            case UPDATE -> "updated";
            case DELETE -> "deleted";
            case ALLOCATE -> "allocated";
            case RELEASE -> "released";
        };
    }

    /** The action of {@code change} as the history list says it: an import of a file is "imported". */
    public static String action(Change change) {
        return IMPORT.equals(change.objectType()) ? "imported" : action(change.action());
    }

    /** What the change did, in words, for any object type (see the class comment). */
    public static String summarize(Change change) {
        Map<String, String> before = fields(change.before());
        Map<String, String> after = fields(change.after());
        return switch (change.objectType()) {
            case IMPORT -> imported(after);
            case "subnet", "range", "network" -> switch (change.action()) {
                case UPDATE -> differences(before, after, UPDATED_FIELDS.get(change.objectType()));
                case DELETE, RELEASE -> "deleted (was " + object(change.objectType(), before) + ")";
                case CREATE, ALLOCATE -> object(change.objectType(), after);
            };
            default -> switch (change.action()) {
                case ALLOCATE, CREATE -> holding(after);
                case RELEASE -> "released (was " + holding(before) + ")";
                case DELETE -> "deleted (was " + holding(before) + ")";
                case UPDATE -> differences(before, after);
            };
        };
    }

    /**
     * A state as "Field: value" lines, in the order the change writer recorded them ("Hostname: web-01"); a field
     * without a value shows a dash; no state (before a create, after a delete) is "".
     */
    public static String describe(String json) {
        StringBuilder text = new StringBuilder();
        fields(json).forEach((field, value) -> {
            String words = LABELS.getOrDefault(field, field);
            text.append(Character.toUpperCase(words.charAt(0))).append(words.substring(1)).append(": ")
                    .append(value.isEmpty() ? EMPTY_VALUE : value).append('\n');
        });
        return text.toString().stripTrailing();
    }

    /** "2 networks, 1 subnet, 0 ranges, 12 addresses (15 rows, 3 unchanged; layout netbox-addresses)". */
    private static String imported(Map<String, String> state) {
        List<String> parts = new ArrayList<>();
        for (String[] noun : new String[][] {{"networks", "network"}, {"subnets", "subnet"}, {"ranges", "range"},
                {"addresses", "address"}}) {
            parts.add(AddressCounts.counted(number(state.get(noun[0])), noun[1]));
        }
        String rows = AddressCounts.counted(number(state.get("rows")), "row");
        long unchanged = number(state.get("unchanged"));
        String layout = state.getOrDefault("layout", "");
        return String.join(", ", parts) + " (" + rows + (unchanged > 0 ? ", " + unchanged + " unchanged" : "")
                + (layout.isEmpty() ? "" : "; layout " + layout) + ")";
    }

    private static long number(String text) {
        try {
            return text == null ? 0 : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A subnet, range or network in a few words. */
    private static String object(String type, Map<String, String> state) {
        List<String> parts = new ArrayList<>();
        switch (type) {
            case "subnet" -> {
                parts.add(quoted(state.getOrDefault("name", "")).orElse("no name"));
                if (!state.getOrDefault("vlan", "").isEmpty()) {
                    parts.add("VLAN " + state.get("vlan"));
                }
                if (!state.getOrDefault("gateway", "").isEmpty()) {
                    parts.add("gateway " + state.get("gateway"));
                }
            }
            case "range" -> {
                String kind = state.getOrDefault("kind", "");
                String range = state.getOrDefault("start", "?") + "-" + state.getOrDefault("end", "?");
                parts.add((kind.equals("dhcp") ? "DHCP pool " : kind.isEmpty() ? "range " : kind + " range ") + range
                        + quoted(state.getOrDefault("description", "")).map(d -> " (" + d + ")").orElse(""));
            }
            default -> parts.add(quoted(state.getOrDefault("description", "")).orElse("no description"));
        }
        return String.join(", ", parts);
    }

    private static java.util.Optional<String> quoted(String text) {
        if (text.isEmpty()) {
            return java.util.Optional.empty();
        }
        String shortened = text.length() > LONGEST_VALUE ? text.substring(0, LONGEST_VALUE - 1) + "\u2026" : text;
        return java.util.Optional.of("\u201c" + shortened + "\u201d");
    }

    /** "allocated to web-01", "reserved for alice", "DHCP lease", "deprecated (web-01)". */
    static String holding(Map<String, String> state) {
        String holder = !state.getOrDefault("hostname", "").isEmpty() ? state.get("hostname")
                : state.getOrDefault("owner", "");
        String status = state.getOrDefault("status", "");
        String what = switch (status) {
            case "allocated" -> "allocated to ";
            case "reserved" -> "reserved for ";
            case "dhcp" -> "DHCP lease for ";
            case "deprecated" -> "deprecated, ";
            default -> status.isEmpty() ? "held by " : status + ", ";
        };
        if (holder.isEmpty()) {
            return switch (status) {
                case "dhcp" -> "DHCP lease";
                case "" -> "held";
                default -> status;
            };
        }
        return what + holder;
    }

    private static String differences(Map<String, String> before, Map<String, String> after) {
        return differences(before, after, List.copyOf(FIELDS.keySet()));
    }

    /** "name a → b; VLAN (none) → 101" over {@code fields}, or "no change". */
    private static String differences(Map<String, String> before, Map<String, String> after, List<String> fields) {
        List<String> changed = new ArrayList<>();
        for (String field : fields) {
            String was = before.getOrDefault(field, "");
            String now = after.getOrDefault(field, "");
            if (!was.equals(now)) {
                changed.add(LABELS.getOrDefault(field, field) + " " + value(was) + " \u2192 " + value(now));
            }
        }
        return changed.isEmpty() ? "no change" : String.join("; ", changed);
    }

    private static String value(String text) {
        if (text.isEmpty()) {
            return "(none)";
        }
        String shortened = text.length() > LONGEST_VALUE ? text.substring(0, LONGEST_VALUE - 1) + "\u2026" : text;
        return shortened.contains(" ") ? "\u201c" + shortened + "\u201d" : shortened;
    }

    /** The JSON object's fields as text (null and absent both as ""); an empty or unreadable text as no fields. */
    public static Map<String, String> fields(String json) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return fields;
        }
        try {
            JsonNode node = Holder.JSON.readTree(json);
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                fields.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText());
            }
        } catch (JsonProcessingException e) {
            return fields;
        }
        return fields;
    }
}
