// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.tour;

import dev.surprisal.cli.Explanations;
import dev.surprisal.core.Base;
import dev.surprisal.measures.CrossEntropy;
import dev.surprisal.measures.Entropy;
import dev.surprisal.measures.KullbackLeibler;

/** Cross-entropy = entropy + KL, with the numbers of the KL section. */
final class CrossEntropySection implements TourSection {
    @Override
    public String title() {
        return "Cross-entropy = entropy + KL (why ML minimises cross-entropy)";
    }

    @Override
    public void print(TourStop out) {
        double[] p = KlAsymmetrySection.P;
        double[] q = KlAsymmetrySection.Q;
        double h = Entropy.of(p, Base.NATS);
        double kl = KullbackLeibler.divergence(p, q, Base.NATS);
        double ce = CrossEntropy.of(p, q, Base.NATS);
        out.result("H(P)", "entropy", h, Base.NATS.unit());
        out.result("KL(P||Q)", "kl", kl, Base.NATS.unit());
        out.result("H(P,Q)", "cross_entropy", ce, Base.NATS.unit());
        out.printf("  H(P)     = %s nats   (the floor: P's own uncertainty)%n", Explanations.num(h));
        out.printf("  KL(P||Q) = %s nats   (the penalty for coding with Q)%n", Explanations.num(kl));
        out.printf("  H(P,Q)   = %s nats   = %s + %s%n", Explanations.num(ce), Explanations.num(h), Explanations.num(kl));
        out.println();
        out.println("  H(P) is fixed by the data, so minimising cross-entropy loss minimises KL(P||Q):");
        out.println("  it pushes the model Q toward the true labels P.");
        out.tryLine("surprisal divergence --p 0.5,0.5 --q 0.9,0.1 --measure cross-entropy --base e --explain");
    }
}
