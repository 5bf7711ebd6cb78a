// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.core.Base;
import dev.surprisal.core.ColumnRole;
import dev.surprisal.core.ValidationException;
import dev.surprisal.data.demo.EventTable;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileBuilder;
import dev.surprisal.data.profile.ProfileOptions;
import dev.surprisal.drift.rules.MonitoredCheck;
import dev.surprisal.drift.store.DriftStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The stale-data check knows what it compares: two samples of one period are not stale, a monitor's
 * batch is when its newest timestamp does not advance. Known truth from {@link EventTable}.
 */
class FreshnessTest {
    private static final int PER_DAY = 200;

    @TempDir
    Path dir;

    private static ColumnDrift ts(DriftReport r) {
        return r.columns().stream().filter(c -> c.name().equals("ts")).findFirst().orElseThrow();
    }

    @Test
    void aRandomSplitOfOnePeriodIsNotStaleOnAnySeed() {
        // before: today's newest <= the reference's newest in about half of the splits, each a WARN
        for (long seed = 1; seed <= 24; seed++) {
            EventTable[] parts = EventTable.days(1, 60, PER_DAY, seed).split(0.7, seed);
            Profile p = ProfileBuilder.fit(parts[0].table(), ProfileOptions.defaults());
            DriftReport r = DriftScorer.compare(p, ProfileBuilder.count(p, parts[1].table()), DriftOptions.defaults());
            assertThat(ts(r).role()).isEqualTo(ColumnRole.TIMESTAMP);
            assertThat(r.worst()).as("seed %d: %s", seed, r.columns()).isEqualTo(Status.OK);
            assertThat(ts(r).reason()).startsWith("values 2024-01-01T").contains(" .. 2024-02-29T", ", the reference's ");
            // the same split the other way round: the 30% as the reference
            Profile p2 = ProfileBuilder.fit(parts[1].table(), ProfileOptions.defaults());
            assertThat(ts(DriftScorer.compare(p2, ProfileBuilder.count(p2, parts[0].table()), DriftOptions.defaults()))
                    .status()).as("seed %d reversed", seed).isEqualTo(Status.OK);
        }
    }

    @Test
    void twoSamplesWarnOnlyWhenTodayLiesEntirelyBeforeTheReference() {
        Profile p = ProfileBuilder.fit(EventTable.days(1, 30, PER_DAY, 3).table(), ProfileOptions.defaults());
        ColumnDrift before = ts(DriftScorer.compare(p, ProfileBuilder.count(p, EventTable.days(-9, -5, PER_DAY, 3)
                .table()), DriftOptions.defaults()));
        assertThat(before.status()).isEqualTo(Status.WARN);
        assertThat(before.reason()).startsWith("stale data: today's newest value 2023-12-26T")
                .contains("is older than the reference's oldest 2024-01-01T");
        // a part of the reference's period, even its very days re-sent, is a sample of it: no warning
        assertThat(ts(DriftScorer.compare(p, ProfileBuilder.count(p, EventTable.days(10, 15, PER_DAY, 3).table()),
                DriftOptions.defaults())).status()).isEqualTo(Status.OK);
    }

    @Test
    void aMonitorsBatchMustAdvancePastTheLastCheckedBatch() {
        Profile baseline = ProfileBuilder.fit(EventTable.days(1, 30, PER_DAY, 5).table(), ProfileOptions.defaults());
        try (DriftStore store = DriftStore.open(dir.resolve("drift.duckdb").toString())) {
            store.saveBaseline("events", baseline);
            MonitoredCheck.Outcome day31 = check(store, "2024-01-31", 31);
            assertThat(day31.report().worst()).as("%s", day31.report().columns()).isEqualTo(Status.OK);
            assertThat(ts(day31.report()).reason()).contains("newest value 2024-01-31T", "after the reference's newest "
                    + "2024-01-30T");
            // checking the same run time again replaces that check: it is not its own predecessor
            assertThat(ts(check(store, "2024-01-31", 31).report()).status()).isEqualTo(Status.OK);

            ColumnDrift resent = ts(check(store, "2024-02-01", 31).report());
            assertThat(resent.status()).isEqualTo(Status.WARN);
            assertThat(resent.reason()).startsWith("stale data: today's newest value 2024-01-31T")
                    .contains("is not newer than the newest 2024-01-31T", "of the batch checked at 2024-01-31",
                            "re-sent or replayed");

            ColumnDrift day15 = ts(check(store, "2024-02-02", 15).report());
            assertThat(day15.status()).isEqualTo(Status.WARN);
            assertThat(day15.reason()).startsWith("stale data: today's newest value 2024-01-15T")
                    .contains("of the batch checked at 2024-02-01");

            ColumnDrift older = ts(check(store, "2024-02-03", -3).report());
            assertThat(older.status()).isEqualTo(Status.WARN);
            assertThat(older.reason()).contains("is older than the reference's oldest 2024-01-01T");

            assertThat(ts(check(store, "2024-02-04", 32).report()).status()).isEqualTo(Status.OK);
        }
    }

    @Test
    void aMonitorsFirstBatchIsComparedWithTheReferencesNewest() {
        Profile baseline = ProfileBuilder.fit(EventTable.days(1, 30, PER_DAY, 6).table(), ProfileOptions.defaults());
        ColumnDrift day15 = ts(DriftScorer.compare(baseline, ProfileBuilder.count(baseline, EventTable.days(15, 15,
                PER_DAY, 6).table()), DriftOptions.defaults(), ColumnRules.none(), Base.BITS, Freshness.nextBatch()));
        assertThat(day15.status()).isEqualTo(Status.WARN);
        assertThat(day15.reason()).contains("is not newer than the reference's newest 2024-01-30T");
    }

