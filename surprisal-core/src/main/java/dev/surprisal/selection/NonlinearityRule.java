// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.selection;

import dev.surprisal.core.ValidationException;

/**
 * When to flag a feature as "nonlinear dependence: MI high, |r| low".
 *
 * <p>A bivariate Gaussian with correlation r has mutual information I_gauss(r) = −½ ln(1 − r²), and that is
 * all the dependence a correlation coefficient can express. The rule flags a feature when the estimated MI
 * exceeds I_gauss(r) both absolutely and relatively, and r itself is small:
 * <pre>  MI − I_gauss(r) ≥ marginNats   and   MI ≥ ratio · I_gauss(r)   and   |r| &lt; maxAbsR</pre>
 * The margin keeps estimator noise on weak features from raising the flag; the ratio keeps a strongly linear
 * feature (large I_gauss, so a small relative estimation bias is many hundredths of a nat) from being flagged.
 * The bound on |r| is what the flag promises ("|r| low"): a feature whose r is already moderate is visible to a
 * correlation screen, even when the rest of the target is far from Gaussian and MI exceeds I_gauss(r) — for
 * y = x1 + x2², x1 has r ≈ 0.3 and MI ≈ 4·I_gauss(r) only because x2² is not Gaussian noise.
 * Defaults: margin 0.1 nats, ratio 2 ("more than half of the information is invisible to r"), and
 * |r| &lt; 0.3 (Cohen's 1988 boundary between a small and a medium correlation).
 *
 * @param marginNats minimal absolute excess, nats (≥ 0)
 * @param ratio      minimal ratio MI / I_gauss (≥ 1)
 * @param maxAbsR    |r| must be below this for the flag (in (0, 1])
 */
public record NonlinearityRule(double marginNats, double ratio, double maxAbsR) {
    /** margin 0.1 nats, ratio 2, |r| &lt; 0.3. */
    public static final NonlinearityRule DEFAULT = new NonlinearityRule(0.1, 2.0, 0.3);

    /** Validates the parameters. */
    public NonlinearityRule {
        if (!(marginNats >= 0.0) || !Double.isFinite(marginNats)) {
            throw new ValidationException("marginNats: must be finite and >= 0, got " + marginNats);
        }
        if (!(ratio >= 1.0) || !Double.isFinite(ratio)) {
            throw new ValidationException("ratio: must be finite and >= 1, got " + ratio);
        }
        if (!(maxAbsR > 0.0 && maxAbsR <= 1.0)) {
            throw new ValidationException("maxAbsR: must be in (0, 1], got " + maxAbsR);
        }
    }

    /** Whether an MI estimate (nats) and a Pearson r amount to nonlinear dependence under this rule. */
    public boolean test(double miNats, double pearson) {
        double gauss = gaussianMi(pearson);
        return Math.abs(pearson) < maxAbsR && miNats - gauss >= marginNats && miNats >= ratio * gauss;
    }

    /** −½ ln(1 − r²), nats; +∞ for |r| = 1. */
    public static double gaussianMi(double r) {
        return -0.5 * Math.log1p(-r * r);
    }
}
