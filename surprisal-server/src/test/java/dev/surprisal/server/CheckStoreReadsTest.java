// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server;

import dev.surprisal.data.demo.EventTable;
import dev.surprisal.drift.config.ConfigLoader;
import dev.surprisal.drift.config.Secrets;
import dev.surprisal.drift.config.ServerConfig;
import dev.surprisal.server.store.StoreGate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A check reads the store for what it needs once: the rolling reference and the stale-data rule are
 * both made of the batches checked before this one, and read them (with the excluded runs) in one
 * visit, together with the window's earlier checks. Counted with the gate's visit counter, not timed.
 */
class CheckStoreReadsTest {
    @TempDir
    Path dir;

    @Test
    void aRollingCheckReadsTheBatchesBeforeItOnce() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        EventTable.days(1, 30, 200, 4).writeCsv(data.resolve("reference.csv"));
        for (int day = 31; day <= 33; day++) {
            EventTable.days(day, day, 200, 4).writeCsv(data.resolve("day-2024-0" + (day <= 31 ? "1-31" : "2-0"
                    + (day - 31)) + ".csv"));
        }
        Path yaml = Files.writeString(dir.resolve("events.yaml"), """
                monitors:
                  - name: events
                    source: { path: "data/day-{date}.csv" }
                    reference: { path: data/reference.csv }
                    rolling: 2
                """, StandardCharsets.UTF_8);
        ServerConfig cfg = new ConfigLoader(Secrets.of(Map.of())).load(yaml);
        try (StoreGate gate = new StoreGate(dir.resolve("drift.duckdb").toString())) {
            Monitors ms = new Monitors(cfg, gate, new MutableClock(Instant.parse("2024-02-03T07:00:00Z")));
            ms.check("events", Window.parse("2024-01-31", ZoneOffset.UTC), "test");
            ms.check("events", Window.parse("2024-02-01", ZoneOffset.UTC), "test");
            long[] before = gate.visits();
            CheckResult day33 = ms.check("events", Window.parse("2024-02-02", ZoneOffset.UTC), "test");
            long[] after = gate.visits();
            assertThat(day33.reference()).startsWith("rolling: the 2 windows 2024-01-31, 2024-02-01");
            assertThat(day33.report().columns()).filteredOn(c -> c.name().equals("ts")).singleElement()
                    .satisfies(c -> assertThat(c.reason()).contains("after the newest 2024-02-01T",
                            "of the batch checked at 2024-02-01"));
            // reads: the baseline, then the window's earlier checks with the batches before it (were 4: those
            // batches again for the stale-data rule, and the excluded runs twice); writes: record, then the report
            assertThat(after[0] - before[0]).as("store reads of one check").isEqualTo(2);
            assertThat(after[1] - before[1]).as("store writes of one check").isEqualTo(2);
        }
    }
}
