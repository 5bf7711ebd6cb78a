// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
/** A variational autoencoder trained on the ELBO (DJL + PyTorch CPU), the IDX image reader and image grids. */
package dev.surprisal.vae;
