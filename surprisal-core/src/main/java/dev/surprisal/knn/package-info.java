// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
/**
 * {@link dev.surprisal.knn.PointSet}: the samples that the kNN estimators of
 * {@code dev.surprisal.continuous} take, n points in d dimensions. The search engine itself is
 * internal.
 */
package dev.surprisal.knn;
