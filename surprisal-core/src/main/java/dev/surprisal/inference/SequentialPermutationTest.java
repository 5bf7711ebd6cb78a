// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.inference;

import dev.surprisal.core.ValidationException;

import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.ToDoubleFunction;

/**
 * A sequential permutation test (Besag, J. and Clifford, P., 1991, "Sequential Monte Carlo
 * p-values", Biometrika 78(2), 301–304) of any statistic that is large under dependence.
 *
 * <p>Permutations are drawn one after another until either {@code h} of them give a statistic at or
 * above the observed one, or {@code maxPermutations} have been drawn. The p-value is
 * <ul>
 *   <li>h / L when the test stops early after L permutations (the p-value is then clearly above
 *       h / maxPermutations, and more permutations would only refine a value that is not small);</li>
 *   <li>(b + 1) / (B + 1) when all B = {@code maxPermutations} are drawn with b &lt; h exceedances
 *       (Phipson and Smyth, 2010), so the smallest reportable p-value is 1 / (B + 1).</li>
 * </ul>
 * Both are valid p-values. A clearly null feature therefore costs about h / p permutations (≈ 20 for
 * p ≈ 0.5 with h = 10), and only features whose p-value is small pay for all B.
 *
 * <p>The null is streamed ({@link NullSummary}): running mean and variance, the exceedance count and a
 * fixed 1,024-value reservoir for the 95th percentile, so memory does not grow with B.
 * Permutations are claimed one at a time by every thread that helps ({@link Draws}), but consumed in
 * index order, and permutation j draws from its own generator seeded from (seed, j): the stopping point
 * and every reported number depend on the seed only, never on the number of threads.
 */
public final class SequentialPermutationTest {
    /** Exceedances that stop the test early (Besag and Clifford's h). */
    public static final int DEFAULT_EXCEEDANCES = 10;
    /**
     * Exceedances that never stop the test: all B permutations are drawn and p = (b + 1)/(B + 1), the
     * fixed-B test ({@link PermutationTest} is this one).
     */
    public static final int FIXED = Integer.MAX_VALUE;
    /** Largest number of permutations a caller may ask for; above it the null alone costs too much. */
    public static final int MAX_PERMUTATIONS = 1_000_000;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    /** Draws held beyond the last consumed one, at most: the memory of a test in flight. */
    private static final int WINDOW = 64;

    /**
     * The outcome; values in the statistic's own unit.
     *
     * @param observed       the statistic on the data as observed
     * @param permutations   L, the permutations drawn
     * @param exceedances    b, the permuted values at or above the observed one
     * @param pValue         h / L when stopped early, else (b + 1) / (L + 1)
     * @param stoppedEarly   whether h exceedances stopped the test before the maximum
     * @param nullMean       mean of the permuted values (the statistic's value under independence)
     * @param nullSd         their standard deviation (n − 1 denominator), NaN below two values
     * @param nullQuantile95 their 95th percentile (exact up to 1,024 permutations, else from a seeded reservoir)
     * @param maxPermutations B, the most the test would draw
     * @param seed           the seed of the permutations
     */
    public record Result(double observed, int permutations, long exceedances, double pValue, boolean stoppedEarly,
                         double nullMean, double nullSd, double nullQuantile95, int maxPermutations, long seed) {
        /**
         * Observed minus the null mean: what the statistic shows beyond chance at this n.
         *
         * @return observed minus the null mean, in the statistic's unit
         */
        public double aboveChance() {
            return observed - nullMean;
        }

        /**
         * The null's 95th percentile minus its mean: how far chance alone lifts the statistic, 1 time in 20.
         *
         * @return the null's 95th percentile minus its mean, in the statistic's unit
         */
        public double noise95() {
            return nullQuantile95 - nullMean;
        }

        /**
         * One line stating the method, for outputs.
         *
         * @return one line stating the method, for outputs
         */
        public String method() {
            return "sequential permutation test (Besag & Clifford 1991): at most " + maxPermutations
                    + " permutations, stopping after " + DEFAULT_EXCEEDANCES + " at or above the observed value;"
                    + " null streamed (running mean/variance, 1,024-value seeded reservoir for the 95th percentile)";
        }
    }

    private SequentialPermutationTest() {
    }

    /**
     * Runs the test.
     *
     * @param n               rows; permutation j is a uniformly random permutation of 0..n−1
     * @param observed        the statistic on the data as observed
     * @param statistic       the statistic when row i of the second variable is re-paired with row order[i]; called
     *                        from several threads, must not keep or modify the array
     * @param maxPermutations B ≥ 1, at most {@value #MAX_PERMUTATIONS}
     * @param exceedances     h ≥ 1
     * @param seed            seed of the permutations
     * @return the result
     * @throws ValidationException if B or h is out of range, or n &lt; 2
     */
    public static Result run(int n, double observed, ToDoubleFunction<int[]> statistic, int maxPermutations,
                             int exceedances, long seed) {
        if (n < 2) {
            throw new ValidationException("n: a permutation test needs at least 2 rows, got " + n);
        }
        return runNull(observed, rng -> statistic.applyAsDouble(shuffle(n, rng)), maxPermutations, exceedances, seed);
    }

