// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.tour;

import dev.surprisal.core.Base;
import dev.surprisal.measures.Entropy;
import dev.surprisal.measures.Softmax;
import java.util.Locale;

/** Softmax temperature against entropy for a fixed logit vector. */
final class TemperatureSection implements TourSection {
    static final double[] LOGITS = {4.0, 2.5, 2.0, 1.0, 0.5, -1.0};
    static final double[] TEMPERATURES = {0.1, 0.5, 1, 2, 5};

    @Override
    public String title() {
        return "Temperature tunes the entropy of a model's output";
    }

    @Override
    public void print(TourStop out) {
        out.println("A language model turns scores (logits) into probabilities with softmax(logits / T).");
        out.println("Logits: [4.0, 2.5, 2.0, 1.0, 0.5, -1.0] (6 tokens; the maximum entropy is log2 6 = 2.58 bits)");
        out.println();
        out.println("     T    top token p    entropy (bits)");
        for (double t : TEMPERATURES) {
            double[] p = Softmax.of(LOGITS, t);
            double top = 0;
            for (double x : p) {
                top = Math.max(top, x);
            }
            String name = t == Math.rint(t) ? Long.toString((long) t) : Double.toString(t);
            double h = Entropy.of(p, Base.BITS);
            out.printf(Locale.ROOT, "  %4s    %11.3f    %14.3f%n", name, top, h);
            out.result("T = " + name, "top_token_probability", top, "probability");
            out.result("T = " + name, "entropy", h, Base.BITS.unit());
        }
        out.println();
        out.println("  T -> 0 always picks the top token (entropy -> 0); large T approaches uniform.");
        out.tryLine("surprisal entropy 0.7 0.2 0.1 --explain   (then 0.4 0.3 0.3: a flatter, hotter distribution)");
    }
}
