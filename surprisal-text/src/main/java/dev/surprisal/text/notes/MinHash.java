// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.notes;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * MinHash signatures of word-shingle sets (Broder 1997, "On the resemblance and containment of
 * documents"): the probability that two signatures agree at a position equals the Jaccard
 * similarity of the sets. {@link #PERMUTATIONS} = 128 and {@link #SHINGLE} = 5-word shingles follow
 * datasketch, text-dedup and datatrove's MinhashConfig.
 *
 * <p>Each shingle is hashed once to 64 bits ({@link TextKey}s of its words chained through the murmur3
 * finaliser), and
 * permutation p is the bijection h ↦ a_p·h + b_p mod 2⁶⁴ with a_p odd (the multiply-add family of
 * Dietzfelbinger et al. 1997, "A reliable randomized algorithm for the closest-pair problem"),
 * minimised in signed order. Because h is already uniformly mixed, the order is decided by the high
 * bits of the product, which depend on every bit of h; this costs one multiply per permutation where
 * the textbook (a·h + b) mod (2⁶¹ − 1) family costs a 128-bit product and a reduction, and it
 * estimates Jaccard similarity as well (MinHashTest checks the error against exact Jaccard).
 */
public final class MinHash {
    /** Default signature length (datasketch's {@code num_perm}). */
    public static final int PERMUTATIONS = 128;
    /** Largest signature length ({@code --num-perm}). */
    public static final int MAX_PERMUTATIONS = 1024;
    /** Words per shingle. */
    public static final int SHINGLE = 5;
    private static final long[] A = new long[MAX_PERMUTATIONS];
    private static final long[] B = new long[MAX_PERMUTATIONS];

    static {
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < MAX_PERMUTATIONS; i++) { // the first 128 are the same for any length
            A[i] = r.nextLong() | 1L;
            B[i] = r.nextLong();
        }
    }

    private MinHash() {
    }

    /**
     * Sorted distinct 64-bit hashes of the note's {@link #SHINGLE}-word shingles (one shingle if shorter).
     *
     * @param words the note's normalised words
     * @return the sorted distinct shingle hashes
     */
    public static long[] shingles(List<String> words) {
        long[] keys = new long[words.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = TextKey.of(words.get(i));
        }
        return shingles(keys);
    }

    /** As {@link #shingles(List)}, from the {@link TextKey} of the word at each position. */
    static long[] shingles(long[] wordKeys) {
        if (wordKeys.length == 0) {
            return new long[0];
        }
        int n = Math.max(1, wordKeys.length - SHINGLE + 1);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            long h = 0x243F6A8885A308D3L;
            for (int j = i; j < Math.min(wordKeys.length, i + SHINGLE); j++) {
                h = mix64(h ^ wordKeys[j]) + j - i;
            }
            out[i] = h;
        }
        Arrays.sort(out);
        int k = 0;
        for (int i = 0; i < out.length; i++) {
            if (i == 0 || out[i] != out[i - 1]) {
                out[k++] = out[i];
            }
        }
        return Arrays.copyOf(out, k);
    }

    /**
     * The {@value #PERMUTATIONS}-permutation signature of a shingle set; all {@code Long.MAX_VALUE} for the empty set.
     *
     * @param shingles a shingle set (sorted distinct hashes)
     * @return the signature, one minimum per permutation
     */
    public static long[] signature(long[] shingles) {
        return signature(shingles, PERMUTATIONS);
    }

    /**
     * The signature of a shingle set with {@code numPerm} permutations.
     *
     * @param shingles sorted distinct shingle hashes
     * @param numPerm  signature length, 1 to {@value #MAX_PERMUTATIONS} (datasketch's {@code num_perm})
     * @return the signature; all {@code Long.MAX_VALUE} for the empty set
     * @throws dev.surprisal.core.ValidationException if {@code numPerm} is out of range
     */
    public static long[] signature(long[] shingles, int numPerm) {
        checkNumPerm(numPerm);
        long[] sig = new long[numPerm];
        int n = shingles.length;
        for (int p = 0; p < numPerm; p++) {
            // one permutation at a time, four independent minima: a, b and the minima stay in registers
            long a = A[p];
            long b = B[p];
            long m0 = Long.MAX_VALUE;
            long m1 = Long.MAX_VALUE;
            long m2 = Long.MAX_VALUE;
            long m3 = Long.MAX_VALUE;
            int i = 0;
            for (; i + 4 <= n; i += 4) {
                m0 = Math.min(m0, a * shingles[i] + b);
                m1 = Math.min(m1, a * shingles[i + 1] + b);
                m2 = Math.min(m2, a * shingles[i + 2] + b);
                m3 = Math.min(m3, a * shingles[i + 3] + b);
            }
            for (; i < n; i++) {
                m0 = Math.min(m0, a * shingles[i] + b);
            }
            sig[p] = Math.min(Math.min(m0, m1), Math.min(m2, m3));
        }
        return sig;
    }

    /**
     * Checks a signature length.
     *
     * @param numPerm the length asked for
     * @throws dev.surprisal.core.ValidationException unless 1 ≤ numPerm ≤ {@value #MAX_PERMUTATIONS}
     */
    public static void checkNumPerm(int numPerm) {
        if (numPerm < 1 || numPerm > MAX_PERMUTATIONS) {
            throw new dev.surprisal.core.ValidationException("--num-perm: is " + numPerm + ", expected 1.." + MAX_PERMUTATIONS);
        }
    }

    /**
     * Estimated Jaccard similarity: the fraction of agreeing positions (signatures of equal length).
     *
     * @param a a signature
     * @param b another signature of the same length
     * @return the fraction of positions where they agree, in [0, 1]
     */
    public static double estimate(long[] a, long[] b) {
        int eq = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i] && a[i] != Long.MAX_VALUE) {
                eq++;
            }
        }
        return eq / (double) a.length;
    }

    /**
     * Exact |A∩B| of two sorted distinct arrays.
     *
     * @param a sorted distinct values
     * @param b sorted distinct values
     * @return the number of values in both
     */
    public static int intersection(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                n++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return n;
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
