package dev.surprisal.cli;

import dev.surprisal.core.Base;

/**
 * The numeric choices of a {@code surprisal mi} run on a table, validated by {@link MiCommand}.
 *
 * @param k            neighbours of the kNN estimators (≥ 1)
 * @param permutations permutations of the independence test (0: no test)
 * @param bootstrap    bootstrap replicates of the confidence interval (0: no interval, else ≥ 10)
 * @param seed         seed of every random step: the tie-breaking noise, the permutations, the bootstrap
 * @param base         unit of the printed values
 */
record MiSettings(int k, int permutations, int bootstrap, long seed, Base base) {
    /** Confidence level of the bootstrap interval. */
    static final double LEVEL = 0.95;
}
