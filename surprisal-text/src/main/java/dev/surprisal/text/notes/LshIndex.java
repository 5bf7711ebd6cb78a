package dev.surprisal.text.notes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Locality-sensitive banding of MinHash signatures (Leskovec, Rajaraman &amp; Ullman, "Mining of
 * Massive Datasets", ch. 3.4): signatures are cut into b bands of r rows; notes sharing any band
 * become candidates, with probability 1 − (1 − s^r)^b at Jaccard s. {@link #DUPLICATES} = 9 × 13
 * is datasketch's optimal_param for threshold 0.8 at 128 permutations (RedPajama-V2 uses the same);
 * {@link #NEIGHBOURS} = 32 × 4 has its S-curve midpoint near 0.42 and finds the related notes used
 * as compression context. Finding candidates costs O(n·b) expected, not O(n²).
 */
public final class LshIndex {
    /** Bands × rows for near-duplicates (Jaccard ≈ 0.8). */
    public static final int[] DUPLICATES = {9, 13};
    /** Bands × rows for neighbours (Jaccard ≈ 0.4). */
    public static final int[] NEIGHBOURS = {32, 4};

    private final int bands;
    private final int rows;
    private final List<Map<Long, List<Integer>>> buckets = new ArrayList<>();

    /** An empty index with the given banding. */
    public LshIndex(int bands, int rows) {
        if (bands * rows > MinHash.PERMUTATIONS || bands < 1 || rows < 1) {
            throw new IllegalArgumentException("bands×rows: is " + bands + "×" + rows + ", exceeds " + MinHash.PERMUTATIONS);
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
