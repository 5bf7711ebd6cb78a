// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.surprisal.core.Base;
import dev.surprisal.counts.Counts;
import dev.surprisal.estimators.EntropyEstimators;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * An entropy interval is a function of the counts or values and the seed, not of the order they are listed in: the
 * local engine lists a column's values in DuckDB's group order, the Spark engine in its own (ent16, issue 9), and
 * {@code entropy --bootstrap B --seed S} must give the same numbers on both.
 */
class EntropyIntervalOrderTest {
    private static long[] shuffled(long[] c, long seed) {
        long[] s = c.clone();
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = s.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            long t = s[i];
            s[i] = s[j];
            s[j] = t;
        }
        return s;
    }

    @Test
    void countsInAnyOrderGiveTheSameInterval() {
        // eight values, two of equal count (interchangeable), and a zero count (a bin left empty)
        long[] counts = {120, 45, 45, 30, 200, 0, 12, 48};
        for (String estimator : new String[] {"plug-in", "miller-madow"}) {
            EntropyInterval listed = EntropyInterval.ofCounts(Counts.of(counts),
                    EntropyEstimators.byName(estimator), Base.BITS, 400, 42);
            assertThat(listed.shown()).as(estimator).isTrue();
            for (long s = 1; s <= 5; s++) {
                EntropyInterval other = EntropyInterval.ofCounts(Counts.of(shuffled(counts, s)),
                        EntropyEstimators.byName(estimator), Base.BITS, 400, 42);
                assertThat(other).as(estimator + " order " + s).isEqualTo(listed);
            }
        }
    }

    @Test
    void valuesInAnyOrderGiveTheSameInterval() {
        SplittableRandom r = new SplittableRandom(3);
        double[] x = new double[500];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.exp(r.nextGaussian());
        }
        EntropyInterval given = EntropyInterval.ofSpacings(x, Base.NATS, 300, 7);
        assertThat(given.shown()).isTrue();
        double[] reversed = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            reversed[i] = x[x.length - 1 - i];
        }
        assertThat(EntropyInterval.ofSpacings(reversed, Base.NATS, 300, 7)).isEqualTo(given);
        double[] sorted = x.clone();
        java.util.Arrays.sort(sorted);
        assertThat(EntropyInterval.ofSpacings(sorted, Base.NATS, 300, 7)).isEqualTo(given);
        // another seed, other resamples: the test can tell intervals apart
        assertThat(EntropyInterval.ofSpacings(x, Base.NATS, 300, 8)).isNotEqualTo(given);
    }
}
