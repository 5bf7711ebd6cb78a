// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.selection;

import dev.surprisal.continuous.SklearnMutualInfo;
import dev.surprisal.core.ValidationException;
import dev.surprisal.knn.internal.ArgSort;

import java.util.SplittableRandom;

/**
 * One column prepared for mutual-information estimates, with missing values kept as NaN (continuous)
 * or −1 (discrete) so that each pair can drop its own incomplete rows. Immutable once built.
 *
 * <p>A <b>continuous</b> variable is scaled as scikit-learn's {@code mutual_info_regression} does
 * ({@link SklearnMutualInfo#scaled}, the one implementation): divided by its population standard deviation
 * (no centring), then noise 1e-10·max(1, mean|x|)·N(0,1) is added from a generator seeded by the run's seed
 * and the column's values ({@link #contentSeed}): the same values get the same noise, and so the same estimates,
 * wherever the column sits and whatever it is called (two copies of one column rank equal). The scaling matters
 * because the KSG estimator measures distances in the joint space with the max norm, which mixes the
 * units of x and y; the noise breaks exact ties, which the kNN estimators do not expect, without
 * changing anything visible. A <b>discrete</b> variable (binary, few-valued, categorical) keeps
 * integer labels and is never given to a kNN estimator as if its labels were distances.
 */
public final class MiVariable {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final String name;
    private final boolean discrete;
    private final boolean numeric;
    final double[] raw;
    final double[] scaled;
    final int[] labels;
    private final int present;
    private final boolean constant;
    private volatile double[] ranks;

    private MiVariable(String name, boolean discrete, boolean numeric, double[] raw, double[] scaled, int[] labels) {
        if (name == null) {
            throw new ValidationException("name: is null");
        }
        this.name = name;
        this.discrete = discrete;
        this.numeric = numeric;
        this.raw = raw;
        this.scaled = scaled;
        this.labels = labels;
        int count = 0;
        double first = Double.NaN;
        boolean same = true;
        for (double v : raw) {
            if (!Double.isNaN(v)) {
                if (count++ == 0) {
                    first = v;
                } else if (v != first) {
                    same = false;
                }
            }
        }
        this.present = count;
        this.constant = same;
    }

    /**
     * A continuous numeric column.
     *
     * @param name   the column's name
     * @param values its values, NaN where missing (copied)
     * @param seed   the run's seed; the tie-breaking noise is seeded by it and the values ({@link #contentSeed})
     * @return the variable
     * @throws ValidationException if a value is infinite (naming its row, 1-based)
     */
    public static MiVariable continuous(String name, double[] values, long seed) {
        double[] raw = finiteOrMissing(name, values);
        return new MiVariable(name, false, true, raw, scale(raw, contentSeed(seed, raw)), null);
    }

    /**
     * The seed of a continuous column's tie-breaking noise: the run's seed mixed with every value in row order
     * (−0 as 0, every NaN alike), so that equal columns get equal noise and different columns independent noise.
     * Seeding by the column's position instead gave two copies of one column different estimates against the same
     * target (review13c).
     *
     * @param seed   the run's seed
     * @param values the values, NaN where missing
     * @return the seed of the noise
     */
    static long contentSeed(long seed, double[] values) {
        long h = seed ^ GOLDEN;
        for (double v : values) {
            long bits = Double.isNaN(v) ? 0x7ff8000000000000L : Double.doubleToLongBits(v + 0.0);
            h = Long.rotateLeft(h ^ bits, 27) * GOLDEN + 0x632BE59BD9B4E019L;
        }
        return h ^ (h >>> 31);
    }

    /**
     * A discrete numeric column (a 0/1 flag, a count with few values): each distinct number is a label.
     *
     * @param name   the column's name
     * @param values its values, NaN where missing (copied)
     * @return the variable
     * @throws ValidationException if a value is infinite
     */
    public static MiVariable discrete(String name, double[] values) {
        double[] raw = finiteOrMissing(name, values);
        return new MiVariable(name, true, true, raw, null, labelsOf(raw));
    }

    /**
     * A categorical column (text, boolean, dates as labels): its codes are labels, not numbers.
     *
     * @param name  the column's name
     * @param codes label codes ≥ 0, negative where missing (copied)
     * @return the variable
     */
    public static MiVariable categorical(String name, int[] codes) {
        int[] labels = new int[codes.length];
        double[] raw = new double[codes.length];
        for (int i = 0; i < codes.length; i++) {
            labels[i] = codes[i] < 0 ? -1 : codes[i];
            raw[i] = codes[i] < 0 ? Double.NaN : codes[i];
        }
        return new MiVariable(name, true, false, raw, null, labels);
    }

