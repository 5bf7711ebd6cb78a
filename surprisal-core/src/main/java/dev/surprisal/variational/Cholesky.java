// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.variational;

import dev.surprisal.core.ValidationException;

/**
 * Cholesky factor {@code A = L Lᵀ} of a symmetric positive-definite matrix, with the operations
 * the Gaussian formulas need: log-determinant, solves and the inverse. Immutable.
 */
public final class Cholesky {
    private final double[][] l;

    private Cholesky(double[][] l) {
        this.l = l;
    }

    /**
     * Factors {@code a}; only the lower triangle is read.
     *
     * @param name the argument's name, used in error messages
     * @param a a symmetric positive definite n×n matrix
     * @return the factor L with A = L Lᵀ
     * @throws IllegalArgumentException if {@code a} is not square or not positive definite
     */
    public static Cholesky of(String name, double[][] a) {
        int n = a.length;
        if (n == 0) {
            throw new ValidationException(name + ": is empty");
        }
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            if (a[i].length != n) {
                throw new ValidationException(name + "[" + i + "]: row has length " + a[i].length
                        + ", expected " + n + " (matrix must be square)");
            }
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                if (!Double.isFinite(s)) {
                    throw new ValidationException(name + "[" + i + "][" + j + "]: is " + s);
                }
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        throw new ValidationException(name + ": not positive definite (pivot " + i
                                + " is " + s + ")");
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return new Cholesky(l);
    }

    /**
     * Dimension n.
     *
     * @return n
     */
    public int dimension() {
        return l.length;
    }

    /**
     * {@code log |A| = 2 Σ log L_ii}.
     *
     * @return log |A| = 2 Σ log L_ii
     */
    public double logDeterminant() {
        double s = 0;
        for (int i = 0; i < l.length; i++) {
            s += Math.log(l[i][i]);
        }
        return 2 * s;
    }

    /**
     * Solves {@code L y = b}.
     *
     * @param b a vector of length n
     * @return y with L y = b
     */
    public double[] solveLower(double[] b) {
        int n = l.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * y[k];
            }
            y[i] = s / l[i][i];
        }
        return y;
    }

    /**
     * Solves {@code A x = b}.
     *
     * @param b a vector of length n
     * @return x with A x = b
     */
    public double[] solve(double[] b) {
        double[] y = solveLower(b);
        int n = l.length;
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }

    /**
     * {@code A⁻¹}, column by column.
     *
     * @return A⁻¹ as a new n×n array
     */
    public double[][] inverse() {
        int n = l.length;
        double[][] inv = new double[n][n];
        for (int j = 0; j < n; j++) {
            double[] e = new double[n];
            e[j] = 1;
            double[] c = solve(e);
            for (int i = 0; i < n; i++) {
                inv[i][j] = c[i];
            }
        }
        return inv;
    }

    /**
     * A copy of the lower-triangular factor L.
     *
     * @return a copy of L (zeros above the diagonal)
     */
    public double[][] lower() {
        double[][] c = new double[l.length][];
        for (int i = 0; i < l.length; i++) {
            c[i] = l[i].clone();
        }
        return c;
    }
}
