// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.knn.internal;

import dev.surprisal.knn.PointSet;
import java.util.function.Function;

/**
 * The engine's view of a {@link PointSet}'s row-major backing array, without the copy that the
 * public API makes. {@code PointSet} installs the accessor when its class is initialised, which
 * happens before any point set exists, so {@link #rowMajor} always finds it.
 */
public final class Points {
    private static volatile Function<PointSet, double[]> access;

    private Points() {
    }

    /**
     * Called once, by {@code PointSet}'s static initialiser.
     *
     * @param accessor returns the backing array of a point set
     * @throws IllegalStateException if an accessor is already installed
     */
    public static synchronized void install(Function<PointSet, double[]> accessor) {
        if (access != null) {
            throw new IllegalStateException("PointSet accessor already installed");
        }
        access = accessor;
    }

    /**
     * The backing array of {@code points}: point i occupies {@code [i·d, i·d + d)}. Not a copy: do not modify.
     *
     * @param points the point set
     * @return its row-major backing array
     */
    public static double[] rowMajor(PointSet points) {
        return access.apply(points);
    }
}
