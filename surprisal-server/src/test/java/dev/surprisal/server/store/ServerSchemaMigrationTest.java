// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.surprisal.drift.store.StoreException;
import dev.surprisal.server.ReportJson;
import dev.surprisal.server.auth.Role;
import dev.surprisal.server.auth.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The server's tables are migrated by version, in order, and a store written by an older server
 * reads. The fixture {@code server-v1.duckdb.gz} is a store written by the server of 1 December
 * 2026 (integ 688c583, its own {@code ServerTables} and {@code StoreGate}): server tables at version 1
 * with the definitions table that code created without a version, a read token (its value below),
 * an excluded check whose stored JSON is the snake_case form of version 1, a pause, a last
 * scheduled window and a monitor defined through the API.
 */
class ServerSchemaMigrationTest {
    private static final String FIXTURE_TOKEN = "sps_fixture-token-of-the-v1-store";

    @TempDir
    Path dir;

    private Path fixture() throws Exception {
        Path f = dir.resolve("server-v1.duckdb");
        try (InputStream in = new GZIPInputStream(getClass().getResourceAsStream("server-v1.duckdb.gz"))) {
            Files.copy(in, f);
        }
        return f;
    }

    private static List<Integer> versions(Path f) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + f);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version FROM surprisal_server_schema ORDER BY version")) {
            List<Integer> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getInt(1));
            }
            return out;
        }
    }

    private static java.util.Map<String, String> defs(StoreGate gate) {
        return gate.fresh(s -> ServerTables.monitorDefs(s.connection()));
    }

    private static void sql(Path f, String statement) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + f); Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }

    @Test
    void aStoreOfTheFirstDecemberServerIsMigratedAndReadsAsItWasLeft() throws Exception {
        Path f = fixture();
        assertThat(versions(f)).as("the fixture as written").containsExactly(1);
        try (StoreGate gate = new StoreGate(f.toString())) {
            assertThat(new Tokens(gate, Clock.systemUTC()).verify(FIXTURE_TOKEN))
                    .contains(new Tokens.Caller("fixture-reader", Role.READ));
            ServerTables.CheckRow row = gate.fresh(s -> ServerTables.check(s.connection(), "orders", 7)).orElseThrow();
            assertThat(row.window()).isEqualTo("2024-05-02");
            assertThat(row.status()).isEqualTo("WARN");
            assertThat(row.excluded()).isTrue();
            assertThat(row.excludeReason()).isEqualTo("partial load");
            JsonNode check = ReportJson.MAPPER.readTree(ReportJson.answer(
                    gate.fresh(s -> ServerTables.report(s.connection(), "orders", 7, false)).orElseThrow(), row));
            assertThat(check.path("version").asInt()).isEqualTo(ReportJson.VERSION);
            assertThat(check.path("upgraded_from").asInt()).isEqualTo(1);
            assertThat(check.path("excluded").asBoolean()).isTrue();
            java.util.Optional<Boolean> paused = gate.fresh(s -> ServerTables.paused(s.connection(), "orders"));
            assertThat(paused).contains(true);
            java.util.Optional<String> last = gate.fresh(s -> ServerTables.lastWindow(s.connection(), "orders"));
            assertThat(last).contains("2024-05-02");
            assertThat(defs(gate)).containsOnlyKeys("api-made");
        }
        assertThat(versions(f)).as("each migration recorded, in order").containsExactly(1, 2);
        try (StoreGate gate = new StoreGate(f.toString())) {
            assertThat(defs(gate)).as("opened again: nothing re-applied").containsOnlyKeys("api-made");
        }
        assertThat(versions(f)).containsExactly(1, 2);
    }

    @Test
    void aVersionOneStoreWithoutTheDefinitionsTableGetsIt() throws Exception {
        Path f = fixture();
        // as a server older than the definitions table left it (the fixture's code made it unversioned)
        sql(f, "DROP TABLE surprisal_server_monitor_defs");
        try (StoreGate gate = new StoreGate(f.toString())) {
            assertThat(defs(gate)).isEmpty();
            List<ServerTables.CheckRow> checks = gate.fresh(s -> ServerTables.checks(s.connection(), "orders",
                    Long.MAX_VALUE, 10));
            assertThat(checks).hasSize(1);
        }
        assertThat(versions(f)).containsExactly(1, 2);
    }

    @Test
    void aStoreOfANewerServerIsRefusedUntouched() throws Exception {
        Path f = fixture();
        sql(f, "INSERT INTO surprisal_server_schema VALUES (2)");
        sql(f, "INSERT INTO surprisal_server_schema VALUES (" + (ServerTables.SCHEMA_VERSION + 1) + ")");
        try (StoreGate gate = new StoreGate(f.toString())) {
            assertThatThrownBy(() -> gate.fresh(s -> s.monitors())).isInstanceOf(StoreException.class)
                    .hasMessageContaining("version " + (ServerTables.SCHEMA_VERSION + 1))
                    .hasMessageContaining("upgrade Surprisal");
        }
        assertThat(versions(f)).containsExactly(1, 2, ServerTables.SCHEMA_VERSION + 1);
    }
}
