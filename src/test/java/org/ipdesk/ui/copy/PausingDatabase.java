package org.ipdesk.ui.copy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.ipdesk.store.Database;
import org.ipdesk.store.DelegatingDatabase;
import org.ipdesk.store.Session;

/** The real database, whose reads stop before the third subnet's addresses until the test lets them go on. */
public final class PausingDatabase extends DelegatingDatabase {
    public final Semaphore reached = new Semaphore(0);
    public final Semaphore go = new Semaphore(0);
    private final AtomicInteger addressReads = new AtomicInteger();

    public PausingDatabase(Database real) {
        super(real);
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
}
