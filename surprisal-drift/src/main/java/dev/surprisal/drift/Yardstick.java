// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.core.ColumnRole;

import java.util.Locale;

/**
 * The column's own yardstick of how much changed, judged next to the deciding measure: for
 * binary, discrete and categorical columns the total variation of the value shares above what chance
 * alone gives, for continuous columns W₁/σ (see {@link DriftOptions}).
 *
 * @param name   "TV" or "W1/std"
 * @param value  its value, unitless
 * @param chance what chance alone gives on average (0 for W₁/σ)
 * @param warn   its warn band
 * @param drift  its drift band
 */
record Yardstick(String name, double value, double chance, double warn, double drift) {
    static final Yardstick NONE = new Yardstick("", Double.NaN, 0, Double.NaN, Double.NaN);

    static Yardstick of(ColumnRole role, BinnedDivergences d, double w1Normalized, long n, long m, DriftOptions o) {
        switch (role) {
            case BINARY:
            case DISCRETE:
            case CATEGORICAL:
                return new Yardstick("TV", d.totalVariation(), chanceTotalVariation(d, n, m), o.tvWarn(),
                        o.tvDrift());
            case CONTINUOUS:
                return Double.isNaN(w1Normalized) ? NONE
                        : new Yardstick("W1/std", w1Normalized, 0, o.w1Warn(), o.w1Drift());
            default:
                return NONE;
        }
    }

    /** Whether the value, less what chance gives, reaches {@code band}. */
    boolean reaches(double band) {
        return this != NONE && value - chance >= band;
    }

    String describe() {
        if (name.equals("TV")) {
            return String.format(Locale.ROOT, "TV %.3g (%.1f%% of the probability mass would have to move to turn "
                    + "one distribution into the other; %.1f%% beyond the %.1f%% chance gives)", value, 100 * value,
                    100 * Math.max(0, value - chance), 100 * chance);
        }
        return String.format(Locale.ROOT, "W1/std %.3g (values moved %.2f reference standard deviations on "
                + "average)", value, value);
    }

    /**
     * The total variation two samples of sizes n and m from one distribution show on average:
     * ½ Σᵢ E|p̂ᵢ − q̂ᵢ| ≈ ½ Σᵢ √(2/π) √(p̄ᵢ(1 − p̄ᵢ)(1/n + 1/m)), with p̄ the pooled shares (the normal
     * approximation of each bin's difference). Subtracting it keeps a column with many small bins from
     * reaching the TV bands on noise alone; a bin that really moved contributes a little less than its
     * move to the difference, so the correction errs towards calling less.
     */
    static double chanceTotalVariation(BinnedDivergences d, long n, long m) {
        double v = 1.0 / n + 1.0 / m;
        double w = (double) n / (n + m);
        double sum = 0;
        double[] p = d.p();
        double[] q = d.q();
        for (int i = 0; i < p.length; i++) {
            double pooled = w * p[i] + (1 - w) * q[i];
            sum += Math.sqrt(pooled * (1 - pooled) * v);
        }
        return 0.5 * Math.sqrt(2 / Math.PI) * sum;
    }
}
