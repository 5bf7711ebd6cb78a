// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.mi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.surprisal.counts.LabelCounts;
import dev.surprisal.counts.SparseContingencyTable;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Two label columns get their discrete measures from one test of the table's size (issue 9 of cost11: the pair
 * checked it before counting the table and {@link PairResult.Discrete#of(dev.surprisal.counts.ContingencyTable)}
 * again): the same measures as from the counted table when it is dense, the margins alone when it is not.
 */
class PairResultDiscreteTest {
    @Test
    void aDensePairHasTheMeasuresOfItsTable() {
        SplittableRandom r = new SplittableRandom(2);
        int[] plan = new int[2_000];
        int[] churned = new int[plan.length];
        for (int i = 0; i < plan.length; i++) {
            plan[i] = r.nextInt(4);
            churned[i] = r.nextDouble() < 0.1 + 0.1 * plan[i] ? 1 : 0;
        }
        PairResult.Discrete d = PairResult.Discrete.of(plan, churned);
        assertThat(d).isEqualTo(PairResult.Discrete.of(LabelCounts.table(plan, churned)));
        assertThat(d.gTest()).isNotNull();
        assertThat(d.tableRows()).isEqualTo(4);
        assertThat(d.tableCols()).isEqualTo(2);
    }

    @Test
    void anIdAgainstAManyValuedColumnHasItsMarginsOnly() {
        int n = 5_000;
        int[] id = new int[n];
        int[] zip = new int[n];
        for (int i = 0; i < n; i++) {
            id[i] = i;
            zip[i] = i % 2_500;
        }
        assertThat((long) n * 2_500).isGreaterThan(SparseContingencyTable.DENSE_LIMIT);
        PairResult.Discrete d = PairResult.Discrete.of(id, zip);
        assertThat(d).isEqualTo(PairResult.Discrete.ofMargins(LabelCounts.of(id), LabelCounts.of(zip)));
        assertThat(d.gTest()).isNull();
        assertThat(d.nmi()).isNaN();
    }
}
