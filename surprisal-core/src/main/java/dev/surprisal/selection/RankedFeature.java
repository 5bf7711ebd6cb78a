// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.selection;

import dev.surprisal.inference.SequentialPermutationTest;

import java.util.List;

/**
 * One feature of a {@link TargetRanking}; every information value in nats, NaN where not computed.
 *
 * @param feature       the feature's name
 * @param kind          how the estimator treats the feature: "continuous" (by distances) or "discrete" (counted by
 *                      value); not the column's role: a text or boolean column whose role is {@code categorical}
 *                      (the CLI's "columns" preamble, {@code ColumnRole}) is counted by value, so its kind is
 *                      "discrete", as is a binary or discrete numeric column's (audit16 D4)
 * @param n             rows where the feature and the target both have a value
 * @param estimator     KSG1, Ross or plug-in (see {@link MiPair})
 * @param mi            the MI estimate on those n rows
 * @param lower         lower end of the bootstrap interval
 * @param upper         upper end of the bootstrap interval
 * @param test          the permutation test, or null when none was run
 * @param testRows      rows of the test (n, or a seeded subsample for kNN pairs above the limit)
 * @param miMonotone    MI of the target with its isotonic regression on the feature (the best of the
 *                      increasing and the decreasing fit), and for two continuous columns at least
 *                      −½ ln(1 − r²), on the shape rows; NaN when a column is not numeric
 * @param pearson       Pearson r, NaN when not defined
 * @param spearman      Spearman ρ, NaN when not defined
 * @param verdict       what the evidence supports
 * @param warnings      the estimator's warnings (ties, labels seen once) and the interval's note, without the
 *                      target-share note ({@link #notes} adds it)
 * @param skipped       why no estimate was made, or null
 * @param shapeRows     rows of the shape verdict (those of the test: n, or the seeded subsample of a large kNN pair)
 * @param shapeMi       the MI on those rows (equal to {@code mi} when they are all n rows); the test's observed value
 * @param qValue        the p-value adjusted for testing every feature of the ranking (Benjamini–Hochberg; see
 *                      {@link TargetRanking#rank}); equal to the p-value for one feature scored alone, NaN
 *                      without a test. The mark, {@link #significant} and the verdict use it.
 * @param targetShare   whether the feature (nearly) determines a discrete target, with the sentence of its note
 *                      (kept here only, not among the warnings; {@link #notes} renders both);
 *                      {@link TargetShare.Note#NONE} otherwise, never null
 * @param biasedLowBound the least MI, in nats, that the normal-score correlation r of the shape rows implies
 *                      (−½ ln(1 − r²)) when it exceeds the KSG estimate there by more than the estimate's noise: the
 *                      estimate is then biased low ({@link #biasedLow()}, decided by {@link TargetRanking}, whose
 *                      note {@link TargetRanking#BIASED_LOW} among the warnings is rendered from this value); NaN
 *                      when the estimate is not below it beyond noise or the bound does not apply
 */
