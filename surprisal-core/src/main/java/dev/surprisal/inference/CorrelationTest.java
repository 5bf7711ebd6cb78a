// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.inference;

import dev.surprisal.core.ValidationException;
import dev.surprisal.dependence.Correlation;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Tests of zero correlation: the coefficients of {@link Correlation} with their p-values, matching
 * {@code scipy.stats.pearsonr(x, y, alternative=...)} and {@code scipy.stats.spearmanr(x, y,
 * alternative=...)} of scipy 1.10.
 *
 * <ul>
 *   <li>Pearson: for bivariate normal data without correlation, r has the beta distribution on
 *       [−1, 1] with a = b = n/2 − 1, i.e. (r + 1)/2 ~ Beta(n/2 − 1, n/2 − 1); the p-value is
 *       2·P(R ≥ |r|) two-sided, P(R ≤ r) for {@code LESS}, P(R ≥ r) for {@code GREATER}. Exact
 *       under normality (Fisher, R. A. (1915) "Frequency distribution of the values of the
 *       correlation coefficient in samples from an indefinitely large population", Biometrika
 *       10(4)); for n = 2 it is 1, as in scipy.</li>
 *   <li>Spearman: t = ρ √((n − 2) / ((1 + ρ)(1 − ρ))) against Student's t with n − 2 degrees of
 *       freedom, an approximation that scipy also uses (Kendall, M. and Stuart, A. (1973) "The
 *       Advanced Theory of Statistics", vol. 2, §31.19); ρ = ±1 gives p = 0 in its direction.</li>
 * </ul>
 * {@code LESS} is the alternative of a negative correlation, {@code GREATER} of a positive one.
 * Unlike scipy, which warns and returns NaN, a constant sample throws (the coefficient is
 * undefined), and so does a Spearman test on 2 pairs (zero degrees of freedom).
 */
public final class CorrelationTest {
    private CorrelationTest() {
    }

    /**
     * Pearson's r with its two-sided p-value.
     *
     * @param x the first sample, finite values
     * @param y the second sample, same length
     * @return r and P(|R| ≥ |r|) under no correlation
     * @throws ValidationException as {@link Correlation#pearson(double[], double[])}
     */
    public static CorrelationTestResult pearson(double[] x, double[] y) {
        return pearson(x, y, Alternative.TWO_SIDED);
    }

    /**
     * Pearson's r with the p-value for the given alternative.
     *
     * @param x           the first sample, finite values
     * @param y           the second sample, same length
     * @param alternative {@code TWO_SIDED}, {@code LESS} (r &lt; 0) or {@code GREATER} (r &gt; 0)
     * @return r and its p-value
     * @throws ValidationException if {@code alternative} is null, or as
     *         {@link Correlation#pearson(double[], double[])} (lengths differ, fewer than 2 pairs,
     *         a NaN or infinite value, a constant sample)
     */
    public static CorrelationTestResult pearson(double[] x, double[] y, Alternative alternative) {
        check(alternative);
        double r = Correlation.pearson(x, y);
        int n = x.length;
        if (n == 2) {
            return new CorrelationTestResult(r, 1.0, n, alternative);
        }
        double ab = n / 2.0 - 1;
        BetaDistribution beta = BetaDistribution.of(ab, ab);
        double p;
        switch (alternative) {
            case LESS:
                p = beta.cumulativeProbability((r + 1) / 2);
                break;
            case GREATER:
                p = beta.survivalProbability((r + 1) / 2);
                break;
            default:
                p = 2 * beta.survivalProbability((Math.abs(r) + 1) / 2);
                break;
        }
        return new CorrelationTestResult(r, Math.min(1.0, p), n, alternative);
    }

    /**
     * Spearman's ρ with its two-sided p-value.
     *
     * @param x the first sample, finite values
     * @param y the second sample, same length
     * @return ρ and its two-sided p-value
     * @throws ValidationException as {@link #spearman(double[], double[], Alternative)}
     */
    public static CorrelationTestResult spearman(double[] x, double[] y) {
        return spearman(x, y, Alternative.TWO_SIDED);
    }

    /**
     * Spearman's ρ with the p-value for the given alternative.
     *
     * @param x           the first sample, finite values
     * @param y           the second sample, same length
     * @param alternative {@code TWO_SIDED}, {@code LESS} (ρ &lt; 0) or {@code GREATER} (ρ &gt; 0)
     * @return ρ and its p-value
     * @throws ValidationException if {@code alternative} is null, there are fewer than 3 pairs, or
     *         as {@link Correlation#spearman(double[], double[])}
     */
    public static CorrelationTestResult spearman(double[] x, double[] y, Alternative alternative) {
        check(alternative);
        double rho = Correlation.spearman(x, y);
        int n = x.length;
        if (n < 3) {
            throw new ValidationException("x: the Spearman test needs at least 3 pairs (n − 2 degrees of freedom), got " + n);
        }
        int dof = n - 2;
        double p;
        if (Math.abs(rho) == 1.0) {
            // t is ±∞: the tail in the direction of ρ has probability 0, the other 1
            boolean towards = alternative == Alternative.TWO_SIDED
                    || (alternative == Alternative.GREATER) == (rho > 0);
            p = towards ? 0.0 : 1.0;
        } else {
            double t = rho * Math.sqrt(Math.max(0.0, dof / ((rho + 1.0) * (1.0 - rho))));
            TDistribution student = TDistribution.of(dof);
            switch (alternative) {
                case LESS:
                    p = student.cumulativeProbability(t);
                    break;
                case GREATER:
                    p = student.cumulativeProbability(-t);
                    break;
                default:
                    p = 2 * student.cumulativeProbability(-Math.abs(t));
                    break;
            }
        }
        return new CorrelationTestResult(rho, Math.min(1.0, p), n, alternative);
    }

    private static void check(Alternative alternative) {
        if (alternative == null) {
            throw new ValidationException("alternative: is null; use TWO_SIDED, LESS or GREATER");
        }
    }
}
