// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.dependence;

import dev.surprisal.core.Validate;
import dev.surprisal.core.ValidationException;
import dev.surprisal.knn.internal.ArgSort;

/**
 * Least-squares isotonic regression of y on x: the monotone function f minimising Σ (y_i − f(x_i))²,
 * by the pool-adjacent-violators algorithm (Ayer, Brunk, Ewing, Reid and Silverman, 1955; Barlow,
 * Bartholomew, Bremner and Brunk, 1972, "Statistical Inference under Order Restrictions").
 *
 * <p>As scikit-learn's {@code IsotonicRegression}: rows with equal x are first pooled into their mean
 * (one x, one fitted value), then adjacent violators are pooled until the fitted values are
 * non-decreasing (or non-increasing) in x. The fit is a step function; its steps, the <em>blocks</em>,
 * are numbered 0, 1, … in increasing x, and adjacent blocks have different fitted values.
 *
 * <p>Used by the nonlinearity rule: the information a monotone trend of x carries about y is the
 * information of the blocks, since f(x) is a function of the block and nothing else.
 */
public final class IsotonicRegression {
    private IsotonicRegression() {
    }

    /**
     * A fitted isotonic regression.
     *
     * @param fitted     f(x_i) for each row, in the order of the input
     * @param block      the block of each row, 0 = the block of the smallest x
     * @param blocks     number of blocks (distinct steps of f)
     * @param increasing whether f is non-decreasing (else non-increasing)
     */
    public record Fit(double[] fitted, int[] block, int blocks, boolean increasing) {
    }

    /**
     * Fits y on x.
     *
     * @param x          the predictor, finite
     * @param y          the response, finite, same length
     * @param increasing true for a non-decreasing fit, false for a non-increasing one
     * @return the fit
     * @throws ValidationException if a value is not finite, the lengths differ or there are no rows
     */
    public static Fit fit(double[] x, double[] y, boolean increasing) {
        check(x, y);
        return fitSorted(x, y, ArgSort.of(x), increasing);
    }

    /**
     * The increasing and the decreasing fit, sorting x once.
     *
     * @param x the predictor, finite
     * @param y the response, finite, same length
     * @return {increasing fit, decreasing fit}
     * @throws ValidationException as {@link #fit}
     */
    public static Fit[] bothDirections(double[] x, double[] y) {
        check(x, y);
        int[] order = ArgSort.of(x);
        return new Fit[] {fitSorted(x, y, order, true), fitSorted(x, y, order, false)};
    }

    /**
     * The blocks of the fit when the rows are already pooled into levels of equal x, in increasing x
     * (for example the rows of a contingency table): the same pooling as {@link #fit} applies after it
     * has pooled equal x, so a caller who only has the counts gets the same steps.
     *
     * @param sums       per level, the sum of the y values of its rows
     * @param weights    per level, its number of rows (&gt; 0)
     * @param increasing true for a non-decreasing fit, false for a non-increasing one
     * @return the block of each level, 0 = the block of the smallest x
     * @throws ValidationException if the lengths differ or there are no levels
     */
    public static int[] levelBlocks(double[] sums, double[] weights, boolean increasing) {
        Validate.sameLength("sums", sums.length, "weights", weights.length);
        if (sums.length == 0) {
            throw new ValidationException("sums: is empty");
        }
        int levels = sums.length;
        double[] s = new double[levels];
        for (int l = 0; l < levels; l++) {
            s[l] = increasing ? sums[l] : -sums[l];
        }
        Pooled p = pool(s, weights.clone(), levels);
        int[] out = new int[levels];
        for (int b = 0; b < p.blocks; b++) {
            int end = b + 1 < p.blocks ? p.first[b + 1] : levels;
            for (int l = p.first[b]; l < end; l++) {
                out[l] = b;
            }
        }
        return out;
    }

    /** Pooled blocks: the first level, the sum and the weight of each, and how many there are. */
    private record Pooled(int[] first, double[] sum, double[] weight, int blocks) {
    }

    /** PAVA on the levels with a stack of pooled blocks (the sums of a non-increasing fit negated). */
    private static Pooled pool(double[] sum, double[] weight, int levels) {
        double[] bSum = new double[levels];
        double[] bWeight = new double[levels];
        int[] bFirst = new int[levels]; // first level of the block
        int top = -1;
        for (int l = 0; l < levels; l++) {
            top++;
            bSum[top] = sum[l];
            bWeight[top] = weight[l];
            bFirst[top] = l;
            while (top > 0 && bSum[top - 1] / bWeight[top - 1] >= bSum[top] / bWeight[top]) {
                bSum[top - 1] += bSum[top];
                bWeight[top - 1] += bWeight[top];
                top--;
            }
        }
        return new Pooled(bFirst, bSum, bWeight, top + 1);
    }

    private static void check(double[] x, double[] y) {
        Validate.finite("x", x);
        Validate.finite("y", y);
        Validate.sameLength("x", x.length, "y", y.length);
        if (x.length == 0) {
            throw new ValidationException("x: is empty");
        }
    }

    private static Fit fitSorted(double[] x, double[] y, int[] order, boolean increasing) {
        int n = x.length;
        // pool equal x first: one level per distinct x, weight = its rows
        double[] sum = new double[n];
        double[] weight = new double[n];
        int[] start = new int[n + 1]; // level l covers sorted positions start[l] .. start[l+1)-1
        int levels = 0;
        int r = 0;
        while (r < n) {
            int e = r + 1;
            while (e < n && x[order[e]] == x[order[r]]) {
                e++;
            }
            double s = 0.0;
            for (int t = r; t < e; t++) {
                s += y[order[t]];
            }
            start[levels] = r;
            sum[levels] = increasing ? s : -s;
            weight[levels] = e - r;
            levels++;
            r = e;
        }
        start[levels] = n;
        Pooled pooled = pool(sum, weight, levels);
        int blocks = pooled.blocks;
        double[] bSum = pooled.sum;
        double[] bWeight = pooled.weight;
        int[] bFirst = pooled.first;
        double[] fitted = new double[n];
        int[] block = new int[n];
        for (int b = 0; b < blocks; b++) {
            int firstLevel = bFirst[b];
            int endLevel = b + 1 < blocks ? bFirst[b + 1] : levels;
            double value = bSum[b] / bWeight[b];
            if (!increasing) {
                value = -value;
            }
            for (int t = start[firstLevel]; t < start[endLevel]; t++) {
                fitted[order[t]] = value;
                block[order[t]] = b;
            }
        }
        return new Fit(fitted, block, blocks, increasing);
    }
}
