package org.ipdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The capabilities the window and the CLI ask for, as the SQLite engine answers them. */
class CapabilitiesTest {
    @TempDir
    Path dir;

    @Test
    void theChangeFeedMovesWhenAnotherConnectionCommitsAndNotForItsOwnWrites() {
        Path file = dir.resolve("feed.db");
        try (Database watched = Database.open(file); Database other = Database.open(file, OpenMode.EXISTING)) {
            ChangeFeed feed = watched.changes();
            long before = feed.version();
            watched.write(s -> s.insertNetwork("own", ""));
            assertThat(feed.version()).isEqualTo(before);
            other.write(s -> s.insertNetwork("other", ""));
            assertThat(feed.version()).isNotEqualTo(before);
        }
    }

    @Test
    void sqliteOffersABackupThatOpensAsTheSameData() {
        Path file = dir.resolve("live.db");
        Path copy = dir.resolve("copy.db");
        try (Database db = Database.open(file)) {
            db.write(s -> s.insertNetwork("dc1", ""));
            assertThat(db.backup()).isPresent();
            db.backup().orElseThrow().to(copy, OutputTargets.IfDatabase.REFUSE);
        }
        try (Database db = Database.open(copy, OpenMode.EXISTING)) {
            assertThat(db.read(Session::networks)).extracting(n -> n.name()).containsExactly("dc1");
        }
    }

    @Test
    void lockingASubnetUnderSqliteChangesNothing() {
        try (Database db = Database.open(dir.resolve("lock.db"))) {
            long id = db.write(s -> {
                var network = s.insertNetwork("dc1", "");
                s.lockSubnet(42);
                return network.id();
            });
            assertThat(db.read(Session::networks)).extracting(n -> n.id()).containsExactly(id);
        }
    }
}
