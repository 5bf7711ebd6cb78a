// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.selection;

import dev.surprisal.continuous.GaoMixedMutualInformation;
import dev.surprisal.continuous.KraskovMutualInformation;
import dev.surprisal.continuous.MiEstimator;
import dev.surprisal.continuous.RossMutualInformation;
import dev.surprisal.core.Base;
import dev.surprisal.core.ValidationException;
import dev.surprisal.dependence.MutualInformation;
import dev.surprisal.inference.SequentialPermutationTest;
import dev.surprisal.knn.PointSet;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Greedy forward selection of features about a target ({@link FeatureSelection}: mRMR or JMI) with the
 * estimators chosen by column kind, on the rows where the target and every feature have a value.
 * Continuous columns are never binned:
 * <ul>
 *   <li>I(f;s) and I(f;y): KSG1 (two continuous), Ross (one discrete), plug-in (two discrete), chosen by
 *       {@link MiEstimator} as for {@link MiPair};</li>
 *   <li>I(f, s; y) for JMI: KSG1 with a 2-D X when all three are continuous; Ross with a 2-D continuous
 *       side, or with the pair's combined label, when the other side is discrete; plug-in when all are
 *       discrete; the Gao et al. (2017) mixed estimator when the pair mixes a discrete and a continuous column.</li>
 * </ul>
 * Values in nats.
 *
 * <pre>{@code
 * MiSelection.Result r = MiSelection.select(features, target, 3, MiSelection.Method.MRMR, 3, null);
 * }</pre>
 */
public final class MiSelection {
    /** The selection criteria. */
    public enum Method {
        /** Minimum redundancy – maximum relevance (Peng, Long and Ding 2005). */
        MRMR,
        /** Joint mutual information (Yang and Moody 1999). */
        JMI;

