// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import dev.surprisal.data.ColumnType;
import dev.surprisal.data.DataFormat;
import dev.surprisal.data.SqlView;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.TableSchema;
import dev.surprisal.data.roles.ColumnStats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link FileProfiler}'s reading of a Parquet file's typed number columns (integers, floats,
 * decimals): the value as DuckDB reads it (NaN is missing, as on the in-memory path of
 * {@link CsvProfiler}), with no text printed and parsed back, so such a column has no invalid cell.
 * It also takes the seeded samples out of the scans: the bottom-k {@link RowSample} of a column is
 * the k rows with the smallest keys among its finite values, and a key depends only on the row, so
 * one query fetches every row whose key is below a threshold and Java picks each column's bottom k
 * (the same sample as DuckDB's {@code min_by(x, key, k)}, which keeps a heap of k per column and
 * thread and cost most of a profile of 10⁷ rows).
 *
 * <p>Role detection needs each column's distinct count: an exact {@code count(DISTINCT x)} is run
 * only where the role depends on it ({@link SampledDistinct}, the rule the Spark engine applies too).
 */
final class TypedColumns {
    private TypedColumns() {
    }

    /** The selected columns of a Parquet file that DuckDB types as numbers; empty for other formats. */
    static Set<String> of(TableReader reader, List<String> selected) {
        DataFormat f = reader.format() != null ? reader.format() : DataFormat.fromFileName(reader.file());
        Set<String> out = new LinkedHashSet<>();
        if (f != DataFormat.PARQUET) {
            return out;
        }
        Set<String> wanted = new java.util.HashSet<>(selected);
        for (TableSchema.Field field : reader.schema().fields()) {
            if (field.type() == ColumnType.NUMERIC && wanted.contains(field.name())) {
                out.add(field.name());
            }
        }
        return out;
    }

    /**
     * The file's rows with their 1-based position {@code rn}, numbered by the Parquet reader itself
     * ({@code file_row_number}), so a query that only filters rows by their key runs in parallel;
     * the position is the one {@code row_number() OVER ()} gives. Null for other formats.
     */
    static String numbered(TableReader reader) {
        DataFormat f = reader.format() != null ? reader.format() : DataFormat.fromFileName(reader.file());
        if (f != DataFormat.PARQUET) {
            return null;
        }
        return "(SELECT file_row_number + 1 AS rn, * FROM read_parquet("
                + dev.surprisal.data.DataFiles.duckDbLiteral(reader.file()) + ", file_row_number = true))";
    }

    /** The DOUBLE expression of a typed number column, NaN made NULL. */
    static String number(SqlView sql, String column) {
        return sql.numeric(column);
    }

    /**
     * What a reference needs from its typed columns before bins: statistics and edge samples. The
     * edge samples are bottom-k {@link RowSample}s by the same keys as the counting scan's
     * {@link RowSample#SIZE} samples, so those can be taken from them ({@link #rowSample}).
     */
    record Fit(Map<String, ColumnStats> stats, Map<String, double[]> edgeSamples, Map<String, double[]> finiteRange,
               Map<String, Long> finite, Map<String, RowSample> edgeRowSamples) {

        /**
         * The bottom-{@code k} {@link RowSample} of a column's finite values taken from its edge
         * sample, or null when the edge sample cannot tell (it holds fewer than k values and not all).
         */
        RowSample rowSample(String column, int k) {
            RowSample s = edgeRowSamples.get(column);
            Long n = finite.get(column);
            if (s == null || n == null || (s.size() < k && s.size() != n)) {
                return null;
            }
            return s.size() <= k ? s : RowSample.of(s.keys(), s.values(), k);
        }
    }

