// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import org.apache.commons.numbers.gamma.LogGamma;

/**
 * The null distribution of "new mass" for a numeric column: how many of m current values fall
 * outside the range [min, max] of n reference values when all n + m are exchangeable (drawn from one
 * continuous distribution). Placing the reference's first and last values in the pooled order,
 * <pre>
 *   P(K = k) = (k + 1) · C(n + m − k − 2, n − 2) / C(n + m, n),     n ≥ 2,
 * </pre>
 * (k + 1 ways to split k between the two tails; the other n − 2 reference values anywhere in
 * between). This is far heavier-tailed than a binomial with rate 2/(n + 1): the count is shared
 * through the reference's extremes (with n = m = 500, P(K ≥ 5) ≈ 11%, not 5%). Distribution-free.
 */
final class RangeExceedance {
    private RangeExceedance() {
    }

    /** P(K ≥ k) for n reference and m current values; 1 for k ≤ 0 and when n &lt; 2. */
    static double survival(long k, long n, long m) {
        if (k <= 0 || n < 2) {
            return 1.0;
        }
        if (k > m) {
            return 0.0;
        }
        double logTotal = logChoose(n + m, n);
        double log = Math.log(k + 1.0) + logChoose(n + m - k - 2, n - 2) - logTotal;
        double term = Math.exp(log);
        double sum = 0;
        for (long j = k; j <= m && (term > 1e-18 * sum || j < k + 2); j++) {
            sum += term;
            // P(j + 1) / P(j) = ((j + 2)/(j + 1)) · (m − j)/(n + m − j − 2)
            term *= ((j + 2.0) / (j + 1.0)) * ((double) (m - j) / (n + m - j - 2.0));
            if (!(term > 0)) {
                break;
            }
        }
        return Math.min(1.0, sum);
    }

    private static double logChoose(long a, long b) {
        return LogGamma.value(a + 1.0) - LogGamma.value(b + 1.0) - LogGamma.value(a - b + 1.0);
    }
}
