// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.tour;

import dev.surprisal.cli.Explanations;
import dev.surprisal.core.Base;
import dev.surprisal.measures.Entropy;

/** Entropy of a fair coin, a 99% coin and four equal outcomes. */
final class EntropySection implements TourSection {
    @Override
    public String title() {
        return "Entropy: the average surprise, in bits";
    }

    @Override
    public void print(TourStop out) {
        out.println("An outcome of probability p carries -log2 p bits of surprise; entropy is the average.");
        out.println("It is also the fewest bits per symbol any lossless compressor can reach.");
        out.println();
        row(out, "fair coin          [0.5, 0.5]", new double[] {0.5, 0.5});
        row(out, "99% coin           [0.99, 0.01]", new double[] {0.99, 0.01});
        row(out, "4 equal outcomes   [0.25 x 4]", new double[] {0.25, 0.25, 0.25, 0.25});
        out.println();
        out.println("  " + Explanations.entropy(1.0, Base.BITS, 2).get(0));
        out.println("  The loaded coin is nearly predictable: 0.08 bits, so its flips compress ~12x.");
        out.println("  High entropy is not 'bad': a good password and a compressed file both have it.");
        out.tryLine("surprisal entropy 0.99 0.01 --explain");
    }

    private static void row(TourStop out, String label, double[] p) {
        double h = Entropy.of(p, Base.BITS);
        out.printf("  %-32s H = %s%n", label, Explanations.quantity(h, Base.BITS));
        out.result(label.substring(0, label.indexOf("  ")), "entropy", h, Base.BITS.unit());
    }
}
