// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.selection;

import dev.surprisal.core.Base;
import dev.surprisal.counts.ContingencyTable;
import dev.surprisal.counts.LabelCounts;
import dev.surprisal.dependence.MutualInformation;
import dev.surprisal.inference.GTest;
import dev.surprisal.inference.MultipleTesting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a column is filled in, measured against a target: missing cells that line up with the target are
 * information, and the classic leak is a column written after the outcome (a cancellation reason, a cancel date),
 * empty exactly when the outcome did not happen. Mutual information of a pair uses the rows where both columns have
 * a value, and on those rows such a target is constant: without this check the column would read as "no
 * information" while whether it is filled in predicts the target exactly.
 *
 * <p>For each column with missing cells, the 0/1 column "has a value" ({@link MiVariable#filledIn()}) is measured
 * against the target on the rows where the target has a value:
 * <ul>
 *   <li>a discrete target: plug-in MI, its chance part the exact expected MI of the margins
 *       ({@link TargetShare#plugInChance}), and the G-test of independence, G = 2·n·MI(nats) ~ χ²((2 − 1)(L − 1))
 *       (Wilks 1938) for a target of L values: no permutations, no seed;</li>
 *   <li>a continuous target: the ranking's own score of the pair ({@link TargetRanking#score(MiVariable, MiVariable,
 *       MiOptions)}: Ross MI and its permutation test); without permutations no test and no finding.</li>
 * </ul>
 * The p-values of the columns checked together are adjusted by Benjamini–Hochberg, and a column with q ≤ α is a
 * finding. Its sentence says how the filled-in rows split the target and, when whether it is filled in (nearly)
 * determines a discrete target ({@link TargetShare#note}), that this is typical of a column written after the
 * outcome.
 */
public final class MissingLeak {
    /**
     * One column whose missing cells line up with the target.
     *
     * @param column      the column
     * @param miNats      I(filled in; target), nats
     * @param chanceNats  its chance part, nats (exact for a discrete target, the permutation null mean otherwise)
     * @param pValue      the test's p-value (G-test, or permutation test for a continuous target)
     * @param qValue      p adjusted over the columns checked together (Benjamini–Hochberg)
     * @param flag        whether being filled in determines (or nearly determines) a discrete target
     * @param sentence    the note, starting with the column's name
     */
    public record Finding(String column, double miNats, double chanceNats, double pValue, double qValue,
                         TargetShare.Flag flag, String sentence) {
    }

    private MissingLeak() {
    }

    /**
     * Checks each column's missing cells against the target.
     *
     * @param filledIn each column with missing cells as its {@link MiVariable#filledIn()} 0/1 column (named as the
     *                 column); the target, if among them, is skipped
     * @param why      per column, what is said of it after the sentence (e.g. that its values are left out as a date);
     *                 a column not in it gets nothing
     * @param target   the target (its missing rows are left out)
     * @param options  α, the unit of the sentences, and the permutations for a continuous target
     * @return the columns whose missing cells line up with the target beyond chance (q ≤ α), in the given order
     */
    public static List<Finding> find(List<MiVariable> filledIn, java.util.Map<String, String> why, MiVariable target,
                                     MiOptions options) {
        List<MiVariable> checked = filledIn.stream().filter(f -> !f.name().equals(target.name())).toList();
        int[] rows = present(target);
        double[] mi = new double[checked.size()];
        double[] chance = new double[checked.size()];
        double[] p = new double[checked.size()];
        TargetShare.Flag[] flags = new TargetShare.Flag[checked.size()];
        int[] y = target.isDiscrete() ? MiPair.pick(target.labels, rows) : null;
        java.util.stream.IntStream.range(0, checked.size()).parallel().forEach(j -> {
            MiVariable f = checked.get(j);
            int[] x = MiPair.pick(f.labels, rows);
            flags[j] = TargetShare.Flag.NONE;
            if (y == null) {
                RankedFeature r = TargetRanking.score(f, target, options);
                mi[j] = r.mi();
                chance[j] = r.test() == null ? Double.NaN : r.mi() - r.aboveChance();
                p[j] = r.test() == null ? Double.NaN : r.pValue();
                return;
            }
            if (LabelCounts.of(x).nonZero() < 2) {
                p[j] = Double.NaN; // filled in (or empty) on every row where the target has a value
                return;
            }
            ContingencyTable t = LabelCounts.table(x, y);
            mi[j] = MutualInformation.of(x, y, Base.NATS);
            chance[j] = TargetShare.plugInChance(t.rowCounts(), t.colCounts());
            p[j] = GTest.independence(t).pValue();
            flags[j] = TargetShare.note(target.name(), mi[j], chance[j], TargetShare.entropyNats(y), rows.length,
                    options.base()).flag();
        });
        double[] q = MultipleTesting.benjaminiHochberg(p);
        List<Finding> out = new ArrayList<>();
        for (int j = 0; j < checked.size(); j++) {
            if (!(q[j] <= options.alpha())) {
                continue;
            }
            MiVariable f = checked.get(j);
            String sentence = sentence(f, target, rows, mi[j], chance[j], p[j], flags[j], options.base(),
                    why.getOrDefault(f.name(), ""));
            out.add(new Finding(f.name(), mi[j], chance[j], p[j], q[j], flags[j], sentence));
        }
        return out;
    }

    private static String sentence(MiVariable f, MiVariable target, int[] rows, double mi, double chance, double p,
                                   TargetShare.Flag flag, Base base, String why) {
        String t = target.name();
        String head = String.format(Locale.ROOT, "%s: whether %s is filled in tells %.3g %s about %s (%.3g %s above"
                        + " chance, %s p %s)", f.name(), f.name(), base.fromNats(mi), base.unit(), t,
                base.fromNats(mi - (Double.isNaN(chance) ? 0 : chance)), base.unit(),
                target.isDiscrete() ? "G-test" : "permutation",
                // a χ² tail below the smallest double prints as 0: say how small instead
                p < Double.MIN_NORMAL ? "< 1e-300" : String.format(Locale.ROOT, "= %.2g", p));
        String split = target.isDiscrete() ? split(f, target, rows) : "";
        String meaning = flag == TargetShare.Flag.NONE
                ? "its cells are not missing at random, so check why it is empty before reading its MI"
                : "typical of a column written after the outcome (leakage): leave it out of a model unless it is"
                + " filled in before the prediction is made";
        return head + ": " + (split.isEmpty() ? "" : split + ", ") + meaning + why;
    }

    /** "it is filled only when churned = 1", "it is empty only when …", or "" when neither holds. */
    private static String split(MiVariable f, MiVariable target, int[] rows) {
        double filledValue = Double.NaN;
        double emptyValue = Double.NaN;
        boolean filledOne = true;
        boolean emptyOne = true;
        for (int i : rows) {
            double v = target.value(i);
            if (f.value(i) == 1.0) {
                filledOne &= Double.isNaN(filledValue) || filledValue == v;
                filledValue = v;
            } else {
                emptyOne &= Double.isNaN(emptyValue) || emptyValue == v;
                emptyValue = v;
            }
        }
        if (!target.isNumeric()) {
            return filledOne ? "it is filled on one value of " + target.name() + " only"
                    : emptyOne ? "it is empty on one value of " + target.name() + " only" : "";
        }
        return filledOne ? "it is filled only when " + target.name() + " = " + number(filledValue)
                : emptyOne ? "it is empty only when " + target.name() + " = " + number(emptyValue) : "";
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static int[] present(MiVariable target) {
        int[] keep = new int[target.rows()];
        int m = 0;
        for (int i = 0; i < keep.length; i++) {
            if (!target.isMissing(i)) {
                keep[m++] = i;
            }
        }
        return java.util.Arrays.copyOf(keep, m);
    }
}
