// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.roles;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Working memory that {@link ColumnStats#of(dev.surprisal.data.Column, ScanScratch)} reuses across
 * the columns of one table: counting a column's distinct numbers scatters their hashes into an
 * array of one {@code long} per row (16 MB at 2·10⁶ rows), and a fresh array per column costs the
 * operating system's time to hand out new pages. A caller that takes the statistics of many
 * columns of the same length creates one, passes it to each call (from any number of threads at
 * once: each gets an array of its own), and drops it when the columns are done, so that nothing
 * stays held between tables (a per-thread cache would keep an array alive in every thread of a
 * server's pool).
 */
public final class ScanScratch {
    /** The arrays not in use: at most one per thread that used this at the same time. */
    private final ConcurrentLinkedQueue<long[]> free = new ConcurrentLinkedQueue<>();

    /** Working memory for one table's columns, empty until a column needs it. */
    public ScanScratch() {
    }

    /** An array of at least {@code n} longs, its content left over from earlier use; {@link #give} it back. */
    long[] take(int n) {
        long[] a = free.poll();
        // one too small (a shorter column came first) is dropped for one that fits
        return a != null && a.length >= n ? a : new long[n];
    }

    /** Returns an array {@link #take} gave, for the next column. */
    void give(long[] a) {
        free.offer(a);
    }
}
