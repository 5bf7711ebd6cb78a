// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import dev.surprisal.core.ColumnRole;
import dev.surprisal.data.CategoricalColumn;
import dev.surprisal.data.CellLocator;
import dev.surprisal.data.Column;
import dev.surprisal.data.DataException;
import dev.surprisal.data.NumericColumn;
import dev.surprisal.data.Table;
import dev.surprisal.data.roles.Cells;
import dev.surprisal.data.roles.NumberConvention;
import dev.surprisal.data.roles.ColumnRoles;
import dev.surprisal.data.roles.RoleDecision;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link ProfileBuilder}'s in-memory path: the rules of the file path ({@link FileProfiler})
 * applied in Java, cell by cell, so that a table and its file give the same profile. It is also
 * how a CSV file is profiled when Java reads it ({@link WideProfiler}): then invalid cells are
 * located by line, as the file path locates them.
 */
final class MemoryProfiler {
    private MemoryProfiler() {
    }

    /**
     * A column's cells as the rules read them. A text column is read once per dictionary entry,
     * not per cell: whether it is missing and its number are looked up by code.
     */
    private static final class View {
        private final Column column;
        private final NumericColumn numeric;
        private final CategoricalColumn text;
        private final boolean[] missingCode;
        private final double[] numberCode;

        /**
         * A column whose cells are read in {@code convention} (its role's, frozen in the reference).
         *
         * @param scored whether the column has bins: an unscored one (an id, a timestamp, a constant)
         *               reads no cell as a number, so a text column's entries are not parsed as numbers
         */
        View(Column column, NumberConvention convention, boolean scored) {
            this.column = column;
            this.numeric = column instanceof NumericColumn ? (NumericColumn) column : null;
            this.text = numeric == null ? (CategoricalColumn) column : null;
            if (text != null) {
                List<String> dict = text.dictionary();
                missingCode = new boolean[dict.size()];
                numberCode = scored ? new double[dict.size()] : null;
                for (int k = 0; k < dict.size(); k++) {
                    missingCode[k] = Cells.isMissing(dict.get(k));
                    if (scored) {
                        numberCode[k] = missingCode[k] ? Double.NaN : Cells.number(dict.get(k), convention);
                    }
                }
            } else {
                missingCode = null;
                numberCode = null;
            }
        }

        int size() {
            return column.size();
        }

        boolean missing(int i) {
            if (numeric != null) {
                return Double.isNaN(numeric.value(i)); // a numeric column's missing cells are exactly its NaNs
            }
            int code = text.code(i);
            return code < 0 || missingCode[code];
        }

        /** The number in a non-missing cell, NaN when it is not one (invalid). */
        double number(int i) {
            return numeric != null ? numeric.value(i) : numberCode[text.code(i)];
        }

        /** The number in row i, NaN when the cell is missing or invalid. */
        double numberOrNaN(int i) {
            if (numeric != null) {
                return numeric.value(i);
            }
            int code = text.code(i);
            return code < 0 ? Double.NaN : numberCode[code]; // a missing entry's number is NaN
        }

        String text(int i) {
            return numeric != null ? ValueBins.format(numeric.value(i)) : text.labelAt(i);
        }

        /** The codes of a text column that occur in some row, increasing. */
        int[] usedCodes() {
            boolean[] used = new boolean[missingCode.length];
            int count = 0;
            for (int i = 0; i < column.size(); i++) {
                int code = text.code(i);
                if (code >= 0 && !used[code]) {
                    used[code] = true;
                    count++;
                }
            }
            int[] out = new int[count];
            for (int k = 0, j = 0; k < used.length; k++) {
                if (used[k]) {
                    out[j++] = k;
                }
            }
            return out;
        }
    }

    static Profile fit(Table table, ProfileOptions o) {
        ColumnRoles roles = ColumnRoles.detect(table, o.roles());
        if (table.rowCount() == 0) {
            throw new DataException(null, -1, null, "no rows: the table has columns but no data", null);
        }
        List<ColumnProfile> out = fit(table, roles.decisions(), o, CellLocator.ROWS);
        return Profile.of(out, table.rowCount(), roles.excluded(), Map.of());
    }

