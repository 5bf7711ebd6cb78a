// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.mi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.surprisal.data.CategoricalColumn;
import dev.surprisal.data.Column;
import dev.surprisal.data.NumericColumn;
import dev.surprisal.data.Table;
import dev.surprisal.data.roles.ColumnRoles;
import dev.surprisal.data.roles.RoleOverrides;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 (review13c), {@code mi --matrix}: the pairs' G-test p-values were unadjusted across the k(k − 1)/2 pairs,
 * and two independent text columns empty on the same rows were called near copies (missing counts as a value of a
 * text column, so their shared gaps were all their MI). Known truth, in memory through the library.
 */
class MiMatrixFindingsTest {
    private static MiTable table(List<Column> columns) {
        Table t = Table.of(columns);
        return MiTable.of(t, ColumnRoles.detect(t, RoleOverrides.none()), 42, null, false);
    }

    /** Eight independent 4-valued columns of 300 rows: 28 pairs, none dependent. */
    private static MatrixResult independent(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Column> cols = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            double[] v = new double[300];
            for (int i = 0; i < v.length; i++) {
                v[i] = r.nextInt(4);
            }
            cols.add(NumericColumn.of("visits_" + c, v));
        }
        return table(cols).matrix(3, null);
    }

    @Test
    void independentColumnsGiveAFindingInAtMostAlphaOfTheTablesByTheirQValues() {
        int seeds = 150;
        int anyP = 0;
        int anyQ = 0;
        for (int s = 0; s < seeds; s++) {
            MatrixResult m = independent(300 + s);
            assertThat(m.testedPairs()).isEqualTo(28);
            boolean p = false;
            boolean q = false;
            double[][] qv = m.qValues();
            for (int i = 0; i < 8; i++) {
                for (int j = i + 1; j < 8; j++) {
                    p |= m.pValues()[i][j] <= 0.05;
                    q |= qv[i][j] <= 0.05;
                    assertThat(qv[j][i]).isEqualTo(qv[i][j]);
                    assertThat(qv[i][j]).isGreaterThanOrEqualTo(m.pValues()[i][j]);
                }
            }
            anyP += p ? 1 : 0;
            anyQ += q ? 1 : 0;
        }
        // unadjusted, most tables hold a "finding" (1 − 0.95^28 ≈ 76%); adjusted (BH, under the complete null the
        // chance of any finding is at most alpha), at most 5%: a one-sided 99% Clopper–Pearson lower bound
        assertThat(anyP).isGreaterThan(seeds / 2);
        double lower = anyQ == 0 ? 0 : BetaDistribution.of(anyQ, seeds - anyQ + 1.0).inverseCumulativeProbability(0.01);
        assertThat(lower).as("%d of %d tables", anyQ, seeds).isLessThanOrEqualTo(0.05);
    }

    @Test
    void aRealDependenceKeepsASmallQValue() {
        SplittableRandom r = new SplittableRandom(5);
        double[] plan = new double[300];
        double[] tier = new double[300];
        double[] noise = new double[300];
        for (int i = 0; i < 300; i++) {
            plan[i] = r.nextInt(3);
            tier[i] = r.nextDouble() < 0.6 ? plan[i] : r.nextInt(3);
            noise[i] = r.nextInt(3);
        }
        MatrixResult m = table(List.of(NumericColumn.of("plan", plan), NumericColumn.of("tier", tier),
                NumericColumn.of("noise", noise))).matrix(3, null);
        assertThat(m.qValues()[0][1]).isLessThan(1e-6);
        assertThat(m.qValues()[0][2]).isGreaterThan(0.05);
    }

    @Test
    void twoNumericCopiesWithGapsKeepTheirCopiesNote() {
        // a number column counts no gap as a value (MiVariable.missingAsValue): its pair is measured on the rows where
        // both have a value, where these two are copies; the "share their gaps" sentence (about text) is false here
        int n = 2000;
        SplittableRandom r = new SplittableRandom(78);
        double[] planId = new double[n];
        double[] planCode = new double[n];
        for (int i = 0; i < n; i++) {
            planId[i] = r.nextInt(5);
            planCode[i] = planId[i];
            double u = r.nextDouble();
            if (u < 0.10) { // both empty (one export step)
                planId[i] = Double.NaN;
                planCode[i] = Double.NaN;
            } else if (u < 0.30) {
                planId[i] = Double.NaN;
            } else if (u < 0.50) {
                planCode[i] = Double.NaN;
            }
        }
        MatrixResult m = table(List.of(NumericColumn.of("plan_id", planId), NumericColumn.of("plan_code", planCode)))
                .matrix(3, null);
        // was: "share their gaps: both are empty on 192 of 2,000 rows, and missing counts as a value of a text column"
        assertThat(m.notes()).anySatisfy(p -> assertThat(p.message()).contains("determines"))
                .noneSatisfy(p -> assertThat(p.message()).contains("share their gaps"));
    }

    @Test
    void twoIndependentTextColumnsEmptyOnTheSameRowsAreNotNearCopies() {
        int n = 2000;
        SplittableRandom r = new SplittableRandom(77);
        String[] payment = new String[n];
        String[] channel = new String[n];
        String[] country = new String[n];
        for (int i = 0; i < n; i++) {
            boolean skipped = r.nextDouble() < 0.85; // an optional form step: both fields empty together
            payment[i] = skipped ? null : r.nextBoolean() ? "card" : "cash";
            channel[i] = skipped ? null : r.nextBoolean() ? "web" : "app";
            country[i] = r.nextBoolean() ? "de" : "fr";
        }
        MatrixResult m = table(List.of(CategoricalColumn.of("payment", payment), CategoricalColumn.of("channel", channel),
                CategoricalColumn.of("country", country))).matrix(3, null);
        List<String> pairNotes = m.notes().stream().filter(p -> p.first().equals("payment")
                && p.second().equals("channel")).map(MatrixResult.PairNote::message).toList();
        // was: "payment nearly determines channel (MI above chance is 80.3% …): a near-copy, or leakage …"
        assertThat(pairNotes).noneSatisfy(msg -> assertThat(msg).containsAnyOf("payment nearly determines",
                "channel nearly determines", "payment determines", "channel determines", "each determines"));
        assertThat(pairNotes).singleElement().satisfies(msg -> assertThat(msg).startsWith("share their gaps: both"
                + " are empty on ").contains("neither determines the other"));

        // a real copy with the same gaps keeps its note
        String[] copy = payment.clone();
        MatrixResult c = table(List.of(CategoricalColumn.of("payment", payment), CategoricalColumn.of("pay_method",
                copy))).matrix(3, null);
        assertThat(c.notes()).anySatisfy(p -> assertThat(p.message()).contains("determines"))
                .noneSatisfy(p -> assertThat(p.message()).contains("share their gaps"));
    }
}
