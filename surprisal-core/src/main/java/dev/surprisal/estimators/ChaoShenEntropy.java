// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.estimators;

import dev.surprisal.core.Validate;
import dev.surprisal.core.Base;
import dev.surprisal.counts.Counts;

/**
 * The Chao–Shen coverage-adjusted estimator. Unseen categories are accounted for in two steps:
 * the sample coverage (Good–Turing) shrinks the observed frequencies, and a Horvitz–Thompson
 * weight inflates each term by the inverse probability that its category was seen at all:
 * <pre>
 *   C   = 1 − f₁/N                      (f₁ = number of singletons; f₁ = N is replaced by N − 1)
 *   p̂ᵃ_i = C · n_i / N
 *   Ĥ_CS = −Σ_{n_i > 0} p̂ᵃ_i ln p̂ᵃ_i / (1 − (1 − p̂ᵃ_i)^N)      (nats)
 * </pre>
 * The replacement f₁ = N − 1 when every observation is a singleton keeps C > 0, as in the R package
 * {@code entropy} ({@code entropy.ChaoShen}).
 *
 * <p>Reference: Chao, A. and Shen, T.-J. (2003) "Nonparametric estimation of Shannon's index of
 * diversity when there are unseen species in sample", Environmental and Ecological Statistics 10,
 * 429–443.
 */
public final class ChaoShenEntropy implements EntropyEstimator {
    /** The single instance; the estimator has no parameters. */
    public static final ChaoShenEntropy INSTANCE = new ChaoShenEntropy();

    private ChaoShenEntropy() {
    }

    @Override
    public double entropy(Counts counts, Base base) {
        Validate.notNull("counts", counts);
        Validate.notNull("base", base);
        long n = counts.total();
        long f1 = counts.frequencyOf(1);
        if (f1 == n) {
            f1 = n - 1;
        }
        double coverage = 1.0 - (double) f1 / n;
        double h = 0.0;
        for (int i = 0; i < counts.size(); i++) {
            long c = counts.get(i);
            if (c == 0) {
                continue;
            }
            double pa = coverage * c / n;
            // 1 − (1 − pa)^N without cancellation when pa is tiny
            double seen = -Math.expm1(n * Math.log1p(-pa));
            h -= pa * Math.log(pa) / seen;
        }
        return base.fromNats(h);
    }

    @Override
    public String name() {
        return "chao-shen";
    }

    @Override
    public String toString() {
        return name();
    }
}
