// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import dev.surprisal.core.ColumnRole;
import dev.surprisal.data.CellLocator;
import dev.surprisal.data.ColumnType;
import dev.surprisal.data.DataException;
import dev.surprisal.data.SqlView;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.roles.Cells;
import dev.surprisal.data.roles.NumberConvention;
import dev.surprisal.data.roles.ColumnRoles;
import dev.surprisal.data.roles.RoleDecision;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.LongConsumer;

/**
 * {@link ProfileBuilder}'s file path. Every column is read as the text written in the file (so an
 * {@code abc} in a numeric column cannot stop the read), then parsed in SQL with {@link Cells}'
 * rules. A reference takes three scans, each over all columns at once: role detection
 * ({@link ColumnRoles}), bin fitting (edge samples, distinct values, category counts), and the
 * counting scan that a day takes too. Rows are numbered in file order (DuckDB's streaming
 * {@code row_number() OVER ()}), which gives the line of each invalid cell and the keys of the
 * seeded {@link RowSample}s. The JVM holds O(columns × (bins + samples)) whatever the number of rows.
 */
final class FileProfiler {
    private FileProfiler() {
    }

    static Profile fit(TableReader reader, ProfileOptions o, LongConsumer progress) {
        java.util.Optional<Profile> fast = CsvProfiler.fit(reader, o, progress);
        if (fast.isPresent()) {
            return fast.get();
        }
        List<String> available = reader.schema().names();
        o.roles().validate(available, reader.file());
        List<String> selected = o.roles().selected(available);
        Set<String> typed = TypedColumns.of(reader, selected);
        TypedColumns.Fit typedFit = typed.isEmpty() ? null
                : asText(reader).query(sql -> TypedColumns.fit(sql, TypedColumns.numbered(reader), List.copyOf(typed), o));
        ColumnRoles roles = typedFit == null ? ColumnRoles.detect(reader, o.roles()) : roles(reader, o, typedFit, typed);
        List<RoleDecision> ds = roles.decisions();
        Map<String, Bins> bins = asText(reader).query(sql -> {
            Map<String, Bins> all = new HashMap<>();
            for (int from = 0; from < ds.size(); from += SqlView.COLUMNS_PER_QUERY) {
                all.putAll(fitBins(sql, ds.subList(from, Math.min(ds.size(), from + SqlView.COLUMNS_PER_QUERY)), o,
                        typed, typedFit, TypedColumns.numbered(reader)));
            }
            return all;
        });
        List<ColumnProfile> shells = new ArrayList<>();
        for (RoleDecision d : ds) {
            Bins b = bins.get(d.column());
            shells.add(new ColumnProfile(d.column(), d.role(), d.reason(), b, new long[b == null ? 0 : b.size()], 0, 0, 0,
                    null, null, null, null, null, d.convention()).withLayout(d.layout()));
        }
        return count(Profile.of(shells, 0, roles.excluded(), Map.of()), reader, progress, typedFit, null);
    }

    /**
     * The roles of the selected columns: the typed number columns from their statistics, the others
     * from DuckDB's scan of their text, with the user's overrides applied to all.
     */
    private static ColumnRoles roles(TableReader reader, ProfileOptions o, TypedColumns.Fit typedFit, Set<String> typed) {
        List<String> available = reader.schema().names();
        List<String> selected = o.roles().selected(available);
        List<String> text = selected.stream().filter(c -> !typed.contains(c)).toList();
        ColumnRoles textRoles = text.isEmpty() ? null
                : ColumnRoles.detect(reader, dev.surprisal.data.roles.RoleOverrides.none().withColumns(text));
        List<dev.surprisal.data.roles.ColumnStats> stats = new ArrayList<>();
        for (String c : selected) {
            stats.add(typed.contains(c) ? typedFit.stats().get(c) : textRoles.stats(c).orElseThrow());
        }
        return ColumnRoles.of(stats, available, o.roles(), reader.file()).typed(reader.schema());
    }

    /** Every column read as text. */
    private static TableReader asText(TableReader reader) {
        TableReader text = reader;
        for (String c : reader.schema().names()) {
            text = text.withType(c, ColumnType.CATEGORICAL);
        }
        return text;
    }

    /**
     * The SQL aggregate of the first {@link InvalidCell#GATHERED} invalid cells of text {@code u} in row order,
     * each "row:text" (filter it): when they are all of the column's invalid cells, {@link #invalidCells} counts
     * their values; else {@link #listInvalid} counts them in one more scan.
     */
    private static String firstCells(String u) {
        return "min_by(CAST(rn AS VARCHAR) || ':' || " + u + ", rn, " + InvalidCell.GATHERED + ")";
    }

