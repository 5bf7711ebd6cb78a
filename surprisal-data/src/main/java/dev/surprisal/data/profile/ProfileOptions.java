package dev.surprisal.data.profile;

import java.util.List;

/**
 * How a reference is profiled.
 *
 * <ul>
 *   <li>{@code bins} (default 20): equal-frequency bins per numeric column, from exact reference
 *       quantiles; fewer when the reference is small, so that every bin expects at least
 *       {@value #MIN_PER_BIN} values (the usual validity condition of the χ² approximation).</li>
 *   <li>{@code topK} (default 128) and {@code minCategoryCount} (default 10): a categorical column
 *       keeps its 128 most frequent categories that occur at least 10 times; the rest is
 *       "__OTHER__". 128 is whylogs' frequent-items size and the research's floor for top-K;
 *       the minimum count keeps rare IDs from becoming noisy bins and keeps expected cell counts
 *       large enough for the χ² null used by the sample-size-aware thresholds.</li>
 *   <li>{@code sketchK} (default 1024): KLL accuracy parameter, normalised rank error about 0.13%
 *       (whylogs uses 1024; smaller k made sketch-based KS unstable, whylogs#684).</li>
 *   <li>{@code sketches} (default on): build KLL sketches at all (needs one streamed pass).</li>
 *   <li>{@code columns} (default all): the columns to profile.</li>
 * </ul>
 */
public record ProfileOptions(int bins, int topK, int minCategoryCount, int sketchK, boolean sketches,
                             List<String> columns) {
    public static final int MIN_PER_BIN = 5;

    public ProfileOptions {
        if (bins < 1) {
            throw new IllegalArgumentException("bins: must be >= 1, got " + bins);
        }
        if (topK < 1) {
            throw new IllegalArgumentException("topK: must be >= 1, got " + topK);
        }
        if (minCategoryCount < 1) {
            throw new IllegalArgumentException("minCategoryCount: must be >= 1, got " + minCategoryCount);
        }
        if (sketchK < 8 || sketchK > 65535) {
            throw new IllegalArgumentException("sketchK: must be in [8, 65535], got " + sketchK);
        }
        columns = columns == null ? null : List.copyOf(columns);
    }

    /** The defaults: 20 bins, top 128 categories seen at least 10 times, KLL k = 1024, all columns. */
    public static ProfileOptions defaults() {
        return new ProfileOptions(20, 128, 10, 1024, true, null);
    }

    public ProfileOptions withBins(int b) {
        return new ProfileOptions(b, topK, minCategoryCount, sketchK, sketches, columns);
    }

    public ProfileOptions withTopK(int k) {
        return new ProfileOptions(bins, k, minCategoryCount, sketchK, sketches, columns);
    }

    public ProfileOptions withMinCategoryCount(int c) {
        return new ProfileOptions(bins, topK, c, sketchK, sketches, columns);
    }

    public ProfileOptions withSketches(boolean on) {
        return new ProfileOptions(bins, topK, minCategoryCount, sketchK, on, columns);
    }

    public ProfileOptions withColumns(List<String> names) {
        return new ProfileOptions(bins, topK, minCategoryCount, sketchK, sketches, names);
    }

    /** The bins used for a reference with {@code present} values: at most n / {@value #MIN_PER_BIN}. */
    public int binsFor(long present) {
        return (int) Math.max(1, Math.min(bins, present / MIN_PER_BIN));
    }
}
