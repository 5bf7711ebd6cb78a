// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import dev.surprisal.data.roles.LabelVariants;

import dev.surprisal.core.ValidationException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The one place where the frozen {@link Bins} of a scored column are fitted on a reference, whatever
 * engine gathered the inputs. Each profiling path only gathers what a role needs, and hands it here:
 * <ul>
 *   <li>{@link FileProfiler} (Parquet, JSON, large CSV): DuckDB SQL gathers the edge sample
 *       ({@code min_by(x, k, edgeSample)}: the bottom-k {@link RowSample} of the finite values) or,
 *       with {@link ProfileOptions#exactEdges()}, {@code quantile_disc} at {@link #levels}; the
 *       distinct values; the category counts;</li>
 *   <li>{@link MemoryProfiler} (an in-memory table, and through {@link CsvProfiler} a CSV file read
 *       by Java): one pass in Java gathers the same, with {@link #edgeSample}.</li>
 * </ul>
 * The rules, per role:
 * <ul>
 *   <li>continuous ({@link NumericBins}): equal-frequency bins. The interior edges are the
 *       quantiles ({@link #quantileDisc}) at 0, 1/B, …, 1 of the edge sample, which is every finite
 *       value up to {@link ProfileOptions#edgeSample()} values (200,000 by default) or with exact
 *       edges, else the seeded bottom-k sample; the outer edges are the exact min and max. With
 *       fewer finite values than {@link ProfileOptions#MIN_PER_BIN} per bin, every step-th edge is
 *       kept ({@link ProfileOptions#binsFor}); tied edges merge. A value holding at least 1/B of the
 *       edge sample (an atom, like the 0 of a zero-inflated amount) gets a bin of its own and the
 *       other values' quantiles place the other edges ({@link #continuous}), on every path: DuckDB's
 *       exact edges ask the atom rule's questions in SQL ({@link ExactEdges}), the others hand it
 *       their sample;</li>
 *   <li>binary and discrete ({@link ValueBins}): one bin per distinct finite value;</li>
 *   <li>categorical ({@link CategoryBins}): the top K categories by count (ties by label), each
 *       seen at least the minimum count; the rest are "other".</li>
 * </ul>
 * The same inputs give the same bins on every path, so a profile does not depend on the engine.
 */
public final class Binning {
    private Binning() {
    }

    /**
     * The quantile levels of the continuous edges: 0, 1/B, …, 1.
     *
     * @param bins B, the requested bins per continuous column ({@link ProfileOptions#bins()})
     * @return B + 1 levels in increasing order
     * @throws ValidationException if {@code bins} is below 1
     */
    public static double[] levels(int bins) {
        if (bins < 1) {
            throw new ValidationException("bins: must be >= 1, got " + bins);
        }
        double[] p = new double[bins + 1];
        for (int j = 0; j <= bins; j++) {
            p[j] = (double) j / bins;
        }
        return p;
    }

    /**
     * The values whose quantiles place the edges: all of them when there are at most
     * {@link ProfileOptions#edgeSample()} or the options ask for exact edges, else the seeded
     * bottom-k {@link RowSample} of that size (the rows with the smallest keys).
     *
     * @param keys    each value's row key ({@link RowSample#key})
     * @param values  the column's finite values, in the same order as {@code keys}
     * @param options the edge sample size and whether edges are exact
     * @return the edge sample (not a copy when every value is used)
     * @throws ValidationException if {@code keys} and {@code values} differ in length
     */
    public static double[] edgeSample(long[] keys, double[] values, ProfileOptions options) {
        if (keys.length != values.length) {
            throw new ValidationException("values: length " + values.length + " differs from keys " + keys.length);
        }
        return values.length <= options.edgeSample() || options.exactEdges() ? values
                : RowSample.of(keys, values, options.edgeSample()).values();
    }

    /**
     * Equal-frequency bins from an edge sample: its quantiles at {@link #levels}, then
     * {@link #fromQuantiles}. A value that holds at least 1/B of the sample (an atom: 0 in a
     * zero-inflated amount, a sentinel such as −1 or 999) gets a bin of its own, [a, a + 1 ulp) (at the
     * top [a − 1 ulp, a]), labelled "= a" ({@link NumericBins#atom}), and the quantile edges are fitted on the other values
     * with the B − (atoms) bins left, so a shift of the non-atom values is not averaged away inside the
     * atom's bin. Without an atom the edges are exactly those of {@link #fromQuantiles}.
     *
     * @param sample  the edge sample of finite values ({@link #edgeSample}); not modified
     * @param finite  how many finite values the column has (the sample may hold fewer)
     * @param min     the column's exact smallest finite value
     * @param max     the column's exact largest finite value
     * @param options the requested bins
     * @return the bins; one edge at 0 when the column has no finite value
     */
    public static NumericBins continuous(double[] sample, long finite, double min, double max, ProfileOptions options) {
        if (sample.length == 0 || finite == 0) {
            return NumericBins.of(0.0);
        }
        int bins = options.bins();
        sample = zeroOnce(sample);
        double[] q = quantiles(sample, bins);
        double[] candidates = atomCandidates(q);
        double[] atoms = atoms(candidates, count(sample, candidates), sample.length, bins);
        if (atoms.length == 0) {
            return fromQuantiles(q, finite, min, max, options);
        }
        double[] rest = without(sample, atoms);
        double[] above = new double[atoms.length];
        for (int i = 0; i < atoms.length; i++) {
            above[i] = nextAbove(sample, atoms[i]);
        }
        double[] rq = rest.length == 0 ? new double[0] : quantiles(rest, restBins(bins, atoms.length));
        return continuous(q, sample.length, new AtomSplit(atoms, above, rq, rest.length), finite, min, max, options);
    }

    /**
     * What an engine that keeps its values to itself (DuckDB's exact quantiles over every row) found
     * for {@link #continuous(double[], long, AtomSplit, long, double, double, ProfileOptions)}, asked in
     * the order of this class's steps: the atoms among {@link #atomCandidates} by {@link #atoms}, then of
     * the values other than the atoms their quantiles at {@link #levels}{@code (}{@link #restBins}{@code )}
     * and their number, and the smallest value above each atom.
     *
     * @param atoms          the atoms, increasing (none: no atom)
     * @param above          the smallest value above each atom (NaN when none)
     * @param restQuantiles  the other values' quantiles at {@link #restBins} levels (empty when none is left)
     * @param rest           how many other values there are
     */
    record AtomSplit(double[] atoms, double[] above, double[] restQuantiles, long rest) {
        /** No atom. */
        static final AtomSplit NONE = new AtomSplit(new double[0], new double[0], new double[0], 0);
    }

    /**
     * {@link #continuous(double[], long, double, double, ProfileOptions)} from its steps' answers, the one
     * rule that every engine's edges go through: {@code quantiles} at {@link #levels}{@code (B)} of the
     * {@code size} edge values, and {@code split}, their atoms and the other values' quantiles.
     */
    static NumericBins continuous(double[] quantiles, long size, AtomSplit split, long finite, double min, double max,
                                  ProfileOptions options) {
        double[] atoms = split.atoms();
        if (atoms.length == 0 || split.rest() == 0) {
            return fromQuantiles(quantiles, finite, min, max, options);
        }
        // the other values get the bins the atoms leave, fitted on them alone; their count in the
        // column is estimated from the sample's share (exact when the sample is every value)
        long restFinite = Math.max(1, Math.round((double) finite * split.rest() / size));
        double[] rq = split.restQuantiles().clone();
        double[] restEdges = fromQuantiles(rq, restFinite, rq[0], rq[rq.length - 1], options).edges();
        double[] e = Arrays.copyOf(restEdges, restEdges.length + 2 + 2 * atoms.length);
        int n = restEdges.length;
        e[n++] = min;
        e[n++] = max;
        for (int i = 0; i < atoms.length; i++) {
            double a = atoms[i];
            // the atom's bin is [a, a + 1 ulp), which holds a alone and which NumericBins names "= a";
            // at the top [a − 1 ulp, a], since the last bin is closed
            e[n++] = a;
            e[n++] = a == max ? Math.nextDown(a) : Math.nextUp(a);
            // the next value above a starts the next bin already at a + 1 ulp: its own edge would leave a bin
            // (a, next value) that the reference never fills
            double above = split.above()[i];
            if (above < max && Arrays.binarySearch(atoms, above) < 0) {
                for (int j = 0; j < n; j++) {
                    e[j] = e[j] == above ? a : e[j];
                }
            }
        }
        return NumericBins.of(e);
    }

    /**
     * The sample with −0.0 read as 0.0 (a copy only when it holds one): the counts ({@link NumericBins#binOf}'s
     * {@code <=}) and DuckDB's {@code =} take them as one value, and an atom at 0 must hold both, where the
     * sorted search of the candidates ({@code Double.compare}) kept them apart (review15b).
     */
    private static double[] zeroOnce(double[] sample) {
        double[] v = null;
        for (int i = 0; i < sample.length; i++) {
            if (Double.doubleToRawLongBits(sample[i]) == Long.MIN_VALUE) {
                if (v == null) {
                    v = sample.clone();
                }
                v[i] = 0.0;
            }
        }
        return v == null ? sample : v;
    }

    /**
     * The values that may be atoms: the distinct quantiles at {@link #levels}, increasing. Any value
     * holding at least 1/B of the values spans one of the B + 1 quantile positions.
     *
     * @param quantiles the quantiles at {@link #levels}{@code (B)}; not modified
     * @return the candidates, to be counted exactly and given to {@link #atoms}
     */
    static double[] atomCandidates(double[] quantiles) {
        return Arrays.stream(quantiles).distinct().sorted().toArray();
    }

    /**
     * The atoms among the candidates: the values that hold at least 1/B of the {@code size} values (and at
     * least {@link ProfileOptions#MIN_PER_BIN}), such as 0 in a zero-inflated amount or a sentinel like −1
     * or 999. Quantile edges cannot resolve such a value: every level inside its run lands on it, the tied
     * edges merge and its bin swallows its neighbours, so the rest of the column loses its resolution.
     *
     * @param candidates {@link #atomCandidates}
     * @param counts     how many of the values equal each candidate, exactly
     * @param size       how many values the quantiles were taken of
     * @param bins       B
     * @return the atoms, increasing
     */
    static double[] atoms(double[] candidates, long[] counts, long size, int bins) {
        return IntStream.range(0, candidates.length)
                .filter(i -> counts[i] * (long) bins >= size && counts[i] >= ProfileOptions.MIN_PER_BIN)
                .mapToDouble(i -> candidates[i]).toArray();
    }

    /** The bins left to the values other than {@code atoms} atoms, of B: B − atoms, at least one. */
    static int restBins(int bins, int atoms) {
        return Math.max(1, bins - atoms);
    }

    /** How many values of the sample equal each of the (increasing) {@code values}, in one pass. */
    private static long[] count(double[] sample, double[] values) {
        long[] count = new long[values.length];
        for (double v : sample) {
            int i = Arrays.binarySearch(values, v);
            if (i >= 0) {
                count[i]++;
            }
        }
        return count;
    }

    /** The sample's values other than the atoms (sorted), in their order. */
    private static double[] without(double[] sample, double[] atoms) {
        double[] out = new double[sample.length];
        int n = 0;
        for (double v : sample) {
            if (Arrays.binarySearch(atoms, v) < 0) {
                out[n++] = v;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The smallest value of the sample above {@code a}, or NaN when there is none. */
    private static double nextAbove(double[] sample, double a) {
        double best = Double.NaN;
        for (double v : sample) {
            if (v > a && !(v >= best)) {
                best = v;
            }
        }
        return best;
    }

    /** The sample's quantiles ({@link #quantileDisc}) at {@link #levels}{@code (bins)}. */
    private static double[] quantiles(double[] sample, int bins) {
        double[] p = levels(bins);
        int[] at = new int[p.length];
        for (int j = 0; j < p.length; j++) {
            at[j] = quantileIndex(sample.length, p[j]);
        }
        // the values a sort would put there, selected without sorting the whole sample
        return OrderStatistics.at(sample.clone(), at);
    }

    /**
     * Equal-frequency bins from the quantiles at {@link #levels}, however they were computed: the
     * outer edges become the exact min and max, the interior ones are clamped into [min, max], and
     * with fewer bins allowed ({@link ProfileOptions#binsFor}) every step-th edge is kept (min and
     * max included). {@link NumericBins#of} then merges tied edges.
     *
     * @param quantiles the quantiles at 0, 1/B, …, 1 (B requested bins); modified in place
     * @param finite    how many finite values the column has
     * @param min       the column's exact smallest finite value
     * @param max       the column's exact largest finite value
     * @param options   the requested bins
     * @return the bins; one edge at 0 when there is no quantile or no finite value
     */
    public static NumericBins fromQuantiles(double[] quantiles, long finite, double min, double max,
                                            ProfileOptions options) {
        if (quantiles.length == 0 || finite == 0) {
            return NumericBins.of(0.0);
        }
        double[] q = quantiles;
        q[0] = min;
        q[q.length - 1] = max;
        for (int j = 1; j < q.length - 1; j++) {
            q[j] = Math.min(max, Math.max(min, q[j]));
        }
        int requested = q.length - 1;
        int allowed = options.binsFor(finite);
        if (requested <= allowed) {
            return NumericBins.of(q);
        }
        List<Double> e = new ArrayList<>();
        for (int j = 0; j <= allowed; j++) {
            e.add(q[(int) Math.round((double) j * requested / allowed)]);
        }
        return NumericBins.of(e.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * DuckDB's {@code quantile_disc} (SQL {@code PERCENTILE_DISC}): the smallest value whose
     * cumulative share reaches q, i.e. index ⌈n·q⌉ − 1 of the sorted values, computed as
     * max(1, n − ⌊n − n·q⌋) − 1 like DuckDB so that rounding agrees. An edge is always a data value.
     *
     * @param sorted the values in increasing order, at least one
     * @param q      the level, in [0, 1]
     * @return the value at that level
     */
    public static double quantileDisc(double[] sorted, double q) {
        return sorted[quantileIndex(sorted.length, q)];
    }

    /** The index of {@link #quantileDisc}'s value among n sorted values, increasing in q. */
    private static int quantileIndex(long n, double q) {
        return (int) (Math.max(1, n - (long) Math.floor(n - q * n)) - 1);
    }

    /**
     * One bin per distinct finite value.
     *
     * @param distinct the column's distinct finite values (any order)
     * @return the bins
     * @throws ValidationException if a value is not finite
     */
    public static ValueBins discrete(double[] distinct) {
        return ValueBins.of(distinct);
    }

    /**
     * The top K categories (count descending, then label), each seen at least the minimum count;
     * the rest is "other", all of it remembered ({@link OtherValues}) so that values the reference never had
     * are told apart at any cardinality up to {@link OtherValues#HASHED_CAP}.
     *
     * The other categories are counted in {@link #otherBuckets} hashed buckets ({@link CategoryBins#bucketOf}).
     *
     * @param counts  each category's count on the reference
     * @param options K ({@link ProfileOptions#topK()}) and the minimum count, and whether label variants are one
     *                category ({@link ProfileOptions#normalizeLabels()}: each group of spellings counts as its most
     *                frequent one, and the bins are {@link CategoryBins#folded()})
     * @return the bins
     */
    public static CategoryBins categorical(Map<String, Long> counts, ProfileOptions options) {
        // the variants are found either way: folded, the baseline says what it folded; not, it warns
        List<LabelVariants.Group> variants = LabelVariants.find(counts);
        boolean fold = options.normalizeLabels();
        Map<String, Long> labels = fold ? LabelVariants.fold(counts, variants) : counts;
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(labels.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<String> top = new ArrayList<>();
        List<String> others = new ArrayList<>();
        long rows = 0;
        long otherRows = 0;
        for (Map.Entry<String, Long> e : sorted) {
            rows += e.getValue();
            if (top.size() < options.topK() && e.getValue() >= options.minCategoryCount()) {
                top.add(e.getKey());
            } else {
                others.add(e.getKey());
                otherRows += e.getValue();
            }
        }
        // folded bins know their other categories by key, so that any spelling of one is "other", not new
        List<String> otherKeys = fold ? others.stream().map(LabelVariants::key).distinct().toList() : others;
        return CategoryBins.of(top, OtherValues.of(otherKeys),
                otherBuckets(otherRows, otherKeys.size(), rows, options.minCategoryCount()), fold,
                variants.size() > VARIANT_GROUPS_KEPT ? variants.subList(0, VARIANT_GROUPS_KEPT) : variants);
    }

    /** The least share of the reference's rows in its other categories for them to be counted in buckets. */
    public static final double OTHER_BUCKETS_MIN_SHARE = 0.05;

    /**
     * How many hashed buckets the other categories of a categorical column are counted in:
     * B = min({@value CategoryBins#MAX_OTHER_BUCKETS}, ⌊otherRows / (2·minCount)⌋, ⌊otherValues / 2⌋), and 1 (one
     * "other" bin, as before buckets) when that is under 2 or the other categories hold under
     * {@value #OTHER_BUCKETS_MIN_SHARE} of the rows. Why: a bucket expects 2·minCount reference rows on average, so
     * the uneven hashed buckets still expect about the minimum count of a kept category (the χ² null's validity),
     * and holds two categories or more (one would be a noisy category bin); a tail under 5% can hide at most 5
     * points of total variation, under the TV warn band, so its buckets would add degrees of freedom (and lower
     * the power on the top values) for no verdict they could change.
     *
     * @param otherRows   the reference's rows in its other categories
     * @param otherValues how many other categories it has
     * @param rows        the reference's rows with a category
     * @param minCount    the fewest occurrences of a kept category
     * @return the number of buckets, 1 to {@value CategoryBins#MAX_OTHER_BUCKETS}
     */
    public static int otherBuckets(long otherRows, long otherValues, long rows, int minCount) {
        if (otherRows < OTHER_BUCKETS_MIN_SHARE * rows) {
            return 1;
        }
        long b = Math.min(CategoryBins.MAX_OTHER_BUCKETS, Math.min(otherRows / (2L * minCount), otherValues / 2));
        return b < 2 ? 1 : (int) b;
    }

    /** Most label-variant groups a column's bins keep for the baseline's note (the largest first). */
    static final int VARIANT_GROUPS_KEPT = 1_000;
}
