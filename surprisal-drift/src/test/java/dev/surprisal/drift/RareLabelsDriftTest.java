// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.data.CategoricalColumn;
import dev.surprisal.data.Table;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileBuilder;
import dev.surprisal.data.profile.ProfileOptions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Audit18 finding 1 through the library: a column of SKUs each rarer than the kept minimum (10 rows) was one
 * "__OTHER__" bin on both sides, so a 90% change of distribution read KL, PSI and TV 0 and OK. Its rare values are
 * now counted in hashed buckets: the concentration is DRIFT with a TV worded as a lower bound over the groups, a
 * resample of the same distribution stays OK, and beside a new-values alarm no "TV 0.00 … would have to move".
 */
class RareLabelsDriftTest {
    private static String[] skus(int distinct, int each) {
        String[] v = new String[distinct * each];
        for (int i = 0; i < v.length; i++) {
            v[i] = String.format("SKU-%04d", i % distinct);
        }
        return v;
    }

    private static ColumnDrift compare(String[] ref, String[] day) {
        return compare(ref, day, ProfileOptions.defaults());
    }

    private static ColumnDrift compare(String[] ref, String[] day, ProfileOptions o) {
        Profile p = ProfileBuilder.fit(Table.of(List.of(CategoricalColumn.of("sku", ref))), o);
        return DriftScorer.compare(p, ProfileBuilder.count(p, Table.of(List.of(CategoricalColumn.of("sku", day)))),
                DriftOptions.defaults()).columns().get(0);
    }

    @Test
    void rowsConcentratedOnATenthOfTheSkusAreDriftWithATrueReason() {
        // 1,000 SKUs x 3 rows, then 100 of them x 30 rows: TV 0.9 between the SKU distributions
        ColumnDrift c = compare(skus(1000, 3), skus(100, 30));
        assertThat(c.status()).isEqualTo(Status.DRIFT);
        assertThat(c.psi()).isGreaterThan(0.25);
        assertThat(c.totalVariation()).isGreaterThan(0.2).isLessThanOrEqualTo(0.9); // a lower bound of 0.9
        assertThat(c.reason()).startsWith("PSI ").contains(">= drift band 0.250, beyond noise")
                .contains("(at least ").contains("counted over the values in 64 groups by a hash of the value");
        assertThat(c.bins()).hasSize(64 + 3);
        assertThat(c.binName(c.bins().get(0))).isEqualTo("other values, hash group 1 of 64");
        assertThat(c.tailCounted()).isEqualTo("counted over the values in 64 groups by a hash of the value");
    }

    @Test
    void resamplesOfTheSameSkuDistributionAreOk() {
        for (long seed = 1; seed <= 6; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            String[] ref = new String[3000];
            String[] day = new String[3000];
            for (int i = 0; i < 3000; i++) {
                ref[i] = String.format("SKU-%04d", r.nextInt(1000));
                day[i] = String.format("SKU-%04d", r.nextInt(1000));
            }
            ColumnDrift c = compare(ref, day);
            assertThat(c.status()).as("seed %d: %s", seed, c.reason()).isEqualTo(Status.OK);
            ColumnDrift exact = compare(skus(1000, 3), day);
            assertThat(exact.status()).as("seed %d: %s", seed, exact.reason()).isEqualTo(Status.OK);
        }
    }

    @Test
    void besideANewValuesAlarmTheReasonSaysNothingOfAllTheMassStayingPut() {
        // every value of today is new (times of day of another shift): DRIFT by the new-values rule
        String[] ref = new String[3000];
        String[] day = new String[3000];
        for (int i = 0; i < 3000; i++) {
            int j = i % 1500; // each reference time twice: about half of a same-shift day would be new
            ref[i] = String.format("%02d:%02d:%02d", 8 + j % 10, j / 60 % 60, j % 60);
            day[i] = String.format("%02d:%02d:%02d", i % 6, i / 60 % 60, i % 60);
        }
        // read as labels, as --role C=categorical reads them: times of day are otherwise continuous seconds since
        // midnight (time19), and this is about the words of a categorical column's new-values alarm
        ColumnDrift c = compare(ref, day, ProfileOptions.defaults().withRoles(
                dev.surprisal.data.roles.RoleOverrides.none().withRole("sku", dev.surprisal.core.ColumnRole.CATEGORICAL)));
        assertThat(c.status()).isEqualTo(Status.DRIFT);
        assertThat(c.reason()).startsWith("new values: 100.00% of today's values")
                .contains("apart from today's new values (counted here as the reference's rare values are), PSI")
                .doesNotContain("would have to move").doesNotContain("TV 0.00");
    }

    @Test
    void aReferenceOfFewRowsAllRareSaysTheDistributionIsNotCompared() {
        String[] ref = skus(15, 1);
        ColumnDrift c = compare(ref, new String[] {"SKU-0000", "SKU-0000", "SKU-0000", "SKU-0001"});
        assertThat(c.status()).isEqualTo(Status.OK);
        assertThat(c.reason()).contains("the distribution is not compared: every reference value is rarer than the "
                + "kept minimum").doesNotContain("would have to move");
    }

    @Test
    void aColumnWhoseValuesAreAllKeptHasTheBinsAndWordsOfBefore() {
        String[] ref = new String[3000];
        String[] day = new String[3000];
        for (int i = 0; i < 3000; i++) {
            ref[i] = i % 3 == 0 ? "SE" : i % 3 == 1 ? "NO" : "DK";
            day[i] = i % 2 == 0 ? "SE" : i % 4 == 1 ? "NO" : "DK";
        }
        ColumnDrift c = compare(ref, day);
        assertThat(c.bins()).extracting(ColumnDrift.Bin::label)
                .containsExactly("DK", "NO", "SE", "__OTHER__", "__UNSEEN__", "(missing)", "(invalid)");
        assertThat(c.tailCounted()).isEmpty();
        assertThat(c.reason()).contains("TV 0.167 (16.7% of the probability mass would have to move");
    }
}
