package org.ipdesk.store;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.ipdesk.store.postgres.TestPostgres;

/**
 * The database engines a test suite runs on ({@code @ParameterizedClass @EnumSource(Engine.class)}): SQLite on a
 * file in the test's temporary folder, and PostgreSQL on a fresh database of the tests' server ({@link TestPostgres}).
 */
public enum Engine {
    SQLITE {
        @Override
        public Location fresh(Path dir, String name) {
            return Location.of(dir.resolve(name + ".db"));
        }

        @Override
        public Location seeded(Path dir, String name, Consumer<? super Location> seed) {
            Location file = fresh(dir, name);
            seed.accept(file);
            return file;
        }
    },
    POSTGRES {
        @Override
        public Location fresh(Path dir, String name) {
            return TestPostgres.freshIpdeskDatabase();
        }

        @Override
        public Location seeded(Path dir, String name, Consumer<? super Location> seed) {
            return TestPostgres.seededIpdeskDatabase(name, seed);
        }
    };

    /**
     * A new database's location for this engine: a file {@code name}.db in {@code dir} (not created yet), or a new
     * database with IPDesk's schema on the test server. Open it with {@link OpenMode#CREATE}.
     */
    public abstract Location fresh(Path dir, String name);

    /**
     * Where {@code person} (another admin at another desk) opens the database at {@code location}, and the name its
     * change log gives them: on a file, the same file, named by the OS user their allocator is given ({@code person});
     * on a team database, a login of their own, a member of the team, named by that login.
     */
    public Desk desk(Location location, String person) {
        if (location instanceof ServerLocation server) {
            ServerLocation theirs = TestPostgres.member(server, person);
            return new Desk(theirs, theirs.user().orElseThrow());
        }
        return new Desk(location, person);
    }

    /**
     * How History and the details name a change made at {@code location} by an allocator given the OS user
     * {@code osUser}: the OS user on a file; on a team database the login of {@code location}, with the OS user beside.
     */
    public static String byline(Location location, String osUser) {
        String who = location instanceof ServerLocation server ? server.user().orElseThrow() : osUser;
        return who.equals(osUser) ? who : who + " (OS user " + osUser + ")";
    }

    /** Who the change log says made a change at {@code location} as the OS user {@code osUser} (History's users). */
    public static String who(Location location, String osUser) {
        return location instanceof ServerLocation server ? server.user().orElseThrow() : osUser;
    }

    /** Where another admin opens the database, and the name the change log gives them. */
    public record Desk(Location location, String who) {
    }

    /**
     * A new database of this engine holding what {@code seed} writes into a new database: the file {@code name}.db in
     * {@code dir}, seeded there; or on the test server a copy of a database seeded once per JVM under {@code name}
     * (so one name must always mean the same seed, and the seed must close what it opens).
     */
    public abstract Location seeded(Path dir, String name, Consumer<? super Location> seed);

    /** Opens a new database of this engine. */
    public Database open(Path dir, String name) {
        return Database.open(fresh(dir, name), OpenMode.CREATE);
    }
}
