// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Known truth: a binary target that is U-shaped in a continuous feature (r ≈ 0), one that is monotone in
 * another, an independent feature, and an ID column read as labels.
 */
class TargetRankingTest {
    static final int N = 3000;

    static List<MiVariable> table(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] u = new double[N];
        double[] m = new double[N];
        double[] noise = new double[N];
        double[] id = new double[N];
        double[] y = new double[N];
        double[] ym = new double[N];
        for (int i = 0; i < N; i++) {
            u[i] = rng.nextDouble() * 60;
            m[i] = rng.nextDouble() * 60;
            noise[i] = rng.nextGaussian();
            id[i] = i + 1;
            double a = (u[i] - 30) / 30;
            double p = 0.03 + 0.44 * a * a;
            double q = 1 / (1 + Math.exp(-(m[i] - 30) / 8));
            y[i] = rng.nextDouble() < p ? 1 : 0;
            ym[i] = rng.nextDouble() < q ? 1 : 0;
        }
        return List.of(MiVariable.continuous("u_shaped", u, 42), MiVariable.continuous("monotone", m, 42),
                MiVariable.continuous("noise", noise, 42), MiVariable.discrete("order_id", id),
                MiVariable.discrete("y", y), MiVariable.discrete("y_monotone", ym));
    }

    @Test
    void ranksByEvidenceAndNamesTheShape() {
        List<MiVariable> cols = table(7);
        MiVariable y = cols.get(4);
        List<RankedFeature> ranked = TargetRanking.rank(cols, y, MiOptions.defaults().withBootstrap(0, false), null);
        assertThat(ranked).extracting(RankedFeature::feature).hasSize(5).doesNotContain("y");
        RankedFeature u = find(ranked, "u_shaped");
        RankedFeature mono = find(ranked, "monotone");
        RankedFeature noise = find(ranked, "noise");
        RankedFeature id = find(ranked, "order_id");
        // the ID has the largest raw plug-in MI (every label seen once: MI = H(y)) but no evidence
        assertThat(id.mi()).isGreaterThan(u.mi()).isGreaterThan(noise.mi());
        assertThat(id.verdict()).isEqualTo(DependenceVerdict.NO_EVIDENCE);
        assertThat(id.estimator()).isEqualTo("plug-in");
        // the guarantee: a feature with evidence ranks above every feature without, whatever their raw MI
        assertThat(ranked.get(0)).isSameAs(u);
        for (int i = 1; i < ranked.size(); i++) {
            assertThat(ranked.get(i).significant(0.05)).as(ranked.get(i).feature()).isFalse();
        }

        assertThat(u.estimator()).isEqualTo("Ross");
        assertThat(Math.abs(u.pearson())).isLessThan(0.1);
        assertThat(u.pValue()).isLessThanOrEqualTo(0.01);
        assertThat(u.verdict()).isEqualTo(DependenceVerdict.NON_MONOTONE);
        assertThat(u.beyondMonotone()).isGreaterThan(u.test().noise95()).isGreaterThan(0.5 * u.mi());

        assertThat(mono.verdict()).isEqualTo(DependenceVerdict.NO_EVIDENCE);
        RankedFeature m = TargetRanking.score(cols.get(1), cols.get(5), MiOptions.defaults().withBootstrap(0, false));
        assertThat(m.pValue()).isLessThanOrEqualTo(0.01);
        assertThat(m.verdict()).isEqualTo(DependenceVerdict.MONOTONE);
        assertThat(m.beyondMonotone()).isLessThan(0.5 * m.mi());

        assertThat(noise.verdict()).isEqualTo(DependenceVerdict.NO_EVIDENCE);
        assertThat(noise.test().stoppedEarly()).isTrue(); // Besag–Clifford saved permutations
        assertThat(noise.test().permutations()).isLessThan(99);
    }

    @Test
    void withoutPermutationsThereIsNoVerdict() {
        List<MiVariable> cols = table(8);
        List<RankedFeature> ranked = TargetRanking.rank(cols, cols.get(4),
                MiOptions.defaults().withPermutations(0).withBootstrap(0, false), null);
        assertThat(ranked).allSatisfy(r -> {
            assertThat(r.verdict()).isEqualTo(DependenceVerdict.NOT_TESTED);
            assertThat(r.aboveChance()).isNaN();
        });
    }

    @Test
    void aLargePairIsTestedOnASubsampleOfTheTestRows() {
        List<MiVariable> cols = table(9);
        RankedFeature u = TargetRanking.score(cols.get(0), cols.get(4),
                MiOptions.defaults().withTestRows(1000).withBootstrap(0, false));
        assertThat(u.n()).isEqualTo(N);
        assertThat(u.testRows()).isEqualTo(1000);
        assertThat(u.shapeRows()).isEqualTo(1000); // the monotone MI and the verdict use the same rows
        assertThat(u.beyondMonotone()).isEqualTo(u.shapeMi() - u.miMonotone());
        RankedFeature id = TargetRanking.score(cols.get(3), cols.get(4),
                MiOptions.defaults().withTestRows(1000).withBootstrap(0, false));
        assertThat(id.testRows()).isEqualTo(N); // plug-in: every row
    }

    @Test
    void theSubsampleTestRunningBesideTheEstimateGivesTheSameScoreOnAnyThread() {
        // the test of a large kNN pair runs on another thread beside the estimate of every row: each number must
        // still come from its own rows, and the score must not depend on the thread that asked for it
        List<MiVariable> cols = table(11);
        MiOptions options = MiOptions.defaults().withTestRows(1000).withBootstrap(0, false);
        RankedFeature here = TargetRanking.score(cols.get(0), cols.get(4), options);
        MiPair pair = MiPair.of(cols.get(0), cols.get(4), options.k());
        MiPair tested = pair.subsample(1000, options.seed());
        assertThat(here.mi()).isEqualTo(pair.nats());
        assertThat(here.shapeMi()).isEqualTo(tested.nats()).isNotEqualTo(here.mi());
        assertThat(here.test().observed()).isEqualTo(here.shapeMi());
        assertThat(here.pearson()).isEqualTo(pair.pearson());
        assertThat(here.miMonotone()).isEqualTo(TargetRanking.monotoneNats(tested, tested.normalScore(), options.k()));
        RankedFeature inPool = java.util.concurrent.ForkJoinPool.commonPool()
                .submit(() -> TargetRanking.score(cols.get(0), cols.get(4), options)).join();
        assertThat(inPool).isEqualTo(here);
        List<RankedFeature> ranked = TargetRanking.rank(cols, cols.get(4), options, null);
        assertThat(find(ranked, cols.get(0).name()).mi()).isEqualTo(here.mi());
        assertThat(find(ranked, cols.get(0).name()).shapeMi()).isEqualTo(here.shapeMi());
    }

    static RankedFeature find(List<RankedFeature> r, String name) {
        return r.stream().filter(f -> f.feature().equals(name)).findFirst().orElseThrow();
    }
}
