package dev.surprisal.text.notes;

import dev.surprisal.core.ValidationException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Locality-sensitive banding of MinHash signatures (Leskovec, Rajaraman &amp; Ullman, "Mining of
 * Massive Datasets", ch. 3.4): signatures are cut into b bands of r rows; notes sharing any band
 * become candidates, with probability 1 − (1 − s^r)^b at Jaccard s. {@link #DUPLICATES} = 21 × 6
 * finds a pair at s = 0.8 with probability 0.998 (0.93 at 0.7, 0.28 at 0.5, 0.015 at 0.3). It is
 * deliberately more sensitive than datasketch's optimal_param for threshold 0.8 (9 × 13, used by
 * RedPajama-V2), which weighs false positives and negatives equally and so misses 60% of pairs at
 * exactly s = 0.8: here every candidate is verified by exact shingle Jaccard and containment, so a
 * false positive costs one sorted-array merge while a false negative is a missed duplicate.
 * {@link #NEIGHBOURS} = 32 × 4 has its S-curve midpoint near 0.42 and finds the related notes used
 * as compression context. Finding candidates costs O(n·b) expected, not O(n²).
 */
public final class LshIndex {
    /** Bands × rows for near-duplicate candidates (verified at Jaccard 0.8 / containment 0.9). */
    public static final int[] DUPLICATES = {21, 6};
    /** Bands × rows for neighbours (Jaccard ≈ 0.4). */
    public static final int[] NEIGHBOURS = {32, 4};

    private final int bands;
    private final int rows;
    private final List<Map<Long, List<Integer>>> buckets = new ArrayList<>();

    /** An empty index with the given banding. */
    public LshIndex(int bands, int rows) {
        if (bands * rows > MinHash.PERMUTATIONS || bands < 1 || rows < 1) {
            throw new ValidationException("bands×rows: is " + bands + "×" + rows + ", exceeds " + MinHash.PERMUTATIONS);
        }
        this.bands = bands;
        this.rows = rows;
        for (int b = 0; b < bands; b++) {
            buckets.add(new HashMap<>());
        }
    }

    /** Adds signature {@code sig} under id {@code id}; an empty-set signature is not indexed. */
    public void add(int id, long[] sig) {
        if (sig[0] == Long.MAX_VALUE) {
            return;
        }
        for (int b = 0; b < bands; b++) {
            buckets.get(b).computeIfAbsent(bandKey(sig, b), k -> new ArrayList<>(2)).add(id);
        }
    }

    /** Ids sharing at least one band with {@code sig}, ascending, without {@code self}. */
    public TreeSet<Integer> candidates(long[] sig, int self) {
        TreeSet<Integer> out = new TreeSet<>();
        if (sig[0] == Long.MAX_VALUE) {
            return out;
        }
        for (int b = 0; b < bands; b++) {
            List<Integer> ids = buckets.get(b).get(bandKey(sig, b));
            if (ids != null && ids.size() < 5000) { // a huge bucket is boilerplate, not a neighbourhood
                out.addAll(ids);
            }
        }
        out.remove(self);
        return out;
    }

    private long bandKey(long[] sig, int band) {
        long h = band * 0x9E3779B97F4A7C15L;
        for (int r = band * rows; r < (band + 1) * rows; r++) {
            h = MinHash.mix64(h ^ sig[r]);
        }
        return h;
    }
}
