// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.selection;

import dev.surprisal.core.Base;
import dev.surprisal.counts.Counts;
import dev.surprisal.counts.LabelCounts;
import dev.surprisal.dependence.AdjustedMutualInformation;
import dev.surprisal.measures.Entropy;

import java.util.Locale;

/**
 * The share of a discrete target's entropy that a feature's MI covers beyond chance, and the note that flags a
 * feature which determines the target (a copy of it, a recoding, or a column filled in after the outcome: leakage).
 *
 * <p>I(F;Y) ≤ H(Y), with equality exactly when Y is a function of F on the rows. The plug-in MI of a column with
 * many values is large by chance alone (an ID read as labels has MI = H(Y) in every sample), so the share is the
 * adjusted one of Vinh, Epps &amp; Bailey (2010), with H(Y) as the most MI can be:
 * <pre>
 *   share = (MI − chance) / (H(Y) − chance)
 * </pre>
 * 1 exactly when Y is a function of F, about 0 for independent columns, whatever the number of values.
 * The chance part:
 * <ul>
 *   <li>two discrete columns (plug-in MI): the exact expected MI under the permutation (hypergeometric) model,
 *       {@link AdjustedMutualInformation#expected(Counts, Counts)}, from the two columns' value counts: the mean
 *       of the permutation null at the same n and margins, without its sampling noise and without a seed, so the
 *       ranking, the matrix and the selection (and every engine) give the same note. It is computed from the
 *       distinct value sizes (sizes that repeat are summed once) and each hypergeometric sum only where its weight
 *       counts, so at n = 10⁶ rows it costs 0.06 CPU seconds for K = L = 1,000 values and 0.16 for K = 1,000,
 *       L = 300 (feature value sizes spread from 1 to 2,000 rows; {@code bench/share/ExpectedMiCost.java}), not
 *       the O(n·K·L) of the cell-by-cell sum; and it is computed only when
 *       MI ≥ {@link #NEARLY_SHARE}·H(Y), since the share is at most MI/H(Y): independent or ordinary columns at
 *       large n never pay it. One seeded shuffle would cost O(n) as well, but adds its own noise to a threshold
 *       rule and a seed to a note that should not depend on one. The former
 *       Miller–Madow value (K − 1)(L − 1)/(2n) holds only when n ≫ K·L: for a 1,000-level zip code that maps onto
 *       300 cities on 3,000 rows it gives 50 nats, ten times H(city), and no note; the exact value is 4.2 nats
 *       and the share is 1.</li>
 *   <li>a continuous feature against a discrete target (Ross): the permutation null mean when the feature was
 *       tested, else 0 (the kNN estimate is nearly unbiased under independence).</li>
 * </ul>
 * A share needs evidence: the chance part leaves H(Y) − chance to be explained, and the rows carry
 * n·(H(Y) − chance) nats of it. Below {@link #MIN_EVIDENCE_NATS} the feature repeats its values too seldom to
 * show that the target follows them (a near-ID column: on the few rows that share a value, an independent 0/1
 * target agrees by chance), and no share is given (NaN).
 *
 * <p>Thresholds, on that share:
 * <ul>
 *   <li>{@link #DETERMINES_SHARE} 0.98, "determines the target": an exact copy or any exact function has a share
 *       of 1; 0.2% of flipped labels of a 0/1 copy already cost H(0.002) ≈ 2% of one bit, which is where "exact"
 *       ends;</li>
 *   <li>{@link #NEARLY_SHARE} 0.70, "nearly determines": a 0/1 copy with 3% of its labels flipped keeps 0.79,
 *       5% flipped 0.71; a zip code with 3% of its rows moved to a random city keeps about 0.95, 10% about 0.84;
 *       a predictor right 90% of the time on a balanced 0/1 target keeps 0.53, so ordinary strong predictors
 *       (40–60%) get no note.</li>
 * </ul>
 * Between {@link #NEARLY_SHARE} and {@link #DETERMINES_SHARE} the share cannot tell a near-copy from an honest
 * predictor of the same strength (a 0/1 copy with 5% of its labels flipped is a feature right 95% of the time,
 * 0.71 either way), so the flag and its words are split at {@link #LEAK_LIKELY_SHARE} 0.90: below it
 * {@link Flag#VERY_STRONG} ({@code very-strong}), "very strong predictor", asking to check that the column is not
 * recorded after the outcome; from 0.90 (a 0/1 copy with at most about 1.3% of its labels flipped: H(0.013) ≈ 0.10
 * bit) {@link Flag#NEARLY} ({@code nearly-determines}), "nearly determines the target … a near-copy of the target or
 * leakage is likely". A JSON reader and a Java caller thus see the distinction the sentence makes.
 * For a continuous target H(Y) is a differential entropy (it shifts with the unit and can be negative), so no
 * share exists. A continuous feature then gets the note of {@link #continuousNote} when the normal-score
 * correlation of the two columns ({@link dev.surprisal.dependence.Correlation#normalScore}) reaches
 * {@link #LEAK_CORRELATION} in absolute value: the target is a monotone function of the feature up to small noise.
 * (A non-monotone exact function shows as an estimate above every bootstrap resample,
 * {@link TargetRanking#INTERVAL_NOT_SHOWN}.)
 */
