// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.mi;

import dev.surprisal.selection.MiVariable;

import java.util.List;

/**
 * The mutual information of every pair of scored columns ({@link MiTable#matrix}), in nats. Only the
 * upper triangle is estimated and mirrored, so the matrix is exactly symmetric; the diagonal is NaN
 * (I(X;X) = H(X), infinite for a continuous column), as is a pair that could not be estimated.
 *
 * @param columns the columns, in file order, each with its kind and whether it is constant
 * @param nats    nats[i][j] = I(column i; column j)
 * @param notes   per pair, in pair order (i &lt; j): why it was not estimated, the estimator's warnings, or
 *                that one column determines a discrete other ({@link dev.surprisal.selection.TargetShare#pairNote})
 *                or two continuous columns are copies ({@link dev.surprisal.selection.TargetShare#continuousPairNote})
 * @param chance  chance[i][j] = the part of nats[i][j] chance alone gives, nats ({@link
 *                dev.surprisal.selection.MiPair#chanceNats()}: the exact permutation-null mean of a plug-in pair, 0 for
 *                kNN); NaN where unknown (the diagonal, an engine that does not give it)
 * @param pValues pValues[i][j] = the p-value of independence of two discrete columns ({@link
 *                dev.surprisal.selection.MiPair#independence}: the G-test, or random tables with the same margins
 *                where an expected count is below 5); NaN where there is none (a kNN pair, a sparse table).
 *                Each is unadjusted: of k(k − 1)/2 pairs of independent columns about α of them have p ≤ α, so a
 *                pair is read as a finding by its q-value ({@link #qValues()}), adjusted across the pairs tested
 * @param pMethods pMethods[i][j] = the test that gave pValues[i][j] ({@link
 *                dev.surprisal.selection.CountedPair.Independence#method()}: {@code "g-test"}, {@code "random-tables"},
 *                {@code "untested"} for a discrete pair too sparse to test, {@code "constant"} for a pair with a
 *                constant column, p NaN on every engine); null where no test applies (a kNN pair,
 *                the diagonal, a pair not estimated)
 */
public record MatrixResult(List<Column> columns, double[][] nats, List<PairNote> notes, double[][] chance,
                           double[][] pValues, String[][] pMethods) {
    /**
     * A matrix without chance parts and p-values (an engine that counts its pairs elsewhere): both NaN, no tests.
     *
     * @param columns the columns, in file order
     * @param nats    nats[i][j] = I(column i; column j)
     * @param notes   per pair, in pair order
     */
    public MatrixResult(List<Column> columns, double[][] nats, List<PairNote> notes) {
        this(columns, nats, notes, nanLike(nats), nanLike(nats), new String[nats.length][nats.length]);
    }

    /**
     * The test that gave the p-value of a pair, as its label is shown beside the p.
     *
     * @param i a column's index
     * @param j another column's index
     * @return {@code "g-test"}, {@code "random-tables"}, {@code "untested"}, or null where no test applies
     */
    public String pMethod(int i, int j) {
        return pMethods[i][j];
    }

    private static double[][] nanLike(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = new double[m[i].length];
            java.util.Arrays.fill(out[i], Double.NaN);
        }
        return out;
    }

    /**
     * The p-values adjusted across the pairs tested (those with a p-value, each counted once) by Benjamini–Hochberg
     * ({@link dev.surprisal.inference.MultipleTesting#benjaminiHochberg}), as a ranking adjusts its features': among
     * the pairs with q ≤ α, at most a share α is expected to be independent columns.
     *
     * @return q[i][j], symmetric; NaN where p is NaN
     */
    public double[][] qValues() {
        int c = pValues.length;
        List<int[]> tested = tested();
        double[] p = new double[tested.size()];
        for (int t = 0; t < p.length; t++) {
            p[t] = pValues[tested.get(t)[0]][tested.get(t)[1]];
        }
        double[] q = dev.surprisal.inference.MultipleTesting.benjaminiHochberg(p);
        double[][] out = nanLike(pValues);
        for (int t = 0; t < q.length; t++) {
            int i = tested.get(t)[0];
            int j = tested.get(t)[1];
            out[i][j] = out[j][i] = q[t];
        }
        return out;
    }

    /**
     * The pairs with a p-value, each counted once: the number of tests {@link #qValues()} adjusts for.
     *
     * @return the pairs tested
     */
    public int testedPairs() {
        return tested().size();
    }

    /** The pairs {i, j}, i &lt; j, with a p-value: the one walk of {@link #qValues()} and {@link #testedPairs()}. */
    private List<int[]> tested() {
        List<int[]> tested = new java.util.ArrayList<>();
        for (int i = 0; i < pValues.length; i++) {
            for (int j = i + 1; j < pValues.length; j++) {
                if (!Double.isNaN(pValues[i][j])) {
                    tested.add(new int[] {i, j});
                }
            }
        }
        return tested;
    }

    /**
     * I(column i; column j) above chance, nats: {@link #get} less its chance part; NaN where either is unknown.
     *
     * @param i a column's index
     * @param j another column's index
     * @return the MI above chance, nats
     */
    public double aboveChance(int i, int j) {
        return nats[i][j] - chance[i][j];
    }

    /**
     * One column of the matrix, as the rendering needs it: an engine that counts its discrete pairs holds
     * no {@link MiVariable} for them.
     *
     * @param name     the column's name
     * @param kind     {@code "continuous"} or {@code "discrete"}, as {@link MiVariable#kind()}
     * @param constant whether it has one value over the rows it was read on (MI 0 with every column)
     */
    public record Column(String name, String kind, boolean constant) {
        /**
         * The column of a prepared variable.
         *
         * @param v a prepared variable
         * @return its name, kind and constancy
         */
        public static Column of(MiVariable v) {
            return new Column(v.name(), v.kind(), v.isConstant());
        }
    }

    /** Estimators used, in words. */
    public static final String ESTIMATORS = "KSG1 for two continuous columns, Ross for continuous-discrete,"
            + " plug-in for two discrete";

    /**
     * A note about one pair.
     *
     * @param first   the first column's name
     * @param second  the second column's name
     * @param message "not estimated: why", or an estimator warning
     */
    public record PairNote(String first, String second, String message) {
    }

    /**
     * I(column i; column j) in nats.
     *
     * @param i a column's index
     * @param j another column's index
     * @return I(column i; column j) in nats
     */
    public double get(int i, int j) {
        return nats[i][j];
    }
}
