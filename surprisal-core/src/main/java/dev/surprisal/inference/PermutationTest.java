// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.inference;

import dev.surprisal.core.ValidationException;

import dev.surprisal.continuous.FrenzelPompeConditionalMutualInformation;
import dev.surprisal.continuous.KraskovMutualInformation;
import dev.surprisal.knn.internal.KdTree;
import dev.surprisal.knn.internal.KnnQuery;
import dev.surprisal.knn.PointSet;
import java.util.SplittableRandom;

/**
 * Permutation tests of independence for the kNN mutual-information estimators.
 *
 * <p>MI: y is shuffled globally; each shuffle keeps both marginals, so the sorted / tree structures
 * of x and y are built once and only the joint search is redone. CMI: x is shuffled <em>locally</em>
 * within neighbourhoods of z (J. Runge, 2018, "Conditional independence testing based on a
 * nearest-neighbor estimator of conditional mutual information", AISTATS, Algorithm 1): each
 * point takes the x of a random, preferably unused, one of its {@code kPerm} nearest neighbours in z
 * (itself included), which preserves the x–z dependence while breaking x–y given z.
 *
 * <p>p = (b + 1)/(B + 1), b = number of null values ≥ the observed value (B. Phipson, G. Smyth,
 * 2010), over a fixed number B of permutations: this is {@link SequentialPermutationTest}, the one
 * permutation loop of the project, without its early stop ({@link SequentialPermutationTest#FIXED}),
 * which {@code surprisal mi} uses by default. Permutation b draws from its own generator seeded from
 * (seed, b), so results do not depend on thread count or order. Values are in nats.
 */
public final class PermutationTest {
    /** Default seed (reported in every result). */
    public static final long DEFAULT_SEED = 42L;
    /** Default number of permutations. */
    public static final int DEFAULT_PERMUTATIONS = 199;
    /** Default neighbourhood size of the local permutation for CMI. */
    public static final int DEFAULT_LOCAL_K = 5;

    private PermutationTest() {
    }

    /**
     * KSG1, k = 3, {@value #DEFAULT_PERMUTATIONS} permutations, seed {@value #DEFAULT_SEED}.
     *
     * @param x the first sample, finite values
     * @param y the second sample, same length
     * @return the observed KSG1 estimate, its null and the p-value, in nats
     */
    public static PermutationResult mutualInformation(double[] x, double[] y) {
        return mutualInformation(PointSet.ofValues("x", x), PointSet.ofValues("y", y), 3,
                KraskovMutualInformation.Algorithm.KSG1, DEFAULT_PERMUTATIONS, DEFAULT_SEED);
    }

    /**
     * Tests I(X;Y) = 0 by shuffling y.
     *
     * @param x the first sample
     * @param y the second sample, as many points
     * @param k neighbours of the KSG estimator, ≥ 1
     * @param algorithm KSG algorithm 1 or 2
     * @param permutations the number of shuffles, ≥ 1
     * @param seed the seed of the shuffles
     * @return the observed estimate, its null and the p-value, in nats
     */
    public static PermutationResult mutualInformation(PointSet x, PointSet y, int k,
                                                      KraskovMutualInformation.Algorithm algorithm,
                                                      int permutations, long seed) {
        checkPermutations(permutations);
        KraskovMutualInformation.Prepared prepared = KraskovMutualInformation.prepare(x, y, k, algorithm);
        int n = x.size();
        double observed = prepared.nats();
        return result(observed, rng -> prepared.natsPaired(shuffle(n, rng::nextInt)), permutations, seed,
                "global shuffle of y (" + algorithm + ", k = " + k + ")");
    }

    /**
     * Frenzel–Pompe CMI, k = 3, local permutation with kPerm = 5, 199 permutations, seed 42.
     *
     * @param x the first sample, finite values
     * @param y the second sample, same length
     * @param z the conditioning sample, same length
     * @return the observed Frenzel–Pompe estimate, its null and the p-value, in nats
     */
    public static PermutationResult conditionalMutualInformation(double[] x, double[] y, double[] z) {
        return conditionalMutualInformation(PointSet.ofValues("x", x), PointSet.ofValues("y", y),
                PointSet.ofValues("z", z), 3, DEFAULT_LOCAL_K, DEFAULT_PERMUTATIONS, DEFAULT_SEED);
    }

