// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.counts;

import dev.surprisal.core.ValidationException;

import java.util.Arrays;

/**
 * The joint counts of two labellings stored as their non-zero cells only, for label sets whose dense
 * table would be too large (two ID-like columns of 10⁵ labels each would need 10¹⁰ cells). Memory is
 * O(n): the pairs are packed into one {@code long} key each, sorted, and counted by runs.
 * Rows are the codes of x, columns the codes of y (both from {@link LabelCounts#codes(int[])}).
 */
public final class SparseContingencyTable {
    /** Above this many dense cells, {@code MutualInformation} counts sparsely (2²² cells, 32 MiB of longs). */
    public static final long DENSE_LIMIT = 1L << 22;

    private final int[] row;
    private final int[] col;
    private final long[] count;
    private final long[] rowTotals;
    private final long[] colTotals;
    private final long total;

    private SparseContingencyTable(int[] row, int[] col, long[] count, long[] rowTotals, long[] colTotals, long total) {
        this.row = row;
        this.col = col;
        this.count = count;
        this.rowTotals = rowTotals;
        this.colTotals = colTotals;
        this.total = total;
    }

    /**
     * Counts the pairs (x_i, y_i).
     *
     * @param x labels of the rows
     * @param y labels of the columns, same length
     * @return the non-zero cells with both margins
     * @throws ValidationException if an array is null or the lengths differ
     */
    public static SparseContingencyTable of(int[] x, int[] y) {
        if (x == null || y == null) {
            throw new ValidationException((x == null ? "x" : "y") + ": is null");
        }
        if (x.length != y.length) {
            throw new ValidationException("x, y: lengths differ (" + x.length + " vs " + y.length + ")");
        }
        Codes cx = LabelCounts.codes(x);
        Codes cy = LabelCounts.codes(y);
        int n = x.length;
        long ky = cy.cardinality();
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = cx.code(i) * ky + cy.code(i);
        }
        if (n > 1 << 13) {
            Arrays.parallelSort(keys);
        } else {
            Arrays.sort(keys);
        }
        int cells = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                cells++;
            }
        }
        int[] row = new int[cells];
        int[] col = new int[cells];
        long[] count = new long[cells];
        long[] rowTotals = new long[cx.cardinality()];
        long[] colTotals = new long[cy.cardinality()];
        int c = -1;
        for (int i = 0; i < n; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                c++;
                row[c] = (int) (keys[i] / ky);
                col[c] = (int) (keys[i] % ky);
            }
            count[c]++;
            rowTotals[row[c]]++;
            colTotals[col[c]]++;
        }
        return new SparseContingencyTable(row, col, count, rowTotals, colTotals, n);
    }

    /**
     * Number of non-zero cells.
     *
     * @return the number of non-zero cells
     */
    public int cells() {
        return count.length;
    }

    /**
     * Row (x code) of non-zero cell i.
     *
     * @param i a non-zero cell, 0 ≤ i &lt; {@link #cells()}
     * @return its row (x code)
     */
    public int row(int i) {
        return row[i];
    }

    /**
     * Column (y code) of non-zero cell i.
     *
     * @param i a non-zero cell, 0 ≤ i &lt; {@link #cells()}
     * @return its column (y code)
     */
    public int col(int i) {
        return col[i];
    }

    /**
     * Count of non-zero cell i.
     *
     * @param i a non-zero cell, 0 ≤ i &lt; {@link #cells()}
     * @return its count, ≥ 1
     */
    public long count(int i) {
        return count[i];
    }

    /**
     * Number of distinct x labels.
     *
     * @return the number of distinct x labels
     */
    public int rows() {
        return rowTotals.length;
    }

    /**
     * Number of distinct y labels.
     *
     * @return the number of distinct y labels
     */
    public int cols() {
        return colTotals.length;
    }

    /**
     * Rows with x code r.
     *
     * @param r an x code
     * @return the rows with that x code
     */
    public long rowTotal(int r) {
        return rowTotals[r];
    }

    /**
     * Rows with y code c.
     *
     * @param c a y code
     * @return the rows with that y code
     */
    public long colTotal(int c) {
        return colTotals[c];
    }

    /**
     * All rows.
     *
     * @return the number of rows N
     */
    public long total() {
        return total;
    }
}
