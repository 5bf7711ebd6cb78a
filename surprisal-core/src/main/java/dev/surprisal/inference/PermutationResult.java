// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.inference;

import java.util.Locale;

/**
 * The outcome of a permutation test of (conditional) mutual information, all values in nats:
 * the observed estimate, the mean of the permutation null, "MI above chance" (observed − null mean),
 * the p-value (b + 1)/(permutations + 1) where b counts null values ≥ the observed one, the number of
 * permutations, the seed and the permutation scheme. Immutable.
 */
public final class PermutationResult {
    private final double observed;
    private final double nullMean;
    private final double pValue;
    private final int permutations;
    private final long seed;
    private final String scheme;

    PermutationResult(double observed, double nullMean, double pValue, int permutations, long seed, String scheme) {
        this.observed = observed;
        this.nullMean = nullMean;
        this.pValue = pValue;
        this.permutations = permutations;
        this.seed = seed;
        this.scheme = scheme;
    }

    /**
     * The estimate on the data as observed, in nats.
     *
     * @return the estimate on the data as observed, in nats
     */
    public double observed() {
        return observed;
    }

    /**
     * The mean estimate over the permutations (the estimator's value under independence), in nats.
     *
     * @return the mean estimate over the permutations, in nats
     */
    public double nullMean() {
        return nullMean;
    }

    /**
     * Observed minus null mean: the information beyond what the estimator reports by chance, in nats.
     *
     * @return observed minus null mean, in nats
     */
    public double aboveChance() {
        return observed - nullMean;
    }

    /**
     * (b + 1) / (permutations + 1); never 0.
     *
     * @return the p-value (b + 1) / (permutations + 1), in (0, 1]
     */
    public double pValue() {
        return pValue;
    }

    /**
     * Number of permutations drawn.
     *
     * @return the number of permutations drawn
     */
    public int permutations() {
        return permutations;
    }

    /**
     * The seed the permutations were drawn from.
     *
     * @return the seed the permutations were drawn from
     */
    public long seed() {
        return seed;
    }

    /**
     * How the null was generated, e.g. "global shuffle of y".
     *
     * @return how the null was generated, e.g. "global shuffle of y"
     */
    public String scheme() {
        return scheme;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "observed %.6f nats, null mean %.6f, above chance %.6f, p = %.4g "
                + "(%d permutations, seed %d, %s)", observed, nullMean, aboveChance(), pValue, permutations, seed, scheme);
    }
}
