// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import dev.surprisal.core.ValidationException;
import dev.surprisal.data.roles.RoleOverrides;

import java.util.List;

/**
 * How a reference is profiled.
 *
 * <ul>
 *   <li>{@code bins} (default 20): equal-frequency bins per continuous column, from reference
 *       quantiles ({@link Binning}); fewer when the reference is small, so that every bin expects at least
 *       {@value #MIN_PER_BIN} values (the usual validity condition of the χ² approximation).</li>
 *   <li>{@code topK} (default 128) and {@code minCategoryCount} (default 10): a categorical column
 *       keeps its 128 most frequent categories that occur at least 10 times; the rest is
 *       "__OTHER__". 128 is whylogs' frequent-items size and the research's floor for top-K;
 *       the minimum count keeps rare labels from becoming noisy bins and keeps expected cell counts
 *       large enough for the χ² null used by the sample-size-aware thresholds.</li>
 *   <li>{@code edgeSample} (default {@value #DEFAULT_EDGE_SAMPLE}): the quantiles that place the
 *       edges of a continuous column come from the {@code edgeSample} rows of a seeded, engine-independent
 *       {@link RowSample} (bottom-k by a hash of the row's position); with at most that many rows
 *       every row is used and the quantiles are exact. Bins are frozen and both sides are counted
 *       exactly on them, so KL, PSI, JS and the χ² nulls are exact for the bins used either way;
 *       sample edges only make the bins equal-frequency to within the sample's error (each 5% bin
 *       holds 5% ± 0.05% of the reference at 200,000 sampled rows).</li>
 *   <li>{@code exactEdges} (default off): on, the quantiles are exact over every row of a large
 *       reference (DuckDB holds the column's values: several times slower).</li>
 *   <li>{@code roles} (default none): which columns, and the user's role overrides.</li>
 *   <li>{@code normalizeLabels} (default off): on, a categorical column's labels that differ only by surrounding
 *       spaces or letter case ({@link dev.surprisal.data.roles.LabelVariants}) are one category, its most frequent
 *       spelling in the reference; the choice is frozen in the bins ({@link CategoryBins#folded()}), so that every
 *       later day's cells are folded the same way, a spelling the reference never wrote included.</li>
 * </ul>
 */
public record ProfileOptions(int bins, int topK, int minCategoryCount, int edgeSample, boolean exactEdges,
                             RoleOverrides roles, boolean normalizeLabels) {
    /** The fewest values a continuous bin is expected to hold. */
    public static final int MIN_PER_BIN = 5;
    /** Rows of the seeded sample that places the edges of a large reference. */
    public static final int DEFAULT_EDGE_SAMPLE = 200_000;
    /** How a user folds label variants into one category, as the notes of a baseline name it. */
    public static final String NORMALIZE_LABELS = "--normalize-labels at drift baseline (ProfileOptions"
            + ".withNormalizeLabels for a Java caller)";
    /** The seed of the row samples: the same file always gives the same sample. */
    public static final long SAMPLE_SEED = RowSample.SEED;

    /**
     * Checks the values.
     *
     * @param bins equal-frequency bins per continuous column, ≥ 1
     * @param topK categories kept per categorical column, ≥ 1
     * @param minCategoryCount fewest occurrences of a kept category, ≥ 1
     * @param edgeSample rows of the seeded sample that places the edges, ≥ 1000
     * @param exactEdges whether the edges are exact quantiles over every row
     * @param roles which columns, and the user's role overrides (null: none)
     * @param normalizeLabels whether label variants (spaces, case) of a categorical column are one category
     * @throws ValidationException naming the field when a value is out of range
     */
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
        if (edgeSample < 1000) {
            throw new ValidationException("edgeSample: must be >= 1000, got " + edgeSample);
        }
        roles = roles == null ? RoleOverrides.none() : roles;
    }

    /**
     * Options without label folding (see the record's components).
     *
     * @param bins equal-frequency bins per continuous column, ≥ 1
     * @param topK categories kept per categorical column, ≥ 1
     * @param minCategoryCount fewest occurrences of a kept category, ≥ 1
     * @param edgeSample rows of the seeded sample that places the edges, ≥ 1000
     * @param exactEdges whether the edges are exact quantiles over every row
     * @param roles which columns, and the user's role overrides (null: none)
     * @throws ValidationException naming the field when a value is out of range
     */
    public ProfileOptions(int bins, int topK, int minCategoryCount, int edgeSample, boolean exactEdges,
                          RoleOverrides roles) {
        this(bins, topK, minCategoryCount, edgeSample, exactEdges, roles, false);
    }

    /** @return 20 bins, top 128 categories seen at least 10 times, edges from 200,000 sampled rows, all columns */
    public static ProfileOptions defaults() {
        return new ProfileOptions(20, 128, 10, DEFAULT_EDGE_SAMPLE, false, RoleOverrides.none(), false);
    }

    /**
     * @param b bins per continuous column
     * @return these options with it
     */
    public ProfileOptions withBins(int b) {
        return new ProfileOptions(b, topK, minCategoryCount, edgeSample, exactEdges, roles, normalizeLabels);
    }

    /**
     * @param k categories kept
     * @return these options with it
     */
    public ProfileOptions withTopK(int k) {
        return new ProfileOptions(bins, k, minCategoryCount, edgeSample, exactEdges, roles, normalizeLabels);
    }

    /**
     * @param c fewest occurrences of a kept category
     * @return these options with it
     */
    public ProfileOptions withMinCategoryCount(int c) {
        return new ProfileOptions(bins, topK, c, edgeSample, exactEdges, roles, normalizeLabels);
    }

    /**
     * @param names the columns to profile (null: all)
     * @return these options with them
     */
    public ProfileOptions withColumns(List<String> names) {
        return new ProfileOptions(bins, topK, minCategoryCount, edgeSample, exactEdges, roles.withColumns(names),
                normalizeLabels);
    }

    /**
     * @param overrides columns and roles
     * @return these options with them
     */
    public ProfileOptions withRoles(RoleOverrides overrides) {
        return new ProfileOptions(bins, topK, minCategoryCount, edgeSample, exactEdges, overrides, normalizeLabels);
    }

    /**
     * @param rows rows of the edge sample
     * @return these options with it
     */
    public ProfileOptions withEdgeSample(int rows) {
        return new ProfileOptions(bins, topK, minCategoryCount, rows, exactEdges, roles, normalizeLabels);
    }

    /**
     * @param on exact quantiles over every row
     * @return these options with it
     */
    public ProfileOptions withExactEdges(boolean on) {
        return new ProfileOptions(bins, topK, minCategoryCount, edgeSample, on, roles, normalizeLabels);
    }

    /**
     * @param on fold each categorical column's label variants (spaces and case) into one category, frozen in its
     *           bins
     * @return these options with it
     */
    public ProfileOptions withNormalizeLabels(boolean on) {
        return new ProfileOptions(bins, topK, minCategoryCount, edgeSample, exactEdges, roles, on);
    }

    /**
     * @param present finite values of the column
     * @return the bins used: at most present / {@value #MIN_PER_BIN}
     */
    public int binsFor(long present) {
        return (int) Math.max(1, Math.min(bins, present / MIN_PER_BIN));
    }
}