public final class TargetShare {
    /** Share of H(target) beyond chance from which a feature determines the target. */
    public static final double DETERMINES_SHARE = 0.98;
    /** Share of H(target) beyond chance from which a feature nearly determines the target. */
    public static final double NEARLY_SHARE = 0.70;
    /**
     * Share of H(target) beyond chance from which a {@link Flag#NEARLY} note calls leakage likely (a near-copy of the
     * target); below it the feature is called a very strong predictor.
     */
    public static final double LEAK_LIKELY_SHARE = 0.90;
    /**
     * The least n·(H(target) − chance), in nats, for which a share is given: on a 0/1 target about 29 pairs of
     * rows that share a feature value. A column independent of the target then reaches {@link #NEARLY_SHARE}
     * with probability below 1 in 1,000 (the pairs must disagree at most 15% of the time where chance makes
     * them disagree half of the time: e^(−29·0.27) ≈ 4·10⁻⁴); a 0/1 copy needs 29 rows.
     */
    public static final double MIN_EVIDENCE_NATS = 20.0;

    /**
     * The absolute normal-score correlation from which a continuous feature nearly determines a continuous target:
     * on the normal-score scale the feature alone then explains r² ≥ 98% of the target's variance, and the MI is at
     * least −½ ln(1 − 0.99²) ≈ 1.96 nats (2.83 bits). Ordinary strong predictors (|r| 0.8–0.95) stay below it; a
     * copy of the target with noise of 10% of its sd has r ≈ 0.995, with 5% r ≈ 0.999 (the audit's {@code leak}:
     * 0.9994).
     */
    public static final double LEAK_CORRELATION = 0.99;

    /** What the share says of a feature and a discrete target: the verdict a note renders, carried as data. */
    public enum Flag {
        /** The target is a function of the feature on the rows (share ≥ {@link #DETERMINES_SHARE}). */
        DETERMINES("determines"),
        /**
         * The feature is a near-copy of the target, leakage likely (share in [{@link #LEAK_LIKELY_SHARE},
         * {@link #DETERMINES_SHARE})); for a continuous target, |normal-score r| ≥ {@link #LEAK_CORRELATION}.
         */
        NEARLY("nearly-determines"),
        /**
         * The feature is a very strong predictor of the target, which may be honest or leakage (share in
         * [{@link #NEARLY_SHARE}, {@link #LEAK_LIKELY_SHARE})).
         */
        VERY_STRONG("very-strong"),
        /** Neither, or no share (a continuous target, too little evidence). */
        NONE("no");

        private final String label;

        Flag(String label) {
            this.label = label;
        }

        /**
         * The machine-readable value ({@code determines_target} in JSON).
         *
         * @return {@code "determines"}, {@code "nearly-determines"}, {@code "very-strong"} or {@code "no"}
         */
        public String label() {
            return label;
        }

