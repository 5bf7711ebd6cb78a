// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** PNG grids of grey images drawn with plain java.awt (headless): reconstructions, prior samples, latent traversals. */
public final class ImageGrid {
    private ImageGrid() {
    }

    /**
     * Writes {@code images} (each rows×cols values in [0,1]; null for a blank tile) as a grid with
     * {@code columns} tiles per row, scaled by 2.
     *
     * @param file the PNG to write
     * @param images the tiles
     * @param rows pixel rows per tile
     * @param cols pixel columns per tile
     * @param columns tiles per grid row
     * @throws IOException when a file cannot be written
     */
    public static void write(Path file, float[][] images, int rows, int cols, int columns) throws IOException {
        int scale = 2;
        int gridRows = (images.length + columns - 1) / columns;
        BufferedImage img = new BufferedImage(columns * (cols + 1) * scale, gridRows * (rows + 1) * scale,
                BufferedImage.TYPE_BYTE_GRAY);
        var raster = img.getRaster();
        for (int n = 0; n < images.length; n++) {
            if (images[n] == null) {
                continue; // a blank tile
            }
            int ox = (n % columns) * (cols + 1) * scale;
            int oy = (n / columns) * (rows + 1) * scale;
            for (int r = 0; r < rows * scale; r++) {
                for (int c = 0; c < cols * scale; c++) {
                    float v = images[n][(r / scale) * cols + c / scale];
                    raster.setSample(ox + c, oy + r, 0, Math.round(255 * Math.max(0, Math.min(1, v))));
                }
            }
        }
        RunFiles.write(file, out -> ImageIO.write(img, "png", out));
    }

    /**
     * First {@code n} images (odd rows) above their reconstructions from the posterior mean (even rows).
     *
     * @param file the PNG to write
     * @param model the model
     * @param images the images to reconstruct
     * @param n how many
     * @throws IOException when a file cannot be written
     */
    public static void reconstructions(Path file, VaeModel model, IdxReader.Images images, int n) throws IOException {
        int columns = Math.min(n, 10);
        // pairs of grid rows; the last pair may be partly empty (n = 16: 10 tiles, then 6 and 4 blanks)
        float[][] tiles = new float[2 * ((n + columns - 1) / columns) * columns][];
        float[] recon;
        try (NDManager m = model.parameterManager().newSubManager()) {
            NDArray x = Batches.gather(m, images, null, 0, n);
            NDList enc = model.encode(x);
            recon = sigmoid(model.decodeLogits(enc.get(0)));
        }
        int d = images.pixelsPerImage();
        for (int i = 0; i < n; i++) {
            int row = i / columns;
            int col = i % columns;
            tiles[2 * row * columns + col] = java.util.Arrays.copyOfRange(images.pixels(), i * d, (i + 1) * d);
            tiles[(2 * row + 1) * columns + col] = java.util.Arrays.copyOfRange(recon, i * d, (i + 1) * d);
        }
        write(file, tiles, images.rows(), images.cols(), columns);
    }

    /**
     * {@code n} decoder means at z ~ N(0, I).
     *
     * @param file the PNG to write
     * @param model the model
     * @param n how many samples
     * @param rows pixel rows per tile
     * @param cols pixel columns per tile
     * @param seed the seed of z
     * @throws IOException when a file cannot be written
     */
    public static void priorSamples(Path file, VaeModel model, int n, int rows, int cols, long seed) throws IOException {
        ai.djl.engine.Engine.getEngine("PyTorch").setRandomSeed((int) seed);
        try (NDManager m = model.parameterManager().newSubManager()) {
            NDArray z = m.randomNormal(new Shape(n, model.config().latent()));
            write(file, split(sigmoid(model.decodeLogits(z)), n), rows, cols, 10);
        }
    }

    /**
     * Decoder means on a steps×steps grid over z₀, z₁ ∈ [−3, 3], the other coordinates at 0.
     *
     * @param file the PNG to write
     * @param model the model, at least two latent dimensions
     * @param steps grid points per axis
     * @param rows pixel rows per tile
     * @param cols pixel columns per tile
     * @throws IOException when a file cannot be written
     */
    public static void traversal(Path file, VaeModel model, int steps, int rows, int cols) throws IOException {
        int latent = model.config().latent();
        float[] z = new float[steps * steps * latent];
        for (int i = 0; i < steps; i++) {
            for (int j = 0; j < steps; j++) {
                int k = (i * steps + j) * latent;
                z[k] = (float) (-3 + 6.0 * j / (steps - 1));
                if (latent > 1) {
                    z[k + 1] = (float) (3 - 6.0 * i / (steps - 1));
                }
            }
        }
        try (NDManager m = model.parameterManager().newSubManager()) {
            NDArray zs = m.create(z, new Shape(steps * steps, latent));
            write(file, split(sigmoid(model.decodeLogits(zs)), steps * steps), rows, cols, steps);
        }
    }

    private static float[] sigmoid(NDArray logits) {
        return ai.djl.nn.Activation.sigmoid(logits).toFloatArray();
    }

    private static float[][] split(float[] flat, int n) {
        int d = flat.length / n;
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) {
            out[i] = java.util.Arrays.copyOfRange(flat, i * d, (i + 1) * d);
        }
        return out;
    }
}
