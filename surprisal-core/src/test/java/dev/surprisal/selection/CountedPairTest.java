// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.selection;

import dev.surprisal.core.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * A discrete pair scored from its contingency table alone gives what the same pair scored on its rows
 * gives: the same MI, the same permutation p-value (the same random tables from the same seed), the same
 * monotone MI and verdict, and the correlations to rounding; and a forced bootstrap from the cells has
 * the distribution of the bootstrap of the rows.
 */
class CountedPairTest {
    /** A dependent pair with missing cells: y depends on x through a U shape plus noise. */
    private static double[][] pair(long seed, int n, int kx, int ky, double strength) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextInt(kx);
            double centre = Math.abs(x[i] - kx / 2.0) / kx * ky;
            y[i] = rng.nextDouble() < strength ? Math.min(ky - 1, Math.round(centre)) : rng.nextInt(ky);
            if (rng.nextInt(40) == 0) {
                x[i] = Double.NaN;
            }
            if (rng.nextInt(50) == 0) {
                y[i] = Double.NaN;
            }
        }
        return new double[][] {x, y};
    }

    /** The counts of the complete rows, by increasing value on both sides, and the values. */
    private static CountedPair counted(String name, double[] x, double[] y) {
        double[] vx = Arrays.stream(x).filter(v -> !Double.isNaN(v)).distinct().sorted().toArray();
        double[] vy = Arrays.stream(y).filter(v -> !Double.isNaN(v)).distinct().sorted().toArray();
        long[][] t = new long[vx.length][vy.length];
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                t[Arrays.binarySearch(vx, x[i])][Arrays.binarySearch(vy, y[i])]++;
            }
        }
        return CountedPair.of(name, t, vx, vy);
    }

    @Test
    void scoresAsTheRowsOfTheSamePairOnManyTables() {
        MiOptions o = MiOptions.defaults().withBootstrap(0, false);
        int cap = TargetRanking.permutationCap(o.permutations(), 5, o.alpha());
        List<String> verdicts = new ArrayList<>();
        for (int seed = 0; seed < 12; seed++) {
            double strength = seed % 3 == 0 ? 0.0 : seed % 3 == 1 ? 0.05 : 0.4;
            double[][] d = pair(seed, 3_000 + 500 * seed, 3 + seed % 5, 2 + seed % 4, strength);
            MiVariable f = MiVariable.discrete("f" + seed, d[0]);
            MiVariable t = MiVariable.discrete("y", d[1]);
            RankedFeature rows = TargetRanking.score(f, t, o, cap);
            RankedFeature cells = TargetRanking.score(counted("f" + seed, d[0], d[1]), "y", o, cap);
            String what = "seed " + seed;
            assertThat(cells.n()).as(what).isEqualTo(rows.n());
            assertThat(cells.mi()).as(what).isEqualTo(rows.mi());
            assertThat(cells.pValue()).as(what).isEqualTo(rows.pValue());
            assertThat(cells.test()).as(what).isEqualTo(rows.test());
            assertThat(cells.aboveChance()).as(what).isEqualTo(rows.aboveChance());
            assertThat(cells.miMonotone()).as(what).isEqualTo(rows.miMonotone());
            assertThat(cells.verdict()).as(what).isEqualTo(rows.verdict());
            assertThat(cells.pearson()).as(what).isCloseTo(rows.pearson(), within(1e-12));
            assertThat(cells.spearman()).as(what).isCloseTo(rows.spearman(), within(1e-12));
            // every other field too: the same record once the correlations (equal to rounding) are set alike
            RankedFeature same = new RankedFeature(rows.feature(), rows.kind(), rows.n(), rows.estimator(), rows.mi(),
                    rows.lower(), rows.upper(), rows.test(), rows.testRows(), rows.miMonotone(), cells.pearson(),
                    cells.spearman(), rows.verdict(), rows.warnings(), rows.skipped(), rows.shapeRows(), rows.shapeMi(),
                    rows.qValue(), rows.targetShare(), rows.biasedLowBound());
            assertThat(cells).as(what).isEqualTo(same);
            verdicts.add(rows.verdict().name());
        }
        // the seeds cover independence, a weak and a strong dependence
        assertThat(verdicts).contains(DependenceVerdict.NO_EVIDENCE.name()).anyMatch(v -> !v.equals("NO_EVIDENCE"));
    }

    @Test
    void textLabelsHaveNoCorrelationsNorMonotoneMi() {
        CountedPair p = CountedPair.of("colour", new long[][] {{30, 5}, {4, 40}, {0, 0}}, null, new double[] {0, 1});
        assertThat(p.table().rows()).isEqualTo(2); // the empty row is dropped
        assertThat(p.n()).isEqualTo(79);
        assertThat(p.pearson()).isNaN();
        assertThat(p.monotoneNats()).isNaN();
        assertThat(p.nats()).isGreaterThan(0.2);
        assertThat(CountedPair.of("c", new long[][] {{3, 4}}, null, null).isConstant()).isTrue();
    }

    @Test
    void forcedBootstrapFromTheCellsHasTheSpreadOfTheRows() {
        double[][] d = pair(7, 4_000, 4, 3, 0.3);
        MiOptions o = MiOptions.defaults().withPermutations(0).withBootstrap(400, true);
        RankedFeature rows = TargetRanking.score(MiVariable.discrete("f", d[0]), MiVariable.discrete("y", d[1]), o, 0);
        RankedFeature cells = TargetRanking.score(counted("f", d[0], d[1]), o, 0);
        double width = rows.upper() - rows.lower();
        assertThat(width).isPositive();
        // other draws, same distribution: the intervals agree to a fraction of their width
        assertThat(cells.lower()).isCloseTo(rows.lower(), within(0.25 * width));
        assertThat(cells.upper()).isCloseTo(rows.upper(), within(0.25 * width));
        assertThat(cells.lower()).isLessThan(cells.mi()).isNotEqualTo(rows.lower());
    }

    @Test
    void refusesTablesThatAreNotCounts() {
        assertThatThrownBy(() -> CountedPair.of("f", new long[][] {{1, -2}}, null, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("counts[0][1]: is negative (-2)");
        assertThatThrownBy(() -> CountedPair.of("f", new long[][] {{1, 2}}, new double[] {1, 2}, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("featureLabels: 2 values for 1 rows");
    }
}