        /**
         * The flag of a share.
         *
         * @param share the share of {@link #share}, NaN when there is none
         * @return DETERMINES from {@link #DETERMINES_SHARE}, NEARLY from {@link #LEAK_LIKELY_SHARE}, VERY_STRONG from
         *         {@link #NEARLY_SHARE}, else NONE (also for NaN)
         */
        public static Flag of(double share) {
            return share >= DETERMINES_SHARE ? DETERMINES : share >= LEAK_LIKELY_SHARE ? NEARLY
                    : share >= NEARLY_SHARE ? VERY_STRONG : NONE;
        }
    }

    /**
     * A feature's verdict about a discrete target and the sentence that renders it.
     *
     * @param flag     the verdict
     * @param share    (MI − chance) / (H − chance), NaN when there is none
     * @param sentence the note, "determines the target: …", "nearly determines the target: …" or "very strong
     *                 predictor of the target: …"; null for NONE
     */
    public record Note(Flag flag, double share, String sentence) {
        /** No note: a continuous target, too little evidence, or a share below {@link #NEARLY_SHARE}. */
        public static final Note NONE = new Note(Flag.NONE, Double.NaN, null);
    }

    private TargetShare() {
    }

    /**
     * The plug-in entropy of labels, in nats.
     *
     * @param labels the labels, each ≥ 0
     * @return H of their frequencies, nats
     */
    public static double entropyNats(int[] labels) {
        return Entropy.of(LabelCounts.of(labels), Base.NATS);
    }

    /**
     * The chance part of the plug-in MI of two discrete columns: the exact expected MI of the two value counts
     * under random pairing (Vinh et al. 2010), nats.
     *
     * @param featureSizes how many rows hold each value of the feature
     * @param targetSizes  how many rows hold each value of the target (same total)
     * @return E[I] under the permutation null, nats
     */
    public static double plugInChance(Counts featureSizes, Counts targetSizes) {
        return AdjustedMutualInformation.expected(featureSizes, targetSizes);
    }

    /**
     * The note of a continuous feature against a continuous target: {@link Flag#NEARLY} when the absolute
     * normal-score correlation r reaches {@link #LEAK_CORRELATION} (the target is a monotone function of the feature
     * up to small noise), {@link Flag#DETERMINES} when the ranks agree exactly (|r| = 1: a monotone function without
     * noise). The share is NaN: a continuous target has no entropy to share.
     *
     * @param target      the target's name
     * @param normalScore the normal-score correlation of the pair, NaN when not defined
     * @return the note ({@link Note#NONE} below the threshold or for NaN)
     */
    public static Note continuousNote(String target, double normalScore) {
        double r = Math.abs(normalScore);
        if (!(r >= LEAK_CORRELATION)) {
            return Note.NONE;
        }
        boolean exact = r >= 1.0 - 1e-12;
        String sentence = String.format(Locale.ROOT, "%s the target: the normal-score correlation with %s is %.4f"
                + " (|r| >= %.2f), so %s is %s function of this column%s: a copy of the target, a recoding of it, or"
                + " leakage (a column filled in from the outcome); check how it is recorded before using it, and leave"
                + " it out of a model unless its value is known when the prediction is made",
                exact ? "determines" : "nearly determines", target, normalScore, LEAK_CORRELATION, target,
                normalScore > 0 ? "an increasing" : "a decreasing", exact ? "" : " up to small noise");
        return new Note(exact ? Flag.DETERMINES : Flag.NEARLY, Double.NaN, sentence);
    }