        /**
         * mrmr or jmi, as typed on the command line and written in outputs.
         *
         * @return {@code mrmr} or {@code jmi}
         */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A selection.
     *
     * @param selected the chosen features in the order chosen (scores and relevances in nats)
     * @param method   the criterion
     * @param rows     rows used: those where the target and every feature have a value
     * @param total    rows of the table
     * @param notes    per chosen feature that covers most of a discrete target's entropy, the note of
     *                 {@link TargetShare#note} ("feature: determines the target: …"), in the order chosen
     */
    public record Result(List<SelectedFeature> selected, Method method, int rows, int total, List<String> notes) {
        /**
         * Copies the lists.
         *
         * @param selected the chosen features in the order chosen
         * @param method   the criterion
         * @param rows     rows used
         * @param total    rows of the table
         * @param notes    the notes
         */
        public Result {
            selected = List.copyOf(selected);
            notes = List.copyOf(notes);
        }

        /**
         * A selection without notes.
         *
         * @param selected the chosen features in the order chosen (scores and relevances in nats)
         * @param method   the criterion
         * @param rows     rows used: those where the target and every feature have a value
         * @param total    rows of the table
         */
        public Result(List<SelectedFeature> selected, Method method, int rows, int total) {
            this(selected, method, rows, total, List.of());
        }

        /**
         * What the score of a step means: "relevance - redundancy" or "sum of I(f,s;target)".
         *
         * @param target the target's name, as it appears in the JMI sum
         * @return the score's name
         */
        public String scoreName(String target) {
            return method == Method.MRMR ? "relevance - redundancy" : "sum of I(f,s;" + target + ")";
        }
    }

    private MiSelection() {
    }

    /**
     * Selects {@code count} of the features.
     *
     * @param candidates the candidate features (the target, if among them, is skipped)
     * @param target     the target
     * @param count      how many to select, in [1, number of features]
     * @param method     mRMR or JMI
     * @param k          neighbours of the kNN estimators, ≥ 1
     * @param progress   called once per estimator call (may be null); called from several threads
     * @return the selection
     * @throws ValidationException if count is out of range or too few rows have every value
     */
    public static Result select(List<MiVariable> candidates, MiVariable target, int count, Method method, int k,
                                Runnable progress) {
        return select(candidates, target, count, method, k, Base.NATS, progress);
    }

    /**
     * Selects {@code count} of the features, with a note on each chosen one that determines (or nearly determines)
     * a discrete target ({@link TargetShare}: its relevance, less the plug-in's expected value under independence
     * for a discrete feature, against H(target) on the same rows).
     *
     * @param candidates the candidate features (the target, if among them, is skipped)
     * @param target     the target
     * @param count      how many to select, in [1, number of features]
     * @param method     mRMR or JMI
     * @param k          neighbours of the kNN estimators, ≥ 1
     * @param base       the unit of the numbers in the notes (the values stay in nats)
     * @param progress   called once per estimator call (may be null); called from several threads
     * @return the selection
     * @throws ValidationException if count is out of range or too few rows have every value
     */
    public static Result select(List<MiVariable> candidates, MiVariable target, int count, Method method, int k,
                                Base base, Runnable progress) {
        List<MiVariable> features = candidates.stream().filter(c -> c != target && !c.name().equals(target.name()))
                .toList();
        if (count < 1 || count > features.size()) {
            throw new ValidationException("count: " + count + " must lie in [1, " + features.size()
                    + "], the number of features besides " + target.name());
        }
        List<MiVariable> all = new ArrayList<>(features);
        all.add(target);
        int[] rows = completeRows(all);
        if (rows.length <= k) {
            throw new ValidationException("rows: only " + rows.length + " rows have every column filled; selection needs"
                    + " more than k = " + k);
        }
        Map<double[], Boolean> discrete = new IdentityHashMap<>();
        String[] names = new String[features.size()];
        double[][] columns = new double[features.size()][];
        for (int j = 0; j < features.size(); j++) {
            names[j] = features.get(j).name();
            columns[j] = values(features.get(j), rows);
            discrete.put(columns[j], features.get(j).isDiscrete());
        }
        double[] y = values(target, rows);
        discrete.put(y, target.isDiscrete());
        Runnable step = progress == null ? () -> { } : progress;
        DependenceMeasure pairMi = (a, b) -> {
            step.run();
            return pair(a, discrete.get(a), b, discrete.get(b), k);
        };
        List<SelectedFeature> chosen = method == Method.MRMR
                ? FeatureSelection.mrmr(names, columns, y, count, pairMi)
                : FeatureSelection.jmi(names, columns, y, count, pairMi, (a, b) -> {
                    step.run();
                    return joint(a, discrete.get(a[0]), discrete.get(a[1]), b, discrete.get(b), k);
                });
        return new Result(chosen, method, rows.length, target.rows(), shareNotes(chosen, features, target, rows, base));
    }

    /**
     * {@link #select(List, MiVariable, int, Method, int, Base, Runnable)} with the evidence of each chosen feature:
     * its relevance is tested as the ranking tests it ({@link TargetRanking#score(MiVariable, MiVariable, MiOptions,
     * int)}: the sequential permutation test on the pair's rows, seeded by the feature's name, so the p-value is
     * the ranking's), the p-values of the chosen features are adjusted together (Benjamini–Hochberg), and a chosen
     * feature with q &gt; α gets the note "chosen without evidence". Greedy selection fills its count whatever the
     * evidence: a step taken by a feature that shuffled data match is a filler, not a finding, and the note says so
     * beside the step. Costs one test per chosen feature and nothing else of a ranking's score (no bootstrap, no
     * estimate of every row beside a subsampled test, no correlations; the relevance stands for the observed MI where
     * it was estimated on the same rows, {@link TargetRanking#test}); without permutations
     * ({@code options.permutations() == 0}) no feature is tested and no such note is given.
     *
     * @param candidates the candidate features (the target, if among them, is skipped)
     * @param target     the target
     * @param count      how many to select, in [1, number of features]
     * @param method     mRMR or JMI
     * @param options    k, the permutations, α, the seed, and the unit of the notes' numbers
     * @param progress   called once per estimator call of the selection (may be null); from several threads
     * @return the selection, with the notes of {@link #select(List, MiVariable, int, Method, int, Base, Runnable)}
     *         and one per chosen feature without evidence
     * @throws ValidationException if count is out of range or too few rows have every value
     */
    public static Result select(List<MiVariable> candidates, MiVariable target, int count, Method method,
                                MiOptions options, Runnable progress) {
        Result r = select(candidates, target, count, method, options.k(), options.base(), progress);
        if (options.permutations() <= 0) {
            return r;
        }
        List<MiVariable> chosen = new ArrayList<>();
        for (SelectedFeature f : r.selected()) {
            chosen.add(candidates.stream().filter(c -> c.name().equals(f.name())).findFirst().orElseThrow());
        }
        int cap = TargetRanking.permutationCap(options.permutations(), chosen.size(), options.alpha());
        // the test alone, as the ranking runs it; its observed MI is the selection's relevance where that was
        // estimated on the same rows (the test's p-value is the same either way)
        SequentialPermutationTest.Result[] tests = new SequentialPermutationTest.Result[chosen.size()];
        java.util.stream.IntStream.range(0, tests.length).parallel()
                .forEach(i -> tests[i] = TargetRanking.test(chosen.get(i), target, options, cap, r.rows(),
                        r.selected().get(i).relevance()));
        double[] p = new double[tests.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = tests[i] == null ? Double.NaN : tests[i].pValue();
        }
        double[] q = dev.surprisal.inference.MultipleTesting.benjaminiHochberg(p);
        List<String> notes = new ArrayList<>(r.notes());
        for (int i = 0; i < tests.length; i++) {
            if (tests[i] != null && !(q[i] <= options.alpha())) {
                notes.add(String.format(Locale.ROOT, "%s: chosen without evidence: its information about %s is not"
                        + " beyond what shuffled data give (permutation p = %.3g, q = %.3g adjusted over the %d chosen"
                        + " features, above alpha = %.3g); the greedy step filled the count with it, it is not a"
                        + " finding: select fewer features or leave it out", chosen.get(i).name(), target.name(), p[i],
                        q[i], tests.length, options.alpha()));
            }
        }
        return new Result(r.selected(), r.method(), r.rows(), r.total(), notes);
    }

    /** The {@link TargetShare} note of each chosen feature that covers most of a discrete target's entropy. */
    private static List<String> shareNotes(List<SelectedFeature> chosen, List<MiVariable> features, MiVariable target,
                                           int[] rows, Base base) {
        List<String> notes = new ArrayList<>();
        if (!target.isDiscrete()) {
            return notes;
        }
        int[] y = MiPair.pick(target.labels, rows);
        dev.surprisal.counts.Counts ySizes = dev.surprisal.counts.LabelCounts.of(y);
        double h = TargetShare.entropyNats(y);
        for (SelectedFeature f : chosen) {
            MiVariable v = features.get(f.index());
            // the chance part as the ranking and the matrix take it: exact for two discrete columns, 0 for Ross
            TargetShare.Note note = v.isDiscrete()
                    ? TargetShare.note(target.name(), f.relevance(),
                            dev.surprisal.counts.LabelCounts.of(MiPair.pick(v.labels, rows)), ySizes, base)
                    : TargetShare.note(target.name(), f.relevance(), 0.0, h, rows.length, base);
            if (note.sentence() != null) {
                notes.add(f.name() + ": " + note.sentence());
            }
        }
        return notes;
    }

    /**
     * Estimator calls of a selection of {@code count} among {@code features}, at most: for a progress bar.
     *
     * @param features the number of candidate features
     * @param count    the number to select
     * @return the largest number of estimator calls, p + (count − 1)·p
     */
    public static long calls(int features, int count) {
        return features + (long) (count - 1) * features;
    }

    static double pair(double[] a, boolean da, double[] b, boolean db, int k) {
        return MiEstimator.forKinds(da, db).nats(da ? null : a, da ? labels(a) : null, db ? null : b,
                db ? labels(b) : null, k, null);
    }

    static double joint(double[][] a, boolean d0, boolean d1, double[] y, boolean dy, int k) {
        int n = y.length;
        if (d0 && d1) {
            int[] combined = combine(labels(a[0]), labels(a[1]));
            return dy ? MutualInformation.of(combined, labels(y), Base.NATS)
                    : RossMutualInformation.nats(PointSet.ofValues("c", y), combined, k);
        }
        if (!d0 && !d1) {
            PointSet x = PointSet.ofColumns("features", a);
            // values alone: the warnings of the estimators' repeats would be built for nobody to read
            return dy ? RossMutualInformation.nats(x, labels(y), k)
                    : KraskovMutualInformation.nats(x, PointSet.ofValues("target", y), k,
                            KraskovMutualInformation.Algorithm.KSG1);
        }
        return GaoMixedMutualInformation.estimate(PointSet.ofColumns("features", a), PointSet.wrap(n, 1, y.clone()),
                k, Base.NATS).nats();
    }

    private static int[] completeRows(List<MiVariable> columns) {
        int total = columns.get(0).rows();
        int[] keep = new int[total];
        int m = 0;
        outer:
        for (int i = 0; i < total; i++) {
            for (MiVariable c : columns) {
                if (c.isMissing(i)) {
                    continue outer;
                }
            }
            keep[m++] = i;
        }
        return java.util.Arrays.copyOf(keep, m);
    }

    // continuous: scaled and jittered values; discrete: labels as doubles (exact small integers)
    private static double[] values(MiVariable c, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = c.estimatorValue(rows[i]);
        }
        return out;
    }

    private static int[] labels(double[] v) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (int) v[i];
        }
        return out;
    }

    private static int[] combine(int[] a, int[] b) {
        int width = 0;
        for (int v : b) {
            width = Math.max(width, v + 1);
        }
        int[] out = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * width + b[i];
        }
        return out;
    }
}
