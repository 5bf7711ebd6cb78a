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
 * needs the reference's other categories, kept by {@link OtherValues} (as text up to {@link #OTHER_CAP}, as
 * 64-bit hashes beyond); past its bound, or in a profile from before the hashes, {@link #othersComplete()}
 * is false, values not in the top K count as other and {@link OtherValues#untracked()} says why.
 */
public final class CategoryBins implements Bins {
    /** Most reference categories outside the top K remembered as text (hashes keep the rest). */
    public static final int OTHER_CAP = OtherValues.NAMED_CAP;
    /** The label of the bin of reference categories outside the top K. */
    public static final String OTHER = "__OTHER__";
    /** The label of the bin of values the reference never had. */
    public static final String UNSEEN = "__UNSEEN__";

    private final List<String> top;
    private final OtherValues others;
    private final Map<String, Integer> index = new HashMap<>();

    private CategoryBins(List<String> top, OtherValues others) {
        this.top = List.copyOf(top);
        this.others = others;
        for (int i = 0; i < this.top.size(); i++) {
            index.put(this.top.get(i), i);
        }
    }

    /**
     * Bins for {@code top} (distinct, non-null), with {@code others} the reference's remaining
     * categories as text, complete or not (when not, new values are not tracked: {@link OtherValues#legacy}).
     *
     * @param top the kept categories, distinct and non-null, in bin order
     * @param others the reference's other categories (up to {@link #OTHER_CAP})
     * @param othersComplete whether {@code others} holds all of them
     * @return the bins
     * @throws ValidationException if an argument is null or {@code top} is not distinct non-null labels
     */
    public static CategoryBins of(List<String> top, Set<String> others, boolean othersComplete) {
        if (others == null) {
            throw new ValidationException("top, others: must not be null");
        }
        return of(top, OtherValues.legacy(others, othersComplete));
    }

    /**
     * Bins for {@code top} (distinct, non-null), with {@code others} all of the reference's remaining categories.
     *
     * @param top the kept categories, distinct and non-null, in bin order
     * @param others the reference's other categories
     * @return the bins
     * @throws ValidationException if an argument is null or {@code top} is not distinct non-null labels
     */
    public static CategoryBins of(List<String> top, OtherValues others) {
        if (top == null || others == null) {
            throw new ValidationException("top, others: must not be null");
        }
        if (top.stream().anyMatch(java.util.Objects::isNull) || new LinkedHashSet<>(top).size() != top.size()) {
            throw new ValidationException("top: must be distinct non-null labels, got " + top);
        }
        return new CategoryBins(top, others);
    }

    /**
     * @return the top K categories, in bin order
     */
    public List<String> top() {
        return top;
    }

    /**
     * @return the reference's other categories remembered as text (all of them up to {@link #OTHER_CAP})
     */
    public Set<String> others() {
        return others.named();
    }

    /**
     * @return all of the reference's other categories, as kept: their count, and whether new values are tracked
     */
    public OtherValues otherValues() {
        return others;
    }

    /**
     * @return true when every other reference category is remembered (as text or hash), so other and unseen can
     *         be told apart
     */
    public boolean othersComplete() {
        return others.tracked();
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
        return others.contains(label) ? otherBin() : unseenBin();
    }

    /**
     * The same rule as {@link #binOf} in DuckDB SQL over the VARCHAR expression {@code v} (not NULL), except
     * that when the other categories are hashed ({@link OtherValues#namedComplete()} false but tracked), a value
     * in none of the named ones goes to the unseen bin: the caller moves those {@link #binOf} puts in other.
     *
     * @param v an SQL VARCHAR expression, not NULL
     * @return an SQL INTEGER expression of the bin index
     */
    public String sqlBinIndex(String v) {
        StringBuilder b = new StringBuilder("coalesce(list_position(").append(list(top)).append(", ").append(v)
                .append(") - 1, ");
        if (others.tracked()) {
            b.append("CASE WHEN list_contains(").append(list(new ArrayList<>(others.named()))).append(", ").append(v)
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
        return top.equals(c.top) && others.equals(c.others);
    }

    @Override
    public int hashCode() {
        return top.hashCode() * 31 + others.hashCode();
    }

    @Override
    public String toString() {
        return "CategoryBins[top=" + top.size() + ", others=" + others.count() + (others.tracked() ? "" : "+") + "]";
    }
}
