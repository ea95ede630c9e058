package org.ipdesk.store;

import java.util.Optional;
import java.util.function.Function;

/**
 * A test double of an engine that has no backup (as a server engine may not): the real database underneath for
 * everything else, but {@link #backup()} answers empty.
 */
public final class WithoutBackup implements Database {
    private final Database real;

    public WithoutBackup(Database real) {
        this.real = real;
    }

    @Override
    public Location location() {
        return real.location();
    }

    @Override
    public <T> T write(Function<Session, T> work) {
        return real.write(work);
    }

    @Override
    public <T> T read(Function<Session, T> work) {
        return real.read(work);
    }

    @Override
    public <T> T rehearse(Function<Session, T> work) {
        return real.rehearse(work);
    }

    @Override
    public ChangeFeed changes() {
        return real.changes();
    }

    @Override
    public Optional<Backup> backup() {
        return Optional.empty();
    }

    @Override
    public void close() {
        real.close();
    }
}
