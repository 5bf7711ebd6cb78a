// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.data.CategoricalColumn;
import dev.surprisal.data.Table;
import dev.surprisal.data.profile.CategoryBins;
import dev.surprisal.data.profile.ColumnProfile;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileBuilder;
import dev.surprisal.data.profile.ProfileOptions;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Audit15 D1 through the library: a {@code sku} column, Zipf(1.05) over 50,000 SKUs, about 10,900 distinct in a
 * 50,000-row reference. One new SKU on 5% of a day's rows was "new mass 0.00%", OK, because past 10,000 reference
 * categories every non-top value counted as "other"; the same day's resamples (about 15% of rows are SKUs the
 * reference never drew) must stay OK.
 */
class ManyCategoriesNewValueTest {
    private static final double[] CDF = zipf(50_000, 1.05);

    private static double[] zipf(int n, double s) {
        double[] c = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.pow(i + 1, -s);
            c[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            c[i] /= sum;
        }
        return c;
    }

    /** Rows of SKUs drawn from the Zipf law; the first {@code brandNew} rows are {@code SKU-BRANDNEW}. */
    static Table skus(long seed, int n, int brandNew) {
        SplittableRandom r = new SplittableRandom(seed);
        String[] v = new String[n];
        for (int i = 0; i < n; i++) {
            int k = Arrays.binarySearch(CDF, r.nextDouble());
            v[i] = i < brandNew ? "SKU-BRANDNEW" : String.format("SKU-%06d", k < 0 ? -k - 1 : k);
        }
        return Table.of(List.of(CategoricalColumn.of("sku", v)));
    }

    private static final Profile REF = ProfileBuilder.fit(skus(1, 50_000, 0), ProfileOptions.defaults());

    private static ColumnDrift score(Table today) {
        return DriftScorer.compare(REF, ProfileBuilder.count(REF, today), DriftOptions.defaults()).columns().get(0);
    }

    @Test
    void theReferenceHasMoreThanTenThousandOtherCategoriesAllTracked() {
        CategoryBins b = REF.column("sku").categoryBins();
        assertThat(b.otherValues().count()).isGreaterThan(CategoryBins.OTHER_CAP);
        assertThat(b.othersComplete()).isTrue();
    }

    @Test
    void oneNewSkuOnFivePercentOfTheRowsIsDriftAndNamed() {
        ColumnDrift c = score(skus(2, 5_000, 250));
        assertThat(c.status()).as(c.reason()).isEqualTo(Status.DRIFT);
        assertThat(c.reason()).contains("\"SKU-BRANDNEW\" is 5.0% of today's values");
        assertThat(c.newMass()).isGreaterThan(0.05);
    }

    @Test
    void resampledDaysAreOkThoughAboutOneRowInSevenIsASkuTheReferenceNeverDrew() {
        for (long seed = 10; seed < 16; seed++) {
            ColumnDrift c = score(skus(seed, 5_000, 0));
            assertThat(c.newMass()).as("seed %d", seed).isBetween(0.10, 0.20);
            assertThat(c.status()).as("seed %d: %s", seed, c.reason()).isEqualTo(Status.OK);
        }
    }

    @Test
    void aBaselineThatCannotTellNewValuesSaysSoInTheReason() {
        ColumnProfile old = REF.column("sku");
        CategoryBins b = old.categoryBins();
        // as a profile written before the hashes reads: the first 10,000 other categories, incomplete
        CategoryBins legacy = CategoryBins.of(b.top(), b.others(), false);
        // ... with one other bin: the hashed buckets of today's profile summed (audit18 finding 1)
        long[] counts = new long[legacy.size()];
        for (int i = 0; i < old.counts().length; i++) {
            counts[Math.min(i, b.otherBin()) + (i == b.unseenBin() ? legacy.unseenBin() - b.otherBin() : 0)]
                    += old.counts()[i];
        }
        ColumnProfile p = new ColumnProfile(old.name(), old.role(), old.reason(), legacy, counts, old.rows(),
                old.missing(), old.invalid(), old.invalidCells(), old.unseen(), old.moments(), old.sample(), old.keys());
        Profile ref = Profile.of(List.of(p), REF.rows(), List.of(), java.util.Map.of());
        ColumnDrift c = DriftScorer.compare(ref, ProfileBuilder.count(ref, skus(3, 5_000, 0)), DriftOptions.defaults())
                .columns().get(0);
        assertThat(c.reason()).contains("new values not tracked: baseline taken by a version that tracked them only "
                + "up to 10,000 categories; re-baseline");
    }
}
