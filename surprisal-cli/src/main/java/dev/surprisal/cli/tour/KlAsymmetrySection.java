// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.tour;

import dev.surprisal.cli.Explanations;
import dev.surprisal.core.Base;
import dev.surprisal.measures.KullbackLeibler;

/** KL(P‖Q) and KL(Q‖P) for a fair and a loaded coin: 0.51 versus 0.37 nats. */
final class KlAsymmetrySection implements TourSection {
    static final double[] P = {0.5, 0.5};
    static final double[] Q = {0.9, 0.1};

    @Override
    public String title() {
        return "KL divergence: the cost of using the wrong histogram";
    }

    @Override
    public void print(TourStop out) {
        double pq = KullbackLeibler.divergence(P, Q, Base.NATS);
        double qp = KullbackLeibler.divergence(Q, P, Base.NATS);
        out.println("P = [0.5, 0.5] is the truth, Q = [0.9, 0.1] the model (a stale histogram).");
        out.println();
        out.printf("  KL(P||Q) = %s nats%n", Explanations.num(pq));
        out.result("KL(P||Q)", "kl", pq, Base.NATS.unit());
        out.result("KL(Q||P)", "kl", qp, Base.NATS.unit());
        out.printf("  KL(Q||P) = %s nats   <- not the same: KL is not a distance%n", Explanations.num(qp));
        out.println();
        out.println("  " + Explanations.kl(pq, Base.NATS, "KL(P||Q)", "P", "Q").get(0));
        out.println("  Keep the truth first: flipping the direction changes the question.");
        out.tryLine("surprisal divergence --p 0.5,0.5 --q 0.9,0.1 --base e --both");
    }
}
