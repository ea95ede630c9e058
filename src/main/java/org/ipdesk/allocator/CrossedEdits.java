package org.ipdesk.allocator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.ipdesk.allocator.AllocatorException.EditedElsewhere;
import org.ipdesk.model.Change;
import org.ipdesk.store.Session;

/**
 * The refusal of an edit that crossed someone else's: the row no longer had the version the editor read, so the
 * conditional UPDATE wrote nothing. Says who changed it last and when (from the change log, in the same transaction)
 * and what differs between what the editor read and what is stored now ("changed by bob at 10:42: hostname web-01 →
 * web-02").
 */
final class CrossedEdits {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd 'at' HH:mm");

    private CrossedEdits() {
    }

    /**
     * @param what      how the message names the object ("10.0.0.5 in 10.0.0.0/24 in dc1")
     * @param type      its change-log type ("address", "subnet", "range", "network")
     * @param keyNow    its change-log key as it is stored now (a rename or a moved range changes it), or the key it was
     *                  read under when it is gone
     * @param asRead    the object as the editor read it, written as the change log writes it
     * @param now       the object as it is stored now, empty when someone deleted it
     */
    static EditedElsewhere refusal(Session s, Instant clockNow, String what, String type, String keyNow,
                                   Map<String, Object> asRead, Optional<Map<String, Object>> now) {
        Optional<Change> last = s.changes(type, keyNow, 1).stream().findFirst();
        String byWhom = last.map(c -> " by " + c.who() + " " + when(c.time(), clockNow)).orElse(" by someone else");
        if (now.isEmpty()) {
            String verb = last.map(c -> switch (c.action()) {
                case RELEASE -> "released";
                default -> "deleted";
            }).orElse("deleted");
            return new EditedElsewhere(what + " was " + verb + byWhom + " after you read it; your change was not saved");
        }
        List<String> differences = differences(asRead, now.get());
        String what2 = differences.isEmpty() ? "saved again with the same values" : String.join(", ", differences);
        return new EditedElsewhere(what + " was changed" + byWhom + ": " + what2
                + "; your change was not saved");
    }

    /** "hostname web-01 → web-02" for each field that differs, in the order the change log writes them. */
    static List<String> differences(Map<String, Object> before, Map<String, Object> after) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Object> field : after.entrySet()) {
            Object was = before.get(field.getKey());
            if (!Objects.equals(shown(was), shown(field.getValue()))) {
                lines.add(field.getKey() + " " + shown(was) + " → " + shown(field.getValue()));
            }
        }
        return lines;
    }

    private static String shown(Object value) {
        return value == null || value.toString().isEmpty() ? "(none)" : value.toString();
    }

    /** "at 10:42" today, "on 2026-11-26 at 10:42" on another day, in this computer's time zone. */
    static String when(Instant time, Instant now) {
        ZoneId zone = ZoneId.systemDefault();
        if (LocalDate.ofInstant(time, zone).equals(LocalDate.ofInstant(now, zone))) {
            return "at " + TIME.format(time.atZone(zone));
        }
        return "on " + DAY_AND_TIME.format(time.atZone(zone));
    }
}
