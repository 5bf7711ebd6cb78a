// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
/**
 * The max-norm k-nearest-neighbour engine behind the continuous estimators: k-d tree, sorted 1-D
 * marginals, the planar two-dimensional search, radius counting, argsort and the parallel loop.
 *
 * <p><b>Unsupported, may change without notice.</b> These types are public only so that other
 * packages of {@code surprisal-core} can call them; the module does not export this package and
 * the javadoc leaves it out. Use the estimators in {@code dev.surprisal.continuous} instead.
 */
package dev.surprisal.knn.internal;
