package org.ipdesk.ui.main;

import org.ipdesk.store.Location;
import org.ipdesk.store.ServerLocation;

/**
 * An entry of File → Open recent: a database file, labelled with its path, or a team database, labelled with its
 * name ("ipam on db.example:5432").
 */
public record RecentDatabase(String label, Location location) {

    static RecentDatabase of(Location location) {
        return new RecentDatabase(location instanceof ServerLocation server ? server.name() : location.toString(),
                location);
    }
}
