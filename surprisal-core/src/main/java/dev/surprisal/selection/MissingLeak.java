// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.selection;

import dev.surprisal.core.Base;
import dev.surprisal.core.ValidationException;
import dev.surprisal.counts.ContingencyTable;
import dev.surprisal.counts.LabelCounts;
import dev.surprisal.dependence.MutualInformation;
import dev.surprisal.inference.KolmogorovSmirnovTest;
import dev.surprisal.inference.MultipleTesting;
import dev.surprisal.inference.SequentialPermutationTest;

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
 *   <li>a discrete target: plug-in MI and its chance part, the exact expected MI of the margins
 *       ({@link TargetShare#plugInChance}). The test of independence is the G-test, G = 2·n·MI(nats) ~
 *       χ²((2 − 1)(L − 1)) (Wilks 1938) for a target of L values, when every expected count of the 2 × L table is
 *       at least {@value #MIN_EXPECTED}; below (a few missing cells, a rare class of the target) the χ² tail is
 *       liberal, so the table's own permutation null is used instead: random tables with the same margins
 *       ({@link CountedPair#natsNull}, {@link dev.surprisal.inference.RandomTables}), the same null as shuffling
 *       the rows, at most {@value #TABLE_DRAWS} draws stopping early after 10 at or above the observed MI
 *       ({@link SequentialPermutationTest}), seeded from the run's seed and the column's name;</li>
 *   <li>a continuous target: the exact two-sample Kolmogorov–Smirnov test of the target's values where the column
 *       is filled in against those where it is empty ({@link KolmogorovSmirnovTest}; asymptotic above
 *       {@value KolmogorovSmirnovTest#MAX_AUTO_N} rows per side, conservative with ties): the two groups have one
 *       distribution exactly when whether the column is filled in is independent of the target, so it tests the
 *       same null as a permutation test of the MI, without the permutations. The MI of a finding is the Ross
 *       estimate ({@link MiPair}), computed for the findings only.</li>
 * </ul>
 * The p-values of the columns checked together are adjusted by Benjamini–Hochberg, and a column with q ≤ α is a
 * finding. Its sentence says how the filled-in rows split the target and, when whether it is filled in (nearly)
 * determines a discrete target ({@link TargetShare#note}), that this is typical of a column written after the
 * outcome.
 */
public final class MissingLeak {
    /**
     * The least expected count of every cell of the filled-in × target table for the G-test's χ² tail (Cochran's
     * rule); below it the table's permutation null decides.
     */
    public static final double MIN_EXPECTED = 5.0;
    /** The most random tables of the permutation null of a table with a small expected count. */
    public static final int TABLE_DRAWS = 9_999;

    /** How the p-value of a column was found, as the sentence names it. */
    public enum Test {
        /** The G-test's χ² tail (every expected count at least {@value MissingLeak#MIN_EXPECTED}). */
        G_TEST("G-test"),
        /** Random tables with the same margins (a small expected count). */
        PERMUTATION("permutation test of the table"),
        /** The two-sample Kolmogorov–Smirnov test of a continuous target's values, filled in against empty. */
        KOLMOGOROV_SMIRNOV("Kolmogorov-Smirnov test");

        private final String words;

        Test(String words) {
            this.words = words;
        }

        /**
         * The test in words, as the sentence cites it.
         *
         * @return e.g. {@code "G-test"}
         */
        public String words() {
            return words;
        }
    }

    /**
     * One column whose missing cells line up with the target.
     *
     * @param column      the column
     * @param miNats      I(filled in; target), nats
     * @param chanceNats  its chance part, nats (exact for a discrete target; NaN for a continuous one)
     * @param pValue      the test's p-value
     * @param test        the test that gave it
     * @param qValue      p adjusted over the columns checked together (Benjamini–Hochberg)
     * @param flag        whether being filled in determines (or nearly determines) a discrete target
     * @param sentence    the note, starting with the column's name
     */
    public record Finding(String column, double miNats, double chanceNats, double pValue, Test test, double qValue,
                         TargetShare.Flag flag, String sentence) {
    }

    private MissingLeak() {
    }

    /**
     * One column's "is filled in" against a discrete target, counted: per target label, the rows (where the target has
     * a value) on which the column is empty and those on which it is filled in. An engine that counts its rows in
     * partitions gives these instead of the rows; {@link #find(List, java.util.Map, String, double[], MiOptions)}
     * then says what {@link #find(List, java.util.Map, MiVariable, MiOptions)} says of the rows they were counted from.
     *
     * @param column the column's name
     * @param empty  empty[j]: rows with target label j where the column is empty
     * @param filled filled[j]: rows with target label j where the column has a value (same length)
     */
    public record Counted(String column, long[] empty, long[] filled) {
    }

    /**
     * Checks each column's missing cells against the target.
     *
     * @param filledIn each column with missing cells as its {@link MiVariable#filledIn()} 0/1 column (named as the
     *                 column); the target, if among them, is skipped
     * @param why      per column, what is said of it after the sentence (e.g. that its values are left out as a date);
     *                 a column not in it gets nothing
     * @param target   the target (its missing rows are left out)
     * @param options  α, the unit of the sentences, and the seed
     * @return the columns whose missing cells line up with the target beyond chance (q ≤ α), in the given order
     */
    public static List<Finding> find(List<MiVariable> filledIn, java.util.Map<String, String> why, MiVariable target,
                                     MiOptions options) {
        List<MiVariable> checked = filledIn.stream().filter(f -> !f.name().equals(target.name())).toList();
        int[] rows = present(target);
        if (target.isDiscrete()) {
            int[] y = MiPair.pick(target.labels, rows);
            int labels = 1 + java.util.Arrays.stream(y).max().orElse(-1);
            double[] values = target.isNumeric() ? new double[labels] : null;
            for (int r = 0; values != null && r < rows.length; r++) {
                values[y[r]] = target.value(rows[r]);
            }
            List<Counted> counted = new ArrayList<>();
            for (MiVariable f : checked) {
                long[] empty = new long[labels];
                long[] filled = new long[labels];
                for (int r = 0; r < rows.length; r++) {
                    (f.value(rows[r]) == 1.0 ? filled : empty)[y[r]]++;
                }
                counted.add(new Counted(f.name(), empty, filled));
            }
            return find(counted, why, target.name(), values, options);
        }
        double[] p = new double[checked.size()];
        java.util.stream.IntStream.range(0, checked.size()).parallel().forEach(j -> {
            int[] x = MiPair.pick(checked.get(j).labels, rows);
            // NaN: filled in (or empty) on every row where the target has a value
            p[j] = LabelCounts.of(x).nonZero() < 2 ? Double.NaN : groupsDiffer(x, target, rows);
        });
        double[] q = MultipleTesting.benjaminiHochberg(p);
        List<Finding> out = new ArrayList<>();
        for (int j = 0; j < checked.size(); j++) {
            if (q[j] <= options.alpha()) {
                MiVariable f = checked.get(j);
                // the MI of a finding only: the test did not need it
                double mi = MiPair.of(f, target, options.k()).nats();
                String head = String.format(Locale.ROOT, "%s: whether %s is filled in tells %.3g %s about %s (Ross"
                                + " estimate; %s: %s's values differ between the rows where %s is filled in and where it"
                                + " is empty)", f.name(), f.name(), options.base().fromNats(mi), options.base().unit(),
                        target.name(), pText(Test.KOLMOGOROV_SMIRNOV, p[j]), target.name(), f.name());
                out.add(new Finding(f.name(), mi, Double.NaN, p[j], Test.KOLMOGOROV_SMIRNOV, q[j],
                        TargetShare.Flag.NONE, sentence(head, "", TargetShare.Flag.NONE,
                        why.getOrDefault(f.name(), ""))));
            }
        }
        return out;
    }

    /**
     * Checks each column's missing cells against a discrete target from their counts: the same tests, numbers and
     * sentences as {@link #find(List, java.util.Map, MiVariable, MiOptions)} on the rows they were counted from.
     *
     * @param columns      each column's counts, per target label (the target itself is not among them)
     * @param why          per column, what is said of it after the sentence; a column not in it gets nothing
     * @param target       the target's name
     * @param targetValues the number of each target label, or null when the labels are text
     * @param options      α, the unit of the sentences, and the seed
     * @return the columns whose missing cells line up with the target beyond chance (q ≤ α), in the given order
     */
    public static List<Finding> find(List<Counted> columns, java.util.Map<String, String> why, String target,
                                     double[] targetValues, MiOptions options) {
        int m = columns.size();
        double[] mi = new double[m];
        double[] chance = new double[m];
        double[] p = new double[m];
        Test[] tests = new Test[m];
        TargetShare.Flag[] flags = new TargetShare.Flag[m];
        java.util.stream.IntStream.range(0, m).parallel().forEach(j -> {
            Counted c = columns.get(j);
            flags[j] = TargetShare.Flag.NONE;
            ContingencyTable t = table(c);
            if (t == null) {
                p[j] = Double.NaN; // filled in (or empty) on every row where the target has a value
                return;
            }
            mi[j] = MutualInformation.of(t, Base.NATS);
            chance[j] = TargetShare.plugInChance(t.rowCounts(), t.colCounts());
            CountedPair.Independence ind = CountedPair.independenceP(t, mi[j], options.seed(), c.column());
            tests[j] = ind.test();
            p[j] = ind.pValue();
            flags[j] = TargetShare.note(target, mi[j], chance[j],
                    dev.surprisal.measures.Entropy.of(t.colCounts(), Base.NATS), t.total(), options.base()).flag();
        });
        double[] q = MultipleTesting.benjaminiHochberg(p);
        List<Finding> out = new ArrayList<>();
        Base base = options.base();
        for (int j = 0; j < m; j++) {
            if (!(q[j] <= options.alpha())) {
                continue;
            }
            Counted c = columns.get(j);
            String head = String.format(Locale.ROOT, "%s: whether %s is filled in tells %.3g %s about %s (%.3g %s above"
                            + " chance, %s)", c.column(), c.column(), base.fromNats(mi[j]), base.unit(), target,
                    base.fromNats(mi[j] - chance[j]), base.unit(), pText(tests[j], p[j]));
            out.add(new Finding(c.column(), mi[j], chance[j], p[j], tests[j], q[j], flags[j], sentence(head,
                    split(c, target, targetValues), flags[j], why.getOrDefault(c.column(), ""))));
        }
        return out;
    }

    /** The 2 × L table (empty, filled) × the target labels present; null when one row is empty. */
    private static ContingencyTable table(Counted c) {
        int labels = c.empty().length;
        if (c.filled().length != labels) {
            throw new ValidationException(c.column() + ": " + c.empty().length + " empty counts and "
                    + c.filled().length + " filled counts; give one of each per target label");
        }
        long emptyRows = 0;
        long filledRows = 0;
        int present = 0;
        for (int j = 0; j < labels; j++) {
            emptyRows += c.empty()[j];
            filledRows += c.filled()[j];
            present += c.empty()[j] + c.filled()[j] > 0 ? 1 : 0;
        }
        if (emptyRows == 0 || filledRows == 0) {
            return null;
        }
        long[][] t = new long[2][present];
        for (int j = 0, k = 0; j < labels; j++) {
            if (c.empty()[j] + c.filled()[j] > 0) { // a label without rows has no column, as LabelCounts.table drops it
                t[0][k] = c.empty()[j];
                t[1][k++] = c.filled()[j];
            }
        }
        return ContingencyTable.of(t);
    }

    /** The Kolmogorov–Smirnov p-value of the target's values where {@code x} is 1 against where it is 0. */
    private static double groupsDiffer(int[] x, MiVariable target, int[] rows) {
        int filled = 0;
        for (int v : x) {
            filled += v;
        }
        double[] in = new double[filled];
        double[] out = new double[x.length - filled];
        int a = 0;
        int b = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] == 1) {
                in[a++] = target.value(rows[i]);
            } else {
                out[b++] = target.value(rows[i]);
            }
        }
        return KolmogorovSmirnovTest.twoSample().test(in, out).pValue();
    }

    /** "G-test p = 0.003"; a χ² tail below the smallest double prints as 0: say how small instead. */
    private static String pText(Test test, double p) {
        return test.words() + " p " + (p < Double.MIN_NORMAL ? "< 1e-300" : String.format(Locale.ROOT, "= %.2g", p));
    }

    private static String sentence(String head, String split, TargetShare.Flag flag, String why) {
        String meaning = flag == TargetShare.Flag.NONE
                ? "its cells are not missing at random, so check why it is empty before reading its MI"
                : "typical of a column written after the outcome (leakage): leave it out of a model unless it is"
                + " filled in before the prediction is made";
        return head + ": " + (split.isEmpty() ? "" : split + ", ") + meaning + why;
    }

    /** "it is filled only when churned = 1", "it is empty only when …", or "" when neither holds. */
    private static String split(Counted c, String target, double[] values) {
        int filledAt = only(c.filled());
        int emptyAt = only(c.empty());
        if (values == null) {
            return filledAt >= 0 ? "it is filled on one value of " + target + " only"
                    : emptyAt >= 0 ? "it is empty on one value of " + target + " only" : "";
        }
        return filledAt >= 0 ? "it is filled only when " + target + " = " + number(values[filledAt])
                : emptyAt >= 0 ? "it is empty only when " + target + " = " + number(values[emptyAt]) : "";
    }

    /** The one label with a count, or −1 when there are several. */
    private static int only(long[] counts) {
        int at = -1;
        for (int j = 0; j < counts.length; j++) {
            if (counts[j] > 0) {
                if (at >= 0) {
                    return -1;
                }
                at = j;
            }
        }
        return at;
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
