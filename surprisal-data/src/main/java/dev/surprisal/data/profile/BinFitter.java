// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fits the frozen bins of a scored column from what the fitting pass found, the same way for a file
 * and for an in-memory table.
 */
final class BinFitter {
    private BinFitter() {
    }

    /**
     * Equal-frequency bins: quantiles of the (sample of) finite values at 0, 1/B, …, 1, the exact
     * min and max as outer edges, thinned to {@link ProfileOptions#binsFor} bins, ties merged.
     *
     * @param sample finite values (all of them, or a seeded sample)
     * @param finite how many finite values the column has
     * @param min    the exact smallest finite value
     * @param max    the exact largest finite value
     */
    static NumericBins continuous(double[] sample, long finite, double min, double max, ProfileOptions o) {
        if (sample.length == 0 || finite == 0) {
            return NumericBins.of(0.0);
        }
        double[] sorted = sample.clone();
        Arrays.sort(sorted);
        double[] q = new double[o.bins() + 1];
        for (int j = 0; j <= o.bins(); j++) {
            q[j] = quantileDisc(sorted, (double) j / o.bins());
        }
        q[0] = min;
        q[q.length - 1] = max;
        for (int j = 1; j < q.length - 1; j++) {
            q[j] = Math.min(max, Math.max(min, q[j]));
        }
        return edgesFromQuantiles(q, o.binsFor(finite));
    }

    /**
     * Edges from the quantiles at 0, 1/B, …, 1 (B requested bins); with fewer bins allowed, every
     * step-th quantile (keeping min and max), then ties merged.
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

    /** One bin per distinct finite value. */
    static ValueBins discrete(double[] distinct) {
        return ValueBins.of(distinct);
    }

    /** Top K categories (count descending, then label), each seen at least the minimum count; the rest is "other". */
    static CategoryBins categorical(Map<String, Long> counts, ProfileOptions o) {
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<String> top = new ArrayList<>();
        Set<String> others = new LinkedHashSet<>();
        boolean complete = true;
        for (Map.Entry<String, Long> e : sorted) {
            if (top.size() < o.topK() && e.getValue() >= o.minCategoryCount()) {
                top.add(e.getKey());
            } else if (others.size() < CategoryBins.OTHER_CAP) {
                others.add(e.getKey());
            } else {
                complete = false;
            }
        }
        return CategoryBins.of(top, others, complete);
    }
}
