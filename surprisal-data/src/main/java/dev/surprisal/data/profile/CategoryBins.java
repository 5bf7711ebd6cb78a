// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import dev.surprisal.core.ValidationException;
import dev.surprisal.data.roles.LabelVariants;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
 * <p>When the reference's other categories hold a large share of its rows, "other" is not one bin but
 * {@link #otherBuckets()} bins: each other category goes to bucket {@code md5(UTF-8 label)[0..4) mod B} (the
 * first four bytes of the MD5 digest as an unsigned big-endian integer), the same in Java ({@link #bucketOf}),
 * DuckDB SQL ({@link #sqlBinIndex}) and Spark (which counts labels and bins them here). So a move of the rows
 * among the rare categories (today's rows on 100 of 1,000 SKUs the reference had evenly) changes the buckets'
 * shares, where one bin would hold 100% on both sides. With one bucket (every profile written before, and
 * every column whose tail is small) the bins are exactly the former top K, other, unseen.
 */
public final class CategoryBins implements Bins {
    /** Most reference categories outside the top K remembered as text (hashes keep the rest). */
    public static final int OTHER_CAP = OtherValues.NAMED_CAP;
    /** The label of the bin of reference categories outside the top K. */
    public static final String OTHER = "__OTHER__";
    /** The label of the bin of values the reference never had. */
    public static final String UNSEEN = "__UNSEEN__";

    /** Most buckets the other categories are counted in. */
    public static final int MAX_OTHER_BUCKETS = 64;

    private final List<String> top;
    private final OtherValues others;
    private final int buckets;
    private final Map<String, Integer> index = new HashMap<>();
    private final boolean folded;
    private final List<LabelVariants.Group> variants;
    /** Folded bins: the top K by key. */
    private final Map<String, Integer> keyIndex = new HashMap<>();

    private CategoryBins(List<String> top, OtherValues others, int buckets, boolean folded,
                         List<LabelVariants.Group> variants) {
        this.top = List.copyOf(top);
        this.others = others;
        this.buckets = buckets;
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
        return of(top, others, 1, false, List.of());
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
        return of(top, others, 1, folded, variants);
    }

    /**
     * Bins for {@code top}, with {@code others} all of the reference's remaining categories counted in
     * {@code buckets} hashed buckets ({@link #bucketOf}).
     *
     * @param top the kept categories, distinct and non-null, in bin order
     * @param others the reference's other categories
     * @param buckets how many bins the other categories are counted in, 1 to {@link #MAX_OTHER_BUCKETS}
     * @return the bins
     * @throws ValidationException if an argument is null, {@code top} is not distinct non-null labels, or
     *         {@code buckets} is out of range
     */
    public static CategoryBins of(List<String> top, OtherValues others, int buckets) {
        return of(top, others, buckets, false, List.of());
    }

    /**
     * Bins for {@code top}, with {@code others} all of the reference's remaining categories counted in
     * {@code buckets} hashed buckets ({@link #bucketOf}), folded or not.
     *
     * @param top      the kept categories, distinct and non-null, in bin order (folded: one spelling per key)
     * @param others   the reference's other categories (folded: their {@link LabelVariants#key}s)
     * @param buckets  how many bins the other categories are counted in, 1 to {@link #MAX_OTHER_BUCKETS}
     * @param folded   whether a label's bin is found by its key ({@link LabelVariants#key}) when not written as a
     *                 kept category (an other category's bucket is then its key's)
     * @param variants the reference's label variants as found when fitted ({@link LabelVariants#find})
     * @return the bins
     * @throws ValidationException if an argument is null, {@code top} is not distinct non-null labels, or
     *         {@code buckets} is out of range
     */
    public static CategoryBins of(List<String> top, OtherValues others, int buckets, boolean folded,
                                  List<LabelVariants.Group> variants) {
        if (buckets < 1 || buckets > MAX_OTHER_BUCKETS) {
            throw new ValidationException("otherBuckets: must be 1 to " + MAX_OTHER_BUCKETS + ", got " + buckets);
        }
        if (top == null || others == null || variants == null) {
            throw new ValidationException("top, others: must not be null");
        }
        if (top.stream().anyMatch(java.util.Objects::isNull) || new LinkedHashSet<>(top).size() != top.size()) {
            throw new ValidationException("top: must be distinct non-null labels, got " + top);
        }
        return new CategoryBins(top, others, buckets, folded, variants);
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
     * The bucket of an other category among {@code buckets}: the first four bytes of the MD5 digest of its UTF-8
     * bytes, as an unsigned big-endian integer, modulo {@code buckets}. MD5 because every engine has it
     * ({@code md5} in DuckDB and Spark SQL), not for security: the bucket of a label never changes.
     *
     * @param label a category, not null
     * @param buckets the number of buckets, ≥ 1
     * @return its bucket, 0 to buckets − 1
     */
    public static int bucketOf(String label, int buckets) {
        if (buckets == 1) {
            return 0;
        }
        byte[] d;
        try {
            d = MessageDigest.getInstance("MD5").digest(label.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
        long v = ((d[0] & 0xffL) << 24) | ((d[1] & 0xffL) << 16) | ((d[2] & 0xffL) << 8) | (d[3] & 0xffL);
        return (int) (v % buckets);
    }

    /**
     * @return how many bins the reference's other categories are counted in (1: one "other" bin)
     */
    public int otherBuckets() {
        return buckets;
    }

    /**
     * @param i a bin index
     * @return true when bin {@code i} holds other categories (one of the {@link #otherBuckets()} buckets)
     */
    public boolean isOtherBin(int i) {
        return i >= top.size() && i < top.size() + buckets;
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

    /** K + B + 1: the top K, the B other buckets (one when B = 1), unseen. */
    @Override
    public int size() {
        return top.size() + buckets + 1;
    }

    /**
     * @return the index of the other bin, K (the first other bucket when there are several)
     */
    public int otherBin() {
        return top.size();
    }

    /**
     * @return the index of the unseen bin, K + B (K + 1 with one other bin)
     */
    public int unseenBin() {
        return top.size() + buckets;
    }

    /**
     * The bin of a non-null label.
     *
     * @param label a category, not null
     * @return its bin: its top-K index, else its other bucket or unseen
     */
    public int binOf(String label) {
        Integer i = index.get(label);
        if (i != null) {
            return i;
        }
        if (folded) {
            String key = LabelVariants.key(label);
            i = keyIndex.get(key);
            return i != null ? i : others.contains(key) ? otherBin() + bucketOf(key, buckets) : unseenBin();
        }
        return others.contains(label) ? otherBin() + bucketOf(label, buckets) : unseenBin();
    }

    /**
     * The same rule as {@link #binOf} in DuckDB SQL over the VARCHAR expression {@code v} (not NULL), except
     * that when the other categories are hashed ({@link OtherValues#namedComplete()} false but tracked), a value
     * in none of the named ones goes to the unseen bin, and that folded bins match the kept spellings (and the
     * other categories' keys) as written: the caller moves each value of the unseen bin to the bin {@link #binOf}
     * gives it, so that folding and the hashed other categories follow the one rule in Java.
     * With several other buckets, {@code CAST('0x' || substr(md5(v), 1, 8) AS BIGINT) % B} is {@link #bucketOf}.
     *
     * @param v an SQL VARCHAR expression, not NULL
     * @return an SQL INTEGER expression of the bin index
     */
    public String sqlBinIndex(String v) {
        StringBuilder b = new StringBuilder("coalesce(list_position(").append(list(top)).append(", ").append(v)
                .append(") - 1, ");
        if (others.tracked()) {
            b.append("CASE WHEN list_contains(").append(list(new ArrayList<>(others.named()))).append(", ").append(v)
                    .append(") THEN ").append(sqlOther(v)).append(" ELSE ").append(unseenBin()).append(" END");
        } else {
            b.append(sqlOther(v));
        }
        return b.append(")").toString();
    }

    /** The other bucket of {@code v} in SQL: K, or K + {@link #bucketOf} with several buckets. */
    private String sqlOther(String v) {
        if (buckets == 1) {
            return Integer.toString(otherBin());
        }
        return "(" + otherBin() + " + CAST(CAST(('0x' || substr(md5(" + v + "), 1, 8)) AS BIGINT) % " + buckets
                + " AS INTEGER))";
    }

    private static String list(List<String> labels) {
        StringBuilder b = new StringBuilder("CAST([");
        for (int i = 0; i < labels.size(); i++) {
            b.append(i == 0 ? "" : ", ").append("'").append(labels.get(i).replace("'", "''")).append("'");
        }
        return b.append("] AS VARCHAR[])").toString();
    }

    /**
     * What a reader must know of these bins beyond the role, for the columns preamble: with several buckets
     * "1,000 values outside the top 0 counted in 64 groups by a hash of the value"; when every reference value
     * shares the one other bin (no value kept, too few rows to group), that the distribution cannot be compared
     * and only new values are; else "".
     *
     * @return the note, or ""
     */
    public String note() {
        if (buckets > 1) {
            return String.format(java.util.Locale.ROOT, "%,d value%s outside the top %d counted in %d groups by a "
                    + "hash of the value", others.count(), others.count() == 1 ? "" : "s", top.size(), buckets);
        }
        if (top.isEmpty() && others.count() > 0) {
            return "every value is rarer than the kept minimum and too few rows to group: all share one bin, so the "
                    + "distribution is not compared (new values are)";
        }
        return "";
    }

    /**
     * The label of bin {@code i}: a top category, {@code __OTHER__} (with several buckets {@code __OTHER__#1} to
     * {@code __OTHER__#B}), or {@code __UNSEEN__}.
     */
    @Override
    public String label(int i) {
        if (i < top.size()) {
            return top.get(i);
        }
        if (isOtherBin(i)) {
            return buckets == 1 ? OTHER : OTHER + "#" + (i - otherBin() + 1);
        }
        return UNSEEN;
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
        return top.equals(c.top) && others.equals(c.others) && folded == c.folded && buckets == c.buckets;
    }

    @Override
    public int hashCode() {
        return ((top.hashCode() * 31 + others.hashCode()) * 31 + buckets) * 2 + (folded ? 1 : 0);
    }

    @Override
    public String toString() {
        return "CategoryBins[top=" + top.size() + ", others=" + others.count() + (others.tracked() ? "" : "+")
                + (folded ? ", folded" : "") + (buckets == 1 ? "" : ", buckets=" + buckets) + "]";
    }
}
