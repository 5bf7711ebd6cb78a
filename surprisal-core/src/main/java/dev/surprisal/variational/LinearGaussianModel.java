// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.variational;

import dev.surprisal.core.ValidationException;

import dev.surprisal.core.Validate;

/**
 * A latent-variable model whose evidence is known exactly, so the ELBO identity can be checked
 * to rounding error: z ~ N(0, I_d), x | z ~ N(W z + b, σ² I_D) (probabilistic PCA; Tipping and
 * Bishop 1999, <i>Probabilistic Principal Component Analysis</i>).
 *
 * <ul>
 * <li>Evidence: x ~ N(b, W Wᵀ + σ² I), so log p(x) is one Gaussian log-density.</li>
 * <li>Posterior: z | x ~ N(S Wᵀ(x − b)/σ², S) with S = (I + WᵀW/σ²)⁻¹.</li>
 * <li>For any Gaussian q = N(m, V): ELBO(q) = E_q[log p(x|z)] − KL(q ‖ p(z)), with
 * E_q[log p(x|z)] = −(D/2) log(2πσ²) − (‖x − b − W m‖² + tr(W V Wᵀ))/(2σ²).</li>
 * </ul>
 * Then log p(x) = ELBO(q) + KL(q ‖ p(z|x)) holds exactly (Blei, Kucukelbir and McAuliffe 2017,
 * <i>Variational Inference: A Review for Statisticians</i>, eq. 13). All values in nats.
 */
public final class LinearGaussianModel {
    private final double[][] w; // D × d
    private final double[] b;
    private final double noiseVariance;

    private LinearGaussianModel(double[][] w, double[] b, double noiseVariance) {
        this.w = MultivariateGaussian.copy(w);
        this.b = b.clone();
        this.noiseVariance = noiseVariance;
    }

    /**
     * @param loadings      W, D rows of d columns
     * @param offset        b, length D
     * @param noiseVariance σ² > 0
     * @return the model x = W z + b + ε, z ~ N(0, I), ε ~ N(0, σ²I)
     */
    public static LinearGaussianModel of(double[][] loadings, double[] offset, double noiseVariance) {
        GaussianKl.positive("noiseVariance", noiseVariance);
        Validate.finite("offset", offset);
        Validate.sameLength("loadings", loadings.length, "offset", offset.length);
        int d = loadings[0].length;
        if (d == 0) {
            throw new ValidationException("loadings[0]: latent dimension is 0");
        }
        for (int i = 0; i < loadings.length; i++) {
            Validate.sameLength("loadings[" + i + "]", loadings[i].length, "loadings[0]", d);
            Validate.finite("loadings[" + i + "]", loadings[i]);
        }
        return new LinearGaussianModel(loadings, offset, noiseVariance);
    }

    /**
     * Observed dimension D.
     *
     * @return D
     */
    public int dataDimension() {
        return w.length;
    }

    /**
     * Latent dimension d.
     *
     * @return d
     */
    public int latentDimension() {
        return w[0].length;
    }

    /**
     * The prior p(z) = N(0, I).
     *
     * @return N(0, I) in d dimensions
     */
    public MultivariateGaussian prior() {
        int d = latentDimension();
        double[] ones = new double[d];
        java.util.Arrays.fill(ones, 1.0);
        return MultivariateGaussian.diagonal(new double[d], ones);
    }

    /**
     * The marginal p(x) = N(b, WWᵀ + σ²I).
     *
     * @return N(b, WWᵀ + σ²I) in D dimensions
     */
    public MultivariateGaussian marginal() {
        int n = dataDimension();
        int d = latentDimension();
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += w[i][k] * w[j][k];
                }
                c[i][j] = s + (i == j ? noiseVariance : 0);
            }
        }
        return MultivariateGaussian.of(b, c);
    }

    /**
     * log p(x), the exact evidence, in nats.
     *
     * @param x an observation, length D
     * @return log p(x) in nats
     */
    public double logEvidence(double[] x) {
        return marginal().logDensity(x);
    }

    /**
     * The exact posterior p(z | x).
     *
     * @param x an observation, length D
     * @return p(z | x), a Gaussian in d dimensions
     */
    public MultivariateGaussian posterior(double[] x) {
        Validate.sameLength("x", x.length, "offset", b.length);
        int n = dataDimension();
        int d = latentDimension();
        double[][] precision = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += w[k][i] * w[k][j];
                }
                precision[i][j] = s / noiseVariance + (i == j ? 1 : 0);
            }
        }
        Cholesky p = Cholesky.of("posterior precision", precision);
        double[] rhs = new double[d];
        for (int i = 0; i < d; i++) {
            double s = 0;
            for (int k = 0; k < n; k++) {
                s += w[k][i] * (x[k] - b[k]);
            }
            rhs[i] = s / noiseVariance;
        }
        double[][] cov = p.inverse();
        symmetrise(cov);
        return MultivariateGaussian.of(p.solve(rhs), cov);
    }

    /**
     * The ELBO of q at x, split into its reconstruction and KL-to-prior terms.
     *
     * @param x an observation, length D
     * @param q a Gaussian over z, d dimensions
     * @return the reconstruction E_q[log p(x|z)] and KL(q ‖ p(z)), in nats
     */
    public ElboTerms elbo(double[] x, MultivariateGaussian q) {
        Validate.sameLength("x", x.length, "offset", b.length);
        Validate.sameLength("q", q.dimension(), "latent dimension", latentDimension());
        int n = dataDimension();
        int d = latentDimension();
        double[] m = q.mean();
        double[][] v = q.covarianceView();
        double sq = 0;
        double tr = 0;
        for (int i = 0; i < n; i++) {
            double wm = 0;
            for (int k = 0; k < d; k++) {
                wm += w[i][k] * m[k];
            }
            double r = x[i] - b[i] - wm;
            sq += r * r;
            // (W V Wᵀ)_ii = w_iᵀ V w_i
            for (int k = 0; k < d; k++) {
                for (int l = 0; l < d; l++) {
                    tr += w[i][k] * v[k][l] * w[i][l];
                }
            }
        }
        double reconstruction = -0.5 * n * Math.log(2 * Math.PI * noiseVariance) - (sq + tr) / (2 * noiseVariance);
        return new ElboTerms(reconstruction, q.klTo(prior()));
    }

    /**
     * KL(q ‖ p(z|x)), the gap log p(x) − ELBO(q), computed directly from the posterior; in nats.
     *
     * @param x an observation, length D
     * @param q a Gaussian over z, d dimensions
     * @return KL(q ‖ p(z|x)) ≥ 0 in nats
     */
    public double klToPosterior(double[] x, MultivariateGaussian q) {
        return q.klTo(posterior(x));
    }

    private static void symmetrise(double[][] a) {
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0.5 * (a[i][j] + a[j][i]);
                a[i][j] = s;
                a[j][i] = s;
            }
        }
    }
}
