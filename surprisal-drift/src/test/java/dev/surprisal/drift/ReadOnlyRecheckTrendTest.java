// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.data.TableReader;
import dev.surprisal.data.profile.ProfileBuilder;
import dev.surprisal.drift.rules.Alarm;
import dev.surprisal.drift.rules.MonitorCheck;
import dev.surprisal.drift.rules.MonitoredCheck;
import dev.surprisal.drift.rules.TrendRule;
import dev.surprisal.drift.store.DriftStore;
import dev.surprisal.drift.store.StoreUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Review13a's second finding: a read-only re-check of a day already recorded (a corrected file for
 * 4 May, checked by a user who may only read the store) counted that day's own recorded run in the
 * trend history, so its trend alarm differed from the one the same check gets when it is recorded
 * (which replaces that run). Known truth: orders whose city shares are a third each, except the
 * corrected 4 May, where Paris has 40% (PSI about 0.01: under the warn band, a spike on its history).
 */
class ReadOnlyRecheckTrendTest {
    @TempDir
    Path dir;

    private Path day(String name, long seed, double paris) throws IOException {
        return new CityDays(dir).day(name, seed, paris);
    }

    @Test
    void aReadOnlyRecheckOfARecordedDaySeesTheHistoryARecordedRecheckWould() throws IOException {
        MonitorCheck check = MonitorCheck.of("orders").withTrend(new TrendRule(3, 30, 3.0));
        StoreUrl url = new CityDays(dir).quietDays("drift.duckdb", check,
                List.of("2024-05-01", "2024-05-02", "2024-05-03", "2024-05-04"));
        Path corrected = day("2024-05-04-corrected", 99, 0.40);
        MonitoredCheck.Outcome readOnly;
        try (DriftStore s = DriftStore.openReadOnly(url, MonitorCheck.LOCK_WAIT_MILLIS)) {
            MonitorCheck.Baseline b = check.baseline(s, "2024-05-04");
            readOnly = check.scoreWithoutRecording(s, "2024-05-04", b,
                    ProfileBuilder.count(b.reference(), TableReader.open(corrected)), null);
        }
        // recorded, the check replaces 4 May's run: its history is 1 to 3 May
        MonitoredCheck.Outcome recorded = check.run(url, "2024-05-04", TableReader.open(corrected));
        assertThat(recorded.replaced()).isTrue();
        assertThat(recorded.alarms()).extracting(Alarm::kind).containsExactly(Alarm.Kind.TREND);
        assertThat(recorded.alarms().get(0).message()).contains("of 3 points");
        // before: "of 4 points", 4 May's own earlier run in its band
        assertThat(readOnly.alarms()).extracting(Alarm::message)
                .containsExactlyElementsOf(recorded.alarms().stream().map(Alarm::message).toList());
        try (DriftStore s = DriftStore.openReadOnly(url, MonitorCheck.LOCK_WAIT_MILLIS)) {
            assertThat(MonitoredCheck.trendHistory(s, "orders", "2024-05-04", Set.of()))
                    .extracting(h -> h.at()).containsOnly("2024-05-01", "2024-05-02", "2024-05-03");
            // the same instant written otherwise is the same run time (the store's run_time, not the text)
            assertThat(MonitoredCheck.trendHistory(s, "orders", "2024-05-04T02:00+02:00", Set.of()))
                    .extracting(h -> h.at()).containsOnly("2024-05-01", "2024-05-02", "2024-05-03");
            assertThat(MonitoredCheck.trendHistory(s, "orders", "2024-05-04T00:00:01Z", Set.of()))
                    .extracting(h -> h.at()).contains("2024-05-04");
        }
    }

    @Test
    void aCheckScoredBeforeTheStoreIsEnteredRecordsThatReportAgainstTheHistoryReadOnce() throws IOException {
        // the server's order (review13a #4): score with the store closed, then read the history once and record
        MonitorCheck check = MonitorCheck.of("orders").withTrend(new TrendRule(3, 30, 3.0));
        StoreUrl url = new CityDays(dir).quietDays("scored.duckdb", check,
                List.of("2024-05-01", "2024-05-02", "2024-05-03"));
        MonitorCheck.Baseline b;
        try (DriftStore s = DriftStore.openReadOnly(url, MonitorCheck.LOCK_WAIT_MILLIS)) {
            b = check.baseline(s, "2024-05-04");
        }
        dev.surprisal.data.profile.Profile today = ProfileBuilder.count(b.reference(),
                TableReader.open(day("2024-05-04", 99, 0.40)));
        DriftReport report = check.score(b, today); // no store open
        try (DriftStore s = DriftStore.open(url, false, MonitorCheck.LOCK_WAIT_MILLIS)) {
            List<dev.surprisal.drift.store.HistoryPoint> history = MonitoredCheck.trendHistory(s, "orders",
                    "2024-05-04", Set.of());
            assertThat(history).extracting(h -> h.at()).containsOnly("2024-05-01", "2024-05-02", "2024-05-03");
            MonitoredCheck.Outcome o = check.record(s, "2024-05-04", b, today, report, null, history);
            assertThat(o.report()).isSameAs(report);
            assertThat(o.alarms()).extracting(Alarm::kind).containsExactly(Alarm.Kind.TREND);
            assertThat(s.checksAgainst("orders", b.version())).isEqualTo(4);
            assertThat(s.baselineVersions("orders")).singleElement().satisfies(v -> assertThat(v.checks()).isEqualTo(4));
            assertThat(s.history("orders", "city")).last().satisfies(p -> assertThat(p.decision())
                    .isEqualTo(report.columns().stream().filter(c -> c.name().equals("city")).findFirst()
                            .orElseThrow().decisionValue()));
        }
    }
}
