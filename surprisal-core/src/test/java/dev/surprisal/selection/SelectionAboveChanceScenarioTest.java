// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.selection;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, defects 2 and 4 (audit13). Known truth on 3,000 customers: churned (0/1) depends on plan (4 values) and
 * on support tickets (a count); last_sku (1,500 values, uniform) and city (1,500 values, Zipf) are independent noise
 * whose plug-in MI with churned is about 0.25 nats by chance alone, five times the real signal; score is continuous
 * noise; survey_score is filled in only on rows where churned = 0 (a survey sent to customers who stayed).
 * Raw MI chose last_sku first; complete rows only left churned constant and blamed the target.
 */
class SelectionAboveChanceScenarioTest {
    private static final int N = 3000;

    private static List<MiVariable> table(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] plan = new double[N];
        double[] tickets = new double[N];
        double[] sku = new double[N];
        double[] city = new double[N];
        double[] score = new double[N];
        double[] survey = new double[N];
        double[] churned = new double[N];
        for (int i = 0; i < N; i++) {
            plan[i] = r.nextDouble() < 0.5 ? 0 : r.nextInt(1, 4);
            churned[i] = r.nextDouble() < (plan[i] == 0 ? 0.22 : 0.06) ? 1 : 0;
            tickets[i] = Math.floor(-Math.log(r.nextDouble()) * (0.3 + 1.2 * churned[i]));
            sku[i] = r.nextInt(1500);
            city[i] = Math.floor(1500 * Math.pow(r.nextDouble(), 2.5));
            score[i] = r.nextGaussian();
            survey[i] = churned[i] == 1 ? Double.NaN : r.nextGaussian();
        }
        List<MiVariable> vars = new ArrayList<>();
        vars.add(MiVariable.discrete("last_sku", sku));
        vars.add(MiVariable.discrete("city", city));
        vars.add(MiVariable.continuous("score", score, seed));
        vars.add(MiVariable.discrete("plan", plan));
        vars.add(MiVariable.discrete("support_tickets", tickets));
        vars.add(MiVariable.continuous("survey_score", survey, seed));
        vars.add(MiVariable.discrete("churned", churned));
        return vars;
    }

    @Test
    void manyValuedNoiseIsNotChosenAndTheRealPredictorsAre() {
        for (long seed : new long[] {1, 2, 3}) {
            List<MiVariable> vars = table(seed);
            MiVariable target = vars.get(vars.size() - 1);
            for (MiSelection.Method m : MiSelection.Method.values()) {
                MiSelection.Result s = MiSelection.select(vars, target, 2, m, 3, null);
                assertThat(s.selected()).as("seed %d, %s", seed, m).extracting(SelectedFeature::name)
                        .containsExactlyInAnyOrder("plan", "support_tickets");
                // pairwise rows: every row where the target has a value, not the complete rows
                assertThat(s.rows()).isEqualTo(N);
            }
        }
    }

    @Test
    void theRelevanceIsAboveChanceSoNoiseScoresAboutZero() {
        List<MiVariable> vars = table(4);
        MiVariable target = vars.get(vars.size() - 1);
        double sku = MiSelection.aboveChance(vars.get(0), target, 3);
        double raw = MiPair.of(vars.get(0), target, 3).nats();
        assertThat(raw).as("raw plug-in MI of 1,500 noise values").isGreaterThan(0.15);
        assertThat(Math.abs(sku)).as("above chance").isLessThan(0.03);
        // redundancy of two independent many-valued columns is about 0 above chance, not ~3 nats
        assertThat(MiPair.of(vars.get(0), vars.get(1), 3).nats()).isGreaterThan(1.0);
        assertThat(Math.abs(MiSelection.aboveChance(vars.get(0), vars.get(1), 3))).isLessThan(0.2);
    }

    @Test
    void aColumnFilledOnlyWhereTheTargetIsZeroCostsOnlyItsOwnTerms() {
        List<MiVariable> vars = table(5);
        MiVariable target = vars.get(vars.size() - 1);
        // the complete rows hold churned = 0 only; every term uses its own rows instead
        MiSelection.Result s = MiSelection.select(vars, target, 3, MiSelection.Method.MRMR, 3, null);
        assertThat(s.selected().subList(0, 2)).extracting(SelectedFeature::name)
                .containsExactlyInAnyOrder("plan", "support_tickets");
    }
}
