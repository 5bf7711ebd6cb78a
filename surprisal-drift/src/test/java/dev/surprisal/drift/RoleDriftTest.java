// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.core.ColumnRole;
import dev.surprisal.core.ValidationException;
import dev.surprisal.data.NumericColumn;
import dev.surprisal.data.Table;
import dev.surprisal.data.demo.OrdersTable;
import dev.surprisal.data.demo.OrdersTable.Change;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileBuilder;
import dev.surprisal.data.profile.ProfileOptions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Drift verdicts by column role, on data whose truth is known. */
class RoleDriftTest {
    private static final Profile REF = ProfileBuilder.fit(OrdersTable.reference(10_000, 1).table(), ProfileOptions.defaults());

    private static DriftReport check(Change change, long seed) {
        return DriftScorer.compare(REF, ProfileBuilder.count(REF, OrdersTable.day(change, 5_000, seed).table()),
                DriftOptions.defaults());
    }

    /** A 0/1 column of n rows with P(1) = rate. */
    static Table flag(long seed, int n, double rate) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextDouble() < rate ? 1 : 0;
        }
        return Table.of(List.of(NumericColumn.of("flag", v)));
    }

    private static ColumnDrift flagDrift(double from, double to) {
        Profile p = ProfileBuilder.fit(flag(1, 5000, from), ProfileOptions.defaults());
        return DriftScorer.compare(p, ProfileBuilder.count(p, flag(2, 5000, to)), DriftOptions.defaults()).columns().get(0);
    }

    @Test
    void aBinaryFlagIsBinnedByValueWithOneDegreeOfFreedom() {
        ColumnDrift churn = flagDrift(0.176, 0.511);
        assertThat(churn.role()).isEqualTo(ColumnRole.BINARY);
        assertThat(churn.status()).isEqualTo(Status.DRIFT);
        assertThat(churn.degreesOfFreedom()).isEqualTo(1);
        assertThat(churn.psi()).isGreaterThan(0.4);
        assertThat(flagDrift(0.5, 0.9).status()).isEqualTo(Status.DRIFT);
        assertThat(flagDrift(0.5, 0.5).status()).isEqualTo(Status.OK);
    }

    @Test
    void aThreeValuedColumnHasTwoDegreesOfFreedom() {
        SplittableRandom r = new SplittableRandom(3);
        double[] a = new double[3000];
        double[] b = new double[3000];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextInt(3);
            b[i] = r.nextInt(3);
        }
        Profile p = ProfileBuilder.fit(ProfileBuilder.table("k", a), ProfileOptions.defaults());
        ColumnDrift k = DriftScorer.compare(p, ProfileBuilder.count(p, ProfileBuilder.table("k", b)),
                DriftOptions.defaults()).columns().get(0);
        assertThat(k.role()).isEqualTo(ColumnRole.DISCRETE);
        assertThat(k.degreesOfFreedom()).isEqualTo(2);
        assertThat(k.status()).isEqualTo(Status.OK);
    }

    @Test
    void ordersDaysAlarmOnTheColumnThatChangedOnly() {
        Map<Change, String> truth = Map.of(Change.CHURN_RATE, "churned", Change.AMOUNT_SHIFT, "amount",
                Change.NEW_COUNTRY, "country", Change.MISSING_SURGE, "amount", Change.INVALID_SURGE, "amount",
                Change.EMPTY_COLUMN, "device", Change.DUPLICATE_IDS, "order_id", Change.STALE_TIMESTAMPS, "ts");
        for (Map.Entry<Change, String> e : truth.entrySet()) {
            DriftReport r = check(e.getKey(), 20 + e.getKey().ordinal());
            assertThat(r.drifted()).as(e.getKey().label()).extracting(ColumnDrift::name).containsExactly(e.getValue());
        }
        assertThat(check(Change.CHURN_RATE, 31).columns().stream().filter(c -> c.name().equals("churned")).findFirst()
                .orElseThrow().status()).isEqualTo(Status.DRIFT);
        ColumnDrift country = column(check(Change.NEW_COUNTRY, 32), "country");
        assertThat(country.newValues()).containsOnlyKeys("SE");
        ColumnDrift amount = column(check(Change.INVALID_SURGE, 33), "amount");
        assertThat(amount.status()).isEqualTo(Status.DRIFT);
        assertThat(amount.reason()).contains("invalid share rose 0.2% -> 5.");
        // every invalid cell is 'abc': its first cell is named, not five copies of it
        assertThat(amount.invalidCells()).singleElement().satisfies(c -> assertThat(c.value()).isEqualTo("abc"));
        ColumnDrift ids = column(check(Change.DUPLICATE_IDS, 34), "order_id");
        assertThat(ids.status()).isEqualTo(Status.WARN);
        assertThat(ids.reason()).startsWith("duplicate keys: 50.0% of today's values repeat (reference 0.0%)");
        ColumnDrift device = column(check(Change.EMPTY_COLUMN, 35), "device");
        assertThat(device.status()).isEqualTo(Status.DRIFT);
        assertThat(device.missingRateCurrent()).isEqualTo(1.0);
    }

    private static ColumnDrift column(DriftReport r, String name) {
        return r.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void resamplesDoNotAlarmAndIdsAndTimestampsAreNotScored() {
        for (long seed = 100; seed < 110; seed++) {
            DriftReport r = check(Change.NONE, seed);
            assertThat(r.drifted()).as("seed " + seed).isEmpty();
            assertThat(column(r, "order_id").scored()).isFalse();
            assertThat(column(r, "ts").scored()).isFalse();
            assertThat(column(r, "order_id").reason()).contains("id-like: not scored (10,000 distinct of 10,000 integers");
        }
    }

    @Test
    void aReplayOfTheReferencePeriodIsStaleDataAndANewDayIsNot() {
        // a monitor's batch = the reference's own rows re-sent: its newest timestamp is the reference's newest
        Profile resent = ProfileBuilder.count(REF, OrdersTable.reference(10_000, 1).table());
        ColumnDrift replay = column(DriftScorer.compare(REF, resent, DriftOptions.defaults(), ColumnRules.none(),
                dev.surprisal.core.Base.BITS, Freshness.nextBatch()), "ts");
        assertThat(replay.status()).isEqualTo(Status.WARN);
        assertThat(replay.reason()).contains("stale data: today's newest value 2024-04-", "is not newer than the "
                + "reference's newest 2024-04-");
        // as a sample (drift compare) the same rows are no stale data: a sample of the same period
        assertThat(column(DriftScorer.compare(REF, resent, DriftOptions.defaults()), "ts").status())
                .isEqualTo(Status.OK);
        // a day before the reference (March) keeps its own wording; a day after it (May) is fine
        assertThat(column(check(Change.STALE_TIMESTAMPS, 41), "ts").reason()).contains("is older than the reference's "
                + "oldest");
        assertThat(column(check(Change.NONE, 42), "ts").status()).isEqualTo(Status.OK);
    }

    @Test
    void epochTimesAreOrderedAsNumbers() {
        assertThat(Freshness.compareTimes("999", "1000")).isNegative();
        assertThat(Freshness.compareTimes("2024-05-01T00:00:00", "2024-04-30T23:59:59")).isPositive();
    }

    @Test
    void failOnDecidesWhetherWarnFails() {
        DriftReport warnOnly = check(Change.DUPLICATE_IDS, 40);
        assertThat(warnOnly.worst()).isEqualTo(Status.WARN);
        assertThat(warnOnly.fails()).isFalse();
        DriftReport strict = DriftScorer.compare(REF, ProfileBuilder.count(REF, OrdersTable.day(Change.DUPLICATE_IDS,
                5_000, 40).table()), DriftOptions.defaults().withFailOn(FailOn.WARN));
        assertThat(strict.fails()).isTrue();
        assertThat(check(Change.CHURN_RATE, 41).fails()).isTrue();
    }

    @Test
    void settingsUseTheOptionNames() {
        DriftOptions o = DriftOptions.defaults().withSettings(Map.of("measure", "js", "warn", "0.05", "fail-on", "warn"));
        assertThat(o.measure()).isEqualTo(Measure.JS);
        assertThat(o.warn()).isEqualTo(0.05);
        assertThat(o.drift()).isEqualTo(Measure.JS.drift());
        assertThat(o.failOn()).isEqualTo(FailOn.WARN);
        assertThat(DriftOptions.defaults().withSettings(o.settings())).isEqualTo(o);
        assertThatThrownBy(() -> DriftOptions.defaults().withSettings(Map.of("warn", "abc")))
                .isInstanceOf(ValidationException.class).hasMessage("--warn: expected a number, got 'abc'");
        assertThatThrownBy(() -> DriftOptions.defaults().withSettings(Map.of("drift", "0.05")))
                .isInstanceOf(ValidationException.class).hasMessage("--drift: must be >= --warn (0.1), got 0.05");
        assertThatThrownBy(() -> DriftOptions.defaults().withSettings(Map.of("fail-on", "never")))
                .hasMessage("--fail-on: expected warn or drift, got 'never'");
        assertThat(Measure.PSI.unitLabel()).isEqualTo("unitless");
        assertThat(Measure.HELLINGER.unitLabel()).isEqualTo("unitless");
    }
}
