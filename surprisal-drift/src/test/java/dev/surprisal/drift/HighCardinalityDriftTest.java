// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.core.ColumnRole;
import dev.surprisal.data.CategoricalColumn;
import dev.surprisal.data.Table;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileBuilder;
import dev.surprisal.data.profile.ProfileOptions;
import dev.surprisal.drift.power.TextPowerTable;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Known-truth scenarios for text columns of many rare values (free-text comments, amounts and rates
 * written for people), where most of a same-distribution day is values the reference never had.
 * The comments are {@link TextPowerTable#comment}'s: 40% common phrases, the rest rare or one-off texts.
 */
class HighCardinalityDriftTest {
    private static Table column(String name, long seed, int n, Function<SplittableRandom, String> cell) {
        SplittableRandom r = new SplittableRandom(seed);
        String[] v = new String[n];
        for (int i = 0; i < n; i++) {
            v[i] = cell.apply(r);
        }
        return Table.of(List.of(CategoricalColumn.of(name, v)));
    }

    private static ColumnDrift score(Table ref, Table cur) {
        Profile p = ProfileBuilder.fit(ref, ProfileOptions.defaults());
        return DriftScorer.compare(p, ProfileBuilder.count(p, cur), DriftOptions.defaults()).columns().get(0);
    }

    private static final Table REF = column("comment", 1, 5000, r -> TextPowerTable.comment(r, 0.4));

    @Test
    void theReferenceIsAHighCardinalityCategoricalColumn() {
        Profile p = ProfileBuilder.fit(REF, ProfileOptions.defaults());
        assertThat(p.column("comment").role()).isEqualTo(ColumnRole.CATEGORICAL);
        assertThat(p.column("comment").categoryBins().others().size()).isGreaterThan(2000);
    }

    @Test
    void aResampledFreeTextColumnIsOk() {
        // most of each day is values the reference never had (about 40%), as Good–Turing expects
        for (long seed = 2; seed < 12; seed++) {
            ColumnDrift c = score(REF, column("comment", seed, 5000, r -> TextPowerTable.comment(r, 0.4)));
            assertThat(c.newMass()).as("seed %d", seed).isGreaterThan(0.3);
            assertThat(c.status()).as("seed %d: %s", seed, c.reason()).isEqualTo(Status.OK);
        }
    }

    @Test
    void commentsThatAllBecomeOneNewValueDrift() {
        ColumnDrift c = score(REF, column("comment", 3, 5000, r -> "see attachment"));
        assertThat(c.status()).isEqualTo(Status.DRIFT);
        assertThat(c.newMass()).isEqualTo(1.0);
        assertThat(c.reason()).contains("new values", "\"see attachment\" 100.0%");
    }

    @Test
    void aNewDominantValueDrifts() {
        ColumnDrift c = score(REF, column("comment", 4, 5000,
                r -> r.nextDouble() < 0.3 ? "auto-reply: out of office" : TextPowerTable.comment(r, 0.4)));
        assertThat(c.status()).isEqualTo(Status.DRIFT);
        assertThat(c.reason()).contains("auto-reply: out of office");
    }

    @Test
    void aNewValueOnFivePercentOfTheRowsDrifts() {
        // the new mass (about 51%) stays under its bound (about 54%): the frequent-new-value test sees it
        ColumnDrift c = score(REF, column("comment", 7, 5000,
                r -> r.nextDouble() < 0.05 ? "auto-reply" : TextPowerTable.comment(r, 0.4)));
        assertThat(c.status()).as(c.reason()).isEqualTo(Status.DRIFT);
        assertThat(c.reason()).containsPattern("a frequent new value: \"auto-reply\" is [45]\\.[0-9]% of today's values");
    }

    @Test
    void theFrequentNewValueBoundIsSmallOnlyForFrequentValues() {
        assertThat(NewValues.frequentNewValueP(250, 5000, 5000)).isLessThan(1e-12);
        assertThat(NewValues.frequentNewValueP(50, 5000, 5000)).isLessThan(1e-6);
        assertThat(NewValues.frequentNewValueP(5, 5000, 5000)).isEqualTo(1.0);
        assertThat(NewValues.frequentNewValueP(5, 500, 500)).isEqualTo(1.0);
    }

    @Test
    void massMovingFromTheCommonPhrasesToRareOnesDrifts() {
        ColumnDrift c = score(REF, column("comment", 5, 5000, r -> TextPowerTable.comment(r, 0.1)));
        assertThat(c.status()).isEqualTo(Status.DRIFT);
        assertThat(c.totalVariation()).isGreaterThan(0.25);
    }

    @Test
    void theTailBinsShowTheirOwnCountsAndShares() {
        ColumnDrift c = score(REF, column("comment", 6, 5000, r -> TextPowerTable.comment(r, 0.4)));
        ColumnDrift.Bin other = c.bins().stream().filter(b -> b.label().equals("__OTHER__")).findFirst().orElseThrow();
        ColumnDrift.Bin unseen = c.bins().stream().filter(ColumnDrift.Bin::novel).findFirst().orElseThrow();
        assertThat(unseen.currentCount()).isGreaterThan(1500);
        assertThat(unseen.p()).isZero();
        assertThat(unseen.q() / other.q()).isCloseTo((double) unseen.currentCount() / other.currentCount(),
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(c.bins().stream().mapToDouble(ColumnDrift.Bin::q).sum()).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(1e-9));
    }

    /** An amount written with thousands separators, "2,096.40", lognormal around 1,500. */
    private static String amount(SplittableRandom r, double scale) {
        return String.format(Locale.US, "%,.2f", scale * Math.exp(7.3 + 0.6 * r.nextGaussian()));
    }

    @Test
    void amountsWithThousandsSeparatorsAreNumbers() {
        Table ref = column("amount", 7, 5000, r -> amount(r, 1));
        Profile p = ProfileBuilder.fit(ref, ProfileOptions.defaults());
        assertThat(p.column("amount").role()).isEqualTo(ColumnRole.CONTINUOUS);
        ColumnDrift same = score(ref, column("amount", 8, 5000, r -> amount(r, 1)));
        assertThat(same.status()).as(same.reason()).isEqualTo(Status.OK);
        assertThat(same.invalidRateCurrent()).isZero();
        ColumnDrift shifted = score(ref, column("amount", 9, 5000, r -> amount(r, 1.3)));
        assertThat(shifted.status()).isEqualTo(Status.DRIFT);
    }

    /** A rate written "37.5%", uniform on [from, 100). */
    private static String rate(SplittableRandom r, double from) {
        return String.format(Locale.ROOT, "%.1f%%", from + (100 - from) * r.nextDouble());
    }

    @Test
    void percentagesAreNumbersSoAMovedHalfDrifts() {
        Table ref = column("rate", 10, 5000, r -> rate(r, 0));
        Profile p = ProfileBuilder.fit(ref, ProfileOptions.defaults());
        assertThat(p.column("rate").role()).isEqualTo(ColumnRole.CONTINUOUS);
        assertThat(score(ref, column("rate", 11, 5000, r -> rate(r, 0))).status()).isEqualTo(Status.OK);
        ColumnDrift shifted = score(ref, column("rate", 12, 5000, r -> rate(r, 50)));
        assertThat(shifted.status()).isEqualTo(Status.DRIFT);
    }
}
