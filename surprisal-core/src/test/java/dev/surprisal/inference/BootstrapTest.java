// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.inference;

import dev.surprisal.inference.Bootstrap.Interval;
import dev.surprisal.inference.Bootstrap.Method;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BootstrapTest {

    static double[] normalSample(long seed, int n, double mean) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = mean + r.nextGaussian();
        }
        return x;
    }

    static ToDoubleFunction<int[]> meanOf(double[] x) {
        return idx -> {
            double s = 0;
            for (int i : idx) {
                s += x[i];
            }
            return s / idx.length;
        };
    }

    @Test
    void percentileIntervalCoversTheTrueMeanAboutNinetyFivePercentOfTheTime() {
        double trueMean = 3.0;
        int covered = 0;
        int coveredBca = 0;
        int trials = 200;
        for (int t = 0; t < trials; t++) {
            double[] x = normalSample(1000 + t, 60, trueMean);
            Bootstrap b = Bootstrap.of(x.length, meanOf(x)).withReplicates(1000).withSeed(t);
            covered += b.run().contains(trueMean) ? 1 : 0;
            coveredBca += b.withMethod(Method.BCA).run().contains(trueMean) ? 1 : 0;
        }
        // the percentile interval of a mean is slightly narrow at n = 60 (≈ 93–94 %), hence the 90–99 % band
        assertThat(covered).isBetween(180, 198);
        assertThat(coveredBca).isBetween(180, 198);
    }

    @Test
    void resultIsIdenticalForOneAndFourThreads() {
        double[] x = normalSample(5, 200, 0.0);
        ToDoubleFunction<int[]> stat = meanOf(x);
        ForkJoinPool one = new ForkJoinPool(1);
        ForkJoinPool four = new ForkJoinPool(4);
        try {
            for (Method m : Method.values()) {
                Bootstrap b = Bootstrap.of(x.length, stat).withReplicates(500).withMethod(m);
                Interval a = b.withPool(one).run();
                Interval c = b.withPool(four).run();
                Interval d = b.run();
                assertThat(c).isEqualTo(a);
                assertThat(d).isEqualTo(a);
                assertThat(a.seed()).isEqualTo(Bootstrap.DEFAULT_SEED);
                assertThat(a.method()).isEqualTo(m);
            }
            assertThat(Bootstrap.of(x.length, stat).withPool(one).replicateValues())
                    .containsExactly(Bootstrap.of(x.length, stat).withPool(four).replicateValues());
        } finally {
            one.shutdown();
            four.shutdown();
        }
    }

    @Test
    void reportsItsSettingsAndBasicMirrorsPercentile() {
        double[] x = normalSample(9, 100, 1.0);
        Bootstrap b = Bootstrap.of(x.length, meanOf(x)).withReplicates(400).withSeed(7).withLevel(0.9);
        Interval p = b.run();
        Interval basic = b.withMethod(Method.BASIC).run();
        assertThat(p.level()).isEqualTo(0.9);
        assertThat(p.replicates()).isEqualTo(400);
        assertThat(p.seed()).isEqualTo(7L);
        assertThat(p.estimate()).isCloseTo(java.util.Arrays.stream(x).average().orElseThrow(), within(1e-12));
        assertThat(p.lower()).isLessThan(p.estimate());
        assertThat(p.upper()).isGreaterThan(p.estimate());
        assertThat(basic.lower()).isCloseTo(2 * p.estimate() - p.upper(), within(1e-12));
        assertThat(basic.upper()).isCloseTo(2 * p.estimate() - p.lower(), within(1e-12));
        // another seed gives another (but close) interval
        assertThat(b.withSeed(8).run().lower()).isNotEqualTo(p.lower()).isCloseTo(p.lower(), within(0.05));
    }

    @Test
    void quantileInterpolatesLinearlyAsNumpy() {
        double[] sorted = {1, 2, 3, 4};
        assertThat(Bootstrap.quantile(sorted, 0.0)).isEqualTo(1.0);
        assertThat(Bootstrap.quantile(sorted, 1.0)).isEqualTo(4.0);
        assertThat(Bootstrap.quantile(sorted, 0.5)).isEqualTo(2.5);
        assertThat(Bootstrap.quantile(sorted, 0.1)).isCloseTo(1.3, within(1e-15)); // np.percentile([1,2,3,4], 10)
    }

    @Test
    void rejectsBadSettingsAndNaNStatistics() {
        assertThatThrownBy(() -> Bootstrap.of(1, idx -> 0)).hasMessageContaining("rows");
        assertThatThrownBy(() -> Bootstrap.of(5, idx -> 0).withLevel(1.0)).hasMessageContaining("level");
        assertThatThrownBy(() -> Bootstrap.of(5, idx -> 0).withReplicates(3)).hasMessageContaining("replicates");
        assertThatThrownBy(() -> Bootstrap.of(5, idx -> idx[0] == 0 ? 1.0 : Double.NaN).withReplicates(50).run())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("NaN");
    }
}