    /**
     * The most frequent values among the cells {@link #firstCells} gathered ({@link InvalidCell#top}), each with its
     * count and first cell, located by CSV line (the header is line 1) or by row; empty when they are not all of
     * the column's {@code invalid} cells (then {@link #unlisted} marks the column for {@link #listInvalid}).
     */
    private static List<InvalidCell> invalidCells(Array gathered, long invalid, CellLocator where) throws SQLException {
        Object[] cells = objects(gathered);
        if (cells.length < invalid) {
            return new ArrayList<>();
        }
        InvalidTally tally = new InvalidTally();
        for (Object s : cells) {
            String text = String.valueOf(s);
            int colon = text.indexOf(':');
            tally.add(text.substring(colon + 1), Long.parseLong(text.substring(0, colon)) - 1); // rn counts from 1
        }
        return tally.cells(where, 0, false);
    }

    /** The SQL of the non-missing text (NULL when missing) of each column, with its row number. */
    private static String rows(SqlView sql, List<String> names, Set<String> typed, String numbered) {
        // a Parquet file numbers its rows itself (in parallel); other files by a streaming window
        StringBuilder b = new StringBuilder(numbered != null ? "SELECT rn" : "SELECT row_number() OVER () AS rn");
        for (int i = 0; i < names.size(); i++) {
            String t = sql.text(names.get(i));
            if (typed.contains(names.get(i))) {
                // a typed number: missing when NULL or NaN, never invalid; its text only for key statistics
                String x = TypedColumns.number(sql, names.get(i));
                b.append(", ").append(x).append(" AS x").append(i).append(", CASE WHEN ").append(x)
                        .append(" IS NULL THEN NULL ELSE ").append(t).append(" END AS u").append(i);
                continue;
            }
            b.append(", CASE WHEN ").append(Cells.sqlMissing(t)).append(" THEN NULL ELSE ").append(t).append(" END AS u")
                    .append(i);
        }
        return b.append(" FROM ").append(numbered != null ? numbered : sql.from()).toString();
    }

    /** Adds the row key and the numbers of numeric roles. */
    private static String parsed(SqlView sql, List<String> names, List<ColumnRole> roles, List<NumberConvention> read,
                                 Set<String> typed, String numbered) {
        StringBuilder b = new StringBuilder("SELECT rn, ").append(RowSample.sqlKey("rn", RowSample.SEED)).append(" AS k");
        for (int i = 0; i < names.size(); i++) {
            b.append(", u").append(i);
            if (roles.get(i).isNumeric()) {
                b.append(", ").append(typed.contains(names.get(i)) ? "x" + i : Cells.sqlNumber("u" + i, read.get(i))).append(" AS x")
                        .append(i);
            }
        }
        return b.append(" FROM (").append(rows(sql, names, typed, numbered)).append(")").toString();
    }

