// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.counts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.surprisal.core.Base;
import dev.surprisal.dependence.MutualInformation;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SparseContingencyTableTest {

    @Property(tries = 100)
    void sparseMiEqualsDenseMi(@ForAll @IntRange(min = 1, max = 400) int n, @ForAll @IntRange(min = 1, max = 30) int kx,
                               @ForAll @IntRange(min = 1, max = 30) int ky, @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] x = new int[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextInt(kx) * 7 - 3; // sparse, negative labels too
            y[i] = rng.nextBoolean() ? x[i] % 5 : rng.nextInt(ky);
        }
        SparseContingencyTable s = SparseContingencyTable.of(x, y);
        ContingencyTable d = LabelCounts.table(x, y);
        assertThat(s.total()).isEqualTo(n);
        assertThat(s.rows()).isEqualTo(d.rows());
        assertThat(s.cols()).isEqualTo(d.cols());
        long sum = 0;
        for (int i = 0; i < s.cells(); i++) {
            assertThat(s.count(i)).isEqualTo(d.get(s.row(i), s.col(i)));
            sum += s.count(i);
        }
        assertThat(sum).isEqualTo(n);
        assertThat(MutualInformation.of(s, Base.NATS)).isCloseTo(MutualInformation.of(d, Base.NATS), within(1e-12));
    }

    @Test
    void twoIdColumnsNeedNoDenseTable() {
        // 300,000 x 300,000 labels: a dense table would need 9e10 cells; every pair is distinct, so
        // I(X;Y) = H(X) = ln n exactly
        int n = 300_000;
        int[] x = new int[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = n - 1 - i;
        }
        assertThat(MutualInformation.of(x, y, Base.NATS)).isCloseTo(Math.log(n), within(1e-9));
    }
}
