// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.selection;

import dev.surprisal.continuous.GaoMixedMutualInformation;
import dev.surprisal.continuous.KraskovMutualInformation;
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
 * Greedy forward selection of features about a target ({@link FeatureSelection}: mRMR, Peng, Long and Ding 2005,
 * or JMI, Yang and Moody 1999 / Brown et al. 2012) with the estimators chosen by column kind, every term on the rows
 * where its own columns have a value (pairwise rows: a column empty on most rows costs only its own terms those
 * rows, never the target's rows). Continuous columns are never binned:
 * <ul>
 *   <li>I(f;s) and I(f;y): KSG1 (two continuous), Ross (one discrete), plug-in (two discrete), the pair's estimate
 *       of the ranking ({@link MiPair}, estimator by {@link dev.surprisal.continuous.MiEstimator});</li>
 *   <li>I(f, s; y) for JMI: KSG1 with a 2-D X when all three are continuous; Ross with a 2-D continuous
 *       side, or with the pair's combined label, when the other side is discrete; plug-in when all are
 *       discrete; the Gao et al. (2017) mixed estimator when the pair mixes a discrete and a continuous column.</li>
 * </ul>
 * <b>Every term is MI above chance</b>, the statistic the ranking ranks by: a plug-in term less its exact expected
 * value under random pairing of the two value counts ({@link MiPair#chanceNats()}, Vinh, Epps and Bailey 2010: the
 * mean of the permutation null without its noise), a kNN or mixed term as it is (its chance part is about 0). The
 * plug-in MI of a column with many values is large by chance alone: a 5,000-value column against a 0/1 target on
 * 10,000 rows has 0.27 bits of it, and against a 4-value column 0.87 bits; raw MI made such a column the most relevant
 * feature (relevance) and made it look redundant with everything (redundancy). Above chance it scores about 0 and
 * the real predictors are chosen. The chance part is the bias under independence; where one column is a function of
 * the other the plug-in MI is exactly the smaller entropy and has none, so the part subtracted shrinks with the share
 * of that entropy explained beyond chance ({@link TargetShare#share}): all of it for independent columns, none for a
 * function. (The Miller–Madow value (K − 1)(L − 1)/(2n) is this correction only when
 * n ≫ K·L; the exact value holds at any n.) Values in nats.
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
     * @param rows     rows where the target has a value (each term uses the rows where its own columns have one)
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
         * @param rows     rows where the target has a value (each term uses the rows where its own columns have one)
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

    /** What every term of the criteria is, in words (the outputs' {@code terms}). */
    public static final String TERMS = "every term is MI above chance on the rows where its columns have a value:"
            + " a plug-in term less its exact expected value under random pairing of the value counts (the"
            + " permutation-null mean, Vinh, Epps and Bailey 2010; the part subtracted shrinks with the share of the"
            + " smaller entropy explained beyond chance, none for a function of one column), a kNN or mixed term as"
            + " estimated (its chance part is about 0); clipped at 0";

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
     * @throws ValidationException if count is out of range, the target is constant, or a term has too few rows
     *                             (the message names its columns and the rows each has)
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
     * @throws ValidationException if count is out of range, the target is constant, or a term has too few rows
     *                             (the message names its columns and the rows each has)
     */
    public static Result select(List<MiVariable> candidates, MiVariable target, int count, Method method, int k,
                                Base base, Runnable progress) {
        List<MiVariable> features = candidates.stream().filter(c -> c != target && !c.name().equals(target.name()))
                .toList();
        if (count < 1 || count > features.size()) {
            throw new ValidationException("count: " + count + " must lie in [1, " + features.size()
                    + "], the number of features besides " + target.name());
        }
        TargetRanking.requireVarying(target.name(), target.isConstant());
        // the criterion sees each column as an array; the terms are estimated from the variables, each on the rows
        // where its own columns have a value (a column empty on most rows costs only its own terms those rows)
        Map<double[], MiVariable> variable = new IdentityHashMap<>();
        String[] names = new String[features.size()];
        double[][] columns = new double[features.size()][];
        for (int j = 0; j < features.size(); j++) {
            names[j] = features.get(j).name();
            columns[j] = placeholder(features.get(j));
            variable.put(columns[j], features.get(j));
        }
        double[] y = placeholder(target);
        variable.put(y, target);
        Runnable step = progress == null ? () -> { } : progress;
        DependenceMeasure pairMi = (a, b) -> {
            step.run();
            return aboveChance(variable.get(a), variable.get(b), k);
        };
        List<SelectedFeature> chosen = method == Method.MRMR
                ? FeatureSelection.mrmr(names, columns, y, count, pairMi)
                : FeatureSelection.jmi(names, columns, y, count, pairMi, (a, b) -> {
                    step.run();
                    return jointAboveChance(variable.get(a[0]), variable.get(a[1]), variable.get(b), k);
                });
        return new Result(chosen, method, target.present(), target.rows(),
                shareNotes(chosen, features, target, k, base));
    }

    /**
     * I(a;b) above chance, nats: the pair's estimate on the rows where both have a value ({@link MiPair}, the
     * ranking's estimate) less its chance part ({@link MiPair#chanceNats()}: the exact permutation-null mean of a
     * plug-in pair, 0 for kNN).
     */
    static double aboveChance(MiVariable a, MiVariable b, int k) {
        MiPair pair = MiPair.of(a, b, k);
        if (pair.isConstant()) {
            return 0.0;
        }
        double mi = pair.nats();
        double chance = pair.chanceNats();
        if (!(chance > 0)) {
            return mi;
        }
        // the chance part is the bias under independence; where one column is a function of the other the plug-in
        // MI is exactly the smaller entropy and has no such bias. The part subtracted shrinks with the share of that
        // entropy explained beyond chance (TargetShare.share): all of it for independent columns, none for a
        // function (1,000 postcodes that determine 300 cities on 3,000 rows keep their MI, not MI - 4 nats, and are
        // chosen before a copy of the city with 30% of its rows moved)
        double h = Math.min(TargetShare.entropyNats(MiPair.pick(a.labels, pair.rows())),
                TargetShare.entropyNats(MiPair.pick(b.labels, pair.rows())));
        double share = TargetShare.share(mi, chance, h, pair.n());
        // only a pair that behaves like a function (TargetShare's flag) is spared its chance part: a share from a
        // noisy many-valued column would multiply its noise (review13c: an independent 9,000-value column on 10,000
        // rows scored above a real 0/1 predictor in one run in five)
        double explained = Double.isNaN(share) || TargetShare.Flag.of(share) == TargetShare.Flag.NONE ? 0.0
                : Math.max(0.0, Math.min(1.0, share));
        return mi - chance * (1.0 - explained);
    }

    /**
     * I(f, s; y) above chance, nats, on the rows where the three have a value: for three discrete columns the
     * plug-in MI of the pair's combined label less its exact expected value under random pairing; the kNN and mixed
     * estimators as they are (their chance part is about 0).
     */
    static double jointAboveChance(MiVariable f, MiVariable s, MiVariable y, int k) {
        int[] rows = present(f, s, y);
        if (rows.length <= k) {
            throw new ValidationException(f.name() + ", " + s.name() + " and " + y.name() + ": only " + rows.length
                    + " rows have all three values (" + f.name() + " has " + f.present() + ", " + s.name() + " "
                    + s.present() + ", " + y.name() + " " + y.present() + "); the estimators need more than k = " + k);
        }
        double[] a0 = values(f, rows);
        double[] a1 = values(s, rows);
        double[] t = values(y, rows);
        double nats = joint(new double[][] {a0, a1}, f.isDiscrete(), s.isDiscrete(), t, y.isDiscrete(), k);
        if (f.isDiscrete() && s.isDiscrete() && y.isDiscrete()) {
            nats -= TargetShare.plugInChance(dev.surprisal.counts.LabelCounts.of(combine(labels(a0), labels(a1))),
                    dev.surprisal.counts.LabelCounts.of(labels(t)));
        }
        return nats;
    }

    /** The column as the criterion's array: its estimator values, 0 where missing (the terms never read them). */
    private static double[] placeholder(MiVariable v) {
        double[] out = new double[v.rows()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.isMissing(i) ? 0.0 : v.estimatorValue(i);
        }
        return out;
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
     * @throws ValidationException if count is out of range, the target is constant, or a term has too few rows
     *                             (the message names its columns and the rows each has)
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
        // the test alone, as the ranking runs it; its observed MI is the relevance of a kNN pair (its own estimate on
        // the pair's rows, whose chance part is 0: aboveChance); a plug-in pair is estimated there (the p-value is the
        // same either way). The rows are the pair's by construction, so no second pair is built to count them
        SequentialPermutationTest.Result[] tests = new SequentialPermutationTest.Result[chosen.size()];
        java.util.stream.IntStream.range(0, tests.length).parallel()
                .forEach(i -> tests[i] = TargetRanking.test(chosen.get(i), target, options, cap,
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

    /**
     * The {@link TargetShare} note of each chosen feature that covers most of a discrete target's entropy, from the
     * pair's own estimate on its rows (the relevance is above chance and clipped, not the MI the note starts from).
     */
    private static List<String> shareNotes(List<SelectedFeature> chosen, List<MiVariable> features, MiVariable target,
                                           int k, Base base) {
        List<String> notes = new ArrayList<>();
        if (!target.isDiscrete()) {
            return notes;
        }
        for (SelectedFeature f : chosen) {
            MiVariable v = features.get(f.index());
            MiPair pair = MiPair.of(v, target, k);
            if (pair.isConstant()) {
                continue;
            }
            int[] rows = pair.rows();
            int[] y = MiPair.pick(target.labels, rows);
            // the chance part as the ranking and the matrix take it: exact for two discrete columns, 0 for Ross
            TargetShare.Note note = v.isDiscrete()
                    ? TargetShare.note(target.name(), pair.nats(),
                            dev.surprisal.counts.LabelCounts.of(MiPair.pick(v.labels, rows)),
                            dev.surprisal.counts.LabelCounts.of(y), base)
                    : TargetShare.note(target.name(), pair.nats(), 0.0, TargetShare.entropyNats(y), rows.length, base);
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

    /** The rows where every one of the columns has a value. */
    private static int[] present(MiVariable... columns) {
        int total = columns[0].rows();
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
