// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.estimators;

import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.Trigamma;

/**
 * The pieces of the NSB integral as functions of u = ln β, for a histogram of N observations
 * over an alphabet of K categories (the K − k unobserved ones are handled in bulk):
 * <pre>
 *   log weight(u) = u + ln ξ'(β) + ln p(n | β)                   (the posterior of u, unnormalised)
 *   ξ(β)          = ψ(Kβ + 1) − ψ(β + 1)                          (prior mean entropy)
 *   p(n | β)      = Γ(Kβ)/Γ(N + Kβ) · Π Γ(n_i + β)/Γ(β)
 *   E[H | n, β]   = ψ(A + 1) − Σ (a_i/A) ψ(a_i + 1),   a_i = n_i + β, A = N + Kβ
 * </pre>
 * and the second moment E[H² | n, β] of Wolpert and Wolf (1995), used for the posterior spread.
 * Log-gamma differences and ξ' are evaluated in forms that stay accurate when β is large (the
 * naive differences of two huge numbers lose every digit there).
 */
final class NsbIntegrand {
    private final double k;
    private final double n;
    private final long[] values;
    private final double[] multiplicities;
    private final double unobserved;

    NsbIntegrand(CountProfile profile, double alphabetSize) {
        this.k = alphabetSize;
        this.n = profile.total;
        this.values = profile.values;
        this.multiplicities = new double[values.length];
        for (int j = 0; j < values.length; j++) {
            multiplicities[j] = profile.multiplicities[j];
        }
        this.unobserved = alphabetSize - profile.observed;
    }

    double alphabetSize() {
        return k;
    }

    double total() {
        return n;
    }

    /** ln of the unnormalised posterior density of u = ln β under the NSB prior. */
    double logWeight(double u) {
        double beta = Math.exp(u);
        // ln p(n | β) up to a constant: the β-free ln Γ(N) and ln Γ(n_i) are dropped, which keeps
        // the sum small and its rounding far below what the quadrature resolves.
        double logLikelihood = -logRisingFree(k * beta, n);
        for (int j = 0; j < values.length; j++) {
            logLikelihood += multiplicities[j] * logRisingFree(beta, values[j]);
        }
        return u + Math.log(xiDerivative(beta)) + logLikelihood;
    }

    /** {E[H | n, β], E[H² | n, β]} in nats. */
    double[] moments(double u) {
        double beta = Math.exp(u);
        double bigA = n + k * beta;
        double psiA2 = Digamma.value(bigA + 2);
        double triA2 = Trigamma.value(bigA + 2);
        // Accumulate over groups of equal a (each observed count value, then the unobserved group).
        double sumAPsi = 0; // Σ a ψ(a+1)
        double sumAq = 0;   // Σ a q,   q = ψ(a+1) − ψ(A+2)
        double sumA2q2 = 0; // Σ a² q²
        double sumA2 = 0;   // Σ a²
        double diag = 0;    // Σ a(a+1) (r² + ψ1(a+2) − ψ1(A+2)),  r = ψ(a+2) − ψ(A+2)
        for (int j = 0; j <= values.length; j++) {
            double m = j < values.length ? multiplicities[j] : unobserved;
            if (m == 0) {
                continue;
            }
            double a = (j < values.length ? values[j] : 0) + beta;
            double psi1 = Digamma.value(a + 1);
            double q = psi1 - psiA2;
            double r = psi1 + 1.0 / (a + 1) - psiA2; // ψ(a+2) = ψ(a+1) + 1/(a+1)
            sumAPsi += m * a * psi1;
            sumAq += m * a * q;
            sumA2q2 += m * a * a * q * q;
            sumA2 += m * a * a;
            diag += m * a * (a + 1) * (r * r + Trigamma.value(a + 2) - triA2);
        }
        double mean = Digamma.value(bigA + 1) - sumAPsi / bigA;
        double offDiagonal = sumAq * sumAq - sumA2q2 - (bigA * bigA - sumA2) * triA2;
        double second = (offDiagonal + diag) / (bigA * (bigA + 1));
        return new double[] {mean, second};
    }

    /** dξ/dβ = K ψ1(Kβ + 1) − ψ1(β + 1), with an asymptotic series for large β. */
    double xiDerivative(double beta) {
        if (beta < 20) {
            return k * Trigamma.value(k * beta + 1) - Trigamma.value(beta + 1);
        }
        // ψ1(x+1) ~ 1/x − 1/(2x²) + 1/(6x³) − 1/(30x⁵) + 1/(42x⁷) − 1/(30x⁹); the 1/β terms cancel.
        double b2 = beta * beta;
        double inv = 1.0 / k;
        double inv2 = inv * inv;
        return (1 - inv) / (2 * b2)
                - (1 - inv2) / (6 * b2 * beta)
                + (1 - inv2 * inv2) / (30 * b2 * b2 * beta)
                - (1 - inv2 * inv2 * inv2) / (42 * b2 * b2 * b2 * beta)
                + (1 - Math.pow(inv, 8)) / (30 * b2 * b2 * b2 * b2 * beta);
    }

    /**
     * ln Γ(x + m) − ln Γ(x) − ln Γ(m) for x > 0 and m ≥ 1. Each branch computes a quantity whose size
     * is that of its x-dependence, so the result is accurate to rounding relative to how it varies
     * with x, whether x or m is the larger (ln Γ(m) alone would carry an error of ~1e-9 at m = 10⁶).
     */
    static double logRisingFree(double x, double m) {
        if (x < m && m >= 10) {
            return stirlingRise(m, x) - LogGamma.value(x);
        }
        return logRising(x, m) - LogGamma.value(m);
    }

    /** ln Γ(z + t) − ln Γ(z) for z ≥ 10 and t ≥ 0 from the Stirling series. */
    private static double stirlingRise(double z, double t) {
        return (z - 0.5) * Math.log1p(t / z) + t * Math.log(z + t) - t
                + stirlingRemainder(z + t) - stirlingRemainder(z);
    }

    /** ln Γ(x + m) − ln Γ(x) for x > 0, m ≥ 0, accurate also when x is huge. */
    static double logRising(double x, double m) {
        if (m == 0) {
            return 0.0;
        }
        if (x >= 10) {
            return stirlingRise(x, m);
        }
        if (m <= 32) {
            double s = 0;
            for (int j = 0; j < m; j++) {
                s += Math.log(x + j);
            }
            return s;
        }
        return LogGamma.value(x + m) - LogGamma.value(x);
    }

    /** ln Γ(z) − [(z − ½) ln z − z + ½ ln 2π], the Stirling series remainder, for z ≥ 10. */
    private static double stirlingRemainder(double z) {
        double z2 = z * z;
        return (1.0 / 12 - (1.0 / 360 - (1.0 / 1260 - 1.0 / (1680 * z2)) / z2) / z2) / z;
    }
}
