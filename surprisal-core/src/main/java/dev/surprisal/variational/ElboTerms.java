// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.variational;

/**
 * The two terms of the evidence lower bound, in nats:
 * ELBO = E_q[log p(x|z)] − KL(q(z) ‖ p(z)) = reconstruction − kl.
 *
 * @param reconstruction expected log-likelihood E_q[log p(x|z)] (≤ 0 for discrete x)
 * @param kl             KL(q ‖ prior) ≥ 0
 */
public record ElboTerms(double reconstruction, double kl) {
    /**
     * reconstruction − kl.
     *
     * @return reconstruction − kl, in nats
     */
    public double elbo() {
        return reconstruction - kl;
    }

    /**
     * With a β weight on the KL term (Higgins et al. 2017, β-VAE): reconstruction − β·kl.
     *
     * @param beta the weight β ≥ 0 of the KL term
     * @return reconstruction − β·kl, in nats
     */
    public double elbo(double beta) {
        return reconstruction - beta * kl;
    }
}
