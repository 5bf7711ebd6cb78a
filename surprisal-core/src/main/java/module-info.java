// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
/**
 * Surprisal's core: exact information measures on counts and distributions, discrete and
 * continuous estimators, tests, dependence and feature ranking, and variational maths. No I/O.
 *
 * <p>Exports only the API packages. The kNN engine ({@code dev.surprisal.knn.internal}) is not
 * exported: it is unsupported and may change without notice. On the class path, where modules do
 * not hide packages, the package name and its documentation say the same.
 */
module dev.surprisal.core {
    requires org.apache.commons.numbers.gamma;
    requires org.apache.commons.statistics.distribution;
    requires org.apache.commons.rng.api;
    requires org.apache.commons.rng.simple;
    requires org.apache.commons.rng.sampling;

    exports dev.surprisal.core;
    exports dev.surprisal.counts;
    exports dev.surprisal.measures;
    exports dev.surprisal.dependence;
    exports dev.surprisal.estimators;
    exports dev.surprisal.inference;
    exports dev.surprisal.knn;
    exports dev.surprisal.continuous;
    exports dev.surprisal.continuous.gaussian;
    exports dev.surprisal.continuous.spacing;
    exports dev.surprisal.selection;
    exports dev.surprisal.variational;
}
