// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.continuous;

import dev.surprisal.core.ValidationException;
import dev.surprisal.knn.PointSet;

/**
 * The rows of a sample that do not repeat an earlier row exactly (equal in every column), found by
 * hashing each row once: O(n·d) time, O(n) memory.
 *
 * <p><b>Why it matters.</b> A nearest-neighbour estimator (KSG, Ross, Kozachenko–Leonenko, Frenzel–Pompe)
 * counts a copy of a point as a neighbour at distance 0, so a repeated record looks like a point whose
 * X and Y agree perfectly: on independent normal x, y with every row present twice, KSG gives about
 * 0.8 nats in place of about 0, and a permutation test calls that significant, because shuffling y
 * breaks the copies apart. The test is invalid on duplicated records anyway: its null hypothesis is
 * that the n rows are exchangeable, independent records, and a copy is not an independent record.
 * A bootstrap resample has the same defect (it draws some rows twice), which is why a bootstrap of a
 * kNN statistic should estimate on {@code DistinctRows.of(...).pick(...)} of each resample.
 *
 * <p>Values are compared exactly, except that −0.0 equals 0.0 and NaN (a missing cell) equals NaN.
 *
 * <pre>{@code
 * DistinctRows d = DistinctRows.of(x, y);
 * if (d.repeats() > 0) {
 *     KnnEstimate e = KraskovMutualInformation.estimate(d.pick(x), d.pick(y));
 * }
 * }</pre>
 */
public final class DistinctRows {
    private final int n;
    private final int[] kept;
    private final double residualTies;

    private DistinctRows(int n, int[] kept, double residualTies) {
        this.n = n;
        this.kept = kept;
        this.residualTies = residualTies;
    }

    /**
     * The distinct rows of columns of equal length ({@code columns[j][i]} is row i's value in column j).
     *
     * @param columns one or more columns, all of the same length
     * @return the distinct rows, in their order of first appearance
     * @throws ValidationException if no column is given or the lengths differ
     */
    public static DistinctRows of(double[]... columns) {
        if (columns == null || columns.length == 0) {
            throw new ValidationException("columns: none given");
        }
        int n = columns[0].length;
        for (int j = 1; j < columns.length; j++) {
            if (columns[j].length != n) {
                throw new ValidationException("columns[" + j + "]: has " + columns[j].length + " rows, columns[0] has " + n);
            }
        }
        return find(n, columns);
    }

    /**
     * The distinct points of point sets taken side by side (the joint space of an estimator).
     *
     * @param sets one or more point sets of the same size
     * @return the distinct points, in their order of first appearance
     * @throws ValidationException if the sizes differ
     */
    public static DistinctRows of(PointSet... sets) {
        int d = 0;
        for (PointSet s : sets) {
            d += s.dimension();
        }
        double[][] columns = new double[d][];
        int j = 0;
        for (PointSet s : sets) {
            for (int c = 0; c < s.dimension(); c++) {
                columns[j++] = s.column(c);
            }
        }
        return of(columns);
    }

    /** The columns of a point set followed by extra columns (a label as a number), for {@link #of(double[]...)}. */
    static double[][] columnsOf(PointSet s, double[]... extra) {
        double[][] columns = new double[s.dimension() + extra.length][];
        for (int c = 0; c < s.dimension(); c++) {
            columns[c] = s.column(c);
        }
        System.arraycopy(extra, 0, columns, s.dimension(), extra.length);
        return columns;
    }

