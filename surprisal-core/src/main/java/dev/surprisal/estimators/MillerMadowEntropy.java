// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.estimators;

import dev.surprisal.core.Validate;
import dev.surprisal.core.Base;
import dev.surprisal.counts.Counts;

/**
 * The Miller–Madow estimator: the plug-in entropy plus the first-order bias term,
 * <pre>
 *   Ĥ_MM = Ĥ_ML + (K − 1) / (2N)      (nats)
 * </pre>
 * where K is the number of categories with a non-zero count (zero-count categories present in the
 * {@link Counts} do not enter) and N the total count.
 *
 * <p>Reference: Miller, G. A. (1955) "Note on the bias of information estimates", in Information
 * Theory in Psychology: Problems and Methods, pp. 95–100. Because the correction is ≥ 0, Ĥ_MM ≥ Ĥ_ML.
 */
public final class MillerMadowEntropy implements EntropyEstimator {
    /** The single instance; the estimator has no parameters. */
    public static final MillerMadowEntropy INSTANCE = new MillerMadowEntropy();

    private MillerMadowEntropy() {
    }

    @Override
    public double entropy(Counts counts, Base base) {
        Validate.notNull("counts", counts);
        Validate.notNull("base", base);
        double correction = (counts.nonZero() - 1) / (2.0 * counts.total());
        return base.fromNats(PlugInEntropy.nats(counts) + correction);
    }

    @Override
    public String name() {
        return "miller-madow";
    }

    @Override
    public String toString() {
        return name();
    }
}
