// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.knn.internal;

/**
 * Whether a radius count includes points lying exactly on the sphere of radius r.
 *
 * <p>Kraskov's algorithm 1 counts marginal neighbours strictly inside the k-th neighbour distance
 * ({@link #STRICT}, {@code d < r}); algorithm 2 and the Gao mixed estimator count on or inside
 * ({@link #INCLUSIVE}, {@code d ≤ r}). Making the choice explicit matters for tied data, where
 * many points sit exactly at distance r.
 */
public enum RadiusRule {
    /** Counts points with distance {@code d < r}. */
    STRICT {
        @Override
        public boolean accepts(double distance, double r) {
            return distance < r;
        }
    },
    /** Counts points with distance {@code d ≤ r}. */
    INCLUSIVE {
        @Override
        public boolean accepts(double distance, double r) {
            return distance <= r;
        }
    };

    /** Whether a point at {@code distance} is inside radius {@code r} under this rule. */
    public abstract boolean accepts(double distance, double r);

    /**
     * The rule scikit-learn effectively applies in KSG algorithm 1 and Ross: it queries
     * {@code d ≤ nextafter(ε, 0)}, which is {@code d < ε} for ε &gt; 0 but {@code d ≤ 0} (the exact
     * duplicates) for ε = 0, because numpy's {@code nextafter(0, 0)} is 0. (Java's
     * {@code Math.nextDown(0.0)} is negative and would count nothing, so the case is explicit.)
     */
    public static RadiusRule strictUnlessZero(double epsilon) {
        return epsilon > 0 ? STRICT : INCLUSIVE;
    }
}
