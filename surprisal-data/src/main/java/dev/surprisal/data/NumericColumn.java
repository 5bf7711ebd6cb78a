// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data;

import dev.surprisal.core.ValidationException;

import java.util.Arrays;
import java.util.BitSet;

/**
 * A real-valued column: one {@code double} per row and a mask of missing rows. A missing row
 * (NULL, empty CSV field, or NaN in the file) holds {@code NaN} in {@link #values()}, so
 * {@code Double.isNaN(values()[i]) == isMissing(i)}.
 */
public final class NumericColumn implements Column {
    private final String name;
    private final double[] values;
    private final BitSet missing;

    private NumericColumn(String name, double[] values, BitSet missing) {
        this.name = name;
        this.values = values;
        this.missing = missing;
    }

    /**
     * A column of the given values (copied); {@code NaN} marks a missing value.
     *
     * @param name the column's name
     * @param values one value per row; NaN marks a missing value
     * @return the column
     * @throws IllegalArgumentException if name or values is null
     */
    public static NumericColumn of(String name, double... values) {
        if (name == null || values == null) {
            throw new ValidationException((name == null ? "name" : "values") + ": is null");
        }
        return wrap(name, values.clone(), values.length);
    }

    /** Takes ownership of the first {@code n} entries of {@code values}; NaN means missing. */
    static NumericColumn wrap(String name, double[] values, int n) {
        double[] v = values.length == n ? values : Arrays.copyOf(values, n);
        BitSet m = new BitSet(n);
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(v[i])) {
                m.set(i);
            }
        }
        return new NumericColumn(name, v, m);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ColumnType type() {
        return ColumnType.NUMERIC;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isMissing(int i) {
        return missing.get(i);
    }

    @Override
    public int missingCount() {
        return missing.cardinality();
    }

    /**
     * The value of row {@code i}; {@code NaN} when missing.
     *
     * @param i a row
     * @return its value, NaN when missing
     */
    public double value(int i) {
        return values[i];
    }

    /**
     * A copy of all values, {@code NaN} where missing.
     *
     * @return a copy of all values, NaN where missing
     */
    public double[] values() {
        return values.clone();
    }

    /**
     * The values of the non-missing rows, in row order (the sample a kNN estimator takes).
     *
     * @return the values of the non-missing rows, in row order
     */
    public double[] presentValues() {
        double[] out = new double[values.length - missing.cardinality()];
        for (int i = 0, k = 0; i < values.length; i++) {
            if (!missing.get(i)) {
                out[k++] = values[i];
            }
        }
        return out;
    }

    /**
     * A copy of the missing mask: bit {@code i} is set when row {@code i} is missing.
     *
     * @return a copy of the missing mask: bit {@code i} is set when row {@code i} is missing
     */
    public BitSet missingMask() {
        return (BitSet) missing.clone();
    }

    @Override
    public String toString() {
        return "NumericColumn[" + name + ", n=" + values.length + ", missing=" + missingCount() + "]";
    }
}
