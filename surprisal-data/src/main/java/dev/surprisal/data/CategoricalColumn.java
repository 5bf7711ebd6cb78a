// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data;

import dev.surprisal.core.ValidationException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A discrete column: one {@code int} code per row and a dictionary from code to label. Codes are
 * {@code 0 .. cardinality()-1} in order of first appearance; a missing row has code
 * {@link #MISSING}.
 */
public final class CategoricalColumn implements Column {
    /** The code of a missing row. */
    public static final int MISSING = -1;

    private final String name;
    private final int[] codes;
    private final List<String> dictionary;
    private final int missingCount;

    private CategoricalColumn(String name, int[] codes, List<String> dictionary) {
        this.name = name;
        this.codes = codes;
        this.dictionary = dictionary;
        int m = 0;
        for (int c : codes) {
            if (c == MISSING) {
                m++;
            }
        }
        this.missingCount = m;
    }

    /**
     * A column of the given labels; {@code null} marks a missing value. Codes follow first
     * appearance.
     *
     * @param name the column's name
     * @param labels one label per row; null marks a missing value
     * @return the column
     * @throws IllegalArgumentException if name or labels is null
     */
    public static CategoricalColumn of(String name, String... labels) {
        if (name == null || labels == null) {
            throw new ValidationException((name == null ? "name" : "labels") + ": is null");
        }
        Map<String, Integer> index = new HashMap<>();
        List<String> dict = new ArrayList<>();
        int[] codes = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == null) {
                codes[i] = MISSING;
            } else {
                codes[i] = index.computeIfAbsent(labels[i], l -> {
                    dict.add(l);
                    return dict.size() - 1;
                });
            }
        }
        return new CategoricalColumn(name, codes, Collections.unmodifiableList(dict));
    }

    /** Takes ownership of {@code codes} and the first {@code cardinality} dictionary labels. */
    static CategoricalColumn wrap(String name, int[] codes, List<String> dictionary) {
        return new CategoricalColumn(name, codes, Collections.unmodifiableList(new ArrayList<>(dictionary)));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ColumnType type() {
        return ColumnType.CATEGORICAL;
    }

    @Override
    public int size() {
        return codes.length;
    }

    @Override
    public boolean isMissing(int i) {
        return codes[i] == MISSING;
    }

    @Override
    public int missingCount() {
        return missingCount;
    }

    /**
     * The code of row {@code i}, or {@link #MISSING}.
     *
     * @param i a row
     * @return its code, or {@link #MISSING}
     */
    public int code(int i) {
        return codes[i];
    }

    /**
     * A copy of all codes.
     *
     * @return a copy of all codes, one per row
     */
    public int[] codes() {
        return codes.clone();
    }

    /**
     * The label of row {@code i}, or {@code null} when missing.
     *
     * @param i a row
     * @return its label, or null when missing
     */
    public String labelAt(int i) {
        int c = codes[i];
        return c == MISSING ? null : dictionary.get(c);
    }

    /**
     * The label of {@code code}.
     *
     * @param code a code of the dictionary
     * @return its label
     */
    public String label(int code) {
        return dictionary.get(code);
    }

    /**
     * Labels indexed by code (unmodifiable).
     *
     * @return the labels indexed by code (unmodifiable)
     */
    public List<String> dictionary() {
        return dictionary;
    }

    /**
     * Number of codes in the dictionary. In a batch from {@link RowBatchReader} the dictionary is
     * shared by all batches so far, so some codes may not occur in this batch.
     *
     * @return the number of codes in the dictionary
     */
    public int cardinality() {
        return dictionary.size();
    }

    @Override
    public String toString() {
        return "CategoricalColumn[" + name + ", n=" + codes.length + ", levels=" + dictionary.size()
                + ", missing=" + missingCount + "]";
    }
}
