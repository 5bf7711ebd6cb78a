// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.counts;

import dev.surprisal.core.ValidationException;

import dev.surprisal.core.Validate;

import java.util.Arrays;

/**
 * An immutable two-way table of joint counts n(x, y): {@code rows} values of X by {@code cols}
 * values of Y, stored row-major in one flat array. Marginals are computed once at construction.
 * Tables merge by addition, like {@link Counts}.
 */
public final class ContingencyTable {
    private final int rows;
    private final int cols;
    private final long[] cells;
    private final long[] rowTotals;
    private final long[] colTotals;
    private final long total;

    private ContingencyTable(int rows, int cols, long[] cells) {
        this.rows = rows;
        this.cols = cols;
        this.cells = cells;
        this.total = Validate.counts("table", cells);
        this.rowTotals = new long[rows];
        this.colTotals = new long[cols];
        for (int r = 0, k = 0; r < rows; r++) {
            long s = 0;
            for (int c = 0; c < cols; c++, k++) {
                s += cells[k];
                colTotals[c] += cells[k];
            }
            rowTotals[r] = s;
        }
    }

    /**
     * A table from a rectangular {@code long[rows][cols]} array (copied).
     *
     * @param table {@code table[x][y]} the count of the pair (x, y), rectangular, ≥ 0, positive total
     * @return the table
     * @throws IllegalArgumentException if it is empty or ragged, or holds a negative count
     */
    public static ContingencyTable of(long[][] table) {
        if (table == null || table.length == 0 || table[0] == null || table[0].length == 0) {
            throw new ValidationException("table: is empty");
        }
        int rows = table.length;
        int cols = table[0].length;
        long[] flat = new long[rows * cols];
        for (int r = 0; r < rows; r++) {
            if (table[r] == null || table[r].length != cols) {
                throw new ValidationException("table[" + r + "]: has "
                        + (table[r] == null ? 0 : table[r].length) + " columns, row 0 has " + cols);
            }
            System.arraycopy(table[r], 0, flat, r * cols, cols);
        }
        return new ContingencyTable(rows, cols, flat);
    }

    /**
     * A table from a row-major flat array of {@code rows·cols} counts (copied).
     *
     * @param rows the number of X categories, ≥ 1
     * @param cols the number of Y categories, ≥ 1
     * @param rowMajor the counts, cell (r, c) at index {@code r·cols + c}
     * @return the table
     */
    public static ContingencyTable ofFlat(int rows, int cols, long[] rowMajor) {
        if (rows <= 0 || cols <= 0) {
            throw new ValidationException("rows, cols: must be positive, got " + rows + " x " + cols);
        }
        if (rowMajor == null || rowMajor.length != (long) rows * cols) {
            throw new ValidationException("rowMajor: expected " + ((long) rows * cols) + " cells, got "
                    + (rowMajor == null ? 0 : rowMajor.length));
        }
        return new ContingencyTable(rows, cols, rowMajor.clone());
    }

    /** As {@link #ofFlat} without copying; for counting code in this package that owns the array. */
    static ContingencyTable wrapFlat(int rows, int cols, long[] rowMajor) {
        return new ContingencyTable(rows, cols, rowMajor);
    }

    /**
     * @return the number of X categories (rows)
     */
    public int rows() {
        return rows;
    }

    /**
     * @return the number of Y categories (columns)
     */
    public int cols() {
        return cols;
    }

    /**
     * n(x = r, y = c).
     *
     * @param r a row (X category)
     * @param c a column (Y category)
     * @return the count n(x = r, y = c)
     */
    public long get(int r, int c) {
        return cells[r * cols + c];
    }

    /**
     * Total count N.
     *
     * @return the total count N
     */
    public long total() {
        return total;
    }

    /**
     * Counts of X (row sums).
     *
     * @return the row sums, one per X category
     */
    public Counts rowCounts() {
        return Counts.wrap(rowTotals.clone());
    }

    /**
     * Counts of Y (column sums).
     *
     * @return the column sums, one per Y category
     */
    public Counts colCounts() {
        return Counts.wrap(colTotals.clone());
    }

    /**
     * Row sum n(x = r).
     *
     * @param r a row (X category)
     * @return n(x = r)
     */
    public long rowTotal(int r) {
        return rowTotals[r];
    }

    /**
     * Column sum n(y = c).
     *
     * @param c a column (Y category)
     * @return n(y = c)
     */
    public long colTotal(int c) {
        return colTotals[c];
    }

    /**
     * All cells as one histogram over (x, y) pairs; used for the joint entropy H(X,Y).
     *
     * @return every cell, row-major, as one histogram
     */
    public Counts jointCounts() {
        return Counts.wrap(cells.clone());
    }

    /**
     * The table with X and Y swapped.
     *
     * @return a new table whose rows are Y and columns X
     */
    public ContingencyTable transpose() {
        long[] t = new long[cells.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = cells[r * cols + c];
            }
        }
        return new ContingencyTable(cols, rows, t);
    }

    /**
     * A copy of the cells, row-major.
     *
     * @return a copy of the cells, row-major
     */
    public long[] toFlatArray() {
        return cells.clone();
    }

    /**
     * The cell-wise sum of two tables of the same shape.
     *
     * @param other a table of the same shape over the same categories
     * @return a new table, cell by cell the sum
     */
    public ContingencyTable merge(ContingencyTable other) {
        if (other.rows != rows || other.cols != cols) {
            throw new ValidationException("other: is " + other.rows + " x " + other.cols
                    + ", this is " + rows + " x " + cols);
        }
        long[] sum = new long[cells.length];
        for (int i = 0; i < sum.length; i++) {
            sum[i] = Math.addExact(cells[i], other.cells[i]);
        }
        return new ContingencyTable(rows, cols, sum);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ContingencyTable)) {
            return false;
        }
        ContingencyTable t = (ContingencyTable) o;
        return t.rows == rows && t.cols == cols && Arrays.equals(t.cells, cells);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(cells);
    }

    @Override
    public String toString() {
        return "ContingencyTable[" + rows + " x " + cols + ", N=" + total + "]";
    }
}
