package org.ipdesk.store;

import java.util.Optional;

/**
 * A test double of an engine that has no backup (as a server engine may not): the real database underneath for
 * everything else, but {@link #backup()} answers empty.
 */
public final class WithoutBackup extends DelegatingDatabase {

    public WithoutBackup(Database real) {
        super(real);
    }

    @Override
    public Optional<Backup> backup() {
        return Optional.empty();
    }
}
