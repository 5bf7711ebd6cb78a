// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server;

import dev.surprisal.data.demo.EventTable;
import dev.surprisal.drift.ColumnDrift;
import dev.surprisal.server.config.ConfigLoader;
import dev.surprisal.server.config.Secrets;
import dev.surprisal.server.config.ServerConfig;
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
 * A scheduled window is a monitor's next batch: its timestamps must advance past the last checked
 * window's, as in {@code drift check}. Known truth from {@link EventTable} (baseline days 1-30).
 */
class ScheduledFreshnessTest {
    private static final int PER_DAY = 200;

    @TempDir
    Path dir;

    @Test
    void aReSentWindowWarnsAndTheNextNewOneDoesNot() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        EventTable.days(1, 30, PER_DAY, 4).writeCsv(data.resolve("reference.csv"));
        EventTable.days(31, 31, PER_DAY, 4).writeCsv(data.resolve("day-2024-01-31.csv"));
        EventTable.days(31, 31, PER_DAY, 4).writeCsv(data.resolve("day-2024-02-01.csv")); // re-sent
        EventTable.days(32, 32, PER_DAY, 4).writeCsv(data.resolve("day-2024-02-02.csv"));
        Path yaml = dir.resolve("events.yaml");
        Files.writeString(yaml, """
                monitors:
                  - name: events
                    source: { path: "data/day-{date}.csv" }
                    reference: { path: data/reference.csv }
                """, StandardCharsets.UTF_8);
        ServerConfig cfg = new ConfigLoader(Secrets.of(Map.of())).load(yaml);
        try (TestServer t = new TestServer(dir.resolve("server"), 200, 2, c -> c.withMonitors(cfg.monitors()),
                Clock.systemUTC())) {
            Monitors ms = t.server.monitors();
            CheckResult day31 = ms.check("events", Window.parse("2024-01-31", ZoneOffset.UTC), "test");
            assertThat(day31.status()).as("%s", day31.report().columns()).isEqualTo("OK");
            CheckResult resent = ms.check("events", Window.parse("2024-02-01", ZoneOffset.UTC), "test");
            assertThat(resent.status()).isEqualTo("WARN");
            assertThat(ts(resent).reason()).startsWith("stale data: today's newest value 2024-01-31T")
                    .contains("of the batch checked at 2024-01-31");
            CheckResult day32 = ms.check("events", Window.parse("2024-02-02", ZoneOffset.UTC), "test");
            assertThat(day32.status()).as("%s", day32.report().columns()).isEqualTo("OK");
        }
    }

    private static ColumnDrift ts(CheckResult r) {
        return r.report().columns().stream().filter(c -> c.name().equals("ts")).findFirst().orElseThrow();
    }
}
