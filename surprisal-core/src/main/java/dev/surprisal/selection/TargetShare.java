// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.selection;

import dev.surprisal.core.Base;
import dev.surprisal.counts.Counts;
import dev.surprisal.counts.LabelCounts;
import dev.surprisal.measures.Entropy;

import java.util.List;
import java.util.Locale;

/**
 * The share of a discrete target's entropy that a feature's MI covers, and the note that flags a feature which
 * determines the target (a copy of it, or a column filled in after the outcome: leakage).
 *
 * <p>I(F;Y) ≤ H(Y), with equality exactly when Y is a function of F. A feature whose MI reaches H(Y) therefore
 * predicts the target perfectly, which on real data means a copy or leakage far more often than a real cause.
 * The share is computed on the MI corrected for chance, {@code (MI − chance) / H(Y)}, because the plug-in MI of a
 * column with many values is biased upward: an ID read as labels has MI = H(Y) in every sample, by chance alone.
 * The chance part is the permutation null's mean when the feature was tested, else the plug-in's expected value
 * under independence, (K_F − 1)(K_Y − 1)/(2n) nats (Miller–Madow), or 0 for the kNN (Ross) estimate.
 *
 * <p>Thresholds, on that share:
 * <ul>
 *   <li>{@link #DETERMINES_SHARE} 0.98, "determines the target": an exact copy of a 0/1 target at n = 3,000 has
 *       a share of 0.9997 (its null mean is ~0.0002 bits); a 30-valued exact function about 0.99 (its chance
 *       part ≈ 29/(2n) nats); 0.2% of flipped labels already cost H(0.002) ≈ 2% of one bit, which is where
 *       "exact" ends;</li>
 *   <li>{@link #NEARLY_SHARE} 0.70, "nearly determines": a copy with 3% of its labels flipped keeps 0.81, 5%
 *       flipped 0.71; a predictor right 90% of the time on a balanced 0/1 target keeps 0.53, so ordinary strong
 *       predictors (40–60%) get no note.</li>
 * </ul>
 * For a continuous target H(Y) is a differential entropy (it shifts with the unit and can be negative), so no
 * share exists; the exact function of a continuous feature shows instead as an estimate above every bootstrap
 * resample ({@link TargetRanking#INTERVAL_NOT_SHOWN}).
 */
public final class TargetShare {
    /** Share of H(target), MI corrected for chance, from which a feature determines the target. */
    public static final double DETERMINES_SHARE = 0.98;
    /** Share of H(target), MI corrected for chance, from which a feature nearly determines the target. */
    public static final double NEARLY_SHARE = 0.70;
    /** How the note of a feature that determines the target begins. */
    public static final String DETERMINES = "determines the target:";
    /** How the note of a feature that nearly determines the target begins. */
    public static final String NEARLY_DETERMINES = "nearly determines the target:";

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
     * The expected plug-in MI of two independent label columns (Miller–Madow): (K_F − 1)(K_Y − 1)/(2n) nats.
     *
     * @param featureValues K_F, the feature's distinct values on the rows
     * @param targetValues  K_Y, the target's distinct values on the rows
     * @param n             the rows
     * @return the chance part of a plug-in MI, nats
     */
    public static double plugInChance(int featureValues, int targetValues, int n) {
        return n <= 0 ? 0.0 : (featureValues - 1.0) * (targetValues - 1.0) / (2.0 * n);
    }

    /**
     * The distinct values of labels.
     *
     * @param labels the labels, each ≥ 0
     * @return how many distinct values they hold
     */
    public static int distinct(int[] labels) {
        Counts c = LabelCounts.of(labels);
        return c.nonZero();
    }

