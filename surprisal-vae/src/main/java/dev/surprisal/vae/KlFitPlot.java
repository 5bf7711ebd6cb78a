// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.vae;

import dev.surprisal.variational.GaussianMixture1D;
import dev.surprisal.variational.KlDirectionFit;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Draws a target density with its forward-KL and reverse-KL Gaussian fits, as a PNG (java.awt, headless). */
public final class KlFitPlot {
    private static final int W = 800;
    private static final int H = 420;
    private static final int PAD = 50;

    private KlFitPlot() {
    }

    /**
     * Plots p (black), the forward fit (blue) and the reverse fit (red) over [lo, hi], written
     * atomically.
     *
     * @param file the PNG to write
     * @param p the target mixture
     * @param forward the forward-KL fit
     * @param reverse the reverse-KL fit
     * @param lo the left end of the x axis
     * @param hi the right end, above lo
     * @throws dev.surprisal.core.ValidationException when {@code file} is a directory or not a regular file
     * @throws IOException when the file cannot be written
     */
    public static void write(Path file, GaussianMixture1D p, KlDirectionFit.Fit forward, KlDirectionFit.Fit reverse,
                             double lo, double hi) throws IOException {
        RunFiles.checkOutputFile("file", file);
        System.setProperty("java.awt.headless", "true");
        int n = 600;
        double[] xs = new double[n];
        double[][] ys = new double[3][n];
        double max = 0;
        for (int i = 0; i < n; i++) {
            double x = lo + (hi - lo) * i / (n - 1);
            xs[i] = x;
            ys[0][i] = Math.exp(p.logDensity(x));
            ys[1][i] = normal(x, forward.mean(), forward.sd());
            ys[2][i] = normal(x, reverse.mean(), reverse.sd());
            for (double[] y : ys) {
                max = Math.max(max, y[i]);
            }
        }
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        g.setColor(Color.GRAY);
        g.drawLine(PAD, H - PAD, W - PAD, H - PAD);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        for (int t = (int) Math.ceil(lo); t <= hi; t++) {
            int px = px(t, lo, hi);
            g.drawLine(px, H - PAD, px, H - PAD + 4);
            g.drawString(Integer.toString(t), px - 4, H - PAD + 18);
        }
        Color[] colors = {Color.BLACK, new Color(30, 90, 200), new Color(200, 40, 40)};
        String[] labels = {"target p (bimodal mixture)",
            String.format("forward  argmin KL(p||q): N(%.2f, %.2f^2)  KL(p||q)=%.3f nats", forward.mean(), forward.sd(), forward.forwardKl()),
            String.format("reverse  argmin KL(q||p): N(%.2f, %.2f^2)  KL(q||p)=%.3f nats", reverse.mean(), reverse.sd(), reverse.reverseKl())};
        for (int c = 0; c < 3; c++) {
            g.setColor(colors[c]);
            g.setStroke(new BasicStroke(c == 0 ? 3f : 2f));
            for (int i = 1; i < n; i++) {
                g.drawLine(px(xs[i - 1], lo, hi), py(ys[c][i - 1], max), px(xs[i], lo, hi), py(ys[c][i], max));
            }
            g.drawString(labels[c], PAD + 10, 22 + 18 * c);
        }
        g.dispose();
        RunFiles.write(file, out -> ImageIO.write(img, "png", out));
    }

    private static double normal(double x, double m, double s) {
        double z = (x - m) / s;
        return Math.exp(-0.5 * z * z) / (s * Math.sqrt(2 * Math.PI));
    }

    private static int px(double x, double lo, double hi) {
        return (int) Math.round(PAD + (W - 2 * PAD) * (x - lo) / (hi - lo));
    }

    private static int py(double y, double max) {
        return (int) Math.round(H - PAD - (H - 2 * PAD - 50) * y / (max * 1.05));
    }
}
