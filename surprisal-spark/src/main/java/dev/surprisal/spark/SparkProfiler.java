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
import dev.surprisal.data.roles.ColumnRoles;
import dev.surprisal.data.roles.ColumnStats;
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
 * (exact counts, exact {@code count(DISTINCT)}); bins are fitted on the driver by
 * {@code surprisal-data}'s {@link Binning} from exact per-partition material; counting runs
 * {@code surprisal-data}'s own counting code in each partition, 65,536 rows at a time; the
 * per-partition results are merged on the driver in partition order. Each row's position in the
 * Dataset (partition by partition, in order) numbers it, as the local engine numbers a file's rows:
 * it locates invalid cells and keys the seeded bottom-k {@link RowSample}s, which Spark's
 * {@code Dataset.sample} cannot replace (its sample changes with the partitioning). For a single
 * file read by Spark, that position is the row's position in the file.
 *
 * <p>Cost: a fit scans the Dataset six times (partition sizes, role counters, distinct values, bin
 * material, counts, key distinct counts) and a count three times (sizes, counts, key distinct counts); cache the
 * Dataset if its source is slow to read. Exact distinct counts shuffle; everything else returns one
 * small result per partition (columns × bins longs, plus the samples) and never shuffles.
 */
public final class SparkProfiler {
    private SparkProfiler() {
    }

    /**
     * Fits a reference profile on a Dataset; invalid cells are located by row.
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
        List<String> available = Arrays.asList(data.columns());
        options.roles().validate(available, null);
        List<String> selected = options.roles().selected(available);
        Dataset<Row> sel = select(data, selected);
        long[] offsets = offsets(sel.javaRDD());
        long rows = offsets[offsets.length - 1];
        if (rows == 0) {
            throw new DataException(null, -1, null, "no rows: the Dataset has columns but no data", null);
        }
        SparkCells cells = SparkCells.of(sel.schema(), selected);
        ColumnRoles roles = ColumnRoles.of(roleStats(sel, cells), available, options.roles(), null);
        List<RoleDecision> ds = roles.decisions();
        Map<String, Bins> bins = fitBins(sel, cells, ds, offsets, options);
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
        long[] offsets = offsets(sel.javaRDD());
        if (offsets[offsets.length - 1] == 0) {
            throw new DataException(null, -1, null, "no rows: the Dataset has columns but no data", null);
        }
        Profile empty = PartialProfiles.reference(reference.roles().decisions(), binsOf(reference), reference.excluded());
        return count(sel, SparkCells.of(sel.schema(), names), empty, offsets, csvLines);
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

    /** Row offsets per partition, plus the total as the last entry. */
    static long[] offsets(JavaRDD<Row> rdd) {
        List<long[]> sizes = new ArrayList<>(rdd.mapPartitionsWithIndex(new PartitionJobs.Sizes(), true).collect());
        sizes.sort(Comparator.comparingLong(s -> s[0]));
        long[] out = new long[rdd.getNumPartitions() + 1];
        for (long[] s : sizes) {
            out[(int) s[0] + 1] = s[1];
        }
        for (int i = 1; i < out.length; i++) {
            out[i] += out[i - 1];
        }
        return out;
    }

    static List<ColumnStats> roleStats(Dataset<Row> sel, SparkCells cells) {
        List<PartitionJobs.RolePart> parts = new ArrayList<>(sel.javaRDD()
                .mapPartitionsWithIndex(new PartitionJobs.Roles(cells), true).collect());
        parts.sort(Comparator.comparingInt(p -> p.partition));
        Map<Integer, Long> distinct = distinct(sel, cells, false);
        List<ColumnStats> out = new ArrayList<>();
        long rows = parts.stream().mapToLong(p -> p.rows).sum();
        for (int j = 0; j < cells.size(); j++) {
            long[] k = new long[5];
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (PartitionJobs.RolePart p : parts) {
                for (int i = 0; i < k.length; i++) {
                    k[i] += p.counts[j][i];
                }
                min = Math.min(min, p.min[j]);
                max = Math.max(max, p.max[j]);
            }
            long distinctNumbers = distinct.getOrDefault(2 * j, 0L);
            long distinctTexts = cells.numeric(j) ? distinctNumbers : distinct.getOrDefault(2 * j + 1, 0L);
            ColumnStats s = new ColumnStats(cells.name(j), rows, rows - k[0], k[1], k[2], distinctNumbers, distinctTexts,
                    k[3], k[4], min, max, false);
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
        return out;
    }

    /** Exact distinct counts per slot of {@link PartitionJobs.DistinctCells}, in one shuffle. */
    private static Map<Integer, Long> distinct(Dataset<Row> sel, SparkCells cells, boolean textOnly) {
        StructType schema = new StructType(new StructField[] {
            DataTypes.createStructField("j", DataTypes.IntegerType, false),
            DataTypes.createStructField("v", DataTypes.StringType, false)});
        Dataset<Row> pairs = sel.mapPartitions(new PartitionJobs.DistinctCells(cells, textOnly), Encoders.row(schema));
        Map<Integer, Long> out = new HashMap<>();
        for (Row r : pairs.distinct().groupBy("j").count().collectAsList()) {
            out.put(r.getInt(0), r.getLong(1));
        }
        return out;
    }

    private static Map<String, Bins> fitBins(Dataset<Row> sel, SparkCells cells, List<RoleDecision> ds, long[] offsets,
                                             ProfileOptions o) {
        ColumnRole[] roles = new ColumnRole[cells.size()];
        for (int j = 0; j < roles.length; j++) {
            roles[j] = ds.get(j).role();
        }
        int sample = o.exactEdges() ? Integer.MAX_VALUE : o.edgeSample();
        List<PartitionJobs.FitPart> parts = new ArrayList<>(sel.javaRDD()
                .mapPartitionsWithIndex(new PartitionJobs.Fit(cells, roles, offsets, sample), true).collect());
        parts.sort(Comparator.comparingInt(p -> p.partition));
        Map<String, Bins> out = new LinkedHashMap<>();
        for (int j = 0; j < roles.length; j++) {
            if (!roles[j].isScored()) {
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
                long finite = 0;
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                List<long[]> keys = new ArrayList<>();
                List<double[]> values = new ArrayList<>();
                for (PartitionJobs.FitPart p : parts) {
                    finite += p.finite[j];
                    min = Math.min(min, p.min[j]);
                    max = Math.max(max, p.max[j]);
                    keys.add(p.keys[j]);
                    values.add(p.values[j]);
                }
                long[] k = keys.stream().flatMapToLong(Arrays::stream).toArray();
                double[] v = values.stream().flatMapToDouble(Arrays::stream).toArray();
                out.put(cells.name(j), Binning.continuous(Binning.edgeSample(k, v, o), finite, min, max, o));
            }
        }
        return out;
    }

    private static Profile count(Dataset<Row> sel, SparkCells cells, Profile reference, long[] offsets,
                                 boolean csvLines) {
        List<String[]> parts = new ArrayList<>(sel.javaRDD().mapPartitionsWithIndex(
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
        Map<Integer, Long> d = distinct(k, SparkCells.of(k.schema(), keys), true);
        for (int j = 0; j < keys.size(); j++) {
            out.put(keys.get(j), d.getOrDefault(2 * j + 1, 0L));
        }
        return out;
    }
}