    /**
     * The note of a pair of continuous columns in an MI matrix where one is a monotone function of the other up to
     * small noise: the rule of {@link #continuousNote} (|normal-score r| ≥ {@link #LEAK_CORRELATION}), in a pair's
     * words.
     *
     * @param a           the first column
     * @param b           the second column
     * @param normalScore their normal-score correlation, NaN when not defined
     * @return the note, or null below the threshold
     */
    public static String continuousPairNote(String a, String b, double normalScore) {
        Note n = continuousNote(b, normalScore);
        if (n.flag() == Flag.NONE) {
            return null;
        }
        return String.format(Locale.ROOT, "%s (normal-score correlation %.4f, |r| >= %.2f): each is %s function of"
                + " the other%s: copies or recodings of one column, or leakage if one is a target",
                n.flag() == Flag.DETERMINES ? "each determines the other" : "each nearly determines the other",
                normalScore, LEAK_CORRELATION, normalScore > 0 ? "an increasing" : "a decreasing",
                n.flag() == Flag.DETERMINES ? "" : " up to small noise");
    }

    /**
     * The note of a discrete feature against a discrete target, both counted (plug-in MI): the chance part is
     * {@link #plugInChance}, H(target) is that of {@code targetSizes}.
     *
     * @param target       the target's name
     * @param miNats       the plug-in MI of the pair, nats
     * @param featureSizes how many rows hold each value of the feature, on the pair's rows
     * @param targetSizes  how many rows hold each value of the target, on the same rows
     * @param base         the unit of the numbers in the sentence
     * @return the note ({@link Note#NONE} when the share is below {@link #NEARLY_SHARE} or there is none)
     */
    public static Note note(String target, double miNats, Counts featureSizes, Counts targetSizes, Base base) {
        double h = Entropy.of(targetSizes, Base.NATS);
        if (!(miNats >= NEARLY_SHARE * h)) {
            return Note.NONE; // the share is at most MI / H (chance ≥ 0), so the expected MI is not needed
        }
        return note(target, miNats, plugInChance(featureSizes, targetSizes), h, targetSizes.total(), base);
    }

    /**
     * The note of a feature whose MI covers most of a discrete target's entropy beyond chance.
     *
     * @param target      the target's name
     * @param miNats      the MI estimate, nats
     * @param chanceNats  the part of it chance alone gives ({@link #plugInChance}, or a permutation null mean), nats
     * @param entropyNats H(target) on the same rows, nats
     * @param n           the rows
     * @param base        the unit of the numbers in the sentence
     * @return the note ({@link Note#NONE} when the share is below {@link #NEARLY_SHARE} or there is none)
     */
    public static Note note(String target, double miNats, double chanceNats, double entropyNats, long n, Base base) {
        double share = share(miNats, chanceNats, entropyNats, n);
        Flag flag = Flag.of(share);
        if (flag == Flag.NONE) {
            return Note.NONE;
        }
        String h = String.format(Locale.ROOT, "%.4g %s", base.fromNats(entropyNats), base.unit());
        String sentence = flag == Flag.DETERMINES
                ? String.format(Locale.ROOT, "determines the target: its MI equals the entropy of %s (H = %s; MI"
                + " above chance %.1f%% of the most it can be), so %s is a function of this column on these rows: a"
                + " copy of the target or leakage (a column filled in from the outcome); check how it is recorded"
                + " before using it", target, h, 100 * Math.min(1.0, share), target)
                : flag == Flag.NEARLY
                ? String.format(Locale.ROOT, "nearly determines the target: its MI above chance is %.1f%% of the"
                + " most it can be, the entropy of %s (H = %s): a near-copy of the target or leakage is likely;"
                + " check how it is recorded before using it", 100 * share, target, h)
                : String.format(Locale.ROOT, "very strong predictor of the target: its MI above chance is %.1f%% of"
                + " the most it can be, the entropy of %s (H = %s; a 0/1 feature right 95%% of the time on a balanced"
                + " target reaches about 71%%); check that it is not recorded after the outcome (leakage) before"
                + " using it", 100 * share, target, h);
        return new Note(flag, share, sentence);
    }

