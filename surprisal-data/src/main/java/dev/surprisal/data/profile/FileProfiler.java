package dev.surprisal.data.profile;

import dev.surprisal.data.SqlView;
import dev.surprisal.data.TableSchema.Field;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * The DuckDB passes behind {@link ProfileBuilder}'s file path. Each pass reads all selected
 * columns at once and none streams rows into the JVM:
 * <ol>
 *   <li>{@link #sample}: a seeded uniform (Bernoulli) sample of about N rows, one list per column.
 *       It feeds the KLL sketches and, for a reference larger than N rows, places the bin edges.</li>
 *   <li>One counting scan (in {@link ProfileBuilder}): every column on its bins with DuckDB's
 *       {@code histogram(x, boundaries)} (a binary search per value), missing counts, ±∞ counts and
 *       moments. When fitting, the same scan gives the data's exact min and max, which become the
 *       outer edges, and the counts below each sample cut, from which the bin counts follow
 *       ({@link #fitted}); so a reference is profiled in two passes, like a check.</li>
 *   <li>{@link #exactQuantiles}, only when asked for ({@link ProfileOptions#exactEdges()}): DuckDB's
 *       exact {@code quantile_disc}, which holds each column's values and costs several times a scan.</li>
 * </ol>
 * The JVM holds O(columns × (bins + N)) whatever the number of rows.
 */
final class FileProfiler {
    private FileProfiler() {
    }

    /** A seeded uniform sample of rows: the finite values of each numeric column. */
    record Sample(double[][] values, long rows, long total, boolean complete) {
    }

    /**
     * About {@code size} rows drawn uniformly and independently (DuckDB's Bernoulli sample at rate
     * size / rows, seeded, so the same file always gives the same rows whichever columns are asked
     * for); every row, and {@code complete}, when the file has at most {@code size} rows. Bernoulli
     * rather than reservoir sampling: it measured 2x cheaper on 10⁷ rows, and a sample size that
     * varies by ±√size does not matter to a sketch or to the quantile brackets.
     */
    static Sample sample(SqlView sql, List<Field> numeric, int size, long seed) {
        if (numeric.isEmpty()) {
            return new Sample(new double[0][], 0, 0, true);
        }
        long[] total = new long[1];
        sql.forEachRow("SELECT count(*) FROM " + sql.from(), rs -> total[0] = rs.getLong(1));
        boolean complete = total[0] <= size;
        StringBuilder q = new StringBuilder("SELECT count(*)");
        StringBuilder inner = new StringBuilder("SELECT ");
        for (int i = 0; i < numeric.size(); i++) {
            String x = "x" + i;
            q.append(", list(").append(x).append(") FILTER (WHERE isfinite(").append(x).append("))");
            inner.append(i == 0 ? "" : ", ").append(sql.numeric(numeric.get(i).name())).append(" AS ").append(x);
        }
        q.append(" FROM (").append(inner).append(" FROM ").append(sql.from());
        if (!complete) {
            q.append(String.format(java.util.Locale.ROOT, " USING SAMPLE %.12f%% (bernoulli, %d)",
                    100.0 * size / total[0], seed));
        }
        q.append(")");
        double[][] values = new double[numeric.size()][];
        long[] rows = new long[1];
        sql.forEachRow(q.toString(), rs -> {
            rows[0] = rs.getLong(1);
            for (int i = 0; i < numeric.size(); i++) {
                values[i] = doubles(rs.getArray(i + 2));
            }
        });
        return new Sample(values, rows[0], total[0], complete);
    }

    /** Per column the quantiles at the requested probabilities and the number of finite values. */
    record Quantiles(double[][] values, long[] finite) {
    }

    /**
     * DuckDB's exact {@code quantile_disc} over the finite values of each column at {@code probs}
     * (empty for a column without finite values). DuckDB holds a column's values while it runs (8
     * bytes a value, native memory), so for a columnar file this is one query per column; a text file
     * would be parsed once per column, so it gets one query with a FILTERed aggregate per column.
     */
    static Quantiles exactQuantiles(SqlView sql, List<Field> numeric, double[] probs, boolean columnar) {
        int k = numeric.size();
        double[][] out = new double[k][];
        long[] finite = new long[k];
        String p = doubleList(probs);
        if (columnar) {
            for (int i = 0; i < k; i++) {
                int c = i;
                sql.forEachRow("SELECT quantile_disc(x, " + p + "), count(x) FROM (SELECT "
                        + sql.numeric(numeric.get(i).name()) + " AS x FROM " + sql.from() + ") WHERE isfinite(x)", rs -> {
                            out[c] = doubles(rs.getArray(1));
                            finite[c] = rs.getLong(2);
                        });
            }
        } else {
            StringBuilder q = new StringBuilder("SELECT ");
            for (int i = 0; i < k; i++) {
                String fin = " FILTER (WHERE isfinite(x" + i + "))";
                q.append(i == 0 ? "" : ", ").append("quantile_disc(x").append(i).append(", ").append(p).append(")")
                        .append(fin).append(", count(x").append(i).append(")").append(fin);
            }
            q.append(" FROM (").append(select(sql, numeric)).append(")");
            sql.forEachRow(q.toString(), rs -> {
                for (int i = 0; i < k; i++) {
                    out[i] = doubles(rs.getArray(2 * i + 1));
                    finite[i] = rs.getLong(2 * i + 2);
                }
            });
        }
        return new Quantiles(out, finite);
    }

    /**
     * Interior cut points from a sample: its {@code quantile_disc} at j/B for the B requested bins,
     * thinned to {@code allowedBins} like {@link ProfileBuilder#edgesFromQuantiles}, without the
     * first and last (the data's own min and max replace them once the scan has seen every row).
     */
    static double[] sampleCuts(double[] sample, int requestedBins, int allowedBins) {
        if (sample.length == 0) {
            return new double[0];
        }
        double[] s = sample.clone();
        Arrays.sort(s);
        double[] q = new double[requestedBins + 1];
        for (int j = 0; j <= requestedBins; j++) {
            q[j] = ProfileBuilder.quantileDisc(s, (double) j / requestedBins);
        }
        double[] e = ProfileBuilder.edgesFromQuantiles(q, allowedBins).edges();
        return e.length <= 2 ? new double[0] : Arrays.copyOfRange(e, 1, e.length - 1);
    }

    /**
     * Bins and counts of a column fitted in the same scan that counts it: edges min, cuts…, max (ties
     * merged), from the counts of values below each cut ({@code below[t]} = #{x &lt; cuts[t]}, −∞
     * included), the non-null count and the counts of −∞ and +∞.
     */
    static ColumnProfile fitted(String name, ColumnKind kind, double[] cuts, long[] below, long nonNull, long negInf,
                                long posInf, long missing, Moments moments, org.apache.datasketches.kll.KllDoublesSketch sketch) {
        if (moments.count() == 0) {
            NumericBins none = NumericBins.of(0.0);
            long[] c = new long[none.size()];
            c[0] = negInf;
            c[c.length - 1] = posInf;
            return ColumnProfile.numeric(name, kind, none, c, missing, moments, sketch);
        }
        double[] e = new double[cuts.length + 2];
        e[0] = moments.min();
        System.arraycopy(cuts, 0, e, 1, cuts.length);
        e[e.length - 1] = moments.max();
        NumericBins bins = NumericBins.of(e);
        double[] edges = bins.edges();
        int m = edges.length;
        long[] counts = new long[bins.size()];
        counts[0] = negInf;
        counts[counts.length - 1] = posInf;
        if (m == 1) {
            counts[1] = nonNull - negInf - posInf;
        } else {
            long prev = negInf; // values below edges[0] = min: the -inf ones
            for (int i = 1; i < m - 1; i++) {
                long l = below[Arrays.binarySearch(cuts, edges[i])];
                counts[i] = l - prev;
                prev = l;
            }
            counts[m - 1] = nonNull - posInf - prev;
        }
        return ColumnProfile.numeric(name, kind, bins, counts, missing, moments, sketch);
    }

    /** #{x &lt; cuts[t]} per cut from DuckDB's histogram over nextDown(cuts): cumulative bucket counts. */
    static long[] below(double[] cuts, Array keys, Array counts) throws SQLException {
        double[] b = new double[cuts.length];
        for (int t = 0; t < b.length; t++) {
            b[t] = Math.nextDown(cuts[t]);
        }
        long[] per = new long[cuts.length + 1];
        if (keys != null) {
            Object[] ks = (Object[]) keys.getArray();
            Object[] vs = (Object[]) counts.getArray();
            for (int t = 0; t < ks.length; t++) {
                double key = ((Number) ks[t]).doubleValue();
                int at = key == Double.POSITIVE_INFINITY ? -1 : Arrays.binarySearch(b, key);
                per[at < 0 ? cuts.length : at] += ((Number) vs[t]).longValue();
            }
        }
        long[] out = new long[cuts.length];
        long run = 0;
        for (int t = 0; t < cuts.length; t++) {
            run += per[t];
            out[t] = run;
        }
        return out;
    }

    /** nextDown of each cut: DuckDB's right-closed buckets then count x &lt; cut. */
    static double[] nextDowns(double[] cuts) {
        double[] b = new double[cuts.length];
        for (int t = 0; t < b.length; t++) {
            b[t] = Math.nextDown(cuts[t]);
        }
        return b;
    }

    /**
     * {@code histogram(x, boundaries)} boundaries reproducing {@link NumericBins}: nextDown(e₀), …,
     * nextDown(eₘ₋₁), eₘ, so that DuckDB's right-closed buckets are our left-closed bins, the last
     * one closed; bucket t is bin t and the overflow bucket is the overflow bin.
     */
    static double[] boundaries(NumericBins bins) {
        double[] e = bins.edges();
        int m = e.length;
        double[] b = new double[m == 1 ? 2 : m];
        for (int i = 0; i < m - 1; i++) {
            b[i] = Math.nextDown(e[i]);
        }
        b[b.length - 1] = e[m - 1];
        if (m == 1) {
            b[0] = Math.nextDown(e[0]);
        }
        return b;
    }

    /** Counts per bin from DuckDB's histogram map over {@link #boundaries}. */
    static long[] binCounts(NumericBins bins, double[] boundaries, Array keys, Array counts) throws SQLException {
        long[] out = new long[bins.size()];
        if (keys == null) {
            return out;
        }
        Object[] ks = (Object[]) keys.getArray();
        Object[] vs = (Object[]) counts.getArray();
        for (int t = 0; t < ks.length; t++) {
            double key = ((Number) ks[t]).doubleValue();
            int at = key == Double.POSITIVE_INFINITY ? -1 : Arrays.binarySearch(boundaries, key);
            out[at < 0 ? out.length - 1 : at] += ((Number) vs[t]).longValue();
        }
        return out;
    }

    /** {@code SELECT x0, x1, … FROM file} with each column read as DOUBLE (NaN made NULL). */
    private static String select(SqlView sql, List<Field> numeric) {
        StringBuilder b = new StringBuilder("SELECT ");
        for (int i = 0; i < numeric.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(sql.numeric(numeric.get(i).name())).append(" AS x").append(i);
        }
        return b.append(" FROM ").append(sql.from()).toString();
    }

    /**
     * {@code SELECT x0, f0, x1, f1, … FROM file}: xᵢ the column as DOUBLE (NaN made NULL), fᵢ the same
     * with ±∞ made NULL too. Aggregating fᵢ measured 2-3x cheaper than {@code FILTER (WHERE
     * isfinite(xᵢ))} on each aggregate.
     */
    static String selectWithFinite(SqlView sql, List<Field> numeric) {
        StringBuilder b = new StringBuilder("SELECT ");
        for (int i = 0; i < numeric.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(sql.numeric(numeric.get(i).name())).append(" AS x").append(i)
                    .append(", CASE WHEN isfinite(x").append(i).append(") THEN x").append(i).append(" END AS f")
                    .append(i);
        }
        return b.append(" FROM ").append(sql.from()).toString();
    }

    /** A constant DOUBLE[]: one string cast, parsed with DuckDB's correctly rounded double parser. */
    static String doubleList(double[] v) {
        StringJoiner j = new StringJoiner(", ", "CAST('[", "]' AS DOUBLE[])");
        for (double d : v) {
            j.add(Double.toString(d));
        }
        return j.toString();
    }


    static double[] doubles(Array a) throws SQLException {
        if (a == null) {
            return new double[0];
        }
        Object[] items = (Object[]) a.getArray();
        double[] out = new double[items.length];
        for (int i = 0; i < items.length; i++) {
            out[i] = ((Number) items[i]).doubleValue();
        }
        return out;
    }
}
