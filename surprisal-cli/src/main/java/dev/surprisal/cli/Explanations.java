// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import dev.surprisal.core.NumberStyle;
import dev.surprisal.core.Base;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Plain-language sentences for engineers without an ML background: what a number means in terms
 * of coin flips, code lengths and removed uncertainty. Every verb (and the tour) takes its wording
 * from here, so the same quantity is always explained the same way.
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
     * I(X;Y) as removed uncertainty, relative to H(Y).
     *
     * @param mi   I(X;Y), in the unit of {@code base}
     * @param hx   H(X)
     * @param hy   H(Y)
     * @param base the unit
     * @param x    the name of X
     * @param y    the name of Y
     * @return the sentences, in order
     */
    public static List<String> mutualInformation(double mi, double hx, double hy, Base base, String x, String y) {
        List<String> s = new ArrayList<>();
        s.add("Knowing " + x + " removes " + quantity(mi, base) + " of uncertainty about " + y
                + (hy > 0 ? " (" + percent(mi / hy) + " of its entropy H(" + y + ") = " + quantity(hy, base) + ")" : "")
                + ", and the same amount the other way round: mutual information is symmetric.");
        s.add("It is 0 exactly when the columns are independent, and it sees any kind of dependence, not only straight lines.");
        return s;
    }

    /**
     * One feature of a ranking: what it tells about the target, in the unit of {@code base}, and the verdict
     * of {@link dev.surprisal.selection.TargetRanking} in words (each sentence is the rule that decided it).
     *
     * @param f      the ranked feature
     * @param target the target's name
     * @param base   the unit of the MI values
     * @param alpha  the significance level of the run
     * @return the sentences, in order
     */
    public static List<String> featureRelevance(dev.surprisal.selection.RankedFeature f, String target, Base base,
                                                double alpha) {
        // a kNN estimate of independent columns scatters around 0, so it can fall below it; MI itself cannot
        String tells = f.mi() < 0
                ? f.feature() + "'s MI estimate about " + target + " is " + quantity(base.fromNats(f.mi()), base)
                + ", below 0, which a kNN estimate gives when the true MI is 0 or small (true MI is never negative)"
                : f.feature() + " tells you " + quantity(base.fromNats(f.mi()), base) + " about " + target;
        boolean adjusted = !Double.isNaN(f.qValue()) && f.qValue() != f.pValue();
        String chance = Double.isNaN(f.aboveChance()) ? ""
                : " (" + quantity(base.fromNats(f.aboveChance()), base) + " above chance"
                + ", p = " + num(f.pValue())
                + (f.testRows() < f.n() ? " from a test on a seeded " + f.testRows() + "-row subsample" : "")
                + (adjusted ? ", q = " + num(f.qValue()) + " adjusted for the other columns tested" : "") + ")";
        String level = (adjusted ? "q > " : "p > ") + num(alpha);
        String r = Double.isNaN(f.pearson()) ? "" : "; Pearson r = " + num(f.pearson());
        String rows = f.shapeRows() >= f.n() ? "" : " (on the seeded " + f.shapeRows() + "-row subsample of the test, where"
                + " the MI is " + quantity(base.fromNats(f.shapeMi()), base) + ")";
        if (f.withinChanceOnAllRows(alpha)) {
            // significant on the subsample, yet the estimate of every row shows nothing beyond chance
            tells = tells + chance + ": the test on the subsample finds dependence, but the MI of all " + f.n()
                    + " rows is not above chance, so any dependence is weak";
            chance = "";
        }
        String verdict = switch (f.verdict()) {
            case NOT_TESTED -> tells + r + ": not tested (--permutations 0), so no verdict.";
            case NO_EVIDENCE -> tells + chance + ": no evidence of dependence, shuffled data give as much"
                    + " (" + level + ").";
            case DEPENDENT -> tells + chance + ": evidence of dependence; a column is text, so there is no"
                    + " correlation or monotone trend to compare with.";
            case MONOTONE -> tells + chance + r + ": correlation sees most of this: a monotone trend of "
                    + f.feature() + " carries " + quantity(base.fromNats(f.miMonotone()), base) + rows + ", at least half of it.";
            case NON_MONOTONE -> tells + chance + r + ": correlation misses most of this (U-shaped or other"
                    + " non-monotone dependence): the best monotone trend of " + f.feature() + " carries only "
                    + quantity(base.fromNats(f.miMonotone()), base) + rows
                    + ", and the rest is beyond what shuffled data give.";
        };
        // a feature that (nearly) determines the target: its note says so once, with H and the share, in the notes
        // that every mode prints (TargetShare); the explanation does not repeat it
        return List.of(verdict);
    }

    /**
     * What the columns of a ranking mean.
     *
     * @param permutations whether the permutation test ran (p-value column)
     * @param bootstrap    whether the bootstrap ran (interval column)
     * @return the sentences, in order
     */
    public static List<String> rankingFootnotes(boolean permutations, boolean bootstrap) {
        List<String> s = new ArrayList<>();
        s.add("MI is 0 exactly when a feature and the target are independent; kNN estimates scatter a little"
                + " around 0 for independent columns, so small values can even be negative.");
        if (permutations) {
            s.add("Features are ranked by evidence: those with q <= 0.05 (marked *) first, each group by MI above chance,"
                    + " the estimate minus its mean after shuffling the target (which destroys any dependence). q is the"
                    + " p-value adjusted for testing every feature (Benjamini-Hochberg): of the features marked *, at most"
                    + " about 5% are expected to be noise, where p <= 0.05 alone would mark about 1 noise column in 20. A column"
                    + " whose every value is rare (an ID read as labels) has a large MI with anything and an equally large"
                    + " null mean, so it ranks low.");
        } else {
            s.add("Without a permutation test (--permutations 0) features are ranked by raw MI, which favours columns"
                    + " with many distinct values.");
        }
        if (bootstrap) {
            s.add("The 95% interval is a percentile bootstrap: the MI is re-estimated on rows resampled with replacement"
                    + " (for the kNN estimators, on the distinct rows of each resample, since a repeated row would look like"
                    + " a neighbour at distance 0). Fewer distinct rows usually make it a little wide. When the"
                    + " resamples miss the estimate the interval is not shown (\"-\") and a note says on which side:"
                    + " below it where the kNN estimate grows with the number of rows (a near-deterministic relation);"
                    + " above it where repeated rows make the table of a many-valued column sparser, which raises its"
                    + " plug-in MI.");
        }
        s.add("'monotone MI' is the information the best monotone trend of the feature carries (the target's isotonic"
                + " regression on it, increasing or decreasing; for two continuous columns at least -0.5 ln(1 - r^2))."
                + " The flag 'non-monotone' is raised when the rest exceeds both half the MI and the 95th percentile of"
                + " the shuffled values minus their mean.");
        return s;
    }

    /**
     * The pairwise MI matrix.
     *
     * @param base the unit of the matrix
     * @return the sentences, in order
     */
    public static List<String> miMatrix(Base base) {
        return List.of("Each cell is the mutual information of two columns in " + base.unit()
                + ": 0 for independent columns, larger the more one tells about the other; the matrix is symmetric.",
                "The diagonal is left empty: I(X;X) is the entropy of X, which is infinite for a continuous column.");
    }

    /**
     * Greedy selection by mRMR or JMI.
     *
     * @param method {@code mrmr} or {@code jmi}
     * @return the sentences, in order
     */
    public static List<String> selection(String method) {
        if (method.equals("jmi")) {
            return List.of("JMI adds, at each step, the feature f with the largest sum, over the features s already chosen,"
                    + " of I(f, s; target): what f and s tell together. It favours features that complement the chosen ones,"
                    + " but it does not subtract redundancy as mRMR does, so a near copy of a strong feature can still be chosen.");
        }
        return List.of("mRMR adds, at each step, the feature with the largest relevance I(f; target) minus its mean"
                + " redundancy I(f; s) with the features already chosen, so a copy of a chosen feature is passed over.");
    }

    /**
     * A p-value from a test of independence.
     *
     * @param p    the p-value
     * @param test the test's name
     * @return one sentence
     */
    public static String pValue(double p, String test) {
        return "The " + test + " p-value " + num(p) + " is the chance of a dependence at least this strong in a sample"
                + " of this size if the columns were independent" + (p < 0.01 ? "; so small that chance is an unlikely explanation." : ".");
    }

    /**
     * {@code 0.51 nats}, or {@code 1 bit} in the singular.
     *
     * @param value the number, in the unit of {@code base}
     * @param base  the unit
     * @return the number and its unit
     */
    public static String quantity(double value, Base base) {
        return num(value) + " " + unit(value, base);
    }

    /** The unit's name, in the singular for a value that prints as 1 ("1 bit", "1 extra bit"). */
    private static String unit(double value, Base base) {
        String unit = base.unit();
        return approxEquals(value, 1.0) && unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
    }

    /**
     * Three significant digits, no exponent for everyday magnitudes, trailing zeros dropped.
     *
     * @param v any number
     * @return it in {@link dev.surprisal.core.NumberStyle#significant(int) significant(3)} style; "infinity" for +∞
     */
    public static String num(double v) {
        return SENTENCE.format(v);
    }

    private static final NumberStyle SENTENCE = NumberStyle.significant(3).withInfinity("infinity", "-infinity");

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * fraction);
    }

    private static boolean approxEquals(double a, double b) {
        return Math.abs(a - b) < 5e-4;
    }
}
