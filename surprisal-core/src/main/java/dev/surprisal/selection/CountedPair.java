// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.selection;

import dev.surprisal.core.Base;
import dev.surprisal.core.ValidationException;
import dev.surprisal.counts.ContingencyTable;
import dev.surprisal.dependence.IsotonicRegression;
import dev.surprisal.dependence.MutualInformation;
import dev.surprisal.inference.GTest;
import dev.surprisal.inference.RandomTables;
import dev.surprisal.inference.SequentialPermutationTest;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A discrete × discrete pair known only by its contingency table: the joint counts of (feature label,
 * target label) over the rows where both have a value, for example merged from the partitions of a
 * table too large to hold. Everything {@link TargetRanking} reports about a plug-in pair is a function
 * of those counts (and of the labels' numeric values, for the correlations and the monotone fit), so
 * {@link TargetRanking#score(CountedPair, MiOptions, int)} scores it without the rows, in memory
 * O(cells), and gives what {@link MiPair} gives on the rows the table was counted from:
 * <ul>
 *   <li>MI: the plug-in MI of the same table (bit for bit when the rows and columns are in the order of
 *       {@link MiVariable}'s labels: increasing value for numbers, first appearance for text labels);</li>
 *   <li>the permutation null: random tables with the same margins ({@link RandomTables}), as
 *       {@link MiPair#natsNull} draws them when the table has at most n cells; the same draws with the same
 *       seed. Above n cells the rows would be shuffled instead: the same null distribution, other draws;</li>
 *   <li>Pearson r and Spearman ρ of the numeric values weighted by the counts (to rounding);</li>
 *   <li>the monotone MI: the isotonic fit on the feature's levels ({@link IsotonicRegression#levelBlocks}),
 *       the same steps as the fit on the rows whenever the level sums are exact (integer values);</li>
 *   <li>the bootstrap: rows resampled from the table (a row is a cell, drawn with probability
 *       count/n), the same distribution as resampling the rows, other draws.</li>
 * </ul>
 */
public final class CountedPair {
    private final String feature;
    private final ContingencyTable table;
    private final double[] x;
    private final double[] y;
    private final long n;

    private CountedPair(String feature, ContingencyTable table, double[] x, double[] y) {
        this.feature = feature;
        this.table = table;
        this.x = x;
        this.y = y;
        this.n = table.total();
    }

    /**
     * The pair of a table; rows and columns with no count are dropped (with their values).
     *
     * @param feature      the feature's name
     * @param counts       counts[i][j]: rows where the feature has label i and the target label j, ≥ 0
     * @param featureLabels the numeric value of each row label, in increasing order, or null for text labels
     * @param targetLabels  the numeric value of each column label, in increasing order, or null for text labels
     * @return the pair
     * @throws ValidationException if a count is negative, the total exceeds {@link Integer#MAX_VALUE}, or a
     *                             values array does not match the table
     */
    public static CountedPair of(String feature, long[][] counts, double[] featureLabels, double[] targetLabels) {
        int rows = counts.length;
        int cols = rows == 0 ? 0 : counts[0].length;
        if (featureLabels != null && featureLabels.length != rows) {
            throw new ValidationException("featureLabels: " + featureLabels.length + " values for " + rows + " rows");
        }
        if (targetLabels != null && targetLabels.length != cols) {
            throw new ValidationException("targetLabels: " + targetLabels.length + " values for " + cols + " columns");
        }
        long[] rowSum = new long[rows];
        long[] colSum = new long[cols];
        long total = 0;
        for (int i = 0; i < rows; i++) {
            if (counts[i].length != cols) {
                throw new ValidationException("counts[" + i + "]: " + counts[i].length + " columns, row 0 has " + cols);
            }
            for (int j = 0; j < cols; j++) {
                long c = counts[i][j];
                if (c < 0) {
                    throw new ValidationException("counts[" + i + "][" + j + "]: is negative (" + c + ")");
                }
                rowSum[i] += c;
                colSum[j] += c;
                total += c;
            }
        }
        if (total > Integer.MAX_VALUE) {
            throw new ValidationException("counts: " + total + " rows, more than " + Integer.MAX_VALUE);
        }
        int[] keepRows = nonZero(rowSum);
        int[] keepCols = nonZero(colSum);
        long[][] kept = new long[keepRows.length][keepCols.length];
        for (int a = 0; a < keepRows.length; a++) {
            for (int b = 0; b < keepCols.length; b++) {
                kept[a][b] = counts[keepRows[a]][keepCols[b]];
            }
        }
        ContingencyTable t = keepRows.length == 0 || keepCols.length == 0
                ? ContingencyTable.of(new long[][] {{0}}) : ContingencyTable.of(kept);
        return new CountedPair(feature, t, pick(featureLabels, keepRows), pick(targetLabels, keepCols));
    }

    private static int[] nonZero(long[] sums) {
        return java.util.stream.IntStream.range(0, sums.length).filter(i -> sums[i] != 0).toArray();
    }

    private static double[] pick(double[] v, int[] keep) {
        if (v == null) {
            return null;
        }
        double[] out = new double[keep.length];
        for (int i = 0; i < keep.length; i++) {
            out[i] = v[keep[i]];
        }
        return out;
    }

    /**
     * The feature's name.
     *
     * @return the name
     */
    public String feature() {
        return feature;
    }

    /**
     * The table (rows: feature labels present, columns: target labels present).
     *
     * @return the table
     */
    public ContingencyTable table() {
        return table;
    }

    /**
     * Rows counted (both values present).
     *
     * @return n
     */
    public int n() {
        return (int) n;
    }

    /**
     * Whether either side has one value on the counted rows (or fewer than two rows are counted).
     *
     * @return true when the MI is 0 without estimating
     */
    public boolean isConstant() {
        // by the values seen: an engine's table may keep a value with no counted row (Spark's labels are the
        // column's, not the pair's), which must not make a constant column look varied
        return n < 2 || table.rowCounts().nonZero() < 2 || table.colCounts().nonZero() < 2;
    }

    /**
     * The column that is constant on the counted rows ({@link #isConstant}), named so a note blames the right one.
     *
     * @param target the target's name (the table's columns)
     * @return the feature's name when it has one value (or under 2 rows), else {@code target}
     */
    public String constantColumn(String target) {
        return n < 2 || table.rowCounts().nonZero() < 2 ? feature : target;
    }

    /**
     * The plug-in I(feature; target) of the table.
     *
     * @return the MI in nats
     */
    public double nats() {
        return MutualInformation.of(table, Base.NATS);
    }

    /**
     * The MI of one random table with this table's margins: one draw of the permutation null.
     *
     * @param rng the generator of this draw
     * @return the MI of the drawn table, in nats
     */
    public double natsNull(SplittableRandom rng) {
        return natsNull(table, rng);
    }

    /**
     * The MI of one random table with the margins of {@code t} ({@link RandomTables}), in nats: the one
     * implementation of a plug-in pair's null draw, used by {@link MiPair#natsNull} too.
     *
     * @param t   the observed table
     * @param rng the generator of this draw
     * @return the MI of the drawn table, in nats
     */
    static double natsNull(ContingencyTable t, SplittableRandom rng) {
        long[][] drawn = RandomTables.withMargins(t.rowCounts().toArray(), t.colCounts().toArray(), rng);
        return MutualInformation.of(ContingencyTable.of(drawn), Base.NATS);
    }

    /**
     * A test of independence of a counted table and its p-value.
     *
     * @param pValue the p-value (1 for a table with one row or one column)
     * @param test   how it was found: {@link MissingLeak.Test#G_TEST} or {@link MissingLeak.Test#PERMUTATION}
     */
    public record Independence(double pValue, MissingLeak.Test test) {
        /** {@link #method()} of a G-test p. */
        public static final String G_TEST = "g-test";
        /** {@link #method()} of a p from random tables with the same margins. */
        public static final String RANDOM_TABLES = "random-tables";
        /** {@link #method()} of a table too sparse to test (p NaN). */
        public static final String UNTESTED = "untested";
        /**
         * {@link #method()} of a pair with a constant column on its rows (p NaN): every joint law with a one-point
         * margin is independent, so there is nothing to test, and a p of 1 would count as a test in a family's
         * q-values.
         */
        public static final String CONSTANT = "constant";

        /**
         * The "test" of a pair with a constant column: no p-value ({@link #CONSTANT}), the same on every engine.
         *
         * @return p NaN, method {@value #CONSTANT}
         */
        public static Independence constant() {
            return new Independence(Double.NaN, null);
        }

        /**
         * Which test gave the p-value, as a report labels it next to the p (a matrix mixes both tests).
         *
         * @return {@value #G_TEST}, {@value #RANDOM_TABLES}, {@value #CONSTANT} for a pair with a constant column
         *         ({@link #constant()}), or {@value #UNTESTED} when p is NaN otherwise
         */
        public String method() {
            if (test == null) {
                return CONSTANT;
            }
            return Double.isNaN(pValue) ? UNTESTED : test == MissingLeak.Test.G_TEST ? G_TEST : RANDOM_TABLES;
        }
    }

    /**
     * Cells up to which a sparse table still gets random tables: the filled-in test's tables (2 × the target's
     * values, at most 2 × 20 for a discrete target, a few more for a categorical one) always do.
     */
    static final int SMALL_TABLE = 100;

    /**
     * The p-value of independence of a table, one rule for every counted pair (the matrix of either engine, the
     * filled-in test of {@link MissingLeak}): the G-test's χ² tail with (a − 1)(b − 1) degrees of freedom when every
     * expected count r_i·c_j/n is at least {@value MissingLeak#MIN_EXPECTED} (Cochran's rule); below it the χ² tail is
     * liberal (a rare value of a 0/1 flag against a column of a few values: too many small p-values), so random tables
     * with the same margins decide ({@link RandomTables}, at most {@value MissingLeak#TABLE_DRAWS} draws stopping
     * after {@link SequentialPermutationTest#DEFAULT_EXCEEDANCES} at or above the observed MI). A drawn MI within
     * 1e-12 (relative) of the observed counts as reaching it, so that a table equal to the observed one up to the
     * order of its sums does. A table of more than 100 cells with fewer than {@value
     * MissingLeak#MIN_EXPECTED} rows per cell on average (a
     * column of a thousand postcodes against three hundred cities on 3,000 rows) gets no p-value (NaN): each random
     * table costs a pass over all its cells, 9,999 of them took minutes per pair in {@code mi --matrix}, and there the
     * MI above chance is the figure to read, as before the random tables.
     *
     * @param t     the observed table
     * @param nats  the table's plug-in MI, nats
     * @param seed  the run's seed
     * @param name  the pair's name, mixed into the seed so that pairs do not share their draws
     * @return the p-value (NaN for a table too sparse to test, see above) and the test that gave it
     */
    public static Independence independenceP(ContingencyTable t, double nats, long seed, String name) {
        if (t.rows() < 2 || t.cols() < 2) {
            return new Independence(1.0, MissingLeak.Test.G_TEST);
        }
        if (chiSquaredHolds(t)) {
            return new Independence(GTest.independence(t).pValue(), MissingLeak.Test.G_TEST);
        }
        double cells = (double) t.rows() * t.cols();
        if (cells > SMALL_TABLE && cells * MissingLeak.MIN_EXPECTED > t.total()) {
            return new Independence(Double.NaN, MissingLeak.Test.PERMUTATION);
        }
        double p = SequentialPermutationTest.runNull(nats - 1e-12 * Math.max(1.0, nats), rng -> natsNull(t, rng),
                MissingLeak.TABLE_DRAWS, SequentialPermutationTest.DEFAULT_EXCEEDANCES,
                TargetRanking.testSeed(seed, name)).pValue();
        return new Independence(p, MissingLeak.Test.PERMUTATION);
    }

    /**
     * Whether the G-test's χ² tail holds for a table: every expected count r_i·c_j/n is at least {@value
     * MissingLeak#MIN_EXPECTED} (Cochran's rule), the rule {@link #independenceP} chooses its test by. Below it the
     * tail gives too many small p-values, so a report shows no χ² p there.
     *
     * @param t the table (rows and columns of count 0 make an expected count 0)
     * @return true when the χ² tail may give the p-value
     */
    public static boolean chiSquaredHolds(ContingencyTable t) {
        return minExpected(t) >= MissingLeak.MIN_EXPECTED;
    }

    /** The least expected count r_i·c_j / n of the table's cells. */
    static double minExpected(ContingencyTable t) {
        double least = Double.POSITIVE_INFINITY;
        for (int i = 0; i < t.rows(); i++) {
            for (int j = 0; j < t.cols(); j++) {
                least = Math.min(least, (double) t.rowTotal(i) * t.colTotal(j) / t.total());
            }
        }
        return least;
    }

    /**
     * The MI of a bootstrap resample: row r of the n counted rows is the r-th row of the table read cell
     * by cell in row-major order, so a resample of row indices is a resample of cells.
     *
     * @param idx row indices in 0..n−1, repeats allowed
     * @return the MI of the resampled table, in nats
     */
    public double natsResampled(int[] idx) {
        long[] flat = table.toFlatArray();
        long[] end = new long[flat.length];
        long at = 0;
        for (int c = 0; c < flat.length; c++) {
            at += flat[c];
            end[c] = at;
        }
        long[] drawn = new long[flat.length];
        for (int i : idx) {
            int c = Arrays.binarySearch(end, i + 1L);
            if (c < 0) {
                c = -c - 1;
            } else {
                while (c > 0 && end[c - 1] == i + 1L) { // the first cell whose end reaches i + 1
                    c--;
                }
            }
            drawn[c]++;
        }
        return MutualInformation.of(ContingencyTable.ofFlat(table.rows(), table.cols(), drawn), Base.NATS);
    }

    /**
     * Pearson r of the numeric values, each cell weighted by its count; NaN for text labels or a constant side.
     *
     * @return r in [−1, 1], or NaN
     */
    public double pearson() {
        if (x == null || y == null || isConstant()) {
            return Double.NaN;
        }
        return weightedPearson(x, y);
    }

    /**
     * Spearman ρ: Pearson r of the average ranks of the values (ties share their mean rank); NaN as {@link #pearson}.
     *
     * @return ρ in [−1, 1], or NaN
     */
    public double spearman() {
        if (x == null || y == null || isConstant()) {
            return Double.NaN;
        }
        return weightedPearson(midRanks(table.rowCounts().toArray()), midRanks(table.colCounts().toArray()));
    }

    /** The mean rank (1..n) of each level's rows, levels in increasing value. */
    private static double[] midRanks(long[] counts) {
        double[] r = new double[counts.length];
        long before = 0;
        for (int i = 0; i < counts.length; i++) {
            r[i] = before + (counts[i] + 1) / 2.0;
            before += counts[i];
        }
        return r;
    }

    private double weightedPearson(double[] a, double[] b) {
        double ma = 0.0;
        double mb = 0.0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i] * table.rowTotal(i);
        }
        for (int j = 0; j < b.length; j++) {
            mb += b[j] * table.colTotal(j);
        }
        ma /= n;
        mb /= n;
        double saa = 0.0;
        double sbb = 0.0;
        double sab = 0.0;
        for (int i = 0; i < a.length; i++) {
            saa += table.rowTotal(i) * (a[i] - ma) * (a[i] - ma);
        }
        for (int j = 0; j < b.length; j++) {
            sbb += table.colTotal(j) * (b[j] - mb) * (b[j] - mb);
        }
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                long c = table.get(i, j);
                if (c != 0) {
                    sab += c * (a[i] - ma) * (b[j] - mb);
                }
            }
        }
        double r = sab / (Math.sqrt(saa) * Math.sqrt(sbb));
        return Math.max(-1.0, Math.min(1.0, r));
    }

    /**
     * The information a monotone trend of the feature carries about the target, as {@link TargetRanking}
     * defines it for two discrete columns: the larger MI of the target with the steps of the increasing
     * and the decreasing isotonic fit of the target's values on the feature's levels (0 at least); NaN
     * for text labels.
     *
     * @return the monotone MI in nats, or NaN
     */
    public double monotoneNats() {
        if (x == null || y == null) {
            return Double.NaN;
        }
        int levels = table.rows();
        int cols = table.cols();
        double[] sums = new double[levels];
        double[] weights = new double[levels];
        for (int i = 0; i < levels; i++) {
            double s = 0.0;
            for (int j = 0; j < cols; j++) {
                s += table.get(i, j) * y[j];
            }
            sums[i] = s;
            weights[i] = table.rowTotal(i);
        }
        double best = 0.0;
        for (boolean increasing : new boolean[] {true, false}) {
            int[] block = IsotonicRegression.levelBlocks(sums, weights, increasing);
            int blocks = block[levels - 1] + 1;
            // rows: the target's labels, columns: the steps, as the fit on the rows tabulates them
            long[][] t = new long[cols][blocks];
            for (int i = 0; i < levels; i++) {
                for (int j = 0; j < cols; j++) {
                    t[j][block[i]] += table.get(i, j);
                }
            }
            best = Math.max(best, MutualInformation.of(ContingencyTable.of(t), Base.NATS));
        }
        return best;
    }
}
