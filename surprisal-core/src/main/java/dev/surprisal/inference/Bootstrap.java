// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.inference;

import dev.surprisal.core.ValidationException;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Nonparametric bootstrap confidence interval for any statistic of n rows. The statistic receives an array
 * of n row indices drawn with replacement (the identity 0..n−1 for the estimate itself) and returns a number;
 * it must not keep or modify the array.
 *
 * <p>Intervals at level 1 − α, from the B replicate values θ*₁..θ*_B and the estimate θ̂:
 * <ul>
 *   <li>{@link Method#PERCENTILE}: [q(α/2), q(1 − α/2)], q the empirical quantile of θ* (linear
 *       interpolation, numpy's default);</li>
 *   <li>{@link Method#BASIC}: [2θ̂ − q(1 − α/2), 2θ̂ − q(α/2)] (the "reverse percentile" interval);</li>
 *   <li>{@link Method#NORMAL}: θ̂ ± z(1 − α/2)·s, s the standard deviation of θ* (divisor B − 1): the estimate's
 *       own centre with the resamples' spread;</li>
 *   <li>{@link Method#BCA}: bias-corrected and accelerated; quantiles at Φ(z₀ + (z₀ + z)/(1 − a(z₀ + z))) with
 *       z₀ = Φ⁻¹(share of θ* below θ̂, ties counted half) and acceleration a from the jackknife,
 *       a = Σ(θ̄ − θ₍ᵢ₎)³ / (6 (Σ(θ̄ − θ₍ᵢ₎)²)^{3/2}). As in {@code scipy.stats.bootstrap}.</li>
 * </ul>
 * References: Efron, B. and Tibshirani, R. J. (1993). <i>An Introduction to the Bootstrap</i>, ch. 13–14;
 * Efron, B. (1987). Better bootstrap confidence intervals. <i>JASA</i> 82(397), 171–185.
 *
 * <p>Reproducibility: replicate r draws its indices from a {@link SplittableRandom} seeded with
 * SplitMix64(SplitMix64(seed) + (r + 1)·γ), γ the golden-ratio increment of SplitMix64, and stores its value at
 * position r. (Seeding with plain seed + r would make seeds s and s + 1 share all but one replicate.) The result therefore depends only on the seed,
 * never on the number of threads or on scheduling. The default seed is {@value #DEFAULT_SEED}.
 *
 * <p><b>Not for a nearest-neighbour statistic as it stands.</b> A resample draws about 37% of the rows twice or
 * more, and a kNN estimator (KSG, Ross, Kozachenko–Leonenko) counts a copy as a neighbour at distance 0, which
 * it reads as near-perfect dependence: {@code Bootstrap.of(n, idx -> KSG(x[idx], y[idx]))} on correlated
 * normals gives intervals far above the estimate that almost never cover the true value, and on independent
 * columns about 1 nat. Estimate each replicate on the resample's distinct rows instead (about 63% of n;
 * the spread is then somewhat wider than on n rows):
 * <pre>{@code
 * Bootstrap.of(n, idx -> {
 *     DistinctRows d = DistinctRows.of(pick(x, idx), pick(y, idx));   // dev.surprisal.continuous
 *     return KraskovMutualInformation.estimate(d.pick(pick(x, idx)), d.pick(pick(y, idx))).nats();
 * })
 * }</pre>
 * Statistics of counts (a plug-in entropy or MI, a mean) are fine with repeats: they are what a resample means.
 *
 * <p>Instances are immutable; configure with the {@code with…} methods, then call {@link #run()}.
 */
public final class Bootstrap {
    /** Default seed, reported in every {@link Interval}. */
    public static final long DEFAULT_SEED = 42L;
    /** Default number of replicates. */
    public static final int DEFAULT_REPLICATES = 2000;
    /** Default confidence level. */
    public static final double DEFAULT_LEVEL = 0.95;
    /**
     * Most rows the project's front ends resample by default ({@code mi}'s pairs, a column's entropy): each replicate
     * holds and re-estimates every row, so time and memory grow with rows × replicates.
     */
    public static final int DEFAULT_MAX_ROWS = 20_000;

    /** How the interval is formed from the replicates. */
    public enum Method {
        /** Percentile interval. */
        PERCENTILE,
        /** Basic (reverse percentile) interval. */
        BASIC,
        /** Bias-corrected and accelerated interval (needs n extra jackknife evaluations). */
        BCA,
        /** Normal interval: the estimate ± z times the replicates' standard deviation. */
        NORMAL
    }

    /**
     * A bootstrap confidence interval.
     *
     * @param estimate   the statistic on the original rows
     * @param lower      lower end of the interval
     * @param upper      upper end of the interval
     * @param level      confidence level, e.g. 0.95
     * @param replicates number of bootstrap replicates B
     * @param seed       the seed that reproduces this result
     * @param method     how the interval was formed
     */
    public record Interval(double estimate, double lower, double upper, double level, int replicates, long seed,
            Method method) {
        /**
         * True when {@code lower ≤ value ≤ upper}.
         *
         * @param value a value of the statistic
         * @return true when {@code lower ≤ value ≤ upper}
         */
        public boolean contains(double value) {
            return lower <= value && value <= upper;
        }
    }

    private final int rows;
    private final ToDoubleFunction<int[]> statistic;
    private final int replicates;
    private final long seed;
    private final double level;
    private final Method method;
    private final ForkJoinPool pool;

    private Bootstrap(int rows, ToDoubleFunction<int[]> statistic, int replicates, long seed, double level,
            Method method, ForkJoinPool pool) {
        this.rows = rows;
        this.statistic = statistic;
        this.replicates = replicates;
        this.seed = seed;
        this.level = level;
        this.method = method;
        this.pool = pool;
    }

    /**
     * A bootstrap of a statistic of {@code rows} rows, with the defaults: {@value #DEFAULT_REPLICATES}
     * replicates, level 0.95, seed {@value #DEFAULT_SEED}, percentile method, replicates run in parallel in
     * the common fork-join pool.
     *
     * @param rows the number of rows n the statistic is computed on, ≥ 2
     * @param statistic the statistic of the rows whose indices it is given (with repeats in a replicate)
     * @return the bootstrap, not yet run
     * @throws IllegalArgumentException if {@code rows < 2}
     */
    public static Bootstrap of(int rows, ToDoubleFunction<int[]> statistic) {
        if (rows < 2) {
            throw new ValidationException("rows: need at least 2 rows to resample, got " + rows);
        }
        return new Bootstrap(rows, Objects.requireNonNull(statistic, "statistic"), DEFAULT_REPLICATES,
                DEFAULT_SEED, DEFAULT_LEVEL, Method.PERCENTILE, null);
    }

    /**
     * Same bootstrap with B replicates (B ≥ 10).
     *
     * @param b the number of replicates B, ≥ 10
     * @return a copy with B replicates
     */
    public Bootstrap withReplicates(int b) {
        if (b < 10) {
            throw new ValidationException("replicates: must be >= 10, got " + b);
        }
        return new Bootstrap(rows, statistic, b, seed, level, method, pool);
    }

    /**
     * Same bootstrap with another seed.
     *
     * @param s the seed of the resampling
     * @return a copy with that seed
     */
    public Bootstrap withSeed(long s) {
        return new Bootstrap(rows, statistic, replicates, s, level, method, pool);
    }

    /**
     * Same bootstrap at confidence level {@code l} in (0, 1).
     *
     * @param l the confidence level, in (0, 1)
     * @return a copy at that level
     */
    public Bootstrap withLevel(double l) {
        if (!(l > 0.0 && l < 1.0)) {
            throw new ValidationException("level: must lie in (0, 1), got " + l);
        }
        return new Bootstrap(rows, statistic, replicates, seed, l, method, pool);
    }

    /**
     * Same bootstrap with another interval method.
     *
     * @param m the interval method
     * @return a copy with that method
     */
    public Bootstrap withMethod(Method m) {
        return new Bootstrap(rows, statistic, replicates, seed, level, Objects.requireNonNull(m, "method"), pool);
    }

    /**
     * Same bootstrap, replicates run in {@code p} (results are identical for every pool).
     *
     * @param p the pool the replicates run in
     * @return a copy that runs there
     */
    public Bootstrap withPool(ForkJoinPool p) {
        return new Bootstrap(rows, statistic, replicates, seed, level, method, Objects.requireNonNull(p, "pool"));
    }

    /**
     * The B replicate values θ*, in replicate order (deterministic for a given seed).
     *
     * @return the B replicate values θ*, in replicate order
     */
    public double[] replicateValues() {
        double[] theta = new double[replicates];
        Runnable work = () -> IntStream.range(0, replicates).parallel().forEach(r -> {
            SplittableRandom random = new SplittableRandom(replicateSeed(seed, r));
            int[] index = new int[rows];
            for (int i = 0; i < rows; i++) {
                index[i] = random.nextInt(rows);
            }
            theta[r] = statistic.applyAsDouble(index);
        });
        if (pool == null) {
            work.run();
        } else {
            pool.submit(work).join();
        }
        for (int r = 0; r < replicates; r++) {
            if (Double.isNaN(theta[r])) {
                throw new IllegalStateException("statistic: returned NaN on bootstrap replicate " + r
                        + " (seed " + seed + ")");
            }
        }
        return theta;
    }

    /**
     * Runs the bootstrap.
     *
     * @return the estimate on the original rows with its interval
     * @throws IllegalStateException if the statistic returns NaN on the original rows or on a replicate
     */
    public Interval run() {
        int[] identity = IntStream.range(0, rows).toArray();
        double estimate = statistic.applyAsDouble(identity);
        if (Double.isNaN(estimate)) {
            throw new IllegalStateException("statistic: returned NaN on the original rows");
        }
        double[] theta = replicateValues();
        Arrays.sort(theta);
        double alpha = 1.0 - level;
        double lower;
        double upper;
        switch (method) {
            case PERCENTILE:
                lower = quantile(theta, alpha / 2);
                upper = quantile(theta, 1 - alpha / 2);
                break;
            case BASIC:
                lower = 2 * estimate - quantile(theta, 1 - alpha / 2);
                upper = 2 * estimate - quantile(theta, alpha / 2);
                break;
            case BCA:
                double[] p = bcaProbabilities(theta, estimate, alpha);
                lower = quantile(theta, p[0]);
                upper = quantile(theta, p[1]);
                break;
            case NORMAL:
                double half = NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - alpha / 2)
                        * standardDeviation(theta);
                lower = estimate - half;
                upper = estimate + half;
                break;
            default:
                throw new AssertionError(method);
        }
        return new Interval(estimate, lower, upper, level, replicates, seed, method);
    }

    private double[] bcaProbabilities(double[] sortedTheta, double estimate, double alpha) {
        NormalDistribution normal = NormalDistribution.of(0, 1);
        double below = 0;
        for (double t : sortedTheta) {
            below += t < estimate ? 1.0 : t == estimate ? 0.5 : 0.0;
        }
        double z0 = normal.inverseCumulativeProbability(below / sortedTheta.length);
        // jackknife acceleration
        double[] jack = new double[rows];
        int[] index = new int[rows - 1];
        for (int leftOut = 0; leftOut < rows; leftOut++) {
            for (int i = 0, k = 0; i < rows; i++) {
                if (i != leftOut) {
                    index[k++] = i;
                }
            }
            jack[leftOut] = statistic.applyAsDouble(index);
        }
        double mean = Arrays.stream(jack).average().orElseThrow();
        double num = 0.0;
        double den = 0.0;
        for (double j : jack) {
            double d = mean - j;
            num += d * d * d;
            den += d * d;
        }
        double a = den == 0.0 ? 0.0 : num / (6.0 * Math.pow(den, 1.5));
        double zl = normal.inverseCumulativeProbability(alpha / 2);
        double zu = normal.inverseCumulativeProbability(1 - alpha / 2);
        if (Double.isInfinite(z0)) {
            // every replicate on one side of the estimate: BCa is undefined, say so rather than return ±∞
            throw new IllegalStateException("BCa: all " + sortedTheta.length
                    + " replicates lie on one side of the estimate; use PERCENTILE or BASIC");
        }
        return new double[] {
            normal.cumulativeProbability(z0 + (z0 + zl) / (1 - a * (z0 + zl))),
            normal.cumulativeProbability(z0 + (z0 + zu) / (1 - a * (z0 + zu)))};
    }

    /** Sample standard deviation (divisor B − 1); infinite when a replicate is. */
    private static double standardDeviation(double[] theta) {
        double mean = Arrays.stream(theta).average().orElseThrow();
        double ss = 0.0;
        for (double t : theta) {
            ss += (t - mean) * (t - mean);
        }
        return Double.isNaN(ss) ? Double.POSITIVE_INFINITY : Math.sqrt(ss / (theta.length - 1));
    }

    /** Empirical quantile of sorted values with linear interpolation (numpy's default, Hyndman–Fan type 7). */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** The seed of replicate r: the r-th output of a SplitMix64 generator started at SplitMix64(seed). */
    static long replicateSeed(long seed, int r) {
        return mix(mix(seed) + (r + 1L) * 0x9e3779b97f4a7c15L);
    }

    /** SplitMix64 finaliser (Steele, Lea and Flood 2014): decorrelates the per-replicate seeds seed + r. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
