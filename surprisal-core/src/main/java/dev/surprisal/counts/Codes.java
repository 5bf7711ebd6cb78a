// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.counts;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Labels recoded as dense integer codes {@code 0..cardinality-1}, with the dictionary that maps
 * each code back to its original label. Numeric labels get codes in increasing order of value;
 * object labels in increasing order when they are mutually {@link Comparable}, else in order of
 * first appearance. Only labels that occur get a code, so every code has a positive count.
 */
public final class Codes {
    private final int[] codes;
    private final int cardinality;
    private final List<?> labels;

    Codes(int[] codes, int cardinality, List<?> labels) {
        this.codes = codes;
        this.cardinality = cardinality;
        this.labels = labels;
    }

    /**
     * The code of sample {@code i}.
     *
     * @param i a sample index, 0 ≤ i &lt; {@link #size()}
     * @return its code, 0 ≤ code &lt; {@link #cardinality()}
     */
    public int code(int i) {
        return codes[i];
    }

    /**
     * A copy of all codes, one per sample.
     *
     * @return a copy of all codes, one per sample
     */
    public int[] toArray() {
        return codes.clone();
    }

    /** Codes without copying; package-internal counting only. */
    int[] array() {
        return codes;
    }

    /**
     * Number of samples.
     *
     * @return the number of samples
     */
    public int size() {
        return codes.length;
    }

    /**
     * Number of distinct labels (K).
     *
     * @return the number of distinct labels (K)
     */
    public int cardinality() {
        return cardinality;
    }

    /**
     * The original label of {@code code} ({@code Long} for int and long labels).
     *
     * @param code a code, 0 ≤ code &lt; {@link #cardinality()}
     * @return its original label
     */
    public Object label(int code) {
        return labels.get(code);
    }

    /**
     * The dictionary, code → original label (unmodifiable).
     *
     * @return the dictionary, code → original label (unmodifiable)
     */
    public List<Object> labels() {
        return Collections.<Object>unmodifiableList(labels);
    }

    @Override
    public String toString() {
        return "Codes[n=" + codes.length + ", K=" + cardinality + "]";
    }

    static List<Long> longList(long[] values) {
        return new java.util.AbstractList<>() {
            @Override
            public Long get(int index) {
                return values[index];
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Codes && Arrays.equals(((Codes) o).codes, codes)
                && ((Codes) o).labels.equals(labels);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(codes);
    }
}