    /**
     * Statistics (for roles) and edge samples (for bins) of the typed columns {@code names}: one
     * aggregate scan, one fetch of the rows under a key threshold, and exact distinct counts where
     * the role depends on them.
     */
    static Fit fit(SqlView sql, String numbered, List<String> names, ProfileOptions o) {
        int n = names.size();
        StringBuilder inner = new StringBuilder("SELECT ");
        StringBuilder agg = new StringBuilder("SELECT count(*)");
        for (int i = 0; i < n; i++) {
            String x = "x" + i;
            String f = "f" + i;
            inner.append(i == 0 ? "" : ", ").append(number(sql, names.get(i))).append(" AS ").append(x)
                    .append(", CASE WHEN isfinite(").append(x).append(") THEN ").append(x).append(" END AS ").append(f);
            agg.append(", count(").append(x).append("), count(").append(f).append("), count(").append(f)
                    .append(") FILTER (WHERE ").append(f).append(" = floor(").append(f).append("))")
                    .append(", min(").append(x).append("), max(").append(x).append("), min(").append(f)
                    .append("), max(").append(f).append(")");
        }
        long[] rows = new long[1];
        long[][] counts = new long[n][3];
        double[][] range = new double[n][4];
        sql.forEachRow(agg + " FROM (" + inner + " FROM " + sql.from() + ")", rs -> {
            rows[0] = rs.getLong(1);
            for (int i = 0; i < n; i++) {
                int c = 2 + 7 * i;
                for (int j = 0; j < 3; j++) {
                    counts[i][j] = rs.getLong(c + j);
                }
                for (int j = 0; j < 4; j++) {
                    double v = rs.getDouble(c + 3 + j);
                    range[i][j] = rs.wasNull() ? (j % 2 == 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY) : v;
                }
            }
        });
        long[] finite = new long[n];
        for (int i = 0; i < n; i++) {
            finite[i] = counts[i][1];
        }
        RowSample[] rowSamples = rowSamples(sql, numbered, names, finite, rows[0], o.edgeSample());
        double[][] samples = new double[n][];
        Map<String, RowSample> edgeRows = new HashMap<>();
        for (int i = 0; i < n; i++) {
            samples[i] = rowSamples[i].values();
            edgeRows.put(names.get(i), rowSamples[i]);
        }
        Map<String, ColumnStats> stats = new LinkedHashMap<>();
        Map<String, double[]> edges = new HashMap<>();
        Map<String, double[]> ranges = new HashMap<>();
        Map<String, Long> finites = new HashMap<>();
        List<Integer> exact = new ArrayList<>();
        long[] distinct = new long[n];
        for (int i = 0; i < n; i++) {
            long numbers = counts[i][0];
            long whole = counts[i][2];
            distinct[i] = SampledDistinct.ofSample(samples[i], range[i][0], range[i][1]);
            // the sample holds every finite value: its distinct count is exact; else count where the role needs it
            if (SampledDistinct.needsExact(samples[i].length, finite[i], distinct[i], whole, numbers)) {
                exact.add(i);
            }
            edges.put(names.get(i), samples[i]);
            ranges.put(names.get(i), new double[] {range[i][2], range[i][3]});
            finites.put(names.get(i), finite[i]);
        }
        boolean[] known = new boolean[n];
        for (int i = 0; i < n; i++) {
            known[i] = samples[i].length == finite[i];
        }
        if (!exact.isEmpty()) {
            StringBuilder q = new StringBuilder("SELECT ");
            for (int j = 0; j < exact.size(); j++) {
                q.append(j == 0 ? "" : ", ").append("count(DISTINCT x").append(exact.get(j)).append(")");
            }
            sql.forEachRow(q + " FROM (" + inner + " FROM " + sql.from() + ")", rs -> {
                for (int j = 0; j < exact.size(); j++) {
                    distinct[exact.get(j)] = rs.getLong(j + 1);
                    known[exact.get(j)] = true;
                }
            });
        }
        for (int i = 0; i < n; i++) {
            long numbers = counts[i][0];
            ColumnStats s = new ColumnStats(names.get(i), rows[0], rows[0] - numbers, numbers, counts[i][2], distinct[i],
                    distinct[i], 0, 0, range[i][0], range[i][1], false);
            s = known[i] ? s : s.withDistinctAtLeast();
            if (s.monotoneCandidate()) {
                s = s.withIncreasing(increasing(sql, names.get(i)));
            }
            stats.put(names.get(i), s);
        }
        return new Fit(stats, edges, ranges, finites, edgeRows);
    }

    /** Whether the present numbers of a column strictly increase in row order (a column of under 100). */
    private static boolean increasing(SqlView sql, String column) {
        boolean[] up = {true};
        double[] prev = {Double.NEGATIVE_INFINITY};
        sql.forEachRow("SELECT x FROM (SELECT row_number() OVER () AS rn, " + number(sql, column) + " AS x FROM "
                + sql.from() + ") WHERE x IS NOT NULL ORDER BY rn", rs -> {
            double v = rs.getDouble(1);
            up[0] &= v > prev[0];
            prev[0] = v;
        });
        return up[0];
    }

