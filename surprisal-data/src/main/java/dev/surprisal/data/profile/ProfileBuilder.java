package dev.surprisal.data.profile;

import dev.surprisal.core.ValidationException;

import dev.surprisal.data.CategoricalColumn;
import dev.surprisal.data.Column;
import dev.surprisal.data.ColumnType;
import dev.surprisal.data.DataException;
import dev.surprisal.data.NumericColumn;
import dev.surprisal.data.SqlView;
import dev.surprisal.data.Table;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.TableSchema;
import dev.surprisal.data.TableSchema.Field;
import org.apache.datasketches.kll.KllDoublesSketch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Builds {@link Profile}s. {@link #fit} fits the bins on a reference (exact quantiles, top-K
 * categories) and counts it; {@link #count} counts new data on a reference's frozen bins.
 *
 * <p>From a file ({@link TableReader}) the work is pushed into DuckDB: one query computes every
 * numeric column's exact quantiles ({@code quantile_disc}, one query per column), one {@code GROUP BY} per categorical
 * column finds the top K, and one scan counts all columns on their bins at once (a bin-index
 * expression per column inside DuckDB's {@code histogram} aggregate), together with missing
 * counts and moments. KLL sketches are fed from a streamed batch reader. The JVM holds
 * O(bins + sketch) per column whatever the number of rows; DuckDB's exact quantile aggregate does
 * hold the reference's values of a column while fitting (native memory, 8 bytes a value).
 *
 * <p>From memory ({@link Table}), the same rules are applied in Java: quantiles by sorting a copy.
 */
public final class ProfileBuilder {
    private static final int BATCH = 1 << 16;

    private ProfileBuilder() {
    }

    // ------------------------------------------------------------------ files

    /** Fits bins on the reference file and counts it: the reference profile. */
    public static Profile fit(TableReader reader, ProfileOptions options) {
        return fit(reader, options, null);
    }

    /** {@link #fit(TableReader, ProfileOptions)} reporting rows done to {@code progress} after each pass. */
    public static Profile fit(TableReader reader, ProfileOptions options, LongConsumer progress) {
        TableSchema schema = reader.schema();
        List<Field> fields = select(schema, options.columns(), reader);
        Map<String, ColumnKind> kinds = new HashMap<>();
        for (Field f : fields) {
            kinds.put(f.name(), kindOf(f));
        }
        return reader.query(sql -> {
            List<Field> numeric = numeric(fields);
            FileProfiler.Sample sample = FileProfiler.sample(sql, numeric, options.sketchSample(),
                    ProfileOptions.SAMPLE_SEED);
            Map<String, Object> bins = fitBins(sql, fields, numeric, sample, options,
                    reader.format() == dev.surprisal.data.DataFormat.PARQUET);
            Profile p = countFile(sql, fields, bins, kinds, options.sketches() ? options.sketchK() : 0, sample,
                    numeric);
            if (progress != null) {
                progress.accept(p.rows());
            }
            return p;
        });
    }

    /** Counts {@code reader}'s rows on the bins of {@code reference}. */
    public static Profile count(Profile reference, TableReader reader) {
        return count(reference, reader, null);
    }

    /**
     * {@link #count(Profile, TableReader)} reporting rows done to {@code progress}; sketches come from
     * a seeded uniform sample of {@link ProfileOptions#DEFAULT_SKETCH_SAMPLE} rows, as in {@link #fit}.
     */
    public static Profile count(Profile reference, TableReader reader, LongConsumer progress) {
        TableSchema schema = reader.schema();
        List<Field> fields = select(schema, reference.columnNames(), reader);
        Map<String, Object> bins = new HashMap<>();
        Map<String, ColumnKind> kinds = new HashMap<>();
        int sketchK = 0;
        for (ColumnProfile c : reference.columns()) {
            bins.put(c.name(), c.kind().isNumeric() ? c.numericBins() : c.categoryBins());
            kinds.put(c.name(), c.kind());
            Field f = schema.field(c.name()).orElseThrow();
            if (c.kind().isNumeric() != kindOf(f).isNumeric()) {
                throw new DataException(reader.file(), -1, c.name(), "column is " + kindOf(f) + " here but "
                        + c.kind() + " in the reference", null);
            }
            KllDoublesSketch s = c.sketch();
            if (s != null) {
                sketchK = s.getK();
            }
        }
        int k = sketchK;
        return reader.query(sql -> {
            List<Field> numeric = numeric(fields);
            FileProfiler.Sample sample = k == 0 || numeric.isEmpty() ? null
                    : FileProfiler.sample(sql, numeric, ProfileOptions.DEFAULT_SKETCH_SAMPLE, ProfileOptions.SAMPLE_SEED);
            Profile p = countFile(sql, fields, bins, kinds, k, sample, numeric);
            if (progress != null) {
                progress.accept(p.rows());
            }
            return p;
        });
    }

    private static List<Field> select(TableSchema schema, List<String> names, TableReader reader) {
        List<Field> out = new ArrayList<>();
        for (String n : names == null ? schema.names() : names) {
            out.add(schema.field(n).orElseThrow(() -> new DataException(reader.file(), -1, n,
                    "no such column; available: " + String.join(", ", schema.names()), null)));
        }
        return out;
    }

    private static List<Field> numeric(List<Field> fields) {
        List<Field> out = new ArrayList<>();
        for (Field f : fields) {
            if (kindOf(f).isNumeric()) {
                out.add(f);
            }
        }
        return out;
    }

    /** The profile kind of a file column. */
    static ColumnKind kindOf(Field f) {
        String t = f.duckdbType().toUpperCase(Locale.ROOT);
        if (t.startsWith("DATE") || t.startsWith("TIMESTAMP")) {
            return ColumnKind.DATETIME;
        }
        if (t.equals("BOOLEAN")) {
            return ColumnKind.BOOLEAN;
        }
        return f.type() == ColumnType.NUMERIC ? ColumnKind.NUMERIC : ColumnKind.CATEGORICAL;
    }

    /**
     * Numeric bins: exact quantiles from the sample itself when it holds every row, or from DuckDB
     * when {@link ProfileOptions#exactEdges()} asks; otherwise the interior cuts from the sample
     * (a {@code double[]}, resolved into bins by the counting scan). Top-K categories by one
     * GROUP BY each.
     */
    private static Map<String, Object> fitBins(SqlView sql, List<Field> fields, List<Field> numeric,
                                               FileProfiler.Sample sample, ProfileOptions o, boolean columnar) {
        Map<String, Object> bins = new HashMap<>();
        double[] probs = new double[o.bins() + 1];
        for (int j = 0; j <= o.bins(); j++) {
            probs[j] = (double) j / o.bins();
        }
        if (!numeric.isEmpty() && sample.complete()) {
            for (int i = 0; i < numeric.size(); i++) {
                double[] sorted = sample.values()[i].clone();
                Arrays.sort(sorted);
                double[] q = new double[sorted.length == 0 ? 0 : probs.length];
                for (int j = 0; j < q.length; j++) {
                    q[j] = quantileDisc(sorted, probs[j]);
                }
                bins.put(numeric.get(i).name(), edgesFromQuantiles(q, o.binsFor(sorted.length)));
            }
        } else if (!numeric.isEmpty() && o.exactEdges()) {
            FileProfiler.Quantiles q = FileProfiler.exactQuantiles(sql, numeric, probs, columnar);
            for (int i = 0; i < numeric.size(); i++) {
                bins.put(numeric.get(i).name(), edgesFromQuantiles(q.values()[i], o.binsFor(q.finite()[i])));
            }
        } else {
            for (int i = 0; i < numeric.size(); i++) {
                // the column's finite values, estimated from the sample, only to cap the bins of a sparse column
                long present = Math.round((double) sample.values()[i].length * sample.total() / Math.max(1, sample.rows()));
                bins.put(numeric.get(i).name(), FileProfiler.sampleCuts(sample.values()[i], o.bins(), o.binsFor(present)));
            }
        }
        for (Field f : fields) {
            if (!kindOf(f).isNumeric()) {
                bins.put(f.name(), fitCategories(sql, f, o));
            }
        }
        return bins;
    }

    /**
     * Edges from the quantiles at 0, 1/B, …, 1 (B requested bins); with fewer bins allowed, every
     * step-th quantile (keeping min and max), then ties merged. No value gives the single edge 0.
     */
    static NumericBins edgesFromQuantiles(double[] quantiles, int allowedBins) {
        if (quantiles.length == 0) {
            return NumericBins.of(0.0);
        }
        int requested = quantiles.length - 1;
        if (requested <= allowedBins) {
            return NumericBins.of(quantiles);
        }
        List<Double> e = new ArrayList<>();
        for (int j = 0; j <= allowedBins; j++) {
            e.add(quantiles[(int) Math.round((double) j * requested / allowedBins)]);
        }
        return NumericBins.of(e.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static CategoryBins fitCategories(SqlView sql, Field f, ProfileOptions o) {
        int limit = o.topK() + CategoryBins.OTHER_CAP + 1;
        String q = "SELECT v, count(*) AS c FROM (SELECT " + sql.text(f.name()) + " AS v FROM " + sql.from()
                + ") WHERE v IS NOT NULL GROUP BY v ORDER BY c DESC, v LIMIT " + limit;
        List<String> labels = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        sql.forEachRow(q, rs -> {
            labels.add(rs.getString(1));
            counts.add(rs.getLong(2));
        });
        return categories(labels, counts, o, labels.size() < limit);
    }

    /** Top K among labels sorted by count descending; the rest (and rare ones) become "other". */
    static CategoryBins categories(List<String> labels, List<Long> counts, ProfileOptions o, boolean complete) {
        List<String> top = new ArrayList<>();
        Set<String> others = new LinkedHashSet<>();
        for (int i = 0; i < labels.size(); i++) {
            if (top.size() < o.topK() && counts.get(i) >= o.minCategoryCount()) {
                top.add(labels.get(i));
            } else if (others.size() < CategoryBins.OTHER_CAP) {
                others.add(labels.get(i));
            } else {
                complete = false;
            }
        }
        return CategoryBins.of(top, others, complete);
    }

    /**
     * One scan: every column on its bins (numeric ones by DuckDB's {@code histogram(x, boundaries)},
     * a binary search per value; categories by a CASE expression), missing counts and moments. The
     * sketches are fed from {@code sample} (null: no sketches).
     */
    private static Profile countFile(SqlView sql, List<Field> fields, Map<String, Object> bins,
                                     Map<String, ColumnKind> kinds, int sketchK, FileProfiler.Sample sample,
                                     List<Field> numeric) {
        int k = fields.size();
        long[][] counts = new long[k][];
        long[] missing = new long[k];
        Moments[] moments = new Moments[k];
        double[][] boundaries = new double[k][];
        long[] rows = new long[1];
        // aggregates named a0, a1, ... in an inner query, so that each histogram is computed once
        StringBuilder agg = new StringBuilder("SELECT count(*) AS n");
        StringBuilder q = new StringBuilder("SELECT n");
        StringBuilder inner = new StringBuilder("SELECT ");
        for (int i = 0; i < k; i++) {
            Field f = fields.get(i);
            Object b = bins.get(f.name());
            String v = "v" + i;
            String a = "a" + i;
            inner.append(i == 0 ? "" : ", ").append(b instanceof CategoryBins ? sql.text(f.name())
                    : sql.numeric(f.name())).append(" AS ").append(v);
            if (b instanceof double[]) {
                double[] cuts = (double[]) b;
                String w = "w" + i;
                inner.append(", CASE WHEN isfinite(").append(v).append(") THEN ").append(v).append(" END AS ").append(w);
                agg.append(cuts.length == 0 ? ", NULL" : ", histogram(" + v + ", "
                                + FileProfiler.doubleList(FileProfiler.nextDowns(cuts)) + ")").append(" AS ").append(a)
                        .append("h, count(").append(v).append(") AS ").append(a)
                        .append("n, sum((").append(v).append(" = CAST('-inf' AS DOUBLE))::BIGINT) AS ").append(a)
                        .append("ni, sum((").append(v).append(" = CAST('inf' AS DOUBLE))::BIGINT) AS ").append(a)
                        .append("pi, count(").append(w).append(") AS ").append(a)
                        .append("f, avg(").append(w).append(") AS ").append(a)
                        .append("m, var_pop(").append(w).append(") AS ").append(a)
                        .append("v, min(").append(w).append(") AS ").append(a)
                        .append("lo, max(").append(w).append(") AS ").append(a).append("hi");
                q.append(", map_keys(").append(a).append("h), map_values(").append(a).append("h), ").append(a)
                        .append("n, ").append(a).append("ni, ").append(a).append("pi, ").append(a).append("f, ")
                        .append(a).append("m, ").append(a).append("v, ").append(a).append("lo, ").append(a).append("hi");
            } else if (b instanceof NumericBins) {
                // w: the finite values (a CASE in the projection is 2-3x cheaper than a FILTER per aggregate)
                String w = "w" + i;
                inner.append(", CASE WHEN isfinite(").append(v).append(") THEN ").append(v).append(" END AS ").append(w);
                boundaries[i] = FileProfiler.boundaries((NumericBins) b);
                agg.append(", histogram(").append(v).append(", ").append(FileProfiler.doubleList(boundaries[i]))
                        .append(") AS ").append(a).append("h, count(").append(v).append(") AS ").append(a)
                        .append("n, count(").append(w).append(") AS ").append(a)
                        .append("f, avg(").append(w).append(") AS ").append(a)
                        .append("m, var_pop(").append(w).append(") AS ").append(a)
                        .append("v, min(").append(w).append(") AS ").append(a)
                        .append("lo, max(").append(w).append(") AS ").append(a).append("hi");
                q.append(", map_keys(").append(a).append("h), map_values(").append(a).append("h), ").append(a)
                        .append("n, ").append(a).append("f, ").append(a).append("m, ").append(a).append("v, ")
                        .append(a).append("lo, ").append(a).append("hi");
            } else {
                agg.append(", CAST(map_entries(histogram(CASE WHEN ").append(v).append(" IS NULL THEN -1 ELSE ")
                        .append(((CategoryBins) b).sqlBinIndex(v)).append(" END)) AS VARCHAR) AS ").append(a).append("c");
                q.append(", ").append(a).append("c");
            }
        }
        q.append(" FROM (").append(agg).append(" FROM (").append(inner).append(" FROM ").append(sql.from())
                .append("))");
        KllDoublesSketch[] sk = new KllDoublesSketch[k];
        if (sketchK > 0 && sample != null) {
            for (int j = 0; j < numeric.size(); j++) {
                int i = fields.indexOf(numeric.get(j));
                sk[i] = KllDoublesSketch.newHeapInstance(sketchK);
                for (double x : sample.values()[j]) {
                    sk[i].update(x);
                }
            }
        }
        ColumnProfile[] fitted = new ColumnProfile[k];
        sql.forEachRow(q.toString(), rs -> {
            rows[0] = rs.getLong(1);
            int col = 2;
            for (int i = 0; i < k; i++) {
                Field f = fields.get(i);
                Object b = bins.get(f.name());
                if (b instanceof double[]) {
                    double[] cuts = (double[]) b;
                    java.sql.Array keys = rs.getArray(col++);
                    java.sql.Array values = rs.getArray(col++);
                    long nonNull = rs.getLong(col++);
                    long negInf = rs.getLong(col++);
                    long posInf = rs.getLong(col++);
                    long n = rs.getLong(col++);
                    double mean = rs.getDouble(col++);
                    double var = rs.getDouble(col++);
                    double lo = rs.getDouble(col++);
                    double hi = rs.getDouble(col++);
                    Moments mo = n == 0 ? Moments.EMPTY : new Moments(n, mean, var * n, lo, hi);
                    fitted[i] = FileProfiler.fitted(f.name(), kinds.get(f.name()), cuts,
                            FileProfiler.below(cuts, keys, values), nonNull, negInf, posInf, rows[0] - nonNull, mo, sk[i]);
                } else if (b instanceof NumericBins) {
                    counts[i] = FileProfiler.binCounts((NumericBins) b, boundaries[i], rs.getArray(col++),
                            rs.getArray(col++));
                    missing[i] = rows[0] - rs.getLong(col++);
                    long n = rs.getLong(col++);
                    double mean = rs.getDouble(col++);
                    double var = rs.getDouble(col++);
                    double lo = rs.getDouble(col++);
                    double hi = rs.getDouble(col++);
                    moments[i] = n == 0 ? Moments.EMPTY : new Moments(n, mean, var * n, lo, hi);
                } else {
                    counts[i] = new long[((CategoryBins) b).size()];
                    missing[i] = parseHistogram(rs.getString(col++), counts[i]);
                }
            }
        });
        List<ColumnProfile> cols = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            Field f = fields.get(i);
            Object b = bins.get(f.name());
            ColumnKind kind = kinds.get(f.name());
            cols.add(fitted[i] != null ? fitted[i] : b instanceof NumericBins
                    ? ColumnProfile.numeric(f.name(), kind, (NumericBins) b, counts[i], missing[i], moments[i], sk[i])
                    : ColumnProfile.categorical(f.name(), kind, (CategoryBins) b, counts[i], missing[i]));
        }
        boolean sampled = sketchK > 0 && sample != null && !sample.complete() && !numeric.isEmpty();
        return Profile.of(cols, rows[0], sampled ? sample.rows() : rows[0]);
    }

    /** Parses DuckDB's {@code [{'key': 3, 'value': 17}, ...]}; returns the count at key −1 (missing). */
    static long parseHistogram(String text, long[] into) {
        if (text == null) {
            return 0;
        }
        long missing = 0;
        int at = 0;
        while ((at = text.indexOf("'key':", at)) >= 0) {
            int comma = text.indexOf(',', at);
            int key = Integer.parseInt(text.substring(at + 6, comma).trim());
            int vAt = text.indexOf("'value':", comma) + 8;
            int end = text.indexOf('}', vAt);
            long value = Long.parseLong(text.substring(vAt, end).trim());
            if (key < 0) {
                missing += value;
            } else {
                into[key] += value;
            }
            at = end;
        }
        return missing;
    }

    // ------------------------------------------------------------------ memory

    /** Fits bins on an in-memory reference table and counts it. */
    public static Profile fit(Table table, ProfileOptions options) {
        List<ColumnProfile> cols = new ArrayList<>();
        for (String name : options.columns() == null ? table.columnNames() : options.columns()) {
            Column c = table.column(name);
            if (c instanceof NumericColumn) {
                NumericColumn n = (NumericColumn) c;
                double[] finite = Arrays.stream(n.values(), 0, n.size()).filter(Double::isFinite).sorted().toArray();
                double[] q = new double[finite.length == 0 ? 0 : options.bins() + 1];
                for (int j = 0; j < q.length; j++) {
                    q[j] = quantileDisc(finite, (double) j / options.bins());
                }
                NumericBins bins = edgesFromQuantiles(q, options.binsFor(finite.length));
                cols.add(countNumeric(n, bins, ColumnKind.NUMERIC, options.sketches() ? options.sketchK() : 0));
            } else {
                CategoricalColumn cc = (CategoricalColumn) c;
                long[] byCode = new long[cc.cardinality()];
                for (int i = 0; i < cc.size(); i++) {
                    if (!cc.isMissing(i)) {
                        byCode[cc.code(i)]++;
                    }
                }
                Integer[] order = new Integer[byCode.length];
                for (int i = 0; i < order.length; i++) {
                    order[i] = i;
                }
                Arrays.sort(order, (a, b) -> byCode[a] != byCode[b] ? Long.compare(byCode[b], byCode[a])
                        : cc.label(a).compareTo(cc.label(b)));
                List<String> labels = new ArrayList<>();
                List<Long> counts = new ArrayList<>();
                for (Integer i : order) {
                    if (byCode[i] > 0) {
                        labels.add(cc.label(i));
                        counts.add(byCode[i]);
                    }
                }
                Set<String> dict = new LinkedHashSet<>(labels);
                boolean bool = !dict.isEmpty() && Set.of("true", "false").containsAll(dict);
                cols.add(countCategorical(cc, categories(labels, counts, options, true),
                        bool ? ColumnKind.BOOLEAN : ColumnKind.CATEGORICAL));
            }
        }
        return Profile.of(cols, table.rowCount());
    }

    /**
     * DuckDB's {@code quantile_disc} (SQL {@code PERCENTILE_DISC}): the smallest value whose
     * cumulative share reaches q, i.e. index ⌈n·q⌉ − 1 of the sorted values, computed as
     * max(1, n − ⌊n − n·q⌋) − 1 like DuckDB so that rounding agrees. An edge is always a data value.
     */
    static double quantileDisc(double[] sorted, double q) {
        long n = sorted.length;
        long index = Math.max(1, n - (long) Math.floor(n - q * n)) - 1;
        return sorted[(int) index];
    }

    /** Counts an in-memory table on the bins of {@code reference}. */
    public static Profile count(Profile reference, Table table) {
        List<ColumnProfile> cols = new ArrayList<>();
        for (ColumnProfile ref : reference.columns()) {
            Column c = table.column(ref.name());
            if (ref.kind().isNumeric()) {
                if (!(c instanceof NumericColumn)) {
                    throw new ValidationException("table: column '" + ref.name() + "' is categorical here but "
                            + ref.kind() + " in the reference");
                }
                KllDoublesSketch s = ref.sketch();
                cols.add(countNumeric((NumericColumn) c, ref.numericBins(), ref.kind(), s == null ? 0 : s.getK()));
            } else {
                if (!(c instanceof CategoricalColumn)) {
                    throw new ValidationException("table: column '" + ref.name() + "' is numeric here but "
                            + ref.kind() + " in the reference");
                }
                cols.add(countCategorical((CategoricalColumn) c, ref.categoryBins(), ref.kind()));
            }
        }
        return Profile.of(cols, table.rowCount());
    }

    private static ColumnProfile countNumeric(NumericColumn c, NumericBins bins, ColumnKind kind, int sketchK) {
        long[] counts = new long[bins.size()];
        long missing = 0;
        double[] v = c.values();
        KllDoublesSketch s = sketchK > 0 ? KllDoublesSketch.newHeapInstance(sketchK) : null;
        for (int i = 0; i < c.size(); i++) {
            double x = v[i];
            if (Double.isNaN(x) || c.isMissing(i)) {
                missing++;
            } else {
                counts[bins.binOf(x)]++;
                if (s != null && Double.isFinite(x)) {
                    s.update(x);
                }
            }
        }
        return ColumnProfile.numeric(c.name(), kind, bins, counts, missing, Moments.of(v, c.size()), s);
    }

    private static ColumnProfile countCategorical(CategoricalColumn c, CategoryBins bins, ColumnKind kind) {
        int[] binOfCode = new int[c.cardinality()];
        for (int i = 0; i < binOfCode.length; i++) {
            binOfCode[i] = bins.binOf(c.label(i));
        }
        long[] counts = new long[bins.size()];
        long missing = 0;
        for (int i = 0; i < c.size(); i++) {
            if (c.isMissing(i)) {
                missing++;
            } else {
                counts[binOfCode[c.code(i)]]++;
            }
        }
        return ColumnProfile.categorical(c.name(), kind, bins, counts, missing);
    }

    /** Helper for callers with plain arrays: a one-column table. */
    public static Table table(String name, double[] values) {
        return Table.of(List.of(NumericColumn.of(name, values)));
    }

}
