// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.inference;

/**
 * A correlation coefficient with the p-value of the test that the true correlation is zero.
 *
 * @param coefficient Pearson's r or Spearman's ρ, unitless, in [−1, 1]
 * @param pValue      the probability, under no correlation, of a coefficient at least as extreme
 *                    in the direction of {@code alternative}; in [0, 1]
 * @param n           the number of pairs
 * @param alternative the alternative hypothesis the p-value is for
 */
public record CorrelationTestResult(double coefficient, double pValue, int n, Alternative alternative) {
}
