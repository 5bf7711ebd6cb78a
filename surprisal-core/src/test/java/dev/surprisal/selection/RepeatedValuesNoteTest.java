// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.selection;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, defect 7 (audit13): sessions_7d, a count with at most 16 values on 5,000 rows read as continuous, beside a
 * 4-valued plan. Known truth: nearly every row repeats an earlier (plan, sessions_7d) pair. The estimator counted
 * its repeats after the tie-breaking noise ("1 of 10000 points") and advised Java classes; the note now counts the
 * values as read and names the command line's role option, for a column of at most 20 values (the role rule; a
 * column with more is a rounded measurement, {@link RepeatedValuesAdviceTest}).
 */
class RepeatedValuesNoteTest {
    @Test
    void repeatsAreCountedOnTheValuesAsReadAndTheAdviceIsTheRoleOption() {
        int n = 5000;
        SplittableRandom r = new SplittableRandom(7);
        double[] sessions = new double[n];
        double[] plan = new double[n];
        double[] income = new double[n];
        for (int i = 0; i < n; i++) {
            plan[i] = r.nextInt(4);
            double p = 0.3;
            int failures = 0;
            for (int s = 0; s < 2; s++) {
                while (r.nextDouble() > p) {
                    failures++;
                }
            }
            sessions[i] = Math.min(failures, 15);
            income[i] = Math.exp(10 + r.nextGaussian());
        }
        MiVariable s7 = MiVariable.continuous("sessions_7d", sessions, 42);
        MiVariable pl = MiVariable.discrete("plan", plan);
        MiPair pair = MiPair.of(s7, pl, 3);
        pair.nats();
        assertThat(pair.warnings()).anySatisfy(w -> assertThat(w)
                .containsPattern("^4[89]\\d\\d of 5000 rows \\(9\\d\\.\\d%\\) repeat an earlier row exactly in"
                        + " \\(sessions_7d, plan\\)")
                .contains("--role sessions_7d=discrete").doesNotContain("DistinctRows"));
        // distinct values: no such note
        MiPair distinct = MiPair.of(MiVariable.continuous("income", income, 42), pl, 3);
        distinct.nats();
        assertThat(distinct.warnings()).noneSatisfy(w -> assertThat(w).contains("repeat an earlier"));
    }

    @Test
    void ofTwoCountsReadAsContinuousTheFewValuedOneIsAdvisedToBeDiscrete() {
        int n = 5000;
        SplittableRandom r = new SplittableRandom(11);
        double[] sessions = new double[n];
        double[] tenure = new double[n];
        for (int i = 0; i < n; i++) {
            tenure[i] = r.nextInt(61);
            sessions[i] = Math.min(30, (int) (tenure[i] / 4) + r.nextInt(4));
        }
        MiPair pair = MiPair.of(MiVariable.continuous("sessions_7d", sessions, 42),
                MiVariable.continuous("tenure_months", tenure, 42), 3);
        pair.nats();
        // 61 × 4 possible (tenure, sessions) rows: nearly all of the 5000 repeat an earlier one. sessions_7d (at most
        // 19 values) is better read as discrete; tenure_months (61) is a rounded measurement, not advised so
        assertThat(pair.warnings()).anySatisfy(w -> assertThat(w)
                .containsPattern("^4[6-9]\\d\\d of 5000 rows \\(9\\d\\.\\d%\\) repeat an earlier row exactly in"
                        + " \\(sessions_7d, tenure_months\\)")
                .contains("--role sessions_7d=discrete (the command line")
                .contains("tenure_months has 61 distinct values (more than 20: rounded measurements")
                .doesNotContain("tenure_months=discrete"));
    }

    @Test
    void theShareIsOfThePairsRowsNotOfTheColumn() {
        // amount: distinct on the first 3000 rows, 10 values on the last 2000; score, 3 values, only on those 2000.
        // Over the column 1990 of 5000 rows of amount repeat (40%, no note); over the pair's rows 1990 of 2000 do
        int n = 5000;
        SplittableRandom r = new SplittableRandom(12);
        double[] amount = new double[n];
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            amount[i] = i < 3000 ? 1000 + r.nextDouble() : r.nextInt(10);
            score[i] = i < 3000 ? Double.NaN : r.nextInt(3);
        }
        MiPair pair = MiPair.of(MiVariable.continuous("amount", amount, 42),
                MiVariable.continuous("score", score, 42), 3);
        pair.nats();
        assertThat(pair.n()).isEqualTo(2000);
        assertThat(pair.warnings()).anySatisfy(w -> assertThat(w)
                .containsPattern("^19\\d\\d of 2000 rows \\(9\\d\\.\\d%\\) repeat an earlier row exactly in \\(amount, score\\)")
                .contains("amount and score have only 10 and 3 distinct values")
                .contains("--role amount=discrete and --role score=discrete"));
    }
}
