// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.surprisal.core.ValidationException;
import dev.surprisal.dependence.Correlation;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.function.ToDoubleFunction;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SequentialPermutationTestTest {

    /** |Pearson r| of x with y re-paired by {@code order}. */
    static ToDoubleFunction<int[]> absCorrelation(double[] x, double[] y) {
        return order -> {
            double[] yy = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                yy[i] = y[order[i]];
            }
            return Math.abs(Correlation.pearson(x, yy));
        };
    }

    static double[][] sample(int n, double slope, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextGaussian();
            y[i] = slope * x[i] + rng.nextGaussian();
        }
        return new double[][] {x, y};
    }

    @Property(tries = 60)
    void resultIsConsistent(@ForAll @IntRange(min = 1, max = 300) int maxPermutations,
                            @ForAll @IntRange(min = 1, max = 20) int h, @ForAll long seed,
                            @ForAll @IntRange(min = 0, max = 2) int strength) {
        double[][] d = sample(25, strength * 0.5, seed);
        ToDoubleFunction<int[]> stat = absCorrelation(d[0], d[1]);
        double observed = Math.abs(Correlation.pearson(d[0], d[1]));
        SequentialPermutationTest.Result r = SequentialPermutationTest.run(25, observed, stat, maxPermutations, h, seed);
        assertThat(r.permutations()).isBetween(1, maxPermutations);
        assertThat(r.pValue()).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
        assertThat(r.stoppedEarly()).isEqualTo(r.exceedances() >= h);
        if (r.stoppedEarly()) {
            assertThat(r.exceedances()).isEqualTo(h); // it stops at the h-th exceedance
            assertThat(r.pValue()).isCloseTo((double) h / r.permutations(), within(1e-15));
        } else {
            assertThat(r.permutations()).isEqualTo(maxPermutations);
            assertThat(r.pValue()).isCloseTo((r.exceedances() + 1.0) / (maxPermutations + 1.0), within(1e-15));
        }
        assertThat(r.nullQuantile95()).isGreaterThanOrEqualTo(r.nullMean() - 1e-12);
    }

    @Test
    void aNullStatisticStopsAfterHExceedances() {
        // the statistic never changes, so every permutation is at or above it
        SequentialPermutationTest.Result r = SequentialPermutationTest.run(10, 0.5, order -> 0.5, 99, 10, 1L);
        assertThat(r.permutations()).isEqualTo(10);
        assertThat(r.pValue()).isEqualTo(1.0);
        assertThat(r.stoppedEarly()).isTrue();
    }

    /** With {@code FIXED} (PermutationTest's fixed-B test) the same null never stops: p = (b + 1)/(B + 1) over all B. */
    @Test
    void theFixedTestDrawsEveryPermutation() {
        SequentialPermutationTest.Result r = SequentialPermutationTest.run(10, 0.5, order -> 0.5, 99,
                SequentialPermutationTest.FIXED, 1L);
        assertThat(r.permutations()).isEqualTo(99);
        assertThat(r.exceedances()).isEqualTo(99);
        assertThat(r.pValue()).isEqualTo(1.0);
        assertThat(r.stoppedEarly()).isFalse();
        SequentialPermutationTest.Result half = SequentialPermutationTest.run(10, 0.5,
                order -> order[0] < 5 ? 1.0 : 0.0, 99, SequentialPermutationTest.FIXED, 1L);
        assertThat(half.permutations()).isEqualTo(99);
        assertThat(half.pValue()).isEqualTo((half.exceedances() + 1.0) / 100);
        assertThat(half.exceedances()).isBetween(30L, 70L);
    }

    @Test
    void aStrongDependenceDrawsEveryPermutationAndGetsTheSmallestPValue() {
        double[][] d = sample(200, 2.0, 3L);
        double observed = Math.abs(Correlation.pearson(d[0], d[1]));
        SequentialPermutationTest.Result r = SequentialPermutationTest.run(200, observed,
                absCorrelation(d[0], d[1]), 99, 10, 3L);
        assertThat(r.permutations()).isEqualTo(99);
        assertThat(r.exceedances()).isZero();
        assertThat(r.pValue()).isCloseTo(0.01, within(1e-15));
        assertThat(r.aboveChance()).isGreaterThan(0.5);
    }

    @Test
    void pValuesAreValidUnderIndependence() {
        // P(p <= 0.05) must not exceed 0.05 beyond sampling noise: 600 independent data sets
        int rejections = 0;
        int runs = 600;
        for (int s = 0; s < runs; s++) {
            double[][] d = sample(20, 0.0, 1000L + s);
            double observed = Math.abs(Correlation.pearson(d[0], d[1]));
            SequentialPermutationTest.Result r = SequentialPermutationTest.run(20, observed,
                    absCorrelation(d[0], d[1]), 99, 10, 7L + s);
            if (r.pValue() <= 0.05) {
                rejections++;
            }
        }
        // binomial(600, 0.05): mean 30, sd 5.3; 47 is more than 3 sd above
        assertThat(rejections).isLessThanOrEqualTo(47).isGreaterThan(10);
    }

    @Test
    void resultDoesNotDependOnThreads() throws Exception {
        double[][] d = sample(300, 0.15, 11L);
        double observed = Math.abs(Correlation.pearson(d[0], d[1]));
        ToDoubleFunction<int[]> stat = absCorrelation(d[0], d[1]);
        SequentialPermutationTest.Result common = SequentialPermutationTest.run(300, observed, stat, 500, 10, 5L);
        SequentialPermutationTest.Result one = new ForkJoinPool(1).submit(
                () -> SequentialPermutationTest.run(300, observed, stat, 500, 10, 5L)).get();
        SequentialPermutationTest.Result three = new ForkJoinPool(3).submit(
                () -> SequentialPermutationTest.run(300, observed, stat, 500, 10, 5L)).get();
        assertThat(one).isEqualTo(common);
        assertThat(three).isEqualTo(common);
    }

    /** The null draw of |Pearson r| under a shuffle, counting the draws made by the thread {@code counted}. */
    private static ToDoubleFunction<SplittableRandom> countedDraw(double[][] d, Thread counted,
                                                                  java.util.concurrent.atomic.AtomicInteger count) {
        ToDoubleFunction<int[]> stat = absCorrelation(d[0], d[1]);
        return rng -> {
            if (Thread.currentThread() == counted) {
                count.incrementAndGet();
            }
            return stat.applyAsDouble(PermutationTest.shuffle(d[0].length, rng::nextInt));
        };
    }

    @Test
    void aThreadOutsideThePoolComputesDrawsBeforeTheObservedValueIsKnownAndTheResultIsUnchanged() throws Exception {
        // the command's main thread, done with its own estimate, helps a test whose owner (a pool worker) is still
        // computing the observed value: it may compute up to 64 draws ahead, which the owner then consumes in order
        double[][] d = sample(300, 0.3, 12L);
        double observed = Math.abs(Correlation.pearson(d[0], d[1]));
        java.util.concurrent.atomic.AtomicInteger mine = new java.util.concurrent.atomic.AtomicInteger();
        SequentialPermutationTest.Draws draws = SequentialPermutationTest.draws(
                countedDraw(d, Thread.currentThread(), mine), 200, 10, 7L);
        draws.help();
        assertThat(mine.get()).as("draws computed by the helping thread").isEqualTo(64);
        SequentialPermutationTest.Result helped = ForkJoinPool.commonPool().submit(() -> draws.finish(observed)).get();
        SequentialPermutationTest.Result alone = SequentialPermutationTest.run(300, observed,
                absCorrelation(d[0], d[1]), 200, 10, 7L);
        assertThat(helped).isEqualTo(alone);
        assertThat(helped.permutations()).as("strong dependence: all drawn").isEqualTo(200);
    }

    @Test
    void helpersRacingTheOwnerGiveTheResultOfOneThread() throws Exception {
        // early stops (weak dependence) and full runs (strong), B below and above the 64 draws held ahead
        for (double slope : new double[] {0.0, 0.1, 0.5}) {
            for (int max : new int[] {30, 99, 500}) {
                double[][] d = sample(200, slope, 13L + max);
                double observed = Math.abs(Correlation.pearson(d[0], d[1]));
                SequentialPermutationTest.Result one = new ForkJoinPool(1).submit(() -> SequentialPermutationTest.run(
                        200, observed, absCorrelation(d[0], d[1]), max, 10, 3L)).get();
                SequentialPermutationTest.Draws draws = SequentialPermutationTest.draws(
                        countedDraw(d, null, new java.util.concurrent.atomic.AtomicInteger()), max, 10, 3L);
                Thread[] helpers = new Thread[3];
                for (int h = 0; h < helpers.length; h++) {
                    helpers[h] = new Thread(draws::help);
                    helpers[h].start();
                }
                SequentialPermutationTest.Result raced = new ForkJoinPool(2).submit(() -> draws.finish(observed)).get();
                for (Thread h : helpers) {
                    h.join();
                }
                assertThat(raced).as("slope %s, B = %d", slope, max).isEqualTo(one);
            }
        }
    }

    @Test
    void aDrawThatFailsIsRethrownByTheOwnerNotByAHelper() {
        IllegalStateException boom = new IllegalStateException("draw failed");
        SequentialPermutationTest.Draws draws = SequentialPermutationTest.draws(rng -> {
            throw boom;
        }, 99, 10, 1L);
        draws.help(); // a helper outside the pool: returns, the failure is kept for the owner
        assertThatThrownBy(() -> draws.finish(0.5)).isSameAs(boom);
    }

    @Test
    void cancelledDrawsAreNotComputed() {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        SequentialPermutationTest.Draws draws = SequentialPermutationTest.draws(rng -> calls.incrementAndGet(),
                99, 10, 1L);
        draws.cancel();
        draws.help();
        assertThat(calls.get()).isZero();
    }

    @Test
    void nullSummaryQuantileIsExactUpToTheReservoirAndMeanIsRight() {
        NullSummary s = new NullSummary(0.0, 1L);
        double[] v = new double[1000];
        SplittableRandom rng = new SplittableRandom(2);
        double sum = 0.0;
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextGaussian();
            s.add(v[i]);
            sum += v[i];
        }
        double[] sorted = v.clone();
        java.util.Arrays.sort(sorted);
        double pos = 0.95 * 999;
        double exact = sorted[(int) pos] + (pos - (int) pos) * (sorted[(int) pos + 1] - sorted[(int) pos]);
        assertThat(s.quantile(0.95)).isEqualTo(exact);
        assertThat(s.mean()).isCloseTo(sum / 1000, within(1e-12));
        // beyond the reservoir: still close to the normal's 1.645 with 10^5 values
        for (int i = 0; i < 100_000; i++) {
            s.add(rng.nextGaussian());
        }
        assertThat(s.quantile(0.95)).isCloseTo(1.645, within(0.12));
        assertThat(s.sd()).isCloseTo(1.0, within(0.02));
    }

    @Test
    void rejectsTooManyPermutations() {
        assertThatThrownBy(() -> SequentialPermutationTest.run(10, 0, o -> 0, 1_000_001, 10, 1L))
                .isInstanceOf(ValidationException.class).hasMessageContaining("permutations");
        assertThatThrownBy(() -> SequentialPermutationTest.run(10, 0, o -> 0, 0, 10, 1L))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void aTestCancelledByItsOwnerEndsInsteadOfWaitingForDrawsNoOneComputes() {
        // review13c: cancel() left a finish() that found nothing to claim waiting forever, and its pool thread lost
        SequentialPermutationTest.Draws draws = SequentialPermutationTest.draws(rng -> rng.nextDouble(), 99, 10, 7);
        draws.cancel();
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                () -> assertThatThrownBy(() -> draws.finish(0.5))
                        .isInstanceOf(java.util.concurrent.CancellationException.class));
    }
}