    /**
     * A date of the rows (birth, due, ship date), not the batch's time: every batch spans as much as the reference,
     * and its newest value is no newer than the reference's about as often as not. The batch rule once warned
     * "stale data" on such a column on most checks; only "all of today lies before the reference" applies there.
     */
    @Test
    void aDateThatIsNotTheBatchsTimeIsNotCheckedForResentBatches() {
        Findings f = new Findings();
        Freshness.nextBatch().judge("birth_date", "1950-01-03", "2004-12-30", "1950-02-11", "2004-11-02", f);
        assertThat(f.status).isEqualTo(Status.OK);
        assertThat(f.reason()).contains("not the batch's time");
        Findings older = new Findings();
        Freshness.nextBatch().judge("birth_date", "1950-01-03", "2004-12-30", "1930-02-11", "1940-11-02", older);
        assertThat(older.status).isEqualTo(Status.WARN);
        assertThat(Freshness.isBatchTime("2024-01-01T00:00:00", "2024-01-30T23:59:00", "2024-01-31T00:01:00",
                "2024-01-31T23:58:00")).isTrue();
        assertThat(Freshness.seconds("2024-01-02 00:00:30+00") - Freshness.seconds("2024-01-01")).isEqualTo(86_430.0);
    }

    /**
     * Whether the re-sent-batch check ran is a field decided where the check is made, not a phrase looked up in the
     * reason: a reason that holds the phrase does not make it true, and the JSON carries the field.
     */
    @Test
    void theSkippedStaleCheckIsAFieldNotAPhraseOfTheReason() {
        Findings f = new Findings();
        assertThat(Freshness.nextBatch().judge("birth_date", "1950-01-03", "2004-12-30", "1950-02-11", "2004-11-02", f))
                .as("a date of the rows spans the reference: the check cannot run").isTrue();
        assertThat(Freshness.nextBatch().judge("ts", "2024-01-01T00:00:00", "2024-01-30T23:59:00",
                "2024-01-31T00:01:00", "2024-01-31T23:58:00", new Findings())).as("a day after a month: it ran").isFalse();
        assertThat(Freshness.samples().judge("birth_date", "1950-01-03", "2004-12-30", "1950-02-11", "2004-11-02",
                new Findings())).as("two samples: the batch check does not apply").isFalse();

        // a one-day reference against the next day's batch: today spans as much as the reference (monitor's first batch)
        Profile oneDay = ProfileBuilder.fit(EventTable.days(1, 1, PER_DAY, 7).table(), ProfileOptions.defaults());
        DriftReport next = DriftScorer.compare(oneDay, ProfileBuilder.count(oneDay, EventTable.days(2, 2, PER_DAY, 7)
                .table()), DriftOptions.defaults(), ColumnRules.none(), Base.BITS, Freshness.nextBatch());
        assertThat(ts(next).staleCheckSkipped()).isTrue();
        com.fasterxml.jackson.databind.JsonNode columns = DriftJson.of(next, oneDay.roles()).toTree().get("columns");
        for (com.fasterxml.jackson.databind.JsonNode column : columns) {
            assertThat(column.get("stale_check_skipped").asBoolean()).as(column.get("column").asText())
                    .isEqualTo(column.get("column").asText().equals("ts"));
        }
        // the reason's words can change without changing the verdict: the same phrase in another column's reason
        ColumnDrift c = ts(next);
        ColumnDrift worded = new ColumnDrift(c.name(), c.role(), false, c.status(), "reworded: " + Freshness.NOT_CHECKED,
                c.referenceRows(), c.currentRows(), c.klNats(), c.reverseKlNats(), c.psi(), c.jsBits(), c.hellinger(),
                c.totalVariation(), c.gTestPValue(), c.chiSquaredPValue(), c.ks(), c.ksPValue(), c.wasserstein(),
                c.wassersteinNormalized(), c.missingRateReference(), c.missingRateCurrent(), c.invalidRateReference(),
                c.invalidRateCurrent(), c.newMass(), c.newMassPValue(), c.decisionValue(), c.critical(),
                c.degreesOfFreedom(), c.newValues(), c.invalidCells(), c.bins(), false, c.yardstick());
        assertThat(worded.staleCheckSkipped()).isFalse();
    }

    @Test
    void aPreviousBatchNeedsItsRunTimeAndProfile() {
        assertThatThrownBy(() -> Freshness.after(null, null, java.time.LocalDate.parse("2024-05-03")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("no run time");
    }

    /** A Java caller is told the library's way to a baseline, not a command to type. */
    @Test
    void aMonitorWithoutABaselineIsToldTheLibrarysWay() {
        Profile today = ProfileBuilder.fit(EventTable.days(1, 1, PER_DAY, 5).table(), ProfileOptions.defaults());
        try (DriftStore store = DriftStore.open(dir.resolve("empty.duckdb").toString())) {
            assertThatThrownBy(() -> MonitoredCheck.check(store, "orders", "2024-01-02", today,
                    DriftOptions.defaults(), null))
                    .hasMessageContaining("monitor 'orders' has no baseline; save one first with "
                            + "DriftStore.saveBaseline(\"orders\", profile)")
                    .hasMessageNotContaining("surprisal drift");
        }
    }

    private static MonitoredCheck.Outcome check(DriftStore store, String at, int day) {
        Profile reference = store.reference("events").orElseThrow().profile();
        return MonitoredCheck.check(store, "events", at, ProfileBuilder.count(reference, EventTable.days(day, day,
                PER_DAY, 5).table()), DriftOptions.defaults(), null);
    }
}
