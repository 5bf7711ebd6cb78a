// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import dev.surprisal.core.NumberStyle;
import dev.surprisal.core.ValidationException;

import java.util.Arrays;

/**
 * Bins over a number line, fitted once on the reference and frozen: strictly increasing edges
 * e₀ &lt; e₁ &lt; … &lt; eₘ and the bins
 * <pre>
 *   0          underflow   x &lt; e₀
 *   1 … m      interior    [eᵢ₋₁, eᵢ), the last one closed: [eₘ₋₁, eₘ]
 *   m + 1      overflow    x &gt; eₘ
 * </pre>
 * A single edge (a constant reference) gives one interior bin holding exactly e₀. −∞ falls in
 * underflow and +∞ in overflow; NaN and missing values are counted apart, never here.
 */
public final class NumericBins implements Bins {
    private final double[] edges;

    private NumericBins(double[] edges) {
        this.edges = edges;
    }

    /**
     * Bins with these edges; tied edges (from tied quantiles) are merged, because a bin of width
     * zero cannot hold the mass of a tie consistently on both sides.
     *
     * @param edges the edges, finite, at least one, any order
     * @return the bins
     * @throws IllegalArgumentException if there is no edge or an edge is not finite
     */
    public static NumericBins of(double... edges) {
        if (edges == null || edges.length == 0) {
            throw new ValidationException("edges: must hold at least one value");
        }
        double[] e = edges.clone();
        for (int i = 0; i < e.length; i++) {
            if (!Double.isFinite(e[i])) {
                throw new ValidationException("edges[" + i + "]: must be finite, got " + e[i]);
            }
        }
        Arrays.sort(e);
        int n = 1;
        for (int i = 1; i < e.length; i++) {
            if (e[i] != e[n - 1]) {
                e[n++] = e[i];
            }
        }
        return new NumericBins(Arrays.copyOf(e, n));
    }

    /**
     * The edges (a copy), strictly increasing.
     *
     * @return a copy of the edges, strictly increasing
     */
    public double[] edges() {
        return edges.clone();
    }

    /** Number of bins including underflow and overflow: max(1, edges − 1) + 2. */
    @Override
    public int size() {
        return Math.max(1, edges.length - 1) + 2;
    }

    /**
     * The bin of {@code x} (not NaN), by a branch-free binary search over the edges.
     *
     * @param x a value, not NaN
     * @return its bin: 0 underflow, 1..m interior, m + 1 overflow
     */
    public int binOf(double x) {
        int m = edges.length;
        if (x < edges[0]) {
            return 0;
        }
        if (x > edges[m - 1]) {
            return size() - 1;
        }
        if (m == 1) {
            return 1;
        }
        // number of edges <= x, in 1..m: halving without a branch on the data (the comparison picks
        // the next base by a conditional move), since on ordinary data each step is a coin flip that a
        // branch predicts wrongly half the time; this search was a sixth of a CSV drift check (JFR)
        int base = 0;
        for (int len = m; len > 1; ) {
            int half = len >>> 1;
            base = edges[base + half] <= x ? base + half : base;
            len -= half;
        }
        int lo = base + (edges[base] <= x ? 1 : 0);
        return Math.min(lo, m - 1);
    }

    /**
     * The same rule as {@link #binOf} as a DuckDB SQL expression over the DOUBLE expression
     * {@code x} (not NULL): a balanced tree of CASE comparisons, so each value costs about
     * log₂(bins) comparisons inside DuckDB.
     *
     * @param x an SQL DOUBLE expression, not NULL
     * @return an SQL INTEGER expression of the bin index
     */
    public String sqlBinIndex(String x) {
        int m = edges.length;
        StringBuilder b = new StringBuilder();
        b.append("CASE WHEN ").append(x).append(" < ").append(lit(edges[0])).append(" THEN 0 WHEN ")
                .append(x).append(" > ").append(lit(edges[m - 1])).append(" THEN ").append(size() - 1).append(" ELSE ");
        if (m == 1) {
            b.append("1");
        } else {
            tree(b, x, 1, m - 1);
        }
        return b.append(" END").toString();
    }

