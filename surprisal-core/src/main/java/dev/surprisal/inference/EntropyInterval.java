// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.inference;

import dev.surprisal.core.Base;
import dev.surprisal.core.ValidationException;
import dev.surprisal.continuous.spacing.SpacingEntropy;
import dev.surprisal.counts.Counts;
import dev.surprisal.estimators.EntropyEstimator;
import dev.surprisal.measures.Entropy;

import java.util.Locale;

/**
 * A 95% bootstrap interval of an entropy estimate, by the {@link Bootstrap} of the rows, the interval type chosen
 * per estimator by a coverage simulation (400 samples each, 1,000 resamples; table in {@code docs/mi-estimators.md}):
 * <ul>
 *   <li>plug-in entropy of counts: {@link Bootstrap.Method#BASIC}. The plug-in value is biased low (by about
 *       (K − 1)/(2n) nats) and a resample, drawn from the sample as the sample is from the law, is biased low again
 *       by about as much: the percentile interval adds the bias instead of removing it (a 50-value Zipf law at
 *       n = 200: percentile 18% coverage, basic 91%);</li>
 *   <li>Miller–Madow: {@link Bootstrap.Method#NORMAL} (estimate ± 1.96 s): its bias is already corrected, so the
 *       basic interval corrects it twice (Zipf 50, n = 200: 77%) and the percentile interval keeps the resamples'
 *       (56%); the normal interval covered 92–96% at n ≥ 200;</li>
 *   <li>Vasicek's differential entropy: {@link Bootstrap.Method#BASIC}. A resample repeats about 37% of the values,
 *       and a repeated value makes its spacings zero, so the resamples' estimates sit low; the basic interval
 *       reflects that offset (normal law, n = 200: basic 90%, percentile 51%; at n = 200 and 1,000 the basic interval covered 90–95%).</li>
 * </ul>
 * Where an interval is given it still covers a little less than its 95% in places ({@link #coverage(String)}).
 * <p>No interval is given (a {@link #withheld()} reason instead) where the simulation found coverage far below 95%:
 * <ul>
 *   <li>counts where more than {@value #MAX_SINGLETON_SHARE} of the values were seen only once: a resample cannot
 *       show the values the sample missed (Good–Turing: the share of singletons estimates their probability), so
 *       the bias it measures is too small (Zipf 50 at n = 50: basic 68%; the rule withheld 398 of those 400 samples
 *       and none of the other laws' at n ≥ 200);</li>
 *   <li>the spacing estimator on fewer than {@value #MIN_SPACING_VALUES} values (normal law at n = 50: 85%);</li>
 *   <li>an end that is not finite: the values repeat so much that the resamples' spacings are zero (estimate −∞);</li>
 *   <li>more than {@value #MAX_ROWS} rows: each resample holds every row again (an {@code int} or {@code double}
 *       per row per worker), so memory and time grow as rows × resamples.</li>
 * </ul>
 * Other entropy estimators (Chao–Shen, Grassberger, James–Stein, NSB) have not been checked and are refused.
 *
 * @param interval   the interval, null when withheld
 * @param withheld   why there is no interval, null when there is one
 * @param replicates the resamples asked for
 * @param seed       the resampling seed
 */
public record EntropyInterval(Bootstrap.Interval interval, String withheld, int replicates, long seed) {
    /** Largest share of values seen once for which the counts get an interval. */
    public static final double MAX_SINGLETON_SHARE = 0.1;
    /** Fewest values for which the spacing estimator gets an interval. */
    public static final int MIN_SPACING_VALUES = 200;
    /**
     * Most rows (or values) resampled: above, the interval is withheld. {@code --bootstrap} is always asked for
     * explicitly here, so this is a memory bound (40–80 MB a resample array), not {@code mi}'s default of
     * {@link Bootstrap#DEFAULT_MAX_ROWS}, which an explicit {@code --bootstrap} lifts there too.
     */
    public static final int MAX_ROWS = 10_000_000;
    /** Confidence level of every entropy interval. */
    public static final double LEVEL = 0.95;

    /**
     * An interval, or the reason there is none: never both, never neither.
     *
     * @param interval   the interval, null when withheld
     * @param withheld   why there is no interval, null when there is one
     * @param replicates the resamples asked for
     * @param seed       the resampling seed
     */
    public EntropyInterval {
        if ((interval == null) == (withheld == null)) {
            throw new IllegalArgumentException("exactly one of interval and withheld");
        }
    }

    /**
     * True when there is an interval.
     *
     * @return true when {@link #interval()} is not null
     */
    public boolean shown() {
        return interval != null;
    }

