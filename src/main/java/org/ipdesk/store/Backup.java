package org.ipdesk.store;

import java.nio.file.Path;

/**
 * An optional capability of an open {@link Database} ({@link Database#backup()}): a consistent copy of the whole
 * database to a file, written beside the target and moved into place whole. SQLite has it (the online backup API);
 * an engine without it answers empty, and the window and CLI do not offer it.
 */
@FunctionalInterface
public interface Backup {
    /**
     * Writes the copy to {@code target}. The open database itself is refused, and so is every target that
     * {@link OutputTargets} refuses; an existing SQLite database only with {@link OutputTargets.IfDatabase#REPLACE}.
     */
    void to(Path target, OutputTargets.IfDatabase ifDatabase);

    /**
     * What the window and the CLI say when the database at {@code location} has no backup (its engine answered
     * {@link Database#backup()} empty).
     */
    static String unavailable(Location location) {
        return "IPDesk has no backup for " + location + ": this kind of database cannot be copied to a file";
    }
}
