package org.ipdesk.store;

import java.util.Optional;
import java.util.function.Function;

/** A test double's base: the real database underneath for everything; subclasses change what they test. */
public abstract class DelegatingDatabase implements Database {
    protected final Database real;

    protected DelegatingDatabase(Database real) {
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
        return real.backup();
    }

    @Override
    public Optional<Team> team() {
        return real.team();
    }

    @Override
    public void close() {
        real.close();
    }
}
