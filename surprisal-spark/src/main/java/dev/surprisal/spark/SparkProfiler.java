// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.spark;

import dev.surprisal.core.ColumnRole;
import dev.surprisal.data.DataException;
import dev.surprisal.data.profile.Binning;
import dev.surprisal.data.profile.Bins;
import dev.surprisal.data.profile.PartialProfiles;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileJson;
import dev.surprisal.data.profile.ProfileOptions;
import dev.surprisal.data.profile.RowSample;
import dev.surprisal.data.profile.SampledDistinct;
import dev.surprisal.data.roles.ColumnRoles;
import dev.surprisal.data.roles.ColumnStats;
import dev.surprisal.data.roles.DateLayout;
import dev.surprisal.data.roles.NumberConvention;
import dev.surprisal.data.roles.RoleRules;
import dev.surprisal.data.roles.RoleDecision;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drift profiles of a Spark {@link Dataset}, identical to the local engine's
 * ({@code ProfileBuilder.fit} and {@code count} in {@code surprisal-data}): the same roles, bins,
 * counts, missing, invalid and unseen cells, seeded samples and JSON ({@link ProfileJson}). So a
 * profile fitted here is checked locally and a local one here, and both go to the same store.
 *
 * <p>How it stays identical: every cell is read by the local engine's Java rules
 * ({@link SparkCells}, {@code Cells}); the role statistics are Spark aggregates of those parsed cells
 * (exact counts; distinct counts exact, or from the edge sample where the local engine takes them
 * from it, {@link SampledDistinct}); bins are fitted on the driver by
 * {@code surprisal-data}'s {@link Binning} from exact per-partition material; counting runs
 * {@code surprisal-data}'s own counting code in each partition, 65,536 rows at a time; the
 * per-partition results are merged on the driver in partition order. Each row's position in the
 * Dataset (partition by partition, in order) numbers it, as the local engine numbers a file's rows:
 * it locates invalid cells and keys the seeded bottom-k {@link RowSample}s, which Spark's
 * {@code Dataset.sample} cannot replace (its sample changes with the partitioning). For a single
 * file read by Spark, that position is the row's position in the file.
 *
 * <p>Cost: a fit scans the Dataset three to six times (partition sizes, role counters with the typed
 * columns' edge samples, and again for the decimal-comma columns alone, distinct values where exact
 * counts are needed, bin material unless every scored column is typed and continuous, counts, key
 * distinct counts) and a count two or three times (sizes, counts, key distinct counts); cache the Dataset if its source is slow to read. Exact
 * distinct counts shuffle; everything else returns one small result per partition (columns × bins
 * longs, plus the samples) and never shuffles.
 */
public final class SparkProfiler {
    private SparkProfiler() {
    }

    /**
     * Fits a reference profile on a Dataset; invalid cells are located by row. Its number columns are
     * typed, as a Parquet file's are for the local engine: past 10⁶ rows their distinct counts come
     * from the edge sample where the role allows ({@link SampledDistinct}), as locally.
     *
     * @param data    the reference rows
     * @param options how to profile them (as {@code surprisal drift baseline})
     * @return the reference profile, as {@code ProfileBuilder.fit} gives on the same rows
     * @throws DataException when the Dataset has no rows or an option names a column it lacks
     */
    public static Profile fit(Dataset<Row> data, ProfileOptions options) {
        return fit(data, options, false);
    }

    /**
     * Fits a reference profile on a Dataset.
     *
     * @param data     the reference rows
     * @param options  how to profile them
     * @param csvLines true to locate invalid cells by CSV line (the header is line 1), as the local
     *                 engine does for a CSV file; false for "row N"
     * @return the reference profile
     * @throws DataException when the Dataset has no rows or an option names a column it lacks
     */
    public static Profile fit(Dataset<Row> data, ProfileOptions options, boolean csvLines) {
        return fit(data, options, csvLines, true);
    }

