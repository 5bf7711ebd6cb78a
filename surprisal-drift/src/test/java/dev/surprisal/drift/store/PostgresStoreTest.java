package dev.surprisal.drift.store;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store against a real PostgreSQL server. Start one with {@code eval "$(.ci/start-postgres.sh)"}
 * (sets SURPRISAL_PG_URL), then {@code mvn -B verify -Ppostgres -pl surprisal-drift -am}.
 * Excluded from the default run (tag "postgres"); fails, never skips, when the URL is absent.
 */
@Tag("postgres")
class PostgresStoreTest {
    static String url() {
        String url = System.getProperty("SURPRISAL_PG_URL", System.getenv("SURPRISAL_PG_URL"));
        if (url == null || url.isBlank()) {
            throw new AssertionError("SURPRISAL_PG_URL is not set: run eval \"$(.ci/start-postgres.sh)\" first "
                    + "(CI: .ci/run does), then mvn -B verify -Ppostgres");
        }
        return url;
    }

    @Test
    void postgresStoreMigratesStoresBaselinesChecksAndHistory() throws Exception {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(url()); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        String location = url() + "&currentSchema=" + schema;
        try {
            DriftStoreTest.roundTripAndTrend(location, "m");
            try (DriftStore s = DriftStore.open(location)) {
                assertThat(s.counts()[0]).isEqualTo(10);
            }
        } finally {
            try (Connection c = DriverManager.getConnection(url()); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
