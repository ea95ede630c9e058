package org.ipdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migrations moved to a folder per engine ({@code db/sqlite}) with their versions, descriptions and contents
 * unchanged, so a database made before the move still opens as current. The fixture
 * {@code schema-v1-before-issue12.db} was made by the CLI of the build before the move ({@code db/migration}):
 * network hq, subnet 10.0.0.0/24, 10.0.0.5 reserved, 10.0.0.2-4 allocated.
 */
class SchemaHistoryTest {
    private static final String FIXTURE = "schema-v1-before-issue12.db";

    @TempDir
    Path dir;

    /** The versions of the SQLite migrations this build ships, in order ("1", "2", ...). */
    private static List<String> shippedVersions() {
        try (var files = Files.list(Path.of("src/main/resources/db/sqlite"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).sorted()
                    .map(String::valueOf).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path copyOfTheFixture() throws Exception {
        Path copy = dir.resolve("old.db");
        try (InputStream in = SchemaHistoryTest.class.getResourceAsStream(FIXTURE)) {
            assertThat(in).as(FIXTURE).isNotNull();
            Files.copy(in, copy);
        }
        return copy;
    }

    @Test
    void aDatabaseMadeBeforeTheMoveOpensAsCurrentWithItsData() throws Exception {
        Path old = copyOfTheFixture();
        List<List<String>> before = history(old);
        try (Database db = Database.open(old, OpenMode.EXISTING)) {
            assertThat(db.read(Session::networks)).extracting(n -> n.name()).containsExactly("hq");
            long subnet = db.read(s -> s.subnets().get(0).id());
            long held = db.read(s -> s.countAddresses(subnet));
            assertThat(held).isEqualTo(4);
            db.write(s -> s.insertNetwork("dc2", ""));
        }
        // its version 1 as it was, then the later versions applied on opening
        List<List<String>> after = history(old);
        assertThat(after.subList(0, before.size())).isEqualTo(before);
        assertThat(after).extracting(row -> row.get(0)).containsExactlyElementsOf(shippedVersions());
        assertThat(after).extracting(row -> row.get(5)).containsOnly("1");
    }

    @Test
    void flywayFindsTheOldHistoryValidAgainstTheMovedMigrations() throws Exception {
        Path old = copyOfTheFixture();
        Flyway flyway = Flyway.configure().dataSource("jdbc:sqlite:" + old, null, null)
                .locations("classpath:db/sqlite").validateMigrationNaming(true).load();
        // the moved version 1 is the one applied (same checksum); later versions wait to be applied
        assertThat(flyway.info().pending()).extracting(m -> m.getVersion().getVersion())
                .containsExactlyElementsOf(shippedVersions().subList(1, shippedVersions().size()));
        assertThat(Flyway.configure().dataSource("jdbc:sqlite:" + old, null, null).locations("classpath:db/sqlite")
                .validateMigrationNaming(true).ignoreMigrationPatterns("*:pending").load().validateWithResult()
                .validationSuccessful).isTrue();
        assertThat(flyway.info().current().getVersion().getVersion()).isEqualTo("1");
        assertThat(flyway.info().applied()).extracting(MigrationInfo::getDescription).containsExactly("ipdesk schema");
    }

    @Test
    void aNewDatabaseWritesTheSameHistoryAsTheOldBuild() throws Exception {
        Path fresh = dir.resolve("new.db");
        Database.open(fresh).close();
        List<List<String>> old = history(copyOfTheFixture());
        assertThat(history(fresh).subList(0, old.size())).isEqualTo(old);
    }

    /** Version, description, type, script and checksum of every applied migration, in order. */
    private static List<List<String>> history(Path file) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version, description, type, script, checksum, success "
                     + "FROM flyway_schema_history ORDER BY installed_rank")) {
            while (rs.next()) {
                rows.add(List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6)));
            }
        }
        return rows;
    }
}
