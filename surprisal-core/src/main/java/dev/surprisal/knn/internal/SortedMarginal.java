// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.knn.internal;

import dev.surprisal.knn.PointSet;

/**
 * A one-dimensional sample held sorted, with its sorting permutation: radius counts around an
 * arbitrary value take two binary searches and the k-th neighbour distance a k-step two-pointer
 * walk from the point's own rank. Counts for every point of the sample
 * ({@link #countAllStrictUnlessZero(double[], int[], int[])}) visit the points in sorted order; each
 * end of a count starts from the rank that an index of equal-width value buckets guesses for x ± r and
 * gallops from there to the exact end, so a count costs a few probes when the values spread evenly, and
 * O(log m) for m points inside the radius at worst (skewed values crowd into few buckets). The two ends
 * are mirror images of one search (the predicates differ in the order of the subtraction, which brute
 * force fixes), written out twice because a shared predicate would be a call per probe.
 *
 * <p>Distances are computed as {@code x − a[j]} and {@code a[j] − x} exactly as a brute-force
 * {@code |a[j] − x|} would be, so counts agree with brute force even on the boundary (floating-point
 * subtraction is monotone, which makes the binary-search predicates monotone).
 */
public final class SortedMarginal implements RadiusCounter {
    private final double[] values;
    private final double[] sorted;
    private final int[] order;
    private final int[] rank;
    /** The value index of {@link #countAt}, built on first use. */
    private volatile Buckets buckets;

    private SortedMarginal(double[] values) {
        this.values = values;
        this.sorted = new double[values.length]; // −0.0 stored as 0.0, the order ArgSort uses
        this.order = ArgSort.of(values, sorted);
        this.rank = ArgSort.inverse(order);
    }

    /** Sorts a copy of {@code values} (assumed finite; see {@link PointSet} for validation). */
    public static SortedMarginal of(double[] values) {
        return new SortedMarginal(values.clone());
    }

    /** Wraps without copying; {@code values} must not change afterwards. */
    static SortedMarginal wrap(double[] values) {
        return new SortedMarginal(values);
    }

    @Override
    public int size() {
        return values.length;
    }

    /** The values in ascending order; do not modify. */
    double[] sortedValues() {
        return sorted;
    }

