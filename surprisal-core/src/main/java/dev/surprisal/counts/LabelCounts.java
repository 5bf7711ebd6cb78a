// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.counts;

import dev.surprisal.core.ValidationException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counting raw labels into {@link Counts}, {@link ContingencyTable} and {@link ContingencyTable3}.
 *
 * <p>Only labels that occur get a category, so histograms and tables never have empty
 * categories (rows/columns). Categories are ordered by label value for {@code int}/{@code long}
 * labels, and for objects when they are mutually {@link Comparable} (else by first appearance);
 * {@link #codes(Object[])} returns the dictionary code → label.
 *
 * <p>Paths: integer labels whose range {@code max − min + 1} is at most 2²⁰ (or at most 4n and
 * 2²⁴) are counted straight into an array indexed by {@code label − min}; wider ranges go through
 * an open-addressing hash of long keys; objects through a {@link HashMap}. Pairs of small-range
 * int labels are counted in one pass into a histogram indexed by {@code x·cols + y}. Arrays of
 * 2²⁰ samples or more are counted in parallel chunks whose sub-histograms are summed in a fixed
 * order, so the result is the same on any number of threads.
 */
public final class LabelCounts {
    /** Ranges up to this size always use the direct array path. */
    static final long DIRECT_RANGE = 1L << 20;
    /** Ranges up to this size use the direct path when they are also at most 4n. */
    static final long DIRECT_RANGE_DENSE = 1L << 24;
    /** Pairs whose joint range is at most this many cells are counted in one fused pass. */
    static final long FUSED_CELLS = 1L << 22;
    /** Largest dense table this class builds (2²⁸ cells = 2 GiB of longs). */
    static final long MAX_TABLE_CELLS = 1L << 28;

    private LabelCounts() {
    }

    /**
     * The histogram of int labels; categories are the distinct labels in increasing order.
     *
     * @param labels one label per sample, at least one
     * @return the count of each distinct label, in increasing order of label
     */
    public static Counts of(int[] labels) {
        return Counts.wrap(intHistogram(labels, "labels", Histograms.chunks(length(labels, "labels"), 0)).counts);
    }

    /**
     * The histogram of long labels; categories are the distinct labels in increasing order.
     *
     * @param labels one label per sample, at least one
     * @return the count of each distinct label, in increasing order of label
     */
    public static Counts of(long[] labels) {
        return Counts.wrap(countsOf(codes(labels)));
    }

    /**
     * The histogram of object labels (e.g. strings); {@code null} is a label like any other.
     *
     * @param labels one label per sample, at least one
     * @return the count of each distinct label, in the order of {@link #codes(Object[])}
     */
    public static Counts of(Object[] labels) {
        return Counts.wrap(countsOf(codes(labels)));
    }

    /**
     * Dense codes and dictionary of int labels (dictionary values are {@code Long}).
     *
     * @param labels one label per sample
     * @return a code per sample and the dictionary back to the labels
     */
    public static Codes codes(int[] labels) {
        int n = length(labels, "labels");
        int chunks = Histograms.chunks(n, 0);
        int[] mm = Histograms.minMax(labels, chunks);
        long range = (long) mm[1] - mm[0] + 1;
        if (!direct(range, n)) {
            long[] wide = new long[n];
            Arrays.setAll(wide, i -> labels[i]);
            return hashed(wide);
        }
        int min = mm[0];
        long[] h = Histograms.histogram(labels, min, (int) range, chunks);
        int[] remap = new int[(int) range];
        List<Long> values = new ArrayList<>();
        for (int v = 0; v < range; v++) {
            if (h[v] != 0) {
                remap[v] = values.size();
                values.add((long) v + min);
            }
        }
        int[] codes = new int[n];
        if (chunks > 1) {
            Arrays.parallelSetAll(codes, i -> remap[labels[i] - min]);
        } else {
            for (int i = 0; i < n; i++) {
                codes[i] = remap[labels[i] - min];
            }
        }
        return new Codes(codes, values.size(), values);
    }

    /**
     * Dense codes and dictionary of long labels.
     *
     * @param labels one label per sample
     * @return a code per sample and the dictionary back to the labels
     */
    public static Codes codes(long[] labels) {
        int n = length(labels, "labels");
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long v : labels) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double range = (double) max - (double) min + 1; // double: max − min may overflow a long
        if (!direct(range, n)) {
            return hashed(labels);
        }
        int[] h = new int[(int) range];
        for (long v : labels) {
            h[(int) (v - min)]++;
        }
        int[] remap = new int[h.length];
        List<Long> values = new ArrayList<>();
        for (int v = 0; v < h.length; v++) {
            if (h[v] != 0) {
                remap[v] = values.size();
                values.add(v + min);
            }
        }
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
            codes[i] = remap[(int) (labels[i] - min)];
        }
        return new Codes(codes, values.size(), values);
    }

    /**
     * Dense codes and dictionary of object labels.
     *
     * @param labels one label per sample
     * @return a code per sample and the dictionary back to the labels
     */
    public static Codes codes(Object[] labels) {
        int n = length(labels, "labels");
        Map<Object, Integer> seen = new HashMap<>();
        List<Object> first = new ArrayList<>();
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
            Integer c = seen.get(labels[i]);
            if (c == null) {
                c = first.size();
                seen.put(labels[i], c);
                first.add(labels[i]);
            }
            codes[i] = c;
        }
        int[] rank = comparableRanks(first);
        if (rank == null) {
            return new Codes(codes, first.size(), first);
        }
        Object[] sorted = new Object[first.size()];
        for (int c = 0; c < rank.length; c++) {
            sorted[rank[c]] = first.get(c);
        }
        for (int i = 0; i < n; i++) {
            codes[i] = rank[codes[i]];
        }
        return new Codes(codes, sorted.length, Arrays.asList(sorted));
    }

    /**
     * The joint labels of several columns as one labelling (dictionary entries are opaque keys).
     *
     * @param columns the labellings, all of the same length
     * @return one code per sample for its tuple of labels
     */
    public static Codes joint(int[]... columns) {
        if (columns == null || columns.length == 0) {
            throw new ValidationException("columns: is empty");
        }
        Codes acc = codes(columns[0]);
        for (int j = 1; j < columns.length; j++) {
            Codes next = codes(columns[j]);
            sameLength(acc.array(), next.array(), "columns[0]", "columns[" + j + "]");
            acc = combine(acc, next);
        }
        return acc;
    }

    /** Codes of the pairs (a, b): one code per distinct pair that occurs. */
    static Codes combine(Codes a, Codes b) {
        int[] ca = a.array();
        int[] cb = b.array();
        long kb = b.cardinality();
        long[] keys = new long[ca.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = ca[i] * kb + cb[i];
        }
        return codes(keys);
    }

    /**
     * The table of joint counts n(x, y) of two int labellings; rows are X.
     *
     * @param x the row labels
     * @param y the column labels, same length
     * @return the table n(x, y)
     */
    public static ContingencyTable table(int[] x, int[] y) {
        int n = length(x, "x");
        sameLength(x, y, "x", "y");
        int chunks = Histograms.chunks(n, 0);
        int[] mx = Histograms.minMax(x, chunks);
        int[] my = Histograms.minMax(y, chunks);
        long rx = (long) mx[1] - mx[0] + 1;
        long ry = (long) my[1] - my[0] + 1;
        if (rx * ry <= FUSED_CELLS) {
            int cells = (int) (rx * ry);
            long[] h = Histograms.histogram2(x, mx[0], y, my[0], (int) ry, cells, Histograms.chunks(n, cells));
            return compact(h, (int) rx, (int) ry);
        }
        return tableOfCodes(codes(x), codes(y));
    }

    /**
     * The table of joint counts of two long labellings; rows are X.
     *
     * @param x the row labels
     * @param y the column labels, same length
     * @return the table n(x, y)
     */
    public static ContingencyTable table(long[] x, long[] y) {
        sameLength(x, y, "x", "y");
        return tableOfCodes(codes(x), codes(y));
    }

    /**
     * The table of joint counts of two object labellings; rows are X.
     *
     * @param x the row labels
     * @param y the column labels, same length
     * @return the table n(x, y)
     */
    public static ContingencyTable table(Object[] x, Object[] y) {
        sameLength(x, y, "x", "y");
        return tableOfCodes(codes(x), codes(y));
    }

    /**
     * The three-way table n(x, y, z) of int labellings.
     *
     * @param x the X labels
     * @param y the Y labels, same length
     * @param z the Z labels, same length
     * @return the table n(x, y, z)
     */
    public static ContingencyTable3 table(int[] x, int[] y, int[] z) {
        sameLength(x, y, "x", "y");
        sameLength(x, z, "x", "z");
        return table3(codes(x), codes(y), codes(z));
    }

    /**
     * The three-way table n(x, y, z) of long labellings.
     *
     * @param x the X labels
     * @param y the Y labels, same length
     * @param z the Z labels, same length
     * @return the table n(x, y, z)
     */
    public static ContingencyTable3 table(long[] x, long[] y, long[] z) {
        sameLength(x, y, "x", "y");
        sameLength(x, z, "x", "z");
        return table3(codes(x), codes(y), codes(z));
    }

    /**
     * The three-way table n(x, y, z) of object labellings.
     *
     * @param x the X labels
     * @param y the Y labels, same length
     * @param z the Z labels, same length
     * @return the table n(x, y, z)
     */
    public static ContingencyTable3 table(Object[] x, Object[] y, Object[] z) {
        sameLength(x, y, "x", "y");
        sameLength(x, z, "x", "z");
        return table3(codes(x), codes(y), codes(z));
    }

    /**
     * The table of two already-coded labellings of the same length.
     *
     * @param x the codes of the row labels
     * @param y the codes of the column labels, same length
     * @return the table n(x, y)
     */
    public static ContingencyTable table(Codes x, Codes y) {
        sameLength(x.array(), y.array(), "x", "y");
        return tableOfCodes(x, y);
    }

    private static ContingencyTable3 table3(Codes x, Codes y, Codes z) {
        long kxy = (long) x.cardinality() * y.cardinality();
        long cells = kxy * z.cardinality();
        if (cells > MAX_TABLE_CELLS) {
            throw new ValidationException("x, y, z: a dense " + x.cardinality() + " x " + y.cardinality()
                    + " x " + z.cardinality() + " table has more than " + MAX_TABLE_CELLS + " cells");
        }
        int[] cx = x.array();
        int[] cy = y.array();
        int ky = y.cardinality();
        int[] xy = new int[cx.length];
        for (int i = 0; i < xy.length; i++) {
            xy[i] = cx[i] * ky + cy[i];
        }
        // the row-major (x·ky + y, z) table is exactly the row-major (x, y, z) table
        long[] flat = cells(xy, (int) kxy, z.array(), z.cardinality());
        return ContingencyTable3.wrapFlat(x.cardinality(), ky, z.cardinality(), flat);
    }

    private static ContingencyTable tableOfCodes(Codes x, Codes y) {
        return ContingencyTable.wrapFlat(x.cardinality(), y.cardinality(),
                cells(x.array(), x.cardinality(), y.array(), y.cardinality()));
    }

    /** Row-major cells of the codes (cx, cy) with cardinalities kx × ky. */
    private static long[] cells(int[] cx, int kx, int[] cy, int ky) {
        long cells = (long) kx * ky;
        if (cells > MAX_TABLE_CELLS) {
            throw new ValidationException("x, y: a dense " + kx + " x " + ky + " table has more than "
                    + MAX_TABLE_CELLS + " cells");
        }
        int n = cx.length;
        if (cells <= Math.max(FUSED_CELLS, 4L * n)) {
            return Histograms.histogram2(cx, 0, cy, 0, ky, (int) cells, Histograms.chunks(n, cells));
        }
        // sparse: hash the occupied cells, then scatter into the dense table
        LongCodeMap map = new LongCodeMap(Math.min(n, 1 << 20));
        for (int i = 0; i < n; i++) {
            map.add((long) cx[i] * ky + cy[i]);
        }
        long[] flat = new long[(int) cells];
        long[] keys = map.keys();
        long[] counts = map.counts();
        for (int k = 0; k < keys.length; k++) {
            flat[(int) keys[k]] = counts[k];
        }
        return flat;
    }

    /** Drops the rows and columns of a raw-range histogram whose labels never occur. */
    private static ContingencyTable compact(long[] h, int rows, int cols) {
        long[] rowSum = new long[rows];
        long[] colSum = new long[cols];
        for (int r = 0, k = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++, k++) {
                rowSum[r] += h[k];
                colSum[c] += h[k];
            }
        }
        int[] keepRows = nonZeroIndices(rowSum);
        int[] keepCols = nonZeroIndices(colSum);
        if (keepRows.length == rows && keepCols.length == cols) {
            return ContingencyTable.wrapFlat(rows, cols, h);
        }
        long[] out = new long[keepRows.length * keepCols.length];
        int k = 0;
        for (int r : keepRows) {
            for (int c : keepCols) {
                out[k++] = h[r * cols + c];
            }
        }
        return ContingencyTable.wrapFlat(keepRows.length, keepCols.length, out);
    }

    private static int[] nonZeroIndices(long[] v) {
        int m = 0;
        for (long c : v) {
            if (c != 0) {
                m++;
            }
        }
        int[] idx = new int[m];
        for (int i = 0, k = 0; i < v.length; i++) {
            if (v[i] != 0) {
                idx[k++] = i;
            }
        }
        return idx;
    }

    /** Counts of int labels by the chosen path; chunks = 1 forces sequential counting. */
    static Dense intHistogram(int[] labels, String name, int chunks) {
        int n = length(labels, name);
        // one pass when a prefix predicts a small range; else min/max, then count
        long[] h = Histograms.histogramGuessed(labels, chunks);
        if (h != null) {
            h = Arrays.copyOfRange(h, 1, h.length);
        } else {
            int[] mm = Histograms.minMax(labels, chunks);
            long range = (long) mm[1] - mm[0] + 1;
            if (!direct(range, n)) {
                long[] wide = new long[n];
                Arrays.setAll(wide, i -> labels[i]);
                return new Dense(countsOf(hashed(wide)));
            }
            h = Histograms.histogram(labels, mm[0], (int) range, chunks);
        }
        int[] keep = nonZeroIndices(h);
        long[] counts = new long[keep.length];
        for (int k = 0; k < keep.length; k++) {
            counts[k] = h[keep[k]];
        }
        return new Dense(counts);
    }

    /** Counts of hashed codes, for tests comparing the paths. */
    static Codes hashed(long[] labels) {
        LongCodeMap map = new LongCodeMap(Math.min(labels.length, 1 << 16));
        int[] codes = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            codes[i] = map.add(labels[i]);
        }
        int[] rank = map.sortedRanks();
        for (int i = 0; i < codes.length; i++) {
            codes[i] = rank[codes[i]];
        }
        long[] keys = map.keys();
        long[] sorted = new long[keys.length];
        for (int c = 0; c < keys.length; c++) {
            sorted[rank[c]] = keys[c];
        }
        return new Codes(codes, sorted.length, Codes.longList(sorted));
    }

    static long[] countsOf(Codes codes) {
        long[] counts = new long[codes.cardinality()];
        for (int c : codes.array()) {
            counts[c]++;
        }
        return counts;
    }

    static final class Dense {
        final long[] counts;

        Dense(long[] counts) {
            this.counts = counts;
        }
    }

    private static boolean direct(double range, int n) {
        return range <= DIRECT_RANGE || (range <= 4.0 * n && range <= DIRECT_RANGE_DENSE);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int[] comparableRanks(List<Object> first) {
        Integer[] order = new Integer[first.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        try {
            Arrays.sort(order, (a, b) -> ((Comparable) first.get(a)).compareTo(first.get(b)));
        } catch (ClassCastException | NullPointerException e) {
            return null; // mixed or non-comparable labels keep first-seen order
        }
        int[] rank = new int[order.length];
        for (int r = 0; r < order.length; r++) {
            rank[order[r]] = r;
        }
        return rank;
    }

    private static int length(Object array, String name) {
        if (array == null) {
            throw new ValidationException(name + ": is null");
        }
        int n = java.lang.reflect.Array.getLength(array);
        if (n == 0) {
            throw new ValidationException(name + ": is empty");
        }
        return n;
    }

    private static void sameLength(Object a, Object b, String nameA, String nameB) {
        int na = length(a, nameA);
        int nb = length(b, nameB);
        if (na != nb) {
            throw new ValidationException(nameA + " and " + nameB + ": lengths differ (" + na + " vs " + nb + ")");
        }
    }
}
