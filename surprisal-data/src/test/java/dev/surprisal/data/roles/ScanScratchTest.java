// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.roles;

import dev.surprisal.data.CategoricalColumn;
import dev.surprisal.data.Column;
import dev.surprisal.data.NumericColumn;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roles' statistics read a number column where it is (no copy) and reuse one {@link ScanScratch}
 * for the distinct count across a table's columns: the counts are those of an independent set of the
 * values, whatever the scratch's arrays held before and however many threads share it.
 */
class ScanScratchTest {

    /** A cell of a realistic number column: an id, a price, a 0/1 flag, a zero of either sign, or missing. */
    private static double cell(SplittableRandom r, int kind, int row) {
        if (r.nextInt(10) == 0) {
            return Double.NaN; // missing
        }
        return switch (kind) {
            case 0 -> 100_000 + row; // an id
            case 1 -> Math.round(r.nextDouble() * 50_000) / 100.0; // a price
            case 2 -> r.nextInt(2); // a flag
            default -> r.nextBoolean() ? -0.0 : r.nextInt(300) - 150; // signed zeros among few integers
        };
    }

    /** The distinct numbers a set of boxed values finds: NaN left out, −0.0 the same as 0.0. */
    private static long expectedDistinct(double[] v) {
        Set<Double> s = new HashSet<>();
        for (double x : v) {
            if (!Double.isNaN(x)) {
                s.add(x == 0 ? 0.0 : x);
            }
        }
        return s.size();
    }

    @Test
    void distinctLeavesMissingOutAndCountsMinusZeroAsZero() {
        SplittableRandom r = new SplittableRandom(5);
        for (int kind = 0; kind < 4; kind++) {
            for (int m : new int[] {0, 1, 3, 70, 5_000, 200_000}) {
                double[] v = new double[m];
                for (int i = 0; i < m; i++) {
                    v[i] = cell(r, kind, i);
                }
                int k = kind;
                assertThat(RoleScan.distinct(v, m)).as("kind %d, m = %d", k, m).isEqualTo(expectedDistinct(v));
            }
        }
    }

    @Test
    void oneScratchSharedByThreadsGivesEachColumnsOwnStatistics() {
        SplittableRandom r = new SplittableRandom(11);
        List<Column> columns = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        // long columns before short ones and after: an array taken back holds an earlier column's hashes
        for (int n : new int[] {150_000, 20_000, 150_000, 900, 60_000, 150_000, 5, 120_000}) {
            for (int kind = 0; kind < 4; kind++) {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = cell(r, kind, i);
                }
                values.add(v);
                columns.add(NumericColumn.of("c" + columns.size(), v));
            }
            String[] text = new String[n];
            for (int i = 0; i < n; i++) {
                text[i] = r.nextInt(12) == 0 ? "" : r.nextInt(8) == 0 ? "n/a" : Integer.toString(r.nextInt(n));
            }
            values.add(null);
            columns.add(CategoricalColumn.of("t" + columns.size(), text));
        }
        ScanScratch scratch = new ScanScratch();
        ColumnStats[] shared = new ColumnStats[columns.size()];
        IntStream.range(0, shared.length).parallel().forEach(i -> shared[i] = ColumnStats.of(columns.get(i), scratch));
        for (int i = 0; i < shared.length; i++) {
            assertThat(shared[i]).as(columns.get(i).name()).isEqualTo(ColumnStats.of(columns.get(i)));
            if (values.get(i) != null) {
                assertThat(shared[i].distinctNumbers()).as(columns.get(i).name())
                        .isEqualTo(expectedDistinct(values.get(i)));
            }
        }
    }
}
