// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.datasketches.hash.MurmurHash3;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The reference's categories outside the top K of a categorical column, kept so that a value of today can be
 * told "other" (the reference had it) from "unseen" (it never had it) at any cardinality. Up to
 * {@link #NAMED_CAP} of them are kept as text (the hints that compare spellings read them); when there are
 * more, all of them are kept as sorted 64-bit hashes (MurmurHash3 x64 of the UTF-8 bytes, 8 bytes a value), so
 * a value the reference never had is taken for one it had with probability about n/2⁶⁴ (n the number kept:
 * 6·10⁻¹⁴ at 2²⁰). Beyond {@link #HASHED_CAP} values, or in a profile written before the hashes, new values are
 * not tracked and {@link #untracked()} says why, for the baseline, the roles line and the check to say so.
 *
 * <p>Serial form, in the column's JSON object: {@code "others"} (the named values, sorted),
 * {@code "othersComplete"} (whether they are all of them), and when not, {@code "otherCount"} (how many there
 * are) with either {@code "otherHashes"} (base64 of the sorted hashes, 8 bytes each, big-endian) or
 * {@code "otherUntracked"} (the reason). A profile without either, written before the hashes, still reads.
 */
public final class OtherValues {
    /** Most other categories kept as text. */
    public static final int NAMED_CAP = 10_000;
    /** Most other categories kept as hashes: beyond it new values are not tracked (8 MiB of hashes). */
    public static final int HASHED_CAP = 1 << 20;
    private static final long SEED = 9001L;
    private static final OtherValues NONE = new OtherValues(Set.of(), 0, null, null);

    private final Set<String> named;
    private final long count;
    private final long[] hashes;
    private final String untracked;

    private OtherValues(Set<String> named, long count, long[] hashes, String untracked) {
        this.named = Set.copyOf(named);
        this.count = count;
        this.hashes = hashes;
        this.untracked = untracked;
    }

    /**
     * All of the reference's other categories: named when few, hashed when more, untracked past
     * {@link #HASHED_CAP}.
     *
     * @param values the reference's categories outside the top K, distinct
     * @return them, as kept
     */
    public static OtherValues of(Collection<String> values) {
        Set<String> named = new LinkedHashSet<>();
        for (String v : values) {
            if (named.size() == NAMED_CAP) {
                break;
            }
            named.add(v);
        }
        int n = values.size();
        if (n <= NAMED_CAP) {
            return new OtherValues(named, n, null, null);
        }
        if (n > HASHED_CAP) {
            return new OtherValues(named, n, null, String.format(Locale.ROOT, "over %,d categories", HASHED_CAP));
        }
        long[] h = new long[n];
        int i = 0;
        for (String v : values) {
            h[i++] = hash(v);
        }
        Arrays.sort(h);
        return new OtherValues(named, n, h, null);
    }

    /**
     * Other categories as profiles before the hashes kept them: {@code named}, all of them when
     * {@code complete}, else the first ones only, so that new values are not tracked.
     *
     * @param named    the named other categories
     * @param complete whether {@code named} holds all of them
     * @return them, as kept
     */
    public static OtherValues legacy(Set<String> named, boolean complete) {
        if (complete && named.isEmpty()) {
            return NONE;
        }
        return new OtherValues(named, named.size(), null, complete ? null
                : String.format(Locale.ROOT, "baseline taken by a version that tracked them only up to %,d categories; re-baseline",
                NAMED_CAP));
    }

    /** The 64-bit hash a value is kept as: MurmurHash3 x64 (128-bit, first half) of its UTF-8 bytes. */
    static long hash(String value) {
        return MurmurHash3.hash(value.getBytes(StandardCharsets.UTF_8), SEED)[0];
    }

    /**
     * Whether the reference had {@code value} among its other categories; meaningful only when
     * {@link #tracked()} (when not, nothing can be told new and this answers true).
     *
     * @param value a category, not null
     * @return true when the reference had it (or might have, when untracked)
     */
    public boolean contains(String value) {
        if (named.contains(value)) {
            return true;
        }
        if (untracked != null) {
            return true;
        }
        return hashes != null && Arrays.binarySearch(hashes, hash(value)) >= 0;
    }

    /** @return true when every other category is remembered, as text or as a hash, so new values can be told */
    public boolean tracked() {
        return untracked == null;
    }

    /** @return why new values are not tracked (e.g. "over 1,048,576 categories"), or null when they are */
    public String untracked() {
        return untracked;
    }

    /** @return the other categories kept as text: all of them when {@link #namedComplete()}, else the first ones */
    public Set<String> named() {
        return named;
    }

    /** @return true when {@link #named()} holds every other category */
    public boolean namedComplete() {
        return named.size() == count && untracked == null || count == 0;
    }

    /** @return how many other categories the reference had (for a legacy incomplete profile, how many are named) */
    public long count() {
        return count;
    }

    /**
     * Writes the serial form into a column's JSON object.
     *
     * @param o the column's object
     */
    void write(ObjectNode o) {
        named.stream().sorted().forEach(o.putArray("others")::add);
        o.put("othersComplete", namedComplete());
        if (!namedComplete()) {
            o.put("otherCount", count);
            if (hashes != null) {
                ByteBuffer b = ByteBuffer.allocate(8 * hashes.length);
                for (long h : hashes) {
                    b.putLong(h);
                }
                o.put("otherHashes", Base64.getEncoder().encodeToString(b.array()));
            } else {
                o.put("otherUntracked", untracked);
            }
        }
    }

    /**
     * Reads the serial form from a column's JSON object, of this version or an earlier one.
     *
     * @param o the column's object
     * @return the other categories
     */
    static OtherValues read(JsonNode o) {
        Set<String> named = new LinkedHashSet<>();
        o.path("others").forEach(t -> named.add(t.asText()));
        boolean complete = o.path("othersComplete").asBoolean();
        if (complete || !o.has("otherCount")) {
            return legacy(named, complete);
        }
        long count = o.path("otherCount").asLong();
        if (o.has("otherHashes")) {
            ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(o.path("otherHashes").asText()));
            long[] h = new long[b.remaining() / 8];
            for (int i = 0; i < h.length; i++) {
                h[i] = b.getLong();
            }
            return new OtherValues(named, count, h, null);
        }
        return new OtherValues(named, count, null, o.path("otherUntracked").asText("not tracked"));
    }

    @Override
    public boolean equals(Object x) {
        return x instanceof OtherValues v && named.equals(v.named) && count == v.count
                && Arrays.equals(hashes, v.hashes) && java.util.Objects.equals(untracked, v.untracked);
    }

    @Override
    public int hashCode() {
        return named.hashCode() * 31 + Long.hashCode(count);
    }
}