    /**
     * Fits the bins of the decided columns of {@code table} and counts them.
     *
     * @param where where invalid cells are ({@link CellLocator#of}: a CSV file's lines)
     */
    static List<ColumnProfile> fit(Table table, List<RoleDecision> decisions, ProfileOptions o,
                                   CellLocator where) {
        ColumnProfile[] out = new ColumnProfile[decisions.size()];
        KeyOrder order = new KeyOrder(0, table.rowCount()); // the rows' sample order, once for every column
        if (order.applies() && decisions.stream().anyMatch(d -> d.role() == ColumnRole.CONTINUOUS)) {
            // a large column's edges come from its first edge-sample rows in this order, its count's sample after
            order.prepare(o.exactEdges() ? RowSample.SIZE : Math.max(o.edgeSample(), RowSample.SIZE));
        }
        // columns are independent; each lands in its own slot, so the result does not depend on threads
        java.util.stream.IntStream.range(0, out.length).parallel().forEach(j -> {
            RoleDecision d = decisions.get(j);
            View v = new View(table.column(d.column()), d.convention(), d.role().isScored());
            Bins bins = fitBins(v, d.role(), o, order);
            ColumnProfile shell = new ColumnProfile(d.column(), d.role(), d.reason(), bins,
                    new long[bins == null ? 0 : bins.size()], 0, 0, 0, null, null, null, null, null, d.convention()).withLayout(d.layout());
            out[j] = count(shell, v, where, 0, false, order);
        });
        return List.of(out);
    }

    private static Bins fitBins(View v, ColumnRole role, ProfileOptions o, KeyOrder order) {
        int n = v.size();
        if (!role.isScored()) {
            return null;
        }
        if (role == ColumnRole.CATEGORICAL) {
            Map<String, Long> counts = new HashMap<>();
            if (v.text != null) {
                // by dictionary code: one counter per distinct text, not a map update per cell
                long[] byCode = new long[v.missingCode.length];
                for (int i = 0; i < n; i++) {
                    int code = v.text.code(i);
                    if (code >= 0) {
                        byCode[code]++;
                    }
                }
                for (int k = 0; k < byCode.length; k++) {
                    if (byCode[k] > 0 && !v.missingCode[k]) {
                        counts.put(v.text.label(k), byCode[k]);
                    }
                }
            } else {
                for (int i = 0; i < n; i++) {
                    if (!v.missing(i)) {
                        counts.merge(v.text(i), 1L, Long::sum);
                    }
                }
            }
            return Binning.categorical(counts, o);
        }
        if (role != ColumnRole.CONTINUOUS) {
            Set<Double> distinct = new HashSet<>();
            if (v.text != null) {
                // a value per dictionary entry that occurs, not a boxed double per cell
                for (int k : v.usedCodes()) {
                    double x = v.numberCode[k];
                    if (!v.missingCode[k] && Double.isFinite(x)) {
                        distinct.add(x == 0 ? 0.0 : x);
                    }
                }
            } else {
                for (int i = 0; i < n; i++) {
                    double x = v.missing(i) ? Double.NaN : v.number(i);
                    if (Double.isFinite(x)) {
                        distinct.add(x == 0 ? 0.0 : x);
                    }
                }
            }
            return Binning.discrete(distinct.stream().mapToDouble(Double::doubleValue).toArray());
        }
        // the edges from the finite values (all of them, or a seeded sample of a large column), the
        // outer edges from their exact range: a pass for the range, then only the values kept are read
        int m = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double x = v.numberOrNaN(i);
            if (Double.isFinite(x)) {
                m++;
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
        }
        double[] sample;
        if (m <= o.edgeSample() || o.exactEdges()) {
            sample = new double[m];
            for (int i = 0, j = 0; i < n; i++) {
                double x = v.numberOrNaN(i);
                if (Double.isFinite(x)) {
                    sample[j++] = x;
                }
            }
        } else {
            sample = sample(v, order, m, o.edgeSample()).values();
        }
        return Binning.continuous(sample, m, min, max, o);
    }

    /**
     * The bottom-{@code size} {@link RowSample} of a column's {@code finite} finite values: from the
     * table's shared key order, or, for rows past 2³² of a source, from every finite row's key.
     */
    private static RowSample sample(View v, KeyOrder order, int finite, int size) {
        if (order.applies()) {
            KeyOrder.Sample s = order.sample(v::numberOrNaN, finite, size);
            return RowSample.ofKeyOrder(s.keys(), s.values());
        }
        long[] keys = new long[finite];
        double[] values = new double[finite];
        for (int i = 0, j = 0; j < finite; i++) {
            double x = v.numberOrNaN(i);
            if (Double.isFinite(x)) {
                keys[j] = RowSample.key(order.row(i), RowSample.SEED);
                values[j++] = x;
            }
        }
        return RowSample.of(keys, values, size);
    }

