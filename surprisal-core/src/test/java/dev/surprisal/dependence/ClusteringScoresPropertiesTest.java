// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.dependence;

import dev.surprisal.counts.ContingencyTable;
import dev.surprisal.counts.LabelCounts;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Bounds and symmetries of V-measure and AMI on random labellings, including many singletons (jqwik). */
class ClusteringScoresPropertiesTest {

    @Provide
    Arbitrary<Tuple.Tuple2<int[], int[]>> labels() {
        return Combinators.combine(Arbitraries.integers().between(2, 120), Arbitraries.integers().between(1, 130),
                Arbitraries.integers().between(1, 130), Arbitraries.longs()).as((n, kx, ky, seed) -> {
                    SplittableRandom r = new SplittableRandom(seed);
                    int[] x = new int[n];
                    int[] y = new int[n];
                    for (int i = 0; i < n; i++) {
                        x[i] = r.nextInt(kx);
                        // partly a function of x, partly noise; large k makes singletons common
                        y[i] = r.nextInt(3) == 0 ? r.nextInt(ky) : (x[i] * 7) % ky;
                    }
                    return Tuple.of(x, y);
                });
    }

    @Property(tries = 400)
    void vMeasureIsBetweenZeroAndOneAndSymmetricForBetaOne(@ForAll("labels") Tuple.Tuple2<int[], int[]> t) {
        VMeasure v = VMeasure.of(t.get1(), t.get2(), 1.0);
        VMeasure swapped = VMeasure.of(t.get2(), t.get1(), 1.0);
        assertThat(v.homogeneity()).isBetween(0.0, 1.0);
        assertThat(v.completeness()).isBetween(0.0, 1.0);
        assertThat(v.vMeasure()).isBetween(0.0, 1.0);
        assertThat(swapped.homogeneity()).isCloseTo(v.completeness(), within(1e-14));
        assertThat(swapped.vMeasure()).isCloseTo(v.vMeasure(), within(1e-14));
    }

    @Property(tries = 400)
    void amiNeverExceedsOne(@ForAll("labels") Tuple.Tuple2<int[], int[]> t, @ForAll AverageMethod method,
            @ForAll boolean singletons) {
        int[] x = t.get1();
        if (singletons) {
            x = new int[x.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = i; // every sample its own cluster: E[I] = I exactly
            }
        }
        ContingencyTable table = LabelCounts.table(x, t.get2());
        double ami = AdjustedMutualInformation.of(table, method);
        assertThat(ami).isLessThanOrEqualTo(1.0);
        if (singletons && table.colCounts().nonZero() < x.length) {
            assertThat(ami).isEqualTo(0.0);
        }
    }
}
