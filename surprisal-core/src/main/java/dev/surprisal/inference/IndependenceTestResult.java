// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.inference;

/**
 * The outcome of a test of independence on a contingency table.
 *
 * @param statistic        the test statistic (G or Pearson's X²), ≥ 0
 * @param degreesOfFreedom (r′ − 1)(c′ − 1) over the r′ non-empty rows and c′ non-empty columns
 * @param pValue           P(χ²_dof ≥ statistic), the asymptotic p-value; 1 when dof = 0
 * @param n                the total count N
 */
public record IndependenceTestResult(double statistic, int degreesOfFreedom, double pValue, long n) {
}
