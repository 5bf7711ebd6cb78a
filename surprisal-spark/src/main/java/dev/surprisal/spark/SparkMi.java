// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.spark;

import dev.surprisal.core.Base;
import dev.surprisal.counts.Counts;
import dev.surprisal.data.CategoricalColumn;
import dev.surprisal.data.DataException;
import dev.surprisal.data.NumericColumn;
import dev.surprisal.data.Table;
import dev.surprisal.data.mi.ColumnEntropy;
import dev.surprisal.data.mi.MiTable;
import dev.surprisal.data.mi.RankingResult;
import dev.surprisal.data.roles.Cells;
import dev.surprisal.data.roles.ColumnRoles;
import dev.surprisal.data.roles.RoleOverrides;
import dev.surprisal.estimators.EntropyEstimator;
import dev.surprisal.selection.MiOptions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Mutual information and column entropy of a Spark {@link Dataset}, identical to the local engine's
 * ({@link MiTable#read}, {@link MiTable#ranking}, {@link ColumnEntropy#of}): Spark does the reading,
 * the role statistics and the counting; the driver then runs {@code surprisal-data}'s own code on
 * what was gathered, so nothing past "gather the columns' data" exists twice.
 * <ul>
 *   <li>Roles: the same Spark role statistics as {@link SparkProfiler} (exact counts, exact distinct
 *       counts), decided by {@link ColumnRoles#of}.</li>
 *   <li>Mutual information: the scored columns (not the id-like, timestamp, date or constant ones) are
 *       gathered to the driver in row order (partition by partition), each cell read by the local rules
 *       ({@link SparkCells}, {@link Cells}), and {@link MiTable#of} prepares them as it prepares a file's
 *       cells: the same values, the same seeded tie-breaking noise (keyed by the column's position), the
 *       same notes. Every estimator then sees every row, as locally: the KSG/Ross estimates, the seeded
 *       test subsample (at most {@link MiOptions#testRows()} rows) and the bootstrap are those of the local
 *       engine. The driver holds 8 bytes per row and scored numeric column (text columns: one reference
 *       per row), as the local engine holds them.</li>
 *   <li>Entropy of a discrete column: its value counts, one scan, merged on the driver (memory:
 *       distinct values); of a continuous column: that one column gathered, then the local estimator.</li>
 * </ul>
 *
 * <pre>{@code
 * Dataset<Row> orders = spark.read().parquet("s3://lake/orders/2024-05-03");
 * RankingResult r = SparkMi.ranking(orders, "churned", RoleOverrides.none(), MiOptions.defaults());
 * ColumnEntropy.Result h = SparkMi.entropy(orders, "country", RoleOverrides.none(), null, null, Base.BITS);
 * }</pre>
 */
public final class SparkMi {
    private SparkMi() {
    }

    /**
     * Prepares a Dataset for mutual information, as {@link MiTable#read} prepares a file.
     *
     * @param data      the rows
     * @param overrides the user's role options ({@code --role}, {@code --columns}, {@code --exclude})
     * @param seed      seed of the continuous columns' tie-breaking noise
     * @param file      the source, for messages (may be null)
     * @return the table, equal to the local engine's on the same rows
     * @throws DataException when the Dataset has no rows or an option names a column it lacks
     */
    public static MiTable table(Dataset<Row> data, RoleOverrides overrides, long seed, Path file) {
        Gathered g = roles(data, overrides, file);
        boolean[] wanted = new boolean[g.cells.size()];
        for (int j = 0; j < wanted.length; j++) {
            String name = g.cells.name(j);
            wanted[j] = g.roles.columns().contains(name) && g.roles.decision(name).role().isScored();
        }
        return MiTable.of(gather(g, wanted), g.roles, seed, file);
    }

    /**
     * What {@code surprisal mi --target} shows ({@link MiTable#ranking}), on a Dataset.
     *
     * @param data      the rows
     * @param target    the target column
     * @param overrides the user's role options
     * @param options   the MI options (k, permutations, bootstrap, seed, α)
     * @return the ranking, equal to the local engine's on the same rows
     * @throws DataException when the Dataset has no rows, an option names a column it lacks, or the
     *                       target is not a scored column
     */
    public static RankingResult ranking(Dataset<Row> data, String target, RoleOverrides overrides, MiOptions options) {
        return table(data, overrides, options.seed(), null).ranking(target, options, null);
    }

    /**
     * The entropy of one column of a Dataset by its role, as {@link ColumnEntropy#of} gives locally.
     *
     * @param data      the rows
     * @param column    the column
     * @param overrides the user's role options
     * @param bins      null for the differential entropy of a continuous column, else the number of bins (≥ 1)
     * @param estimator the estimator of the binned entropy (null: plug-in)
     * @param base      the unit
     * @param file      the source, for messages (may be null)
     * @return the result by role
     * @throws DataException as the local method
     */
    public static ColumnEntropy.Result entropy(Dataset<Row> data, String column, RoleOverrides overrides, Integer bins,
                                               EntropyEstimator estimator, Base base, Path file) {
        RoleOverrides o = overrides.columns() == null ? overrides.withColumns(List.of(column)) : overrides;
        Gathered g = roles(data, o, file);
        int j = g.cells.names().indexOf(column);
        if (j < 0) {
            throw new DataException(file, -1, column, "--column " + column + ": no such column (columns: "
                    + String.join(", ", data.columns()) + ")", null);
        }
        boolean[] wanted = new boolean[g.cells.size()];
        wanted[j] = true;
        return ColumnEntropy.of(g.roles, column, () -> valueCounts(g, j, file), () -> MiTable.of(gather(g, wanted),
                g.roles, 0L, file), bins, estimator, base, file);
    }

    /** The Dataset's columns, their reader and their roles. */
    private record Gathered(Dataset<Row> data, SparkCells cells, ColumnRoles roles, long rows) {
    }

    private static Gathered roles(Dataset<Row> data, RoleOverrides overrides, Path file) {
        List<String> available = Arrays.asList(data.columns());
        overrides.validate(available, file);
        List<String> selected = overrides.selected(available);
        Dataset<Row> sel = SparkProfiler.select(data, selected);
        List<dev.surprisal.data.roles.ColumnStats> stats = SparkProfiler.roleStats(sel, SparkCells.of(sel.schema(), selected));
        if (stats.isEmpty() || stats.get(0).rows() == 0) {
            throw new DataException(file, -1, null, "no rows: the data has columns but no rows", null);
        }
        ColumnRoles roles = ColumnRoles.of(stats, available, overrides, file);
        // every column, in order: a continuous column's noise is keyed by its position in the table
        Dataset<Row> all = SparkProfiler.select(data, available);
        return new Gathered(all, SparkCells.of(all.schema(), available), roles, stats.get(0).rows());
    }

    /**
     * The wanted columns of every row, in row order, as the local engine's {@code TableReader.readCells}
     * gives them: a numeric column as numbers; a text column whose every cell is missing or a finite
     * number as those numbers; any other text column as its text. A column not wanted is a placeholder
     * of missing values (MI never reads it: it only keeps the table's column positions).
     */
    private static Table gather(Gathered g, boolean[] wanted) {
        List<PartitionJobs.ColumnsPart> parts = new ArrayList<>(g.data.javaRDD()
                .mapPartitionsWithIndex(new PartitionJobs.Columns(g.cells, wanted), true).collect());
        parts.sort(Comparator.comparingInt(p -> p.partition));
        long total = g.rows;
        if (total > Integer.MAX_VALUE - 8) {
            throw new DataException(null, -1, null, total + " rows: mutual information holds every row of its columns on"
                    + " the driver, at most " + (Integer.MAX_VALUE - 8) + "; select fewer rows", null);
        }
        int n = (int) total;
        List<dev.surprisal.data.Column> cols = new ArrayList<>();
        double[] none = null;
        for (int j = 0; j < wanted.length; j++) {
            String name = g.cells.name(j);
            if (!wanted[j]) {
                if (none == null) {
                    none = new double[n];
                    Arrays.fill(none, Double.NaN);
                }
                cols.add(NumericColumn.of(name, none));
            } else if (g.cells.numeric(j)) {
                cols.add(NumericColumn.of(name, concat(parts, j, new double[n])));
            } else {
                cols.add(text(name, concat(parts, j, new String[n])));
            }
        }
        return Table.of(cols);
    }

    /** Column j of the parts, in partition order, copied into {@code into} (a double[] or String[] of every row). */
    private static <A> A concat(List<PartitionJobs.ColumnsPart> parts, int j, A into) {
        int n = java.lang.reflect.Array.getLength(into);
        if (parts.stream().mapToLong(p -> java.lang.reflect.Array.getLength(p.columns[j])).sum() != n) {
            throw new DataException(null, -1, null, "the data changed between Spark's scans (" + n + " rows counted,"
                    + " then a different number read); read a fixed snapshot or cache the Dataset", null);
        }
        int at = 0;
        for (PartitionJobs.ColumnsPart p : parts) {
            int length = java.lang.reflect.Array.getLength(p.columns[j]);
            System.arraycopy(p.columns[j], 0, into, at, length);
            at += length;
        }
        return into;
    }

    /** A text column as {@code readCells} reads a CSV column: numbers when every cell is missing or a finite number. */
    private static dev.surprisal.data.Column text(String name, String[] cells) {
        double[] numbers = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i];
            if (c == null || Cells.isMissing(c)) {
                numbers[i] = Double.NaN;
                continue;
            }
            double x = Cells.number(c);
            if (!Double.isFinite(x)) {
                return CategoricalColumn.of(name, cells);
            }
            numbers[i] = x;
        }
        return NumericColumn.of(name, numbers);
    }

    /**
     * The counts of column j's distinct values, as the local engine's {@code TableReader.valueCounts}:
     * null cells dropped, every other cell a value (a number by its value, text by its text).
     */
    private static Counts valueCounts(Gathered g, int j, Path file) {
        List<Map<Object, Long>> parts = g.data.javaRDD()
                .mapPartitions(new PartitionJobs.ValueCounts(g.cells, j)).collect();
        Map<Object, Long> all = new HashMap<>();
        for (Map<Object, Long> p : parts) {
            p.forEach((k, v) -> all.merge(k, v, Long::sum));
        }
        if (all.isEmpty()) {
            throw new DataException(file, -1, g.cells.name(j), "no values to count", null);
        }
        // a fixed order (numbers by value, text by text), so the sum in the entropy does not depend on the partitions
        List<Object> keys = new ArrayList<>(all.keySet());
        keys.sort(Comparator.comparing((Object k) -> k instanceof Double ? 0 : 1)
                .thenComparing((a, b) -> a instanceof Double x ? Double.compare(x, (Double) b)
                        : ((String) a).compareTo((String) b)));
        long[] counts = new long[keys.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = all.get(keys.get(i));
        }
        return Counts.of(counts);
    }
}