    /**
     * The bottom-{@code k} sample by {@link RowSample#key} of each column's finite values. A column
     * with more than k finite values: the rows whose key is under a threshold are fetched in one
     * query for all such columns, the threshold chosen so that about 1.2 k rows of the sparsest of
     * them are finite (keys are spread evenly over rows), and doubled until each has k finite values
     * under it. A column with at most k finite values: all of them, in one more query. Rows are
     * numbered by {@link #numbered}, as the counting scan numbers them; the result is a set of rows,
     * so it does not depend on DuckDB's threads.
     *
     * @param finite each column's finite values
     * @param rows   the rows of the file
     * @return per column, its sample (keys and values)
     */
    static RowSample[] rowSamples(SqlView sql, String numbered, List<String> names, long[] finite, long rows, int k) {
        RowSample[] out = new RowSample[names.size()];
        List<Integer> dense = new ArrayList<>();
        List<Integer> sparse = new ArrayList<>();
        long sparsest = Long.MAX_VALUE;
        for (int i = 0; i < names.size(); i++) {
            if (finite[i] > k) {
                dense.add(i);
                sparsest = Math.min(sparsest, finite[i]);
            } else if (finite[i] > 0) {
                sparse.add(i);
            } else {
                out[i] = RowSample.of(new long[0], new double[0], k);
            }
        }
        if (!sparse.isEmpty()) {
            StringBuilder any = new StringBuilder();
            for (int i : sparse) {
                any.append(any.length() == 0 ? "" : " OR ").append("isfinite(x").append(i).append(")");
            }
            fetch(sql, numbered, names, sparse, any.toString(), finite, k, out);
        }
        // keys are (h << 32) + row with h spread evenly over [0, 2^31 - 1): a threshold on h takes that share of rows
        double share = 1.2 * k / Math.max(1, sparsest) + 64.0 / Math.max(1, rows);
        while (!dense.isEmpty()) {
            long h = (long) Math.ceil(Math.min(1.0, share) * 2_147_483_647L);
            String where = share >= 1.0 ? "true" : "k < " + (h << 32);
            if (fetch(sql, numbered, names, dense, where, finite, k, out) || share >= 1.0) {
                break;
            }
            share *= 2;
        }
        return out;
    }

    /**
     * Fetches the rows matching {@code where} and sets the bottom-k sample of each of the columns
     * {@code which}; returns whether every one of them is exact (k finite values fetched, or all).
     */
    private static boolean fetch(SqlView sql, String numbered, List<String> names, List<Integer> which, String where,
                                 long[] finite, int k, RowSample[] out) {
        StringBuilder base = new StringBuilder("SELECT rn");
        StringBuilder select = new StringBuilder("SELECT k");
        for (int i : which) {
            base.append(", ").append(number(sql, names.get(i))).append(" AS x").append(i);
            select.append(", x").append(i);
        }
        base.append(" FROM ").append(numbered);
        String keyed = "SELECT *, " + RowSample.sqlKey("rn", RowSample.SEED) + " AS k FROM (" + base + ")";
        int n = which.size();
        long[][] keys = new long[n][64];
        double[][] values = new double[n][64];
        int[] m = new int[n];
        sql.forEachRow(select + " FROM (" + keyed + ") WHERE " + where, rs -> {
            long key = rs.getLong(1);
            for (int j = 0; j < n; j++) {
                double x = rs.getDouble(j + 2);
                if (!rs.wasNull() && Double.isFinite(x)) {
                    if (m[j] == keys[j].length) {
                        keys[j] = Arrays.copyOf(keys[j], 2 * m[j]);
                        values[j] = Arrays.copyOf(values[j], 2 * m[j]);
                    }
                    keys[j][m[j]] = key;
                    values[j][m[j]++] = x;
                }
            }
        });
        boolean exact = true;
        for (int j = 0; j < n; j++) {
            int i = which.get(j);
            exact &= m[j] >= k || m[j] == finite[i];
            out[i] = RowSample.of(Arrays.copyOf(keys[j], m[j]), Arrays.copyOf(values[j], m[j]), k);
        }
        return exact;
    }
}
