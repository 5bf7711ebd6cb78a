// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.selection;

import dev.surprisal.continuous.KnnEstimate;
import dev.surprisal.continuous.MiEstimator;
import dev.surprisal.continuous.KraskovMutualInformation;
import dev.surprisal.continuous.RossMutualInformation;
import dev.surprisal.core.Base;
import dev.surprisal.core.ValidationException;
import dev.surprisal.dependence.Correlation;
import dev.surprisal.counts.ContingencyTable;
import dev.surprisal.counts.LabelCounts;
import dev.surprisal.counts.SparseContingencyTable;
import dev.surprisal.dependence.MutualInformation;
import dev.surprisal.inference.PermutationTest;
import dev.surprisal.knn.PointSet;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The mutual information of two {@link MiVariable}s over the rows where both have a value, in nats,
 * with the estimator chosen by the column kinds ({@link MiEstimator}, the one place of that choice):
 * <ul>
 *   <li>continuous–continuous: KSG algorithm 1 (Kraskov, Stögbauer, Grassberger 2004, "Estimating
 *       mutual information", Phys. Rev. E 69, 066138) with k neighbours;</li>
 *   <li>continuous–discrete: Ross (2014), "Mutual information between discrete and continuous data
 *       sets", PLoS ONE 9(2): e87357, as scikit-learn's {@code mutual_info_classif};</li>
 *   <li>discrete–discrete: the plug-in MI of the contingency table.</li>
 * </ul>
 * Estimates are not clipped at 0: for independent columns a kNN estimate scatters around 0, and the
 * permutation null shows how far. The same pair can be re-estimated with the second column
 * re-paired ({@link #natsPaired}, for permutation tests) or with resampled rows
 * ({@link #natsResampled}, for the bootstrap).
 */
public final class MiPair {
    private final MiVariable a;
    private final MiVariable b;
    private final MiEstimator estimator;
    private final int k;
    private final int[] rows;
    private final double[] ca;
    private final double[] cb;
    private final int[] la;
    private final int[] lb;
    private volatile KraskovMutualInformation.Prepared prepared;
    private volatile ContingencyTable table;
    private volatile boolean sparse;
    private final List<String> warnings = new ArrayList<>();

    /**
     * Share of its rows whose value repeats an earlier row's from which a continuous column is named as one to read
     * as discrete: a count with 31 values on 10,000 rows repeats on 99.7%, a price with two decimals on a few percent.
     */
    static final double REPEATED_SHARE = 0.5;

    private MiPair(MiVariable a, MiVariable b, int k, int[] rows) {
        this.a = a;
        this.b = b;
        this.k = k;
        this.rows = rows;
        ca = a.isDiscrete() ? null : used(a.scaled, rows);
        cb = b.isDiscrete() ? null : used(b.scaled, rows);
        la = a.isDiscrete() ? pick(a.labels, rows) : null;
        lb = b.isDiscrete() ? pick(b.labels, rows) : null;
        if (constant(a, rows) || constant(b, rows)) {
            estimator = MiEstimator.CONSTANT;
        } else {
            estimator = MiEstimator.forKinds(a.isDiscrete(), b.isDiscrete());
        }
        if ((estimator == MiEstimator.KSG1 || estimator == MiEstimator.ROSS) && rows.length <= k) {
            throw new ValidationException(a.name() + " and " + b.name() + ": only " + rows.length
                    + " rows have both values (" + a.name() + " has a value on " + a.present() + " of " + a.rows()
                    + " rows, " + b.name() + " on " + b.present() + "); the kNN estimators need more than k = " + k);
        }
    }

    /**
     * The pair (a, b) over the rows where both have a value.
     *
     * @param a the first variable
     * @param b the second variable, with as many rows as {@code a}
     * @param k neighbours of the kNN estimators, at least 1
     * @return the pair over its complete rows
     */
    public static MiPair of(MiVariable a, MiVariable b, int k) {
        if (a.rows() != b.rows()) {
            throw new ValidationException(a.name() + " and " + b.name() + ": row counts differ (" + a.rows()
                    + " vs " + b.rows() + ")");
        }
        int m = 0;
        for (int i = 0; i < a.raw.length; i++) {
            if (!Double.isNaN(a.raw[i]) && !Double.isNaN(b.raw[i])) {
                m++;
            }
        }
        int[] rows = new int[m];
        m = 0;
        for (int i = 0; i < a.raw.length; i++) {
            if (!Double.isNaN(a.raw[i]) && !Double.isNaN(b.raw[i])) {
                rows[m++] = i;
            }
        }
        return new MiPair(a, b, k, rows);
    }

    /**
     * The same pair on a seeded uniform subsample of {@code m} of its rows (all of them when m ≥ n): a
     * permutation test of independence on a random subset of the rows is still a valid test.
     *
     * @param m    the number of rows to keep, at least 1
     * @param seed the seed of the draw
     * @return the pair on the drawn rows, or this pair when {@code m} ≥ n
     */
    public MiPair subsample(int m, long seed) {
        if (m >= rows.length) {
            return this;
        }
        // Floyd-free partial Fisher–Yates over positions, then sorted so the rows keep file order
        int[] pos = new int[rows.length];
        for (int i = 0; i < pos.length; i++) {
            pos[i] = i;
        }
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed ^ 0x2545F4914F6CDD1DL);
        for (int i = 0; i < m; i++) {
            int j = i + rng.nextInt(pos.length - i);
            int t = pos[i];
            pos[i] = pos[j];
            pos[j] = t;
        }
        int[] chosen = java.util.Arrays.copyOf(pos, m);
        java.util.Arrays.sort(chosen);
        int[] sub = new int[m];
        for (int i = 0; i < m; i++) {
            sub[i] = rows[chosen[i]];
        }
        return new MiPair(a, b, k, sub);
    }

    /**
     * The first variable.
     *
     * @return the first variable
     */
    public MiVariable first() {
        return a;
    }

    /**
     * The second variable (re-paired by permutations).
     *
     * @return the second variable
     */
    public MiVariable second() {
        return b;
    }

    /**
     * The estimator the two kinds call for.
     *
     * @return KSG1, Ross or plug-in
     */
    public MiEstimator estimator() {
        return estimator;
    }

    /** Indices (into the variables) of the rows used. */
    int[] rows() {
        return rows;
    }

    /**
     * Rows used (both values present).
     *
     * @return the number of complete rows
     */
    public int n() {
        return rows.length;
    }

    /**
     * Whether either column is constant on the used rows, so the MI is 0 without estimating.
     *
     * @return true if either column has one value on the complete rows
     */
    public boolean isConstant() {
        return estimator == MiEstimator.CONSTANT;
    }

    /**
     * The column that is constant on the used rows ({@link #isConstant}), named so a note blames the right one.
     *
     * @return the first column's name when it is constant, else the second's
     */
    public String constantColumn() {
        return constant(a, rows) ? a.name() : b.name();
    }

    /**
     * Warnings of the estimator on the original rows (ties, labels seen once); filled by {@link #nats()}.
     *
     * @return the warnings, empty before {@link #nats()} has run
     */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /**
     * I(a;b) in nats on the complete rows, by the estimator of the two kinds ({@link MiEstimator}).
     *
     * @return the estimate in nats (0 for a constant pair)
     */
    public double nats() {
        if (estimator == MiEstimator.PLUG_IN) {
            return plugIn();
        }
        if (estimator == MiEstimator.KSG1) {
            // from the prepared samples, so that their sorted order serves Spearman's ranks too
            KnnEstimate e = prepared().estimate(Base.NATS);
            warnings.addAll(withRepeatsOfValues(e.warnings()));
            return e.nats();
        }
        List<String> w = new ArrayList<>();
        double v = estimator.nats(ca, la, cb, lb, k, w);
        warnings.addAll(withRepeatsOfValues(w));
        return v;
    }

    /**
     * The estimator's warnings with its count of repeated points replaced by {@link RepeatedValues#note}, which is
     * true of the values as read: the estimator sees the continuous columns after the tie-breaking noise
     * ({@link MiVariable}), on which a repeat is rare and random (1 of 10,000 points for a count with 31 values,
     * where 9,896 rows repeat an earlier row), and its advice names Java classes. The note concerns each continuous
     * column whose own values repeat on more than {@link #REPEATED_SHARE} of the pair's rows, and is given only
     * when the pair's rows themselves repeat an earlier row exactly (see {@link RepeatedValues#note}).
     */
    private List<String> withRepeatsOfValues(List<String> estimatorWarnings) {
        List<MiVariable> coarse = new ArrayList<>();
        for (MiVariable v : new MiVariable[] {a, b}) {
            if (!v.isDiscrete() && RepeatedValues.mostlyRepeated(v.raw, rows)) {
                coarse.add(v);
            }
        }
        if (coarse.isEmpty()) {
            return estimatorWarnings; // distinct values: the estimator's own count stands (duplicated records)
        }
        List<String> out = new ArrayList<>();
        for (String w : estimatorWarnings) {
            if (!w.contains("repeat an earlier point exactly")) {
                out.add(w);
            }
        }
        long[] ka = codes(a);
        long[] kb = codes(b);
        long width = 1 + java.util.Arrays.stream(kb).max().orElse(0);
        long[] joint = new long[rows.length];
        for (int i = 0; i < joint.length; i++) {
            joint[i] = ka[i] * width + kb[i];
        }
        List<String> names = new ArrayList<>();
        int[] distinct = new int[coarse.size()];
        for (int c = 0; c < distinct.length; c++) {
            MiVariable v = coarse.get(c);
            names.add(v.name());
            distinct[c] = rows.length - RepeatedValues.repeats(v == a ? ka : kb);
        }
        String note = RepeatedValues.note(RepeatedValues.repeats(joint), rows.length, a.name(), b.name(), names,
                distinct);
        if (note != null) {
            out.add(note);
        }
        return out;
    }

    /** Each pair row's value of {@code v} as a dense code (its rank among the distinct values; a label as is). */
    private long[] codes(MiVariable v) {
        long[] out = new long[rows.length];
        if (v.isDiscrete()) {
            for (int i = 0; i < out.length; i++) {
                out[i] = v.labels[rows[i]];
            }
            return out;
        }
        double[] sorted = pick(v.raw, rows);
        java.util.Arrays.sort(sorted);
        for (int i = 0; i < out.length; i++) {
            out[i] = java.util.Arrays.binarySearch(sorted, v.raw[rows[i]]);
        }
        return out;
    }

    /**
     * I(a;b) in nats under one uniformly random re-pairing of b's rows, drawn from {@code rng}: the
     * statistic of one permutation-test draw. A plug-in pair whose table has at most n cells draws the
     * re-paired table directly ({@link dev.surprisal.inference.RandomTables}: same distribution as a shuffle, at O(cells·√n)
     * instead of O(n)); the others shuffle the rows ({@link #natsPaired}).
     *
     * @param rng the generator of this draw
     * @return the MI of the re-paired pair, in nats
     */
    public double natsNull(SplittableRandom rng) {
        if (estimator == MiEstimator.PLUG_IN) {
            ContingencyTable t = table(); // null above the dense limit (ID-like labels): shuffle the rows instead
            if (t != null && (long) t.rows() * t.cols() <= rows.length) {
                return CountedPair.natsNull(t, rng);
            }
        }
        java.util.function.IntUnaryOperator nextBelow = rng::nextInt;
        return natsPaired(PermutationTest.shuffle(rows.length, nextBelow));
    }

    /**
     * I(a;b) in nats when row i of a is paired with row {@code order[i]} of b (a permutation).
     *
     * @param order a permutation of 0..n−1
     * @return the estimate in nats on the re-paired rows
     */
    public double natsPaired(int[] order) {
        return switch (estimator) {
            case CONSTANT -> 0.0;
            case PLUG_IN -> MutualInformation.of(la, pick(lb, order), Base.NATS);
            case KSG1 -> prepared().natsPaired(order);
            case ROSS -> ross(null, order);
        };
    }

    /**
     * I(a;b) in nats on a bootstrap resample {@code idx} (indices into the complete rows, with repeats).
     * The plug-in estimate uses the resample as drawn. The kNN estimates (KSG, Ross) use its
     * <em>distinct</em> rows only, about 63% of n: a repeated row would be its own nearest neighbour at
     * distance 0, which the kNN estimators read as near-perfect dependence (on independent columns a
     * plain bootstrap of KSG gives about 1 nat). The spread of estimates on fewer rows is somewhat wider;
     * where the estimate grows with the rows (a near-deterministic relation) every resample falls below
     * it, and {@link TargetRanking} then withholds the interval with a note.
     *
     * @param idx row indices in 0..n−1, repeats allowed
     * @return the estimate in nats on the resample
     */
    public double natsResampled(int[] idx) {
        return switch (estimator) {
            case CONSTANT -> 0.0;
            case PLUG_IN -> MutualInformation.of(pick(la, idx), pick(lb, idx), Base.NATS);
            case KSG1 -> {
                int[] d = distinct(idx);
                // the value alone: a replicate's duplicate and tie warnings would be built for nobody to read
                yield d.length <= k ? Double.NaN : KraskovMutualInformation.nats(column(pick(ca, d)),
                        column(pick(cb, d)), k, KraskovMutualInformation.Algorithm.KSG1);
            }
            case ROSS -> ross(distinct(idx), null);
        };
    }

    /** The distinct values of {@code idx}, in increasing order. */
    static int[] distinct(int[] idx) {
        int max = 0;
        for (int i : idx) {
            max = Math.max(max, i);
        }
        boolean[] seen = new boolean[max + 1];
        int count = 0;
        for (int i : idx) {
            if (!seen[i]) {
                seen[i] = true;
                count++;
            }
        }
        int[] out = new int[count];
        int m = 0;
        for (int i = 0; i <= max; i++) {
            if (seen[i]) {
                out[m++] = i;
            }
        }
        return out;
    }

    /**
     * Pearson r over the complete rows; NaN when it means nothing (text labels, constant column).
     *
     * @return r in [−1, 1], or NaN
     */
    public double pearson() {
        return correlated() ? Correlation.pearson(used(a.raw, rows), used(b.raw, rows)) : Double.NaN;
    }

    /**
     * The normal-score correlation over the complete rows ({@link Correlation#normalScore}), for two continuous
     * columns; NaN otherwise (a discrete member makes Φ⁻¹ of its tied ranks a coarse step, and the Gaussian bound
     * does not hold for it).
     *
     * @return r of the normal scores in [−1, 1], or NaN
     */
    public double normalScore() {
        if (!correlated() || a.isDiscrete() || b.isDiscrete()) {
            return Double.NaN;
        }
        return Correlation.normalScore(used(a.raw, rows), used(b.raw, rows));
    }

    /**
     * Spearman ρ over the complete rows; NaN as for {@link #pearson()}.
     *
     * @return ρ in [−1, 1], or NaN
     */
    public double spearman() {
        if (!correlated()) {
            return Double.NaN;
        }
        KraskovMutualInformation.Prepared p = prepared;
        if (p != null) {
            // a KSG pair sorted both samples already, scaled and tie-broken: the order of the values as read
            // but for the few nearly equal ones the noise swapped, which the ranks repair
            return Correlation.spearmanOfRanks(Correlation.ranks(used(a.raw, rows), p.sortingOrder(false)),
                    Correlation.ranks(used(b.raw, rows), p.sortingOrder(true)));
        }
        if (rows.length == a.rows()) { // every row: the second column's ranks are kept, a target is ranked once
            return Correlation.spearmanOfRanks(Correlation.ranks(a.raw), b.ranks());
        }
        return Correlation.spearman(pick(a.raw, rows), pick(b.raw, rows));
    }

    private boolean correlated() {
        return a.isNumeric() && b.isNumeric() && !isConstant() && rows.length >= 2;
    }

    // Ross in nats (without the warnings nobody reads of a re-estimate) with the continuous member as c and the
    // discrete one as labels; idx resamples rows, order re-pairs labels
    private double ross(int[] idx, int[] order) {
        double[] c = a.isDiscrete() ? cb : ca;
        int[] labels = a.isDiscrete() ? la : lb;
        if (idx != null) {
            c = pick(c, idx);
            labels = pick(labels, idx);
        }
        if (order != null) {
            labels = pick(labels, order);
        }
        return RossMutualInformation.nats(column(c), labels, k);
    }

    // the observed plug-in MI from the same table and the same code as the random tables of natsNull, so
    // that a re-paired table equal to the observed one counts as "at or above" exactly
    /**
     * The part of {@link #nats()} that chance alone gives: for a plug-in pair the exact expected MI of its two value
     * counts under random pairing ({@link TargetShare#plugInChance}, the mean of the permutation null without its
     * noise; large for columns with many values: 0.27 bits for 5,000 values against a 0/1 column on 10,000 rows),
     * 0 for the kNN estimators (nearly unbiased under independence) and for a constant pair.
     *
     * @return the chance part, nats
     */
    public double chanceNats() {
        return estimator == MiEstimator.PLUG_IN
                ? TargetShare.plugInChance(LabelCounts.of(la), LabelCounts.of(lb)) : 0.0;
    }

    /**
     * The test of independence of a plug-in pair ({@link CountedPair#independenceP}: the G-test's χ² tail, G =
     * 2·n·MI in nats with (a − 1)(b − 1) degrees of freedom, when every expected count is at least {@value
     * MissingLeak#MIN_EXPECTED}; else random tables with the same margins), with the test that gave it; a p of NaN
     * ({@link CountedPair.Independence#UNTESTED}) for a table above {@link SparseContingencyTable#DENSE_LIMIT} cells
     * or too sparse to test (a column with thousands of values: there its MI above chance, {@link #nats()} − {@link
     * #chanceNats()}, is the figure to read).
     *
     * @param nats the pair's MI from {@link #nats()}, nats
     * @param seed the run's seed (the random tables of a table with a small expected count)
     * @param name the pair's name, mixed into the seed
     * @return the p-value and its test; {@link CountedPair.Independence#constant()} (no p) for a pair with a constant
     *         column, of any kinds; null for a kNN pair (no test of its own)
     */
    public CountedPair.Independence independence(double nats, long seed, String name) {
        if (estimator == MiEstimator.CONSTANT) {
            return CountedPair.Independence.constant();
        }
        if (estimator != MiEstimator.PLUG_IN) {
            return null;
        }
        ContingencyTable t = table();
        return t == null ? new CountedPair.Independence(Double.NaN, MissingLeak.Test.PERMUTATION)
                : CountedPair.independenceP(t, nats, seed, name);
    }

    private double plugIn() {
        ContingencyTable t = table();
        return t == null ? MutualInformation.of(la, lb, Base.NATS) : MutualInformation.of(t, Base.NATS);
    }

    /** The dense table of a plug-in pair, or null when it would exceed the dense limit (ID-like labels). */
    private ContingencyTable table() {
        ContingencyTable t = table;
        if (t == null && !sparse) {
            synchronized (this) {
                if (table == null && !sparse) {
                    if (labelRange(la) * labelRange(lb) > SparseContingencyTable.DENSE_LIMIT) {
                        sparse = true;
                    } else {
                        table = LabelCounts.table(la, lb);
                    }
                }
                t = table;
            }
        }
        return t;
    }

    // an upper bound: the label range, capped by n
    private static long labelRange(int[] v) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int a : v) {
            min = Math.min(min, a);
            max = Math.max(max, a);
        }
        return v.length == 0 ? 0 : Math.min((long) max - min + 1, v.length);
    }

    private KraskovMutualInformation.Prepared prepared() {
        KraskovMutualInformation.Prepared p = prepared;
        if (p == null) {
            synchronized (this) {
                if (prepared == null) {
                    prepared = KraskovMutualInformation.prepare(column(ca), column(cb), k,
                            KraskovMutualInformation.Algorithm.KSG1);
                }
                p = prepared;
            }
        }
        return p;
    }

    private static boolean constant(MiVariable c, int[] rows) {
        if (rows.length < 2) {
            return true;
        }
        double first = c.raw[rows[0]];
        for (int r : rows) {
            if (c.raw[r] != first) {
                return false;
            }
        }
        return true;
    }

    /**
     * A column's values on the used rows, to be read only: the column itself when every row is used
     * (rows are increasing, so all n of them are the identity), which saves a copy of 10⁶ values.
     */
    private static double[] used(double[] v, int[] rows) {
        return rows.length == v.length ? v : pick(v, rows);
    }

    /** One column as one-dimensional points, not copied. */
    private static PointSet column(double[] v) {
        return PointSet.wrap(v.length, 1, v);
    }

    static double[] pick(double[] v, int[] idx) {
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = v[idx[i]];
        }
        return out;
    }

    static int[] pick(int[] v, int[] idx) {
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = v[idx[i]];
        }
        return out;
    }
}
