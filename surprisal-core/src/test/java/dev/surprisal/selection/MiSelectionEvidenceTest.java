// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.selection;

import dev.surprisal.inference.SequentialPermutationTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A selection's evidence is the ranking's permutation test, run alone ({@link TargetRanking#test}): the same p-value
 * as the full score gives, with the selection's relevance standing for the observed MI where it was estimated on the
 * same rows. Known truth: a churn-like table of 600 customers, a continuous target (monthly spend) driven by tenure
 * and a plan category, a noise column, a 0/1 flag, and a column with missing cells (its pair has other rows).
 */
class MiSelectionEvidenceTest {
    private static final int N = 600;

    private static List<MiVariable> table(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] tenure = new double[N];
        double[] plan = new double[N];
        double[] noise = new double[N];
        double[] flag = new double[N];
        double[] partial = new double[N];
        double[] spend = new double[N];
        for (int i = 0; i < N; i++) {
            tenure[i] = Math.floor(r.nextDouble() * 72) + r.nextDouble();
            plan[i] = r.nextInt(3);
            noise[i] = r.nextGaussian();
            flag[i] = r.nextInt(2);
            partial[i] = i % 7 == 0 ? Double.NaN : 0.3 * tenure[i] + r.nextGaussian() * 10;
            spend[i] = 20 + 0.5 * tenure[i] + 15 * plan[i] + r.nextGaussian() * 5;
        }
        List<MiVariable> vars = new ArrayList<>();
        vars.add(MiVariable.continuous("tenure", tenure, seed));
        vars.add(MiVariable.discrete("plan", plan));
        vars.add(MiVariable.continuous("noise", noise, seed));
        vars.add(MiVariable.discrete("is_paperless", flag));
        vars.add(MiVariable.continuous("partial", partial, seed));
        vars.add(MiVariable.continuous("spend", spend, seed));
        return vars;
    }

    @Test
    void theTestAloneGivesTheScoresPValueAndReusesTheRelevanceOnTheSameRows() {
        int reused = 0;
        for (boolean withPartial : new boolean[] {true, false}) {
            List<MiVariable> vars = table(3);
            MiVariable target = vars.get(vars.size() - 1);
            List<MiVariable> features = new ArrayList<>(vars.subList(0, vars.size() - 1));
            if (!withPartial) {
                features.removeIf(v -> v.name().equals("partial"));
            }
            MiOptions options = MiOptions.defaults().withBootstrap(0, false);
            int cap = TargetRanking.permutationCap(options.permutations(), features.size(), options.alpha());
            MiSelection.Result selection = MiSelection.select(features, target, features.size(),
                    MiSelection.Method.MRMR, options.k(), null);
            // every term on its own rows (issue 9): the selection's rows are the target's, partial's pair has fewer
            assertThat(selection.rows()).isEqualTo(N);
            for (SelectedFeature chosen : selection.selected()) {
                MiVariable f = features.get(chosen.index());
                RankedFeature full = TargetRanking.score(f, target, options, cap);
                SequentialPermutationTest.Result alone = TargetRanking.test(f, target, options, cap,
                        chosen.relevance());
                assertThat(alone.pValue()).as(f.name()).isEqualTo(full.pValue());
                assertThat(alone.permutations()).as(f.name()).isEqualTo(full.test().permutations());
                assertThat(alone.nullMean()).as(f.name()).isEqualTo(full.test().nullMean());
                assertThat(alone.observed()).as(f.name()).isEqualTo(full.shapeMi());
                if (chosen.relevance() > 0 && !full.estimator().equals("plug-in")) {
                    // the reuse is sound only because the selection's relevance is this very estimate
                    assertThat(chosen.relevance()).as(f.name()).isEqualTo(full.mi());
                    reused++;
                }
            }
        }
        // partial and tenure (KSG), plan and the flag (Ross), noise if above 0, in each table
        assertThat(reused).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aSubsampledTestIsTheScoresAndTheSelectionsNotesAreUnchanged() {
        List<MiVariable> vars = table(4);
        MiVariable target = vars.get(vars.size() - 1);
        List<MiVariable> features = vars.subList(0, vars.size() - 1);
        // tested on a 300-row subsample: the relevance of all rows cannot stand for the subsample's MI
        MiOptions options = MiOptions.defaults().withBootstrap(0, false).withTestRows(300);
        for (MiVariable f : features) {
            RankedFeature full = TargetRanking.score(f, target, options, 99);
            SequentialPermutationTest.Result alone = TargetRanking.test(f, target, options, 99, 1.0);
            assertThat(alone.pValue()).as(f.name()).isEqualTo(full.pValue());
            assertThat(alone.observed()).as(f.name()).isEqualTo(full.shapeMi());
        }
        // noise and the flag are fillers: the selection of every feature says so, tenure and plan are findings
        MiSelection.Result r = MiSelection.select(features, target, features.size(), MiSelection.Method.MRMR,
                MiOptions.defaults(), null);
        assertThat(r.notes()).anyMatch(n -> n.startsWith("noise: chosen without evidence"))
                .noneMatch(n -> n.startsWith("tenure:") || n.startsWith("plan:"));
    }
}
