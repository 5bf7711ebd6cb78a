// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.surprisal.drift.config.ConfigLoader;
import dev.surprisal.drift.config.MonitorConfig;
import dev.surprisal.drift.config.Secrets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A monitor that cannot run (no baseline in the store, and its reference file does not exist) keeps
 * {@code /readyz} not ready with the reason, and each failing check of it, from the API or the
 * schedule, is a WARN line in the server log naming the monitor, the window and the reason.
 */
class ReadinessTest {
    @Test
    void aMissingReferenceIsNotReadyAndItsFailingChecksAreLogged(@TempDir Path dir) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2024-05-02T07:00:00Z"));
        Path ref = dir.resolve("data/nothere.csv");
        try (LogCapture log = LogCapture.root(); TestServer t = withNoRef(dir, clock)) {
            assertThat(warnings(log)).anySatisfy(m -> assertThat(m).contains("monitor 'noref'").contains(ref.toString()));

            HttpResponse<String> ready = t.get("/readyz", null);
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(503);
            JsonNode body = ReportJson.MAPPER.readTree(ready.body());
            assertThat(body.path("status").asText()).isEqualTo("not ready");
            assertThat(body.path("reasons").toString()).contains("monitor 'noref'").contains("nothere.csv")
                    .contains("no baseline in the store");

            log.clear();
            HttpResponse<String> check = t.post("/api/v1/monitors/noref/checks", t.writeToken, "{\"window\":\"2024-05-01\"}");
            assertThat(check.statusCode()).as(check.body()).isEqualTo(422);
            assertThat(warnings(log)).anySatisfy(m -> assertThat(m).contains("noref").contains("2024-05-01")
                    .contains("(api)").contains("nothere.csv"));

            log.clear();
            t.server.scheduler().tick();
            assertThat(warnings(log)).anySatisfy(m -> assertThat(m).contains("noref").contains("window 2024-05-01")
                    .contains("nothere.csv"));

            Files.copy(dir.resolve("data/reference.csv"), ref);
            assertThat(t.get("/readyz", null).statusCode()).as("ready once the file is there").isEqualTo(200);
        }
    }

    /**
     * The same config with the monitor's baseline in the store: ready, and its checks run, without the
     * reference file; {@code serve --check-config} applies the same rule ({@code ServerConfig.unrunnable}).
     */
    @Test
    void aMissingReferenceWithAStoredBaselineIsReadyAndRuns(@TempDir Path dir) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2024-05-02T07:00:00Z"));
        try (TestServer t = withNoRef(dir, clock)) {
            assertThat(t.get("/readyz", null).statusCode()).isEqualTo(503);
            // the reference once fitted (say by 'drift baseline'), then archived
            var profile = dev.surprisal.data.profile.ProfileBuilder.fit(dev.surprisal.data.TableReader.open(
                    dir.resolve("data/reference.csv")), dev.surprisal.data.profile.ProfileOptions.defaults());
            t.server.monitors().gate().with(s -> s.saveBaseline("noref", profile));
            HttpResponse<String> ready = t.get("/readyz", null);
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
            assertThat(t.server.monitors().config().unrunnable(t.server.monitors()::hasBaseline)).isEmpty();
            assertThat(t.server.scheduler().tick()).filteredOn(k -> k.monitor().equals("noref")).singleElement()
                    .satisfies(k -> assertThat(k.outcome()).as(k.message()).isEqualTo("ran"));
        }
    }

    /** The demo server with a monitor 'noref' whose reference file data/nothere.csv does not exist. */
    private static TestServer withNoRef(Path dir, MutableClock clock) {
        return new TestServer(dir, 400, 4, c -> {
            List<MonitorConfig> ms = new ArrayList<>(c.monitors());
            ms.add(new ConfigLoader(Secrets.of(Map.of())).monitor("""
                    name: noref
                    source: { path: "data/orders-{date}.csv" }
                    reference: { path: data/nothere.csv }
                    schedule: { cron: "0 6 * * *", zone: UTC }
                    """, "noref.yaml", dir));
            return c.withMonitors(List.copyOf(ms));
        }, clock);
    }

    private static List<String> warnings(LogCapture log) {
        return log.messages(Level.WARNING);
    }
}