public record RankedFeature(String feature, String kind, int n, String estimator, double mi, double lower,
                            double upper, SequentialPermutationTest.Result test, int testRows, double miMonotone,
                            double pearson, double spearman, DependenceVerdict verdict, List<String> warnings,
                            String skipped, int shapeRows, double shapeMi, double qValue,
                            TargetShare.Note targetShare, double biasedLowBound) {
    /**
     * A feature scored alone: its q-value is its p-value (one test, nothing to adjust), and its estimate not biased
     * low ({@code biasedLowBound} NaN).
     *
     * @param feature    the feature's name
     * @param kind       "continuous" or "discrete"
     * @param n          rows where the feature and the target both have a value
     * @param estimator  KSG1, Ross or plug-in
     * @param mi         the MI estimate, nats
     * @param lower      lower end of the bootstrap interval, nats
     * @param upper      upper end of the bootstrap interval, nats
     * @param test       the permutation test, or null
     * @param testRows   rows of the test
     * @param miMonotone monotone MI, nats
     * @param pearson    Pearson r
     * @param spearman   Spearman ρ
     * @param verdict    what the evidence supports
     * @param warnings   the estimator's warnings
     * @param skipped    why no estimate was made, or null
     * @param shapeRows  rows of the shape verdict
     * @param shapeMi    the MI on those rows, nats
     * @param targetShare whether it (nearly) determines a discrete target ({@link TargetShare.Note#NONE} if not)
     */
    public RankedFeature(String feature, String kind, int n, String estimator, double mi, double lower,
                         double upper, SequentialPermutationTest.Result test, int testRows, double miMonotone,
                         double pearson, double spearman, DependenceVerdict verdict, List<String> warnings,
                         String skipped, int shapeRows, double shapeMi, TargetShare.Note targetShare) {
        this(feature, kind, n, estimator, mi, lower, upper, test, testRows, miMonotone, pearson, spearman, verdict,
                warnings, skipped, shapeRows, shapeMi, test == null ? Double.NaN : test.pValue(), targetShare,
                Double.NaN);
    }

    /**
     * A feature scored alone that determines no discrete target ({@link TargetShare.Note#NONE}), its estimate not
     * biased low.
     *
     * @param feature    the feature's name
     * @param kind       "continuous" or "discrete"
     * @param n          rows where the feature and the target both have a value
     * @param estimator  KSG1, Ross or plug-in
     * @param mi         the MI estimate, nats
     * @param lower      lower end of the bootstrap interval, nats
     * @param upper      upper end of the bootstrap interval, nats
     * @param test       the permutation test, or null
     * @param testRows   rows of the test
     * @param miMonotone monotone MI, nats
     * @param pearson    Pearson r
     * @param spearman   Spearman ρ
     * @param verdict    what the evidence supports
     * @param warnings   the estimator's warnings
     * @param skipped    why no estimate was made, or null
     * @param shapeRows  rows of the shape verdict
     * @param shapeMi    the MI on those rows, nats
     */
    public RankedFeature(String feature, String kind, int n, String estimator, double mi, double lower,
                         double upper, SequentialPermutationTest.Result test, int testRows, double miMonotone,
                         double pearson, double spearman, DependenceVerdict verdict, List<String> warnings,
                         String skipped, int shapeRows, double shapeMi) {
        this(feature, kind, n, estimator, mi, lower, upper, test, testRows, miMonotone, pearson, spearman, verdict,
                warnings, skipped, shapeRows, shapeMi, TargetShare.Note.NONE);
    }

    /**
     * Whether the MI estimate is biased low: the Gaussian bound of the normal-score correlation exceeds it by more
     * than its noise ({@link #biasedLowBound}), as KSG underestimates strong dependence. The decision is this field,
     * made once where the feature is scored; the note among the warnings only words it.
     *
     * @return true when {@link #biasedLowBound()} is a number
     */
    public boolean biasedLow() {
        return !Double.isNaN(biasedLowBound);
    }

    /**
     * What a report prints of this feature: its warnings, then the sentence of {@link #targetShare} when it has one.
     * The sentence is stored once, in the note; this is the one place that renders it beside the warnings.
     *
     * @return the warnings followed by the target-share sentence, if any
     */
    public List<String> notes() {
        String share = targetShare.sentence();
        if (share == null) {
            return warnings;
        }
        List<String> out = new java.util.ArrayList<>(warnings);
        out.add(share);
        return List.copyOf(out);
    }

    /**
     * This feature with its p-value adjusted for the other features tested with it, and its verdict
     * decided again on the adjusted value.
     *
     * @param q     the adjusted p-value, at least the p-value
     * @param alpha the level the verdict is decided at
     * @return the feature with {@code qValue} = q and the verdict on q
     */
    public RankedFeature withQValue(double q, double alpha) {
        DependenceVerdict v = test == null ? verdict : TargetRanking.verdict(shapeMi, miMonotone, test, q, alpha);
        return new RankedFeature(feature, kind, n, estimator, mi, lower, upper, test, testRows, miMonotone, pearson,
                spearman, v, warnings, skipped, shapeRows, shapeMi, q, targetShare, biasedLowBound);
    }
    /**
     * MI above chance, in nats: the MI of all n rows minus the mean of the permutation null
     * ({@code mi − nullMean}); NaN without a test. It is the MI corrected for what the estimator gives
     * on independent columns, so it is coherent with the MI column: the two differ by the null mean
     * exactly (for a plug-in MI, about (r − 1)(c − 1)/(2n) nats; for the kNN estimators close to 0).
     *
     * <p>A kNN pair above {@link MiOptions#testRows()} rows draws its null on the test's seeded
     * subsample, so the null mean subtracted is the one measured there. For KSG and Ross the value
     * under independence is close to 0 at any n (at most 0.0011 nats, within about two Monte-Carlo
     * standard errors of 0, at 20,000 and 200,000 rows: bench/mi/NullMeans.java, docs/benchmarks.md), so
     * that stands for the null mean at n up to the Monte-Carlo error of the test.
     * The subsample's own MI ({@link #shapeMi()}) is not used here: it is a noisier estimate (fewer
     * rows), and "MI on the subsample minus its null mean" could exceed the MI of all rows several times
     * over (a noise column with 0.0003 bits on 10⁶ rows showed 0.0104 bits above chance). The p-value
     * still comes from the subsample, so a weak pair can be significant there and show a value at or
     * below 0 on all rows; {@link #withinChanceOnAllRows} says when.
     *
     * @return MI of all rows minus the permutation-null mean, nats; NaN without a test
     */
    public double aboveChance() {
        return test == null ? Double.NaN : mi - test.nullMean();
    }

    /**
     * Whether the test found evidence (q ≤ α) on a subsample while the MI of all rows is not above the
     * null mean: the dependence, if any, is too weak for the estimate on every row to show it.
     *
     * @param alpha the level of the mark
     * @return true if significant, tested on fewer than n rows, and {@link #aboveChance()} ≤ 0
     */
    public boolean withinChanceOnAllRows(double alpha) {
        return significant(alpha) && testRows < n && !(aboveChance() > 0);
    }

    /**
     * The permutation p-value, NaN without a test.
     *
     * @return p in (0, 1], or NaN
     */
    public double pValue() {
        return test == null ? Double.NaN : test.pValue();
    }

    /**
     * MI not carried by the monotone fit, on the shape rows: shapeMi − miMonotone (NaN when not assessed).
     *
     * @return the difference in nats, or NaN
     */
    public double beyondMonotone() {
        return shapeMi - miMonotone;
    }

    /**
     * Whether the flag "non-monotone dependence" is raised.
     *
     * @return true if the verdict is {@link DependenceVerdict#NON_MONOTONE}
     */
    public boolean nonMonotone() {
        return verdict == DependenceVerdict.NON_MONOTONE;
    }

    /**
     * The feature's numbers with their units: every information value in nats ({@code mi=2.9756 nats}), p and q
     * unitless, then the verdict, the note on the target, and the MI the estimate is biased low against, if any.
     *
     * @return one line, for logs and debuggers
     */
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "RankedFeature[feature=%s, kind=%s, n=%d, estimator=%s,"
                + " mi=%.4f nats, ci=[%.4f, %.4f] nats, aboveChance=%.4f nats, p=%.4g, q=%.4g, miMonotone=%.4f nats,"
                + " pearson=%.4f, spearman=%.4f, verdict=%s, targetShare=%s%s%s]", feature, kind, n, estimator, mi,
                lower, upper, aboveChance(), pValue(), qValue, miMonotone, pearson, spearman, verdict.label(),
                targetShare.flag().label(), biasedLow() ? String.format(java.util.Locale.ROOT,
                        ", biasedLowBound=%.4f nats", biasedLowBound) : "", skipped == null ? "" : ", skipped=" + skipped);
    }

    /**
     * How this feature's bootstrap interval is formed ({@link TargetRanking#intervalMethod}): basic for a
     * plug-in estimate, percentile for a kNN one (and for a constant column, which has no interval).
     *
     * @return {@code "basic"} or {@code "percentile"}
     */
    public String intervalMethod() {
        // the one rule, TargetRanking.intervalMethod, read from the estimator this feature stores by its label
        dev.surprisal.continuous.MiEstimator e = java.util.Arrays.stream(dev.surprisal.continuous.MiEstimator.values())
                .filter(m -> m.label().equals(estimator)).findFirst().orElse(dev.surprisal.continuous.MiEstimator.KSG1);
        return TargetRanking.intervalMethod(e).name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Whether the adjusted p-value (the q-value: Benjamini–Hochberg over the ranked features, the
     * p-value for a feature scored alone) is at most α: what the mark and the verdict say.
     *
     * @param alpha the level (the false discovery rate for a ranking)
     * @return true if the q-value is at most {@code alpha} (false without a test)
     */
    public boolean significant(double alpha) {
        return test != null && qValue <= alpha;
    }
}
