// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.selection;

/**
 * An estimator of the mutual information I(A;B) between two paired 1-D columns of equal length, in nats.
 * Feature ranking and selection are written against this interface so that any estimator can be plugged in:
 * the Gaussian (linear) estimator, a histogram estimator, or the Kraskov (KSG) kNN estimator.
 */
@FunctionalInterface
public interface DependenceMeasure {
    /**
     * I(a;b) in nats; must be finite and ≥ 0 (small negative bias of an estimator is tolerated).
     *
     * @param a one column
     * @param b the other column, same length
     * @return the estimate in nats
     */
    double estimate(double[] a, double[] b);
}
