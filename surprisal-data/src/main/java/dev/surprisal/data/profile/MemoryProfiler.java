package dev.surprisal.data.profile;

import dev.surprisal.core.ColumnRole;
import dev.surprisal.data.CategoricalColumn;
import dev.surprisal.data.Column;
import dev.surprisal.data.DataException;
import dev.surprisal.data.NumericColumn;
import dev.surprisal.data.Table;
import dev.surprisal.data.roles.Cells;
import dev.surprisal.data.roles.ColumnRoles;
import dev.surprisal.data.roles.RoleDecision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link ProfileBuilder}'s in-memory path: the rules of the file path ({@link FileProfiler})
 * applied in Java, cell by cell, so that a table and its file give the same profile.
 */
final class MemoryProfiler {
    private MemoryProfiler() {
    }

    /** A column's cells as the rules read them. */
    private record View(Column column) {
        boolean missing(int i) {
            if (column instanceof NumericColumn) {
                return column.isMissing(i);
            }
            return Cells.isMissing(((CategoricalColumn) column).labelAt(i));
        }

        /** The number in a non-missing cell, NaN when it is not one (invalid). */
        double number(int i) {
            if (column instanceof NumericColumn) {
                return ((NumericColumn) column).value(i);
            }
            return Cells.number(((CategoricalColumn) column).labelAt(i));
        }

        String text(int i) {
            if (column instanceof NumericColumn) {
                return ValueBins.format(((NumericColumn) column).value(i));
            }
            return ((CategoricalColumn) column).labelAt(i);
        }
    }

    static Profile fit(Table table, ProfileOptions o) {
        ColumnRoles roles = ColumnRoles.detect(table, o.roles());
        if (table.rowCount() == 0) {
            throw new DataException(null, -1, null, "no rows: the table has columns but no data", null);
        }
        List<ColumnProfile> shells = new ArrayList<>();
        for (RoleDecision d : roles.decisions()) {
            View v = new View(table.column(d.column()));
            Bins bins = fitBins(v, d.role(), o);
            shells.add(new ColumnProfile(d.column(), d.role(), d.reason(), bins, new long[bins == null ? 0 : bins.size()],
                    0, 0, 0, null, null, null, null, null));
        }
        return count(Profile.of(shells, 0, roles.excluded(), Map.of()), table);
    }

    private static Bins fitBins(View v, ColumnRole role, ProfileOptions o) {
        int n = v.column().size();
        if (!role.isScored()) {
            return null;
        }
        if (role == ColumnRole.CATEGORICAL) {
            Map<String, Long> counts = new HashMap<>();
            for (int i = 0; i < n; i++) {
                if (!v.missing(i)) {
                    counts.merge(v.text(i), 1L, Long::sum);
                }
            }
            return BinFitter.categorical(counts, o);
        }
        double[] finite = new double[n];
        long[] keys = new long[n];
        int kept = 0;
        Set<Double> distinct = role == ColumnRole.CONTINUOUS ? null : new HashSet<>(); // at most 20 values
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (v.missing(i)) {
                continue;
            }
            double x = v.number(i);
            if (Double.isFinite(x)) {
                finite[kept] = x;
                keys[kept++] = RowSample.key(i + 1L, RowSample.SEED);
                if (distinct != null) {
                    distinct.add(x == 0 ? 0.0 : x);
                }
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
        }
        if (distinct != null) {
            return BinFitter.discrete(distinct.stream().mapToDouble(Double::doubleValue).toArray());
        }
        double[] values = Arrays.copyOf(finite, kept);
        double[] sample = values.length <= o.edgeSample() || o.exactEdges() ? values
                : RowSample.of(Arrays.copyOf(keys, kept), values, o.edgeSample()).values();
        return BinFitter.continuous(sample, values.length, min, max, o);
    }

    static Profile count(Profile reference, Table table) {
        if (table.rowCount() == 0) {
            throw new DataException(null, -1, null, "no rows: the table has columns but no data", null);
        }
        List<ColumnProfile> out = new ArrayList<>();
        for (ColumnProfile ref : reference.columns()) {
            out.add(count(ref, new View(table.column(ref.name()))));
        }
        return Profile.of(out, table.rowCount(), reference.excluded(), Map.of());
    }

    private static ColumnProfile count(ColumnProfile ref, View v) {
        int n = v.column().size();
        long missing = 0;
        long invalid = 0;
        List<InvalidCell> cells = new ArrayList<>();
        Bins bins = ref.bins();
        if (bins == null) {
            Set<String> distinct = new HashSet<>();
            String min = null;
            String max = null;
            for (int i = 0; i < n; i++) {
                if (v.missing(i)) {
                    missing++;
                    continue;
                }
                String t = v.text(i);
                distinct.add(t);
                min = min == null || t.compareTo(min) < 0 ? t : min;
                max = max == null || t.compareTo(max) > 0 ? t : max;
            }
            return ref.withCounts(new long[0], n, missing, 0, List.of(), Map.of(), null, null,
                    new KeyStats(n - missing, distinct.size(), min, max));
        }
        long[] counts = new long[bins.size()];
        Map<String, Long> unseen = new LinkedHashMap<>();
        double[] numbers = new double[n];
        long[] keys = new long[n];
        double[] finite = new double[n];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            numbers[i] = Double.NaN;
            if (v.missing(i)) {
                missing++;
                continue;
            }
            int b;
            String label;
            if (bins instanceof CategoryBins) {
                label = v.text(i);
                b = ((CategoryBins) bins).binOf(label);
            } else {
                double x = v.number(i);
                if (Double.isNaN(x)) {
                    invalid++;
                    if (cells.size() < InvalidCell.KEPT) {
                        cells.add(new InvalidCell("row " + (i + 1), v.text(i)));
                    }
                    continue;
                }
                numbers[i] = x;
                if (Double.isFinite(x)) {
                    keys[kept] = RowSample.key(i + 1L, RowSample.SEED);
                    finite[kept++] = x;
                }
                label = null; // formatted only for a value the reference never had: rare, and costly per cell
                b = bins instanceof NumericBins ? ((NumericBins) bins).binOf(x) : ((ValueBins) bins).binOf(x);
            }
            counts[b]++;
            if (bins.isNovel(b) && !(bins instanceof NumericBins)) {
                unseen.merge(label != null ? label : ValueBins.format(numbers[i]), 1L, Long::sum);
            }
        }
        boolean continuous = bins instanceof NumericBins;
        RowSample sample = continuous ? RowSample.of(Arrays.copyOf(keys, kept), Arrays.copyOf(finite, kept),
                RowSample.SIZE) : null;
        return ref.withCounts(counts, n, missing, invalid, cells, ColumnProfile.topUnseen(unseen),
                continuous ? Moments.of(numbers, n) : null, sample, null);
    }
}