    /**
     * The interval's method in words, e.g. {@code "basic"}.
     *
     * @return the lower-case name of the interval method, or null when withheld
     */
    public String method() {
        return interval == null ? null : interval.method().name().toLowerCase(Locale.ROOT);
    }

    /**
     * How an entropy estimator's interval is formed (the class comment gives the coverage behind each choice).
     *
     * @param estimator the estimator's name: {@code plug-in}, {@code miller-madow} or {@code vasicek}
     * @return the interval method
     * @throws ValidationException for an estimator whose interval has not been checked
     */
    public static Bootstrap.Method method(String estimator) {
        return Calibrated.of(estimator).method;
    }

    /**
     * How often, in the coverage simulation ({@code docs/mi-estimators.md}), the estimator's interval held the true
     * entropy where it was given: the lowest and highest share over the laws and sizes simulated, rounded outwards,
     * e.g. {@code "90-97%"}. Front ends state it beside the interval, since it is not exactly 95%.
     *
     * @param estimator the estimator's name: {@code plug-in}, {@code miller-madow} or {@code vasicek}
     * @return the simulated coverage range, in percent
     * @throws ValidationException for an estimator whose interval has not been checked
     */
    public static String coverage(String estimator) {
        return Calibrated.of(estimator).coverage;
    }

    /** The estimators whose intervals were simulated: the interval chosen and its coverage where given. */
    private enum Calibrated {
        // 5 values n = 50: 90.2%, n = 1,000: 96.5%; Zipf 50 at n = 200: 90.8%
        PLUG_IN("plug-in", Bootstrap.Method.BASIC, "90-97%"),
        // Zipf 50 at n = 200: 91.8%; 5 values at n = 200: 96.2%
        MILLER_MADOW("miller-madow", Bootstrap.Method.NORMAL, "92-96%"),
        // normal at n = 200 and 1,000: 90.2%; exponential at n = 1,000: 94.5%
        VASICEK("vasicek", Bootstrap.Method.BASIC, "90-95%");

        private final String estimator;
        private final Bootstrap.Method method;
        private final String coverage;

        Calibrated(String estimator, Bootstrap.Method method, String coverage) {
            this.estimator = estimator;
            this.method = method;
            this.coverage = coverage;
        }

        static Calibrated of(String estimator) {
            for (Calibrated c : values()) {
                if (c.estimator.equals(estimator)) {
                    return c;
                }
            }
            throw new ValidationException("bootstrap: intervals are calibrated for the plug-in and miller-madow"
                    + " estimators (and Vasicek's for a continuous column), not " + estimator
                    + "; use one of those or leave out the interval");
        }
    }

    /**
     * The interval of the entropy of counts, each count cᵢ standing for cᵢ rows of value i: resamples draw n rows
     * with replacement and recount them. It depends on the counts only, not on their order: the same counts listed
     * in any order give the same interval for the same seed.
     *
     * @param counts     the counts (withheld above {@value #MAX_ROWS} rows)
     * @param estimator  the estimator, null for the plug-in entropy
     * @param base       the unit
     * @param replicates the number of resamples, ≥ 10
     * @param seed       the resampling seed
     * @return the interval, or why there is none
     * @throws ValidationException for an estimator other than plug-in or Miller–Madow
     */
    public static EntropyInterval ofCounts(Counts counts, EntropyEstimator estimator, Base base, int replicates,
                                           long seed) {
        return ofCounts(counts, estimator, base, replicates, seed,
                method(estimator == null ? "plug-in" : estimator.name()));
    }

