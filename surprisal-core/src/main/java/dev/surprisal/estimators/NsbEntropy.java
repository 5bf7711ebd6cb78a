// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.estimators;

import dev.surprisal.core.Validate;
import dev.surprisal.core.ValidationException;

import dev.surprisal.core.Base;
import dev.surprisal.counts.ContingencyTable;
import dev.surprisal.counts.Counts;

import java.util.OptionalLong;

/**
 * The NSB (Nemenman–Shafee–Bialek) estimator: the posterior mean of the entropy under a mixture
 * of symmetric Dirichlet priors Dir(β, …, β) over K categories, mixed so that the prior on the
 * entropy is nearly flat. The mixing density is dξ/dβ with ξ(β) = E[H | β] = ψ(Kβ+1) − ψ(β+1), so
 * <pre>
 *   Ĥ_NSB = ∫ E[H | n, β] p(n | β) ξ'(β) dβ  /  ∫ p(n | β) ξ'(β) dβ      (nats)
 *   E[H | n, β] = ψ(N + Kβ + 1) − Σ_i (n_i + β)/(N + Kβ) · ψ(n_i + β + 1)
 *   p(n | β)    = Γ(Kβ)/Γ(N + Kβ) · Π_i Γ(n_i + β)/Γ(β)
 * </pre>
 * The integral is taken over u = ln β. A scan of step 0.5 over [−ln K − 40, ln N + 40] finds the
 * posterior mode (refined by golden-section search); the curvature there gives the posterior width
 * σ; the range is extended from the mode until the log-weight has dropped by 50. On that range the
 * trapezoid rule, anchored at the mode with step min(σ, 0.5), is halved (at most 8 times) until
 * the normaliser and the mean change by less than 1e-11 relative. For an analytic integrand that decays at both
 * ends the trapezoid rule converges geometrically (Trefethen, L. N. and Weideman, J. A. C. (2014)
 * "The exponentially convergent trapezoidal rule", SIAM Review 56). Weights are scaled by
 * exp(−max log-weight) (log-sum-exp), so nothing under- or overflows; the cost is a few hundred
 * evaluations, each O(number of distinct count values). The posterior standard deviation uses the second moment of H under
 * a Dirichlet posterior (Wolpert, D. H. and Wolf, D. R. (1995) "Estimating functions of probability
 * distributions from a finite set of samples", Physical Review E 52).
 *
 * <p><b>Alphabet size.</b> NSB needs K, the number of possible categories. By default
 * ({@link #INSTANCE}) K = {@code counts.size()}, zero-count slots included; {@link #withAlphabetSize}
 * fixes K explicitly (it must be at least the number of observed categories).
 * {@link #mutualInformation} always uses the table's shape (rows, columns, rows × columns) as the
 * three alphabets, since one explicit K cannot fit all three.
 *
 * <p>Reference: Nemenman, I., Shafee, F. and Bialek, W. (2002) "Entropy and inference, revisited",
 * Advances in Neural Information Processing Systems 14; Nemenman, I., Bialek, W. and de Ruyter van
 * Steveninck, R. (2004) "Entropy and information in neural spike trains: progress on the sampling
 * problem", Physical Review E 69.
 */
public final class NsbEntropy implements EntropyEstimator {
    /** NSB with K = {@code counts.size()}. */
    public static final NsbEntropy INSTANCE = new NsbEntropy(0);

    private static final double SCAN_STEP = 0.5;
    private static final double RANGE_PAD = 40.0;
    private static final double LOG_WEIGHT_DROP = 50.0;
    private static final double MAX_STEP = 0.5;
    private static final double MAX_POINTS = 200_000;
    private static final int MAX_HALVINGS = 8;
    private static final double TOLERANCE = 1e-11;

    /** 0 means "use counts.size()". */
    private final long alphabetSize;

    private NsbEntropy(long alphabetSize) {
        this.alphabetSize = alphabetSize;
    }

    /**
     * NSB over an explicit alphabet of {@code k} categories.
     *
     * @param k the alphabet size K, ≥ 1 (at least the observed categories)
     * @return an NSB estimator over K categories
     * @throws IllegalArgumentException if {@code k < 1}
     */
    public static NsbEntropy withAlphabetSize(long k) {
        if (k < 1) {
            throw new ValidationException("alphabetSize: must be >= 1, got " + k);
        }
        return new NsbEntropy(k);
    }

    /**
     * The explicit alphabet size, or empty when K is taken from {@code counts.size()}.
     *
     * @return the explicit alphabet size, or empty when K is taken from {@code counts.size()}
     */
    public OptionalLong alphabetSize() {
        return alphabetSize == 0 ? OptionalLong.empty() : OptionalLong.of(alphabetSize);
    }

    /** The posterior mean and standard deviation of the entropy, both in the unit of {@code base}. */
    public record Posterior(double mean, double standardDeviation, Base base) {
    }

    /**
     * The NSB posterior mean of the entropy.
     *
     * @throws IllegalArgumentException if an argument is null, or the explicit alphabet size is
     *                                  smaller than the number of observed categories
     */
    @Override
    public double entropy(Counts counts, Base base) {
        return posterior(counts, base).mean();
    }

    /**
     * The NSB posterior mean and standard deviation of the entropy.
     *
     * @param counts the observed histogram
     * @param base the unit of the result
     * @return the posterior mean and standard deviation of H, in the unit of {@code base}
     * @throws IllegalArgumentException as {@link #entropy}
     */
    public Posterior posterior(Counts counts, Base base) {
        Validate.notNull("counts", counts);
        Validate.notNull("base", base);
        CountProfile profile = CountProfile.of(counts);
        long k = alphabetSize == 0 ? counts.size() : alphabetSize;
        if (k < profile.observed) {
            throw new ValidationException("alphabetSize: " + k + " is smaller than the "
                    + profile.observed + " categories observed in counts");
        }
        if (k == 1) {
            return new Posterior(0.0, 0.0, base);
        }
        double[] m = integrate(new NsbIntegrand(profile, k));
        double variance = Math.max(0.0, m[1] - m[0] * m[0]);
        return new Posterior(base.fromNats(m[0]), base.fromNats(Math.sqrt(variance)), base);
    }