    private static Map<String, Bins> fitBins(SqlView sql, List<RoleDecision> ds, ProfileOptions o, Set<String> typed,
                                             TypedColumns.Fit typedFit, String numbered) {
        List<String> names = new ArrayList<>();
        List<ColumnRole> roles = new ArrayList<>();
        List<NumberConvention> read = new ArrayList<>();
        ds.forEach(d -> {
            names.add(d.column());
            roles.add(d.role());
            read.add(d.convention());
        });
        Query q = new Query();
        Map<String, Bins> out = new HashMap<>();
        StringJoiner probs = new StringJoiner(", ", "[", "]");
        for (double p : Binning.levels(o.bins())) {
            probs.add(Double.toString(p));
        }
        List<Reader> readers = new ArrayList<>();
        List<ExactEdges.Column> exact = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            ColumnRole role = roles.get(i);
            String x = "x" + i;
            String fin = " FILTER (WHERE isfinite(" + x + "))";
            if (role == ColumnRole.CONTINUOUS && typedFit != null && typed.contains(name) && !o.exactEdges()) {
                // the edge sample was fetched with the statistics: no aggregate needed
                double[] range = typedFit.finiteRange().get(name);
                out.put(name, Binning.continuous(typedFit.edgeSamples().get(name), typedFit.finite().get(name), range[0],
                        range[1], o));
            } else if (role == ColumnRole.CONTINUOUS) {
                int[] c = {q.agg(o.exactEdges() ? "quantile_disc(" + x + ", " + probs + ")" + fin
                        : "min_by(" + x + ", k, " + o.edgeSample() + ")" + fin), q.agg("count(" + x + ")" + fin),
                        q.agg("min(" + x + ")" + fin), q.agg("max(" + x + ")" + fin)};
                readers.add(rs -> {
                    double[] sample = doubles(rs.getArray(c[0]));
                    long finite = rs.getLong(c[1]);
                    double min = rs.getDouble(c[2]);
                    double max = rs.getDouble(c[3]);
                    // exact edges: DuckDB's quantile_disc at the levels, then the atom rule in SQL; else the
                    // bottom-k edge sample
                    if (o.exactEdges()) {
                        exact.add(new ExactEdges.Column(name, x, sample, finite, min, max));
                    } else {
                        out.put(name, Binning.continuous(sample, finite, min, max, o));
                    }
                });
            } else if (role == ColumnRole.BINARY || role == ColumnRole.DISCRETE) {
                int c = q.agg("list(DISTINCT " + x + ")" + fin);
                readers.add(rs -> out.put(name, Binning.discrete(doubles(rs.getArray(c)))));
            } else if (role == ColumnRole.CATEGORICAL) {
                int[] c = q.map("histogram(u" + i + ")");
                readers.add(rs -> {
                    Map<String, Long> counts = new HashMap<>();
                    Object[] keys = objects(rs.getArray(c[0]));
                    Object[] values = objects(rs.getArray(c[1]));
                    for (int t = 0; t < keys.length; t++) {
                        counts.put(String.valueOf(keys[t]), ((Number) values[t]).longValue());
                    }
                    out.put(name, Binning.categorical(counts, o));
                });
            }
        }
        if (readers.isEmpty()) {
            return out;
        }
        String rows = parsed(sql, names, roles, read, typed, numbered);
        sql.forEachRow(q.sql(rows), rs -> {
            for (Reader r : readers) {
                r.read(rs);
            }
        });
        if (!exact.isEmpty()) {
            out.putAll(ExactEdges.fit(sql, rows, exact, o));
        }
        return out;
    }

    static Profile count(Profile reference, TableReader reader, LongConsumer progress) {
        return count(reference, reader, progress, null, null);
    }

    /** {@link #count(Profile, TableReader, LongConsumer)} from the tokens {@code ahead} read, where they serve. */
    static Profile count(Profile reference, TableReader reader, LongConsumer progress, CountAhead ahead) {
        return count(reference, reader, progress, null, ahead);
    }

    /**
     * {@link #count(Profile, TableReader, LongConsumer)}; a reference being fitted passes its typed
     * columns' fit ({@code known}, may be null), whose edge samples hold the row samples, so the
     * counting scan needs no fetch of its own for them.
     */
    private static Profile count(Profile reference, TableReader reader, LongConsumer progress, TypedColumns.Fit known,
                                 CountAhead ahead) {
        List<String> available = reader.columnNames();
        java.util.Set<String> present = new java.util.HashSet<>(available);
        List<String> absent = reference.columnNames().stream().filter(n -> !present.contains(n)).toList();
        if (absent.isEmpty()) {
            return countPresent(reference, reader, progress, known, ahead);
        }
        if (absent.size() == reference.columns().size()) {
            throw new DataException(reader.file(), -1, absent.get(0), "none of the reference's columns ("
                    + String.join(", ", absent) + ") is in this file; available: " + String.join(", ", available)
                    + "; is it the right file?", null);
        }
        // a column gone today is a finding, not a reason to stop the monitor: every cell of it is missing
        Profile counted = countPresent(reference.select(reference.columnNames().stream().filter(present::contains)
                .toList()), reader, progress, null, ahead);
        List<ColumnProfile> out = new ArrayList<>();
        for (ColumnProfile c : reference.columns()) {
            out.add(present.contains(c.name()) ? counted.column(c.name()) : allMissing(c, counted.rows()));
        }
        return Profile.of(out, counted.rows(), reference.excluded(), Map.of());
    }

    /** A reference column counted on a day that lacks it: {@code rows} cells, every one missing. */
    static ColumnProfile allMissing(ColumnProfile ref, long rows) {
        return new ColumnProfile(ref.name(), ref.role(), ref.reason(), ref.bins(), new long[ref.binCount()], rows, rows,
                0, List.of(), Map.of(), null, null, null, ref.convention()).withLayout(ref.layout());
    }

    private static Profile countPresent(Profile reference, TableReader reader, LongConsumer progress,
                                        TypedColumns.Fit known, CountAhead ahead) {
        List<ColumnProfile> refs = reference.columns();
        Set<String> typed = TypedColumns.of(reader, refs.stream().map(ColumnProfile::name).toList());
        // continuous columns of typed numbers only (Parquet): DuckDB's typed scan counts them in less CPU
        // than handing every cell to Java (docs/benchmarks.md, parq8), with the same profile (ExactMomentsTest)
        boolean typedContinuous = typed.size() == refs.size()
                && refs.stream().allMatch(c -> c.bins() instanceof NumericBins);
        java.util.Optional<Profile> fast = typedContinuous ? java.util.Optional.empty()
                : CsvProfiler.count(reference, reader, progress, Runtime.getRuntime().maxMemory(), ahead);
        if (fast.isPresent()) {
            return fast.get();
        }
        // every column's first invalid cells are noted as the groups are read, then located in one pass
        dev.surprisal.data.DeferredCells where = new dev.surprisal.data.DeferredCells(CellLocator.of(reader.file(),
                reader.format()));
        ColumnProfile[] out = new ColumnProfile[refs.size()];
        long[] rows = new long[1];
        String numbered = TypedColumns.numbered(reader);
        asText(reader).query(sql -> {
            int from = 0;
            do {
                int to = Math.min(refs.size(), from + SqlView.COLUMNS_PER_QUERY);
                rows[0] = countGroup(sql, refs.subList(from, to), where, out, from, typed, numbered, known);
                from = to;
            } while (from < refs.size());
            return null;
        });
        if (rows[0] == 0) {
            throw new DataException(reader.file(), "no rows: the file has a header but no data");
        }
        if (progress != null) {
            progress.accept(rows[0]);
        }
        return Profile.of(CsvProfiler.located(List.of(out), where), rows[0], reference.excluded(), Map.of());
    }

    /** Counts the columns {@code refs} in one scan into {@code out[offset...]}; returns the rows. */
    private static long countGroup(SqlView sql, List<ColumnProfile> refs, CellLocator where, ColumnProfile[] out,
                                   int offset, Set<String> typed, String numbered, TypedColumns.Fit known) {
        // typed continuous columns get their row samples from one fetch after the scan (TypedColumns)
        List<Integer> fetched = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<ColumnRole> roles = new ArrayList<>();
        List<NumberConvention> read = new ArrayList<>();
        for (ColumnProfile c : refs) {
            names.add(c.name());
            roles.add(c.role());
            read.add(c.convention());
        }
        long[] rows = new long[1];
        List<Integer> respan = new ArrayList<>();
        Map<Integer, String> unlisted = new LinkedHashMap<>();
        Query q = new Query();
        int total = q.agg("count(*)");
        List<Reader> readers = new ArrayList<>();
        StringBuilder l3 = new StringBuilder("SELECT rn, k");
        for (int i = 0; i < refs.size(); i++) {
            ColumnProfile ref = refs.get(i);
            Bins bins = ref.bins();
            String u = "u" + i;
            String x = "x" + i;
            String b = "b" + i;
            l3.append(", ").append(u);
            if (ref.role().isNumeric()) {
                l3.append(", ").append(x);
            }
            int idx = offset + i;
            if (bins == null) {
                // the range in key order (KeyStats.compareValues): numbers by value (equal values, 1 and 1.0,
                // by their text), before other text by its characters; the cells are text here, and min(u)
                // alone put "9" after "10"
                // a date or timestamp column's range is its dates' and times': its invalid cells ('unknown')
                // would otherwise be its newest value, and the stale-data check compare that; dates in another
                // layout (29/11/2026) are ranged as their ISO text (DateLayout.sqlIso, the rule of DateLayout.iso)
                // its ISO text is projected once (d<i>), not pasted into each aggregate below
                boolean layout = ref.role().isTemporal() && !ref.layout().isIso();
                String key = layout ? "d" + i : u;
                if (layout) {
                    l3.append(", ").append(ref.layout().sqlIso(u)).append(" AS ").append(key);
                }
                String number = "regexp_full_match(" + key + ", '" + KeyStats.NUMBER_REGEX + "')";
                String value = "CASE WHEN " + number + " THEN {'v': CAST(" + key + " AS DOUBLE), 't': " + key + "} END";
                // other text by its characters, then the ISO date-times with an offset by their instant, projected
                // once (s<i>), then by their text (the rule of KeyStats.compareValues): a local-time export across
                // the end of summer time has 02:10+01:00 after 02:50+02:00
                String instant = "s" + i;
                l3.append(", ").append(IsoInstants.sql(layout ? ref.layout().sqlIso(u) : u)).append(" AS ")
                        .append(instant);
                String text = "{'i': " + instant + " IS NOT NULL, 'us': coalesce(" + instant + ", 0), 't': " + key + "}";
                String time = !ref.role().isTemporal() ? "true" : layout ? key + " IS NOT NULL" : Cells.sqlTime(u);
                int[] c = {q.agg("count(" + u + ")"), q.agg("count(DISTINCT " + u + ")"),
                        q.agg("arg_min(" + key + ", " + value + ") FILTER (WHERE " + time + ")"),
                        q.agg("arg_max(" + key + ", " + value + ") FILTER (WHERE " + time + ")"),
                        q.agg("arg_min(" + key + ", " + text + ") FILTER (WHERE NOT " + number + " AND " + time + ")"),
                        q.agg("arg_max(" + key + ", " + text + ") FILTER (WHERE NOT " + number + " AND " + time + ")")};
                // a date or timestamp column: its cells that are no date or time (in its layout) are invalid
                String notTime = " FILTER (WHERE NOT " + time + ")";
                int[] t = !ref.role().isTemporal() ? null : new int[] {q.agg("count(" + u + ")" + notTime),
                        q.agg(firstCells(u) + notTime)};
                readers.add(rs -> {
                    long present = rs.getLong(c[0]);
                    if (t != null) {
                        unlisted(unlisted, idx, u + " IS NOT NULL AND NOT " + time, rs.getLong(t[0]), rs.getArray(t[1]));
                    }
                    String min = KeyStats.lower(rs.getString(c[2]), rs.getString(c[4]));
                    String max = KeyStats.higher(rs.getString(c[3]), rs.getString(c[5]));
                    out[idx] = ref.withCounts(new long[0], rows[0], rows[0] - present, t == null ? 0 : rs.getLong(t[0]),
                            t == null ? List.of() : invalidCells(rs.getArray(t[1]), rs.getLong(t[0]), where), Map.of(), null,
                            null, new KeyStats(present, rs.getLong(c[1]), min, max));
                });
                continue;
            }
            String binIndex = bins instanceof CategoryBins ? ((CategoryBins) bins).sqlBinIndex(u)
                    : bins instanceof ValueBins ? ((ValueBins) bins).sqlBinIndex(x) : ((NumericBins) bins).sqlBinIndex(x);
            // a typed number is missing when its value is (NULL or NaN) and never invalid: no text per row
            boolean number = typed.contains(ref.name()) && !(bins instanceof CategoryBins);
            // ... and a continuous one is counted by DuckDB's binary search over the edges, half the
            // cost of the CASE tree: right-closed buckets at nextDown(e0), ..., nextDown(e(m-2)),
            // e(m-1) are the bins below-range, [e0, e1), ..., [e(m-2), e(m-1)]; above them, above-range
            double[] boundaries = number && bins instanceof NumericBins ? boundaries(((NumericBins) bins).edges())
                    : null;
            if (boundaries == null) {
                l3.append(", CASE WHEN ").append(number ? x : u).append(" IS NULL THEN -1")
                        .append(bins instanceof CategoryBins || number ? "" : " WHEN " + x + " IS NULL THEN -2")
                        .append(" ELSE ").append(binIndex).append(" END AS ").append(b);
            }
            int present = boundaries == null ? -1 : q.agg("count(" + x + ")");
            int[] h = q.map(boundaries == null ? "histogram(" + b + ")" : "histogram(" + x + ", "
                    + doubleList(boundaries) + ")");
            int e = bins instanceof CategoryBins || number ? -1 : q.agg(firstCells(u) + " FILTER (WHERE " + b + " = -2)");
            int unseenBin = bins instanceof CategoryBins ? ((CategoryBins) bins).unseenBin()
                    : bins instanceof ValueBins ? ((ValueBins) bins).unseenBin() : -1;
            int[] un = unseenBin < 0 ? null : q.map("histogram(" + (bins instanceof CategoryBins ? u : x)
                    + ") FILTER (WHERE " + b + " = " + unseenBin + ")");
            boolean continuous = bins instanceof NumericBins;
            boolean fetch = continuous && typed.contains(ref.name());
            if (fetch) {
                fetched.add(i);
            }
            String fin = " FILTER (WHERE isfinite(" + x + "))";
            // the finite values as a column of their own: aggregates skip its NULLs, cheaper than a FILTER each
            String f = "f" + i;
            if (continuous) {
                l3.append(", CASE WHEN isfinite(").append(x).append(") THEN ").append(x).append(" END AS ").append(f);
            }
            // the moments from exact integer sums (SqlMoments), the same whatever DuckDB's threads
            SqlMoments sm = continuous ? SqlMoments.around(((NumericBins) bins).edges()) : null;
            if (continuous) {
                l3.append(", ").append(sm.scaled(x)).append(" AS t").append(i);
            }
            int[] m = !continuous ? null : new int[] {q.agg("count(" + f + ")"), q.aggs(SqlMoments.aggregates("t" + i)),
                    q.agg("min(" + f + ")"), q.agg("max(" + f + ")"),
                    fetch ? -1 : q.agg("min_by(" + x + ", k, " + RowSample.SIZE + ")" + fin),
                    fetch ? -1 : q.agg("min_by(k, k, " + RowSample.SIZE + ")" + fin)};
            readers.add(rs -> {
                long[] counts = new long[bins.size()];
                long missing = 0;
                long invalid = 0;
                Object[] keys = objects(rs.getArray(h[0]));
                Object[] values = objects(rs.getArray(h[1]));
                if (boundaries != null) {
                    missing = rows[0] - rs.getLong(present);
                }
                for (int t = 0; t < keys.length; t++) {
                    int key = boundaries != null ? bucket(boundaries, ((Number) keys[t]).doubleValue())
                            : ((Number) keys[t]).intValue();
                    long v = ((Number) values[t]).longValue();
                    if (key == -1) {
                        missing += v;
                    } else if (key == -2) {
                        invalid += v;
                    } else {
                        counts[key] += v;
                    }
                }
                List<InvalidCell> cells = e > 0 ? invalidCells(rs.getArray(e), invalid, where) : new ArrayList<>();
                if (e > 0) {
                    unlisted(unlisted, idx, b + " = -2", invalid, rs.getArray(e));
                }
                Map<String, Long> unseen = new LinkedHashMap<>();
                if (un != null) {
                    Object[] uk = objects(rs.getArray(un[0]));
                    Object[] uv = objects(rs.getArray(un[1]));
                    for (int t = 0; t < uk.length; t++) {
                        String label = uk[t] instanceof Number ? ValueBins.format(((Number) uk[t]).doubleValue())
                                : String.valueOf(uk[t]);
                        long v = ((Number) uv[t]).longValue();
                        if (bins instanceof CategoryBins cb && cb.isOtherBin(cb.binOf(label))) {
                            // a hashed other category, which the SQL (named ones only) put in unseen
                            counts[cb.unseenBin()] -= v;
                            counts[cb.binOf(label)] += v;
                        } else {
                            unseen.merge(label, v, Long::sum);
                        }
                    }
                }
                Moments mo = null;
                RowSample sample = null;
                if (continuous) {
                    long n = rs.getLong(m[0]);
                    double min = rs.getDouble(m[2]);
                    double max = rs.getDouble(m[3]);
                    if (rs.getLong(m[1]) == n) {
                        mo = sm.moments(n, rs.getString(m[1] + 1), rs.getString(m[1] + 2), min, max);
                    } else {
                        // a value beyond the reference's span and headroom: summed again around its own range
                        mo = new Moments(n, Double.NaN, Double.NaN, min, max);
                        respan.add(idx - offset);
                    }
                    sample = m[4] < 0 ? null : RowSample.of(longs(rs.getArray(m[5])), doubles(rs.getArray(m[4])),
                            RowSample.SIZE);
                }
                out[idx] = ref.withCounts(counts, rows[0], missing, invalid, cells, ColumnProfile.topUnseen(unseen), mo,
                        sample, null);
            });
        }
        // a day's row samples from the rows under a key bound, gathered by the counting scan itself
        // (the bound from the Parquet metadata's row count, as rowSamples sets it for dense columns)
        int inScan = known == null && numbered != null && !fetched.isEmpty()
                ? q.agg(sampleRows(fetched, parquetRows(sql))) : -1;
        String l2 = parsed(sql, names, roles, read, typed, numbered);
        sql.forEachRow(q.sql(l3 + " FROM (" + l2 + ")"), rs -> {
            rows[0] = rs.getLong(total);
            for (Reader r : readers) {
                r.read(rs);
            }
            if (inScan > 0) {
                takeSamples(objects(rs.getArray(inScan)), fetched, out, offset);
            }
        });
        if (!respan.isEmpty()) {
            respan(sql, l3 + " FROM (" + l2 + ")", respan, out, offset);
        }
        if (!unlisted.isEmpty()) {
            listInvalid(sql, l3 + " FROM (" + l2 + ")", unlisted, offset, out, where);
        }
        for (java.util.Iterator<Integer> it = fetched.iterator(); known != null && it.hasNext(); ) {
            // a reference's row sample: the bottom of its edge sample (same keys), no second fetch
            int i = it.next();
            ColumnProfile c = out[offset + i];
            RowSample s = known.rowSample(c.name(), RowSample.SIZE);
            if (s != null) {
                out[offset + i] = c.withCounts(c.counts(), c.rows(), c.missing(), c.invalid(), c.invalidCells(),
                        c.unseen(), c.moments(), s, c.keys());
                it.remove();
            }
        }
        if (!fetched.isEmpty()) {
            List<String> fetchNames = new ArrayList<>();
            long[] finite = new long[fetched.size()];
            for (int j = 0; j < fetched.size(); j++) {
                ColumnProfile c = out[offset + fetched.get(j)];
                fetchNames.add(c.name());
                finite[j] = c.moments().count();
            }
            RowSample[] samples = TypedColumns.rowSamples(sql, numbered, fetchNames, finite, rows[0], RowSample.SIZE);
            for (int j = 0; j < fetched.size(); j++) {
                ColumnProfile c = out[offset + fetched.get(j)];
                out[offset + fetched.get(j)] = c.withCounts(c.counts(), c.rows(), c.missing(), c.invalid(),
                        c.invalidCells(), c.unseen(), c.moments(), samples[j], c.keys());
            }
        }
        return rows[0];
    }

    /**
     * The aggregate that lists, as structs (key, x of each column {@code which}), the rows whose key
     * lies under the bound that gives about 1.2 {@link RowSample#SIZE} of {@code rows} rows.
     */
    private static String sampleRows(List<Integer> which, long rows) {
        double share = 1.2 * RowSample.SIZE / Math.max(1, rows) + 64.0 / Math.max(1, rows);
        StringBuilder b = new StringBuilder("list((k");
        for (int i : which) {
            b.append(", x").append(i);
        }
        b.append("))");
        if (share < 1.0) {
            b.append(" FILTER (WHERE k < ").append((long) Math.ceil(share * 2_147_483_647L) << 32).append(")");
        }
        return b.toString();
    }

    /**
     * Sets the row sample of each column {@code which} (positions in the group) from the listed rows
     * ({@link #sampleRows}) where they decide it: a column with {@link RowSample#SIZE} finite values
     * among them (every row with a smaller key is among them too), or all its finite values. The
     * columns set are removed from {@code which}; the others are fetched as before.
     */
    private static void takeSamples(Object[] listed, List<Integer> which, ColumnProfile[] out, int offset)
            throws SQLException {
        int n = which.size();
        long[][] keys = new long[n][listed.length];
        double[][] values = new double[n][listed.length];
        int[] m = new int[n];
        for (Object row : listed) {
            Object[] at = ((java.sql.Struct) row).getAttributes();
            long key = ((Number) at[0]).longValue();
            for (int j = 0; j < n; j++) {
                if (at[j + 1] != null && Double.isFinite(((Number) at[j + 1]).doubleValue())) {
                    keys[j][m[j]] = key;
                    values[j][m[j]++] = ((Number) at[j + 1]).doubleValue();
                }
            }
        }
        for (int j = n - 1; j >= 0; j--) {
            ColumnProfile c = out[offset + which.get(j)];
            if (m[j] >= RowSample.SIZE || m[j] == c.moments().count()) {
                RowSample s = RowSample.of(java.util.Arrays.copyOf(keys[j], m[j]), java.util.Arrays.copyOf(values[j], m[j]),
                        RowSample.SIZE);
                out[offset + which.get(j)] = c.withCounts(c.counts(), c.rows(), c.missing(), c.invalid(),
                        c.invalidCells(), c.unseen(), c.moments(), s, c.keys());
                which.remove(j);
            }
        }
    }

    /**
     * Marks column {@code idx}'s invalid values for {@link #listInvalid} when the counting scan did not gather all
     * of its invalid cells (more than {@link InvalidCell#GATHERED}), so their values cannot be counted from them.
     */
    private static void unlisted(Map<Integer, String> unlisted, int idx, String invalidWhere, long invalid,
                                 Array gathered) throws SQLException {
        if (invalid > objects(gathered).length) {
            unlisted.put(idx, invalidWhere);
        }
    }

    /**
     * Sets the invalid values of the columns {@code unlisted} marked to their {@link InvalidCell#KEPT} most frequent
     * ones, each with its count and first cell, as the other paths keep them ({@link InvalidCell#top}): one more
     * scan for all of them (a grouping set per column: {@code GROUP BY GROUPING SETS ((g0), (g1), ...)}, g the
     * column's text where it is invalid, else NULL), of columns with more invalid cells than the counting scan
     * gathers ({@link #unlisted}).
     *
     * @param unlisted each column's index in {@code out} with the SQL condition of its invalid cells
     */
    private static void listInvalid(SqlView sql, String rows, Map<Integer, String> unlisted, int offset,
                                    ColumnProfile[] out, CellLocator where) {
        List<Integer> cols = new ArrayList<>(unlisted.keySet());
        StringBuilder g = new StringBuilder("SELECT rn");
        StringBuilder select = new StringBuilder("SELECT ");
        StringBuilder sets = new StringBuilder();
        for (int j = 0; j < cols.size(); j++) {
            g.append(", CASE WHEN ").append(unlisted.get(cols.get(j))).append(" THEN u").append(cols.get(j) - offset)
                    .append(" END AS g").append(j);
            select.append('g').append(j).append(", ");
            sets.append(j == 0 ? "(g" : ", (g").append(j).append(')');
        }
        select.append("count(*) AS cells, min(rn) AS first_rn FROM (").append(g).append(" FROM (").append(rows)
                .append(")) GROUP BY GROUPING SETS (").append(sets).append(')');
        List<InvalidTally> tallies = new ArrayList<>();
        cols.forEach(c -> tallies.add(new InvalidTally()));
        int n = cols.size();
        sql.forEachRow(select.toString(), rs -> {
            for (int j = 0; j < n; j++) {
                String value = rs.getString(j + 1); // NULL in the other sets, and in the group of valid cells
                if (value != null) {
                    tallies.get(j).add(value, rs.getLong(n + 1), rs.getLong(n + 2) - 1); // rn counts from 1
                    break;
                }
            }
        });
        for (int j = 0; j < n; j++) {
            ColumnProfile c = out[cols.get(j)];
            out[cols.get(j)] = c.withCounts(c.counts(), c.rows(), c.missing(), c.invalid(),
                    tallies.get(j).cells(where, 0, false), c.unseen(), c.moments(), c.sample(), c.keys());
        }
    }

    /** A Parquet file's rows, from its metadata. */
    private static long parquetRows(SqlView sql) {
        long[] n = {0};
        sql.forEachRow("SELECT count(*) FROM " + sql.from(), rs -> n[0] = rs.getLong(1));
        return n[0];
    }

    /**
     * Sums the moments of the columns {@code which} (positions in the group) again, each around its
     * own finite range ({@link SqlMoments#spanning}), and sets them in {@code out[offset...]}.
     */
    private static void respan(SqlView sql, String rows, List<Integer> which, ColumnProfile[] out, int offset) {
        Query q = new Query();
        SqlMoments[] sms = new SqlMoments[which.size()];
        int[] at = new int[which.size()];
        StringBuilder scaled = new StringBuilder("SELECT 0 AS zero");
        for (int j = 0; j < which.size(); j++) {
            Moments mo = out[offset + which.get(j)].moments();
            sms[j] = SqlMoments.spanning(mo.min(), mo.max());
            scaled.append(", ").append(sms[j].scaled("x" + which.get(j))).append(" AS t").append(j);
            at[j] = q.aggs(SqlMoments.aggregates("t" + j));
        }
        sql.forEachRow(q.sql(scaled + " FROM (" + rows + ")"), rs -> {
            for (int j = 0; j < which.size(); j++) {
                ColumnProfile c = out[offset + which.get(j)];
                Moments mo = c.moments();
                Moments exact = sms[j].moments(rs.getLong(at[j]), rs.getString(at[j] + 1), rs.getString(at[j] + 2),
                        mo.min(), mo.max());
                if (exact.count() != mo.count()) {
                    throw new IllegalStateException("moments of " + c.name() + ": " + exact.count() + " values summed of "
                            + mo.count());
                }
                out[offset + which.get(j)] = c.withCounts(c.counts(), c.rows(), c.missing(), c.invalid(),
                        c.invalidCells(), c.unseen(), exact, c.sample(), c.keys());
            }
        });
    }

    /** The right-closed bucket bounds of DuckDB's {@code histogram(x, bounds)} that give these edges' bins. */
    static double[] boundaries(double[] edges) {
        double[] b = new double[edges.length];
        for (int i = 0; i < edges.length; i++) {
            b[i] = i == edges.length - 1 && i > 0 ? edges[i] : Math.nextDown(edges[i]);
        }
        return b;
    }

    /** The bin of a bucket of {@code histogram(x, boundaries)}: its position, or the last bin above them. */
    private static int bucket(double[] boundaries, double key) {
        int at = java.util.Arrays.binarySearch(boundaries, key);
        return at >= 0 ? at : boundaries.length;
    }

    /** Reads one query's result. */
    @FunctionalInterface
    private interface Reader {
        void read(ResultSet rs) throws SQLException;
    }

    /**
     * An aggregate query whose columns are numbered as they are added: aggregates a1, a2, … in an
     * inner SELECT, and an outer SELECT that splits each histogram into its keys and values.
     */
    private static final class Query {
        private final StringJoiner inner = new StringJoiner(", ");
        private final StringJoiner outer = new StringJoiner(", ");
        private int aggregates;
        private int columns;

        /** Adds an aggregate; returns its 1-based result column. */
        int agg(String expression) {
            String a = "a" + ++aggregates;
            inner.add(expression + " AS " + a);
            outer.add(a);
            return ++columns;
        }

        /** Adds a count and HUGEINT sums ({@link SqlMoments#aggregates}), the sums read as text; returns the first column. */
        int aggs(String[] expressions) {
            int first = agg(expressions[0]);
            for (int j = 1; j < expressions.length; j++) {
                String a = "a" + ++aggregates;
                inner.add(expressions[j] + " AS " + a);
                outer.add("CAST(" + a + " AS VARCHAR)");
                columns++;
            }
            return first;
        }

        /** Adds a MAP aggregate; returns the result columns of its keys and values. */
        int[] map(String expression) {
            String a = "a" + ++aggregates;
            inner.add(expression + " AS " + a);
            outer.add("map_keys(" + a + ")").add("map_values(" + a + ")");
            columns += 2;
            return new int[] {columns - 1, columns};
        }

        String sql(String from) {
            return "SELECT " + outer + " FROM (SELECT " + inner + " FROM (" + from + "))";
        }
    }

    static Object[] objects(Array a) throws SQLException {
        return a == null ? new Object[0] : (Object[]) a.getArray();
    }

    static double[] doubles(Array a) throws SQLException {
        Object[] items = objects(a);
        double[] out = new double[items.length];
        for (int i = 0; i < items.length; i++) {
            out[i] = ((Number) items[i]).doubleValue();
        }
        return out;
    }

    static long[] longs(Array a) throws SQLException {
        Object[] items = objects(a);
        long[] out = new long[items.length];
        for (int i = 0; i < items.length; i++) {
            out[i] = ((Number) items[i]).longValue();
        }
        return out;
    }

    /** A constant DOUBLE[]: one string cast, parsed with DuckDB's correctly rounded double parser. */
    static String doubleList(double[] v) {
        StringJoiner j = new StringJoiner(", ", "CAST('[", "]' AS DOUBLE[])");
        for (double d : v) {
            j.add(Double.toString(d));
        }
        return j.toString();
    }
}