    /** {@link #ofCounts(Counts, EntropyEstimator, Base, int, long)} with another method (the coverage tests'). */
    static EntropyInterval ofCounts(Counts counts, EntropyEstimator estimator, Base base, int replicates, long seed,
                                    Bootstrap.Method method) {
        String name = estimator == null ? "plug-in" : estimator.name();
        long n = counts.total();
        long once = counts.frequencyOf(1);
        if (n > 0 && once > MAX_SINGLETON_SHARE * n) {
            return withheld(String.format(Locale.ROOT, "%,d of the %,d values were seen only once,"
                    + " so about %.0f%% of the probability lies on values the sample missed (Good-Turing), which no"
                    + " resample can show: a bootstrap interval would sit too low and cover less than its 95%%"
                    + " (a 50-value law at n = 50: 68%%). More rows give an interval", once, n, 100.0 * once / n), replicates, seed);
        }
        if (n < 2) {
            return withheld("a single value cannot be resampled", replicates, seed);
        }
        if (n > MAX_ROWS) {
            return tooMany(n, replicates, seed);
        }
        // the counts largest first: values of equal count are interchangeable, so the resamples (and the interval)
        // depend on the counts alone, not on the order an engine listed its values in (DuckDB's groups, Spark's
        // partitions): the same seed gives the same numbers on either engine
        long[] sorted = new long[counts.size()];
        for (int v = 0; v < sorted.length; v++) {
            sorted[v] = -counts.get(v);
        }
        java.util.Arrays.sort(sorted);
        int[] label = new int[(int) n];
        int k = sorted.length;
        for (int v = 0, at = 0; v < k; v++) {
            for (long c = -sorted[v]; c > 0; c--) {
                label[at++] = v;
            }
        }
        EntropyInterval r = checked(Bootstrap.of((int) n, idx -> {
            long[] tally = new long[k];
            for (int i : idx) {
                tally[label[i]]++;
            }
            Counts c = Counts.of(tally);
            return estimator == null || name.equals("plug-in") ? Entropy.of(c, base) : estimator.entropy(c, base);
        }), method, replicates, seed, null);
        Bootstrap.Interval ci = r.interval();
        // an entropy of counts is never negative, so cutting the lower end at 0 cannot lose the truth
        return ci == null || ci.lower() >= 0 ? r : new EntropyInterval(new Bootstrap.Interval(ci.estimate(), 0.0,
                ci.upper(), ci.level(), ci.replicates(), ci.seed(), ci.method()), null, replicates, seed);
    }

    /**
     * The interval of Vasicek's differential entropy of a sample (window ⌊√n + 0.5⌋ on every resample, as
     * {@link SpacingEntropy#estimate(double[], SpacingEntropy.Method, Base)}). It depends on the values only, not
     * on their order: the same values in any order give the same interval for the same seed.
     *
     * @param sample     the values, finite (withheld above {@value #MAX_ROWS})
     * @param base       the unit
     * @param replicates the number of resamples, ≥ 10
     * @param seed       the resampling seed
     * @return the interval, or why there is none
     */
    public static EntropyInterval ofSpacings(double[] sample, Base base, int replicates, long seed) {
        return ofSpacings(sample, base, replicates, seed, method("vasicek"));
    }

    /** {@link #ofSpacings(double[], Base, int, long)} with another method (the coverage tests'). */
    static EntropyInterval ofSpacings(double[] sample, Base base, int replicates, long seed, Bootstrap.Method method) {
        if (sample.length > MAX_ROWS) {
            return tooMany(sample.length, replicates, seed);
        }
        if (sample.length < MIN_SPACING_VALUES) {
            return withheld(String.format(Locale.ROOT, "below %d values the spacing estimator's"
                    + " bootstrap intervals cover less than their 95%% (a normal law at n = 50: 85%%); %d values"
                    + " here", MIN_SPACING_VALUES, sample.length), replicates, seed);
        }
        // sorted: the resamples (and the interval) depend on the values alone, not on the order an engine gathered
        // them in, so the same seed gives the same numbers on either engine
        double[] values = sample.clone();
        java.util.Arrays.sort(values);
        return checked(Bootstrap.of(values.length, idx -> {
            double[] x = new double[idx.length];
            for (int i = 0; i < idx.length; i++) {
                x[i] = values[idx[i]];
            }
            try {
                return SpacingEntropy.estimate(x, SpacingEntropy.Method.VASICEK, base);
            } catch (ValidationException e) {
                return Double.NEGATIVE_INFINITY; // a zero spacing: the estimate is -infinity
            }
        }), method, replicates, seed, "the values repeat so much that resamples find zero spacings (estimate"
                + " -infinity), so the interval has no finite end; give the column the discrete role or --bins N");
    }

    private static EntropyInterval tooMany(long n, int replicates, long seed) {
        return withheld(String.format(Locale.ROOT, "no bootstrap interval above %,d rows (each of the %,d resamples"
                + " holds every row again); %,d rows here", MAX_ROWS, replicates, n), replicates, seed);
    }

    private static EntropyInterval withheld(String reason, int replicates, long seed) {
        return new EntropyInterval(null, reason, replicates, seed);
    }

    private static EntropyInterval checked(Bootstrap bootstrap, Bootstrap.Method method, int replicates, long seed,
                                           String infinite) {
        Bootstrap.Interval ci = bootstrap.withMethod(method).withReplicates(replicates).withSeed(seed)
                .withLevel(LEVEL).run();
        if (!Double.isFinite(ci.lower()) || !Double.isFinite(ci.upper())) {
            return withheld(infinite == null ? "the interval has no finite end" : infinite, replicates, seed);
        }
        return new EntropyInterval(ci, null, replicates, seed);
    }
}
