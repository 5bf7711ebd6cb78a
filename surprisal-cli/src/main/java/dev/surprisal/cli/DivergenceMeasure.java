// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import dev.surprisal.core.ValidationException;
import dev.surprisal.core.Base;
import dev.surprisal.measures.CrossEntropy;
import dev.surprisal.measures.Entropy;
import dev.surprisal.measures.Hellinger;
import dev.surprisal.measures.JensenShannon;
import dev.surprisal.measures.KullbackLeibler;
import dev.surprisal.measures.Renyi;
import dev.surprisal.measures.TotalVariation;

import java.util.List;

/**
 * The measures {@code surprisal divergence --measure} knows, each adding its row(s), sentences and
 * notes to a {@link Report}. Asymmetric ones add the reverse direction when {@code both} is set.
 */
abstract class DivergenceMeasure {
    static final String UNITLESS = "unitless";

    /** Every measure, in the order {@code --measure all} prints them. */
    static final List<DivergenceMeasure> ALL = List.of(new Kl(), new Js(), new Ce(), new HellingerDistance(), new Tv());

    /** Parses {@code kl|js|cross-entropy|hellinger|tv|renyi:ALPHA}. */
    static DivergenceMeasure parse(String m) {
        switch (m) {
            case "kl": return new Kl();
            case "js": return new Js();
            case "cross-entropy": case "ce": return new Ce();
            case "hellinger": return new HellingerDistance();
            case "tv": return new Tv();
            default: break;
        }
        if (m.startsWith("renyi:")) {
            double alpha;
            try {
                alpha = Double.parseDouble(m.substring("renyi:".length()));
            } catch (NumberFormatException e) {
                throw new ValidationException("renyi needs an order, e.g. renyi:2, got '" + m + "'");
            }
            if (!(alpha > 0) || !Double.isFinite(alpha)) {
                throw new ValidationException("the renyi order must be a finite number > 0, got " + alpha);
            }
            return new RenyiDivergence(alpha);
        }
        throw new ValidationException("expected kl, js, cross-entropy, hellinger, tv, renyi:ALPHA or all, got '" + m + "'");
    }

    abstract void addTo(Report r, double[] p, double[] q, Base base, boolean both);

    /** Adds "why it is infinite" when q_i = 0 < p_i, naming the first such index. */
    static void noteIfInfinite(Report r, String label, double value, double[] p, double[] q, String pName, String qName) {
        if (value != Double.POSITIVE_INFINITY) {
            return;
        }
        for (int i = 0; i < p.length; i++) {
            if (q[i] == 0 && p[i] > 0) {
                r.note(label + " is infinite: " + qName + "[" + i + "] = 0 but " + pName + "[" + i + "] = " + p[i]
                        + " > 0, so " + qName + " calls impossible what " + pName
                        + " produces; add --smoothing laplace (counts) or --smoothing epsilon=1e-6 for a finite value");
                return;
            }
        }
    }

    static final class Kl extends DivergenceMeasure {
        @Override
        void addTo(Report r, double[] p, double[] q, Base base, boolean both) {
            double forward = KullbackLeibler.divergence(p, q, base);
            r.row("KL(P||Q)", "kl", forward, base.unit());
            noteIfInfinite(r, "KL(P||Q)", forward, p, q, "p", "q");
            r.sentences(() -> Explanations.kl(forward, base, "KL(P||Q)", "P", "Q", both));
            if (both) {
                double reverse = KullbackLeibler.divergence(q, p, base);
                r.row("KL(Q||P)", "kl", reverse, base.unit());
                noteIfInfinite(r, "KL(Q||P)", reverse, q, p, "q", "p");
                r.sentences(() -> Explanations.kl(reverse, base, "KL(Q||P)", "Q", "P").subList(0, 1));
            }
        }
    }

    static final class Js extends DivergenceMeasure {
        @Override
        void addTo(Report r, double[] p, double[] q, Base base, boolean both) {
            double v = JensenShannon.divergence(p, q, base);
            r.row("JS(P,Q)", "js", v, base.unit());
            r.sentences(() -> Explanations.jensenShannon(v, base));
        }
    }

    static final class Ce extends DivergenceMeasure {
        @Override
        void addTo(Report r, double[] p, double[] q, Base base, boolean both) {
            double ce = CrossEntropy.of(p, q, base);
            r.row("H(P,Q)", "cross-entropy", ce, base.unit());
            noteIfInfinite(r, "H(P,Q)", ce, p, q, "p", "q");
            if (Double.isFinite(ce)) {
                double h = Entropy.of(p, base);
                r.sentences(() -> Explanations.crossEntropy(ce, h, ce - h, base));
            }
            if (both) {
                double reverse = CrossEntropy.of(q, p, base);
                r.row("H(Q,P)", "cross-entropy", reverse, base.unit());
                noteIfInfinite(r, "H(Q,P)", reverse, q, p, "q", "p");
            }
        }
    }

    static final class HellingerDistance extends DivergenceMeasure {
        @Override
        void addTo(Report r, double[] p, double[] q, Base base, boolean both) {
            double v = Hellinger.distance(p, q);
            r.row("Hellinger(P,Q)", "hellinger", v, UNITLESS);
            r.sentences(() -> Explanations.hellinger(v));
        }
    }

    static final class Tv extends DivergenceMeasure {
        @Override
        void addTo(Report r, double[] p, double[] q, Base base, boolean both) {
            double v = TotalVariation.distance(p, q);
            r.row("TV(P,Q)", "tv", v, UNITLESS);
            r.sentences(() -> Explanations.totalVariation(v));
        }
    }

    static final class RenyiDivergence extends DivergenceMeasure {
        private final double alpha;

        RenyiDivergence(double alpha) {
            this.alpha = alpha;
        }

        @Override
        void addTo(Report r, double[] p, double[] q, Base base, boolean both) {
            String a = Report.format(alpha);
            double v = Renyi.divergence(p, q, alpha, base);
            r.row("D_" + a + "(P||Q)", "renyi", v, base.unit());
            r.field("alpha", alpha);
            noteIfInfinite(r, "D_" + a + "(P||Q)", v, p, q, "p", "q");
            r.sentences(() -> Explanations.renyi(alpha, v, base));
            if (both) {
                double reverse = Renyi.divergence(q, p, alpha, base);
                r.row("D_" + a + "(Q||P)", "renyi", reverse, base.unit());
                noteIfInfinite(r, "D_" + a + "(Q||P)", reverse, q, p, "q", "p");
            }
        }
    }
}