    /**
     * Runs the test with the null drawn directly: {@code nullDraw} returns the statistic of one random
     * re-pairing, drawn from the generator it is given. {@link #run} is this with a shuffle of the rows;
     * a plug-in MI can instead draw the re-paired table itself ({@link RandomTables}), with the same
     * distribution at a fraction of the cost. Draw j gets its own generator seeded from (seed, j), as a
     * permutation does, so results depend on the seed only.
     *
     * @param observed        the statistic on the data as observed
     * @param nullDraw        one value of the statistic under a random re-pairing; called from several threads
     * @param maxPermutations B ≥ 1, at most {@value #MAX_PERMUTATIONS}
     * @param exceedances     h ≥ 1
     * @param seed            seed of the draws
     * @return the result
     * @throws ValidationException if B or h is out of range
     */
    public static Result runNull(double observed, ToDoubleFunction<SplittableRandom> nullDraw, int maxPermutations,
                                 int exceedances, long seed) {
        if (maxPermutations < 1 || maxPermutations > MAX_PERMUTATIONS) {
            throw new ValidationException("permutations: must lie in [1, " + MAX_PERMUTATIONS + "], got " + maxPermutations);
        }
        if (exceedances < 1) {
            throw new ValidationException("exceedances: must be at least 1, got " + exceedances);
        }
        return draws(nullDraw, maxPermutations, exceedances, seed).finish(observed);
    }

    /**
     * The draws of a test whose observed value is not known yet, for callers that want threads outside the
     * fork-join pool to compute some of them ({@link Draws#help}) while the owner computes the observed value
     * and then calls {@link Draws#finish}. The result is that of
     * {@link #runNull(double, ToDoubleFunction, int, int, long)} with the same arguments, bit for bit, whoever
     * computes which draw.
     *
     * @param nullDraw        one value of the statistic under a random re-pairing; called from several threads
     * @param maxPermutations B ≥ 1, at most {@value #MAX_PERMUTATIONS}
     * @param exceedances     h ≥ 1
     * @param seed            seed of the draws
     * @return the draws, none computed yet
     * @throws ValidationException if B or h is out of range
     */
    public static Draws draws(ToDoubleFunction<SplittableRandom> nullDraw, int maxPermutations, int exceedances,
                              long seed) {
        if (maxPermutations < 1 || maxPermutations > MAX_PERMUTATIONS) {
            throw new ValidationException("permutations: must lie in [1, " + MAX_PERMUTATIONS + "], got " + maxPermutations);
        }
        if (exceedances < 1) {
            throw new ValidationException("exceedances: must be at least 1, got " + exceedances);
        }
        return new Draws(nullDraw, maxPermutations, exceedances, seed);
    }

    /**
     * The draws of one test, claimed one at a time from a shared counter by any thread that helps, and consumed
     * in index order as they arrive: draw j is computed from its own generator (seed, j) and the stop is decided
     * in index order, so the result does not depend on which thread computed which draw, nor on how many helped.
     * At most {@value #WINDOW} draws are held beyond the last consumed one, so memory does not grow with B.
     * Before: blocks of 16 draws ran as a parallel stream of the thread that ran the test, so a thread outside
     * the pool (the command's main thread, done with its own estimate) could not take any and waited idle.
     */
    public static final class Draws {
        private final ToDoubleFunction<SplittableRandom> nullDraw;
        private final int max;
        private final int exceedances;
        private final long seed;
        private final double[] values = new double[WINDOW];
        private final boolean[] ready = new boolean[WINDOW];
        // all guarded by this
        private int claimed;
        private int consumed;
        private NullSummary nulls;
        private boolean stopped;
        private RuntimeException failure;
        private boolean cancelled;

        private Draws(ToDoubleFunction<SplittableRandom> nullDraw, int max, int exceedances, long seed) {
            this.nullDraw = nullDraw;
            this.max = max;
            this.exceedances = exceedances;
            this.seed = seed;
        }

