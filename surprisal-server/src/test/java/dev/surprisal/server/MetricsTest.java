// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /metrics} counts a check that could not run whoever asked for it (the API as well as the
 * schedule), and stamps the last run with the server's clock, not the machine's.
 */
class MetricsTest {
    @Test
    void failuresOfEveryTriggerAreCountedAndTheLastRunIsOnTheServersClock(@TempDir Path dir) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2024-05-02T07:00:00Z"));
        try (TestServer t = new TestServer(dir, 300, 2, c -> c, clock)) {
            assertThat(t.post("/api/v1/monitors/orders/checks", t.writeToken, "{\"window\":\"2024-05-01\"}")
                    .statusCode()).isEqualTo(200);
            // a window without data, asked for through the API: 422, and counted
            assertThat(t.post("/api/v1/monitors/orders/checks", t.writeToken, "{\"window\":\"2024-06-30\"}")
                    .statusCode()).isEqualTo(422);
            // and on the schedule: the window of June 30 has no data either
            clock.set(Instant.parse("2024-07-01T06:30:00Z"));
            try (LogCapture log = LogCapture.root()) {
                assertThat(t.server.scheduler().tick()).singleElement()
                        .satisfies(k -> assertThat(k.outcome()).isEqualTo("skipped"));
                // no failure (README): the start-up log said WARNING for it (audit17 D7)
                assertThat(log.messages(java.util.logging.Level.INFO)).anyMatch(m -> m.startsWith("skipped orders window"));
                assertThat(log.messages(java.util.logging.Level.WARNING)).noneMatch(m -> m.contains("window 2024-06-30"));
            }
            com.fasterxml.jackson.databind.JsonNode history = ReportJson.MAPPER.readTree(
                    t.get("/api/v1/monitors/orders/history", t.readToken).body());
            assertThat(history.get("units").asText()).contains("kl_nats nats").doesNotContain("klNats");
            assertThat(history.get("points").get(0).has("kl_nats")).isTrue();
            String metrics = t.get("/metrics", t.readToken).body();
            assertThat(metrics)
                    .contains("surprisal_check_failures_total{monitor=\"orders\",reason=\"skipped\",trigger=\"api\"} 1.0")
                    // a scheduled window whose file has not arrived (every start-up) is a skipped run, not a
                    // failure: an alert on the failures counter no longer fires at each restart (audit15 D8c)
                    .doesNotContain("reason=\"skipped\",trigger=\"schedule\"")
                    .contains("surprisal_check_runs_total{monitor=\"orders\",outcome=\"skipped\"} 2.0")
                    // the yardsticks that decide continuous (W1/std) and categorical (TV) columns (audit15 D8b)
                    .containsPattern("(?m)^surprisal_column_total_variation_ratio\\{column=\"[^\"]+\",monitor=\"orders\"\\} "
                            + "\\d\\.\\d+")
                    .containsPattern("(?m)^surprisal_column_wasserstein_stddevs\\{column=\"[^\"]+\",monitor=\"orders\"\\} "
                            + "\\d\\.\\d+")
                    .contains("# HELP surprisal_column_wasserstein_stddevs Last W1/std of the column: how far its values "
                            + "moved, in reference standard deviations (unitless)")
                    // 2024-05-02T07:00:00Z, the clock's time of the one check that ran
                    .contains("surprisal_check_last_run_timestamp_seconds{monitor=\"orders\"} 1.7146332E9");
        }
    }
}
