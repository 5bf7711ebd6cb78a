// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.mi;

import dev.surprisal.core.Base;
import dev.surprisal.core.ColumnRole;
import dev.surprisal.core.ValidationException;
import dev.surprisal.counts.Counts;
import dev.surprisal.counts.LabelCounts;
import dev.surprisal.continuous.spacing.SpacingEntropy;
import dev.surprisal.data.roles.RoleDecision;
import dev.surprisal.estimators.EntropyEstimator;
import dev.surprisal.inference.EntropyInterval;
import dev.surprisal.selection.MiVariable;

import java.nio.file.Path;
import java.util.List;

/**
 * The continuous half of {@link ColumnEntropy}: a continuous column's differential entropy (Vasicek) or the entropy
 * of N equal-width bins, once {@link ColumnEntropy} has decided by the column's role and the settings that this is
 * what applies.
 */
final class ContinuousEntropy {
    private ContinuousEntropy() {
    }

    /**
     * @param d     the column's role decision (continuous)
     * @param t     the table prepared for MI with seed 0, the column among its variables
     * @param notes the notes so far (the role's); this adds the table's and the cells left out
     */
    static ColumnEntropy.Result of(RoleDecision d, MiTable t, Integer bins, EntropyEstimator estimator, Base base,
                                   Path file, List<String> notes, int replicates, long seed) {
        String column = d.column();
        MiVariable v = t.variable(column, "column");
        double[] sample = new double[v.present()];
        int m = 0;
        for (int i = 0; i < v.rows(); i++) {
            if (!v.isMissing(i)) {
                sample[m++] = v.value(i);
            }
        }
        notes.addAll(t.notes());
        if (v.present() < v.rows()) {
            notes.add(column + ": " + (v.rows() - v.present()) + " of " + v.rows() + " rows have no number and are left out");
        }
        if (bins == null) {
            double h;
            try {
                h = SpacingEntropy.estimate(sample, SpacingEntropy.Method.VASICEK, base);
            } catch (ValidationException e) {
                Ties ties = Ties.of(sample); // counted once: the refusal keeps four numbers, not the sample
                throw new ColumnEntropy.Refusal(file, w -> tiedMessage(column, ties, w));
            }
            return new ColumnEntropy.Differential(d, h, base, SpacingEntropy.defaultWindowLength(sample.length), sample.length,
                    List.copyOf(notes), replicates == 0 ? null : EntropyInterval.ofSpacings(sample, base, replicates, seed));
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : sample) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        int[] bin = new int[sample.length];
        double width = (max - min) / bins;
        for (int i = 0; i < sample.length; i++) {
            int b = width > 0 ? (int) ((sample[i] - min) / width) : 0;
            bin[i] = Math.min(b, bins - 1); // the last edge is inclusive, as numpy's
        }
        Counts c = LabelCounts.of(bin);
        return new ColumnEntropy.Binned(d, ColumnEntropy.entropy(c, estimator, base), base, bins, min, max, c.nonZero(),
                ColumnEntropy.isPlugIn(estimator) ? "plug-in" : estimator.name(), sample.length,
                // the bins stay those of the sample: the interval is of this binning's entropy, each value its bin
                List.copyOf(notes), replicates == 0 ? null : EntropyInterval.ofCounts(c, estimator, base, replicates, seed));
    }


    /**
     * Why a continuous column has no differential entropy, in the user's words: its values repeat so much that
     * Vasicek's spacings are zero (the estimate would be −∞). The core's message names padded order statistics
     * (e.g. "-70 to 72") and a window setting the caller does not have, so it is not shown. A sample's ties: its
     * distinct values, its size, its most frequent value and how often that occurs.
     */
    private record Ties(int distinct, int n, double mode, int most) {
        static Ties of(double[] sample) {
            double[] x = sample.clone();
            java.util.Arrays.sort(x);
            int distinct = 0;
            int run = 0;
            int most = 0;
            double mode = Double.NaN;
            for (int i = 0; i < x.length; i++) {
                boolean same = i > 0 && x[i] == x[i - 1];
                run = same ? run + 1 : 1;
                distinct += same ? 0 : 1;
                if (run > most) {
                    most = run;
                    mode = x[i];
                }
            }
            return new Ties(distinct, x.length, mode, most);
        }
    }

    private static String tiedMessage(String column, Ties ties, ColumnEntropy.Words words) {
        double mode = ties.mode();
        String value = mode == Math.rint(mode) && Math.abs(mode) < 1e15 ? Long.toString((long) mode)
                : Double.toString(mode);
        return String.format(java.util.Locale.ROOT, "%s: only %d distinct values among %d numbers (%s occurs %d "
                + "times): values this repeated have no differential entropy (Vasicek's spacing estimator, window %d, "
                + "finds zero spacings: the estimate would be -infinity). They look like outcomes: %s gives the "
                + "entropy of their counts, %s that of N equal-width bins", column, ties.distinct(), ties.n(), value,
                ties.most(), SpacingEntropy.defaultWindowLength(ties.n()), words.role(column, ColumnRole.DISCRETE),
                words.someBins());
    }
}
