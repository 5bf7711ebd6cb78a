// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.variational;

import dev.surprisal.core.ValidationException;

import dev.surprisal.core.Validate;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Coordinate-ascent variational inference for the Bayesian mixture of K unit-variance univariate
 * Gaussians of Blei, Kucukelbir and McAuliffe (2017), <i>Variational Inference: A Review for
 * Statisticians</i>, §3:
 * <pre>μ_k ~ N(0, σ²),  c_i ~ Uniform(K),  x_i | c_i, μ ~ N(μ_{c_i}, 1)</pre>
 * with the mean-field family q(μ_k) = N(m_k, s_k²), q(c_i) = Categorical(φ_i). Each update
 * maximises the ELBO in one coordinate, so the ELBO never decreases; {@link Result#elboTrace()}
 * records it after every sweep so that this can be checked. All values in nats.
 */
public final class GaussianMixtureCavi {
    private final int components;
    private final double priorVariance;
    private final int maxIterations;
    private final double tolerance;
    private final long seed;

    private GaussianMixtureCavi(int components, double priorVariance, int maxIterations, double tolerance, long seed) {
        this.components = components;
        this.priorVariance = priorVariance;
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
        this.seed = seed;
    }

    /**
     * @param components    K ≥ 1
     * @param priorVariance σ² > 0 of the prior on each mean
     * @return the fitter, with seed 42, at most 500 sweeps and relative ELBO tolerance 1e-10
     */
    public static GaussianMixtureCavi of(int components, double priorVariance) {
        if (components < 1) {
            throw new ValidationException("components: must be >= 1, got " + components);
        }
        GaussianKl.positive("priorVariance", priorVariance);
        return new GaussianMixtureCavi(components, priorVariance, 500, 1e-10, 42L);
    }

    /**
     * Same settings with another seed (it picks the data points that initialise the means).
     *
     * @param newSeed the seed
     * @return a copy with that seed
     */
    public GaussianMixtureCavi withSeed(long newSeed) {
        return new GaussianMixtureCavi(components, priorVariance, maxIterations, tolerance, newSeed);
    }

    /**
     * Same settings with another iteration cap and relative ELBO tolerance.
     *
     * @param newMaxIterations the most sweeps, ≥ 1
     * @param newTolerance the relative ELBO change that stops the sweeps, &gt; 0
     * @return a copy with that stopping rule
     */
    public GaussianMixtureCavi withStopping(int newMaxIterations, double newTolerance) {
        if (newMaxIterations < 1) {
            throw new ValidationException("maxIterations: must be >= 1, got " + newMaxIterations);
        }
        return new GaussianMixtureCavi(components, priorVariance, newMaxIterations, newTolerance, seed);
    }

    /**
     * Runs CAVI on {@code x} until the ELBO changes by less than tolerance·|ELBO| or the cap is hit.
     *
     * @param x the data, finite, at least as many points as components
     * @return the fitted factors with the ELBO trace
     */
    public Result fit(double[] x) {
        Validate.finite("x", x);
        int n = x.length;
        int k = components;
        SplittableRandom rng = new SplittableRandom(seed);
        double[] m = new double[k];
        double[] s2 = new double[k];
        for (int j = 0; j < k; j++) {
            m[j] = x[rng.nextInt(n)];
            s2[j] = 1.0;
        }
        double[][] phi = new double[n][k];
        double[] trace = new double[maxIterations + 1];
        int it = 0;
        trace[0] = Double.NEGATIVE_INFINITY;
        while (it < maxIterations) {
            // φ_ik ∝ exp(E[μ_k] x_i − E[μ_k²]/2)
            double[] logits = new double[k];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < k; j++) {
                    logits[j] = m[j] * x[i] - 0.5 * (s2[j] + m[j] * m[j]);
                }
                double lse = LogWeights.logSumExp(logits);
                for (int j = 0; j < k; j++) {
                    phi[i][j] = Math.exp(logits[j] - lse);
                }
            }
            // m_k = Σφ x / (1/σ² + Σφ),  s_k² = 1/(1/σ² + Σφ)
            for (int j = 0; j < k; j++) {
                double sp = 0;
                double spx = 0;
                for (int i = 0; i < n; i++) {
                    sp += phi[i][j];
                    spx += phi[i][j] * x[i];
                }
                double precision = 1 / priorVariance + sp;
                m[j] = spx / precision;
                s2[j] = 1 / precision;
            }
            it++;
            trace[it] = elbo(x, m, s2, phi);
            if (it > 1 && Math.abs(trace[it] - trace[it - 1]) <= tolerance * Math.abs(trace[it])) {
                break;
            }
        }
        return new Result(m, s2, phi, Arrays.copyOfRange(trace, 1, it + 1));
    }

    private double elbo(double[] x, double[] m, double[] s2, double[][] phi) {
        int k = components;
        double log2pi = Math.log(2 * Math.PI);
        double e = 0;
        for (int j = 0; j < k; j++) {
            double em2 = s2[j] + m[j] * m[j];
            e += -0.5 * Math.log(2 * Math.PI * priorVariance) - em2 / (2 * priorVariance); // E log p(μ_k)
            e += 0.5 * (log2pi + Math.log(s2[j]) + 1); // −E log q(μ_k): entropy
        }
        for (int i = 0; i < x.length; i++) {
            e -= Math.log(k); // E log p(c_i)
            for (int j = 0; j < k; j++) {
                double p = phi[i][j];
                if (p > 0) {
                    double em2 = s2[j] + m[j] * m[j];
                    e += p * (-0.5 * log2pi - 0.5 * (x[i] * x[i] - 2 * x[i] * m[j] + em2));
                    e -= p * Math.log(p);
                }
            }
        }
        return e;
    }

    /**
     * The fitted variational factors.
     *
     * @param means           m_k, posterior means of the component means
     * @param variances       s_k², posterior variances of the component means
     * @param responsibilities φ_ik
     * @param elboTrace       the ELBO after each sweep, in nats
     */
    public record Result(double[] means, double[] variances, double[][] responsibilities, double[] elboTrace) {
        /**
         * The last ELBO value.
         *
         * @return the last ELBO value, in nats
         */
        public double elbo() {
            return elboTrace[elboTrace.length - 1];
        }

        /**
         * @return the number of sweeps run
         */
        public int iterations() {
            return elboTrace.length;
        }
    }
}
