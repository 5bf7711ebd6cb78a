// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.core.ValidationException;
import dev.surprisal.data.CategoricalColumn;
import dev.surprisal.data.NumericColumn;
import dev.surprisal.data.Table;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileBuilder;
import dev.surprisal.data.profile.ProfileOptions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The role's own yardstick next to PSI: changes PSI calls small but a user calls material (a 0/1 rate
 * from 20% to 35%, a 0.5 sd shift) are DRIFT, small ones are not, and noise in many bins does not
 * reach the TV bands.
 */
class RoleYardstickTest {
    private static Table normal(long seed, int n, double shift) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = shift + r.nextGaussian();
        }
        return Table.of(List.of(NumericColumn.of("x", v)));
    }

    private static ColumnDrift score(Table ref, Table day, DriftOptions o) {
        Profile p = ProfileBuilder.fit(ref, ProfileOptions.defaults());
        return DriftScorer.compare(p, ProfileBuilder.count(p, day), o).columns().get(0);
    }

    @Test
    void aFifteenPointRateChangeIsDriftThoughPsiIsUnderItsBand() {
        ColumnDrift c = score(RoleDriftTest.flag(1, 10_000, 0.20), RoleDriftTest.flag(2, 10_000, 0.35), DriftOptions.defaults());
        assertThat(c.psi()).isLessThan(DriftOptions.defaults().drift());
        assertThat(c.status()).isEqualTo(Status.DRIFT);
        assertThat(c.reason()).contains("TV").contains("of the probability mass would have to move");
    }

    @Test
    void aTwoPointRateChangeIsNotDriftEvenWhenBeyondNoise() {
        ColumnDrift c = score(RoleDriftTest.flag(1, 200_000, 0.20), RoleDriftTest.flag(2, 200_000, 0.22), DriftOptions.defaults());
        assertThat(c.decisionValue()).isGreaterThan(c.critical()); // real: beyond noise at this size
        assertThat(c.status()).isEqualTo(Status.OK);
    }

    @Test
    void aHalfSdShiftIsDriftByW1AndATenthIsNot() {
        ColumnDrift half = score(normal(1, 10_000, 0), normal(2, 10_000, 0.5), DriftOptions.defaults());
        assertThat(half.status()).isEqualTo(Status.DRIFT);
        assertThat(half.wassersteinNormalized()).isCloseTo(0.5, within(0.06));
        ColumnDrift tenth = score(normal(1, 10_000, 0), normal(2, 10_000, 0.1), DriftOptions.defaults());
        assertThat(tenth.status()).isNotEqualTo(Status.DRIFT);
    }

    @Test
    void theYardstickCanBeTurnedOff() {
        DriftOptions off = DriftOptions.defaults().withSettings(Map.of("tv-warn", "2", "tv-drift", "2"));
        ColumnDrift c = score(RoleDriftTest.flag(1, 10_000, 0.20), RoleDriftTest.flag(2, 10_000, 0.35), off);
        assertThat(c.psi()).isLessThan(0.25);
        assertThat(c.status()).isNotEqualTo(Status.DRIFT); // PSI alone decides, and it is under its drift band
        assertThat(c.reason()).doesNotContain(">= drift band");
    }

    @Test
    void manySmallCategoriesDoNotReachTheTvBandsOnNoise() {
        // 60 equally likely labels, 1,500 rows a side: raw TV on noise alone is about 0.09, above the 0.05 band
        SplittableRandom r = new SplittableRandom(5);
        String[] a = new String[1500];
        String[] b = new String[1500];
        for (int i = 0; i < a.length; i++) {
            a[i] = "c" + r.nextInt(60);
            b[i] = "c" + r.nextInt(60);
        }
        Profile p = ProfileBuilder.fit(Table.of(List.of(CategoricalColumn.of("c", a))),
                ProfileOptions.defaults().withMinCategoryCount(1));
        ColumnDrift c = DriftScorer.compare(p, ProfileBuilder.count(p, Table.of(List.of(CategoricalColumn.of("c", b)))),
                DriftOptions.defaults()).columns().get(0);
        assertThat(c.totalVariation()).isGreaterThan(DriftOptions.TV_WARN);
        assertThat(c.reason()).contains("beyond the");
        assertThat(c.status()).isEqualTo(Status.OK);
    }

    @Test
    void chanceTotalVariationIsTheNullMean() {
        SplittableRandom r = new SplittableRandom(9);
        int k = 30;
        int n = 2000;
        double sum = 0;
        double chance = 0;
        int reps = 200;
        for (int rep = 0; rep < reps; rep++) {
            long[] a = new long[k];
            long[] b = new long[k];
            for (int i = 0; i < n; i++) {
                a[r.nextInt(k)]++;
                b[r.nextInt(k)]++;
            }
            BinnedDivergences d = BinnedDivergences.of(a, b, DriftOptions.defaults().smoothing());
            sum += d.totalVariation();
            chance += Yardstick.chanceTotalVariation(d, n, n);
        }
        assertThat(chance / reps).isCloseTo(sum / reps, within(0.1 * sum / reps));
    }

    @Test
    void bandsAreCheckedAndAWarnBandAloneLiftsTheDriftBand() {
        DriftOptions o = DriftOptions.defaults().withSettings(Map.of("tv-warn", "0.2"));
        assertThat(o.tvWarn()).isEqualTo(0.2);
        assertThat(o.tvDrift()).isEqualTo(0.2);
        assertThatThrownBy(() -> DriftOptions.defaults().withSettings(Map.of("w1-warn", "0.5", "w1-drift", "0.2")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("--w1-drift");
        assertThat(DriftOptions.defaults().settings()).containsKeys("tv-warn", "tv-drift", "w1-warn", "w1-drift");
    }
}
