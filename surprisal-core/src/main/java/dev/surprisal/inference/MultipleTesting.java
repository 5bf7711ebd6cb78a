// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.inference;

import dev.surprisal.core.ValidationException;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * p-values adjusted for testing many hypotheses at once.
 *
 * <p>Benjamini–Hochberg (Benjamini, Y. and Hochberg, Y., 1995, "Controlling the false discovery rate",
 * JRSS B 57(1), 289–300): with the m p-values sorted, p_(1) ≤ … ≤ p_(m), the adjusted value is
 * q_(i) = min over j ≥ i of min(1, m·p_(j) / j). Rejecting every hypothesis with q ≤ α keeps the
 * expected share of false rejections among the rejections at most α when the tests are independent
 * or positively dependent (Benjamini and Yekutieli 2001), which holds for features tested against
 * one target with separate permutations. It is the rule of scikit-learn's {@code SelectFdr} and R's
 * {@code p.adjust(method = "BH")}.
 */
public final class MultipleTesting {
    private MultipleTesting() {
    }

    /**
     * Benjamini–Hochberg adjusted p-values (q-values), in the order given. NaN entries (no test) are
     * left NaN and do not count in m.
     *
     * @param p p-values in [0, 1], or NaN
     * @return q-values, each at least its p-value and at most 1; NaN where p is NaN
     * @throws ValidationException if a p-value lies outside [0, 1]
     */
    public static double[] benjaminiHochberg(double[] p) {
        for (double v : p) {
            if (v < 0.0 || v > 1.0) {
                throw new ValidationException("p-value: must lie in [0, 1], got " + v);
            }
        }
        int[] tested = IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
                .sorted(Comparator.comparingDouble(i -> p[i])).mapToInt(Integer::intValue).toArray();
        double[] q = new double[p.length];
        Arrays.fill(q, Double.NaN);
        int m = tested.length;
        double running = 1.0;
        for (int r = m; r >= 1; r--) { // from the largest p down: the running minimum of m·p_(j)/j, j ≥ r
            int i = tested[r - 1];
            running = Math.min(running, m * p[i] / r);
            q[i] = Math.max(running, p[i]); // (m·p)/m may round one ulp below p
        }
        return q;
    }
}
