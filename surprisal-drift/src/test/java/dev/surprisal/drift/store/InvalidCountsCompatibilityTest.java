// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.profile.ColumnProfile;
import dev.surprisal.data.profile.InvalidCell;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.drift.DriftJson;
import dev.surprisal.drift.ValueText;
import dev.surprisal.drift.rules.MonitorCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store written before invalid values were counted (compat/README.md: {@code store-v5-uncounted.duckdb.gz},
 * written by the build of 2026-12-02 before drift16): its run of 2024-05-01 holds {@code invalid-d1.csv}'s amounts,
 * 42 invalid cells, {@code n.a.} ×1 (line 5), {@code abc} ×40 (lines 10 to 400), {@code #REF!} ×1 (line 450), kept as
 * the first cell of each value in file order, without counts. Today's code reads them as stored and says they were
 * not counted (no count of 0, no "cells of other values"); its alarm keeps its stored words; a check recorded today
 * beside it is counted, and a rolling reference that merges both is not (a sum would miss the old run's cells).
 */
class InvalidCountsCompatibilityTest {
    @TempDir
    Path dir;

    private Path store() throws Exception {
        Path f = dir.resolve("store.duckdb");
        try (InputStream in = new GZIPInputStream(InvalidCountsCompatibilityTest.class
                .getResourceAsStream("compat/store-v5-uncounted.duckdb.gz"))) {
            Files.copy(in, f);
        }
        return f;
    }

    @Test
    void aRunStoredBeforeInvalidValuesWereCountedReadsAsStoredAndSaysSo() throws Exception {
        Path f = store();
        Path day = dir.resolve("invalid-d1.csv");
        try (InputStream in = InvalidCountsCompatibilityTest.class.getResourceAsStream("compat/invalid-d1.csv")) {
            Files.copy(in, day);
        }
        try (DriftStore s = DriftStore.open(StoreUrl.parse(f.toString()), false, 10_000)) {
            List<DriftStore.RunProfile> runs = s.runProfiles("orders", 1, "2024-05-02", 5);
            assertThat(runs).extracting(DriftStore.RunProfile::at).containsExactly("2024-05-01");
            ColumnProfile old = runs.get(0).profile().column("amount");
            assertThat(old.invalid()).isEqualTo(42);
            assertThat(old.invalidCells()).containsExactly(new InvalidCell("line 5", "n.a.", InvalidCell.NOT_COUNTED),
                    new InvalidCell("line 10", "abc", InvalidCell.NOT_COUNTED),
                    new InvalidCell("line 450", "#REF!", InvalidCell.NOT_COUNTED));
            assertThat(old.otherInvalid()).isEqualTo(-1);
            assertThat(dev.surprisal.data.profile.CellText.listed(old.invalidCells(), old.invalid()))
                    .isEqualTo("\"n.a.\" (first: line 5), \"abc\" (first: line 10), \"#REF!\" (first: line 450)");
            ObjectNode json = new ObjectMapper().createObjectNode();
            DriftJson.invalidCells(json, old.invalidCells(), old.invalid());
            assertThat(json.get("invalid_cells").get(1).get("count").isNull()).isTrue();
            assertThat(json.get("invalid_cells").get(1).get("count_reason").asText()).isEqualTo(DriftJson.NOT_COUNTED);
            assertThat(json.get("invalid_cells_other").isNull()).isTrue();
            // the history's reason is the alarm as it was stored, in its words of the time
            HistoryPoint alarmed = s.history("orders", "amount").get(0);
            assertThat(alarmed.alarmed()).isTrue();
            assertThat(alarmed.why()).contains("invalid share rose").contains("first 'n.a.' (line 5)");
        }
        // a check of the same day recorded today, in the same store: counted
        MonitorCheck.of("orders").run(StoreUrl.parse(f.toString()), "2024-05-02", TableReader.open(day));
        try (DriftStore s = DriftStore.open(StoreUrl.parse(f.toString()), false, 10_000)) {
            List<DriftStore.RunProfile> runs = s.runProfiles("orders", 1, "2024-05-03", 5);
            assertThat(runs).extracting(DriftStore.RunProfile::at).containsExactly("2024-05-02", "2024-05-01");
            ColumnProfile today = runs.get(0).profile().column("amount");
            assertThat(today.invalidCells()).containsExactly(new InvalidCell("line 10", "abc", 40),
                    new InvalidCell("line 450", "#REF!", 1), new InvalidCell("line 5", "n.a.", 1));
            assertThat(today.otherInvalid()).isZero();
            // both runs as one rolling reference: 84 invalid cells, their values not counted
            Profile rolling = DriftStore.RunProfile.rolling(runs, s.baseline("orders").orElseThrow());
            assertThat(rolling.column("amount").invalid()).isEqualTo(84);
            assertThat(rolling.column("amount").invalidCells()).noneMatch(InvalidCell::counted)
                    .extracting(InvalidCell::value).containsExactly("abc", "#REF!", "n.a.");
        }
    }
}
