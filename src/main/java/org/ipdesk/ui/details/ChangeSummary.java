package org.ipdesk.ui.details;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ipdesk.model.Change;
import org.ipdesk.model.ChangeAction;

/**
 * Says in plain words what an address change did, from the change log's before and after JSON (the fields the
 * allocator's change writer records for an address: status, hostname, mac, owner, description):
 * "allocated to web-01", "hostname web-01 → web-01b", "released (was allocated to web-01)".
 */
final class ChangeSummary {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The fields an update compares, in the order the summary names them, with the words it uses. */
    private static final Map<String, String> FIELDS = new LinkedHashMap<>();
    private static final int LONGEST_VALUE = 40;

    static {
        FIELDS.put("status", "status");
        FIELDS.put("hostname", "hostname");
        FIELDS.put("mac", "MAC");
        FIELDS.put("owner", "owner");
        FIELDS.put("description", "description");
    }

    private ChangeSummary() {
    }

    /** "allocated", "updated", "released": the action as the history list says it. */
    static String action(ChangeAction action) {
        return switch (action) {
            case CREATE -> "created";
            case UPDATE -> "updated";
            case DELETE -> "deleted";
            case ALLOCATE -> "allocated";
            case RELEASE -> "released";
        };
    }

    static String summarize(Change change) {
        Map<String, String> before = fields(change.before());
        Map<String, String> after = fields(change.after());
        return switch (change.action()) {
            case ALLOCATE, CREATE -> holding(after);
            case RELEASE -> "released (was " + holding(before) + ")";
            case DELETE -> "deleted (was " + holding(before) + ")";
            case UPDATE -> differences(before, after);
        };
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
        List<String> changed = new ArrayList<>();
        FIELDS.forEach((field, words) -> {
            String was = before.getOrDefault(field, "");
            String now = after.getOrDefault(field, "");
            if (!was.equals(now)) {
                changed.add(words + " " + value(was) + " \u2192 " + value(now));
            }
        });
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
    static Map<String, String> fields(String json) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return fields;
        }
        try {
            JsonNode node = JSON.readTree(json);
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                fields.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText());
            }
        } catch (JsonProcessingException e) {
            return fields;
        }
        return fields;
    }
}
