// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.dependence;

import dev.surprisal.counts.ContingencyTable;
import dev.surprisal.counts.Counts;
import dev.surprisal.measures.Entropy;
import org.apache.commons.numbers.gamma.LogGamma;

import java.util.Map;
import java.util.TreeMap;

/**
 * The exact expected mutual information E[I(U;V)] of two random labellings with the observed
 * cluster sizes, under the hypergeometric (permutation) model (Vinh, Epps &amp; Bailey, 2010,
 * "Information Theoretic Measures for Clusterings Comparison", eq. 24a):
 *
 * <pre>
 *   EMI = Σᵢ Σⱼ Σ_{nᵢⱼ} (nᵢⱼ/N) log(N nᵢⱼ / (aᵢ bⱼ)) ·
 *         aᵢ! bⱼ! (N−aᵢ)! (N−bⱼ)! / (N! nᵢⱼ! (aᵢ−nᵢⱼ)! (bⱼ−nᵢⱼ)! (N−aᵢ−bⱼ+nᵢⱼ)!)
 * </pre>
 *
 * with nᵢⱼ from max(1, aᵢ+bⱼ−N) to min(aᵢ, bⱼ), in nats. The terms are those of scikit-learn's
 * {@code _expected_mutual_info_fast.pyx}, with two changes that do not alter the value: row and
 * column sizes that repeat are summed once and weighted by their multiplicity (singletons are
 * common), and each inner sum starts at the mode of the hypergeometric weight and walks outward
 * until the weight is below e^-45 of the mode's (or underflows), where the reference's terms no
 * longer change the sum in double precision. Where the permutation distribution of I is a single point (one labelling all
 * singletons or a single cluster), E[I] is that point, computed directly.
 */
final class ExpectedMutualInformation {
    /** exp(x) is 0 in double below this. */
    private static final double UNDERFLOW = -746.0;
    /** A weight e^-45 times the mode's (about 3e-20) adds nothing a double can hold to the inner sum. */
    private static final double NEGLIGIBLE = 45.0;
    private static final int TABLE_MAX = 1 << 20;

    private ExpectedMutualInformation() {
    }

    /**
     * True when every permutation of the labels gives the same mutual information, so that
     * E[I] = I exactly: one labelling is a single cluster (I = 0) or all singletons (I = H of the
     * other), counting only non-empty rows and columns.
     */
    static boolean isPermutationInvariant(ContingencyTable t) {
        int r = t.rowCounts().nonZero();
        int c = t.colCounts().nonZero();
        long n = t.total();
        return r == 1 || c == 1 || r == n || c == n;
    }

    static double nats(ContingencyTable t) {
        return nats(t.rowCounts(), t.colCounts());
    }

    /** E[I] from the two margins alone (the row and column totals of the table), nats. */
    static double nats(Counts rows, Counts cols) {
        int r = rows.nonZero();
        int c = cols.nonZero();
        if (r == 1 || c == 1) {
            return 0.0;
        }
        // one labelling all singletons: every permutation gives I = H(other), so the sum below (exp
        // of log-gamma differences, a few ulps off) is replaced by the exact value
        if (r == rows.total()) {
            return Entropy.nats(cols);
        }
        if (c == cols.total()) {
            return Entropy.nats(rows);
        }
        long n = rows.total();
        Map<Long, Integer> aSizes = multiplicities(rows);
        Map<Long, Integer> bSizes = multiplicities(cols);
        LogFactorial lf = new LogFactorial(n);
        double dn = n;
        double logN = Math.log(dn);
        double glnN = lf.of(n);
        double emi = 0.0;
        for (Map.Entry<Long, Integer> ea : aSizes.entrySet()) {
            long a = ea.getKey();
            double logA = Math.log(a);
            double glnA = lf.of(a) + lf.of(n - a);
            for (Map.Entry<Long, Integer> eb : bSizes.entrySet()) {
                long b = eb.getKey();
                double logB = Math.log(b);
                double head = glnA + lf.of(b) + lf.of(n - b) - glnN;
                long start = Math.max(1, a + b - n);
                long end = Math.min(a, b); // inclusive
                if (start > end) {
                    continue;
                }
                long mode = Math.min(end, Math.max(start, (long) (((double) (a + 1) * (b + 1)) / (n + 2))));
                double s = 0.0;
                // the weights fall off both sides of the mode faster than geometrically; below e^-45 of the mode's
                // weight the rest of the walk changes the sum by less than 1e-19 of its largest term
                double floor = Double.NaN;
                for (long k = mode; k <= end; k++) {
                    double gln = head - lf.of(k) - lf.of(a - k) - lf.of(b - k) - lf.of(n - a - b + k);
                    if (k == mode) {
                        floor = Math.max(UNDERFLOW, gln - NEGLIGIBLE);
                    }
                    if (gln < floor) {
                        break;
                    }
                    s += term(k, dn, logN, logA, logB, gln);
                }
                for (long k = mode - 1; k >= start; k--) {
                    double gln = head - lf.of(k) - lf.of(a - k) - lf.of(b - k) - lf.of(n - a - b + k);
                    if (gln < floor) {
                        break;
                    }
                    s += term(k, dn, logN, logA, logB, gln);
                }
                emi += (double) ea.getValue() * eb.getValue() * s;
            }
        }
        return emi;
    }

    private static double term(long k, double n, double logN, double logA, double logB, double gln) {
        double term1 = k / n;
        double term2 = (logN + Math.log(k)) - logA - logB;
        return term1 * term2 * Math.exp(gln);
    }

    private static Map<Long, Integer> multiplicities(Counts sizes) {
        Map<Long, Integer> m = new TreeMap<>();
        for (int i = 0; i < sizes.size(); i++) {
            long s = sizes.get(i);
            if (s > 0) {
                m.merge(s, 1, Integer::sum);
            }
        }
        return m;
    }

    /**
     * log k! = lgamma(k + 1), remembered for N up to {@link #TABLE_MAX}: computed on first use only, since
     * the sums touch a few values near each size (a table of every k ≤ N cost 0.3 s at N = 10⁶).
     */
    private static final class LogFactorial {
        private final double[] table;

        LogFactorial(long n) {
            if (n <= TABLE_MAX) {
                table = new double[(int) n + 1];
                java.util.Arrays.fill(table, Double.NaN);
            } else {
                table = null;
            }
        }

        double of(long k) {
            if (table == null) {
                return LogGamma.value(k + 1.0);
            }
            double v = table[(int) k];
            if (Double.isNaN(v)) {
                v = LogGamma.value(k + 1.0);
                table[(int) k] = v;
            }
            return v;
        }
    }
}
