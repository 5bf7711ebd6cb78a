// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.store;

import dev.surprisal.drift.rules.TrendRule;
import dev.surprisal.drift.rules.MonitoredCheck;

import dev.surprisal.drift.DriftOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Run identity, baseline versions, history order and "no store": the store's bookkeeping rules. */
class StoreIdentityTest {
    @TempDir
    Path dir;

    private static MonitoredCheck.Outcome check(DriftStore s, String at, long seed) {
        return MonitoredCheck.check(s, "m", at, StoreFixtures.day(seed, 0), DriftOptions.defaults(), TrendRule.defaults());
    }

    /** Runs identity and version scenarios against any location; PostgresStoreTest reuses it. */
    static void identityScenarios(String location) {
        try (DriftStore s = DriftStore.open(location)) {
            assertThat(s.saveBaseline("m", StoreFixtures.REFERENCE)).isEqualTo(new DriftStore.BaselineSaved(1, 0));
            MonitoredCheck.Outcome first = check(s, "2024-01-01", 1);
            check(s, "2024-01-02", 2);
            assertThat(first.replaced()).isFalse();
            // a retry of the same day replaces it, whatever the spelling of the same instant
            MonitoredCheck.Outcome retry = check(s, "2024-01-01T00:00", 3);
            assertThat(retry.replacedRunId()).isEqualTo(first.runId());
            assertThat(retry.runId()).isNotEqualTo(first.runId());
            assertThat(s.counts()).as("runs, scores, partial, duplicated").containsExactly(2, 6, 0, 0);
            assertThat(s.history("m", "x")).extracting(HistoryPoint::runId).doesNotContain(first.runId()).hasSize(2);

            // a new baseline: version 2, the two earlier checks reported, history starts afresh
            DriftStore.BaselineSaved saved = s.saveBaseline("m", StoreFixtures.REFERENCE);
            assertThat(saved).isEqualTo(new DriftStore.BaselineSaved(2, 2));
            assertThat(saved.replaced()).isTrue();
            assertThat(s.reference("m").orElseThrow().version()).isEqualTo(2);
            assertThat(s.history("m", null)).isEmpty();
            // the same day against the new reference is a new run, not a replacement
            MonitoredCheck.Outcome again = check(s, "2024-01-01", 4);
            assertThat(again.replaced()).isFalse();
            assertThat(s.history("m", "x")).singleElement().satisfies(h -> {
                assertThat(h.referenceVersion()).isEqualTo(2);
                assertThat(h.runId()).isEqualTo(again.runId());
            });
            assertThat(s.counts()[0]).as("earlier checks are kept").isEqualTo(3);
            // a check scored against version 1 cannot be recorded once version 2 is current
            var day = StoreFixtures.day(5, 0);
            assertThatThrownBy(() -> s.recordCheck("m", "2024-01-05", 1, day, StoreFixtures.report(day), List.of()))
                    .isInstanceOf(StoreException.class).hasMessageContaining("replaced (now version 2)");
        }
    }

    @Test
    void aRetryReplacesTheRunAndANewBaselineStartsANewHistory() {
        identityScenarios(dir.resolve("s.duckdb").toString());
    }

    @Test
    void historyIsOrderedByTimeNotByTheTextOfAt() {
        try (DriftStore s = DriftStore.open(dir.resolve("t.duckdb").toString())) {
            s.saveBaseline("m", StoreFixtures.REFERENCE);
            // as text "2024-01-02T00:00+05:00" sorts after "2024-01-01T20:00", as time it is one hour before
            check(s, "2024-01-02T00:00+05:00", 1);
            check(s, "2024-01-01T20:00", 2);
            check(s, "2024-01-01", 3);
            assertThat(s.history("m", "x")).extracting(HistoryPoint::at)
                    .containsExactly("2024-01-01", "2024-01-02T00:00+05:00", "2024-01-01T20:00");
        }
    }

    @Test
    void openingAMissingStoreWithoutCreateCreatesNothing() {
        Path missing = dir.resolve("nothing/here.duckdb");
        assertThatThrownBy(() -> DriftStore.open(StoreUrl.parse(missing.toString()), false, 1000))
                .isInstanceOf(StoreException.class)
                .hasMessage("no store at " + missing + "; run drift baseline first (it creates the store)");
        assertThat(Files.exists(missing)).isFalse();
        assertThat(Files.exists(missing.getParent())).isFalse();
    }

    @Test
    void aDirectoryIsNotAStore() {
        assertThatThrownBy(() -> DriftStore.open(dir.toString())).isInstanceOf(StoreException.class)
                .hasMessageContaining("a directory, not a store file");
    }

    @Test
    void anExistingFileOfAnotherFormatIsRefusedUntouched() throws java.io.IOException {
        Path sqlite = dir.resolve("other.db");
        byte[] header = "SQLite format 3\0-and-more-bytes".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(sqlite, header);
        assertThatThrownBy(() -> DriftStore.open(sqlite.toString())).isInstanceOf(StoreException.class)
                .hasMessage("store " + sqlite + ": a file of another format, not a DuckDB store; nothing was written to "
                        + "it. Give a new file name for the store (e.g. drift.duckdb: the first baseline creates it) or "
                        + "an existing store");
        assertThat(Files.readAllBytes(sqlite)).isEqualTo(header);
        // a real store still opens
        Path store = dir.resolve("real.duckdb");
        DriftStore.open(store.toString()).close();
        DriftStore.open(store.toString()).close();
    }

    @Test
    void anInvalidAtIsAValidationError() {
        assertThatThrownBy(() -> RunTime.parse("yesterday")).isInstanceOf(dev.surprisal.core.ValidationException.class)
                .hasMessageContaining("'yesterday'");
        assertThat(RunTime.parse("2024-01-02T00:00+05:00")).isEqualTo(RunTime.parse("2024-01-01T19:00"));
    }
}
