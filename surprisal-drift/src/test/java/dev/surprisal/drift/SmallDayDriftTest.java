// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.data.CategoricalColumn;
import dev.surprisal.data.NumericColumn;
import dev.surprisal.data.Table;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileBuilder;
import dev.surprisal.data.profile.ProfileOptions;
import dev.surprisal.measures.Smoothing;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Small days (50–200 rows) against a large reference: a low-traffic monitor or an hourly file. The
 * truth is "no change" throughout, so any WARN or DRIFT is a false alarm.
 */
class SmallDayDriftTest {
    private static final String[] COUNTRIES = {"US", "DE", "FR", "BR", "IN"};
    private static final double[] COUNTRY_P = {0.35, 0.2, 0.2, 0.15, 0.1};

    /** An event log: is_mobile true/false (60% true), clicked 0/1 (10%), country, latency ~ LogNormal. */
    static Table events(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        String[] mobile = new String[n];
        double[] clicked = new double[n];
        String[] country = new String[n];
        double[] latency = new double[n];
        for (int i = 0; i < n; i++) {
            mobile[i] = r.nextDouble() < 0.6 ? "true" : "false";
            clicked[i] = r.nextDouble() < 0.1 ? 1 : 0;
            double u = r.nextDouble();
            int k = 0;
            while (k < COUNTRY_P.length - 1 && (u -= COUNTRY_P[k]) > 0) {
                k++;
            }
            country[i] = COUNTRIES[k];
            latency[i] = Math.exp(5 + 0.5 * r.nextGaussian());
        }
        return Table.of(List.of(CategoricalColumn.of("is_mobile", mobile), NumericColumn.of("clicked", clicked),
                CategoricalColumn.of("country", country), NumericColumn.of("latency_ms", latency)));
    }

    private static final Profile REF = ProfileBuilder.fit(events(1, 35_000), ProfileOptions.defaults());

    @Test
    void aDayWithExactlyTheReferenceSharesIsOkWhateverItsSize() {
        // the audit's exact60.csv: 50 rows, exactly 60% true, as in the reference (35,000 rows)
        for (int m : new int[] {50, 100, 200}) {
            String[] v = new String[m];
            for (int i = 0; i < m; i++) {
                v[i] = i < m * 3 / 5 ? "true" : "false";
            }
            Profile p = ProfileBuilder.fit(Table.of(List.of(CategoricalColumn.of("is_mobile", exactSixty(35_000)))),
                    ProfileOptions.defaults());
            ColumnDrift c = DriftScorer.compare(p, ProfileBuilder.count(p,
                    Table.of(List.of(CategoricalColumn.of("is_mobile", v)))), DriftOptions.defaults()).columns().get(0);
            assertThat(c.status()).as("m = " + m + ": " + c.reason()).isEqualTo(Status.OK);
            assertThat(c.psi()).as("m = " + m).isLessThan(0.001);
            assertThat(c.totalVariation()).as("m = " + m).isLessThan(0.01);
            assertThat(c.degreesOfFreedom()).as("two values used, so one degree of freedom").isEqualTo(1);
        }
    }

    private static String[] exactSixty(int n) {
        String[] v = new String[n];
        for (int i = 0; i < n; i++) {
            v[i] = i % 5 < 3 ? "true" : "false";
        }
        return v;
    }

    @Test
    void smallResamplesOfTheReferenceProcessRarelyAlarm() {
        // 40 no-change days a size; a false-alarm rate of 5% allows 2 (the audit saw 31 of 40 at m = 50)
        for (int m : new int[] {50, 100, 200}) {
            int alarms = 0;
            List<String> why = new ArrayList<>();
            for (int seed = 0; seed < 40; seed++) {
                DriftReport r = DriftScorer.compare(REF, ProfileBuilder.count(REF, events(1000L * m + seed, m)),
                        DriftOptions.defaults());
                if (r.alarm()) {
                    alarms++;
                    r.drifted().forEach(c -> why.add(c.name() + ": " + c.reason()));
                }
            }
            assertThat(alarms).as("WARN or DRIFT on 40 no-change days of " + m + " rows: " + why)
                    .isLessThanOrEqualTo(2);
        }
    }

    @Test
    void binsEmptyOnBothSidesChangeNoMeasureAndNoDegreeOfFreedom() {
        long[] p = {21_000, 14_000};
        long[] q = {27, 23};
        long[] pWithEmpty = {21_000, 14_000, 0, 0, 0};
        long[] qWithEmpty = {27, 23, 0, 0, 0};
        BinnedDivergences a = BinnedDivergences.of(p, q, Smoothing.jeffreys());
        BinnedDivergences b = BinnedDivergences.of(pWithEmpty, qWithEmpty, Smoothing.jeffreys());
        assertThat(b.psi()).isEqualTo(a.psi());
        assertThat(b.klNats()).isEqualTo(a.klNats());
        assertThat(b.jsBits()).isEqualTo(a.jsBits());
        assertThat(b.hellinger()).isEqualTo(a.hellinger());
        assertThat(b.totalVariation()).isEqualTo(a.totalVariation());
        assertThat(b.degreesOfFreedom()).isEqualTo(1);
        assertThat(b.p()).containsExactly(a.p()[0], a.p()[1], 0, 0, 0);
        assertThat(b.klContributions()).hasSize(5);
    }

    @Test
    void aBinUsedOnOneSideOnlyStillCounts() {
        // a new value today (reference 0) is evidence: it stays in the divergence
        BinnedDivergences d = BinnedDivergences.of(new long[] {21_000, 14_000, 0}, new long[] {20, 20, 10},
                Smoothing.jeffreys());
        assertThat(d.degreesOfFreedom()).isEqualTo(2);
        assertThat(d.psi()).isGreaterThan(1);
    }
}