    /** Bins lo..hi (interior, 1-based); bin i holds [e(i-1), e(i)). */
    private void tree(StringBuilder b, String x, int lo, int hi) {
        if (lo == hi) {
            b.append(lo);
            return;
        }
        int mid = (lo + hi) >>> 1;
        // bins lo..mid lie below edge e(mid)
        b.append("(CASE WHEN ").append(x).append(" < ").append(lit(edges[mid])).append(" THEN ");
        tree(b, x, lo, mid);
        b.append(" ELSE ");
        tree(b, x, mid + 1, hi);
        b.append(" END)");
    }

    private static String lit(double v) {
        return "CAST('" + Double.toString(v) + "' AS DOUBLE)";
    }

    /** A short label for bin {@code i}: "&lt; e₀", "[a, b)", "&gt; eₘ". */
    @Override
    public String label(int i) {
        return label(i, null);
    }

    /** {@inheritDoc} Atoms, edges and the underflow and overflow bounds are written by {@code values}. */
    @Override
    public String label(int i, java.util.function.DoubleFunction<String> values) {
        java.util.function.DoubleFunction<String> fmt = values != null ? values : NumericBins::fmt;
        int m = edges.length;
        if (i == 0) {
            return "< " + fmt.apply(edges[0]);
        }
        if (i == size() - 1) {
            return "> " + fmt.apply(edges[m - 1]);
        }
        if (m == 1) {
            return "= " + fmt.apply(edges[0]);
        }
        double atom = atom(i);
        if (!Double.isNaN(atom)) {
            // an atom is a value as written (0, -1, 999), not an edge rounded to 4 digits
            return "= " + (values != null ? values.apply(atom) : atom == Math.rint(atom) && Math.abs(atom) < 1e15
                    ? Long.toString((long) atom) : fmt(atom));
        }
        return "[" + fmt.apply(edges[i - 1]) + ", " + fmt.apply(edges[i]) + (i == m - 1 ? "]" : ")");
    }

    /**
     * The one value an interior bin holds when it is an atom's bin ({@link Binning#continuous}): edges
     * one ulp apart, [a, a + 1 ulp) or, as the closed last bin, [a − 1 ulp, a].
     *
     * @param i a bin
     * @return the atom a, or NaN when bin {@code i} is no atom's bin
     */
    public double atom(int i) {
        int m = edges.length;
        if (i < 1 || i > m - 1 || Math.nextUp(edges[i - 1]) != edges[i]) {
            return Double.NaN;
        }
        return i == m - 1 ? edges[i] : edges[i - 1];
    }

    /**
     * The atoms: the values of the bins that hold one value each ({@link #atom}), in increasing order.
     *
     * @return the atoms, empty for bins fitted without one (and for every baseline fitted before atoms)
     */
    public double[] atoms() {
        return java.util.stream.IntStream.range(1, size() - 1).mapToDouble(this::atom)
                .filter(a -> !Double.isNaN(a)).toArray();
    }

    private static String fmt(double v) {
        return EDGE.format(v);
    }

    private static final NumberStyle EDGE = NumberStyle.general(4);

    /**
     * True for the underflow and overflow bins: the reference has no value there by construction.
     *
     * @param i a bin
     * @return true for bin 0 and the last bin
     */
    public boolean isOutOfRange(int i) {
        return i == 0 || i == size() - 1;
    }

    @Override
    public boolean isNovel(int i) {
        return isOutOfRange(i);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NumericBins && Arrays.equals(edges, ((NumericBins) o).edges);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(edges);
    }

    @Override
    public String toString() {
        return "NumericBins" + Arrays.toString(edges);
    }
}
