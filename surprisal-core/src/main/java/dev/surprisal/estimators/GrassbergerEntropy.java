// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.estimators;

import dev.surprisal.core.Validate;
import dev.surprisal.core.Base;
import dev.surprisal.counts.Counts;
import org.apache.commons.numbers.gamma.Digamma;

/**
 * Grassberger's (2003) estimator, which replaces ln n_i in the plug-in formula by a function G(n)
 * chosen to cancel the bias term by term:
 * <pre>
 *   Ĥ_G  = ln N − (1/N) Σ n_i G(n_i)      (nats)
 *   G(n) = ψ(n) + ½ (−1)ⁿ [ψ((n+1)/2) − ψ(n/2)]
 * </pre>
 * with ψ the digamma function. G(n) → ln n for large n, so Ĥ_G → Ĥ_ML when all counts are large.
 *
 * <p>Like other bias-corrected estimators it is <b>not clipped</b>: for a histogram with a single
 * non-empty category and an even count the estimate is slightly negative (about −0.037 nats at
 * n = 2, tending to 0 as n grows), an honest consequence of the correction.
 *
 * <p>Reference: Grassberger, P. (2003) "Entropy estimates from insufficient samplings",
 * arXiv:physics/0307138, eq. (35).
 */
public final class GrassbergerEntropy implements EntropyEstimator {
    /** The single instance; the estimator has no parameters. */
    public static final GrassbergerEntropy INSTANCE = new GrassbergerEntropy();

    private GrassbergerEntropy() {
    }

    @Override
    public double entropy(Counts counts, Base base) {
        Validate.notNull("counts", counts);
        Validate.notNull("base", base);
        CountProfile profile = CountProfile.of(counts);
        double n = profile.total;
        double sum = 0.0;
        for (int j = 0; j < profile.values.length; j++) {
            long c = profile.values[j];
            sum += profile.multiplicities[j] * (double) c * g(c);
        }
        return base.fromNats(Math.log(n) - sum / n);
    }

    /** G(n) = ψ(n) + ½ (−1)ⁿ (ψ((n+1)/2) − ψ(n/2)). */
    static double g(long n) {
        double sign = (n & 1L) == 0 ? 0.5 : -0.5;
        return Digamma.value(n) + sign * (Digamma.value((n + 1) / 2.0) - Digamma.value(n / 2.0));
    }

    @Override
    public String name() {
        return "grassberger";
    }

    @Override
    public String toString() {
        return name();
    }
}