    /** I(X;Y) with NSB entropies over alphabets of rows, columns and rows × columns (not clipped). */
    @Override
    public double mutualInformation(ContingencyTable table, Base base) {
        return INSTANCE.defaultMutualInformation(table, base);
    }

    private double defaultMutualInformation(ContingencyTable table, Base base) {
        return EntropyEstimator.super.mutualInformation(table, base);
    }

    /** {E[H], E[H²]} in nats under the NSB posterior. */
    static double[] integrate(NsbIntegrand f) {
        // 1. Coarse scan for the mode of the posterior of u = ln β.
        double lo = -Math.log(f.alphabetSize()) - RANGE_PAD;
        double hi = Math.log(Math.max(1.0, f.total())) + RANGE_PAD;
        int points = (int) Math.ceil((hi - lo) / SCAN_STEP) + 1;
        double bestU = lo;
        double bestW = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < points; i++) {
            double u = lo + i * SCAN_STEP;
            double w = f.logWeight(u);
            if (w > bestW) {
                bestW = w;
                bestU = u;
            }
        }
        double mode = refineMode(f, Math.max(lo, bestU - SCAN_STEP), Math.min(hi, bestU + SCAN_STEP));
        double max = Math.max(bestW, f.logWeight(mode));
        // 2. Width from the curvature of the log-weight at the mode (1 if it is not concave there).
        double d = 1e-3;
        double curvature = -(f.logWeight(mode + d) - 2 * f.logWeight(mode) + f.logWeight(mode - d)) / (d * d);
        double sigma = curvature > 1e-6 ? 1.0 / Math.sqrt(curvature) : 1.0;
        // 3. Range: walk out with growing steps (the right tail can be as heavy as e^{−u}).
        double a = edge(f, mode, -sigma, lo, max);
        double b = edge(f, mode, sigma, hi, max);
        // 4. Trapezoid rule anchored at the mode, halving the step until it no longer changes.
        double h = Math.min(sigma, MAX_STEP);
        if ((b - a) / h > MAX_POINTS) {
            h = (b - a) / MAX_POINTS;
        }
        double[] sum = new double[3];
        addNodes(f, mode, h, 0, a, b, max, sum);
        double[] previous = scaled(sum, h);
        for (int halving = 0; halving < MAX_HALVINGS; halving++) {
            h /= 2;
            addNodes(f, mode, 2 * h, h, a, b, max, sum);  // the new midpoints only
            double[] current = scaled(sum, h);
            double scale = Math.max(1.0, Math.log(f.alphabetSize()));
            boolean converged = Math.abs(current[0] - previous[0]) <= TOLERANCE * current[0]
                    && Math.abs(current[1] / current[0] - previous[1] / previous[0]) <= TOLERANCE * scale;
            previous = current;
            if (converged) {
                break;
            }
        }
        if (!(previous[0] > 0) || !Double.isFinite(previous[1]) || !Double.isFinite(previous[2])) {
            throw new IllegalStateException("NSB integral failed: weight " + previous[0]);
        }
        return new double[] {previous[1] / previous[0], previous[2] / previous[0]};
    }

    private static double[] scaled(double[] sum, double h) {
        return new double[] {sum[0] * h, sum[1] * h, sum[2] * h};
    }

    /** Adds w, w·E[H|β], w·E[H²|β] at the nodes mode + offset + i·step inside [a, b]. */
    private static void addNodes(NsbIntegrand f, double mode, double step, double offset,
                                 double a, double b, double max, double[] sum) {
        long first = (long) Math.ceil((a - mode - offset) / step);
        long last = (long) Math.floor((b - mode - offset) / step);
        for (long i = first; i <= last; i++) {
            double u = mode + offset + i * step;
            double w = Math.exp(f.logWeight(u) - max);
            if (w < 1e-300) {
                continue;
            }
            double[] m = f.moments(u);
            sum[0] += w;
            sum[1] += w * m[0];
            sum[2] += w * m[1];
        }
    }

    /** The first point from {@code mode} in the direction of {@code step} where the weight is negligible. */
    private static double edge(NsbIntegrand f, double mode, double step, double limit, double max) {
        double u = mode;
        double s = step;
        while (true) {
            u += s;
            if (step < 0 ? u <= limit : u >= limit) {
                return limit;
            }
            if (f.logWeight(u) < max - LOG_WEIGHT_DROP) {
                return u;
            }
            s *= 1.5;
        }
    }

    /** Golden-section search for the maximum of the log-weight on [a, b]. */
    private static double refineMode(NsbIntegrand f, double a, double b) {
        final double r = 0.5 * (Math.sqrt(5.0) - 1.0);
        double c = b - r * (b - a);
        double d = a + r * (b - a);
        double fc = f.logWeight(c);
        double fd = f.logWeight(d);
        for (int it = 0; it < 80 && b - a > 1e-10; it++) {
            if (fc > fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - r * (b - a);
                fc = f.logWeight(c);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + r * (b - a);
                fd = f.logWeight(d);
            }
        }
        return 0.5 * (a + b);
    }

    @Override
    public String name() {
        return "nsb";
    }

    @Override
    public String toString() {
        return alphabetSize == 0 ? name() : name() + "(K=" + alphabetSize + ")";
    }
}
