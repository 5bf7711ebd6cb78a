// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.continuous.gaussian;

import dev.surprisal.core.ValidationException;

import dev.surprisal.core.Validate;

/**
 * Covariance matrices: validation, sub-blocks, log-determinants by Cholesky factorisation, and the
 * sample covariance of observations. Everything the Gaussian measures need, and nothing more.
 */
public final class Covariance {
    private Covariance() {
    }

    /**
     * ln |Σ| of a symmetric positive-definite matrix, as 2 Σ ln L_ii of its Cholesky factor Σ = L Lᵀ.
     *
     * @param name the argument name used in error messages
     * @param matrix Σ, symmetric positive definite
     * @return ln |Σ|
     * @throws IllegalArgumentException if the matrix is not square, not symmetric, contains a non-finite
     *         entry, or is not positive definite (the message names the failing pivot)
     */
    public static double logDeterminant(String name, double[][] matrix) {
        validate(name, matrix);
        int d = matrix.length;
        double[][] l = new double[d][d];
        double logDet = 0.0;
        for (int j = 0; j < d; j++) {
            double s = matrix[j][j];
            for (int k = 0; k < j; k++) {
                s -= l[j][k] * l[j][k];
            }
            // relative threshold: a pivot lost in rounding noise means the matrix is singular
            if (!(s > 1e-14 * Math.abs(matrix[j][j]))) {
                throw new ValidationException(name + ": not positive definite (Cholesky pivot " + j
                        + " is " + s + "); a variable is constant or a linear combination of the others,"
                        + " so its differential entropy is -infinity and mutual information with it is infinite");
            }
            double ljj = Math.sqrt(s);
            l[j][j] = ljj;
            logDet += Math.log(ljj);
            for (int i = j + 1; i < d; i++) {
                double t = matrix[i][j];
                for (int k = 0; k < j; k++) {
                    t -= l[i][k] * l[j][k];
                }
                l[i][j] = t / ljj;
            }
        }
        return 2.0 * logDet;
    }

    /**
     * The square sub-matrix on rows and columns {@code index} (in that order).
     *
     * @param matrix a square matrix
     * @param index the rows and columns to keep, in order
     * @return the sub-matrix, a new array
     */
    public static double[][] block(double[][] matrix, int[] index) {
        double[][] b = new double[index.length][index.length];
        for (int i = 0; i < index.length; i++) {
            for (int j = 0; j < index.length; j++) {
                b[i][j] = matrix[index[i]][index[j]];
            }
        }
        return b;
    }

    /**
     * The unbiased sample covariance (divisor n − 1) of observations {@code rows[i][j]}: i-th observation,
     * j-th variable.
     *
     * @param name the argument's name, used in error messages
     * @param rows one observation per row, at least two, all of the same length
     * @return the covariance matrix, one row and column per variable
     * @throws IllegalArgumentException if there are fewer than 2 rows, rows are ragged, or a value is not finite
     */
    public static double[][] ofSamples(String name, double[][] rows) {
        if (rows == null || rows.length < 2) {
            throw new ValidationException(name + ": needs at least 2 observations, got "
                    + (rows == null ? "null" : rows.length));
        }
        int n = rows.length;
        int d = rows[0].length;
        if (d == 0) {
            throw new ValidationException(name + "[0]: has no variables");
        }
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            if (rows[i] == null || rows[i].length != d) {
                throw new ValidationException(name + "[" + i + "]: has "
                        + (rows[i] == null ? "no" : rows[i].length) + " values, expected " + d);
            }
            for (int j = 0; j < d; j++) {
                double v = rows[i][j];
                if (!Double.isFinite(v)) {
                    throw new ValidationException(name + "[" + i + "][" + j + "]: is " + v
                            + "; samples must be finite");
                }
                mean[j] += v;
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[][] c = new double[d][d];
        for (double[] row : rows) {
            for (int a = 0; a < d; a++) {
                double da = row[a] - mean[a];
                for (int b = 0; b <= a; b++) {
                    c[a][b] += da * (row[b] - mean[b]);
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b <= a; b++) {
                c[a][b] /= n - 1;
                c[b][a] = c[a][b];
            }
        }
        return c;
    }

    /** Joins 1-D columns {@code columns[j][i]} into observation rows {@code rows[i][j]}. */
    static double[][] rowsOf(String name, double[]... columns) {
        int n = columns[0].length;
        double[][] rows = new double[n][columns.length];
        for (int j = 0; j < columns.length; j++) {
            Validate.finite(name, columns[j]);
            Validate.sameLength(name + "[0]", n, name + "[" + j + "]", columns[j].length);
            for (int i = 0; i < n; i++) {
                rows[i][j] = columns[j][i];
            }
        }
        return rows;
    }

    static void validate(String name, double[][] m) {
        if (m == null || m.length == 0) {
            throw new ValidationException(name + ": is " + (m == null ? "null" : "empty"));
        }
        int d = m.length;
        for (int i = 0; i < d; i++) {
            if (m[i] == null || m[i].length != d) {
                throw new ValidationException(name + ": must be square " + d + "x" + d + ", row " + i
                        + " has " + (m[i] == null ? "no" : m[i].length) + " entries");
            }
            for (int j = 0; j < d; j++) {
                double v = m[i][j];
                if (!Double.isFinite(v)) {
                    throw new ValidationException(name + "[" + i + "][" + j + "]: is " + v);
                }
                if (j < i) {
                    double tol = 1e-9 * Math.max(Math.abs(v), Math.abs(m[j][i])) + Double.MIN_NORMAL;
                    if (Math.abs(v - m[j][i]) > tol) {
                        throw new ValidationException(name + ": not symmetric at [" + i + "][" + j + "] ("
                                + v + " vs " + m[j][i] + ")");
                    }
                }
            }
        }
    }

    /** Checks block indices: non-empty, in range, no index repeated within or across blocks. */
    static void validateBlocks(int d, String[] names, int[]... blocks) {
        boolean[] used = new boolean[d];
        for (int b = 0; b < blocks.length; b++) {
            int[] block = blocks[b];
            if (block == null || block.length == 0) {
                throw new ValidationException(names[b] + ": block is empty");
            }
            for (int i = 0; i < block.length; i++) {
                int k = block[i];
                if (k < 0 || k >= d) {
                    throw new ValidationException(names[b] + "[" + i + "]: index " + k
                            + " out of range for a " + d + "x" + d + " matrix");
                }
                if (used[k]) {
                    throw new ValidationException(names[b] + "[" + i + "]: index " + k
                            + " already used by another block");
                }
                used[k] = true;
            }
        }
    }
}