    static Profile count(Profile reference, Table table) {
        if (table.rowCount() == 0) {
            throw new DataException(null, -1, null, "no rows: the table has columns but no data", null);
        }
        return Profile.of(count(reference.columns(), table, CellLocator.ROWS), table.rowCount(), reference.excluded(), Map.of());
    }

    /**
     * Counts {@code table}'s columns on the frozen bins of {@code refs} (each ref names its column).
     *
     * @param where where invalid cells are ({@link CellLocator#of}: a CSV file's lines)
     */
    static List<ColumnProfile> count(List<ColumnProfile> refs, Table table, CellLocator where) {
        return count(refs, table, where, 0, false);
    }

    /**
     * {@link #count(List, Table, CellLocator)} of a part of a larger source whose first row is row
     * {@code first + 1} of the source (row keys and invalid-cell locations are the source's), keeping
     * every unseen value and every invalid value when {@code allUnseen} so that parts merge exactly
     * ({@link PartialProfiles}); otherwise the most frequent ones.
     */
    static List<ColumnProfile> count(List<ColumnProfile> refs, Table table, CellLocator where, long first,
                                     boolean allUnseen) {
        ColumnProfile[] out = new ColumnProfile[refs.size()];
        KeyOrder order = new KeyOrder(first, table.rowCount());
        if (order.applies() && refs.stream().anyMatch(r -> r.bins() instanceof NumericBins)) {
            order.prepare(RowSample.SIZE); // a continuous column's sample: its first finite rows in this order
        }
        java.util.stream.IntStream.range(0, out.length).parallel().forEach(j -> out[j] = count(refs.get(j),
                new View(table.column(refs.get(j).name()), refs.get(j).convention(), refs.get(j).bins() != null),
                where, first, allUnseen, order));
        return List.of(out);
    }

    /** {@link #binsByCode}'s mark for a text that is not a number in a numeric column. */
    private static final int INVALID = -1;

    /**
     * The bin of each dictionary entry of a text column with category or value bins
     * ({@link #INVALID} where a number was expected and the text is none; missing entries get a
     * bin they never use).
     */
    private static int[] binsByCode(View v, Bins bins) {
        int[] out = new int[v.missingCode.length];
        for (int k = 0; k < out.length; k++) {
            if (v.missingCode[k]) {
                out[k] = 0;
            } else if (bins instanceof CategoryBins) {
                out[k] = ((CategoryBins) bins).binOf(v.text.label(k));
            } else if (Double.isNaN(v.numberCode[k])) {
                out[k] = INVALID;
            } else {
                out[k] = ((ValueBins) bins).binOf(v.numberCode[k]);
            }
        }
        return out;
    }

    private static ColumnProfile count(ColumnProfile ref, View v, CellLocator where, long first,
                                       boolean allUnseen, KeyOrder order) {
        int n = v.size();
        long missing = 0;
        long invalid = 0;
        InvalidTally cells = new InvalidTally();
        Bins bins = ref.bins();
        if (bins == null && v.text != null) {
            // by dictionary entry: the labels are distinct texts, so the distinct count is the number used
            long distinct = 0;
            KeyStats.Range range = new KeyStats.Range();
            boolean[] notTime = new boolean[v.missingCode.length];
            for (int k : v.usedCodes()) {
                if (v.missingCode[k]) {
                    continue;
                }
                String t = v.text.label(k);
                distinct++;
                // a date column's range is its dates', as ISO text in its frozen layout: 'unknown' is no newest date
                String key = ref.role().isTemporal() ? ref.layout().iso(t) : t;
                notTime[k] = key == null;
                if (!notTime[k]) {
                    range.add(key);
                }
            }
            long[] tally = missingAndInvalid(v, notTime, cells);
            return ref.withCounts(new long[0], n, tally[0], tally[1], cells.cells(where, first, allUnseen), Map.of(),
                    null, null, new KeyStats(n - tally[0], distinct, range.min(), range.max()));
        }
        if (bins == null) {
            Set<String> distinct = new HashSet<>();
            KeyStats.Range range = new KeyStats.Range();
            for (int i = 0; i < n; i++) {
                if (v.missing(i)) {
                    missing++;
                    continue;
                }
                String t = v.text(i);
                distinct.add(t);
                String key = ref.role().isTemporal() ? ref.layout().iso(t) : t;
                if (key == null) {
                    invalid++;
                    cells.add(t, i);
                } else { // a date column's range is its dates'
                    range.add(key);
                }
            }
            return ref.withCounts(new long[0], n, missing, invalid, cells.cells(where, first, allUnseen), Map.of(), null,
                    null, new KeyStats(n - missing, distinct.size(), range.min(), range.max()));
        }
        if (bins instanceof NumericBins) {
            return countContinuous(ref, (NumericBins) bins, v, where, first, order, allUnseen);
        }
        long[] counts = new long[bins.size()];
        Map<String, Long> unseen = new LinkedHashMap<>();
        long[] tally = countBins(bins, v, counts, unseen, cells);
        return ref.withCounts(counts, n, tally[0], tally[1], cells.cells(where, first, allUnseen),
                allUnseen ? unseen : ColumnProfile.topUnseen(unseen), null, null, null);
    }

