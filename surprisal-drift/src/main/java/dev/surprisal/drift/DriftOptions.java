package dev.surprisal.drift;

import dev.surprisal.core.ValidationException;

import dev.surprisal.measures.Smoothing;

/**
 * How drift is scored.
 *
 * <ul>
 *   <li>{@code smoothing} (default Jeffreys, +½ on every bin's count, both sides): the
 *       Krichevsky–Trofimov estimator is the minimax-regret choice for coding counts, keeps KL
 *       finite when a bin empties, and — unlike a fixed ε on probabilities — shrinks with the sample
 *       size, so the same loss of mass gives the same KL whatever other bins hold (the flaw of
 *       Evidently's fill, evidently#334).</li>
 *   <li>{@code measure} (default PSI) and its {@code warn}/{@code alert} bands: a column drifts when
 *       the measure is at least {@code warn} <b>and</b> beyond the sample-size-aware critical value,
 *       so tiny days do not alarm on noise and huge days do not alarm on immaterial changes.</li>
 *   <li>{@code alpha} (default 0.01): the false-alarm probability per check, split (Bonferroni)
 *       over the columns and the two signals per column (divergence and new mass).</li>
 *   <li>{@code newMass} (default 0.01): the share of today's values in bins the reference never
 *       saw (outside its range, or unseen categories) from which that signal counts, if it is also
 *       beyond its null rate.</li>
 *   <li>{@code driftShare} (default 0.5): dataset drift when at least this share of columns drift
 *       (Evidently's rule).</li>
 * </ul>
 */
public record DriftOptions(Smoothing smoothing, Measure measure, double warn, double alert, double alpha,
                           double newMass, double driftShare) {
    public DriftOptions {
        if (smoothing == null || !smoothing.isSmoothing()) {
            throw new ValidationException("smoothing: drift needs a smoothing (KL is infinite on empty bins), got "
                    + smoothing);
        }
        if (measure == null) {
            throw new ValidationException("measure: is null");
        }
        check("warn", warn, 0, Double.MAX_VALUE);
        check("alert", alert, warn, Double.MAX_VALUE);
        check("alpha", alpha, 1e-12, 0.5);
        check("newMass", newMass, 0, 1);
        check("driftShare", driftShare, 0, 1);
    }

    private static void check(String name, double v, double lo, double hi) {
        if (!(v >= lo && v <= hi)) {
            throw new ValidationException(name + ": must be in [" + lo + ", " + hi + "], got " + v);
        }
    }

    public static DriftOptions defaults() {
        return new DriftOptions(Smoothing.jeffreys(), Measure.PSI, Measure.PSI.warn(), Measure.PSI.alert(), 0.01, 0.01,
                0.5);
    }

    /** These options deciding on {@code m} with its default bands. */
    public DriftOptions withMeasure(Measure m) {
        return new DriftOptions(smoothing, m, m.warn(), m.alert(), alpha, newMass, driftShare);
    }

    public DriftOptions withBands(double w, double a) {
        return new DriftOptions(smoothing, measure, w, a, alpha, newMass, driftShare);
    }

    public DriftOptions withSmoothing(Smoothing s) {
        return new DriftOptions(s, measure, warn, alert, alpha, newMass, driftShare);
    }

    public DriftOptions withAlpha(double a) {
        return new DriftOptions(smoothing, measure, warn, alert, a, newMass, driftShare);
    }

    public DriftOptions withDriftShare(double s) {
        return new DriftOptions(smoothing, measure, warn, alert, alpha, newMass, s);
    }
}
