package org.ipdesk.model;

import java.util.Locale;

/** What a change-log row records. */
public enum ChangeAction {
    CREATE,
    UPDATE,
    DELETE,
    ALLOCATE,
    RELEASE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
