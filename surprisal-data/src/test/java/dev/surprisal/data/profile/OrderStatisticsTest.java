// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link OrderStatistics#at} returns, bit for bit, what a full {@code Arrays.sort} puts at the wanted
 * positions: on ties (few distinct values, one value only), sorted and reversed input, organ pipes,
 * and with −0.0, 0.0, NaN and infinities mixed in; and the continuous edges built from it are those of
 * the sort.
 */
class OrderStatisticsTest {
    @Property(tries = 400)
    void theSelectedValuesAreThoseOfAFullSort(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3000) int n,
            @ForAll @IntRange(min = 0, max = 7) int kind, @ForAll @IntRange(min = 1, max = 40) int wanted) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = values(r, n, kind);
        int[] at = new int[wanted];
        for (int j = 0; j < wanted; j++) {
            at[j] = r.nextInt(n);
        }
        Arrays.sort(at);
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        double[] got = OrderStatistics.at(v.clone(), at);
        for (int j = 0; j < wanted; j++) {
            assertThat(Double.doubleToRawLongBits(got[j])).as("position %d of %d, kind %d", at[j], n, kind)
                    .isEqualTo(Double.doubleToRawLongBits(sorted[at[j]]));
        }
    }

    @Test
    void anEdgeSampleOf200000GetsTheEdgesOfTheSort() {
        SplittableRandom r = new SplittableRandom(7);
        for (int kind = 0; kind <= 6; kind++) { // an edge sample holds finite values only
            double[] v = values(r, 200_000, kind);
            double[] sorted = v.clone();
            Arrays.sort(sorted);
            ProfileOptions o = ProfileOptions.defaults();
            double[] q = Arrays.stream(Binning.levels(o.bins())).map(p -> Binning.quantileDisc(sorted, p)).toArray();
            double min = sorted[0];
            double max = sorted[sorted.length - 1];
            NumericBins bySort = Binning.fromQuantiles(q, v.length, min, max, o);
            NumericBins bySelection = Binning.continuous(v, v.length, min, max, o);
            // −0.0 and 0.0 are one value to the bins (Binning.continuous reads −0.0 as 0.0, as the counts and
            // DuckDB do), so a sort's −0.0 edge is a 0.0 edge
            double[] expected = Arrays.stream(bySort.edges()).map(e -> e == 0 ? 0.0 : e).toArray();
            assertThat(bySelection.edges()).as("kind %d", kind).containsExactly(expected);
        }
    }

    /** Kinds: 0 Gaussian, 1 few distinct, 2 one value, 3 increasing, 4 decreasing, 5 organ pipe, 6 ±0.0 mixed, 7 NaN and ±∞ mixed. */
    private static double[] values(SplittableRandom r, int n, int kind) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (kind) {
                case 0 -> r.nextGaussian();
                case 1 -> r.nextInt(4);
                case 2 -> 2.5;
                case 3 -> i / 3;
                case 4 -> n - i;
                case 5 -> Math.min(i, n - i);
                case 6 -> r.nextInt(3) == 0 ? -0.0 : r.nextInt(3) - 1.0;
                default -> switch (r.nextInt(8)) {
                    case 0 -> Double.NaN;
                    case 1 -> Double.POSITIVE_INFINITY;
                    case 2 -> Double.NEGATIVE_INFINITY;
                    default -> r.nextGaussian();
                };
            };
        }
        return v;
    }
}
