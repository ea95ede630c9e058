package org.ipdesk.allocator;

import java.nio.file.Path;
import org.ipdesk.store.Database;
import org.ipdesk.store.OutputTargets;

/** Copies of the open database. */
final class Backups {
    private final Database database;

    Backups(Database database) {
        this.database = database;
    }

    void backup(Path target, OutputTargets.IfDatabase ifDatabase) {
        database.backup(target, ifDatabase);
    }
}