    /**
     * {@link #fit(Dataset, ProfileOptions, boolean)}, saying whether the Dataset's number columns are
     * typed as a Parquet file's are for the local engine ({@code typed}: past
     * {@link SampledDistinct#appliesTo} rows, their distinct counts come from the edge sample where the
     * role allows) or are read from text, as the local engine reads a JSON file's (exact distinct counts).
     */
    static Profile fit(Dataset<Row> data, ProfileOptions options, boolean csvLines, boolean typed) {
        List<String> available = Arrays.asList(data.columns());
        options.roles().validate(available, null);
        List<String> selected = options.roles().selected(available);
        Dataset<Row> sel = select(data, selected);
        long[] offsets = offsets(sel);
        long rows = offsets[offsets.length - 1];
        if (rows == 0) {
            throw new DataException(null, -1, null, "no rows: the Dataset has columns but no data", null);
        }
        SparkCells cells = SparkCells.of(sel.schema(), selected);
        RoleFit fit = roleFit(sel, cells, typed && SampledDistinct.appliesTo(rows) ? offsets : null, options.edgeSample());
        // reasons worded from the column types, as for a typed file locally (a BOOLEAN's true/false values, …)
        ColumnRoles roles = ColumnRoles.of(fit.stats, available, options.roles(), null).typed(SparkTypes.schema(sel.schema()));
        List<RoleDecision> ds = roles.decisions();
        cells = cells.withConventions(ds.stream().map(RoleDecision::convention).toList());
        Map<String, Bins> bins = fitBins(sel, cells, ds, offsets, options, fit.samples);
        Profile reference = PartialProfiles.reference(ds, bins, roles.excluded());
        return count(sel, cells, reference, offsets, csvLines);
    }

    /**
     * Counts a Dataset on a reference's frozen roles and bins; invalid cells are located by row.
     *
     * @param data      the rows of a day
     * @param reference the reference profile (fitted here or locally)
     * @return the day's profile, as {@code ProfileBuilder.count} gives on the same rows
     * @throws DataException when the Dataset has no rows or lacks a column of the reference
     */
    public static Profile count(Dataset<Row> data, Profile reference) {
        return count(data, reference, false);
    }

    /**
     * Counts a Dataset on a reference's frozen roles and bins.
     *
     * @param data      the rows of a day
     * @param reference the reference profile
     * @param csvLines  true to locate invalid cells by CSV line (the header is line 1)
     * @return the day's profile
     * @throws DataException when the Dataset has no rows or lacks a column of the reference
     */
    public static Profile count(Dataset<Row> data, Profile reference, boolean csvLines) {
        List<String> names = reference.columnNames();
        Set<String> available = new HashSet<>(Arrays.asList(data.columns()));
        for (String n : names) {
            if (!available.contains(n)) {
                throw new DataException(null, -1, n, "column '" + n + "' of the reference is not in the data (columns: "
                        + String.join(", ", data.columns()) + ")", null);
            }
        }
        Dataset<Row> sel = select(data, names);
        long[] offsets = offsets(sel);
        if (offsets[offsets.length - 1] == 0) {
            throw new DataException(null, -1, null, "no rows: the Dataset has columns but no data", null);
        }
        Profile empty = PartialProfiles.reference(reference.roles().decisions(), binsOf(reference), reference.excluded());
        // the reference's frozen conventions: a day written without a decimal comma is still read with it
        return count(sel, SparkCells.of(sel.schema(), names).withConventions(reference.columns().stream()
                .map(dev.surprisal.data.profile.ColumnProfile::convention).toList()), empty, offsets, csvLines);
    }

    private static Map<String, Bins> binsOf(Profile p) {
        Map<String, Bins> out = new HashMap<>();
        p.columns().forEach(c -> {
            if (c.bins() != null) {
                out.put(c.name(), c.bins());
            }
        });
        return out;
    }

    static Dataset<Row> select(Dataset<Row> data, List<String> names) {
        Column[] cols = names.stream().map(n -> functions.col("`" + n.replace("`", "``") + "`")).toArray(Column[]::new);
        return data.select(cols);
    }

    /**
     * Row offsets per partition of {@code sel.javaRDD()}, plus the total as the last entry, counted on
     * Spark's internal rows (the same plan and partitions as the Dataset's {@code rdd()}, without
     * turning every cell into a Java object). The jobs that use them check their partition's size.
     */
    static long[] offsets(Dataset<Row> sel) {
        return offsets(internalRows(sel));
    }

