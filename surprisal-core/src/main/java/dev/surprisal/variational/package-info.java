// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
/**
 * Variational inference made concrete: closed-form Gaussian KL divergences, the ELBO and IWAE
 * estimators from log-weights, an exact-evidence linear-Gaussian model in which
 * {@code log p(x) = ELBO(q) + KL(q ‖ p(z|x))} can be checked to rounding error, coordinate-ascent
 * variational inference (CAVI) for a Bayesian Gaussian mixture, and forward versus reverse KL fits.
 * Everything is in nats.
 */
package dev.surprisal.variational;
