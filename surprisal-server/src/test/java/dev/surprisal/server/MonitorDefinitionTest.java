// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Monitors created and replaced through the API ({@code PUT /api/v1/monitors/NAME}, admin only),
 * over real HTTP: they check like monitors of a file, outlive a restart (kept in the store), and
 * the API refuses what a remote caller must not do (secrets, files outside the config directory,
 * changing a monitor that a config file defines).
 */
class MonitorDefinitionTest {
    @TempDir
    Path dir;

    private static final String EU = """
            name: orders-eu
            source: { path: "data/orders-{date}.csv" }
            reference: { path: data/reference.csv }
            columns: [country, device]
            drift: 0.25
            """;

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return ReportJson.MAPPER.readTree(r.body());
    }

    @Test
    void anAdminCreatesAndReplacesAMonitorThatOutlivesARestart() throws Exception {
        TestServer first = new TestServer(dir, 1500, 4, c -> c, Clock.systemUTC());
        try (TestServer t = first) {
            assertThat(t.put("/api/v1/monitors/orders-eu", t.writeToken, EU).statusCode()).as("write role").isEqualTo(403);
            HttpResponse<String> created = t.put("/api/v1/monitors/orders-eu", t.adminToken, EU);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(json(created).get("created").asBoolean()).isTrue();
            // it checks like a monitor of a file: the last demo day has the new country SE
            HttpResponse<String> check = t.post("/api/v1/monitors/orders-eu/checks", t.writeToken,
                    "{\"window\":\"2024-05-04\"}");
            assertThat(check.statusCode()).as(check.body()).isEqualTo(200);
            assertThat(json(check).get("status").asText()).isEqualTo("DRIFT");
            HttpResponse<String> replaced = t.put("/api/v1/monitors/orders-eu", t.adminToken,
                    "{\"name\": \"orders-eu\", \"source\": {\"path\": \"data/orders-{date}.csv\"}, "
                            + "\"reference\": {\"path\": \"data/reference.csv\"}, \"columns\": [\"device\"]}");
            assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
            assertThat(t.server.monitors().monitor("orders-eu").columns()).containsExactly("device");
        }
        // a restart on the same store: the monitor comes back from it
        try (SurprisalServer again = SurprisalServer.start(first.demo.config().withPort(0), first.demo.store(),
                Clock.systemUTC(), null)) {
            assertThat(again.monitors().monitor("orders-eu").columns()).as("kept in the store").containsExactly("device");
        }
    }

    @Test
    void theApiRefusesWhatARemoteCallerMustNotDo() throws Exception {
        try (TestServer t = new TestServer(dir, 1500, 4, c -> c, Clock.system(ZoneOffset.UTC))) {
            HttpResponse<String> file = t.put("/api/v1/monitors/orders", t.adminToken, EU.replace("orders-eu", "orders"));
            assertThat(file.statusCode()).isEqualTo(409);
            assertThat(json(file).get("error").asText()).contains("monitors.yaml").contains("change it there");

            HttpResponse<String> secret = t.put("/api/v1/monitors/pg", t.adminToken, """
                    name: pg
                    source: { jdbc: "jdbc:postgresql://evil.example/db", password: "${env:PGPASSWORD}", query: "select 1" }
                    """);
            assertThat(secret.statusCode()).isEqualTo(400);
            assertThat(json(secret).get("error").asText()).contains("secrets");

            HttpResponse<String> outside = t.put("/api/v1/monitors/etc", t.adminToken, """
                    name: etc
                    source: { path: "../../../../etc/passwd" }
                    """);
            assertThat(outside.statusCode()).isEqualTo(400);
            assertThat(json(outside).get("error").asText()).contains("only files under the config's directory");

            HttpResponse<String> badKey = t.put("/api/v1/monitors/typo", t.adminToken, """
                    name: typo
                    source: { path: "data/orders-{date}.csv" }
                    drfit: 0.3
                    """);
            assertThat(badKey.statusCode()).isEqualTo(400);
            assertThat(json(badKey).get("error").asText()).contains("api:3").contains("drfit");

            HttpResponse<String> otherName = t.put("/api/v1/monitors/a", t.adminToken, EU);
            assertThat(otherName.statusCode()).isEqualTo(400);
            assertThat(t.get("/api/v1/monitors/etc", t.readToken).statusCode()).as("nothing half-created").isEqualTo(404);
        }
    }
}