    /**
     * The Dataset as Spark's internal rows: the same plan and partitions as its {@code javaRDD()}, without a
     * {@link Row} and a boxed object per cell ({@link SparkCells#chunk} reads them into primitive columns).
     */
    static org.apache.spark.api.java.JavaRDD<org.apache.spark.sql.catalyst.InternalRow> internalRows(Dataset<Row> sel) {
        return sel.queryExecution().toRdd().toJavaRDD();
    }

    /** Row offsets per partition, plus the total as the last entry. */
    static <T> long[] offsets(JavaRDD<T> rdd) {
        return offsets(rdd.mapPartitionsWithIndex(new PartitionJobs.Sizes<T>(), true).collect(), rdd.getNumPartitions());
    }

    /** The offsets from {partition, rows} pairs in any order: long sums, a partition may hold more than 2³¹ rows. */
    static long[] offsets(List<long[]> sizes, int partitions) {
        long[] out = new long[partitions + 1];
        for (long[] s : sizes) {
            out[(int) s[0] + 1] = s[1];
        }
        for (int i = 1; i < out.length; i++) {
            out[i] += out[i - 1];
        }
        return out;
    }

    /** The role statistics of each column and, when sampled, the merged edge sample of each typed number column. */
    private record RoleFit(List<ColumnStats> stats, Map<Integer, PartitionJobs.FiniteSample> samples) {
    }

    /** Role statistics with exact distinct counts (as the local engine's text scan gives them). */
    static List<ColumnStats> roleStats(Dataset<Row> sel, SparkCells cells) {
        return roleFit(sel, cells, null, 0).stats;
    }

    /**
     * Role statistics in one scan of counters (plus one distinct-value shuffle where exact distinct
     * counts are needed). With {@code offsets}, every typed number column also gets its bottom-{@code
     * edgeSample} edge sample, and its distinct count comes from it where the role allows
     * ({@link SampledDistinct}, as the local engine profiles a Parquet file); without, every distinct
     * count is exact.
     */
    private static RoleFit roleFit(Dataset<Row> sel, SparkCells cells, long[] offsets, int edgeSample) {
        RoleFit first = roleFitIn(sel, cells, offsets, edgeSample);
        // a decimal-comma column's numbers again, read in its convention, which only the whole column's comma
        // counts decide (rare: one more scan, of those columns only; the others' statistics stand)
        List<NumberConvention> read = first.stats.stream().map(RoleRules::convention).toList();
        List<Integer> again = new ArrayList<>();
        for (int j = 0; j < cells.size(); j++) {
            if (read.get(j) != cells.convention(j)) {
                again.add(j);
            }
        }
        if (again.isEmpty()) {
            return first;
        }
        // text columns (a typed number has no comma): no edge sample, exact distinct counts, so no row offsets
        List<String> names = again.stream().map(cells::name).toList();
        Dataset<Row> some = select(sel, names);
        RoleFit second = roleFitIn(some, SparkCells.of(some.schema(), names)
                .withConventions(again.stream().map(read::get).toList()), null, 0);
        List<ColumnStats> stats = new ArrayList<>(first.stats);
        for (int k = 0; k < again.size(); k++) {
            stats.set(again.get(k), second.stats.get(k));
        }
        return new RoleFit(stats, first.samples);
    }

