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
}
