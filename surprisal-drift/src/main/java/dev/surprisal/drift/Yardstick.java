// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.core.ColumnRole;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
 * @param scope  what it was taken on, for a column with atoms ("of the values other than 0",
 *               "over the share of 0 and of the other values"); "" for the whole column
 * @param tail   for a categorical column whose other values share bins holding reference mass, how it was
 *               counted ({@link ColumnDrift#tailCounted()}: TV is then a lower bound); "" when every value has a bin
 */
record Yardstick(String name, double value, double chance, double warn, double drift, String scope, String tail) {
    static final Yardstick NONE = new Yardstick("", Double.NaN, 0, Double.NaN, Double.NaN, "");

    Yardstick(String name, double value, double chance, double warn, double drift) {
        this(name, value, chance, warn, drift, "");
    }

    Yardstick(String name, double value, double chance, double warn, double drift, String scope) {
        this(name, value, chance, warn, drift, scope, "");
    }

    /**
     * The yardstick of a continuous column whose bins give atoms (values holding at least 1/B of the
     * reference, such as the 0 of a zero-inflated amount) their own bin: the worst, relative to its warn band,
     * of W1/std of the whole column, W1/std of the values other than the atoms (std theirs: a shift of the
     * non-zero amounts is not diluted by the zeros), and TV over the atoms' shares and the other values'
     * share (a zero share 80% to 70% is 10 points of mass, as for a discrete column). The column still
     * alarms only beyond the noise level of the deciding measure, so these add no false alarm of their own.
     */
    static Yardstick withAtoms(double whole, double rest, double[] refAtom, double[] curAtom, long n, long m,
                               DriftOptions o, String atoms) {
        double tv = 0;
        for (int i = 0; i < refAtom.length; i++) {
            tv += 0.5 * Math.abs(refAtom[i] - curAtom[i]);
        }
        List<Yardstick> all = new ArrayList<>();
        all.add(new Yardstick("TV", tv, chanceTotalVariation(refAtom, curAtom, n, m), o.tvWarn(), o.tvDrift(),
                "over the share of " + atoms + " and of the other values"));
        if (!Double.isNaN(whole)) {
            all.add(new Yardstick("W1/std", whole, 0, o.w1Warn(), o.w1Drift()));
        }
        if (!Double.isNaN(rest)) {
            all.add(new Yardstick("W1/std", rest, 0, o.w1Warn(), o.w1Drift(), "of the values other than " + atoms));
        }
        return all.stream().max(Comparator.comparingDouble(y -> (y.value - y.chance) / y.warn)).orElseThrow();
    }

    /**
     * The yardstick of a column without atoms: TV for binary, discrete and categorical columns, W1/std for
     * continuous ones.
     *
     * @param tail for a categorical column with tail bins holding reference mass, how it was counted
     *             ({@link ColumnDrift#tailCounted()}); "" when every value has a bin
     */
    static Yardstick of(ColumnRole role, BinnedDivergences d, double w1Normalized, long n, long m, DriftOptions o,
                        String tail) {
        switch (role) {
            case BINARY:
            case DISCRETE:
            case CATEGORICAL:
                return new Yardstick("TV", d.totalVariation(), chanceTotalVariation(d, n, m), o.tvWarn(),
                        o.tvDrift(), "", tail);
            case CONTINUOUS:
                return Double.isNaN(w1Normalized) ? NONE
                        : new Yardstick("W1/std", w1Normalized, 0, o.w1Warn(), o.w1Drift());
            default:
                return NONE;
        }
    }

    /**
     * This yardstick as a column's verdict keeps it; null for {@link #NONE}.
     *
     * @param decided whether it, not the deciding measure's band, put the verdict at WARN or DRIFT
     */
    YardstickScore score(boolean decided) {
        return this == NONE ? null : new YardstickScore(name, value, chance, warn, drift, decided);
    }

    /** Whether the value, less what chance gives, reaches {@code band}. */
    boolean reaches(double band) {
        return this != NONE && value - chance >= band;
    }

    String describe() {
        String on = scope.isEmpty() ? "" : " " + scope;
        if (name.equals("TV")) {
            // a tail bin hides moves among the values in it: the mass that moved is at least this
            return String.format(Locale.ROOT, "TV %.3g%s (%s%.1f%% of the probability mass would have to move to turn "
                    + "one distribution into the other%s; %.1f%% beyond the %.1f%% chance gives)", value, on,
                    tail.isEmpty() ? "" : "at least ", 100 * value,
                    tail.isEmpty() ? "" : ", " + tail,
                    100 * Math.max(0, value - chance), 100 * chance);
        }
        return String.format(Locale.ROOT, "W1/std %.3g%s (values moved %.2f %sstandard deviations on "
                + "average)", value, on, value, scope.isEmpty() ? "reference " : "their reference ");
    }

    /**
     * The total variation two samples of sizes n and m from one distribution show on average:
     * ½ Σᵢ E|p̂ᵢ − q̂ᵢ| ≈ ½ Σᵢ √(2/π) √(p̄ᵢ(1 − p̄ᵢ)(1/n + 1/m)), with p̄ the pooled shares (the normal
     * approximation of each bin's difference). Subtracting it keeps a column with many small bins from
     * reaching the TV bands on noise alone; a bin that really moved contributes a little less than its
     * move to the difference, so the correction errs towards calling less.
     */
    static double chanceTotalVariation(BinnedDivergences d, long n, long m) {
        return chanceTotalVariation(d.p(), d.q(), n, m);
    }

    private static double chanceTotalVariation(double[] p, double[] q, long n, long m) {
        double v = 1.0 / n + 1.0 / m;
        double w = (double) n / (n + m);
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            double pooled = w * p[i] + (1 - w) * q[i];
            sum += Math.sqrt(pooled * (1 - pooled) * v);
        }
        return 0.5 * Math.sqrt(2 / Math.PI) * sum;
    }
}
