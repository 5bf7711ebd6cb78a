// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.file;

/** Open-addressing int → count table (linear probing, power-of-two capacity, load ≤ 1/2). */
final class IntCountTable {
    interface Visitor {
        void visit(int key, long count);
    }

    private int[] keys;
    private long[] counts;
    private boolean[] used;
    private int size;

    IntCountTable(int capacity) {
        int cap = Integer.highestOneBit(Math.max(16, capacity) - 1) << 1;
        keys = new int[cap];
        counts = new long[cap];
        used = new boolean[cap];
    }

    void increment(int key) {
        add(key, 1);
    }

    void add(int key, long by) {
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (used[i] && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (!used[i]) {
            used[i] = true;
            keys[i] = key;
            if (++size * 2 > keys.length) {
                counts[i] = by;
                grow();
                return;
            }
        }
        counts[i] += by;
    }

    private static int mix(int k) {
        int h = k * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private void grow() {
        int[] ok = keys;
        long[] oc = counts;
        boolean[] ou = used;
        keys = new int[ok.length * 2];
        counts = new long[ok.length * 2];
        used = new boolean[ok.length * 2];
        size = 0;
        for (int i = 0; i < ok.length; i++) {
            if (ou[i]) {
                add(ok[i], oc[i]);
            }
        }
    }

    double sumCLogC() {
        double s = 0;
        for (int i = 0; i < keys.length; i++) {
            if (used[i] && counts[i] > 0) {
                s += counts[i] * Math.log(counts[i]);
            }
        }
        return s;
    }

    void forEach(Visitor v) {
        for (int i = 0; i < keys.length; i++) {
            if (used[i]) {
                v.visit(keys[i], counts[i]);
            }
        }
    }

    int size() {
        return size;
    }
}
