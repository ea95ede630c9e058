package org.ipdesk.model;

import java.time.Instant;

/**
 * One change-log row: when, which OS user, what action on which object, and the object's state before
 * and after as JSON ("" where there is none).
 */
public record Change(long id, Instant time, String user, ChangeAction action, String objectType, String objectKey,
                     String before, String after) {
}
