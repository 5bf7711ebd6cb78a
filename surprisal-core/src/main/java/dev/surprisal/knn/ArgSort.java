package dev.surprisal.knn;

import java.util.Arrays;

/**
 * The sorting permutation of a {@code double[]} without boxing: {@code order[r]} is the index of the
 * r-th smallest value (ties in any order; −0.0 and 0.0 are equal).
 *
 * <p>Each value is mapped to an order-preserving signed 64-bit key; the high 32 bits of the key and
 * the 32-bit index are packed into one {@code long} and sorted with {@link Arrays#parallelSort(long[])}.
 * That orders the values by their high key bits (sign, exponent, 20 mantissa bits); runs that share
 * them are then re-sorted by the low 32 bits, packed the same way. Both sorts are primitive, so a
 * 10⁷-value argsort costs about as much as two plain sorts.
 */
public final class ArgSort {
    private static final long HIGH = 0xFFFF_FFFF_0000_0000L;
    private static final long LOW = 0xFFFF_FFFFL;

    private ArgSort() {
    }

    /** Order-preserving signed key of a non-NaN double (−0.0 maps to the key of 0.0). */
    static long key(double v) {
        long bits = Double.doubleToRawLongBits(v + 0.0);
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }

    /** The permutation that sorts {@code v} ascending. */
    public static int[] of(double[] v) {
        int n = v.length;
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            packed[i] = (key(v[i]) & HIGH) | i;
        }
        if (n > 1 << 13) {
            Arrays.parallelSort(packed);
        } else {
            Arrays.sort(packed);
        }
        int[] order = new int[n];
        int r = 0;
        while (r < n) {
            long high = packed[r] & HIGH;
            int e = r + 1;
            while (e < n && (packed[e] & HIGH) == high) {
                e++;
            }
            if (e - r == 1) {
                order[r] = (int) (packed[r] & LOW);
            } else {
                sortRun(v, packed, order, r, e);
            }
            r = e;
        }
        return order;
    }

    // values in packed[from, to) share their high key bits: order them by the low 32 bits
    private static void sortRun(double[] v, long[] packed, int[] order, int from, int to) {
        int m = to - from;
        if (m <= 16) {
            for (int t = from; t < to; t++) {
                int i = (int) (packed[t] & LOW);
                long ki = key(v[i]);
                int u = t - 1;
                while (u >= from && key(v[order[u]]) > ki) {
                    order[u + 1] = order[u];
                    u--;
                }
                order[u + 1] = i;
            }
            return;
        }
        long[] low = new long[m];
        for (int t = 0; t < m; t++) {
            int i = (int) (packed[from + t] & LOW);
            // flip the top bit so that a signed comparison orders the unsigned low word
            low[t] = ((key(v[i]) ^ 0x8000_0000L) << 32) | t;
        }
        Arrays.sort(low);
        for (int t = 0; t < m; t++) {
            order[from + t] = (int) (packed[from + (int) (low[t] & LOW)] & LOW);
        }
    }

    /** The inverse permutation: {@code rank[order[r]] = r}. */
    public static int[] inverse(int[] order) {
        int[] inv = new int[order.length];
        for (int r = 0; r < order.length; r++) {
            inv[order[r]] = r;
        }
        return inv;
    }
}