        /**
         * Computes draws until none is left to claim: all are claimed, the test has stopped, or {@value #WINDOW}
         * wait to be consumed. Never waits for another thread, so any thread may call it at any time, inside a
         * fork-join pool or outside; a draw that throws stops the test and {@link #finish} rethrows it.
         */
        public void help() {
            while (true) {
                int j;
                synchronized (this) {
                    if (!claimable()) {
                        return;
                    }
                    j = claimed++;
                }
                double v;
                try {
                    v = nullDraw.applyAsDouble(generator(seed, j));
                } catch (RuntimeException e) {
                    synchronized (this) {
                        if (failure == null) {
                            failure = e;
                        }
                        notifyAll();
                    }
                    return;
                }
                synchronized (this) {
                    values[j % WINDOW] = v;
                    ready[j % WINDOW] = true;
                    drain();
                }
            }
        }

        /** Stops handing out draws: the owner failed before {@link #finish}, so no one computes them in vain. */
        public synchronized void cancel() {
            cancelled = true;
            // a finish() already waiting for draws that no one will now compute must wake and end (review13c: the
            // forked test waited forever when the estimate beside it threw, and its pool thread was lost)
            if (failure == null) {
                failure = new java.util.concurrent.CancellationException("the test was cancelled by its owner");
            }
            notifyAll();
        }

        /**
         * Sets the observed value, computes draws with the pool's other threads until the test is decided,
         * waits for the draws other threads still hold below that point, and returns the result.
         *
         * @param observed the statistic on the data as observed
         * @return the result, as {@link SequentialPermutationTest#runNull} gives it
         */
        public Result finish(double observed) {
            synchronized (this) {
                if (nulls != null) {
                    throw new IllegalStateException("finish: called twice");
                }
                nulls = new NullSummary(observed, seed);
                drain();
            }
            java.util.List<ForkJoinTask<?>> helpers = new java.util.ArrayList<>();
            ForkJoinPool pool = ForkJoinTask.getPool();
            int others = pool == null ? ForkJoinPool.getCommonPoolParallelism() : pool.getParallelism() - 1;
            for (int h = 0; h < Math.min(others, max); h++) {
                helpers.add(ForkJoinTask.adapt(this::help).fork());
            }
            boolean interrupted = false;
            while (true) {
                help();
                synchronized (this) {
                    while (!decided() && !claimable()) {
                        try {
                            wait(); // for a draw another thread holds below the stop: bounded by one draw
                        } catch (InterruptedException e) {
                            interrupted = true;
                        }
                    }
                    if (decided()) {
                        break;
                    }
                }
            }
            for (ForkJoinTask<?> h : helpers) {
                if (!h.tryUnfork()) {
                    h.quietlyJoin();
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            synchronized (this) {
                if (failure != null) {
                    throw failure;
                }
                long b = nulls.atOrAbove();
                int drawn = consumed;
                double p = stopped ? (double) b / drawn : (b + 1.0) / (drawn + 1.0);
                return new Result(observed, drawn, b, p, stopped, nulls.mean(), nulls.sd(), nulls.quantile(0.95),
                        max, seed);
            }
        }

        private boolean claimable() {
            return !decided() && !cancelled && claimed < max && claimed < consumed + WINDOW;
        }

        private boolean decided() {
            return stopped || failure != null || consumed >= max;
        }

        // consumes the ready draws in index order once the observed value is known; the stop is decided here
        private void drain() {
            if (nulls == null) {
                return;
            }
            int before = consumed;
            while (!stopped && consumed < max && ready[consumed % WINDOW]) {
                ready[consumed % WINDOW] = false;
                nulls.add(values[consumed % WINDOW]);
                consumed++;
                if (nulls.atOrAbove() >= exceedances) {
                    stopped = true;
                }
            }
            if (consumed != before) {
                notifyAll();
            }
        }
    }

    private static int[] shuffle(int n, SplittableRandom rng) {
        java.util.function.IntUnaryOperator nextBelow = rng::nextInt;
        return PermutationTest.shuffle(n, nextBelow);
    }

    /**
     * The generator of draw j of the run seeded {@code seed}. The seed of draw j is mixed (Stafford's
     * variant 13 of the MurmurHash3 finaliser, as in SplitMix64): {@code SplittableRandom} advances its
     * state by the same golden-ratio constant, so unmixed seeds seed + GOLDEN·(j + 1) would make draw
     * j + 1 replay draw j's stream shifted by one value, and draws that use few values (a random table
     * uses one per cell) would be strongly correlated.
     */
    static SplittableRandom generator(long seed, int j) {
        long z = seed + GOLDEN * (j + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new SplittableRandom(z ^ (z >>> 31));
    }

    /**
     * Permutation j of the run seeded {@code seed}: Fisher–Yates over its own generator.
     *
     * @param n the number of elements
     * @param seed the run's seed
     * @param j the permutation's index in the run
     * @return permutation j of 0..n−1
     */
    public static int[] permutation(int n, long seed, int j) {
        return shuffle(n, generator(seed, j));
    }
}