    /**
     * A column of labels (integer codes) as a key column of {@link #of(double[]...)}: each code as its double,
     * which is exact for every int, so two rows are equal in it exactly when their codes are.
     *
     * @param labels the codes, one per row
     * @return the codes as doubles, a new array of the same length
     */
    public static double[] labelColumn(int[] labels) {
        double[] out = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = labels[i];
        }
        return out;
    }

    private static DistinctRows find(int n, double[][] cols) {
        int[] firstOf = firstEqual(n, cols);
        int count = 0;
        for (int i = 0; i < n; i++) {
            count += firstOf[i] == i ? 1 : 0;
        }
        int[] kept = new int[count];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (firstOf[i] == i) {
                kept[m++] = i;
            }
        }
        return new DistinctRows(n, kept, count == n ? 0.0 : residualTies(cols, kept));
    }

    /** For each row i, the index of the first row equal to it in every column (i itself for a first row). */
    private static int[] firstEqual(int n, double[][] cols) {
        int cap = Integer.highestOneBit(Math.max(2, n) * 2 - 1) << 1; // a power of two ≥ 2n: load ≤ 1/2
        int mask = cap - 1;
        int[] slot = new int[cap];
        java.util.Arrays.fill(slot, -1);
        int[] firstOf = new int[n];
        for (int i = 0; i < n; i++) {
            int h = hash(cols, i) & mask;
            while (slot[h] >= 0 && !equal(cols, slot[h], i)) {
                h = (h + 1) & mask;
            }
            if (slot[h] < 0) {
                slot[h] = i;
            }
            firstOf[i] = slot[h];
        }
        return firstOf;
    }

    /** A column is fine when its values occur at most this often on average (rows with a value / distinct values). */
    public static final int FINE_MULTIPLICITY = 5;

    /**
     * The smallest share of tied values a fine column keeps on the distinct rows (1 when no column is fine): per
     * column, among the distinct rows with a value (NaN is no value), 1 − distinct values / rows with a value. A
     * column is fine when it holds a value with a fraction and each of its values occurs at most
     * {@value #FINE_MULTIPLICITY} times on average over all rows: a coarse column (a flag, a category, a code) has few values, each on many rows, so its ties say
     * nothing about copies, even when it and another coarse column determine each other. Runs only when some
     * row repeats: O(n·d) more.
     */
    private static double residualTies(double[][] cols, int[] kept) {
        double least = 1.0;
        for (double[] c : cols) {
            double[] all = present(c, null);
            if (all.length == 0 || (long) FINE_MULTIPLICITY * values(all) < all.length || integers(all)) {
                continue;
            }
            double[] v = present(c, kept);
            least = Math.min(least, 1.0 - (double) values(v) / v.length);
        }
        return least;
    }

    /**
     * Whether every value is a whole number: codes, counts, postcodes, ids and the labels of categories repeat
     * naturally, and a code that determines the other columns read (a postcode beside its city) repeats whole
     * rows without any copy; so only a column of measured values (with fractions) can mark copies.
     */
    private static boolean integers(double[] v) {
        for (double x : v) {
            if (x != Math.rint(x)) {
                return false;
            }
        }
        return true;
    }

    /** The values of {@code c} that are not NaN, at {@code rows} (null: every row), in order. */
    private static double[] present(double[] c, int[] rows) {
        int m = rows == null ? c.length : rows.length;
        double[] v = new double[m];
        int k = 0;
        for (int r = 0; r < m; r++) {
            double x = c[rows == null ? r : rows[r]];
            if (!Double.isNaN(x)) {
                v[k++] = x;
            }
        }
        return java.util.Arrays.copyOf(v, k);
    }

    /** The number of distinct values of {@code v}. */
    private static int values(double[] v) {
        int[] firstOf = firstEqual(v.length, new double[][] {v});
        int count = 0;
        for (int r = 0; r < v.length; r++) {
            count += firstOf[r] == r ? 1 : 0;
        }
        return count;
    }

    private static long bits(double v) {
        return v == 0.0 ? 0L : Double.doubleToLongBits(v); // −0.0 as 0.0; every NaN is one canonical NaN
    }

    private static int hash(double[][] cols, int i) {
        long h = 0x9E3779B97F4A7C15L;
        for (double[] c : cols) {
            h = (h ^ bits(c[i])) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        return (int) (h ^ (h >>> 32));
    }

    private static boolean equal(double[][] cols, int a, int b) {
        for (double[] c : cols) {
            if (bits(c[a]) != bits(c[b])) {
                return false;
            }
        }
        return true;
    }

    /**
     * The number of rows given.
     *
     * @return n, the number of rows
     */
    public int rows() {
        return n;
    }

    /**
     * The number of distinct rows.
     *
     * @return the number of rows that repeat no earlier row
     */
    public int distinct() {
        return kept.length;
    }

    /**
     * The number of rows equal to an earlier row in every column: n − {@link #distinct()}.
     *
     * @return the number of repeated rows, 0 when every row is distinct
     */
    public int repeats() {
        return n - kept.length;
    }

    /**
     * The share of rows that repeat an earlier row, in [0, 1).
     *
     * @return {@link #repeats()} / n (a fraction, not a percentage)
     */
    public double share() {
        return n == 0 ? 0.0 : (double) repeats() / n;
    }

    /**
     * The ties a fine column keeps once the repeated rows are gone, for the column that keeps fewest: per column,
     * among the distinct rows with a value (NaN is none), 1 − distinct values / rows with a value. A column is
     * fine when its values occur at most {@value #FINE_MULTIPLICITY} times each on average over all rows (a
     * measurement, an amount, an ID; not a flag or a category). It measures how often values coincide
     * <em>naturally</em>: a continuous column keeps no ties (0), a rounded amount a few. 1 when no column is
     * fine; 0 when no row repeats.
     *
     * @return the least residual tie share over the fine columns, a fraction in [0, 1]
     */
    public double residualTieShare() {
        return residualTies;
    }

    /**
     * Whether the repeats are duplicated records (copies) rather than coincidences of coarse values. Whole rows
     * recur by coincidence only about as often as the values of each column coincide, so the repeat share of
     * copies stands far above the natural tie share of a fine column: the rule is {@link #share()} &gt; 10 ×
     * {@link #residualTieShare()}. A table loaded twice with a measured column: share 0.5, ties 0. Rounded
     * amounts beside a flag: the amounts keep ties comparable to the repeats. Flags, categories and small counts
     * alone are never fine, so their repeats are kept. Not told apart: copies in a table of coarse columns
     * only (kept); copies of a fifth of a table whose fine column naturally ties on 2.5% of rows (kept); and
     * natural repeats of a fine but rounded column that determines every other column read (taken as copies).
     *
     * @return true when the rows look duplicated (a table loaded twice, a join that fanned out)
     */
    public boolean duplicatedRecords() {
        return repeats() > 0 && share() > 10.0 * residualTies;
    }

    /**
     * The indices of the distinct rows: each row that repeats no earlier row, in increasing order.
     *
     * @return the row indices (a copy)
     */
    public int[] indices() {
        return kept.clone();
    }

    /**
     * A column restricted to the distinct rows.
     *
     * @param column a column with {@link #rows()} values
     * @return its values at {@link #indices()}, in order
     * @throws ValidationException if the column has another length
     */
    public double[] pick(double[] column) {
        check(column.length);
        double[] out = new double[kept.length];
        for (int r = 0; r < kept.length; r++) {
            out[r] = column[kept[r]];
        }
        return out;
    }

    /**
     * A column of labels restricted to the distinct rows.
     *
     * @param column a column with {@link #rows()} labels
     * @return its labels at {@link #indices()}, in order
     * @throws ValidationException if the column has another length
     */
    public int[] pick(int[] column) {
        check(column.length);
        int[] out = new int[kept.length];
        for (int r = 0; r < kept.length; r++) {
            out[r] = column[kept[r]];
        }
        return out;
    }

    private void check(int length) {
        if (length != n) {
            throw new ValidationException("column: has " + length + " rows, the distinct rows were found among " + n);
        }
    }

    @Override
    public String toString() {
        return repeats() + " of " + n + " rows repeat an earlier row (residual tie share " + residualTies + ")";
    }
}
