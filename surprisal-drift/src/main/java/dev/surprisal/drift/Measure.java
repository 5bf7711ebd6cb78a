// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.core.Base;
import dev.surprisal.core.ValidationException;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

import java.util.Locale;

/**
 * The binned measure that decides whether a column drifted, with its fixed warn/drift bands and
 * its sample-size-aware critical value.
 *
 * <p>Fixed warn / drift bands: PSI 0.1 / 0.25 (the credit-scoring folklore, e.g. feature-engine),
 * KL 0.1 / 0.25 nats (Evidently's 0.1), JS 0.1 / 0.25 bits, Hellinger 0.15 / 0.4 (whylogs' traffic
 * lights). PSI and Hellinger have no unit (PSI is computed with natural logarithms, as its bands
 * are defined); KL and JS are in nats and bits here, and shown in the unit the user chooses.
 *
 * <p>Null critical values come from the χ² approximation of the two-sample homogeneity statistic:
 * with N_eff = nm/(n + m) and df = (bins used) − 1, under "same distribution"
 * <pre>
 *   N_eff · PSI ≈ 2 N_eff · KL ≈ 8 N_eff · JS(nats) ≈ 8 N_eff · H² ≈ χ²(df)
 * </pre>
 * (all are second-order expansions of Σ (pᵢ − qᵢ)²/pᵢ; for PSI this is Yurdakul's 2018 result,
 * used by feature-engine's {@code threshold="auto"}). The critical value is the (1 − α) quantile
 * of χ²(df) mapped back through the same scale. {@code NullThresholdTest} checks the resulting
 * false-alarm rate by simulation.
 */
public enum Measure {
    /** Population stability index, KL(P‖Q) + KL(Q‖P) in nats; bands 0.1 and 0.25. */
    PSI(0.1, 0.25),
    /** KL(P‖Q) in nats, P the reference; bands 0.1 and 0.25. */
    KL(0.1, 0.25),
    /** Jensen–Shannon divergence in bits; bands 0.1 and 0.25. */
    JS(0.1, 0.25),
    /** Hellinger distance, dimensionless; bands 0.15 and 0.4. */
    HELLINGER(0.15, 0.4);

    private final double warn;
    private final double drift;

    Measure(double warn, double drift) {
        this.warn = warn;
        this.drift = drift;
    }

    /**
     * The default "warn" band (drift starts here).
     *
     * @return the default warn band
     */
    public double warn() {
        return warn;
    }

    /**
     * The default "drift" band.
     *
     * @return the default drift band
     */
    public double drift() {
        return drift;
    }

    /**
     * This measure's value in a set of binned divergences.
     *
     * @param d the binned divergences of a column
     * @return this measure's value among them
     */
    public double of(BinnedDivergences d) {
        switch (this) {
            case PSI: return d.psi();
            case KL: return d.klNats();
            case JS: return d.jsBits();
            default: return d.hellinger();
        }
    }

    /**
     * The value this measure exceeds with probability {@code alpha} when both samples come from one
     * distribution (χ² approximation, see the class comment); +∞ when df = 0.
     *
     * @param alpha the false-alarm probability, in (0, 1)
     * @param df the degrees of freedom (bins used minus one)
     * @param n the reference's values counted
     * @param m the current day's values counted
     * @return the critical value in this measure's unit
     */
    public double critical(double alpha, int df, long n, long m) {
        if (df <= 0 || n <= 0 || m <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        double nEff = (double) n * m / ((double) n + m);
        double x = ChiSquaredDistribution.of(df).inverseSurvivalProbability(alpha);
        switch (this) {
            case PSI: return x / nEff;
            case KL: return x / (2 * nEff);
            case JS: return x / (8 * nEff) / Math.log(2);
            default: return Math.sqrt(x / (8 * nEff));
        }
    }

    /**
     * The unit the value is in: "nats" (KL), "bits" (JS), "" for PSI and Hellinger, which have none.
     *
     * @return "nats", "bits" or ""
     */
    public String unit() {
        return this == JS ? "bits" : this == KL ? "nats" : "";
    }

    /**
     * The unit in words for outputs: "unitless", "nats" or "bits".
     *
     * @return "unitless", "nats" or "bits"
     */
    public String unitLabel() {
        return unit().isEmpty() ? "unitless" : unit();
    }

    /**
     * The measure's name with the unit of its values as scored and stored (KL in nats, JS in bits), the
     * one wording of chart titles: "PSI (unitless)", "KL (nats)", "JS (bits)", "Hellinger (unitless)".
     *
     * @return the name and its unit
     */
    public String labelWithUnit() {
        return label() + " (" + unitLabel() + ")";
    }

    /**
     * The measure's name with the unit its values are shown in, KL and JS in {@code base}'s unit: "PSI
     * (unitless)", "KL (bits)"; {@link #labelWithUnit()} for values as stored.
     *
     * @param base the unit KL and JS are shown in
     * @return the name and its unit
     */
    public String labelWithUnit(Base base) {
        return label() + " (" + (unitIn(base).isEmpty() ? "unitless" : unitIn(base)) + ")";
    }

    /**
     * The measure a label names, as {@link #label()} prints it ("PSI", "Hellinger").
     *
     * @param label a printed name, or anything else (a yardstick such as "W1/std", several measures)
     * @return the measure, or null when the label names none
     */
    public static Measure byLabel(String label) {
        for (Measure m : values()) {
            if (m.label().equals(label)) {
                return m;
            }
        }
        return null;
    }

    /**
     * The measure's name as printed: PSI, KL, JS or Hellinger (a name, not a shout).
     *
     * @return the printed name
     */
    public String label() {
        return this == HELLINGER ? "Hellinger" : name();
    }

    /**
     * A value of this measure, as the scores hold it (KL in nats, JS in bits), in the unit shown:
     * KL and JS in {@code base}'s unit, PSI and Hellinger as they are (unitless).
     *
     * @param v    a value of this measure (or of a band or critical value of it) in its own unit
     * @param base the unit KL and JS are shown in
     * @return the value in the unit shown
     */
    public double inBase(double v, Base base) {
        switch (this) {
            case KL: return base.fromNats(v);
            case JS: return base.fromNats(v * Math.log(2));
            default: return v;
        }
    }

    /**
     * The unit a value of this measure is shown in: {@code base}'s unit for KL and JS, none for PSI
     * and Hellinger.
     *
     * @param base the unit KL and JS are shown in
     * @return "bits", "nats", ... or "" for a unitless measure
     */
    public String unitIn(Base base) {
        return this == KL || this == JS ? base.unit() : "";
    }

    /**
     * Parses psi, kl, js or hellinger.
     *
     * @param s the measure as typed (any case)
     * @return the measure
     */
    public static Measure parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ValidationException("measure: expected psi, kl, js or hellinger, got '" + s + "'");
        }
    }
}
