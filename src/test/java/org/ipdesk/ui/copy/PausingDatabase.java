package org.ipdesk.ui.copy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.ipdesk.store.Backup;
import org.ipdesk.store.ChangeFeed;
import org.ipdesk.store.Database;
import org.ipdesk.store.Location;
import org.ipdesk.store.Session;

/** The real database, whose reads stop before the third subnet's addresses until the test lets them go on. */
public final class PausingDatabase implements Database {
    private final Database real;
    public final Semaphore reached = new Semaphore(0);
    public final Semaphore go = new Semaphore(0);
    private final AtomicInteger addressReads = new AtomicInteger();

    public PausingDatabase(Database real) {
        this.real = real;
    }

    @Override
    public <T> T read(Function<Session, T> work) {
        return real.read(session -> work.apply((Session) Proxy.newProxyInstance(Session.class.getClassLoader(),
                new Class<?>[] {Session.class}, (proxy, method, args) -> {
                    if (method.getName().equals("addresses") && addressReads.incrementAndGet() == 3) {
                        reached.release();
                        go.acquireUninterruptibly();
                    }
                    try {
                        return method.invoke(session, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                })));
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
    public void close() {
        real.close();
    }
}
