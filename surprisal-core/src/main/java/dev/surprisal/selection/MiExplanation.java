// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.selection;

import dev.surprisal.core.Base;
import dev.surprisal.core.NumberStyle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The plain-words reading of mutual-information results, in one place, as {@code DriftExplanation} is for drift:
 * the command line's {@code mi --explain} (ranking, pair, matrix, selection) renders these sentences, and a Java
 * user gets the same ones from the same results ({@link RankedFeature}, {@link MiSelection.Result}).
 *
 * <p>Each sentence of a ranked feature is the rule that decided its verdict ({@link TargetRanking}): no evidence
 * when the q-value (Benjamini–Hochberg over the features of a ranking; the p-value for a pair scored alone) is
 * above α, otherwise monotone or non-monotone by the MI a monotone trend carries. Values are in nats in the
 * results and are written in the unit of the {@link Base} passed, three significant digits.
 *
 * <pre>{@code
 * for (RankedFeature f : table.rank("churned", MiOptions.defaults(), null)) {
 *     System.out.println(MiExplanation.featureRelevance(f, "churned", Base.BITS, 0.05, true).get(0));
 * }
 * }</pre>
 */
public final class MiExplanation {
    private static final NumberStyle SENTENCE = NumberStyle.significant(3).withInfinity("infinity", "-infinity");

    private MiExplanation() {
    }

    /**
     * One feature about a target: what it tells, in the unit of {@code base}, and its verdict in words.
     *
     * @param f      the scored feature (values in nats)
     * @param target the target's name
     * @param base   the unit of the sentence's numbers
     * @param alpha  the level the verdict was decided at
     * @param ranked whether the feature was ranked with others, so that its q-value (Benjamini–Hochberg over the
     *               ranking) decided its verdict and is cited; false for a pair scored alone (q = p, cited as p)
     * @return the sentences, in order
     */
    public static List<String> featureRelevance(RankedFeature f, String target, Base base, double alpha,
                                                boolean ranked) {
        // a kNN estimate of independent columns scatters around 0, so it can fall below it; MI itself cannot
        String tells = f.mi() < 0
                ? f.feature() + "'s MI estimate about " + target + " is " + quantity(base.fromNats(f.mi()), base)
                + ", below 0, which a kNN estimate gives when the true MI is 0 or small (true MI is never negative)"
                : chanceMostOf(f)
                // a many-valued column's plug-in MI is mostly what shuffled data give it: the raw figure must not open
                // the sentence as if it were information (the ranking uses the MI above chance)
                ? f.feature() + "'s MI estimate about " + target + " is " + quantity(base.fromNats(f.mi()), base)
                + ", of which " + quantity(base.fromNats(f.test().nullMean()), base) + " is what a column with its"
                + " values gets by chance (the mean after shuffling " + target + ")"
                : f.feature() + " tells you " + quantity(base.fromNats(f.mi()), base) + " about " + target;
        // the value that decided the verdict is the one cited: q in a ranking (even where it equals p), p alone
        boolean byQ = ranked && !Double.isNaN(f.qValue());
        String chance = Double.isNaN(f.aboveChance()) ? ""
                : " (" + quantity(base.fromNats(f.aboveChance()), base) + " above chance"
                + ", p = " + num(f.pValue())
                + (f.testRows() < f.n() ? " from a test on a seeded " + f.testRows() + "-row subsample" : "")
                + (byQ ? ", q = " + num(f.qValue()) + " adjusted for the other columns tested" : "") + ")";
        String level = (byQ ? "q = " + num(f.qValue()) + " > " : "p = " + num(f.pValue()) + " > ") + num(alpha);
        String r = Double.isNaN(f.pearson()) ? "" : "; Pearson r = " + num(f.pearson());
        String rows = f.shapeRows() >= f.n() ? "" : " (on the seeded " + f.shapeRows() + "-row subsample of the test,"
                + " where the MI is " + quantity(base.fromNats(f.shapeMi()), base) + ")";
        if (f.withinChanceOnAllRows(alpha)) {
            // significant on the subsample, yet the estimate of every row shows nothing beyond chance
            tells = tells + chance + ": the test on the subsample finds dependence, but the MI of all " + f.n()
                    + " rows is not above chance, so any dependence is weak";
            chance = "";
        }
        String mono = quantity(base.fromNats(f.miMonotone()), base);
        String verdict = switch (f.verdict()) {
            case NOT_TESTED -> tells + r + ": not tested (--permutations 0), so no verdict.";
            // a constant column (feature or target) on these rows: MI is 0 exactly and no shuffle runs, so no p
            case NO_EVIDENCE -> f.test() == null
                    ? tells + ": no dependence and no shuffle test, since none is needed: "
                    + (f.warnings().isEmpty() ? "the MI is 0 exactly" : f.warnings().get(0)) + "."
                    : tells + chance + ": no evidence of dependence, shuffled data give as much (" + level + ").";
            case DEPENDENT -> tells + chance + ": evidence of dependence; a column is text, so there is no"
                    + " correlation or monotone trend to compare with.";
            // an isotonic fit through every row, or normal scores correlated exactly: the target is a monotone
            // function of the feature here, and "a trend carries Infinity bits" would read as a glitch; a monotone
            // MI above the MI itself: the estimate is low (a KSG estimate of strong dependence), and "at least half
            // of it" would contradict the numbers printed beside it
            case MONOTONE -> Double.isInfinite(f.miMonotone())
                    // the claim rests on the rows the trend was fitted on (the test's subsample of a large pair)
                    ? tells + chance + r + ": correlation sees all of this: " + target + " is an exact monotone"
                    + " function of " + f.feature() + " on " + (f.shapeRows() < f.n() ? "the seeded " + f.shapeRows()
                    + "-row subsample of the test" : "all " + f.n() + " rows") + ", so the true MI is infinite and the"
                    + " estimate is as high as the estimator reaches at " + f.shapeRows() + " rows."
                    : f.biasedLow()
                    ? tells + chance + r + ": correlation sees all of this: a monotone trend of " + f.feature()
                    + " carries " + mono + rows + ", more than the MI estimate, which is biased low for dependence"
                    + " this strong; the MI is at least " + mono + "."
                    : f.miMonotone() >= f.shapeMi()
                    ? tells + chance + r + ": correlation sees all of this: a monotone trend of " + f.feature()
                    + " carries " + mono + rows + ", as much as the estimate within its noise."
                    : tells + chance + r + ": correlation sees most of this: a monotone trend of " + f.feature()
                    + " carries " + mono + rows + ", at least half of it.";
            case NON_MONOTONE -> tells + chance + r + ": correlation misses most of this (U-shaped or other"
                    + " non-monotone dependence): the best monotone trend of " + f.feature() + " carries only "
                    + mono + rows + ", and the rest is beyond what shuffled data give.";
        };
        // a feature that (nearly) determines the target: its note says so once (TargetShare), in the notes that
        // every mode prints; the explanation does not repeat it
        return List.of(verdict);
    }

