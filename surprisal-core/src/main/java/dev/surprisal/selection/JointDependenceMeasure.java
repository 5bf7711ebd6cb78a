// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.selection;

/**
 * An estimator of the mutual information I(A;B) between a multi-dimensional variable A, given as columns
 * {@code a[k][i]} (k-th dimension, i-th row), and a 1-D column B, in nats. Needed by joint mutual information
 * selection, which scores a candidate f by I(f, s; y) for each already selected s.
 */
@FunctionalInterface
public interface JointDependenceMeasure {
    /**
     * I(a;b) in nats.
     *
     * @param a columns of the joint variable, each as long as {@code b}
     * @param b the other column
     * @return the estimate in nats
     */
    double estimate(double[][] a, double[] b);
}
