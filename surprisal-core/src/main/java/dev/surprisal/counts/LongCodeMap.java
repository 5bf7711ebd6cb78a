// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.counts;

import java.util.Arrays;

/**
 * Open-addressing hash map from long keys to dense codes in order of first appearance, with a
 * count per code. Linear probing over a power-of-two table kept at most half full; keys are
 * scrambled with a 64-bit multiplicative hash (Knuth's golden-ratio constant) so that sequential
 * or strided labels do not cluster.
 */
final class LongCodeMap {
    private long[] keys;
    private int[] slots; // code + 1; 0 marks an empty slot
    private long[] firstKeys;
    private long[] counts;
    private int size;
    private int mask;

    LongCodeMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, Math.min(1 << 30, expected * 2 - 1))) << 1;
        keys = new long[cap];
        slots = new int[cap];
        mask = cap - 1;
        firstKeys = new long[16];
        counts = new long[16];
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** The code of {@code key}, inserting it if absent, and counts one occurrence. */
    int add(long key) {
        int h = hash(key) & mask;
        while (true) {
            int s = slots[h];
            if (s == 0) {
                return insert(h, key);
            }
            if (keys[h] == key) {
                counts[s - 1]++;
                return s - 1;
            }
            h = (h + 1) & mask;
        }
    }

    private int insert(int slot, long key) {
        int code = size++;
        if (code == firstKeys.length) {
            firstKeys = Arrays.copyOf(firstKeys, code * 2);
            counts = Arrays.copyOf(counts, code * 2);
        }
        firstKeys[code] = key;
        counts[code] = 1;
        keys[slot] = key;
        slots[slot] = code + 1;
        if (size * 2 > slots.length) {
            rehash();
        }
        return code;
    }

    private void rehash() {
        long[] oldKeys = keys;
        int[] oldSlots = slots;
        int cap = oldSlots.length * 2;
        keys = new long[cap];
        slots = new int[cap];
        mask = cap - 1;
        for (int i = 0; i < oldSlots.length; i++) {
            if (oldSlots[i] != 0) {
                int h = hash(oldKeys[i]) & mask;
                while (slots[h] != 0) {
                    h = (h + 1) & mask;
                }
                keys[h] = oldKeys[i];
                slots[h] = oldSlots[i];
            }
        }
    }

    int size() {
        return size;
    }

    /** Keys by first-seen code. */
    long[] keys() {
        return Arrays.copyOf(firstKeys, size);
    }

    /** Counts by first-seen code. */
    long[] counts() {
        return Arrays.copyOf(counts, size);
    }

    /**
     * The permutation first-seen code → rank of its key in increasing order, so that hashed codes
     * agree with the codes of the direct path.
     */
    int[] sortedRanks() {
        long[] k = keys();
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(k[a], k[b]));
        int[] rank = new int[size];
        for (int r = 0; r < size; r++) {
            rank[order[r]] = r;
        }
        return rank;
    }
}
