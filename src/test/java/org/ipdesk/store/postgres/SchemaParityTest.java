package org.ipdesk.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.ipdesk.store.ContentSnapshot;
import org.ipdesk.store.Database;
import org.ipdesk.store.OpenMode;
import org.ipdesk.store.ServerLocation;
import org.ipdesk.store.StoreException;
import org.ipdesk.store.sqlite.SqliteDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both engines hold the same model: the same migrations, tables and columns, so data moves between them as is. */
class SchemaParityTest {
    @TempDir
    Path dir;

    @Test
    void bothEnginesHaveTheSameMigrationsAndTheirVersionIsTheNewest() throws Exception {
        List<String> sqlite = migrations("db/sqlite");
        List<String> postgres = migrations("db/postgres");

        assertThat(postgres).isEqualTo(sqlite);
        assertThat(postgres.get(postgres.size() - 1)).startsWith("V" + PostgresDatabase.SCHEMA_VERSION + "__");
        assertThat(PostgresDatabase.SCHEMA_VERSION).isEqualTo(SqliteDatabase.SCHEMA_VERSION);
    }

    @Test
    void bothEnginesHaveTheSameTablesAndColumns() throws SQLException {
        Path file = dir.resolve("parity.db");
        Database.open(file).close();
        ServerLocation location = TestPostgres.freshIpdeskDatabase();

        TreeMap<String, List<String>> sqlite = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT m.name, p.name FROM sqlite_schema m, pragma_table_info(m.name) p "
                     + "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> 'flyway_schema_history' "
                     + "ORDER BY m.name, p.cid")) {
            while (rs.next()) {
                sqlite.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        TreeMap<String, List<String>> postgres = new TreeMap<>();
        try (Connection c = TestPostgres.connect(location);
             PreparedStatement ps = c.prepareStatement("SELECT table_name, column_name FROM information_schema.columns "
                     + "WHERE table_schema = 'public' AND table_name <> 'flyway_schema_history' "
                     + "ORDER BY table_name, ordinal_position");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                postgres.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
            }
        }

        assertThat(postgres).isEqualTo(sqlite).containsKeys("network", "subnet", "address", "change_log");
    }

    @Test
    void aDatabaseWrittenByANewerIpdeskIsRefusedAndLeftUnchanged() throws SQLException {
        ServerLocation location = TestPostgres.freshIpdeskDatabase();
        try (Connection c = TestPostgres.connect(location); Statement st = c.createStatement()) {
            st.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
                    + "checksum, installed_by, execution_time, success) VALUES (99, '99', 'later', 'SQL', "
                    + "'V99__later.sql', 0, 'someone', 1, true)");
        }
        String before = ContentSnapshot.of(location);

        assertThatThrownBy(() -> Database.open(location, OpenMode.EXISTING))
                .isInstanceOf(StoreException.class)
                .hasMessage(location + " was written by a newer IPDesk (schema version 99); update IPDesk to open it."
                        + " It was left unchanged");
        assertThat(ContentSnapshot.of(location)).isEqualTo(before);
    }

    private static List<String> migrations(String folder) throws IOException, URISyntaxException {
        Path path = Path.of(SchemaParityTest.class.getClassLoader().getResource(folder).toURI());
        try (Stream<Path> files = Files.list(path)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
