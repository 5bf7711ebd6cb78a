package dev.surprisal.data.profile;

import dev.surprisal.core.ValidationException;

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
 *   <li>{@code sketches} (default on): build KLL sketches at all.</li>
 *   <li>{@code sketchSample} (default {@value #DEFAULT_SKETCH_SAMPLE}): from a file, the sketches are
 *       fed from a seeded uniform sample of this many rows (DuckDB's reservoir sample, seed
 *       {@value #SAMPLE_SEED}), not from every row; the profile records it
 *       ({@link Profile#sketchRows()}). KS and W₁ then compare two samples: their sampling error at
 *       200,000 rows (about 1/√200,000 ≈ 0.2% of rank) is of the order of the sketch's own, and the KS
 *       p-value uses the sample sizes, so it stays honest. Bins, counts and moments always use every
 *       row.</li>
 *   <li>{@code exactEdges} (default off): with a reference of more than {@code sketchSample} rows, the
 *       interior bin edges are the quantiles of that seeded sample, and the outer edges the data's
 *       exact min and max; on, they are DuckDB's exact quantiles over every row (several times slower,
 *       memory 8 bytes a value of a column). Bins are frozen and both sides are counted exactly on
 *       them, so KL, PSI, JS and the χ² nulls are exact for the bins used either way; sample edges
 *       only make the bins equal-frequency to within the sample's error (each 5% bin holds 5% ± 0.05%
 *       of the reference at 200,000 sampled rows). A reference of at most {@code sketchSample} rows
 *       always gets exact quantiles.</li>
 *   <li>{@code columns} (default all): the columns to profile.</li>
 * </ul>
 */
public record ProfileOptions(int bins, int topK, int minCategoryCount, int sketchK, boolean sketches,
                             int sketchSample, boolean exactEdges, List<String> columns) {
    public static final int MIN_PER_BIN = 5;
    /** Rows in the seeded uniform sample that feeds the KLL sketches from a file. */
    public static final int DEFAULT_SKETCH_SAMPLE = 200_000;
    /** The seed of that sample: the same file always gives the same sample and the same sketches. */
    public static final long SAMPLE_SEED = 42;

    public ProfileOptions {
        if (bins < 1) {
            throw new ValidationException("bins: must be >= 1, got " + bins);
        }
        if (topK < 1) {
            throw new ValidationException("topK: must be >= 1, got " + topK);
        }
        if (minCategoryCount < 1) {
            throw new ValidationException("minCategoryCount: must be >= 1, got " + minCategoryCount);
        }
        if (sketchK < 8 || sketchK > 65535) {
            throw new ValidationException("sketchK: must be in [8, 65535], got " + sketchK);
        }
        if (sketchSample < 1000) {
            throw new ValidationException("sketchSample: must be >= 1000, got " + sketchSample);
        }
        columns = columns == null ? null : List.copyOf(columns);
    }

    /** The defaults: 20 bins, top 128 categories seen at least 10 times, KLL k = 1024, all columns. */
    public static ProfileOptions defaults() {
        return new ProfileOptions(20, 128, 10, 1024, true, DEFAULT_SKETCH_SAMPLE, false, null);
    }

    public ProfileOptions withBins(int b) {
        return new ProfileOptions(b, topK, minCategoryCount, sketchK, sketches, sketchSample, exactEdges, columns);
    }

    public ProfileOptions withTopK(int k) {
        return new ProfileOptions(bins, k, minCategoryCount, sketchK, sketches, sketchSample, exactEdges, columns);
    }

    public ProfileOptions withMinCategoryCount(int c) {
        return new ProfileOptions(bins, topK, c, sketchK, sketches, sketchSample, exactEdges, columns);
    }

    public ProfileOptions withSketches(boolean on) {
        return new ProfileOptions(bins, topK, minCategoryCount, sketchK, on, sketchSample, exactEdges, columns);
    }

    public ProfileOptions withColumns(List<String> names) {
        return new ProfileOptions(bins, topK, minCategoryCount, sketchK, sketches, sketchSample, exactEdges, names);
    }

    /** These options with sketches fed from a seeded sample of {@code rows} rows of a file. */
    public ProfileOptions withSketchSample(int rows) {
        return new ProfileOptions(bins, topK, minCategoryCount, sketchK, sketches, rows, exactEdges, columns);
    }

    /** These options with bin edges from exact quantiles over every row of a large reference. */
    public ProfileOptions withExactEdges(boolean on) {
        return new ProfileOptions(bins, topK, minCategoryCount, sketchK, sketches, sketchSample, on, columns);
    }

    /** The bins used for a reference with {@code present} values: at most n / {@value #MIN_PER_BIN}. */
    public int binsFor(long present) {
        return (int) Math.max(1, Math.min(bins, present / MIN_PER_BIN));
    }
}
