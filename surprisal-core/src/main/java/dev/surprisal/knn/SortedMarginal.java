package dev.surprisal.knn;

import java.util.Arrays;

/**
 * A one-dimensional sample held sorted: radius counts take two binary searches and the k-th
 * neighbour distance a k-step two-pointer walk, so both are O(log n + k) per point.
 *
 * <p>Distances are computed as {@code x − a[j]} and {@code a[j] − x} exactly as a brute-force
 * {@code |a[j] − x|} would be, so counts agree with brute force even on the boundary (floating-point
 * subtraction is monotone, which makes the binary-search predicates monotone).
 */
public final class SortedMarginal implements RadiusCounter {
    private final double[] values;
    private final double[] sorted;

    private SortedMarginal(double[] values) {
        this.values = values;
        this.sorted = values.clone();
        Arrays.parallelSort(sorted);
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
        double x = values[i];
        int p = Arrays.binarySearch(sorted, x);
        return kthFrom(x, p, k);
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