    /**
     * Whether two points have the same value, compared as {@code DistinctRows} compares them (−0.0 equals
     * 0.0, stored so here; the values are finite): one pass over the sorted values.
     *
     * @return true when some value occurs more than once
     */
    public boolean hasTies() {
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                return true;
            }
        }
        return false;
    }

    /**
     * The number of points whose pair (this value, {@code other}'s value) equals that of an earlier point, compared as
     * {@code DistinctRows} compares them (−0.0 equals 0.0; the values are finite): a repeated pair is a tie here, so
     * only this sample's runs of tied values are looked at, and a sample with few ties costs one pass over its sorted
     * values instead of a hash of every point.
     *
     * @param other the second coordinate of each point, in the same input order and of the same size
     * @return the repeated points, n minus the distinct pairs
     */
    public int pairRepeats(SortedMarginal other) {
        int n = sorted.length;
        double[] y = other.values;
        int repeats = 0;
        int start = 0;
        while (start < n) {
            int end = start + 1;
            while (end < n && sorted[end] == sorted[start]) {
                end++;
            }
            int len = end - start;
            if (len == 2) {
                repeats += y[order[start]] == y[order[start + 1]] ? 1 : 0;
            } else if (len > 2) {
                double[] run = new double[len];
                for (int t = 0; t < len; t++) {
                    double v = y[order[start + t]];
                    run[t] = v == 0.0 ? 0.0 : v; // −0.0 as 0.0, which Arrays.sort would order apart
                }
                java.util.Arrays.sort(run);
                int distinct = 1;
                for (int t = 1; t < len; t++) {
                    distinct += run[t] != run[t - 1] ? 1 : 0;
                }
                repeats += len - distinct;
            }
            start = end;
        }
        return repeats;
    }

    /** {@code order()[r]} is the input index of the r-th smallest value; do not modify. */
    public int[] order() {
        return order;
    }

    /** {@code rank()[i]} is the position of point i in sorted order; do not modify. */
    int[] rank() {
        return rank;
    }

    /** The value of point {@code i} in input order. */
    public double value(int i) {
        return values[i];
    }

    @Override
    public int countOthers(int i, double r, RadiusRule rule) {
        double x = values[i];
        return countAround(x, r, rule) - (rule.accepts(0.0, r) ? 1 : 0);
    }

    /** Number of sample points {@code a} with {@code rule.accepts(|a − x|, r)}, for any x. */
    public int countAround(double x, double r, RadiusRule rule) {
        if (!rule.accepts(0.0, r)) {
            return 0; // r = 0 under the strict rule (or r < 0): no distance qualifies
        }
        return firstBeyondRight(x, r, rule) - firstInsideLeft(x, r, rule);
    }

    // first j with x - a[j] inside r (x - a[j] decreases with j)
    private int firstInsideLeft(double x, double r, RadiusRule rule) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (rule.accepts(x - sorted[mid], r)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    // first j with a[j] - x outside r (a[j] - x increases with j)
    private int firstBeyondRight(double x, double r, RadiusRule rule) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (rule.accepts(sorted[mid] - x, r)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Distance from point {@code i} to its k-th nearest other point (one copy of its own value is
     * itself; further copies are neighbours at distance 0).
     */
    public double kthDistance(int i, int k) {
        int p = rank[i];
        return kthFrom(sorted[p], p, k);
    }

    /** Distance from an arbitrary x to its k-th nearest sample point (nothing excluded). */
    public double kthDistanceTo(double x, int k) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        // a virtual "self" sits between lo - 1 and lo
        return walk(x, lo - 1, lo, k);
    }

    private double kthFrom(double x, int p, int k) {
        return walk(x, p - 1, p + 1, k);
    }

    private double walk(double x, int left, int right, int k) {
        double d = 0.0;
        for (int step = 0; step < k; step++) {
            double dl = left >= 0 ? x - sorted[left] : Double.POSITIVE_INFINITY;
            double dr = right < sorted.length ? sorted[right] - x : Double.POSITIVE_INFINITY;
            if (dl <= dr) {
                d = dl;
                left--;
            } else {
                d = dr;
                right++;
            }
        }
        return d;
    }

    /**
     * For every result slot i, the number of points j ≠ {@code at} (at = {@code query[i]}, or i when
     * query is null) with |x_j − x_at| &lt; r_i, or = 0 when r_i = 0 (the rule of
     * {@link RadiusRule#strictUnlessZero}). The visiting order is ignored: points are visited in
     * sorted order, galloping outward from their own rank.
     */
    @Override
    public int[] countAllStrictUnlessZero(double[] radii, int[] visit, int[] query) {
        int n = sorted.length;
        int[] slotOf = query == null ? null : ArgSort.inverse(query);
        int[] out = new int[n];
        Buckets index = buckets(); // built once, before the threads share it
        Parallel.forRange(n, (from, to) -> {
            // gather the radii first: independent loads overlap, whereas a load inside the
            // search would put one cache miss on every count's critical path
            int[] slots = new int[to - from];
            double[] r = new double[to - from];
            for (int p = from; p < to; p++) {
                int at = order[p];
                slots[p - from] = slotOf == null ? at : slotOf[at];
            }
            for (int t = 0; t < r.length; t++) {
                r[t] = radii[slots[t]];
            }
            for (int p = from; p < to; p++) {
                out[slots[p - from]] = countAt(index, p, r[p - from]);
            }
        });
        return out;
    }

    @Override
    public int[] countAllStrictUnlessZero(double[] radii) {
        return countAllStrictUnlessZero(radii, null, null);
    }

    /**
     * Points j ≠ the one at rank p with |x_j − x| &lt; r (x = sorted[p]), or = 0 when r = 0. For
     * distances d ≥ 0, "d = 0" is "d &lt; Double.MIN_VALUE" (a difference of distinct doubles is never
     * 0), so one strict comparison serves both cases. Each end of the range starts from the guess of the
     * value index ({@link #buckets()}) and is then found exactly by its own predicate, so the guess decides
     * only how many values are probed, never the count.
     */
    int countAt(Buckets index, int p, double r) {
        double x = sorted[p];
        double rr = r > 0 ? r : Double.MIN_VALUE;
        int e = firstOutsideRight(x, rr, p, index.first(x + rr));
        int b = firstInsideLeft(x, rr, p, index.first(x - rr));
        return e - b - 1;
    }

    /**
     * The first j in (p, n] with j = n or a[j] − x ≥ rr (a[j] − x grows with j), from a guess g: gallop
     * forward when a[g] is still inside, backward when it is already outside, then a branch-free binary
     * search of the last window.
     */
    private int firstOutsideRight(double x, double rr, int p, int guess) {
        double[] a = sorted;
        int n = a.length;
        int g = Math.max(guess, p + 1);
        int lo;
        int len;
        if (g < n && a[g] - x < rr) {
            // inside at g: the answer is in (g, n]
            lo = g + 1;
            int step = 1;
            int hi = g + 1;
            while (hi < n && a[hi] - x < rr) {
                lo = hi + 1;
                step <<= 1;
                hi = g + step;
            }
            len = Math.min(hi, n) - lo;
        } else {
            // outside at g (or g = n): the answer is in (p, g]
            int hi = g;
            int step = 1;
            int probe = g - 1;
            while (probe > p && !(a[probe] - x < rr)) {
                hi = probe;
                step <<= 1;
                probe = g - step;
            }
            lo = Math.max(probe, p) + 1;
            len = hi - lo;
        }
        // a[j] for j < lo is inside, a[lo + len] outside (or lo + len = n): the first outside is in [lo, lo + len]
        while (len > 1) {
            int half = len >>> 1;
            lo = a[lo + half] - x < rr ? lo + half : lo;
            len -= half;
        }
        if (len > 0) {
            lo += a[lo] - x < rr ? 1 : 0;
        }
        return lo;
    }

    /**
     * The first j in [0, p] with x − a[j] &lt; rr (x − a[j] shrinks as j grows; j = p always qualifies), from a
     * guess g, as {@link #firstOutsideRight} on the mirrored side.
     */
    private int firstInsideLeft(double x, double rr, int p, int guess) {
        double[] a = sorted;
        int g = Math.min(guess, p);
        int lo;
        int len;
        if (!(x - a[g] < rr)) {
            // outside at g: the answer is in (g, p]
            lo = g + 1;
            int step = 1;
            int hi = g + 1;
            while (hi < p && !(x - a[hi] < rr)) {
                lo = hi + 1;
                step <<= 1;
                hi = g + step;
            }
            len = Math.min(hi, p) - lo;
        } else {
            // inside at g: the answer is in [0, g]
            int hi = g;
            int step = 1;
            int probe = g - 1;
            while (probe >= 0 && x - a[probe] < rr) {
                hi = probe;
                step <<= 1;
                probe = g - step;
            }
            lo = Math.max(probe, -1) + 1;
            len = hi - lo;
        }
        // a[j] for j < lo is outside, a[lo + len] inside: the first inside is in [lo, lo + len]
        while (len > 1) {
            int half = len >>> 1;
            lo = x - a[lo + half] >= rr ? lo + half : lo;
            len -= half;
        }
        if (len > 0) {
            lo += x - a[lo] >= rr ? 1 : 0;
        }
        return lo;
    }

    /** The value index of the sorted values, built on first use (one pass; two values per bucket on average). */
    private Buckets buckets() {
        Buckets b = buckets;
        if (b == null) {
            b = Buckets.of(sorted);
            buckets = b;
        }
        return b;
    }

    /**
     * Equal-width buckets over [min, max] of the sorted values, with the rank of the first value of each: the rank
     * of any value t is guessed by one multiplication and one load ({@link #first}). A guess only: the callers
     * correct it with the exact predicate, so the rounding of {@code (t − min)·scale} never changes a count.
     * Skewed data put many values in a few buckets; a guess is then further off and the gallop that corrects it
     * takes O(log) steps of the bucket's size, no more than the search from the point's own rank did.
     */
    private record Buckets(double low, double scale, int last, int[] start) {
        static Buckets of(double[] sorted) {
            int n = sorted.length;
            double span = n == 0 ? 0.0 : sorted[n - 1] - sorted[0];
            int count = Math.max(1, n >>> 1);
            if (!(span > 0) || Double.isInfinite(span)) {
                // one value (or a span beyond double's range): every guess is rank 0
                return new Buckets(0.0, 0.0, 0, new int[] {0});
            }
            double low = sorted[0];
            double scale = count / span;
            int[] start = new int[count + 1];
            int r = 0;
            for (int b = 0; b <= count; b++) {
                while (r < n && bucket(sorted[r], low, scale, count) < b) {
                    r++;
                }
                start[b] = r;
            }
            return new Buckets(low, scale, count, start);
        }

        static int bucket(double t, double low, double scale, int last) {
            double f = (t - low) * scale;
            return f >= last ? last : f > 0 ? (int) f : 0;
        }

        /** The rank of the first value in t's bucket: near the first value ≥ t. */
        int first(double t) {
            return start[bucket(t, low, scale, last)];
        }
    }

    /** {@link #kthDistance} for every point, in parallel. Requires {@code k < n}. */
    public double[] allKthDistances(int k) {
        double[] out = new double[values.length];
        Parallel.forRange(out.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = kthDistance(i, k);
            }
        });
        return out;
    }
}
