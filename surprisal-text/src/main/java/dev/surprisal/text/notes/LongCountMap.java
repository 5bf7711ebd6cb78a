// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.notes;

/**
 * Open-addressing map from 64-bit keys (n-gram, word and line hashes) to positive counts: linear
 * probing, load ≤ 1/2, no removal. A zero value marks an empty slot, so a new map needs no fill.
 */
final class LongCountMap {
    private long[] keys;
    private long[] values;
    private int size;

    LongCountMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        keys = new long[cap];
        values = new long[cap];
    }

    /** The count of {@code key}; 0 when absent. */
    long get(long key) {
        return values[slot(key)];
    }

    /** Adds {@code delta} (&gt; 0) to the key's count and returns the new count. */
    long add(long key, long delta) {
        int i = slot(key);
        if (values[i] == 0) {
            keys[i] = key;
            values[i] = delta;
            if (++size * 2 > keys.length) {
                grow();
            }
            return delta;
        }
        return values[i] += delta;
    }

    /** Removes every key, keeping the capacity (for reuse on a batch of the same size). */
    void clear() {
        java.util.Arrays.fill(values, 0);
        size = 0;
    }

    /** Number of keys. */
    int size() {
        return size;
    }

    /** Keys with a count of at least {@code min}, and their counts: {@code {keys, counts}}. */
    long[][] entries(long min) {
        int n = 0;
        for (long v : values) {
            if (v >= min) {
                n++;
            }
        }
        long[][] out = {new long[n], new long[n]};
        int k = 0;
        for (int i = 0; i < keys.length; i++) {
            if (values[i] != 0 && values[i] >= min) {
                out[0][k] = keys[i];
                out[1][k++] = values[i];
            }
        }
        return out;
    }

    private int slot(long key) {
        int mask = keys.length - 1;
        int i = (int) MinHash.mix64(key) & mask;
        while (values[i] != 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] ok = keys;
        long[] ov = values;
        keys = new long[ok.length * 2];
        values = new long[ok.length * 2];
        for (int j = 0; j < ok.length; j++) {
            if (ov[j] != 0) {
                int i = slot(ok[j]);
                keys[i] = ok[j];
                values[i] = ov[j];
            }
        }
    }
}
