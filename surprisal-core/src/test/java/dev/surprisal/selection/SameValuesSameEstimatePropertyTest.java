// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Issue 9 (review13c): the tie-breaking noise of a continuous column was seeded by its position, so two copies of one
 * column with repeated values (amounts rounded to 0.1) got different kNN estimates against the same target: the
 * noise decides which tied point is a neighbour. Property: the same values give the same estimate, bit for bit,
 * under any name and wherever the column sits in a ranking; different values get independent noise.
 */
class SameValuesSameEstimatePropertyTest {

    private static double[][] data(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.rint(10 * r.nextGaussian()) / 10; // rounded: many repeats, so the noise breaks ties
            y[i] = Math.rint(10 * (x[i] + 0.5 * r.nextGaussian())) / 10;
            if (r.nextDouble() < 0.05) {
                x[i] = Double.NaN;
            }
        }
        return new double[][] {x, y};
    }

    @Property(tries = 30)
    void copiesOfAColumnGetTheSameEstimateWhereverTheySit(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                           @ForAll @IntRange(min = 0, max = 3) int between) {
        double[][] d = data(seed, 300);
        MiVariable y = MiVariable.continuous("spend", d[1], 42);
        List<MiVariable> features = new ArrayList<>();
        features.add(MiVariable.continuous("amount", d[0], 42));
        for (int j = 0; j < between; j++) {
            features.add(MiVariable.continuous("other" + j, data(seed + j + 1, 300)[0], 42));
        }
        features.add(MiVariable.continuous("amount_copy", d[0], 42));
        List<RankedFeature> ranked = TargetRanking.rank(features, y,
                MiOptions.defaults().withPermutations(0).withBootstrap(0, false), null);
        double first = ranked.stream().filter(f -> f.feature().equals("amount")).findFirst().orElseThrow().mi();
        double copy = ranked.stream().filter(f -> f.feature().equals("amount_copy")).findFirst().orElseThrow().mi();
        assertThat(copy).isEqualTo(first);
        // and as the target's partner in a pair, in either order
        assertThat(MiPair.of(features.get(features.size() - 1), y, 3).nats())
                .isEqualTo(MiPair.of(features.get(0), y, 3).nats());
    }

    @Property(tries = 50)
    void theNoiseSeedFollowsTheValuesAndTheRunSeed(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        double[] x = data(seed, 50)[0];
        double[] changed = x.clone();
        changed[17] = Double.isNaN(changed[17]) ? 0.25 : changed[17] + 0.1;
        assertThat(MiVariable.contentSeed(42, x)).isEqualTo(MiVariable.contentSeed(42, x.clone()));
        assertThat(MiVariable.contentSeed(42, changed)).isNotEqualTo(MiVariable.contentSeed(42, x));
        assertThat(MiVariable.contentSeed(43, x)).isNotEqualTo(MiVariable.contentSeed(42, x));
        // −0 and 0 are one value, as everywhere in mi
        double[] zero = {0.0, 1.0};
        assertThat(MiVariable.contentSeed(42, new double[] {-0.0, 1.0})).isEqualTo(MiVariable.contentSeed(42, zero));
    }
}
