// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.core.ValidationException;
import dev.surprisal.measures.Smoothing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The drift rule: how columns are scored and when a check fails. The one place where its defaults
 * live; the command line's options and a monitor's settings use the same keys ({@link #KEYS}:
 * {@code measure}, {@code warn}, {@code drift}, {@code alpha}, {@code fail-on}), through
 * {@link #withSettings} and {@link #settings}.
 *
 * <ul>
 *   <li>{@code smoothing} (default Jeffreys, +½ on every bin's count, both sides): the
 *       Krichevsky–Trofimov estimator keeps KL finite when a bin empties and — unlike a fixed ε on
 *       probabilities — shrinks with the sample size (the flaw of Evidently's fill, evidently#334).</li>
 *   <li>{@code measure} (default PSI) with its {@code warn} and {@code drift} bands: a column is WARN
 *       when the measure reaches {@code warn} <b>and</b> is beyond its sample-size-aware critical
 *       value, DRIFT when it reaches {@code drift} and is beyond it; so tiny days do not alarm on
 *       noise and huge days do not alarm on immaterial changes.</li>
 *   <li>The <b>role's own yardstick</b>, OR-ed with the measure's bands (beyond noise too): for binary
 *       and discrete columns the total variation of their value shares, TV = ½ Σ |pᵢ − qᵢ|, the share of
 *       probability mass that would have to move to turn one distribution into the other ({@code tvWarn} 0.05, {@code tvDrift} 0.10: 5 and 10 points); for
 *       continuous columns W₁/σ, the Wasserstein-1 distance in reference standard deviations, how far the
 *       values moved on average ({@code w1Warn} 0.1, Evidently's default threshold; {@code w1Drift} 0.3,
 *       between Cohen's small (0.2) and medium (0.5) effect). Why: PSI weighs relative changes, so it
 *       calls a rate moving from 20% to 35% "small" (PSI 0.115) and a 0.5 sd shift borderline (PSI ≈ 0.25);
 *       docs/drift.md's power table chose these bands. Set a band above its range (TV above 1) to turn the
 *       yardstick off.</li>
 *   <li>{@code alpha} (default 0.01): the false-alarm probability per check, split (Bonferroni) over
 *       the tests the columns run ({@link DriftScorer#tests}: divergence, new mass, missing share and,
 *       for numeric columns, invalid share; missing share and duplicate keys for unscored ones).</li>
 *   <li>{@code newMass} (default 0.01): the smallest share of today's values in bins the reference
 *       never saw (or the smallest move of the missing or invalid share) that counts, if it is also
 *       beyond its null.</li>
 *   <li>{@code driftShare} (default 0.5): dataset drift when at least this share of the scored
 *       columns drift (Evidently's rule).</li>
 *   <li>{@code failOn} (default DRIFT): which verdict fails the check (exit 1).</li>
 * </ul>
 */
public record DriftOptions(Smoothing smoothing, Measure measure, double warn, double drift, double tvWarn,
                           double tvDrift, double w1Warn, double w1Drift, double alpha, double newMass,
                           double driftShare, FailOn failOn) {
    /** The settings' keys, as options ({@code --warn}) and as a monitor's config keys. */
    public static final List<String> KEYS = List.of("measure", "warn", "drift", "tv-warn", "tv-drift", "w1-warn",
            "w1-drift", "alpha", "fail-on");

    /** Default TV bands of binary and discrete columns: 5 and 10 points of probability mass moved. */
    public static final double TV_WARN = 0.05;
    /** See {@link #TV_WARN}. */
    public static final double TV_DRIFT = 0.10;
    /** Default W₁/σ bands of continuous columns: a tenth and three tenths of a standard deviation. */
    public static final double W1_WARN = 0.1;
    /** See {@link #W1_WARN}. */
    public static final double W1_DRIFT = 0.3;

    /**
     * Checks the values; messages name the option ({@code --warn}).
     *
     * @param smoothing  applied to both sides' bin counts; not none
     * @param measure    the binned measure that decides
     * @param warn       the measure's warn band
     * @param drift      the measure's drift band, at least {@code warn}
     * @param tvWarn     the TV warn band of binary and discrete columns
     * @param tvDrift    their TV drift band
     * @param w1Warn     the W₁/σ warn band of continuous columns
     * @param w1Drift    their W₁/σ drift band
     * @param alpha      the false-alarm probability per check, in (0, 1)
     * @param newMass    the smallest share of new values, or move of the missing or invalid share, that counts
     * @param driftShare the share of drifted scored columns that is dataset drift
     * @param failOn     which verdict fails the check
     * @throws ValidationException when a value is out of range
     */
    public DriftOptions {
        if (smoothing == null || !smoothing.isSmoothing()) {
            throw new ValidationException("smoothing: drift needs a smoothing (KL is infinite on empty bins), got "
                    + smoothing);
        }
        if (measure == null) {
            throw new ValidationException("--measure: is null");
        }
        if (failOn == null) {
            throw new ValidationException("--fail-on: is null");
        }
        check("--warn", warn, 0, Double.MAX_VALUE);
        if (!(drift >= warn)) {
            throw new ValidationException("--drift: must be >= --warn (" + warn + "), got " + drift);
        }
        check("--drift", drift, 0, Double.MAX_VALUE);
        check("--tv-warn", tvWarn, 0, Double.MAX_VALUE);
        check("--tv-drift", tvDrift, tvWarn, Double.MAX_VALUE);
        check("--w1-warn", w1Warn, 0, Double.MAX_VALUE);
        check("--w1-drift", w1Drift, w1Warn, Double.MAX_VALUE);
        check("--alpha", alpha, 1e-12, 0.5);
        check("newMass", newMass, 0, 1);
        check("driftShare", driftShare, 0, 1);
    }

    private static void check(String name, double v, double lo, double hi) {
        if (!(v >= lo && v <= hi)) {
            throw new ValidationException(name + ": must be in [" + lo + ", " + (hi == Double.MAX_VALUE ? "inf" : hi)
                    + "]" + (lo > 0 && name.endsWith("-drift") ? " (at least its warn band)" : "") + ", got " + v);
        }
    }

    /**
     * @return Jeffreys smoothing, PSI with bands 0.1 / 0.25, TV 0.05 / 0.10 (binary, discrete), W₁/σ 0.1 / 0.3
     * (continuous), alpha 0.01, new mass 1%, drift share 0.5, fail on DRIFT
     */
    public static DriftOptions defaults() {
        return new DriftOptions(Smoothing.jeffreys(), Measure.PSI, Measure.PSI.warn(), Measure.PSI.drift(), TV_WARN,
                TV_DRIFT, W1_WARN, W1_DRIFT, 0.01, 0.01, 0.5, FailOn.DRIFT);
    }

    /**
     * @param m the deciding measure
     * @return these options deciding on it, with its default bands
     */
    public DriftOptions withMeasure(Measure m) {
        return new DriftOptions(smoothing, m, m.warn(), m.drift(), tvWarn, tvDrift, w1Warn, w1Drift, alpha, newMass,
                driftShare, failOn);
    }

    /**
     * @param w warn band
     * @param d drift band
     * @return these options with these bands
     */
    public DriftOptions withBands(double w, double d) {
        return new DriftOptions(smoothing, measure, w, d, tvWarn, tvDrift, w1Warn, w1Drift, alpha, newMass, driftShare,
                failOn);
    }

    /**
     * @param w TV warn band of binary and discrete columns (share of rows, 0 to 1; above 1 turns it off)
     * @param d TV drift band, at least {@code w}
     * @return these options with these bands
     */
    public DriftOptions withTvBands(double w, double d) {
        return new DriftOptions(smoothing, measure, warn, drift, w, d, w1Warn, w1Drift, alpha, newMass, driftShare,
                failOn);
    }

    /**
     * @param w W₁/σ warn band of continuous columns (reference standard deviations)
     * @param d W₁/σ drift band, at least {@code w}
     * @return these options with these bands
     */
    public DriftOptions withW1Bands(double w, double d) {
        return new DriftOptions(smoothing, measure, warn, drift, tvWarn, tvDrift, w, d, alpha, newMass, driftShare,
                failOn);
    }

    /**
     * @param s smoothing
     * @return these options with it
     */
    public DriftOptions withSmoothing(Smoothing s) {
        return new DriftOptions(s, measure, warn, drift, tvWarn, tvDrift, w1Warn, w1Drift, alpha, newMass, driftShare,
                failOn);
    }

    /**
     * @param a false-alarm probability per check
     * @return these options with it
     */
    public DriftOptions withAlpha(double a) {
        return new DriftOptions(smoothing, measure, warn, drift, tvWarn, tvDrift, w1Warn, w1Drift, a, newMass, driftShare,
                failOn);
    }

    /**
     * @param s dataset drift share
     * @return these options with it
     */
    public DriftOptions withDriftShare(double s) {
        return new DriftOptions(smoothing, measure, warn, drift, tvWarn, tvDrift, w1Warn, w1Drift, alpha, newMass, s,
                failOn);
    }

    /**
     * @param f which verdict fails a check
     * @return these options with it
     */
    public DriftOptions withFailOn(FailOn f) {
        return new DriftOptions(smoothing, measure, warn, drift, tvWarn, tvDrift, w1Warn, w1Drift, alpha, newMass, driftShare,
                f);
    }

    /**
     * These options with settings by key (a monitor's stored rule, the command line's options):
     * {@code measure} first (it resets the bands to the measure's defaults), then the others.
     *
     * @param settings key to value; keys from {@link #KEYS}
     * @return the options
     * @throws ValidationException naming the option ({@code --warn}) for an unknown key or a bad value
     */
    public DriftOptions withSettings(Map<String, String> settings) {
        for (String k : settings.keySet()) {
            if (!KEYS.contains(k)) {
                throw new ValidationException("--" + k + ": not a drift setting; settings: " + String.join(", ", KEYS));
            }
        }
        DriftOptions o = this;
        if (settings.containsKey("measure")) {
            o = o.withMeasure(Measure.parse(settings.get("measure")));
        }
        double w = settings.containsKey("warn") ? number("--warn", settings.get("warn")) : o.warn;
        double d = settings.containsKey("drift") ? number("--drift", settings.get("drift")) : o.drift;
        if (settings.containsKey("warn") && !settings.containsKey("drift") && d < w) {
            d = w;
        }
        o = o.withBands(w, d);
        double[] tv = bands(settings, "tv", o.tvWarn, o.tvDrift);
        o = o.withTvBands(tv[0], tv[1]);
        double[] w1 = bands(settings, "w1", o.w1Warn, o.w1Drift);
        o = o.withW1Bands(w1[0], w1[1]);
        if (settings.containsKey("alpha")) {
            o = o.withAlpha(number("--alpha", settings.get("alpha")));
        }
        if (settings.containsKey("fail-on")) {
            o = o.withFailOn(FailOn.parse(settings.get("fail-on")));
        }
        return o;
    }

    /** A pair of bands by key prefix; a warn band given alone above the current drift band lifts it too. */
    private static double[] bands(Map<String, String> settings, String prefix, double warn, double drift) {
        String wk = prefix + "-warn";
        String dk = prefix + "-drift";
        double w = settings.containsKey(wk) ? number("--" + wk, settings.get(wk)) : warn;
        double d = settings.containsKey(dk) ? number("--" + dk, settings.get(dk)) : drift;
        return new double[] {w, settings.containsKey(wk) && !settings.containsKey(dk) && d < w ? w : d};
    }

    private static double number(String option, String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new ValidationException(option + ": expected a number, got '" + text + "'");
        }
    }

    /** @return these options as settings by key (see {@link #KEYS}) */
    public Map<String, String> settings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("measure", measure.name().toLowerCase(Locale.ROOT));
        m.put("warn", Double.toString(warn));
        m.put("drift", Double.toString(drift));
        m.put("tv-warn", Double.toString(tvWarn));
        m.put("tv-drift", Double.toString(tvDrift));
        m.put("w1-warn", Double.toString(w1Warn));
        m.put("w1-drift", Double.toString(w1Drift));
        m.put("alpha", Double.toString(alpha));
        m.put("fail-on", failOn.label());
        return m;
    }
}
