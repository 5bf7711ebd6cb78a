// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server;

import dev.surprisal.drift.ColumnDrift;
import dev.surprisal.drift.config.ConfigLoader;
import dev.surprisal.drift.config.Secrets;
import dev.surprisal.drift.config.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * dates15 on the server: a monitor whose reference is a European daily file of 1 to 12 January ({@code 05/01/2026},
 * no day over 12) freezes its dates month first, as pandas reads them; the window of 13 January ({@code 13/01/2026})
 * is then all invalid. The check is DRIFT (as before), and the monitor page's alarm now says why in the user's words:
 * the cells read day first, the baseline froze month first, re-baseline with {@code dayfirst: [day]}. The answer
 * of {@code POST .../baselines} carries the warning that the order was assumed.
 */
class DateOrderPageTest {
    @TempDir
    Path dir;

    private static void days(Path file, int from, int to) throws java.io.IOException {
        StringBuilder csv = new StringBuilder("day,amount\n");
        for (int d = from; d <= to; d++) {
            for (int i = 0; i < 40; i++) {
                csv.append(String.format("%02d/01/2026,%d%n", d, 10 + (d * 40 + i) * 7919 % 101));
            }
        }
        Files.writeString(file, csv, StandardCharsets.UTF_8);
    }

    /**
     * A server with monitor {@code eu}: its reference the European days 1 to 12 January (no day over 12), its source
     * the day {@code day} of January.
     */
    private TestServer server(int day) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        days(data.resolve("reference.csv"), 1, 12);
        days(data.resolve("day-2026-01-" + day + ".csv"), day, day);
        Path yaml = dir.resolve("eu.yaml");
        Files.writeString(yaml, """
                monitors:
                  - name: eu
                    source: { path: "data/day-{date}.csv" }
                    reference: { path: data/reference.csv }
                """, StandardCharsets.UTF_8);
        ServerConfig cfg = new ConfigLoader(Secrets.of(Map.of())).load(yaml);
        return new TestServer(dir.resolve("server"), 200, 2, c -> c.withMonitors(cfg.monitors()).withPublic(true, false),
                Clock.systemUTC());
    }

    @Test
    void theMonitorPageSaysTheCellsReadDayFirstAgainstAnAssumedMonthFirstBaseline() throws Exception {
        try (TestServer t = server(13)) {
            // the new baseline's answer warns, as drift baseline --json does
            var created = t.post("/api/v1/monitors/eu/baselines", t.writeToken, "{}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            var warning = ReportJson.MAPPER.readTree(created.body()).path("warnings").get(0);
            assertThat(warning.path("column").asText()).isEqualTo("day");
            assertThat(warning.path("layout").asText()).isEqualTo("mm/dd/yyyy");
            assertThat(warning.path("fix").asText()).contains("dayfirst: [day]");
            CheckResult r = t.server.monitors().check("eu", Window.parse("2026-01-13", ZoneOffset.UTC), "test");
            assertThat(r.status()).isEqualTo("DRIFT");
            ColumnDrift day = r.report().columns().stream().filter(c -> c.name().equals("day")).findFirst().orElseThrow();
            String why = "they are dates only read day first, and the baseline froze month first (mm/dd/yyyy), as pandas"
                    + " reads them, none of its dates showing the order (no day or month over 12); if the column writes "
                    + "the day first, re-baseline with --dayfirst day (in a monitor file: dayfirst: [day])";
            assertThat(day.reason()).contains(why);
            String page = t.get("/monitors/eu", null).body();
            assertThat(page).contains(why);
        }
    }

    @Test
    void aBaselineTheServerFitsByItselfIsWarnedOnTheMonitorsPageAndInItsJson() throws Exception {
        // issue 9 (mon16): fitted at the first check, the baseline's warning was only logged; a user of serve never
        // saw it. The monitor's answer and page show it where the baseline is shown, the CLI's sentence.
        try (TestServer t = server(12)) {
            var before = ReportJson.MAPPER.readTree(t.get("/api/v1/monitors/eu", null).body());
            assertThat(before.path("has_baseline").asBoolean()).isFalse();
            assertThat(before.path("warnings")).as("no baseline, nothing to warn of").isEmpty();
            // no POST .../baselines: the first check fits the baseline from the config's reference
            t.server.monitors().check("eu", Window.parse("2026-01-12", ZoneOffset.UTC), "test");
            String message = "day: the data did not decide the order of day and month (no date has a day or month "
                    + "over 12): read month first (mm/dd/yyyy), as pandas reads them, so 12/01/2026 is 2026-12-01; "
                    + "read day first it would be 2026-01-12; if the column writes the day first, re-baseline with "
                    + "--dayfirst day (in a monitor file: dayfirst: [day])";
            var monitor = ReportJson.MAPPER.readTree(t.get("/api/v1/monitors/eu", null).body());
            assertThat(monitor.path("warnings")).hasSize(1);
            var w = monitor.path("warnings").get(0);
            assertThat(w.path("column").asText()).isEqualTo("day");
            assertThat(w.path("kind").asText()).isEqualTo("date_order_assumed");
            assertThat(w.path("layout").asText()).isEqualTo("mm/dd/yyyy");
            assertThat(w.path("fix").asText()).isEqualTo("if the column writes the day first, re-baseline with "
                    + "--dayfirst day (in a monitor file: dayfirst: [day])");
            // the sentence drift baseline prints, rendered once (DateOrderWarning.message)
            assertThat(w.path("message").asText()).isEqualTo(message);
            var versions = ReportJson.MAPPER.readTree(t.get("/api/v1/monitors/eu/baselines", null).body());
            assertThat(versions.path("baselines").get(0).path("warnings").get(0).path("message").asText())
                    .isEqualTo(message);
            String page = t.get("/monitors/eu", null).body();
            assertThat(page).contains("id=\"baseline-warnings\"", "Baseline v1 warnings:",
                    "warning: " + message);
        }
    }

    @Test
    void aBaselineTheServerFitsByItselfLogsTheWarning() throws Exception {
        java.util.List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler h = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                logged.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(Monitors.class.getName());
        log.addHandler(h);
        try (TestServer t = server(12)) {
            // no POST .../baselines: the first check fits the baseline from the config's reference
            t.server.monitors().check("eu", Window.parse("2026-01-12", ZoneOffset.UTC), "test");
        } finally {
            log.removeHandler(h);
        }
        assertThat(logged).anySatisfy(m -> assertThat(m).startsWith("baseline of monitor eu fitted from its reference: "
                + "day: the data did not decide the order of day and month").contains("dayfirst: [day]"));
    }
}
