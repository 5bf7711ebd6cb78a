// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.mi;

import dev.surprisal.core.Base;
import dev.surprisal.counts.ContingencyTable;
import dev.surprisal.counts.Counts;
import dev.surprisal.counts.LabelCounts;
import dev.surprisal.counts.SparseContingencyTable;
import dev.surprisal.data.roles.RoleDecision;
import dev.surprisal.dependence.AverageMethod;
import dev.surprisal.dependence.NormalizedMutualInformation;
import dev.surprisal.inference.GTest;
import dev.surprisal.inference.IndependenceTestResult;
import dev.surprisal.measures.Entropy;
import dev.surprisal.selection.CountedPair;
import dev.surprisal.selection.MissingLeak;
import dev.surprisal.selection.RankedFeature;

/**
 * One pair of columns, analysed by {@link MiTable#pair}: the pair scored exactly as one feature of a
 * ranking ({@link RankedFeature}, with y as the target), the two roles, why the estimator was chosen,
 * and for two discrete columns their entropies, normalised MI and G-test. Information values in nats.
 *
 * @param x          the first column
 * @param y          the second column (re-paired by the permutation test)
 * @param xRole      x's role and the reason
 * @param yRole      y's role and the reason
 * @param feature    the MI, test, monotone MI, correlations and verdict
 * @param reason     why the estimator: the two columns' kinds, in words
 * @param tableRows  rows of the table (the pair uses {@code feature.n()} of them: those with both values)
 * @param discrete   the extra measures of two discrete columns, or null
 */
public record PairResult(String x, String y, RoleDecision xRole, RoleDecision yRole, RankedFeature feature,
                         String reason, int tableRows, Discrete discrete) {
    /**
     * What two discrete columns also get.
     *
     * @param entropyX   H(X), nats
     * @param entropyY   H(Y), nats
     * @param nmi        I(X;Y) / mean(H(X), H(Y)) (arithmetic mean), NaN when the table is too sparse
     * @param gTest      the G-test of independence (its statistic G = 2n·MI and degrees of freedom), null when the
     *                   table has too many cells to hold
     * @param gTestHolds whether the G-test's χ² tail gives the p-value: every expected count at least 5 ({@link
     *                   CountedPair#chiSquaredHolds}, the rule of every counted p-value); else the pair's permutation
     *                   test (random tables with the same margins) gives it ({@link #noGTest()} says why)
     * @param tableRows  distinct values of X on the pair's rows
     * @param tableCols  distinct values of Y on the pair's rows
     */
    public record Discrete(double entropyX, double entropyY, double nmi, IndependenceTestResult gTest,
                           boolean gTestHolds, int tableRows, int tableCols) {
        /**
         * The measures of a counted table, as every engine gives them: H(X), H(Y) from its margins, and the NMI
         * when it has at most {@link SparseContingencyTable#DENSE_LIMIT} cells (above that the table of a
         * many-valued column is too sparse for it), with the G-test where its χ² tail holds (every expected count at
         * least 5: {@link CountedPair#chiSquaredHolds}, the rule of every counted p-value; below it the pair's
         * permutation test, random tables with the same margins, gives its p).
         *
         * @param xByY the pair's table, X by rows, Y by columns (rows and columns of count 0 are ignored)
         * @return the measures
         */
        public static Discrete of(ContingencyTable xByY) {
            Counts x = xByY.rowCounts();
            Counts y = xByY.colCounts();
            return dense(x, y) ? measured(xByY, x, y) : ofMargins(x, y);
        }

        /**
         * The measures of two label columns, as {@link #of(ContingencyTable)} gives them for their table: the
         * table is counted only when it is dense enough for them, so a many-valued pair never builds it.
         *
         * @param x the labels of X, one per row
         * @param y the labels of Y, as many
         * @return the measures
         */
        public static Discrete of(int[] x, int[] y) {
            Counts cx = LabelCounts.of(x);
            Counts cy = LabelCounts.of(y);
            if (!dense(cx, cy)) {
                return ofMargins(cx, cy);
            }
            ContingencyTable t = LabelCounts.table(x, y);
            return measured(t, t.rowCounts(), t.colCounts());
        }

        // the one test of "at most DENSE_LIMIT cells" (the values seen on each side, so the cells with a count)
        private static boolean dense(Counts x, Counts y) {
            return (long) x.nonZero() * y.nonZero() <= SparseContingencyTable.DENSE_LIMIT;
        }

        private static Discrete measured(ContingencyTable xByY, Counts x, Counts y) {
            if (x.nonZero() < 2 || y.nonZero() < 2) {
                // a constant column: independent by definition, so no G-test (its p of 1 with 0 degrees of freedom
                // read as "tested"), and none from an engine whose table keeps the values seen on no pair row
                return new Discrete(Entropy.of(x, Base.NATS), Entropy.of(y, Base.NATS),
                        NormalizedMutualInformation.of(xByY, AverageMethod.ARITHMETIC), null, false, x.nonZero(),
                        y.nonZero());
            }
            return new Discrete(Entropy.of(x, Base.NATS), Entropy.of(y, Base.NATS),
                    NormalizedMutualInformation.of(xByY, AverageMethod.ARITHMETIC), GTest.independence(xByY),
                    CountedPair.chiSquaredHolds(xByY), x.nonZero(), y.nonZero());
        }

        /**
         * Why there is no G-test p-value ({@link #gTestHolds()} false), in words a report shows.
         *
         * @return the reason, or null when the G-test gives a p-value
         */
        public String noGTest() {
            if (gTestHolds) {
                return null;
            }
            if (tableRows < 2 || tableCols < 2) {
                return "a column is constant on the pair's rows (a " + tableRows + " x " + tableCols + " table): it"
                        + " carries no information, MI = 0 exactly, and there is nothing to test";
            }
            return gTest == null
                    ? "a " + tableRows + " x " + tableCols + " table is too sparse for its chi-squared approximation"
                    : "an expected count of the " + tableRows + " x " + tableCols + " table is below "
                    + (int) MissingLeak.MIN_EXPECTED + ", where its chi-squared tail gives too many small p-values";
        }

        /**
         * The measures of a pair whose table is too large to hold densely (more than
         * {@link SparseContingencyTable#DENSE_LIMIT} cells): H(X) and H(Y) only.
         *
         * @param xSizes how many rows hold each value of X
         * @param ySizes how many rows hold each value of Y
         * @return the measures, without NMI (NaN) and G-test (null, not holding)
         */
        public static Discrete ofMargins(Counts xSizes, Counts ySizes) {
            return new Discrete(Entropy.of(xSizes, Base.NATS), Entropy.of(ySizes, Base.NATS), Double.NaN, null, false,
                    xSizes.nonZero(), ySizes.nonZero());
        }
    }

    /**
     * Rows left out because x or y has no value there.
     *
     * @return the rows left out because x or y has no value there
     */
    public int rowsLeftOut() {
        return tableRows - feature.n();
    }
}
