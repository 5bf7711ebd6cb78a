package dev.surprisal.cli;

import dev.surprisal.inference.PermutationTest;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A permutation test of I(a;b) = 0 for any {@link MiPair}: the second column is re-paired by a
 * uniformly random permutation B times and the pair re-estimated. p = (b + 1)/(B + 1), b the number
 * of permuted estimates ≥ the observed one (Phipson and Smyth, 2010, "Permutation p-values should
 * never be zero", Stat. Appl. Genet. Mol. Biol. 9(1)). For KSG pairs the marginal structures are
 * built once and reused across permutations ({@code KraskovMutualInformation.Prepared}).
 * Permutation j draws from its own generator seeded from (seed, j), so the result depends on the
 * seed only, never on the number of threads.
 *
 * @param nullMean     mean of the permuted estimates, nats: the estimator's value under independence
 * @param pValue       (b + 1)/(B + 1)
 * @param permutations B
 */
record MiNullTest(double nullMean, double pValue, int permutations) {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    /** Runs B permutations of the pair whose observed estimate is {@code observedNats}. */
    static MiNullTest run(MiPair pair, double observedNats, int permutations, long seed, Progress progress) {
        int n = pair.n();
        double[] nulls = new double[permutations];
        IntStream.range(0, permutations).parallel().forEach(j -> {
            nulls[j] = pair.natsPaired(shuffled(n, new SplittableRandom(seed + GOLDEN * (j + 1))));
            progress.step();
        });
        int above = 0;
        double sum = 0.0;
        for (double v : nulls) { // in index order, so the sum does not depend on scheduling
            if (v >= observedNats) {
                above++;
            }
            sum += v;
        }
        return new MiNullTest(sum / permutations, (above + 1.0) / (permutations + 1.0), permutations);
    }

    private static int[] shuffled(int n, SplittableRandom rng) {
        java.util.function.IntUnaryOperator nextBelow = rng::nextInt;
        return PermutationTest.shuffle(n, nextBelow);
    }
}
