// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.selection;

import dev.surprisal.core.Base;
import dev.surprisal.core.ValidationException;
import dev.surprisal.inference.SequentialPermutationTest;

/**
 * The choices of a {@link TargetRanking}: immutable, configured with the {@code with…} methods.
 *
 * <p>Defaults, chosen so that a ranking of 20 columns of 10⁶ rows stays within a minute on two cores:
 * k = 3; a sequential permutation test of at most 99 permutations (smallest p-value 0.01), stopping
 * after 10 exceedances; kNN tests on at most 20,000 rows (a seeded subsample above that; plug-in
 * tests always use every row, they are cheap); 100 bootstrap replicates, only for pairs of at most
 * 20,000 rows unless forced; seed 42; α = 0.05 for the significance mark and the verdicts; notes in nats.
 *
 * <p>Every number of a result is in nats whatever the options; {@link #base()} is only the unit of the
 * numbers written into the results' notes (an interval withheld, the target's entropy), so that a caller
 * who shows bits gets notes in bits.
 */
public final class MiOptions {
    /** Largest bootstrap a caller may ask for. */
    public static final int MAX_BOOTSTRAP = 100_000;
    private static final MiOptions DEFAULTS = new MiOptions(3, 99, 100, false, 20_000,
            dev.surprisal.inference.Bootstrap.DEFAULT_MAX_ROWS, 42L, 0.05,
            Base.NATS);

    private final int k;
    private final int permutations;
    private final int bootstrap;
    private final boolean bootstrapForced;
    private final int testRows;
    private final int bootstrapRows;
    private final long seed;
    private final double alpha;
    private final Base base;

    private MiOptions(int k, int permutations, int bootstrap, boolean bootstrapForced, int testRows,
                      int bootstrapRows, long seed, double alpha, Base base) {
        this.k = k;
        this.permutations = permutations;
        this.bootstrap = bootstrap;
        this.bootstrapForced = bootstrapForced;
        this.testRows = testRows;
        this.bootstrapRows = bootstrapRows;
        this.seed = seed;
        this.alpha = alpha;
        this.base = base;
    }

    /**
     * The defaults described in the class comment.
     *
     * @return k = 3, at most 99 permutations (sequential, stopping after 10 exceedances), kNN tests on at
     *         most 20,000 rows, 100 bootstrap replicates for pairs of at most 20,000 rows, seed 42, α = 0.05
     */
    public static MiOptions defaults() {
        return DEFAULTS;
    }

    /**
     * @param k neighbours of the kNN estimators, ≥ 1
     * @return a copy with this k
     * @throws ValidationException if k &lt; 1
     */
    public MiOptions withK(int k) {
        if (k < 1) {
            throw new ValidationException("k: must be at least 1, got " + k);
        }
        return new MiOptions(k, permutations, bootstrap, bootstrapForced, testRows, bootstrapRows, seed, alpha, base);
    }

    /**
     * @param permutations the most permutations of the sequential test, 0 (no test) to 1,000,000
     * @return a copy with this maximum
     * @throws ValidationException if out of range
     */
    public MiOptions withPermutations(int permutations) {
        if (permutations < 0 || permutations > SequentialPermutationTest.MAX_PERMUTATIONS) {
            throw new ValidationException("permutations: must lie in [0, " + SequentialPermutationTest.MAX_PERMUTATIONS
                    + "], got " + permutations);
        }
        return new MiOptions(k, permutations, bootstrap, bootstrapForced, testRows, bootstrapRows, seed, alpha, base);
    }

    /**
     * Checks a number of bootstrap replicates of an interval (MI's here, a column entropy's in
     * {@code ColumnEntropy}): the one range both accept.
     *
     * @param bootstrap replicates of the interval: 0 (none) or 10 to 100,000
     * @throws ValidationException if out of range
     */
    public static void checkBootstrap(int bootstrap) {
        if (bootstrap != 0 && (bootstrap < 10 || bootstrap > MAX_BOOTSTRAP)) {
            throw new ValidationException("bootstrap: must be 0 (no interval) or lie in [10, " + MAX_BOOTSTRAP
                    + "], got " + bootstrap);
        }
    }

