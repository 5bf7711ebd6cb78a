// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.surprisal.drift.config.ConfigException;
import dev.surprisal.drift.config.ConfigLoader;
import dev.surprisal.drift.config.Secrets;
import dev.surprisal.drift.config.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rolling references with known truth: {@code amount} creeps up by 0.05 sd a day for eight days,
 * then jumps by 1.5 sd. Against the fixed baseline the creep adds up to 0.4 sd, which is material
 * (W1/sd at least 0.3) and alarms; against the previous window each day moves 0.05 sd, under even
 * the WARN band (0.1), so a rolling monitor stays OK until the jump, which it catches. The reference is the previous windows' counts added
 * on the baseline's bins: its rows are theirs, and an excluded run is left out of it.
 */
class RollingReferenceTest {
    private static final int ROWS = 5000;
    private static final LocalDate FIRST = LocalDate.parse("2024-06-01");

    @TempDir
    Path dir;

    /** One day: a gaussian {@code amount} with the given mean (sd 1) and a steady {@code channel}. */
    private static void day(Path file, double mean, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder("amount,channel\n");
        String[] channels = {"web", "app", "store"};
        for (int i = 0; i < ROWS; i++) {
            b.append(String.format(Locale.ROOT, "%.4f", mean + r.nextGaussian())).append(',')
                    .append(channels[r.nextInt(3)]).append('\n');
        }
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
    }

    private ServerConfig config(String rolling) throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        day(data.resolve("reference.csv"), 0, 1);
        for (int d = 0; d < 9; d++) {
            double mean = d < 8 ? 0.05 * (d + 1) : 0.05 * 8 + 1.5;
            day(data.resolve("day-" + FIRST.plusDays(d) + ".csv"), mean, 100 + d);
        }
        Path yaml = dir.resolve("rolling.yaml");
        Files.writeString(yaml, """
                monitors:
                  - name: fixed
                    source: { path: "data/day-{date}.csv" }
                    reference: { path: data/reference.csv }
                  - name: rolling
                    source: { path: "data/day-{date}.csv" }
                    reference: { path: data/reference.csv }
                    rolling: %s
                """.formatted(rolling), StandardCharsets.UTF_8);
        return new ConfigLoader(Secrets.of(Map.of())).load(yaml);
    }

    private static Window window(int d) {
        return Window.parse(FIRST.plusDays(d).toString(), ZoneOffset.UTC);
    }

    @Test
    void aRollingReferenceFollowsACreepAndCatchesAJump() throws Exception {
        ServerConfig cfg = config("previous");
        try (TestServer t = new TestServer(dir.resolve("server"), 200, 2,
                c -> c.withMonitors(cfg.monitors()), Clock.systemUTC())) {
            Monitors ms = t.server.monitors();
            CheckResult first = ms.check("rolling", window(0), "test");
            assertThat(first.reference()).contains("baseline version 1").contains("no window before 2024-06-01");
            CheckResult fixed = null;
            CheckResult rolling = null;
            for (int d = 0; d < 8; d++) {
                fixed = ms.check("fixed", window(d), "test");
                rolling = d == 0 ? first : ms.check("rolling", window(d), "test");
                if (d > 0) {
                    assertThat(rolling.status()).as("day %d against the day before: %s", d, rolling.alarms()).isEqualTo("OK");
                    assertThat(rolling.report().referenceRows()).isEqualTo(ROWS);
                    assertThat(rolling.reference()).contains("rolling: the 1 window " + FIRST.plusDays(d - 1));
                }
            }
            assertThat(fixed.status()).as("0.4 sd above the baseline after eight days: %s", fixed.alarms()).isEqualTo("DRIFT");
            assertThat(fixed.reference()).isEqualTo("baseline version 1");
            CheckResult jump = ms.check("rolling", window(8), "test");
            assertThat(jump.status()).as("a 1.5 sd jump overnight").isEqualTo("DRIFT");

            // the API shows what the window was compared with
            JsonNode json = ReportJson.MAPPER.readTree(t.get("/api/v1/monitors/rolling/checks/" + jump.runId(),
                    t.readToken).body());
            assertThat(json.get("reference").asText()).contains(FIRST.plusDays(7).toString());
        }
    }

    @Test
    void trailingWindowsAddUpAndAnExcludedRunIsLeftOut() throws Exception {
        ServerConfig cfg = config("3");
        try (TestServer t = new TestServer(dir.resolve("server"), 200, 2,
                c -> c.withMonitors(cfg.monitors()), Clock.systemUTC())) {
            Monitors ms = t.server.monitors();
            long[] runs = new long[5];
            for (int d = 0; d < 5; d++) {
                runs[d] = ms.check("rolling", window(d), "test").runId();
            }
            CheckResult five = ms.check("rolling", window(5), "test");
            assertThat(five.report().referenceRows()).isEqualTo(3L * ROWS);
            assertThat(five.reference()).contains("the 3 windows 2024-06-03, 2024-06-04, 2024-06-05");
            ms.exclude("rolling", runs[4], "a bad load");
            CheckResult again = ms.check("rolling", window(5), "test", true);
            assertThat(again.reference()).contains("the 3 windows 2024-06-02, 2024-06-03, 2024-06-04");
            assertThat(again.report().referenceRows()).isEqualTo(3L * ROWS);
        }
    }

    @Test
    void aBadRollingValueNamesTheFileLineAndKey() {
        assertThatThrownBy(() -> config("0")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("rolling.yaml:8").hasMessageContaining("rolling")
                .hasMessageContaining("'previous' or a number of windows 1..366");
        assertThatThrownBy(() -> config("weekly")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'previous' or a number of windows");
    }
}
