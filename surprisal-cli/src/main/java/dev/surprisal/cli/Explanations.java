// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import dev.surprisal.selection.MiExplanation;
import dev.surprisal.core.Base;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Plain-language sentences for engineers without an ML background: what a number means in terms
 * of coin flips, code lengths and removed uncertainty. Every verb (and the tour) takes its wording
 * from here, so the same quantity is always explained the same way; the sentences on mutual-information
 * results live in the library ({@link MiExplanation}), so that a Java user gets them too.
 *
 * <p>Values are passed in the unit of {@code base}; sentences round them to three significant digits.
 */
public final class Explanations {
    private Explanations() {
    }

    /**
     * Entropy: coin flips, the optimal code length, and the perplexity 2^H (the number of equally
     * likely outcomes with the same uncertainty). {@code outcomes} ≤ 0 when unknown.
     *
     * @param value    H, in the unit of {@code base}
     * @param base     the unit
     * @param outcomes the number of outcomes, or ≤ 0 when unknown
     * @return the sentences, in order
     */
    public static List<String> entropy(double value, Base base, int outcomes) {
        List<String> s = new ArrayList<>();
        double bits = Base.BITS.fromNats(base.toNats(value));
        String coins = approxEquals(bits, 1.0) ? "one fair coin flip" : num(bits) + " fair coin flips";
        s.add(quantity(value, base) + ": as uncertain as " + coins
                + "; an optimal code needs " + quantity(value, base) + " per symbol on average.");
        s.add("That is the uncertainty of choosing uniformly among " + num(Math.exp(base.toNats(value)))
                + " equally likely outcomes (the perplexity).");
        if (outcomes > 1) {
            double max = base.fromNats(Math.log(outcomes));
            s.add("With " + outcomes + " outcomes the maximum is " + quantity(max, base)
                    + " (all equally likely), so this is " + percent(value / max) + " of the maximum.");
        }
        return s;
    }

    /**
     * A bias-corrected entropy estimate from counts: the coin-flip and perplexity sentences of
     * {@link #entropy}, then what the estimator did. The number of outcomes seen does not bound such an
     * estimate (the estimators allow for outcomes not seen yet), so no "share of the maximum" is given.
     *
     * @param value     the corrected estimate, in the unit of {@code base}
     * @param plugIn    the plug-in entropy of the same counts, in the unit of {@code base}
     * @param base      the unit
     * @param observed  the number of outcomes with a non-zero count
     * @param estimator the estimator's name, as {@code --estimator} takes it
     * @return the sentences, in order
     */
    public static List<String> correctedEntropy(double value, double plugIn, Base base, int observed, String estimator) {
        List<String> s = new ArrayList<>(entropy(value, base, 0));
        String seen = observed > 1 ? " (" + observed + " outcomes seen; log of that is " + quantity(
                base.fromNats(Math.log(observed)), base) + ")" : "";
        s.add("This is the " + estimator + " estimate: it corrects the plug-in value of the same counts, "
                + quantity(plugIn, base) + seen + ", which is too low on small samples; it allows for outcomes not "
                + "seen yet, so it can exceed the log of the number of outcomes seen.");
        return s;
    }

    /**
     * KL(P‖Q): the extra code length paid for coding P's data with Q's code.
     *
     * @param value     the divergence, in the unit of {@code base} (may be +∞)
     * @param base      the unit
     * @param direction its label, such as {@code KL(P||Q)}
     * @param from      the distribution whose data are coded (the truth)
     * @param codeFor   the distribution whose code is used (the model)
     * @return the sentences, in order
     */
    public static List<String> kl(double value, Base base, String direction, String from, String codeFor) {
        return kl(value, base, direction, from, codeFor, false);
    }