    /**
     * The note of a pair of discrete columns in an MI matrix (plug-in MI) where one (nearly) determines the other:
     * {@link #pairNote(String, String, double, double, double, double, long)} with the exact chance part.
     *
     * @param a      the first column
     * @param b      the second column
     * @param miNats I(a;b), plug-in, nats
     * @param aSizes how many rows hold each value of a, on the pair's rows
     * @param bSizes how many rows hold each value of b, on the same rows
     * @return the note, or null
     */
    public static String pairNote(String a, String b, double miNats, Counts aSizes, Counts bSizes) {
        double ha = Entropy.of(aSizes, Base.NATS);
        double hb = Entropy.of(bSizes, Base.NATS);
        if (!(miNats >= NEARLY_SHARE * Math.min(ha, hb))) {
            return null; // each share is at most MI / H (chance ≥ 0), so the expected MI is not needed
        }
        return pairNote(a, b, miNats, plugInChance(aSizes, bSizes), ha, hb, aSizes.total());
    }

    /**
     * The note of a pair of columns in an MI matrix where one (nearly) determines a discrete other, in shares of
     * entropy only (no unit): "a determines b (MI above chance is 99.9% of the most it can be, H(b)): b is a
     * function of a on these rows: a copy or recoding, or leakage if b is a target"; null when neither share
     * reaches {@link #NEARLY_SHARE}.
     *
     * @param a          the first column
     * @param b          the second column
     * @param miNats     I(a;b), nats
     * @param chanceNats its chance part, nats
     * @param entropyA   H(a) on the pair's rows, nats (NaN for a continuous column)
     * @param entropyB   H(b) on the pair's rows, nats (NaN for a continuous column)
     * @param n          the pair's rows
     * @return the note, or null
     */
    public static String pairNote(String a, String b, double miNats, double chanceNats, double entropyA,
                                  double entropyB, long n) {
        double toA = share(miNats, chanceNats, entropyA, n);
        double toB = share(miNats, chanceNats, entropyB, n);
        if (toA >= DETERMINES_SHARE && toB >= DETERMINES_SHARE) {
            return String.format(Locale.ROOT, "each determines the other (MI above chance is %.1f%% of the most it"
                    + " can be, H(%s), and %.1f%% of H(%s)): copies or recodings of one column, or leakage if one is a"
                    + " target", 100 * Math.min(1, toA), a, 100 * Math.min(1, toB), b);
        }
        boolean byB = toB >= NEARLY_SHARE && !(toA > toB);
        double best = byB ? toB : toA;
        Flag flag = Flag.of(best);
        if (flag == Flag.NONE) {
            return null;
        }
        String from = byB ? a : b;
        String to = byB ? b : a;
        if (flag == Flag.VERY_STRONG) {
            return String.format(Locale.ROOT, "%s very strongly predicts %s (MI above chance is %.1f%% of the most it"
                    + " can be, H(%s)): if %s is a target, check that %s is not recorded after it (leakage)", from, to,
                    100 * best, to, to, from);
        }
        return String.format(Locale.ROOT, "%s %sdetermines %s (MI above chance is %.1f%% of the most it can be,"
                + " H(%s)): %s", from, flag == Flag.DETERMINES ? "" : "nearly ", to, 100 * Math.min(1, best), to,
                flag == Flag.DETERMINES ? to + " is a function of " + from + " on these rows: a copy or recoding, or"
                + " leakage if " + to + " is a target" : "a near-copy, or leakage if " + to + " is a target");
    }

    /**
     * (MI − chance) / (H − chance): the share of what a feature can tell about the target beyond chance that it
     * tells; NaN when H is not positive or the rows carry less than {@link #MIN_EVIDENCE_NATS} of it.
     *
     * @param miNats      the MI, nats
     * @param chanceNats  its chance part, nats (NaN is read as 0)
     * @param entropyNats H(target), nats
     * @param n           the rows
     * @return the share, at most about 1 (a kNN estimate can pass H slightly)
     */
    public static double share(double miNats, double chanceNats, double entropyNats, long n) {
        double chance = Double.isNaN(chanceNats) ? 0.0 : chanceNats;
        double room = entropyNats - chance;
        if (!(entropyNats > 0) || !(n * room >= MIN_EVIDENCE_NATS)) {
            return Double.NaN;
        }
        return (miNats - chance) / room;
    }
}
