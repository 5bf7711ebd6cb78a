// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.selection;

import dev.surprisal.continuous.RossMutualInformation;
import dev.surprisal.core.Base;
import dev.surprisal.knn.PointSet;
import dev.surprisal.core.ValidationException;
import dev.surprisal.dependence.IsotonicRegression;
import dev.surprisal.dependence.MutualInformation;
import dev.surprisal.inference.Bootstrap;
import dev.surprisal.inference.MultipleTesting;
import dev.surprisal.inference.SequentialPermutationTest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ForkJoinTask;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Ranks features by the evidence that they carry information about a target.
 *
 * <p>For each feature f, over the rows where f and the target y both have a value:
 * <ol>
 *   <li><b>MI</b> by the estimator the two kinds call for ({@link MiPair}: KSG1, Ross or plug-in), in nats.</li>
 *   <li><b>Permutation test</b> ({@link SequentialPermutationTest}): y re-paired at random; p-value,
 *       null mean and the null's 95th percentile. kNN pairs above {@link MiOptions#testRows()} rows are
 *       tested on a seeded subsample of that size (a valid test of independence; its null mean is
 *       the estimator's value under independence at that size); plug-in pairs always on every row.</li>
 *   <li><b>Many features</b>: the p-values of the m ranked features are adjusted by Benjamini–Hochberg
 *       ({@link MultipleTesting}; the q-value, {@link RankedFeature#qValue()}), so that at most a share α
 *       of the features marked dependent are expected to be noise (false discovery rate α, as
 *       scikit-learn's {@code SelectFdr}); with p ≤ α per feature, about α·m noise columns would be
 *       marked in every run. Each test may draw up to {@link #permutationCap} permutations, so that the
 *       p-value floor 1/(B + 1) does not block the adjustment; Besag–Clifford stops the clearly null ones
 *       after a few dozen.</li>
 *   <li><b>Rank</b>: features with q ≤ α first, each group by MI above chance = MI of all rows − null mean
 *       ({@link RankedFeature#aboveChance()}: the MI column corrected for the estimator's value under
 *       independence, so the two columns differ by the null mean exactly; for a kNN pair tested on a
 *       subsample the null mean is the subsample's, which for KSG and Ross is close to 0 at any n). A high-cardinality column (an ID read as
 *       labels) has a large plug-in MI with anything, but an equally large null mean, so it ranks
 *       at the bottom. Without a test the ranking is by raw MI, and the verdict says "not tested".</li>
 *   <li><b>Shape</b>, on the test's rows: the MI of y with its isotonic regression on f (the better of the increasing and
 *       decreasing fits; the fit's steps as labels: plug-in for a discrete y, Ross for a continuous
 *       one; for two continuous columns at least −½ ln(1 − r²), r the normal-score correlation). That is the information a monotone
 *       trend carries. The rest, MI − MI_monotone, is non-monotone.</li>
 *   <li><b>Verdict</b> ({@link DependenceVerdict}): no evidence when q &gt; α (p &gt; α for a feature scored alone); otherwise non-monotone
 *       when the rest exceeds both the noise (null 95th percentile − null mean) and half of the MI,
 *       monotone when it is at most half. The noise comes from the test's rows, so at n above the test
 *       rows it over-states the noise of the full-n estimate and the flag errs towards silence.</li>
 * </ol>
 * Every random step derives from {@link MiOptions#seed()} (the permutations also from the feature's name, so
 * that features do not share their shuffles and their false positives do not coincide), so results do not
 * depend on threads.
 */
public final class TargetRanking {
    private TargetRanking() {
    }

    /**
     * Scores every feature against the target and sorts them: estimated ones first, then those with
     * q ≤ α (Benjamini–Hochberg over the features tested), within each group those with an MI estimate
     * ≥ 0 before those below 0, then by MI above chance (by MI without a test), highest first. A column with no evidence
     * therefore never ranks above one with evidence, whatever its raw MI.
     *
     * @param features the candidate features (the target, if present, is skipped)
     * @param target   the target
     * @param options  the options
     * @param progress receives 1 after each feature (may be null); called from several threads
     * @return the ranked features
     * @throws ValidationException if the target is constant or has a different number of rows
     */
    public static List<RankedFeature> rank(List<MiVariable> features, MiVariable target, MiOptions options,
                                           IntConsumer progress) {
        requireVarying(target.name(), target.isConstant());
        List<MiVariable> scored = features.stream()
                .filter(f -> f != target && !f.name().equals(target.name())).toList();
        // features in parallel: each one's estimators are parallel too, but its labels, tables, correlations
        // and monotone fits are not; every random step is seeded per feature, so the order does not matter
        RankedFeature[] out = new RankedFeature[scored.size()];
        int cap = permutationCap(options.permutations(), scored.size(), options.alpha());
        IntStream.range(0, scored.size()).parallel().forEach(i -> {
            out[i] = score(scored.get(i), target, options, cap);
            if (progress != null) {
                progress.accept(1);
            }
        });
        return order(out, options);
    }

    /**
     * The target check of {@link #rank}, for a caller that knows the target by its counts only.
     *
     * @param target   the target's name
     * @param constant whether it has fewer than two distinct values
     * @throws ValidationException when it is constant, with the message {@link #rank} gives
     */
    public static void requireVarying(String target, boolean constant) {
        if (constant) {
            throw new ValidationException("target " + target + ": is constant (or has fewer than two values);"
                    + " no column can carry information about it");
        }
    }

    /**
     * The last steps of {@link #rank} on features scored one by one ({@link #score(MiVariable, MiVariable,
     * MiOptions, int)}, {@link #score(CountedPair, MiOptions, int)}): the Benjamini–Hochberg q-values and the
     * sort of the class comment. Features that tie keep their order in {@code scored}.
     *
     * @param scored  the scored features, in file order
     * @param options the options (α)
     * @return the ranked features
     */
    public static List<RankedFeature> order(RankedFeature[] scored, MiOptions options) {
        RankedFeature[] out = scored.clone();
        double[] p = new double[out.length];
        for (int i = 0; i < out.length; i++) {
            p[i] = out[i].pValue();
        }
        double[] q = MultipleTesting.benjaminiHochberg(p);
        for (int i = 0; i < out.length; i++) {
            if (out[i].test() != null) {
                out[i] = out[i].withQValue(q[i], options.alpha());
            }
        }
        List<RankedFeature> rows = new ArrayList<>(List.of(out));
        rows.sort(Comparator.comparing((RankedFeature r) -> r.skipped() != null)
                .thenComparing(r -> !r.significant(options.alpha()))
                // a kNN estimate below 0 says "no information" (true MI is never negative), whatever the
                // value above chance: it never ranks above a feature with a positive estimate
                .thenComparing(r -> r.mi() < 0)
                .thenComparing(Comparator.comparingDouble(TargetRanking::key).reversed()));
        return rows;
    }

    private static double key(RankedFeature r) {
        double v = r.test() != null ? r.aboveChance() : r.mi();
        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }

    /**
     * Scores one feature.
     *
     * @param f       the feature
     * @param target  the target
     * @param options the options
     * @return the scored feature (with {@code skipped} set when the pair cannot be estimated)
     */
    public static RankedFeature score(MiVariable f, MiVariable target, MiOptions options) {
        return score(f, target, options, options.permutations());
    }

    /**
     * The most permutations a feature's sequential test may draw when m features are ranked at level α:
     * B ({@code --permutations}), raised to ⌈2m/α⌉ − 1 when that is larger, so that a feature no
     * permutation reaches gets p = 1/(cap + 1) ≤ α/(2m) and passes Benjamini–Hochberg at any rank. The
     * test stops after {@link SequentialPermutationTest#DEFAULT_EXCEEDANCES} permutations at or above the
     * observed MI (Besag–Clifford), so only features still in doubt draw more than a few dozen; one
     * feature (m = 1) keeps B.
     *
     * @param permutations B, the cap for one feature (0: no test)
     * @param features     m, the features ranked together
     * @param alpha        the level, the false discovery rate
     * @return the cap of each feature's test, at most {@link SequentialPermutationTest#MAX_PERMUTATIONS}
     */
    public static int permutationCap(int permutations, int features, double alpha) {
        if (permutations <= 0 || features <= 1) {
            return permutations;
        }
        double needed = Math.ceil(2.0 * features / alpha) - 1.0;
        return (int) Math.min(SequentialPermutationTest.MAX_PERMUTATIONS, Math.max(permutations, needed));
    }

    /**
     * Scores one feature of a ranking of m features, whose tests may draw {@code permutations} each
     * ({@link #permutationCap}); {@link #order} then ranks them.
     *
     * @param f            the feature
     * @param target       the target
     * @param options      the options
     * @param permutations the cap of the feature's permutation test
     * @return the scored feature (with {@code skipped} set when the pair cannot be estimated)
     */
    public static RankedFeature score(MiVariable f, MiVariable target, MiOptions options, int permutations) {
        MiPair pair;
        try {
            pair = MiPair.of(f, target, options.k());
        } catch (ValidationException e) {
            return skipped(f, e.getMessage());
        }
        if (pair.isConstant()) {
            return constant(f.name(), pair.constantColumn(), f.kind(), pair.n(), pair.estimator().label());
        }
        try {
            // the test and the shape verdict share their rows: all n, or a seeded subsample of a large kNN pair
            MiPair tested = testedRows(pair, options);
            double mi;
            double r;
            OnTestRows side;
            if (tested == pair) {
                mi = pair.nats();
                r = pair.pearson();
                side = onTestRows(pair, mi, permutations > 0 ? testDraws(pair, f.name(), options, permutations) : null,
                        options);
            } else {
                // the subsample's test does not depend on the estimate of every row: it runs beside it, so that
                // the estimate's one-threaded steps (argsorts, slab index, sums) overlap the test's work; this
                // thread, done with the estimate, then computes draws of the test too instead of waiting in join
                // (a thread outside the pool cannot take the pool's tasks): same draws, same result
                SequentialPermutationTest.Draws draws = permutations > 0 ? testDraws(tested, f.name(), options,
                        permutations) : null;
                ForkJoinTask<OnTestRows> task = ForkJoinTask.adapt(() -> sideOnTestRows(tested, draws, options))
                        .fork();
                try {
                    mi = pair.nats();
                    r = pair.pearson();
                } catch (RuntimeException e) {
                    if (draws != null) {
                        draws.cancel();
                    }
                    task.cancel(false);
                    throw e;
                }
                if (draws != null) {
                    draws.help();
                }
                side = task.join().rethrow();
            }
            SequentialPermutationTest.Result test = side.test();
            double observed = side.observed();
            double[] ci = interval(options, pair.n(), pair::natsResampled, pair.estimator());
            List<String> warnings = withIntervalNote(pair.warnings(), mi, ci, pair.estimator(), options.base());
            warnings = append(warnings, tooFewForKnnResamples(options, pair.n(), pair.estimator()));
            TargetShare.Note share = shareNote(target, pair, mi, test, side.normalScore(), options.base());
            // the share's sentence is kept in targetShare alone (RankedFeature.notes renders it)
            // decided once, kept as a field; the note only words it
            double lowBound = biasedLowBound(observed, side.normalScore(), test, tested.n());
            warnings = append(warnings, biasedLowNote(lowBound, observed, side.normalScore(), tested.n() < pair.n(),
                    options.base()));
            double lower = ci[0];
            double upper = ci[1];
            double rho = pair.spearman();
            DependenceVerdict verdict = verdict(observed, side.mono(), test,
                    test == null ? Double.NaN : test.pValue(), options.alpha());
            return new RankedFeature(f.name(), f.kind(), pair.n(), pair.estimator().label(), mi, lower, upper, test,
                    test == null ? 0 : tested.n(), side.mono(), r, rho, verdict, warnings, null, tested.n(), observed,
                    test == null ? Double.NaN : test.pValue(), share, lowBound);
        } catch (ValidationException e) {
            return skipped(f, e.getMessage());
        }
    }

    /**
     * The permutation test of one feature exactly as {@link #score(MiVariable, MiVariable, MiOptions, int)} runs it
     * (its rows: all n, or the seeded subsample of a large kNN pair; its seed; the cap {@code permutations}), and
     * nothing else of the score: no estimate of every row beside a subsample, no warnings, correlations, monotone
     * MI or notes. For a caller that needs the p-value alone ({@link MiSelection}). The observed MI is
     * {@code knownNats} when the caller estimated it on the pair's own rows (those where both have a value, as
     * {@link MiPair#of} takes them) by the same kNN estimator (a selection's relevance, {@link MiSelection}: KSG1 or
     * Ross, above 0 so not clipped) and the test runs on all of them, else it is estimated here; a plug-in pair is always estimated here, from the table its random tables are drawn with.
     *
     * @param f            the feature
     * @param target       the target
     * @param options      the options (k, test rows, seed)
     * @param permutations the cap of the test, &gt; 0
     * @param knownNats    I(f; target) in nats on the pair's rows, or NaN
     * @return the test, or null when the pair has none (too few rows for k, constant)
     */
    static SequentialPermutationTest.Result test(MiVariable f, MiVariable target, MiOptions options, int permutations,
                                                 double knownNats) {
        try {
            MiPair pair = MiPair.of(f, target, options.k());
            if (pair.isConstant()) {
                return null;
            }
            MiPair tested = testedRows(pair, options);
            boolean known = tested == pair && knownNats > 0
                    && pair.estimator() != dev.surprisal.continuous.MiEstimator.PLUG_IN;
            return SequentialPermutationTest.runNull(known ? knownNats : tested.nats(), tested::natsNull, permutations,
                    SequentialPermutationTest.DEFAULT_EXCEEDANCES, testSeed(options, f.name()));
        } catch (ValidationException e) {
            return null;
        }
    }

    /**
     * What {@link #score(MiVariable, MiVariable, MiOptions, int)} finds on the test's rows: the MI there, the
     * permutation test (null without one) and the monotone MI; or the validation error that stopped it, kept
     * as thrown so that the message does not depend on the thread that ran it.
     */
    private record OnTestRows(double observed, SequentialPermutationTest.Result test, double mono,
                              double normalScore, ValidationException error) {
        OnTestRows rethrow() {
            if (error != null) {
                throw error;
            }
            return this;
        }
    }

    /** {@link #onTestRows} on a subsample, its MI computed first; run beside the full estimate. */
    private static OnTestRows sideOnTestRows(MiPair tested, SequentialPermutationTest.Draws draws, MiOptions options) {
        try {
            return onTestRows(tested, tested.nats(), draws, options);
        } catch (ValidationException e) {
            if (draws != null) {
                draws.cancel(); // no thread computes draws of a test that will not run
            }
            return new OnTestRows(Double.NaN, null, Double.NaN, Double.NaN, e);
        }
    }

    /** The draws of a feature's permutation test on {@code tested}'s rows, with the feature's seed. */
    private static SequentialPermutationTest.Draws testDraws(MiPair tested, String feature, MiOptions options,
                                                             int permutations) {
        return SequentialPermutationTest.draws(tested::natsNull, permutations,
                SequentialPermutationTest.DEFAULT_EXCEEDANCES, testSeed(options, feature));
    }

    /** The permutation test (when {@code draws} is not null) and the monotone MI of the test's rows. */
    private static OnTestRows onTestRows(MiPair tested, double observed, SequentialPermutationTest.Draws draws,
                                         MiOptions options) {
        SequentialPermutationTest.Result test = draws == null ? null : draws.finish(observed);
        double normalScore = tested.normalScore();
        return new OnTestRows(observed, test, monotoneNats(tested, normalScore, options.k()), normalScore, null);
    }

    /**
     * Scores a discrete × discrete feature from its contingency table alone ({@link CountedPair}), as
     * {@link #score(MiVariable, MiVariable, MiOptions, int)} scores the rows the table was counted from:
     * plug-in MI, the permutation test on random tables with the table's margins (the same draws from
     * the same seed), the correlations and the monotone MI from the counts, the verdict by the same rule;
     * the bootstrap, when it applies, resamples the table's cells.
     *
     * @param pair         the feature's table against the target
     * @param options      the options
     * @param permutations the cap of the feature's permutation test ({@link #permutationCap})
     * @return the scored feature, of kind {@code discrete}
     */
    public static RankedFeature score(CountedPair pair, MiOptions options, int permutations) {
        return score(pair, "the target", options, permutations);
    }

    /**
     * {@link #score(CountedPair, MiOptions, int)} whose notes name the target (a feature that determines it,
     * {@link TargetShare}).
     *
     * @param pair         the feature's table against the target
     * @param target       the target's name, for the notes
     * @param options      the options
     * @param permutations the cap of the feature's permutation test ({@link #permutationCap})
     * @return the scored feature, of kind {@code discrete}
     */
    public static RankedFeature score(CountedPair pair, String target, MiOptions options, int permutations) {
        String kind = "discrete";
        if (pair.isConstant()) {
            return constant(pair.feature(), pair.constantColumn(target), kind, pair.n(),
                    dev.surprisal.continuous.MiEstimator.CONSTANT.label());
        }
        double mi = pair.nats();
        SequentialPermutationTest.Result test = null;
        if (permutations > 0) {
            test = SequentialPermutationTest.runNull(mi, pair::natsNull, permutations,
                    SequentialPermutationTest.DEFAULT_EXCEEDANCES, testSeed(options, pair.feature()));
        }
        double[] ci = interval(options, pair.n(), pair::natsResampled, dev.surprisal.continuous.MiEstimator.PLUG_IN);
        List<String> warnings = withIntervalNote(List.of(), mi, ci, dev.surprisal.continuous.MiEstimator.PLUG_IN,
                options.base());
        // the same note as the rows give (shareNote): the exact chance part of the table's margins
        TargetShare.Note share = TargetShare.note(target, mi, pair.table().rowCounts(), pair.table().colCounts(),
                options.base());
        double mono = pair.monotoneNats();
        DependenceVerdict verdict = verdict(mi, mono, test, test == null ? Double.NaN : test.pValue(), options.alpha());
        return new RankedFeature(pair.feature(), kind, pair.n(), dev.surprisal.continuous.MiEstimator.PLUG_IN.label(), mi,
                ci[0], ci[1], test, test == null ? 0 : pair.n(), mono, pair.pearson(), pair.spearman(), verdict,
                warnings, null, pair.n(), mi, share);
    }

    /**
     * How the bootstrap interval of an MI estimate is formed, by estimator. The plug-in MI is biased upward (by
     * about (r − 1)(c − 1)/(2n) nats) and a resample, drawn from the sample as the sample is from the population,
     * is biased upward again by about as much; the percentile interval adds that bias to the estimate's instead of
     * removing it, so it sits too high: a 3 × 3 table of n = 200 rows (true MI 0.4596 nats) covered the truth 276
     * times in 300 at 95%, the basic interval 281 (200 replicates); a 5 × 5 table of 200 rows, more biased: 222 and 278.
     * The kNN estimators (KSG, Ross) re-estimate on the distinct rows of a resample (about 63% of n), whose bias
     * is not the sample's: there the basic interval reflects the wrong offset and covered the truth of
     * correlated normals (ρ = 0.6, n = 200) 163 times in 200, the percentile interval 191, so they keep it.
     *
     * @param estimator the pair's estimator
     * @return {@link Bootstrap.Method#BASIC} for the plug-in MI, {@link Bootstrap.Method#PERCENTILE} for kNN
     */
    public static Bootstrap.Method intervalMethod(dev.surprisal.continuous.MiEstimator estimator) {
        return estimator == dev.surprisal.continuous.MiEstimator.PLUG_IN ? Bootstrap.Method.BASIC
                : Bootstrap.Method.PERCENTILE;
    }

    /**
     * The bootstrap interval of a pair of n rows by {@link #intervalMethod}: {lower, upper, the resamples' own
     * 2.5% and 97.5% quantiles}, or NaNs when the options give it none at n. A basic interval's lower end is
     * kept at or above 0 (the MI is never negative, so the cut cannot lose the truth).
     */
    private static double[] interval(MiOptions options, int n, java.util.function.ToDoubleFunction<int[]> resampled,
                                     dev.surprisal.continuous.MiEstimator estimator) {
        if (options.bootstrap() > 0 && (options.bootstrapForced() || n <= options.bootstrapRows())
                && tooFewForKnnResamples(options, n, estimator) == null) {
            Bootstrap.Method method = intervalMethod(estimator);
            Bootstrap.Interval ci = Bootstrap.of(n, resampled).withMethod(method)
                    .withReplicates(options.bootstrap()).withSeed(options.seed()).withLevel(options.level()).run();
            if (method == Bootstrap.Method.BASIC) {
                // the basic interval is the resamples' quantiles q reflected about the estimate: 2θ̂ − q
                double e = ci.estimate();
                return new double[] {Math.max(0.0, ci.lower()), ci.upper(), 2 * e - ci.upper(), 2 * e - ci.lower()};
            }
            return new double[] {ci.lower(), ci.upper(), ci.lower(), ci.upper()};
        }
        return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
    }

    /**
     * Fewest rows of a kNN pair (KSG, Ross) for a bootstrap interval: a resample keeps its distinct rows (about 63%
     * of n), and the estimator needs more than k of them. At 5 rows (five measurements, continuous since audit16 D1)
     * a resample held 3 and the estimate was NaN, a crash (exit 4); from 20 rows a resample holds 3 or fewer distinct
     * rows with probability below 1e-13.
     */
    public static final int MIN_KNN_BOOTSTRAP_ROWS = 20;

    /**
     * @return the note saying why a kNN pair of {@code n} rows has no bootstrap interval, or null when it has one
     */
    private static String tooFewForKnnResamples(MiOptions options, int n, dev.surprisal.continuous.MiEstimator estimator) {
        if (options.bootstrap() == 0 || estimator == dev.surprisal.continuous.MiEstimator.PLUG_IN
                || n >= MIN_KNN_BOOTSTRAP_ROWS) {
            return null;
        }
        return INTERVAL_NOT_SHOWN + " " + n + " rows, too few for the resamples of a kNN estimate (each keeps"
                + " its distinct rows, about 63% of n, and needs more than k = " + options.k() + "); at least "
                + MIN_KNN_BOOTSTRAP_ROWS + " rows give one";
    }

    /** How the warning about an interval that misses its own estimate begins (the CLI prints it with the verdict). */
    public static final String INTERVAL_NOT_SHOWN = "bootstrap interval not shown:";

    /**
     * The warnings, with a note when the bootstrap interval {@code ci} does not contain the estimate
     * {@code mi}; the interval is then set to NaN in place, so that it is never presented as an interval
     * of the estimate. The note states its numbers in {@code base} and a reason that fits the side the
     * resamples fall on:
     * <ul>
     *   <li>below the estimate: the estimate grows with the number of rows more than it varies with which rows
     *       are drawn, as the kNN estimate of a near-deterministic relation does; each kNN resample keeps its
     *       distinct rows only (about 63% of n);</li>
     *   <li>above it: a resample repeats rows (it holds about 63% of the distinct rows, some several times), which
     *       makes the table of a many-valued column sparser and raises its plug-in MI, itself biased upward.</li>
     * </ul>
     */
    static List<String> withIntervalNote(List<String> warnings, double mi, double[] ci,
                                         dev.surprisal.continuous.MiEstimator estimator, Base base) {
        // the resamples' quantiles (ci[2], ci[3]) decide and are named: the basic interval, their reflection about
        // the estimate, contains the estimate exactly when they do, and lies on the other side when they do not
        if (Double.isNaN(ci[0]) || (mi >= ci[2] && mi <= ci[3])) {
            return warnings;
        }
        boolean below = mi > ci[3];
        String unit = base.unit();
        String note = String.format(java.util.Locale.ROOT, "%s the resamples' interval [%.4g, %.4g] %s lies %s the "
                + "estimate %.4g %s, so it is not an interval of it", INTERVAL_NOT_SHOWN, base.fromNats(ci[2]),
                base.fromNats(ci[3]), unit, below ? "below" : "above", base.fromNats(mi), unit)
                + (below && estimator != dev.surprisal.continuous.MiEstimator.PLUG_IN
                ? ": the estimate grows with the number of rows (a near-deterministic relation; the kNN "
                + "resamples keep their distinct rows, about 63% of them). If the target is an exact function of a "
                + "continuous feature, the true MI is infinite and this value is set by the rows n and the neighbours k"
                : below ? ": the estimate grows with the number of rows more than it varies between resamples"
                : ": a resample repeats rows and holds about 63% of the distinct ones, which makes the table of a"
                + " many-valued column sparser and raises its plug-in MI (the estimate itself is biased upward the"
                + " same way; MI above chance corrects it)");
        ci[0] = Double.NaN;
        ci[1] = Double.NaN;
        return append(warnings, note);
    }

    /**
     * {@link TargetShare#note} of a feature against a discrete target on the pair's rows ({@link TargetShare.Note#NONE}
     * for a continuous target). The chance part: for a plug-in pair the exact expected MI of the two columns' value
     * counts, as the matrix and the counted pairs ({@link #score(CountedPair, String, MiOptions, int)}) take it, so
     * every path gives the same note; for Ross the permutation null mean, or 0 without a test. A continuous target:
     * {@link TargetShare#continuousNote} of the normal-score correlation (NaN, so no note, for a discrete feature).
     */
    private static TargetShare.Note shareNote(MiVariable target, MiPair pair, double mi,
                                              SequentialPermutationTest.Result test, double normalScore, Base base) {
        if (!target.isDiscrete()) {
            return TargetShare.continuousNote(target.name(), normalScore);
        }
        int[] y = MiPair.pick(target.labels, pair.rows());
        if (pair.estimator() == dev.surprisal.continuous.MiEstimator.PLUG_IN) {
            return TargetShare.note(target.name(), mi,
                    dev.surprisal.counts.LabelCounts.of(MiPair.pick(pair.first().labels, pair.rows())),
                    dev.surprisal.counts.LabelCounts.of(y), base);
        }
        return TargetShare.note(target.name(), mi, test != null ? test.nullMean() : 0.0, TargetShare.entropyNats(y),
                pair.n(), base);
    }

    /**
     * Whether a KSG estimate is biased low, decided: the least MI that the normal-score correlation alone implies when
     * the estimate falls below it by more than its noise, NaN otherwise ({@link RankedFeature#biasedLowBound()}).
     * With normal margins the Gaussian joint has the most joint entropy, so I ≥ −½ ln(1 − r²) for r the
     * normal-score correlation ({@link dev.surprisal.dependence.Correlation#normalScore}); the KSG estimator
     * underestimates strong dependence, more the stronger it is (Kraskov, Stögbauer and Grassberger 2004, Fig. 4;
     * Gao, Ver Steeg and Galstyan 2015, "Efficient estimation of mutual information for strongly dependent
     * variables", AISTATS). The bound must exceed the estimate (0 if below) on the same rows by more than
     * {@link #biasedLowNoise}, so sampling noise of a weak pair never raises it. The estimate stays the headline:
     * the test, its null and the interval are of the same estimator, and the bound is stated beside it
     * (docs/mi-estimators.md, "Strong dependence").
     *
     * @param observed    the KSG estimate on the test's rows, nats
     * @param normalScore the normal-score correlation on those rows (NaN: no bound)
     * @param test        the permutation test of those rows, or null
     * @param n           the test's rows
     * @return the bound in nats when the estimate is biased low, else NaN
     */
    static double biasedLowBound(double observed, double normalScore, SequentialPermutationTest.Result test, int n) {
        if (Double.isNaN(normalScore) || Double.isNaN(observed)) {
            return Double.NaN;
        }
        double bound = gaussianMi(normalScore);
        // an estimate below 0 counts as 0: else any negative estimate of a noise column would sit "below" the
        // bound of ~1/(2n) that its sampling correlation gives
        return bound > Math.max(observed, 0.0) + biasedLowNoise(test, n) ? bound : Double.NaN;
    }

    /**
     * The noise an estimate may fall below its Gaussian bound by without being called biased low, in nats: the
     * null's 95th percentile minus its mean when the pair was tested; without a test, the bound of a chance
     * correlation of two standard errors, −½ ln(1 − (2/√n)²) (about 2/n nats), and at least 0.02 nats.
     *
     * @param test the permutation test, or null
     * @param n    the rows the estimate and the correlation were taken on
     * @return the margin in nats, ≥ 0
     */
    static double biasedLowNoise(SequentialPermutationTest.Result test, int n) {
        // without a test, a chance correlation of 2/√n must not read as dependence the estimate missed: at n = 30
        // its bound is 0.07 nats, above the 0.02 floor, which rules at large n
        return test != null ? Math.max(test.noise95(), 0.0) : Math.max(0.02, gaussianMi(2 / Math.sqrt(n)));
    }

    /** How the note on a KSG estimate below the Gaussian lower bound begins. */
    public static final String BIASED_LOW = "MI estimate biased low:";

    /**
     * The note that words the decision {@link #biasedLowBound}: null when the bound is NaN (not biased low).
     *
     * @param bound       the decided bound, nats, or NaN
     * @param observed    the KSG estimate on the test's rows, nats
     * @param normalScore the normal-score correlation r
     * @param subsample   whether those rows are the test's subsample
     * @param base        the unit of the sentence's numbers
     * @return the note beginning with {@link #BIASED_LOW}, or null
     */
    static String biasedLowNote(double bound, double observed, double normalScore, boolean subsample, Base base) {
        if (Double.isNaN(bound)) {
            return null;
        }
        String unit = base.unit();
        if (Double.isInfinite(bound)) {
            // |r| = 1 on normal scores: the ranks agree exactly, so "at least ∞ bits" would be true and useless
            return String.format(java.util.Locale.ROOT, "%s the normal-score correlation is %.4f, so the target is an"
                    + " exact monotone function of this column on these rows and the true MI is infinite; the KSG"
                    + " estimate %.4g %s%s is as high as its neighbours reach at this number of rows: read it as a"
                    + " lower figure, not as the size of the dependence", BIASED_LOW, normalScore,
                    base.fromNats(observed), unit, subsample ? " (on the test's subsample)" : "");
        }
        return String.format(java.util.Locale.ROOT, "%s the KSG estimate %.4g %s%s is below %.4g %s, the least MI that"
                + " the normal-score correlation %.4f implies (-0.5 ln(1 - r^2)); KSG underestimates strong dependence,"
                + " so the true MI is at least %.4g %s: read the MI as a lower figure, not as the size of the"
                + " dependence", BIASED_LOW, base.fromNats(observed), unit, subsample ? " (on the test's subsample)"
                : "", base.fromNats(bound), unit, normalScore, base.fromNats(bound), unit);
    }

    /** {@code warnings} with {@code note} added at the end (unchanged when it is null). */
    private static List<String> append(List<String> warnings, String note) {
        if (note == null) {
            return warnings;
        }
        List<String> out = new ArrayList<>(warnings);
        out.add(note);
        return List.copyOf(out);
    }

    /**
     * The rows a feature's test and shape verdict are computed on, chosen once for {@link #score} and {@link #test}:
     * all n for a plug-in pair (its random tables are cheap), else the seeded subsample of a large kNN pair.
     */
    private static MiPair testedRows(MiPair pair, MiOptions options) {
        return pair.estimator() == dev.surprisal.continuous.MiEstimator.PLUG_IN ? pair
                : pair.subsample(options.testRows(), options.seed());
    }

    // each feature gets its own permutations (seed and name): shared shuffles would make the
    // features' false positives coincide
    private static long testSeed(MiOptions options, String feature) {
        return testSeed(options.seed(), feature);
    }

    /** The seed of one feature's (or pair's, or column's) permutations: the run's seed mixed with its name. */
    static long testSeed(long seed, String feature) {
        return seed + 0x9E3779B97F4A7C15L * (feature.hashCode() + 1L);
    }

    /** A feature scored against a constant: {@code constantColumn} is the feature or the target, whichever it is. */
    private static RankedFeature constant(String name, String constantColumn, String kind, int n, String estimator) {
        return new RankedFeature(name, kind, n, estimator, 0.0, Double.NaN, Double.NaN, null, 0, Double.NaN,
                Double.NaN, Double.NaN, DependenceVerdict.NO_EVIDENCE,
                List.of("column " + constantColumn + " is constant on these rows: it carries no information, MI = 0"),
                null, n, 0.0, TargetShare.Note.NONE);
    }

    /** The verdict rule of the class comment, on the p-value or, in a ranking, the q-value {@code pOrQ}. */
    static DependenceVerdict verdict(double mi, double mono, SequentialPermutationTest.Result test, double pOrQ,
                                     double alpha) {
        if (test == null) {
            return DependenceVerdict.NOT_TESTED;
        }
        if (!(pOrQ <= alpha)) {
            return DependenceVerdict.NO_EVIDENCE;
        }
        if (Double.isNaN(mono)) {
            return DependenceVerdict.DEPENDENT;
        }
        double rest = mi - mono;
        return rest > test.noise95() && rest > 0.5 * mi ? DependenceVerdict.NON_MONOTONE : DependenceVerdict.MONOTONE;
    }

    /**
     * The information a monotone trend of the feature carries about the target, in nats (see the
     * class comment); NaN when either column is not numeric.
     *
     * @param pair        feature first, target second
     * @param normalScore normal-score correlation of the pair (NaN if undefined or a member is discrete): the
     *                    Gaussian bound −½ ln(1 − r²) holds on that scale for any margins, not on Pearson's r of
     *                    the raw values (a skewed target, y = x² + noise, gave a raw-r value above the MI)
     * @param k           neighbours of the Ross estimator for a continuous target
     * @return the monotone information in nats
     */
    static double monotoneNats(MiPair pair, double normalScore, int k) {
        MiVariable f = pair.first();
        MiVariable y = pair.second();
        if (!f.isNumeric() || !y.isNumeric()) {
            return Double.NaN;
        }
        int[] rows = pair.rows();
        double[] x = MiPair.pick(f.raw, rows);
        double[] t = MiPair.pick(y.raw, rows);
        double best = 0.0;
        for (IsotonicRegression.Fit fit : IsotonicRegression.bothDirections(x, t)) {
            int[] steps = fit.block();
            double v;
            if (y.isDiscrete()) {
                v = MutualInformation.of(MiPair.pick(y.labels, rows), steps, Base.NATS);
            } else if (passesThroughEveryRow(fit.fitted(), t)) {
                // one step per row: the fit passes through every point, so the trend reproduces the continuous
                // target exactly (a unit conversion, a copy); its information is the target's, +∞ as for |r| = 1
                // below. Ross needs repeated steps and would refuse, which hid exactly these columns (audit12)
                v = Double.POSITIVE_INFINITY;
            } else {
                v = RossMutualInformation.nats(PointSet.ofValues("c", MiPair.pick(y.scaled, rows)), steps, k);
            }
            best = Math.max(best, v);
        }
        if (!f.isDiscrete() && !y.isDiscrete() && !Double.isNaN(normalScore)) {
            best = Math.max(best, gaussianMi(normalScore));
        }
        return best;
    }

    /**
     * Whether an isotonic fit reproduces the target on every row: ties of the feature with equal targets
     * (rounded prices converted exactly) pool into one step and still pass, where counting one step per row
     * would not (review12c).
     */
    private static boolean passesThroughEveryRow(double[] fitted, double[] t) {
        for (int i = 0; i < t.length; i++) {
            // a step's mean of k equal targets can round by an ulp or two ((y + y + y) / 3)
            if (Math.abs(fitted[i] - t[i]) > 4 * Math.ulp(t[i])) {
                return false;
            }
        }
        return true;
    }

    /** −½ ln(1 − r²), nats: the MI of a bivariate Gaussian with correlation r (+∞ for |r| = 1). */
    static double gaussianMi(double r) {
        return -0.5 * Math.log1p(-r * r);
    }

    private static RankedFeature skipped(MiVariable f, String why) {
        return new RankedFeature(f.name(), f.kind(), 0, "-", Double.NaN, Double.NaN, Double.NaN, null, 0, Double.NaN,
                Double.NaN, Double.NaN, DependenceVerdict.NOT_TESTED, List.of(), why, 0, Double.NaN,
                TargetShare.Note.NONE);
    }
}