    /** {@link #roleFit} with the columns' numbers read in {@code cells}' conventions. */
    private static RoleFit roleFitIn(Dataset<Row> sel, SparkCells cells, long[] offsets, int edgeSample) {
        List<PartitionJobs.RolePart> parts = new ArrayList<>(internalRows(sel)
                .mapPartitionsWithIndex(new PartitionJobs.Roles(cells, offsets, edgeSample), true).collect());
        parts.sort(Comparator.comparingInt(p -> p.partition));
        int c = cells.size();
        long rows = parts.stream().mapToLong(p -> p.rows).sum();
        long[][] k = new long[c][PartitionJobs.RolePart.LAYOUTS_AT + DateLayout.Counts.NONE.counts().size()];
        double[] min = new double[c];
        double[] max = new double[c];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int j = 0; j < c; j++) {
            for (PartitionJobs.RolePart p : parts) {
                for (int i = 0; i < k[j].length; i++) {
                    k[j][i] += p.counts[j][i];
                }
                min[j] = Math.min(min[j], p.min[j]);
                max[j] = Math.max(max[j], p.max[j]);
            }
        }
        Map<Integer, PartitionJobs.FiniteSample> samples = new HashMap<>();
        long[] distinct = new long[c];
        boolean[] known = new boolean[c];
        boolean[] exact = new boolean[c];
        for (int j = 0; j < c; j++) {
            if (offsets == null || !cells.numeric(j)) {
                exact[j] = true;
                continue;
            }
            int col = j;
            PartitionJobs.FiniteSample s = PartitionJobs.FiniteSample.merge(parts.stream().map(p -> p.samples[col])
                    .toList(), edgeSample);
            samples.put(j, s);
            distinct[j] = SampledDistinct.ofSample(s.values, min[j], max[j]);
            known[j] = s.values.length == s.finite;
            exact[j] = SampledDistinct.needsExact(s.values.length, s.finite, distinct[j], k[j][2], k[j][1]);
        }
        Map<Integer, Long> counted = distinct(sel, cells, exact, false);
        List<ColumnStats> out = new ArrayList<>();
        for (int j = 0; j < c; j++) {
            long distinctNumbers = exact[j] ? counted.getOrDefault(2 * j, 0L) : distinct[j];
            long distinctTexts = cells.numeric(j) ? distinctNumbers : counted.getOrDefault(2 * j + 1, 0L);
            ColumnStats s = new ColumnStats(cells.name(j), rows, rows - k[j][0], k[j][1], k[j][2], distinctNumbers,
                    distinctTexts, k[j][3], k[j][4], min[j], max[j], false,
                    // as the file's reader reads them: a ';'-separated file, or --decimal (RoleScan.hinted locally)
                    SparkTypes.hint(sel.schema().apply(cells.name(j))).apply(commas(parts, j)))
                    .withLayouts(DateLayout.Counts.of(java.util.Arrays.copyOfRange(k[j], PartitionJobs.RolePart.LAYOUTS_AT,
                            k[j].length)).kept(k[j][0], k[j][3] + k[j][4]));
            s = exact[j] || known[j] ? s : s.withDistinctAtLeast();
            if (s.monotoneCandidate()) { // fewer than 100 present cells, all kept in row order
                double prev = Double.NEGATIVE_INFINITY;
                boolean up = true;
                for (PartitionJobs.RolePart p : parts) {
                    for (double v : p.firstNumbers[j]) {
                        up &= v > prev;
                        prev = v;
                    }
                }
                s = s.withIncreasing(up);
            }
            out.add(s);
        }
        return new RoleFit(out, samples);
    }

    /** Column j's cells by comma kind: the partitions' summed, each kind's example the smallest of theirs. */
    private static ColumnStats.Commas commas(List<PartitionJobs.RolePart> parts, int j) {
        return parts.stream().map(p -> p.commas[j]).reduce(ColumnStats.Commas.NONE, ColumnStats.Commas::plus);
    }

    /**
     * Exact distinct counts per slot of {@link PartitionJobs.DistinctCells} of the {@code counted}
     * columns, in one shuffle; none when no column is counted.
     */
    private static Map<Integer, Long> distinct(Dataset<Row> sel, SparkCells cells, boolean[] counted, boolean textOnly) {
        Map<Integer, Long> out = new HashMap<>();
        boolean any = false;
        for (boolean b : counted) {
            any |= b;
        }
        if (!any) {
            return out;
        }
        StructType schema = new StructType(new StructField[] {
            DataTypes.createStructField("j", DataTypes.IntegerType, false),
            DataTypes.createStructField("x", DataTypes.LongType, false),
            DataTypes.createStructField("v", DataTypes.StringType, true)});
        Dataset<Row> pairs = sel.mapPartitions(new PartitionJobs.DistinctCells(cells, counted, textOnly),
                Encoders.row(schema));
        for (Row r : pairs.distinct().groupBy("j").count().collectAsList()) {
            out.put(r.getInt(0), r.getLong(1));
        }
        return out;
    }

    /**
     * The bins of the scored columns: a typed continuous column's from its edge sample taken with the
     * role statistics ({@code typedSamples}, unless edges are exact), every other one's from one more
     * scan ({@link PartitionJobs.Fit}), skipped when no column needs it.
     */
    private static Map<String, Bins> fitBins(Dataset<Row> sel, SparkCells cells, List<RoleDecision> ds, long[] offsets,
                                             ProfileOptions o, Map<Integer, PartitionJobs.FiniteSample> typedSamples) {
        ColumnRole[] roles = new ColumnRole[cells.size()];
        ColumnRole[] scanned = new ColumnRole[cells.size()];
        boolean scan = false;
        for (int j = 0; j < roles.length; j++) {
            roles[j] = ds.get(j).role();
            boolean fromSample = roles[j] == ColumnRole.CONTINUOUS && typedSamples.containsKey(j) && !o.exactEdges();
            scanned[j] = roles[j].isScored() && !fromSample ? roles[j] : null;
            scan |= scanned[j] != null;
        }
        int sample = o.exactEdges() ? Integer.MAX_VALUE : o.edgeSample();
        List<PartitionJobs.FitPart> parts = !scan ? new ArrayList<>() : new ArrayList<>(sel.javaRDD()
                .mapPartitionsWithIndex(new PartitionJobs.Fit(cells, scanned, offsets, sample), true).collect());
        parts.sort(Comparator.comparingInt(p -> p.partition));
        Map<String, Bins> out = new LinkedHashMap<>();
        for (int j = 0; j < roles.length; j++) {
            if (!roles[j].isScored()) {
                continue;
            }
            if (scanned[j] == null) { // a typed continuous column: the edge sample of the role scan
                PartitionJobs.FiniteSample s = typedSamples.get(j);
                out.put(cells.name(j), Binning.continuous(s.values, s.finite, s.min, s.max, o));
                continue;
            }
            if (roles[j] == ColumnRole.CATEGORICAL) {
                Map<String, Long> counts = new HashMap<>();
                for (PartitionJobs.FitPart p : parts) {
                    p.categories.get(j).forEach((k, v) -> counts.merge(k, v, Long::sum));
                }
                out.put(cells.name(j), Binning.categorical(counts, o));
            } else if (roles[j] != ColumnRole.CONTINUOUS) {
                Set<Double> distinct = new HashSet<>();
                for (PartitionJobs.FitPart p : parts) {
                    distinct.addAll(p.distinct.get(j));
                }
                out.put(cells.name(j), Binning.discrete(distinct.stream().mapToDouble(Double::doubleValue)
                        .toArray()));
            } else {
                int col = j;
                PartitionJobs.FiniteSample s = PartitionJobs.FiniteSample.merge(parts.stream().map(p -> p.samples[col])
                        .toList(), sample);
                out.put(cells.name(j), Binning.continuous(Binning.edgeSample(s.keys, s.values, o), s.finite, s.min, s.max,
                        o));
            }
        }
        return out;
    }

    private static Profile count(Dataset<Row> sel, SparkCells cells, Profile reference, long[] offsets,
                                 boolean csvLines) {
        List<String[]> parts = new ArrayList<>(internalRows(sel).mapPartitionsWithIndex(
                new PartitionJobs.Count(cells, ProfileJson.write(reference), offsets, csvLines), true).collect());
        parts.sort(Comparator.comparingInt(p -> Integer.parseInt(p[0])));
        List<Profile> profiles = parts.stream().map(p -> ProfileJson.read(p[1])).toList();
        return PartialProfiles.finish(PartialProfiles.merge(profiles), keyDistinct(sel, reference));
    }

    /** Exact distinct counts of the unscored columns' present values (as text), for the key checks. */
    private static Map<String, Long> keyDistinct(Dataset<Row> sel, Profile reference) {
        List<String> keys = reference.columns().stream().filter(c -> !c.scored()).map(c -> c.name()).toList();
        Map<String, Long> out = new HashMap<>();
        if (keys.isEmpty()) {
            return out;
        }
        Dataset<Row> k = select(sel, keys);
        boolean[] all = new boolean[keys.size()];
        Arrays.fill(all, true);
        Map<Integer, Long> d = distinct(k, SparkCells.of(k.schema(), keys), all, true);
        for (int j = 0; j < keys.size(); j++) {
            out.put(keys.get(j), d.getOrDefault(2 * j + 1, 0L));
        }
        return out;
    }
}
