// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.continuous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.surprisal.core.Base;
import dev.surprisal.inference.Bootstrap;
import dev.surprisal.knn.PointSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Duplicated records (every row present twice) against kNN estimators: the audit's case (issue 9) and
 * the bootstrap of KSG (issue 11), with coarse columns whose natural repeats are not records.
 */
class DistinctRowsTest {

    /** n/2 draws of (x, y) with correlation rho, each row written twice in a row (a table loaded twice). */
    private static double[][] doubled(int n, double rho, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i += 2) {
            x[i] = r.nextGaussian();
            y[i] = rho * x[i] + Math.sqrt(1 - rho * rho) * r.nextGaussian();
            x[i + 1] = x[i];
            y[i + 1] = y[i];
        }
        return new double[][] {x, y};
    }

    @Test
    void ksgWarnsOnRepeatedPairsWhichReadAsDependence() {
        double[][] xy = doubled(500, 0.0, 1);
        KnnEstimate all = KraskovMutualInformation.estimate(xy[0], xy[1]);
        assertThat(all.nats()).as("the defect the warning is about").isGreaterThan(0.5);
        assertThat(all.warnings()).anySatisfy(w -> assertThat(w)
                .startsWith("250 of 500 points (50.0%) repeat an earlier point exactly in (x, y)")
                .contains("DistinctRows"));

        DistinctRows d = DistinctRows.of(xy[0], xy[1]);
        assertThat(d.repeats()).isEqualTo(250);
        assertThat(d.distinct()).isEqualTo(250);
        assertThat(d.share()).isEqualTo(0.5);
        assertThat(d.duplicatedRecords()).isTrue();
        assertThat(d.indices()).startsWith(0, 2, 4);
        KnnEstimate distinct = KraskovMutualInformation.estimate(d.pick(xy[0]), d.pick(xy[1]));
        assertThat(distinct.nats()).isCloseTo(0.0, within(0.06));
        assertThat(distinct.warnings()).isEmpty();
    }

    @Test
    void aRealDependenceDuplicatedIsStillFoundOnTheDistinctRows() {
        double[][] xy = doubled(4000, 0.6, 2);
        DistinctRows d = DistinctRows.of(xy[0], xy[1]);
        double truth = -0.5 * Math.log(1 - 0.36);
        assertThat(KraskovMutualInformation.estimate(d.pick(xy[0]), d.pick(xy[1])).nats()).isCloseTo(truth, within(0.05));
        assertThat(KraskovMutualInformation.estimate(xy[0], xy[1]).nats()).isGreaterThan(truth + 0.4);
    }

    @Test
    void coarseColumnsRepeatByCoincidenceNotAsRecords() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 5000;
        double[] amount = new double[n];
        double[] flag = new double[n];
        for (int i = 0; i < n; i++) {
            amount[i] = Math.round(r.nextGaussian() * 10) / 10.0; // one decimal
            flag[i] = r.nextDouble() < 0.3 ? 1 : 0;
        }
        DistinctRows d = DistinctRows.of(amount, flag);
        assertThat(d.repeats()).isGreaterThan(n / 2);
        assertThat(d.residualTieShare()).as("one-decimal amounts keep most of their ties").isGreaterThan(0.3);
        assertThat(d.duplicatedRecords()).isFalse();

        // the same coarse table loaded twice cannot be told from coincidences: its repeats stay coincidences
        double[] twiceAmount = new double[2 * n];
        double[] twiceFlag = new double[2 * n];
        for (int i = 0; i < n; i++) {
            twiceAmount[2 * i] = twiceAmount[2 * i + 1] = amount[i];
            twiceFlag[2 * i] = twiceFlag[2 * i + 1] = flag[i];
        }
        assertThat(DistinctRows.of(twiceAmount, twiceFlag).duplicatedRecords()).isFalse();
    }

    /** A flag that copies the target, or a code with its name: coarse columns that determine each other. */
    @Test
    void coarseColumnsThatDetermineEachOtherAreNotCopies() {
        SplittableRandom r = new SplittableRandom(8);
        int n = 800;
        double[] target = new double[n];
        double[] code = new double[n];
        for (int i = 0; i < n; i++) {
            target[i] = r.nextDouble() < 0.4 ? 1 : 0;
            code[i] = r.nextInt(30);
        }
        DistinctRows flags = DistinctRows.of(target, target.clone());
        assertThat(flags.repeats()).isEqualTo(n - 2);
        assertThat(flags.residualTieShare()).as("no fine column").isEqualTo(1.0);
        assertThat(flags.duplicatedRecords()).isFalse();
        double[] name = new double[n];
        for (int i = 0; i < n; i++) {
            name[i] = 100 + code[i];
        }
        assertThat(DistinctRows.of(code, name).duplicatedRecords()).isFalse();
    }

    /**
     * A postcode (1,000 codes, each on about 3 of 3,000 rows) beside the city it determines: every row repeats an
     * earlier one although nothing was copied. Merged from dup10, the rule took the repeats for copies and cut the
     * pair to one row per postcode, so "postcode determines city" was lost (the Spark pair showed it first).
     */
    @Test
    void aWholeNumberCodeThatDeterminesTheOtherColumnMarksNoCopies() {
        SplittableRandom r = new SplittableRandom(11);
        int n = 3000;
        double[] postcode = new double[n];
        double[] city = new double[n];
        for (int i = 0; i < n; i++) {
            postcode[i] = 10_000 + r.nextInt(1000);
            city[i] = ((long) postcode[i] * 7919) % 300;
        }
        DistinctRows d = DistinctRows.of(postcode, city);
        assertThat(d.repeats()).isGreaterThan(1500);
        assertThat(d.duplicatedRecords()).isFalse();
    }

    @Test
    void aFineColumnBesideCoarseOnesMarksCopies() {
        double[][] xy = doubled(1000, 0.0, 4);
        double[] flag = new double[1000];
        for (int i = 0; i < 1000; i++) {
            flag[i] = (i / 2) % 2;
        }
        DistinctRows d = DistinctRows.of(flag, xy[0]);
        assertThat(d.repeats()).isEqualTo(500);
        assertThat(d.residualTieShare()).isZero();
        assertThat(d.duplicatedRecords()).isTrue();
    }

    /** A two-decimal amount and a flag: a few whole rows coincide, about as often as the amounts alone do. */
    @Test
    void fineButRoundedValuesThatCoincideAreNotCopies() {
        SplittableRandom r = new SplittableRandom(7);
        int n = 10_000;
        double[] amount = new double[n];
        double[] flag = new double[n];
        for (int i = 0; i < n; i++) {
            amount[i] = Math.round(r.nextDouble() * 100_000) / 100.0;
            flag[i] = r.nextDouble() < 0.5 ? 1 : 0;
        }
        DistinctRows d = DistinctRows.of(amount, flag);
        assertThat(d.repeats()).isPositive();
        assertThat(d.duplicatedRecords()).isFalse();
        // the same table loaded twice: copies far beyond the amounts' natural ties (about 2.5%)
        double[] a2 = java.util.Arrays.copyOf(amount, 2 * n);
        double[] f2 = java.util.Arrays.copyOf(flag, 2 * n);
        System.arraycopy(amount, 0, a2, n, n);
        System.arraycopy(flag, 0, f2, n, n);
        assertThat(DistinctRows.of(a2, f2).duplicatedRecords()).isTrue();
        // a fifth of it loaded again is within 10 times those ties: not told from coincidences (documented)
        assertThat(DistinctRows.of(java.util.Arrays.copyOf(a2, n + n / 5), java.util.Arrays.copyOf(f2, n + n / 5))
                .duplicatedRecords()).isFalse();
    }

    /**
     * KSG decides "no point repeats" from a marginal without ties instead of hashing every point; the warning must
     * still appear exactly when some point repeats, the count as hashing gives it: samples drawn from a few values
     * per column (ties in x, in y, in both, repeats or none), −0.0 beside 0.0.
     */
    @Test
    void ksgWarnsExactlyWhenSomePointRepeats() {
        SplittableRandom r = new SplittableRandom(7);
        int warned = 0;
        int silent = 0;
        for (int trial = 0; trial < 400; trial++) {
            int n = 8 + r.nextInt(40);
            int xValues = 1 + r.nextInt(3 * n);
            int yValues = 1 + r.nextInt(3 * n);
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = r.nextInt(xValues) * 0.25;
                y[i] = r.nextInt(yValues) == 0 ? -0.0 : r.nextInt(yValues) * 0.5;
            }
            if (DistinctRows.of(x).repeats() == n - 1 || DistinctRows.of(y).repeats() == n - 1) {
                continue; // a constant column: KSG needs variation, not this test's case
            }
            int repeats = DistinctRows.of(x, y).repeats();
            KnnEstimate e = KraskovMutualInformation.estimate(x, y, 1, KraskovMutualInformation.Algorithm.KSG1, Base.NATS);
            java.util.List<String> w = e.warnings().stream().filter(s -> s.contains("repeat an earlier point")).toList();
            if (repeats == 0) {
                assertThat(w).as("trial %d", trial).isEmpty();
                silent++;
            } else {
                assertThat(w).as("trial %d", trial).singleElement().asString()
                        .startsWith(repeats + " of " + n + " points");
                warned++;
            }
        }
        assertThat(warned).as("repeats occur").isGreaterThan(50);
        assertThat(silent).as("ties without repeats occur").isGreaterThan(50);
    }

    @Test
    void signedZerosAndMissingValuesCompareEqual() {
        DistinctRows d = DistinctRows.of(new double[] {0.0, -0.0, Double.NaN, Double.NaN, 1.5},
                new double[] {5, 5, 6, 6, 6});
        assertThat(d.indices()).containsExactly(0, 2, 4);
        assertThat(d.residualTieShare()).as("first column: 0 and 1.5 on the two rows with a value").isZero();
    }

    @Test
    void otherKnnEstimatorsWarnToo() {
        double[][] xy = doubled(400, 0.0, 5);
        assertThat(KozachenkoLeonenkoEntropy.estimate(xy[0]).warnings())
                .anySatisfy(w -> assertThat(w).startsWith("200 of 400 points (50.0%) repeat an earlier point exactly in x"));
        int[] labels = new int[400];
        for (int i = 0; i < 400; i++) {
            labels[i] = (i / 2) % 3;
        }
        assertThat(RossMutualInformation.estimate(xy[0], labels).warnings())
                .anySatisfy(w -> assertThat(w).startsWith("200 of 400 points (50.0%) repeat an earlier point exactly in (c, label)"));
        PointSet z = PointSet.ofValues("z", xy[1]);
        assertThat(FrenzelPompeConditionalMutualInformation.estimate(PointSet.ofValues("x", xy[0]), z, z, 3, Base.NATS)
                .warnings()).anySatisfy(w -> assertThat(w).contains("repeat an earlier point exactly in (x, y, z)"));
        double[][] distinct = doubled(400, 0.0, 5);
        distinct[0][1] += 1e-9; // one pair broken apart: 199 left
        assertThat(KraskovMutualInformation.estimate(distinct[0], distinct[1]).warnings())
                .anySatisfy(w -> assertThat(w).startsWith("199 of 400 points"));
    }

    /** Issue 11: a bootstrap of KSG on the resample as drawn excludes the estimate; on its distinct rows it covers. */
    @Test
    void bootstrapOfKsgNeedsTheResamplesDistinctRows() {
        SplittableRandom r = new SplittableRandom(6);
        int n = 500;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian();
            y[i] = 0.6 * x[i] + 0.8 * r.nextGaussian();
        }
        double truth = -0.5 * Math.log(1 - 0.36);
        Bootstrap.Interval naive = Bootstrap.of(n, idx -> KraskovMutualInformation.estimate(pick(x, idx), pick(y, idx)).nats())
                .withReplicates(100).run();
        assertThat(naive.lower()).as("repeats read as dependence").isGreaterThan(naive.estimate());
        Bootstrap.Interval distinct = Bootstrap.of(n, idx -> {
            DistinctRows d = DistinctRows.of(pick(x, idx), pick(y, idx));
            return KraskovMutualInformation.estimate(d.pick(pick(x, idx)), d.pick(pick(y, idx))).nats();
        }).withReplicates(100).run();
        assertThat(distinct.contains(distinct.estimate())).isTrue();
        assertThat(distinct.contains(truth)).isTrue();
    }

    private static double[] pick(double[] v, int[] idx) {
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = v[idx[i]];
        }
        return out;
    }
}
