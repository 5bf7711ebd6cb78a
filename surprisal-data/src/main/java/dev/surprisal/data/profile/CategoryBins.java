// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import dev.surprisal.core.ValidationException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Category bins fitted once on the reference and frozen: the top K reference categories (each
 * seen at least a minimum number of times), then {@code __OTHER__} (reference categories outside
 * the top K) and {@code __UNSEEN__} (values the reference never had). Telling "other" from "unseen"
 * needs the reference's other categories; up to {@link #OTHER_CAP} of them are kept, beyond that
 * {@link #othersComplete()} is false and values not in the top K count as other.
 */
public final class CategoryBins implements Bins {
    /** Most reference categories outside the top K remembered to tell other from unseen. */
    public static final int OTHER_CAP = 10_000;
    /** The label of the bin of reference categories outside the top K. */
    public static final String OTHER = "__OTHER__";
    /** The label of the bin of values the reference never had. */
    public static final String UNSEEN = "__UNSEEN__";

    private final List<String> top;
    private final Set<String> others;
    private final boolean othersComplete;
    private final Map<String, Integer> index = new HashMap<>();

    private CategoryBins(List<String> top, Set<String> others, boolean othersComplete) {
        this.top = List.copyOf(top);
        this.others = Set.copyOf(others);
        this.othersComplete = othersComplete;
        for (int i = 0; i < this.top.size(); i++) {
            index.put(this.top.get(i), i);
        }
    }

    /**
     * Bins for {@code top} (distinct, non-null), with {@code others} the reference's remaining
     * categories, complete or not.
     *
     * @param top the kept categories, distinct and non-null, in bin order
     * @param others the reference's other categories (up to {@link #OTHER_CAP})
     * @param othersComplete whether {@code others} holds all of them
     * @return the bins
     */
    public static CategoryBins of(List<String> top, Set<String> others, boolean othersComplete) {
        if (top == null || others == null) {
            throw new ValidationException("top, others: must not be null");
        }
        if (new LinkedHashSet<>(top).size() != top.size() || top.contains(null)) {
            throw new ValidationException("top: must be distinct non-null labels, got " + top);
        }
        return new CategoryBins(top, others, othersComplete);
    }

    /**
     * @return the top K categories, in bin order
     */
    public List<String> top() {
        return top;
    }

    /**
     * @return the reference's other categories remembered
     */
    public Set<String> others() {
        return others;
    }

    /**
     * @return true when every other reference category is remembered, so other and unseen can be told apart
     */
    public boolean othersComplete() {
        return othersComplete;
    }

    /** K + 2: the top K, other, unseen. */
    @Override
    public int size() {
        return top.size() + 2;
    }

    /**
     * @return the index of the other bin, K
     */
    public int otherBin() {
        return top.size();
    }

    /**
     * @return the index of the unseen bin, K + 1
     */
    public int unseenBin() {
        return top.size() + 1;
    }

    /**
     * The bin of a non-null label.
     *
     * @param label a category, not null
     * @return its bin: its top-K index, else other or unseen
     */
    public int binOf(String label) {
        Integer i = index.get(label);
        if (i != null) {
            return i;
        }
        return !othersComplete || others.contains(label) ? otherBin() : unseenBin();
    }

    /**
     * The same rule as {@link #binOf} in DuckDB SQL over the VARCHAR expression {@code v} (not NULL).
     *
     * @param v an SQL VARCHAR expression, not NULL
     * @return an SQL INTEGER expression of the bin index
     */
    public String sqlBinIndex(String v) {
        StringBuilder b = new StringBuilder("coalesce(list_position(").append(list(top)).append(", ").append(v)
                .append(") - 1, ");
        if (othersComplete) {
            b.append("CASE WHEN list_contains(").append(list(new ArrayList<>(others))).append(", ").append(v)
                    .append(") THEN ").append(otherBin()).append(" ELSE ").append(unseenBin()).append(" END");
        } else {
            b.append(otherBin());
        }
        return b.append(")").toString();
    }

    private static String list(List<String> labels) {
        StringBuilder b = new StringBuilder("CAST([");
        for (int i = 0; i < labels.size(); i++) {
            b.append(i == 0 ? "" : ", ").append("'").append(labels.get(i).replace("'", "''")).append("'");
        }
        return b.append("] AS VARCHAR[])").toString();
    }

    /** The label of bin {@code i}. */
    @Override
    public String label(int i) {
        return i < top.size() ? top.get(i) : i == otherBin() ? OTHER : UNSEEN;
    }

    /** True for bins the reference puts no mass in by construction (unseen). */
    @Override
    public boolean isNovel(int i) {
        return i == unseenBin();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CategoryBins)) {
            return false;
        }
        CategoryBins c = (CategoryBins) o;
        return top.equals(c.top) && others.equals(c.others) && othersComplete == c.othersComplete;
    }

    @Override
    public int hashCode() {
        return top.hashCode() * 31 + others.hashCode();
    }

    @Override
    public String toString() {
        return "CategoryBins[top=" + top.size() + ", others=" + others.size() + (othersComplete ? "" : "+") + "]";
    }
}