    /**
     * Tests I(X;Y|Z) = 0 by the local permutation of x within z-neighbourhoods of size kPerm.
     *
     * @param x the first sample
     * @param y the second sample, as many points
     * @param z the conditioning sample, as many points
     * @param k neighbours of the Frenzel–Pompe estimator, ≥ 1
     * @param kPerm the size of the z-neighbourhoods within which x is permuted, ≥ 1
     * @param permutations the number of permutations, ≥ 1
     * @param seed the seed of the permutations
     * @return the observed estimate, its null and the p-value, in nats
     */
    public static PermutationResult conditionalMutualInformation(PointSet x, PointSet y, PointSet z, int k, int kPerm,
                                                                 int permutations, long seed) {
        checkPermutations(permutations);
        FrenzelPompeConditionalMutualInformation.Prepared prepared =
                FrenzelPompeConditionalMutualInformation.prepare(x, y, z, k);
        int n = x.size();
        if (kPerm < 1 || kPerm > n) {
            throw new ValidationException("kPerm: must be in [1, n] = [1, " + n + "], got " + kPerm);
        }
        int[] neighbours = zNeighbourhoods(z, kPerm);
        double observed = prepared.natsWithX(null);
        return result(observed, rng -> prepared.natsWithX(localPermutation(neighbours, n, kPerm, rng)), permutations,
                seed, "local permutation of x within " + kPerm + " nearest neighbours in z (Runge 2018), k = " + k);
    }

    private static void checkPermutations(int permutations) {
        if (permutations < 1) {
            throw new ValidationException("permutations: must be ≥ 1, got " + permutations);
        }
    }

    /**
     * All {@code permutations} draws through the one permutation loop of the project,
     * {@link SequentialPermutationTest} with {@link SequentialPermutationTest#FIXED} (no early stop), so
     * the p-value is (b + 1)/(B + 1) over all B and draw b has the generator that test gives it.
     */
    private static PermutationResult result(double observed, java.util.function.ToDoubleFunction<SplittableRandom> draw,
                                            int permutations, long seed, String scheme) {
        SequentialPermutationTest.Result r = SequentialPermutationTest.runNull(observed, draw, permutations,
                SequentialPermutationTest.FIXED, seed);
        return new PermutationResult(observed, r.nullMean(), r.pValue(), r.permutations(), seed, scheme);
    }

    /**
     * A uniformly random permutation of 0..n−1 by Fisher–Yates, drawing each swap index from
     * {@code nextBelow.applyAsInt(bound)} ∈ [0, bound), so any generator (Commons RNG, SplittableRandom)
     * drives it with the same call sequence.
     *
     * @param n the number of elements, ≥ 0
     * @param nextBelow a uniform draw in [0, bound) for each bound
     * @return a permutation of 0..n−1
     */
    public static int[] shuffle(int n, java.util.function.IntUnaryOperator nextBelow) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = nextBelow.applyAsInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    // row i: point i itself followed by its kPerm - 1 nearest neighbours in z
    private static int[] zNeighbourhoods(PointSet z, int kPerm) {
        int n = z.size();
        int[] nb = new int[n * kPerm];
        if (kPerm == 1) {
            for (int i = 0; i < n; i++) {
                nb[i] = i;
            }
            return nb;
        }
        KdTree tree = KdTree.build(z);
        KnnQuery q = tree.query(kPerm - 1);
        for (int i = 0; i < n; i++) {
            q.ofPoint(i);
            nb[i * kPerm] = i;
            for (int m = 0; m < kPerm - 1; m++) {
                nb[i * kPerm + 1 + m] = q.neighbour(m);
            }
        }
        return nb;
    }

    private static int[] localPermutation(int[] neighbours, int n, int kPerm, SplittableRandom rng) {
        int[] visit = shuffle(n, rng::nextInt);
        boolean[] used = new boolean[n];
        int[] order = new int[n];
        int[] cand = new int[kPerm];
        for (int i : visit) {
            System.arraycopy(neighbours, i * kPerm, cand, 0, kPerm);
            for (int m = kPerm - 1; m > 0; m--) {
                int j = rng.nextInt(m + 1);
                int t = cand[m];
                cand[m] = cand[j];
                cand[j] = t;
            }
            int m = 0;
            int j = cand[0];
            while (used[j] && m < kPerm - 1) {
                j = cand[++m];
            }
            used[j] = true;
            order[i] = j;
        }
        return order;
    }
}