    /**
     * The missing cells and those whose code {@code invalid} marks, of a text column, each invalid one
     * tallied in {@code cells}: {missing, invalid}. A loop of its own rather than one of {@link #count}'s:
     * a one-shot process compiles a small method once and early, where the large one was compiled again for
     * each of its loops (on-stack replacement) and ran interpreted meanwhile, a wide file's columns one after
     * another (docs/benchmarks.md, wide16).
     */
    private static long[] missingAndInvalid(View v, boolean[] invalidCode, InvalidTally cells) {
        long missing = 0;
        long invalid = 0;
        for (int i = 0, n = v.size(); i < n; i++) {
            if (v.missing(i)) {
                missing++;
            } else if (invalidCode[v.text.code(i)]) {
                invalid++;
                cells.add(v.text(i), i);
            }
        }
        return new long[] {missing, invalid};
    }

    /**
     * A column with category or value bins counted into {@code counts}, its unseen values into {@code unseen},
     * its invalid cells tallied in {@code cells}: {missing, invalid}. A loop of its own, as
     * {@link #missingAndInvalid}.
     */
    private static long[] countBins(Bins bins, View v, long[] counts, Map<String, Long> unseen, InvalidTally cells) {
        int n = v.size();
        long missing = 0;
        long invalid = 0;
        int[] binByCode = v.text == null ? null : binsByCode(v, bins);
        for (int i = 0; i < n; i++) {
            if (v.missing(i)) {
                missing++;
                continue;
            }
            int b;
            if (binByCode != null && binByCode[v.text.code(i)] != INVALID) {
                // a text column's bin looked up by code: each distinct text was binned once
                b = binByCode[v.text.code(i)];
            } else if (bins instanceof CategoryBins) {
                b = ((CategoryBins) bins).binOf(v.text(i));
            } else {
                double x = v.number(i);
                if (Double.isNaN(x)) {
                    invalid++;
                    cells.add(v.text(i), i);
                    continue;
                }
                b = ((ValueBins) bins).binOf(x);
            }
            counts[b]++;
            if (bins.isNovel(b)) {
                String label = bins instanceof CategoryBins ? v.text(i) : ValueBins.format(v.number(i));
                unseen.merge(label, 1L, Long::sum);
            }
        }
        return new long[] {missing, invalid};
    }

    /**
     * A continuous column counted in one pass over its cells (bins, missing, invalid, finite), then
     * its moments summed and its {@link RowSample} read from the table's key order: no array of n.
     */
    private static ColumnProfile countContinuous(ColumnProfile ref, NumericBins bins, View v, CellLocator where,
                                                 long first, KeyOrder order, boolean allValues) {
        int n = v.size();
        long missing = 0;
        long invalid = 0;
        int finite = 0;
        InvalidTally cells = new InvalidTally();
        long[] counts = new long[bins.size()];
        for (int i = 0; i < n; i++) {
            double x = v.numberOrNaN(i);
            if (Double.isNaN(x)) {
                if (v.missing(i)) {
                    missing++;
                } else {
                    invalid++;
                    cells.add(v.text(i), i);
                }
                continue;
            }
            finite += Double.isFinite(x) ? 1 : 0;
            counts[bins.binOf(x)]++;
        }
        return ref.withCounts(counts, n, missing, invalid, cells.cells(where, first, allValues), Map.of(),
                SqlMoments.exact(v::numberOrNaN, n, bins.edges()), sample(v, order, finite, RowSample.SIZE), null);
    }
}
