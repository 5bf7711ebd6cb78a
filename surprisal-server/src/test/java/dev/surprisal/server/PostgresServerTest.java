// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.surprisal.drift.config.MonitorConfig;
import dev.surprisal.drift.config.SourceConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server on the real PostgreSQL that {@code .ci/start-postgres.sh} starts (tag postgres): the
 * store and the server's tables in a fresh schema, the API flow over HTTP, and a monitor whose
 * source and reference are SQL queries, with the window bound as {@code :date}.
 */
@Tag("postgres")
class PostgresServerTest {
    @Test
    void apiAndQuerySourceOnPostgres(@TempDir Path dir) throws Exception {
        String url = System.getProperty("SURPRISAL_PG_URL", System.getenv("SURPRISAL_PG_URL"));
        if (url == null) {
            throw new AssertionError("SURPRISAL_PG_URL is not set: run eval \"$(.ci/start-postgres.sh)\" first");
        }
        String schema = "s_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
            st.execute("CREATE TABLE " + schema + ".orders_src (day DATE, country VARCHAR, n_items INTEGER)");
            SplittableRandom r = new SplittableRandom(5);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + schema + ".orders_src VALUES (?, ?, ?)")) {
                for (int i = 0; i < 1200; i++) {
                    boolean ref = i < 600;
                    LocalDate day = ref ? LocalDate.of(2024, 4, 1 + i % 30) : i < 900 ? LocalDate.of(2024, 5, 1)
                            : LocalDate.of(2024, 5, 2);
                    String country = !ref && i >= 900 && r.nextInt(10) < 2 ? "SE" : List.of("US", "DE", "FR").get(r.nextInt(3));
                    ps.setObject(1, day);
                    ps.setString(2, country);
                    ps.setInt(3, 1 + r.nextInt(4));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        String location = url + "&currentSchema=" + schema;
        Matcher pw = Pattern.compile("[?&]password=([^&]*)").matcher(url);
        Matcher user = Pattern.compile("[?&]user=([^&]*)").matcher(url);
        String base = url.substring(0, url.indexOf('?')) + "?currentSchema=" + schema;
        SourceConfig source = new SourceConfig(null, null, base, user.find() ? user.group(1) : null,
                pw.find() ? pw.group(1) : null, "SELECT country, n_items FROM orders_src WHERE day = :date", 100);
        SourceConfig reference = new SourceConfig(null, null, base, source.user(), source.password(),
                "SELECT country, n_items FROM orders_src WHERE day < DATE '2024-05-01'", 100);
        MonitorConfig pg = new MonitorConfig("pgorders", "test", 1, source, reference, Map.of(), List.of(), List.of(),
                null, "UTC", List.of(), false, false);
        try (TestServer t = new TestServer(dir, 800, 4, c -> c.withMonitors(new ArrayList<>(List.of(c.monitors().get(0),
                pg))), Clock.systemUTC(), location)) {
            HttpResponse<String> ok = t.post("/api/v1/monitors/orders/checks", t.writeToken, "{\"window\":\"2024-05-01\"}");
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
            assertThat(ReportJson.MAPPER.readTree(ok.body()).get("status").asText()).isEqualTo("OK");
            HttpResponse<String> bad = t.post("/api/v1/monitors/orders/checks", t.writeToken, "{\"window\":\"2024-05-04\"}");
            assertThat(ReportJson.MAPPER.readTree(bad.body()).get("alarm").asBoolean()).isTrue();
            // the monitor list's one query for every monitor's latest check, on PostgreSQL
            JsonNode list = ReportJson.MAPPER.readTree(t.get("/api/v1/monitors", t.readToken).body()).get("monitors");
            assertThat(list.findValues("name")).extracting(JsonNode::asText).containsExactly("orders", "pgorders");
            assertThat(list.get(0).get("last").get("window").asText()).isEqualTo("2024-05-04");
            assertThat(list.get(1).get("last").isNull()).isTrue();

            HttpResponse<String> q1 = t.post("/api/v1/monitors/pgorders/checks", t.writeToken, "{\"window\":\"2024-05-01\"}");
            assertThat(q1.statusCode()).as(q1.body()).isEqualTo(200);
            JsonNode j1 = ReportJson.MAPPER.readTree(q1.body());
            assertThat(j1.get("rows").asLong()).isEqualTo(300);
            assertThat(j1.get("status").asText()).isEqualTo("OK");
            JsonNode j2 = ReportJson.MAPPER.readTree(t.post("/api/v1/monitors/pgorders/checks", t.writeToken,
                    "{\"window\":\"2024-05-02\"}").body());
            assertThat(j2.get("rows").asLong()).isEqualTo(300);
            assertThat(j2.get("status").asText()).isEqualTo("DRIFT");
            assertThat(j2.get("columns").get(0).get("column").asText()).isEqualTo("country");
            // a query bound by :date reads one day: another hour of that date is the same check, on PostgreSQL too
            HttpResponse<String> twice = t.post("/api/v1/monitors/pgorders/checks", t.writeToken,
                    "{\"window\":\"2024-05-02T06:00\"}");
            assertThat(twice.statusCode()).as(twice.body()).isEqualTo(409);
            assertThat(twice.body()).contains("already checked as run " + j2.get("run_id").asLong());
            HttpResponse<String> again = t.post("/api/v1/monitors/pgorders/checks", t.writeToken,
                    "{\"window\":\"2024-05-02\",\"recheck\":true}");
            assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
            assertThat(t.server.monitors().checks("pgorders", Long.MAX_VALUE, 10)).extracting(
                    dev.surprisal.server.store.ServerTables.CheckRow::window).containsExactly("2024-05-02", "2024-05-01");
            HttpResponse<String> none = t.post("/api/v1/monitors/pgorders/checks", t.writeToken,
                    "{\"window\":\"2024-06-01\"}");
            assertThat(none.statusCode()).isEqualTo(422);
            assertThat(none.body()).contains("no rows").doesNotContain("password");
            assertThat(t.get("/api/v1/monitors/pgorders/checks", t.readToken).body()).contains("2024-05-02");
        } finally {
            try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
