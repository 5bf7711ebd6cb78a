package dev.surprisal.text.notes;

import java.util.Arrays;

/** Open-addressing long → int map for n-gram keys (linear probing, load ≤ 1/2, no removal). */
final class LongIntMap {
    private static final int ABSENT = Integer.MIN_VALUE;
    private long[] keys;
    private int[] values;
    private int size;

    LongIntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        keys = new long[cap];
        values = new int[cap];
        Arrays.fill(values, ABSENT);
    }

    /** The value for {@code key}, or {@code dflt}. */
    int get(long key, int dflt) {
        int i = slot(key);
        return values[i] == ABSENT ? dflt : values[i];
    }

    /** Stores {@code value} if the key is absent; returns the previous value or ABSENT-sentinel {@code dflt}. */
    int putIfAbsent(long key, int value, int dflt) {
        int i = slot(key);
        if (values[i] != ABSENT) {
            return values[i];
        }
        keys[i] = key;
        values[i] = value;
        if (++size * 2 > keys.length) {
            grow();
        }
        return dflt;
    }

    /** Adds 1 to the key's value (absent counts as 0) and returns the new value. */
    int increment(long key) {
        int i = slot(key);
        if (values[i] == ABSENT) {
            keys[i] = key;
            values[i] = 1;
            if (++size * 2 > keys.length) {
                grow();
            }
            return 1;
        }
        return ++values[i];
    }

    private int slot(long key) {
        int mask = keys.length - 1;
        int i = (int) MinHash.mix64(key) & mask;
        while (values[i] != ABSENT && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] ok = keys;
        int[] ov = values;
        keys = new long[ok.length * 2];
        values = new int[ok.length * 2];
        Arrays.fill(values, ABSENT);
        for (int j = 0; j < ok.length; j++) {
            if (ov[j] != ABSENT) {
                int i = slot(ok[j]);
                keys[i] = ok[j];
                values[i] = ov[j];
            }
        }
    }
}
