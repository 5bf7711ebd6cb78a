// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.variational;

/**
 * Fits one Gaussian q = N(m, s²) to a mixture p in both KL directions, to show why the direction
 * matters (Bishop 2006, <i>Pattern Recognition and Machine Learning</i>, §10.1.2; Murphy 2012, §21.2.2):
 * <ul>
 * <li><b>forward</b> KL(p‖q), "mass-covering": its minimiser matches the moments of p, so q sits
 * between the modes and spreads over both;</li>
 * <li><b>reverse</b> KL(q‖p), "mode-seeking", the direction variational inference minimises:
 * q is punished wherever p is small, so it locks onto one mode.</li>
 * </ul>
 * Integrals use composite Simpson quadrature on a fine grid; the reverse fit minimises over
 * (m, log s) by Nelder–Mead started at every component and at the moment-matched fit. Nats.
 */
public final class KlDirectionFit {
    private static final int GRID = 4000; // even, for Simpson

    private KlDirectionFit() {
    }

    /**
     * A fitted Gaussian with its divergences to the target.
     *
     * @param mean      m
     * @param sd        s
     * @param forwardKl KL(p ‖ q) in nats
     * @param reverseKl KL(q ‖ p) in nats
     */
    public record Fit(double mean, double sd, double forwardKl, double reverseKl) {
    }

    /**
     * argmin_q KL(p‖q): the moment-matched Gaussian.
     *
     * @param p the target mixture
     * @return N(mean of p, variance of p), with both divergences
     */
    public static Fit forward(GaussianMixture1D p) {
        return evaluate(p, p.mean(), Math.sqrt(p.variance()));
    }

    /**
     * argmin_q KL(q‖p), by numerical optimisation.
     *
     * @param p the target mixture
     * @return the Gaussian found, with both divergences
     */
    public static Fit reverse(GaussianMixture1D p) {
        double[] starts = p.means();
        double[] sds = p.sds();
        Fit best = null;
        for (int i = 0; i <= starts.length; i++) {
            double m0 = i < starts.length ? starts[i] : p.mean();
            double s0 = i < starts.length ? sds[i] : Math.sqrt(p.variance());
            double[] opt = nelderMead(v -> reverseKl(p, v[0], Math.exp(v[1])), new double[] {m0, Math.log(s0)});
            Fit f = evaluate(p, opt[0], Math.exp(opt[1]));
            if (best == null || f.reverseKl() < best.reverseKl()) {
                best = f;
            }
        }
        return best;
    }

    /**
     * Both divergences between p and N(m, s²).
     *
     * @param p the target mixture
     * @param m the Gaussian's mean
     * @param s the Gaussian's standard deviation, &gt; 0
     * @return N(m, s²) with KL(p‖q) and KL(q‖p) in nats
     */
    public static Fit evaluate(GaussianMixture1D p, double m, double s) {
        return new Fit(m, s, forwardKl(p, m, s), reverseKl(p, m, s));
    }

    /** KL(p ‖ N(m,s²)) = ∫ p (log p − log q), integrated over the support of p. */
    static double forwardKl(GaussianMixture1D p, double m, double s) {
        double lo = p.lower(12);
        double hi = p.upper(12);
        return simpson(lo, hi, x -> {
            double lp = p.logDensity(x);
            return Math.exp(lp) * (lp - logNormal(x, m, s));
        });
    }

    /** KL(N(m,s²) ‖ p) = ∫ q (log q − log p), integrated over m ± 12 s. */
    static double reverseKl(GaussianMixture1D p, double m, double s) {
        return simpson(m - 12 * s, m + 12 * s, x -> {
            double lq = logNormal(x, m, s);
            return Math.exp(lq) * (lq - p.logDensity(x));
        });
    }

    static double logNormal(double x, double m, double s) {
        double z = (x - m) / s;
        return -0.5 * z * z - Math.log(s) - 0.5 * Math.log(2 * Math.PI);
    }

    private static double simpson(double a, double b, java.util.function.DoubleUnaryOperator f) {
        double h = (b - a) / GRID;
        double s = f.applyAsDouble(a) + f.applyAsDouble(b);
        for (int i = 1; i < GRID; i++) {
            s += (i % 2 == 1 ? 4 : 2) * f.applyAsDouble(a + i * h);
        }
        return s * h / 3;
    }

    /** Plain Nelder–Mead (Nelder and Mead 1965) in two dimensions; enough for a smooth 2-parameter fit. */
    private static double[] nelderMead(java.util.function.ToDoubleFunction<double[]> f, double[] x0) {
        int n = x0.length;
        double[][] simplex = new double[n + 1][];
        double[] values = new double[n + 1];
        simplex[0] = x0.clone();
        for (int i = 0; i < n; i++) {
            double[] v = x0.clone();
            v[i] += 0.5;
            simplex[i + 1] = v;
        }
        for (int i = 0; i <= n; i++) {
            values[i] = f.applyAsDouble(simplex[i]);
        }
        for (int iter = 0; iter < 400; iter++) {
            // sort by value
            for (int i = 1; i <= n; i++) {
                for (int j = i; j > 0 && values[j] < values[j - 1]; j--) {
                    double t = values[j];
                    values[j] = values[j - 1];
                    values[j - 1] = t;
                    double[] tv = simplex[j];
                    simplex[j] = simplex[j - 1];
                    simplex[j - 1] = tv;
                }
            }
            if (Math.abs(values[n] - values[0]) < 1e-12) {
                break;
            }
            double[] c = new double[n];
            for (int i = 0; i < n; i++) {
                for (int d = 0; d < n; d++) {
                    c[d] += simplex[i][d] / n;
                }
            }
            double[] r = along(c, simplex[n], -1);
            double fr = f.applyAsDouble(r);
            if (fr < values[0]) {
                double[] e = along(c, simplex[n], -2);
                double fe = f.applyAsDouble(e);
                simplex[n] = fe < fr ? e : r;
                values[n] = Math.min(fe, fr);
            } else if (fr < values[n - 1]) {
                simplex[n] = r;
                values[n] = fr;
            } else {
                double[] k = along(c, simplex[n], 0.5);
                double fk = f.applyAsDouble(k);
                if (fk < values[n]) {
                    simplex[n] = k;
                    values[n] = fk;
                } else {
                    for (int i = 1; i <= n; i++) {
                        simplex[i] = along(simplex[0], simplex[i], 0.5);
                        values[i] = f.applyAsDouble(simplex[i]);
                    }
                }
            }
        }
        int best = 0;
        for (int i = 1; i <= n; i++) {
            if (values[i] < values[best]) {
                best = i;
            }
        }
        return simplex[best];
    }

    /** c + t (x − c). */
    private static double[] along(double[] c, double[] x, double t) {
        double[] r = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            r[i] = c[i] + t * (x[i] - c[i]);
        }
        return r;
    }
}