    /** Whether chance (the permutation null's mean, when positive) is at least half of the feature's MI estimate. */
    private static boolean chanceMostOf(RankedFeature f) {
        return f.test() != null && f.mi() > 0 && f.test().nullMean() >= 0.5 * f.mi();
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
                    + " null mean, so it ranks low. For the kNN estimators (KSG, Ross) the shuffled mean is slightly"
                    + " below 0, so 'above chance' can exceed the MI itself; for plug-in it is above 0. p and q: smaller"
                    + " is stronger evidence; MI, above chance and monotone MI: larger is more information.");
        } else {
            s.add("Without a permutation test (--permutations 0) features are ranked by raw MI, which favours columns"
                    + " with many distinct values.");
        }
        if (bootstrap) {
            s.add("The 95% interval is a bootstrap: the MI is re-estimated on rows resampled with replacement. For"
                    + " plug-in (discrete) features it is a basic bootstrap, 2 x estimate minus the resamples' 97.5% and"
                    + " 2.5% quantiles (lower end at least 0): the plug-in MI is biased upward and a resample is biased"
                    + " upward again, so the resamples' own range would sit too high. For the kNN estimators it is a"
                    + " percentile bootstrap on the distinct rows of each resample (a repeated row would look like"
                    + " a neighbour at distance 0); fewer distinct rows usually make it a little wide. When the"
                    + " resamples miss the estimate the interval is not shown (\"-\") and a note says on which side:"
                    + " below it where the kNN estimate grows with the number of rows (a near-deterministic relation);"
                    + " above it where repeated rows make the table of a many-valued column sparser, which raises its"
                    + " plug-in MI.");
        }
        s.add("'monotone MI' is the information the best monotone trend of the feature carries (the target's isotonic"
                + " regression on it, increasing or decreasing; for two continuous columns at least -0.5 ln(1 - r^2),"
                + " r the correlation of normal scores, a lower bound of the MI). Where it exceeds the KSG estimate, KSG"
                + " is biased low (strong dependence) and a note gives the bound. The flag 'non-monotone' is raised when"
                + " the rest exceeds both half the MI and the 95th percentile of the shuffled values minus their mean.");
        return s;
    }

    /**
     * The pairwise MI matrix.
     *
     * @param base the unit of the matrix
     * @return the sentences, in order
     */
    public static List<String> matrix(Base base) {
        return List.of("Each cell is the mutual information of two columns in " + base.unit()
                + ": 0 for independent columns, larger the more one tells about the other; the matrix is symmetric.",
                "The diagonal is left empty: I(X;X) is the entropy of X, which is infinite for a continuous column.",
                "The p-value of two discrete columns comes from the G-test where every expected count is at least "
                        + (int) MissingLeak.MIN_EXPECTED + ", else from random tables with the same margins (marked r;"
                        + " the G-test's chi-squared tail gives too many small p-values there), and none for a table too"
                        + " sparse to test.",
                "Each p-value is unadjusted: among many pairs of independent columns"
                        + " about 1 in 20 has p <= 0.05. The q-value adjusts it across the pairs tested"
                        + " (Benjamini-Hochberg, as a ranking adjusts its features): read a pair as a finding only when"
                        + " its q is at most alpha.");
    }

    /**
     * Greedy selection by mRMR or JMI, and the rule that guards it ({@link FeatureSelection}: every MI term clipped
     * at 0; {@link MiSelection}: a chosen feature without evidence is noted).
     *
     * @param method the criterion
     * @return the sentences, in order
     */
    public static List<String> selection(MiSelection.Method method) {
        String guard = " Every MI term is measured above chance, what shuffled data give subtracted (a column with"
                + " thousands of values gets a large MI by chance alone, which would make it look relevant and"
                + " redundant), and clipped at 0; a chosen feature whose relevance shuffled data match is noted as"
                + " chosen without evidence.";
        if (method == MiSelection.Method.JMI) {
            return List.of("JMI adds, at each step, the feature f with the largest sum, over the features s already chosen,"
                    + " of I(f, s; target): what f and s tell together. It favours features that complement the chosen ones,"
                    + " but it does not subtract redundancy as mRMR does, so a near copy of a strong feature can still be"
                    + " chosen." + guard);
        }
        return List.of("mRMR adds, at each step, the feature with the largest relevance I(f; target) minus its mean"
                + " redundancy I(f; s) with the features already chosen, so a copy of a chosen feature is passed over."
                + guard);
    }

    /**
     * I(X;Y) as removed uncertainty, relative to H(Y).
     *
     * @param mi   I(X;Y), in the unit of {@code base}
     * @param hy   H(Y) in the same unit, NaN or ≤ 0 when not known
     * @param base the unit
     * @param x    the name of X
     * @param y    the name of Y
     * @return the sentences, in order
     */
    public static List<String> mutualInformation(double mi, double hy, Base base, String x, String y) {
        return List.of("Knowing " + x + " removes " + quantity(mi, base) + " of uncertainty about " + y
                + (hy > 0 ? " (" + String.format(Locale.ROOT, "%.0f%%", 100 * mi / hy) + " of its entropy H(" + y
                + ") = " + quantity(hy, base) + ")" : "")
                + ", and the same amount the other way round: mutual information is symmetric.",
                "It is 0 exactly when the columns are independent, and it sees any kind of dependence, not only"
                + " straight lines.");
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
                + " of this size if the columns were independent" + (p < 0.01 ? "; so small that chance is an unlikely"
                + " explanation." : ".");
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

    /**
     * The unit's name, in the singular for a value that prints as 1 ("1 bit", "1 extra bit").
     *
     * @param value the number, in the unit of {@code base}
     * @param base  the unit
     * @return "bits", "bit", "nats", …
     */
    public static String unit(double value, Base base) {
        String unit = base.unit();
        return Math.abs(value - 1.0) < 5e-4 && unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
    }

    /**
     * Three significant digits, no exponent for everyday magnitudes, trailing zeros dropped.
     *
     * @param v any number
     * @return it in {@link NumberStyle#significant(int) significant(3)} style; "infinity" for +∞
     */
    public static String num(double v) {
        return SENTENCE.format(v);
    }
}
