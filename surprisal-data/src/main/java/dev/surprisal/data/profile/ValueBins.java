// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import dev.surprisal.core.NumberStyle;
import dev.surprisal.core.ValidationException;

import java.util.Arrays;

/**
 * One bin per value for a binary or discrete numeric column (at most a few dozen values), fitted
 * once on the reference, plus a last bin for values the reference never had ("unseen"):
 * <pre>
 *   0 … k−1   the reference's values v₀ &lt; … &lt; vₖ₋₁, exactly
 *   k         unseen: any other number (±∞ included)
 * </pre>
 * So a 0/1 flag moving from 17.6% to 51% of ones moves mass between two bins (one degree of
 * freedom), instead of staying inside one quantile bin.
 */
public final class ValueBins implements Bins {
    private final double[] values;

    private ValueBins(double[] values) {
        this.values = values;
    }

    /**
     * @param values the reference's distinct values (any order; duplicates merged; −0 is 0)
     * @return the bins
     * @throws ValidationException if a value is not finite
     */
    public static ValueBins of(double... values) {
        double[] v = new double[values.length];
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new ValidationException("values[" + i + "]: must be finite, got " + values[i]);
            }
            v[i] = values[i] == 0 ? 0.0 : values[i];
        }
        return new ValueBins(Arrays.stream(v).sorted().distinct().toArray());
    }

    /** @return the reference's values (a copy), increasing */
    public double[] values() {
        return values.clone();
    }

    @Override
    public int size() {
        return values.length + 1;
    }

    /** @return the unseen bin */
    public int unseenBin() {
        return values.length;
    }

    /**
     * @param x a number (not NaN)
     * @return its bin
     */
    public int binOf(double x) {
        int i = Arrays.binarySearch(values, x == 0 ? 0.0 : x);
        return i >= 0 ? i : unseenBin();
    }

    /**
     * The same rule as {@link #binOf} in DuckDB SQL.
     *
     * @param x a DOUBLE SQL expression, not NULL
     * @return an INTEGER SQL expression
     */
    public String sqlBinIndex(String x) {
        return "coalesce(list_position(" + FileProfiler.doubleList(values) + ", " + x + ") - 1, " + unseenBin() + ")";
    }

    @Override
    public String label(int i) {
        return i == unseenBin() ? CategoryBins.UNSEEN : format(values[i]);
    }

    /** {@inheritDoc} The reference's values are written by {@code values}. */
    @Override
    public String label(int i, java.util.function.DoubleFunction<String> values) {
        return i == unseenBin() ? CategoryBins.UNSEEN : values.apply(this.values[i]);
    }

    /**
     * @param v a number
     * @return it as a label: whole numbers without ".0", others with up to 6 significant digits
     */
    public static String format(double v) {
        return LABEL.format(v);
    }

    private static final NumberStyle LABEL = NumberStyle.label(6);

    @Override
    public boolean isNovel(int i) {
        return i == unseenBin();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValueBins && Arrays.equals(values, ((ValueBins) o).values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "ValueBins" + Arrays.toString(values);
    }
}
