// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import dev.surprisal.core.ValidationException;
import dev.surprisal.data.roles.LabelVariants;

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
 *
 * <p>Bins fitted with label folding ({@link ProfileOptions#normalizeLabels()}, {@link #folded()}) hold each label
 * once, as its reference's most frequent spelling, and put every spelling with the same
 * {@link LabelVariants#key} in its bin: the reference's own variants and a spelling it never wrote ({@code "GOLD"}
 * on a later day) alike. Their other categories are kept by key. Bins also keep the reference's label variants as
 * found when they were fitted ({@link #variants()}), folded or not, for the baseline's note.
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
    private final boolean folded;
    private final List<LabelVariants.Group> variants;
    /** Folded bins: the top K by key. */
    private final Map<String, Integer> keyIndex = new HashMap<>();

    private CategoryBins(List<String> top, OtherValues others, boolean folded, List<LabelVariants.Group> variants) {
        this.top = List.copyOf(top);
        this.others = others;
        this.folded = folded;
        this.variants = List.copyOf(variants);
        for (int i = 0; i < this.top.size(); i++) {
            index.put(this.top.get(i), i);
            if (folded) {
                keyIndex.putIfAbsent(LabelVariants.key(this.top.get(i)), i);
            }
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
        return of(top, others, false, List.of());
    }

    /**
     * Bins for {@code top}, with {@code others} all of the reference's remaining categories, folded or not.
     *
     * @param top      the kept categories, distinct and non-null, in bin order (folded: one spelling per key)
     * @param others   the reference's other categories (folded: their {@link LabelVariants#key}s)
     * @param folded   whether a label's bin is found by its key ({@link LabelVariants#key}) when not written as a
     *                 kept category
     * @param variants the reference's label variants as found when fitted ({@link LabelVariants#find})
     * @return the bins
     * @throws ValidationException if an argument is null or {@code top} is not distinct non-null labels
     */
    public static CategoryBins of(List<String> top, OtherValues others, boolean folded,
                                  List<LabelVariants.Group> variants) {
        if (top == null || others == null || variants == null) {
            throw new ValidationException("top, others: must not be null");
        }
        if (top.stream().anyMatch(java.util.Objects::isNull) || new LinkedHashSet<>(top).size() != top.size()) {
            throw new ValidationException("top: must be distinct non-null labels, got " + top);
        }
        return new CategoryBins(top, others, folded, variants);
    }

    /**
     * @return true when the labels are folded: a label not written as a kept category goes to the bin of the one with
     *         its {@link LabelVariants#key} ({@code --normalize-labels}, frozen at the baseline)
     */
    public boolean folded() {
        return folded;
    }

    /** @return the reference's labels written more than one way, as found when the bins were fitted (empty: none) */
    public List<LabelVariants.Group> variants() {
        return variants;
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
        if (folded) {
            String key = LabelVariants.key(label);
            i = keyIndex.get(key);
            return i != null ? i : others.contains(key) ? otherBin() : unseenBin();
        }
        return others.contains(label) ? otherBin() : unseenBin();
    }

    /**
     * The same rule as {@link #binOf} in DuckDB SQL over the VARCHAR expression {@code v} (not NULL), except
     * that when the other categories are hashed ({@link OtherValues#namedComplete()} false but tracked), a value
     * in none of the named ones goes to the unseen bin, and that folded bins match the kept spellings (and the
     * other categories' keys) as written: the caller moves each value of the unseen bin to the bin {@link #binOf}
     * gives it, so that folding follows the one rule in Java.
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
        return top.equals(c.top) && others.equals(c.others) && folded == c.folded;
    }

    @Override
    public int hashCode() {
        return (top.hashCode() * 31 + others.hashCode()) * 2 + (folded ? 1 : 0);
    }

    @Override
    public String toString() {
        return "CategoryBins[top=" + top.size() + ", others=" + others.count() + (others.tracked() ? "" : "+")
                + (folded ? ", folded" : "") + "]";
    }
}
