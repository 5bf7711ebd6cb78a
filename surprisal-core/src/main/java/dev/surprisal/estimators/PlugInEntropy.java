// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.estimators;

import dev.surprisal.core.Validate;
import dev.surprisal.core.Base;
import dev.surprisal.counts.Counts;

/**
 * The plug-in (maximum-likelihood) entropy: the entropy of the relative frequencies p̂_i = n_i/N,
 * <pre>
 *   Ĥ_ML = −Σ p̂_i ln p̂_i = ln N − (1/N) Σ n_i ln n_i      (nats; 0·ln 0 = 0)
 * </pre>
 * It is consistent but biased downwards: E[Ĥ_ML] ≈ H − (K−1)/(2N) for K categories with non-zero
 * probability (Miller, G. A. (1955) "Note on the bias of information estimates"; Paninski, L. (2003)
 * "Estimation of entropy and mutual information", Neural Computation 15). It agrees with
 * {@code scipy.stats.entropy(counts)}.
 */
public final class PlugInEntropy implements EntropyEstimator {
    /** The single instance; the estimator has no parameters. */
    public static final PlugInEntropy INSTANCE = new PlugInEntropy();

    private PlugInEntropy() {
    }

    @Override
    public double entropy(Counts counts, Base base) {
        Validate.notNull("counts", counts);
        Validate.notNull("base", base);
        return base.fromNats(nats(counts));
    }

    /** Ĥ_ML in nats; written as ln N − Σ n ln n / N so that no probability is formed and rounded. */
    static double nats(Counts counts) {
        double n = counts.total();
        double sum = 0.0;
        for (int i = 0; i < counts.size(); i++) {
            long c = counts.get(i);
            if (c > 1) {
                sum += c * Math.log(c);
            }
        }
        // The clamp removes rounding noise of order 1e-16 when a single category holds everything.
        return Math.max(0.0, Math.log(n) - sum / n);
    }

    @Override
    public String name() {
        return "plug-in";
    }

    @Override
    public String toString() {
        return name();
    }
}