    /**
     * @param bootstrap replicates of the interval: 0 (none) or 10 to 100,000
     * @param forced    whether to bootstrap even pairs above the bootstrap row limit
     * @return a copy with this bootstrap
     * @throws ValidationException if out of range
     */
    public MiOptions withBootstrap(int bootstrap, boolean forced) {
        checkBootstrap(bootstrap);
        return new MiOptions(k, permutations, bootstrap, forced, testRows, bootstrapRows, seed, alpha, base);
    }

    /**
     * @param testRows the most rows a kNN permutation test uses (a seeded subsample above), ≥ 100
     * @return a copy with this limit
     * @throws ValidationException if below 100
     */
    public MiOptions withTestRows(int testRows) {
        if (testRows < 100) {
            throw new ValidationException("testRows: must be at least 100, got " + testRows);
        }
        return new MiOptions(k, permutations, bootstrap, bootstrapForced, testRows, bootstrapRows, seed, alpha, base);
    }

    /**
     * @param seed seed of the tie-breaking noise, permutations, subsamples and bootstrap
     * @return a copy with this seed
     */
    public MiOptions withSeed(long seed) {
        return new MiOptions(k, permutations, bootstrap, bootstrapForced, testRows, bootstrapRows, seed, alpha, base);
    }

    /**
     * The unit of the numbers written into notes; the results' values stay in nats.
     *
     * @param base the unit of the notes (the unit the caller shows its numbers in)
     * @return a copy whose notes state their numbers in {@code base}
     * @throws ValidationException if {@code base} is null
     */
    public MiOptions withBase(Base base) {
        if (base == null) {
            throw new ValidationException("base: must be given (bits, nats or bans)");
        }
        return new MiOptions(k, permutations, bootstrap, bootstrapForced, testRows, bootstrapRows, seed, alpha, base);
    }

    /**
     * The unit of the numbers in notes.
     *
     * @return the unit notes state their numbers in (default nats)
     */
    public Base base() {
        return base;
    }

    /**
     * Neighbours of the kNN estimators.
     *
     * @return k, at least 1
     */
    public int k() {
        return k;
    }

    /**
     * The most permutations (0: no test).
     *
     * @return the largest number of permutations of the sequential test, 0 for none
     */
    public int permutations() {
        return permutations;
    }

    /**
     * Bootstrap replicates (0: no interval).
     *
     * @return the number of bootstrap replicates, 0 for none
     */
    public int bootstrap() {
        return bootstrap;
    }

    /**
     * Whether the bootstrap runs above {@link #bootstrapRows()}.
     *
     * @return true if the bootstrap also runs on pairs above {@link #bootstrapRows()} rows
     */
    public boolean bootstrapForced() {
        return bootstrapForced;
    }

    /**
     * The most rows of a kNN permutation test.
     *
     * @return the subsample size of a kNN permutation test
     */
    public int testRows() {
        return testRows;
    }

    /**
     * Pairs above this many rows get no bootstrap unless forced: each replicate is a full estimate.
     *
     * @return the row limit of the bootstrap
     */
    public int bootstrapRows() {
        return bootstrapRows;
    }

    /**
     * The seed.
     *
     * @return the seed of the tie-breaking noise, the permutations and the bootstrap
     */
    public long seed() {
        return seed;
    }

    /**
     * Significance level of the mark and of the verdicts.
     *
     * @return α, in (0, 1)
     */
    public double alpha() {
        return alpha;
    }

    /**
     * Confidence level of the bootstrap interval.
     *
     * @return the confidence level, in (0, 1)
     */
    public double level() {
        return 0.95;
    }
}