    /**
     * The note of a feature whose MI covers most of a discrete target's entropy, or null when it covers less than
     * {@link #NEARLY_SHARE}.
     *
     * @param target       the target's name
     * @param miNats       the MI estimate, nats
     * @param chanceNats   the part of it chance alone gives (permutation null mean, or {@link #plugInChance}), nats
     * @param entropyNats  H(target) on the same rows, nats
     * @param base         the unit of the numbers in the note
     * @return "determines the target: …" or "nearly determines the target: …", or null
     */
    public static String note(String target, double miNats, double chanceNats, double entropyNats, Base base) {
        double share = share(miNats, chanceNats, entropyNats);
        if (!(share >= NEARLY_SHARE)) {
            return null;
        }
        String h = String.format(Locale.ROOT, "%.4g %s", base.fromNats(entropyNats), base.unit());
        if (share >= DETERMINES_SHARE) {
            return String.format(Locale.ROOT, "%s its MI equals the entropy of %s (H = %s; MI above chance %.1f%% of"
                    + " it), so %s is a function of this column on these rows: a copy of the target or leakage (a"
                    + " column filled in from the outcome); check how it is recorded before using it",
                    DETERMINES, target, h, 100 * Math.min(1.0, share), target);
        }
        return String.format(Locale.ROOT, "%s its MI above chance is %.1f%% of the entropy of %s (H = %s): a"
                + " near-copy of the target or leakage is likely; check how it is recorded before using it",
                NEARLY_DETERMINES, 100 * share, target, h);
    }

    /**
     * The note of a pair of columns in an MI matrix where one (nearly) determines a discrete other, in shares of
     * entropy only (no unit): "a determines b (MI above chance is 99.9% of H(b), the most MI can be): b is a
     * function of a on these rows: a copy or recoding, or leakage if b is a target"; null when neither share
     * reaches {@link #NEARLY_SHARE}.
     *
     * @param a          the first column
     * @param b          the second column
     * @param miNats     I(a;b), nats
     * @param chanceNats its chance part, nats
     * @param entropyA   H(a) on the pair's rows, nats (NaN for a continuous column)
     * @param entropyB   H(b) on the pair's rows, nats (NaN for a continuous column)
     * @return the note, or null
     */
    public static String pairNote(String a, String b, double miNats, double chanceNats, double entropyA,
                                  double entropyB) {
        double toA = share(miNats, chanceNats, entropyA);
        double toB = share(miNats, chanceNats, entropyB);
        if (toA >= DETERMINES_SHARE && toB >= DETERMINES_SHARE) {
            return String.format(Locale.ROOT, "each determines the other (MI above chance is %.1f%% of H(%s) and"
                    + " %.1f%% of H(%s)): copies or recodings of one column, or leakage if one is a target",
                    100 * Math.min(1, toA), a, 100 * Math.min(1, toB), b);
        }
        boolean byB = toB >= NEARLY_SHARE && !(toA > toB);
        double best = byB ? toB : toA;
        if (!(best >= NEARLY_SHARE)) {
            return null;
        }
        String from = byB ? a : b;
        String to = byB ? b : a;
        return String.format(Locale.ROOT, "%s %sdetermines %s (MI above chance is %.1f%% of H(%s), the most MI can"
                + " be): %s", from, best >= DETERMINES_SHARE ? "" : "nearly ", to, 100 * Math.min(1, best), to,
                best >= DETERMINES_SHARE ? to + " is a function of " + from + " on these rows: a copy or recoding, or"
                + " leakage if " + to + " is a target" : "a near-copy, or leakage if " + to + " is a target");
    }

    /**
     * (MI − chance) / H, or NaN when H is not positive.
     *
     * @param miNats      the MI, nats
     * @param chanceNats  its chance part, nats
     * @param entropyNats H(target), nats
     * @return the share of the target's entropy the feature covers beyond chance
     */
    public static double share(double miNats, double chanceNats, double entropyNats) {
        return entropyNats > 0 ? (miNats - (Double.isNaN(chanceNats) ? 0.0 : chanceNats)) / entropyNats : Double.NaN;
    }

    /**
     * What the notes say of a feature and the target, for a machine-readable field.
     *
     * @param warnings a feature's warnings
     * @return {@code "determines"}, {@code "nearly-determines"} or {@code "no"}
     */
    public static String flag(List<String> warnings) {
        if (warnings.stream().anyMatch(w -> w.startsWith(DETERMINES))) {
            return "determines";
        }
        return warnings.stream().anyMatch(w -> w.startsWith(NEARLY_DETERMINES)) ? "nearly-determines" : "no";
    }
}
