// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.inference;

/**
 * The outcome of a two-sample Kolmogorov–Smirnov test, the fields of scipy's {@code KstestResult}
 * plus what was asked and what was used.
 *
 * @param statistic         D, D⁺ or D⁻: a difference of two empirical distribution functions,
 *                          unitless, in [0, 1] (with the exact method, rounded to the lattice
 *                          h/lcm(n₁, n₂) of possible values, as scipy does)
 * @param pValue            the probability under the null hypothesis (both samples from one
 *                          continuous distribution) of a statistic at least this large, in [0, 1]
 * @param statisticLocation the observation (from either sample) where the difference is largest
 * @param statisticSign     +1 if the first sample's distribution function is the higher one there, −1 if lower
 * @param alternative       the alternative hypothesis tested
 * @param method            the method that produced the p-value: {@code EXACT} or {@code ASYMP},
 *                          never {@code AUTO} ({@code EXACT} falls back to {@code ASYMP} when the
 *                          exact computation is impossible, as in scipy)
 * @param n1                size of the first sample
 * @param n2                size of the second sample
 */
public record KolmogorovSmirnovResult(double statistic, double pValue, double statisticLocation, int statisticSign,
        Alternative alternative, KolmogorovSmirnovTest.Method method, int n1, int n2) {
}
