// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.core.Base;
import dev.surprisal.data.CategoricalColumn;
import dev.surprisal.data.Table;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileBuilder;
import dev.surprisal.data.profile.ProfileOptions;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A categorical column keeps its top values as bins and the rest as one tail bin, so a move among the rest
 * is not seen: its TV, PSI and KL are lower bounds and are worded "at least ..., counted over the top K values
 * and the rest as one" (issue 9, D3); a column whose every value has a bin keeps the plain wording.
 */
class TailTotalVariationTest {
    /** 100 frequent labels of {@code topShare} rows in all and 4,000 rare ones of 2 rows each: 20,000 rows. */
    private static String[] tailed(boolean shifted) {
        String[] v = new String[20_000];
        int i = 0;
        for (int t = 0; t < 100; t++) {
            // today the first 50 frequent labels hold 150 rows each, the next 50 hold 50: TV 12.5 points
            int rows = shifted ? (t < 50 ? 150 : 50) : 100;
            for (int k = 0; k < rows; k++) {
                v[i++] = "top" + t;
            }
        }
        for (int r = 0; r < 5_000; r++) {
            v[i++] = "r" + r;
            v[i++] = "r" + r;
        }
        return v;
    }

    /** SE, {@code second} and DK, a third each, against SE at 50% and the others at 25%: every value has a bin. */
    private static DriftReport threeValues(String second) {
        String[] ref = new String[3_000];
        String[] day = new String[3_000];
        for (int i = 0; i < ref.length; i++) {
            ref[i] = i % 3 == 0 ? "SE" : i % 3 == 1 ? second : "DK";
            day[i] = i % 2 == 0 ? "SE" : i % 4 == 1 ? second : "DK"; // SE 33% -> 50%
        }
        return compare(ref, day);
    }

    private static DriftReport compare(String[] ref, String[] day) {
        Profile p = ProfileBuilder.fit(Table.of(List.of(CategoricalColumn.of("city", ref))),
                ProfileOptions.defaults().withMinCategoryCount(1));
        return DriftScorer.compare(p, ProfileBuilder.count(p, Table.of(List.of(CategoricalColumn.of("city", day)))),
                DriftOptions.defaults());
    }

    @Test
    void aTailColumnsTvIsWordedAsALowerBoundCountedOverItsTopValues() {
        DriftReport r = compare(tailed(false), tailed(true));
        ColumnDrift c = r.columns().get(0);
        assertThat(c.reason()).contains("(at least 12.5% of the probability mass would have to move to turn one "
                + "distribution into the other, counted over the top 128 values and the rest as one;");
        assertThat(DriftExplanation.sentences(r, Base.BITS).get(1))
                .contains("counted over the top 128 values and the rest as one (grouping values can only lower KL");
    }

    @Test
    void aFewValuedColumnKeepsThePlainWording() {
        DriftReport r = threeValues("NO");
        ColumnDrift c = r.columns().get(0);
        assertThat(c.status()).isEqualTo(Status.DRIFT);
        assertThat(c.reason()).contains("TV 0.167 (16.7% of the probability mass would have to move")
                .doesNotContain("at least").doesNotContain("counted over the top");
        assertThat(DriftExplanation.sentences(r, Base.BITS).get(1)).doesNotContain("counted over the top");
    }

    /**
     * A value written {@code __OTHER__} (an upstream bucket's label) is a value with a bin of its own, not the
     * tail: K is the same in the reason and the explanation (ColumnDrift.topValues, the one rule). Before, the
     * explanation took the first bin labelled {@code __OTHER__} for the tail: a column without a tail was said
     * to be "counted over the top 2 values and the rest as one", and a column with one got the wrong K.
     */
    @Test
    void aValueWrittenLikeTheTailBinIsAValueNotTheTail() {
        DriftReport plain = threeValues("__OTHER__");
        assertThat(plain.columns().get(0).topValues()).isZero();
        assertThat(DriftExplanation.sentences(plain, Base.BITS).get(1)).doesNotContain("counted over the top");

        String[] before = tailed(false);
        String[] after = tailed(true);
        for (String[] v : new String[][] {before, after}) {
            java.util.Arrays.setAll(v, i -> v[i].equals("top7") ? "__OTHER__" : v[i]);
        }
        DriftReport tail = compare(before, after);
        ColumnDrift c = tail.columns().get(0);
        assertThat(c.topValues()).isEqualTo(128);
        assertThat(c.reason()).contains("counted over the top 128 values and the rest as one;");
        assertThat(DriftExplanation.sentences(tail, Base.BITS).get(1))
                .contains("counted over the top 128 values and the rest as one (grouping values can only lower KL");
    }
}
