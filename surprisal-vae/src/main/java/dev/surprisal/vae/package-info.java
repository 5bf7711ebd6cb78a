/** A variational autoencoder trained on the ELBO (DJL + PyTorch CPU), the IDX image reader and image grids. */
package dev.surprisal.vae;
