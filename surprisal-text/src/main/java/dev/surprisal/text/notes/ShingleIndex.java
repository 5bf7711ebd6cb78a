// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.notes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An inverted index of word shingles over a whole knowledge base, giving for every note the other
 * notes it shares shingles with. Unlike MinHash banding tuned for a Jaccard threshold, it finds a
 * pair whatever the sizes: a 30% excerpt of a long note has Jaccard 0.3 with it (banding for 0.8
 * finds it with probability 0.015) but containment 1, and shares every one of its shingles.
 *
 * <p>Every (shingle, note) pair is packed into one long (the shingle hash's top 40 bits, the note
 * id in the low 24) and the array is sorted; each run of equal hashes is a posting list, and every
 * pair of notes in it gets one more shared shingle. Posting lists longer than {@link #MAX_POSTING}
 * notes (boilerplate such as a licence sentence in thousands of files) are not expanded, since
 * they cost their square; the count each note lost that way is kept so that callers can tell when
 * a count may be short. Counts only nominate candidates: callers verify a pair with the exact
 * sorted-array merge ({@link MinHash#intersection}) before reporting a figure.
 */
final class ShingleIndex {
    /** Longest posting list expanded into pairs. */
    static final int MAX_POSTING = 1000;
    private static final long HASH_MASK = ~0xFFFFFFL;

    /** Other note and the (approximate, possibly short) number of shared shingles. */
    record Shared(int other, int count) {
    }

    private final List<List<Shared>> shared;
    private final int[] skipped;
    /** Masked hashes of the shingles that at least {@code commonFrom} notes have, sorted. */
    private final long[] common;

    private ShingleIndex(List<List<Shared>> shared, int[] skipped, long[] common) {
        this.shared = shared;
        this.skipped = skipped;
        this.common = common;
    }

    /**
     * Builds the index over {@code shingles[i]} (sorted distinct hashes of note i); at most 2²⁴ notes.
     *
     * @param commonFrom a shingle that this many notes or more have is common (boilerplate such as a
     *                   licence paragraph): {@link #own} leaves it out
     */
    static ShingleIndex of(long[][] shingles, int commonFrom) {
        int n = shingles.length;
        long total = 0;
        for (long[] s : shingles) {
            total += s.length;
        }
        long[] packed = new long[Math.toIntExact(total)];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (long h : shingles[i]) {
                packed[k++] = (h & HASH_MASK) | i;
            }
        }
        Arrays.parallelSort(packed);
        LongCountMap pairs = new LongCountMap(1 << 12);
        int[] skipped = new int[n];
        long[] common = new long[16];
        int commonCount = 0;
        for (int a = 0; a < packed.length; ) {
            int b = a + 1;
            while (b < packed.length && (packed[b] & HASH_MASK) == (packed[a] & HASH_MASK)) {
                b++;
            }
            int size = b - a;
            if (size >= commonFrom) {
                if (commonCount == common.length) {
                    common = Arrays.copyOf(common, 2 * commonCount);
                }
                common[commonCount++] = packed[a] & HASH_MASK;
            }
            if (size > MAX_POSTING) {
                for (int x = a; x < b; x++) {
                    skipped[(int) (packed[x] & 0xFFFFFF)]++;
                }
            } else {
                for (int x = a; x < b; x++) {
                    long ix = packed[x] & 0xFFFFFF;
                    for (int y = x + 1; y < b; y++) {
                        long iy = packed[y] & 0xFFFFFF;
                        if (ix != iy) {
                            pairs.add(ix < iy ? (ix << 32) | iy : (iy << 32) | ix, 1);
                        }
                    }
                }
            }
            a = b;
        }
        List<List<Shared>> shared = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            shared.add(new ArrayList<>());
        }
        long[][] e = pairs.entries(1);
        for (int p = 0; p < e[0].length; p++) {
            int x = (int) (e[0][p] >>> 32);
            int y = (int) e[0][p];
            int c = (int) e[1][p];
            shared.get(x).add(new Shared(y, c));
            shared.get(y).add(new Shared(x, c));
        }
        return new ShingleIndex(shared, skipped, Arrays.copyOf(common, commonCount));
    }

    /**
     * The note's own shingles: those fewer than {@code commonFrom} notes have. Shared boilerplate
     * (a licence that many notes paste) is left out, so that it is never the evidence that one
     * note copies another.
     *
     * @param noteShingles the sorted distinct shingles of one indexed note
     */
    long[] own(long[] noteShingles) {
        return Arrays.stream(noteShingles).filter(h -> Arrays.binarySearch(common, h & HASH_MASK) < 0).toArray();
    }

    /** Notes sharing at least one indexed shingle with note {@code i}, with the counts. */
    List<Shared> shared(int i) {
        return shared.get(i);
    }

    /** Shingles of note {@code i} left out because they are in more than {@link #MAX_POSTING} notes. */
    int skipped(int i) {
        return skipped[i];
    }
}