    /**
     * This discrete column with its missing cells as a value of their own ("missing"), so that a pair uses every row
     * where the other column has a value: whether a column is filled in can itself carry information (a column
     * written after the outcome is empty exactly when the outcome did not happen), and measuring only the rows where
     * both have a value would hide it. The result is categorical (its labels are not ordered: the missing value has
     * no place among the numbers). A numeric column (continuous, or a discrete flag or count, whose numbers give
     * Pearson's r and the monotone fit), or one without missing cells, is returned unchanged: whether its gaps carry
     * information is {@link MissingLeak}'s test.
     *
     * @return the variable with missing as a value, or this one
     */
    public MiVariable missingAsValue() {
        if (!discrete || numeric || present == raw.length || present == 0) {
            // a numeric flag or count keeps its numbers (Pearson r, the monotone fit): a leak through its gaps is
            // found by MissingLeak's filled-in test and named (review13c: one gap made a 0/1 flag "text")
            return this;
        }
        int missingLabel = 0;
        for (int l : labels) {
            missingLabel = Math.max(missingLabel, l + 1);
        }
        int[] codes = new int[labels.length];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = labels[i] < 0 ? missingLabel : labels[i];
        }
        return categorical(name, codes);
    }

    /**
     * Whether this column is filled in, as a 0/1 column: 1 where it has a value, 0 where it is missing. It has no
     * missing cells of its own.
     *
     * @return the binary column, named as this one
     */
    public MiVariable filledIn() {
        double[] v = new double[raw.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = Double.isNaN(raw[i]) ? 0.0 : 1.0;
        }
        return discrete(name, v);
    }

    /**
     * The column's name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Whether the variable is discrete (labels), else continuous.
     *
     * @return true for labels, false for a continuous variable
     */
    public boolean isDiscrete() {
        return discrete;
    }

    /**
     * Whether the values are numbers, so that correlations and monotone fits mean something.
     *
     * @return true for numbers, false for text labels
     */
    public boolean isNumeric() {
        return numeric;
    }

    /**
     * Rows with a value.
     *
     * @return the number of rows with a value
     */
    public int present() {
        return present;
    }

    /**
     * Rows in all, missing included.
     *
     * @return the number of rows
     */
    public int rows() {
        return raw.length;
    }

    /**
     * Whether every present value is the same (or fewer than two are present).
     *
     * @return true if fewer than two distinct values are present
     */
    public boolean isConstant() {
        return constant;
    }

    /**
     * Whether row i (0-based) has no value.
     *
     * @param i a row, 0-based
     * @return true if the row has no value
     */
    public boolean isMissing(int i) {
        return Double.isNaN(raw[i]);
    }

    /**
     * What the estimators see at row i: the scaled, tie-broken value of a continuous variable, or the
     * label (a small integer, as a double) of a discrete one; NaN (continuous) or −1 (discrete) where missing.
     *
     * @param i a row, 0-based
     * @return the value the estimators use
     */
    public double estimatorValue(int i) {
        return discrete ? labels[i] : scaled[i];
    }

    /**
     * The value as read at row i (a text column: its label code); NaN where missing.
     *
     * @param i a row, 0-based
     * @return the value as read, or NaN
     */
    public double value(int i) {
        return raw[i];
    }

    /**
     * Ranks of all rows (ties averaged), computed once and kept: a ranking correlates its target with
     * every feature. Only for a variable with no missing value.
     */
    double[] ranks() {
        double[] r = ranks;
        if (r == null) {
            r = dev.surprisal.dependence.Correlation.ranks(raw);
            ranks = r;
        }
        return r;
    }

    /**
     * "continuous" or "discrete".
     *
     * @return the kind
     */
    public String kind() {
        return discrete ? "discrete" : "continuous";
    }

    private static double[] finiteOrMissing(String name, double[] values) {
        double[] raw = values.clone();
        for (int i = 0; i < raw.length; i++) {
            if (Double.isInfinite(raw[i])) {
                throw new ValidationException("column " + name + ", row " + (i + 1) + ": is infinite (" + raw[i] + ")");
            }
        }
        return raw;
    }

    /** Dense labels of the distinct values in increasing order; −0.0 and 0.0 are one value; NaN → −1. */
    static int[] labelsOf(double[] values) {
        int n = values.length;
        int present = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                present++;
            }
        }
        double[] kept = new double[present];
        int[] at = new int[present];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(values[i])) {
                kept[m] = values[i];
                at[m++] = i;
            }
        }
        int[] order = ArgSort.of(kept);
        int[] out = new int[n];
        java.util.Arrays.fill(out, -1);
        int label = -1;
        for (int r = 0; r < present; r++) {
            if (r == 0 || kept[order[r]] != kept[order[r - 1]]) {
                label++;
            }
            out[at[order[r]]] = label;
        }
        return out;
    }

    private static double[] scale(double[] raw, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        return SklearnMutualInfo.scaled(raw, rng::nextGaussian);
    }
}
