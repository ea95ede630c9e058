package org.ipdesk.ui.main;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.ipdesk.store.Team;
import org.ipdesk.store.Team.Change;
import org.ipdesk.store.Team.Role;

/**
 * What the connected user's role lets the window change, so that commands a role may not run are greyed out with
 * the reason at hand (the server refuses them anyway: this only saves the try). Everything is allowed on a file; on a
 * team database a user without a role may change nothing, as the server's GRANTs have it.
 */
public final class TeamRights {
    private final Map<Change, ReadOnlyBooleanWrapper> allowed = new EnumMap<>(Change.class);
    private final Map<Change, ReadOnlyStringWrapper> reasons = new EnumMap<>(Change.class);

    public TeamRights() {
        for (Change change : Change.values()) {
            allowed.put(change, new ReadOnlyBooleanWrapper(this, "may " + change, true));
            reasons.put(change, new ReadOnlyStringWrapper(this, "why not " + change, ""));
        }
    }

    /** The user and role the server gave on the last read; empty for a file. */
    void show(Optional<String> user, Optional<Role> role) {
        for (Change change : Change.values()) {
            Optional<String> refusal = user.flatMap(u -> Team.refusal(u, role, change));
            allowed.get(change).set(refusal.isEmpty());
            reasons.get(change).set(refusal.orElse(""));
        }
    }

    /** Whether the role may make {@code change}; true on a file. */
    public ReadOnlyBooleanProperty mayProperty(Change change) {
        return allowed.get(change).getReadOnlyProperty();
    }

    /** Why not ("alice is a viewer of this team database: viewers may not change addresses"); empty when it may. */
    public ReadOnlyStringProperty whyNotProperty(Change change) {
        return reasons.get(change).getReadOnlyProperty();
    }
}
