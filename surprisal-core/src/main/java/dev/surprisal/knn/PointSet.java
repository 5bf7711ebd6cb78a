// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.knn;

import dev.surprisal.core.ValidationException;

import dev.surprisal.core.Validate;
import dev.surprisal.knn.internal.Points;

/**
 * n points in d dimensions, held row-major in one {@code double[]} (point i occupies
 * {@code [i·d, i·d + d)}). Factories validate: non-empty, rectangular, every coordinate finite.
 */
public final class PointSet {
    private final int n;
    private final int d;
    private final double[] data;

    private PointSet(int n, int d, double[] data) {
        this.n = n;
        this.d = d;
        this.data = data;
    }

    /**
     * One point per row: {@code rows[i][j]} is coordinate j of point i.
     *
     * @param name the argument's name, used in error messages
     * @param rows one point per row, all of the same length, finite coordinates
     * @return the points (copied)
     */
    public static PointSet ofRows(String name, double[][] rows) {
        if (rows == null) {
            throw new ValidationException(name + ": is null");
        }
        if (rows.length == 0) {
            throw new ValidationException(name + ": is empty");
        }
        if (rows[0] == null || rows[0].length == 0) {
            throw new ValidationException(name + "[0]: has no coordinates");
        }
        int d = rows[0].length;
        double[] data = new double[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            double[] r = rows[i];
            if (r == null || r.length != d) {
                throw new ValidationException(name + "[" + i + "]: has " + (r == null ? "no" : r.length)
                        + " coordinates, expected " + d);
            }
            for (int j = 0; j < d; j++) {
                check(name, i, j, d, r[j]);
                data[i * d + j] = r[j];
            }
        }
        return new PointSet(rows.length, d, data);
    }

    /**
     * One column per dimension: {@code columns[j][i]} is coordinate j of point i.
     *
     * @param name the argument's name, used in error messages
     * @param columns one array per dimension, all of the same length, finite coordinates
     * @return the points (copied)
     */
    public static PointSet ofColumns(String name, double[]... columns) {
        if (columns == null || columns.length == 0) {
            throw new ValidationException(name + ": has no columns");
        }
        int d = columns.length;
        int n = columns[0] == null ? 0 : columns[0].length;
        if (n == 0) {
            throw new ValidationException(name + ": is empty");
        }
        double[] data = new double[n * d];
        for (int j = 0; j < d; j++) {
            if (columns[j] == null || columns[j].length != n) {
                throw new ValidationException(name + " column " + j + ": has "
                        + (columns[j] == null ? 0 : columns[j].length) + " values, expected " + n);
            }
            for (int i = 0; i < n; i++) {
                check(name, i, j, d, columns[j][i]);
                data[i * d + j] = columns[j][i];
            }
        }
        return new PointSet(n, d, data);
    }

    /**
     * A one-dimensional sample.
     *
     * @param name the argument's name, used in error messages
     * @param x the sample, finite values
     * @return n points in one dimension (copied)
     */
    public static PointSet ofValues(String name, double[] x) {
        Validate.finite(name, x);
        if (x.length == 0) {
            throw new ValidationException(name + ": is empty");
        }
        return new PointSet(x.length, 1, x.clone());
    }

    /**
     * Wraps a row-major array without copying or checking; for callers that already validated.
     *
     * @param n the number of points
     * @param d the dimension
     * @param rowMajor n·d coordinates, point i at {@code [i·d, i·d + d)}; not copied
     * @return the points over that array
     */
    public static PointSet wrap(int n, int d, double[] rowMajor) {
        if (rowMajor.length != (long) n * d) {
            throw new ValidationException("rowMajor: length " + rowMajor.length + " is not n·d = " + n + "·" + d);
        }
        return new PointSet(n, d, rowMajor);
    }

    /**
     * The points of {@code a} and {@code b} side by side: point i is (a_i, b_i), in d_a + d_b dimensions.
     *
     * @param a n points in d_a dimensions
     * @param b n points in d_b dimensions
     * @return n points in d_a + d_b dimensions
     */
    public static PointSet join(PointSet a, PointSet b) {
        Validate.sameLength("first sample", a.n, "second sample", b.n);
        int d = a.d + b.d;
        double[] data = new double[a.n * d];
        for (int i = 0; i < a.n; i++) {
            System.arraycopy(a.data, i * a.d, data, i * d, a.d);
            System.arraycopy(b.data, i * b.d, data, i * d + a.d, b.d);
        }
        return new PointSet(a.n, d, data);
    }

    /**
     * The same points, reordered: point i of the result is point {@code order[i]} of this set.
     *
     * @param order a permutation of 0..n−1
     * @return point i is point {@code order[i]} of this set
     */
    public PointSet permute(int[] order) {
        double[] out = new double[data.length];
        for (int i = 0; i < n; i++) {
            System.arraycopy(data, order[i] * d, out, i * d, d);
        }
        return new PointSet(n, d, out);
    }

    private static void check(String name, int i, int j, int d, double v) {
        if (!Double.isFinite(v)) {
            String at = d == 1 ? name + "[" + i + "]" : name + "[" + i + "][" + j + "]";
            throw new ValidationException(at + ": is " + v + "; samples must be finite");
        }
    }

    /**
     * Number of points.
     *
     * @return the number of points n
     */
    public int size() {
        return n;
    }

    /**
     * Dimension.
     *
     * @return the dimension d
     */
    public int dimension() {
        return d;
    }

    /**
     * Coordinate j of point i.
     *
     * @param i a point, 0 ≤ i &lt; n
     * @param j a coordinate, 0 ≤ j &lt; d
     * @return coordinate j of point i
     */
    public double get(int i, int j) {
        return data[i * d + j];
    }

    static {
        // The kNN engine reads the backing array without a copy (knn.internal.Points).
        Points.install(p -> p.data);
    }

    /**
     * Coordinate j of every point, as a new array.
     *
     * @param j a coordinate, 0 ≤ j &lt; d
     * @return coordinate j of every point, as a new array
     */
    public double[] column(int j) {
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = data[i * d + j];
        }
        return c;
    }
}
