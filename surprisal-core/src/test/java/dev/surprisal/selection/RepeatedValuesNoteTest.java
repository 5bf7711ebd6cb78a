// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.selection;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, defect 7 (audit13): sessions_7d, a count with about 30 values on 5,000 rows read as continuous, beside a
 * 4-valued plan. Known truth: nearly every row repeats an earlier (plan, sessions_7d) pair. The estimator counted
 * its repeats after the tie-breaking noise ("1 of 10000 points") and advised Java classes; the note now counts the
 * values as read and names the command line's role option.
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
            sessions[i] = failures;
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
    void twoCountsReadAsContinuousAreBothNamedByTheKsgPair() {
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
        // 61 × 4 possible (tenure, sessions) rows: nearly all of the 5000 repeat an earlier one
        assertThat(pair.warnings()).anySatisfy(w -> assertThat(w)
                .containsPattern("^4[6-9]\\d\\d of 5000 rows \\(9\\d\\.\\d%\\) repeat an earlier row exactly in"
                        + " \\(sessions_7d, tenure_months\\)")
                .contains("--role sessions_7d=discrete and --role tenure_months=discrete"));
    }

    @Test
    void theShareIsOfThePairsRowsNotOfTheColumn() {
        // amount: distinct on the first 3000 rows, 10 values on the last 2000; score has a value only on those 2000.
        // Over the column 1990 of 5000 rows repeat (40%, no note); over the pair's rows 1990 of 2000 do
        int n = 5000;
        SplittableRandom r = new SplittableRandom(12);
        double[] amount = new double[n];
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            amount[i] = i < 3000 ? 1000 + r.nextDouble() : r.nextInt(10);
            score[i] = i < 3000 ? Double.NaN : amount[i] + r.nextGaussian();
        }
        MiPair pair = MiPair.of(MiVariable.continuous("amount", amount, 42),
                MiVariable.continuous("score", score, 42), 3);
        pair.nats();
        assertThat(pair.n()).isEqualTo(2000);
        assertThat(pair.warnings()).anySatisfy(w -> assertThat(w)
                .contains("rows (0.0%) repeat an earlier row exactly in (amount, score)")
                .contains("--role amount=discrete").doesNotContain("score=discrete"));
    }
}
