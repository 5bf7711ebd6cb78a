// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restarted server's {@code /metrics} holds the gauges of each monitor's last check, as {@code /api/v1/monitors}
 * holds its last verdict: before, the gauges were empty until the next check, so an alert on
 * {@code surprisal_column_status >= 2} resolved at every deploy (audit17 D2).
 */
class MetricsRestartTest {
    /**
     * The gauges of a scrape (the last check's values) by series; counters and the histogram restart at zero, as
     * Prometheus expects of a restarted process.
     */
    private static Map<String, Double> gauges(String scrape) {
        Map<String, Double> out = new TreeMap<>();
        scrape.lines().filter(l -> l.startsWith("surprisal_column_") || l.startsWith("surprisal_monitor_status")
                        || l.startsWith("surprisal_check_rows") || l.startsWith("surprisal_check_last_run_timestamp_seconds"))
                .forEach(l -> out.put(l.substring(0, l.lastIndexOf(' ')), Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))));
        return out;
    }

    @Test
    void theGaugesOfTheLastCheckComeBackAfterARestartOnTheSameStore(@TempDir Path dir) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2024-05-06T07:00:00Z"));
        Map<String, Double> before;
        TestServer first = new TestServer(dir, 400, 3, c -> c, clock);
        try (TestServer t = first) {
            assertThat(t.post("/api/v1/monitors/orders/checks", t.writeToken, "{\"window\":\"2024-05-01\"}")
                    .statusCode()).isEqualTo(200);
            // the last day has a new country: its check is DRIFT, the case an alert waits for
            clock.set(Instant.parse("2024-05-07T07:00:00Z"));
            HttpResponse<String> drifted = t.post("/api/v1/monitors/orders/checks", t.writeToken,
                    "{\"window\":\"2024-05-03\"}");
            assertThat(drifted.statusCode()).isEqualTo(200);
            assertThat(ReportJson.MAPPER.readTree(drifted.body()).get("status").asText()).isEqualTo("DRIFT");
            before = gauges(t.get("/metrics", t.readToken).body());
        }
        assertThat(before).containsEntry("surprisal_column_status{column=\"country\",monitor=\"orders\"}", 2.0)
                .containsEntry("surprisal_monitor_status{monitor=\"orders\"}", 2.0);

        clock.set(Instant.parse("2024-05-08T07:00:00Z")); // the restart's time is not the last check's
        try (SurprisalServer again = SurprisalServer.start(first.demo.config().withPort(0), first.demo.store(), clock,
                null)) {
            HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + again.port() + "/metrics"))
                    .header("Authorization", "Bearer " + first.readToken).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.statusCode()).isEqualTo(200);
            Map<String, Double> after = gauges(scrape.body());
            assertThat(after.keySet()).as("the same gauges").isEqualTo(before.keySet());
            // KL and JS are stored in bits and read back into the gauges' nats and bits: equal up to rounding
            before.forEach((series, v) -> assertThat(after.get(series)).as(series)
                    .satisfiesAnyOf(a -> assertThat(a).isEqualTo(v), // NaN (not computable) equals NaN here
                            a -> assertThat(a).isCloseTo(v, org.assertj.core.data.Offset.offset(1e-12 * Math.max(1, Math.abs(v))))));
        }
    }
}
