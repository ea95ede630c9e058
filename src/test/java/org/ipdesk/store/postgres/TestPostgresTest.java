package org.ipdesk.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.ipdesk.store.ServerLocation;
import org.junit.jupiter.api.Test;

/** The tests' PostgreSQL server: local only, and a database of its own for each test. */
class TestPostgresTest {
    @Test
    void eachTestGetsItsOwnEmptyDatabase() throws Exception {
        ServerLocation first = TestPostgres.freshDatabase();
        ServerLocation second = TestPostgres.freshDatabase();

        assertThat(first.database()).isNotEqualTo(second.database());
        try (Connection connection = TestPostgres.connect(first); Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE only_here (id int)");
        }
        try (Connection connection = TestPostgres.connect(second); Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void theStartedServerListensOnTheLoopbackOnly() throws Exception {
        if (System.getenv(TestPostgres.SERVER_VARIABLE) != null) {
            return; // an existing server is configured by its owner
        }
        try (Connection connection = TestPostgres.connect(TestPostgres.server());
             Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SHOW listen_addresses")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("127.0.0.1");
        }
    }
}
