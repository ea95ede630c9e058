package org.ipdesk.ui.history;

import java.time.Instant;

/**
 * One change as the History view lists it.
 *
 * @param id         the change-log row's id (newer changes have larger ids)
 * @param at         when, as an instant (for sorting)
 * @param time       when, local and readable: "2026-11-26 14:03:07"
 * @param user       who made it: the database user on a team database, with the OS user beside it where they
 *                   differ ("alice (OS user asmith)"); the OS user on a database file
 * @param action     the action in words: "allocated", "updated", "released", "created", "deleted"
 * @param objectType "network", "subnet", "range" or "address"
 * @param objectKey  how the change log names the object: "10.0.0.0/24 in dc1 10.0.0.5"
 * @param summary    what changed, in plain words: "hostname web-01 → web-01b"
 * @param before     the state before, one "Field: value" per line, or a line saying there was none
 * @param after      the state after, the same way
 */
public record ChangeRow(long id, Instant at, String time, String user, String action, String objectType,
                        String objectKey, String summary, String before, String after) {

    /** The object column: "address 10.0.0.0/24 in dc1 10.0.0.5"; for an import, the file: "file hosts.csv". */
    public String object() {
        return (objectType.equals("import") ? "file" : objectType) + " " + objectKey;
    }
}