    /**
     * KL(P‖Q), as {@link #kl(double, Base, String, String, String)}, saying whether the other
     * direction is shown too.
     *
     * @param value     the divergence, in the unit of {@code base} (may be +∞)
     * @param base      the unit
     * @param direction its label, such as {@code KL(P||Q)}
     * @param from      the distribution whose data are coded (the truth)
     * @param codeFor   the distribution whose code is used (the model)
     * @param both      whether the reverse direction is reported beside it ({@code --both})
     * @return the sentences, in order
     */
    public static List<String> kl(double value, Base base, String direction, String from, String codeFor,
                                  boolean both) {
        List<String> s = new ArrayList<>();
        if (Double.isInfinite(value)) {
            s.add(direction + " is infinite: " + codeFor + " gives probability 0 to an outcome that "
                    + from + " produces, so no code built for " + codeFor + " can encode it.");
            return s;
        }
        s.add(direction + " = " + num(value) + ": coding data from " + from + " with a code built for " + codeFor
                + " costs " + num(value) + " extra " + unit(value, base) + " per symbol.");
        s.add("KL is 0 only when the two distributions are equal, and it is not symmetric:"
                + " swapping P and Q changes the answer" + (both ? " (both directions are shown)."
                : " (use --both to see both directions)."));
        return s;
    }

    /**
     * H(P,Q) = H(P) + KL(P‖Q).
     *
     * @param ce      H(P,Q), in the unit of {@code base}
     * @param entropy H(P)
     * @param kl      KL(P‖Q)
     * @param base    the unit
     * @return the sentences, in order
     */
    public static List<String> crossEntropy(double ce, double entropy, double kl, Base base) {
        return List.of("Cross-entropy H(P,Q) = " + num(ce) + " " + base.unit()
                + ": the total cost per symbol of coding data from P with a code built for Q,"
                + " which is P's own entropy H(P) = " + num(entropy) + " plus the penalty KL(P||Q) = " + num(kl) + ".");
    }

    /**
     * Jensen–Shannon divergence: symmetric, bounded by 1 bit.
     *
     * @param value JS(P‖Q), in the unit of {@code base}
     * @param base  the unit
     * @return the sentences, in order
     */
    public static List<String> jensenShannon(double value, Base base) {
        double max = base.fromNats(Math.log(2));
        return List.of("Jensen-Shannon divergence = " + num(value) + " " + base.unit()
                + ": the average KL of P and Q to their midpoint; symmetric, 0 for equal distributions and at most "
                + quantity(max, base) + " for distributions with no overlap.");
    }

    /**
     * Hellinger distance in [0, 1].
     *
     * @param value the distance, dimensionless
     * @return the sentences, in order
     */
    public static List<String> hellinger(double value) {
        return List.of("Hellinger distance = " + num(value)
                + ": a true distance between 0 (identical) and 1 (no overlap); it has no unit and stays finite where KL would be infinite.");
    }

    /**
     * Total variation distance in [0, 1].
     *
     * @param value the distance, dimensionless
     * @return the sentences, in order
     */
    public static List<String> totalVariation(double value) {
        return List.of("Total variation distance = " + num(value)
                + ": the largest difference in probability that P and Q give to any event (" + String.format(Locale.ROOT, "%.0f", 100 * value) + " percentage points).");
    }

    /**
     * Rényi divergence of order α.
     *
     * @param alpha the order α > 0
     * @param value D_α(P‖Q), in the unit of {@code base}
     * @param base  the unit
     * @return the sentences, in order
     */
    public static List<String> renyi(double alpha, double value, Base base) {
        return List.of("Renyi divergence of order " + num(alpha) + " = " + num(value) + " " + base.unit()
                + ": a family through KL (order 1); orders above 1 weigh the outcomes where P outgrows Q more heavily.");
    }

    /**
     * {@code 0.51 nats}, or {@code 1 bit} in the singular ({@link MiExplanation#quantity}).
     *
     * @param value the number, in the unit of {@code base}
     * @param base  the unit
     * @return the number and its unit
     */
    public static String quantity(double value, Base base) {
        return MiExplanation.quantity(value, base);
    }

    private static String unit(double value, Base base) {
        return MiExplanation.unit(value, base);
    }

    /**
     * Three significant digits, no exponent for everyday magnitudes, trailing zeros dropped
     * ({@link MiExplanation#num}).
     *
     * @param v any number
     * @return it in {@link dev.surprisal.core.NumberStyle#significant(int) significant(3)} style; "infinity" for +∞
     */
    public static String num(double v) {
        return MiExplanation.num(v);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * fraction);
    }

    private static boolean approxEquals(double a, double b) {
        return Math.abs(a - b) < 5e-4;
    }
}
