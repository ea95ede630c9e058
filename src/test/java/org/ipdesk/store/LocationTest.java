package org.ipdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database is opened by its location; a file location opens the SQLite engine, as {@code open(Path)} does. */
class LocationTest {
    @TempDir
    Path dir;

    @Test
    void aFileLocationOpensTheSameDatabaseAsItsPath() {
        Path file = dir.resolve("sub/../loc.db");
        try (Database db = Database.open(Location.of(file), OpenMode.CREATE)) {
            db.write(s -> s.insertNetwork("dc1", ""));
            assertThat(db.location()).isEqualTo(new FileLocation(dir.resolve("loc.db").toAbsolutePath().normalize()));
            assertThat(db.file()).isEqualTo(dir.resolve("loc.db").toAbsolutePath().normalize());
        }
        try (Database db = Database.open(dir.resolve("loc.db"), OpenMode.EXISTING)) {
            assertThat(db.read(Session::networks)).extracting(n -> n.name()).containsExactly("dc1");
        }
    }

    @Test
    void aFileLocationReadsAsItsPath() {
        assertThat(Location.of(Path.of("a/b.db"))).hasToString(Path.of("a/b.db").toString());
        assertThat(Location.of(Path.of("a/b.db")).name()).isEqualTo("b.db"); // the History window's title
    }

    @Test
    void aMissingFileIsRefusedThroughItsLocationAsThroughItsPath() {
        Path missing = dir.resolve("missing.db");
        assertThatThrownBy(() -> Database.open(Location.of(missing), OpenMode.EXISTING))
                .isInstanceOf(StoreException.class).hasMessageContaining("there is no database at");
    }
}
