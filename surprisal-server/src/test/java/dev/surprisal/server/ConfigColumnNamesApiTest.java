// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server;

import dev.surprisal.drift.config.Secrets;
import dev.surprisal.drift.config.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A monitor whose config names a column its reference lacks is refused by the API with the config's file, line
 * and key (422), and {@code /readyz} is not ready (audit17 D5): before, {@code /readyz} said ready and
 * {@code POST .../baselines} answered 422 naming neither file nor line.
 */
class ConfigColumnNamesApiTest {
    @Test
    void theApiNamesTheConfigFileLineAndKey(@TempDir Path dir) throws Exception {
        String writeToken;
        Demo.Prepared demo;
        try (TestServer t = new TestServer(dir, 300, 2, c -> c, Clock.systemUTC())) {
            writeToken = t.writeToken;
            demo = t.demo;
        }
        Path bad = Files.writeString(dir.resolve("bad.yaml"), """
                monitors:
                  - name: orders
                    source: { path: "data/orders-{date}.csv" }
                    reference: { path: data/reference.csv }
                    exclude: [order_idx, ts]
                """);
        ServerConfig cfg = dev.surprisal.server.schedule.Cron.configLoader(Secrets.of(Map.of())).load(bad).withPort(0);
        try (SurprisalServer s = SurprisalServer.start(cfg, demo.store(), Clock.systemUTC(), null)) {
            HttpClient client = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + s.port();
            String expected = bad + ":5: monitors[0].exclude: no column 'order_idx' in ";
            HttpResponse<String> fit = client.send(HttpRequest.newBuilder(URI.create(base
                    + "/api/v1/monitors/orders/baselines")).header("Authorization", "Bearer " + writeToken)
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(fit.statusCode()).isEqualTo(422);
            assertThat(ReportJson.MAPPER.readTree(fit.body()).get("error").asText()).startsWith(expected)
                    .endsWith("; did you mean order_id?");
            HttpResponse<String> check = client.send(HttpRequest.newBuilder(URI.create(base
                    + "/api/v1/monitors/orders/checks")).header("Authorization", "Bearer " + writeToken)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"window\":\"2024-05-01\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(check.statusCode()).isEqualTo(422);
            assertThat(ReportJson.MAPPER.readTree(check.body()).get("error").asText()).startsWith(expected);
            HttpResponse<String> ready = client.send(HttpRequest.newBuilder(URI.create(base + "/readyz")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("no column 'order_idx'");
        }
    }
}
