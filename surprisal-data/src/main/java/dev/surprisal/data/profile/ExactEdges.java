// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import dev.surprisal.data.SqlView;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * {@link FileProfiler}'s exact edges ({@link ProfileOptions#exactEdges()}): DuckDB's {@code quantile_disc}
 * over every finite value, with {@link Binning}'s atom rule asked in SQL rather than copied, so that an
 * 80%-zero amount gets the same "= 0" bin and the same edges for its other values as on the sampled path,
 * the in-memory path and Spark's. The quantiles come with the bin-fitting scan; the atom rule then takes at
 * most two more scans of the group's columns together: one counts each column's candidates
 * ({@link Binning#atomCandidates}), and only if some column has an atom, one gives the other values'
 * quantiles, their number and the smallest value above each atom. The JVM holds O(columns × bins).
 */
final class ExactEdges {
    private ExactEdges() {
    }

    /**
     * A continuous column of the group, as the bin-fitting scan found it.
     *
     * @param name      the column
     * @param x         its finite-or-not number in {@code rows} (SQL name)
     * @param quantiles {@code quantile_disc} at {@link Binning#levels}{@code (B)} of its finite values
     * @param finite    how many finite values it has
     * @param min       its smallest finite value
     * @param max       its largest finite value
     */
    record Column(String name, String x, double[] quantiles, long finite, double min, double max) {
    }

    /**
     * The bins of each column, by {@link Binning#continuous(double[], long, Binning.AtomSplit, long, double,
     * double, ProfileOptions)}.
     *
     * @param sql     the file
     * @param rows    the SQL of the rows, with each column's {@link Column#x}
     * @param columns the continuous columns
     * @param o       the requested bins
     * @return each column's bins, by name
     */
    static Map<String, NumericBins> fit(SqlView sql, String rows, List<Column> columns, ProfileOptions o) {
        Map<String, NumericBins> out = new HashMap<>();
        List<Column> counted = new ArrayList<>();
        List<double[]> candidates = new ArrayList<>();
        for (Column c : columns) {
            if (c.finite() == 0 || c.quantiles().length == 0) {
                out.put(c.name(), Binning.fromQuantiles(c.quantiles(), c.finite(), c.min(), c.max(), o));
            } else {
                counted.add(c);
                candidates.add(Binning.atomCandidates(c.quantiles()));
            }
        }
        if (counted.isEmpty()) {
            return out;
        }
        // each candidate's exact count, every column in one scan
        StringJoiner counts = new StringJoiner(", ", "SELECT ", " FROM (" + rows + ")");
        for (int j = 0; j < counted.size(); j++) {
            for (double v : candidates.get(j)) {
                counts.add("count(*) FILTER (WHERE " + counted.get(j).x() + " = " + literal(v) + ")");
            }
        }
        long[][] n = new long[counted.size()][];
        sql.forEachRow(counts.toString(), rs -> {
            int at = 1;
            for (int j = 0; j < n.length; j++) {
                n[j] = new long[candidates.get(j).length];
                for (int i = 0; i < n[j].length; i++) {
                    n[j][i] = rs.getLong(at++);
                }
            }
        });
        List<Column> split = new ArrayList<>();
        List<double[]> atoms = new ArrayList<>();
        for (int j = 0; j < counted.size(); j++) {
            Column c = counted.get(j);
            double[] a = Binning.atoms(candidates.get(j), n[j], c.finite(), o.bins());
            if (a.length == 0) {
                out.put(c.name(), Binning.continuous(c.quantiles(), c.finite(), Binning.AtomSplit.NONE, c.finite(),
                        c.min(), c.max(), o));
            } else {
                split.add(c);
                atoms.add(a);
            }
        }
        if (!split.isEmpty()) {
            out.putAll(split(sql, rows, split, atoms, o));
        }
        return out;
    }

    /** The bins of the columns with atoms: the other values' quantiles and count, the value above each atom. */
    private static Map<String, NumericBins> split(SqlView sql, String rows, List<Column> columns, List<double[]> atoms,
                                                  ProfileOptions o) {
        StringJoiner q = new StringJoiner(", ", "SELECT ", " FROM (" + rows + ")");
        for (int j = 0; j < columns.size(); j++) {
            String x = columns.get(j).x();
            double[] a = atoms.get(j);
            StringJoiner in = new StringJoiner(", ", "(", ")");
            for (double v : a) {
                in.add(literal(v));
            }
            String others = " FILTER (WHERE isfinite(" + x + ") AND " + x + " NOT IN " + in + ")";
            StringJoiner levels = new StringJoiner(", ", "[", "]");
            for (double p : Binning.levels(Binning.restBins(o.bins(), a.length))) {
                levels.add(Double.toString(p));
            }
            q.add("quantile_disc(" + x + ", " + levels + ")" + others).add("count(" + x + ")" + others);
            for (double v : a) {
                q.add("min(" + x + ") FILTER (WHERE isfinite(" + x + ") AND " + x + " > " + literal(v) + ")");
            }
        }
        Map<String, NumericBins> out = new HashMap<>();
        sql.forEachRow(q.toString(), rs -> {
            int at = 1;
            for (int j = 0; j < columns.size(); j++) {
                Column c = columns.get(j);
                double[] a = atoms.get(j);
                double[] restQuantiles = FileProfiler.doubles(rs.getArray(at++));
                long rest = rs.getLong(at++);
                double[] above = new double[a.length];
                for (int i = 0; i < a.length; i++) {
                    Object v = rs.getObject(at++);
                    above[i] = v == null ? Double.NaN : ((Number) v).doubleValue();
                }
                out.put(c.name(), Binning.continuous(c.quantiles(), c.finite(),
                        new Binning.AtomSplit(a, above, restQuantiles, rest), c.finite(), c.min(), c.max(), o));
            }
        });
        return out;
    }

    /** A DOUBLE constant, parsed by DuckDB's correctly rounded parser: the very value. */
    private static String literal(double v) {
        return "CAST('" + v + "' AS DOUBLE)";
    }
}
