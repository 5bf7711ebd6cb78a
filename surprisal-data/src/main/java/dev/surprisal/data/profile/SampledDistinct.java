// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import dev.surprisal.data.roles.ColumnStats;
import dev.surprisal.data.roles.RoleRules;

import java.util.Arrays;

/**
 * The distinct count of a typed number column (a Parquet column the reader types as numbers) taken
 * from its edge sample where the role does not depend on the exact count. An exact distinct count of
 * 10⁷ doubles costs seconds per column locally and a shuffle of nearly every cell on Spark, and the
 * roles only need it exactly for a column that could be binary, discrete or constant (at most
 * {@value RoleRules#MAX_DISCRETE_VALUES} distinct values in its sample) or whose numbers are all whole
 * (the id-like rule). Any other column has more than {@value RoleRules#MAX_DISCRETE_VALUES} distinct
 * values for certain and is continuous; its reason then says "at least N", N being the distinct values
 * of its sample ({@link ColumnStats#withDistinctAtLeast}). Both engines apply this one rule, so they
 * give the same roles and reasons on the same file.
 *
 * <p>The local engine applies it to a Parquet file of more than 1,000,000 rows
 * (profiled by DuckDB); a smaller one is read into memory and gets exact counts ({@link #appliesTo}).
 */
public final class SampledDistinct {
    private SampledDistinct() {
    }

    /**
     * Whether the local engine takes a Parquet file's distinct counts by this rule: when it has more
     * than 1,000,000 rows, or the in-memory path is switched off
     * ({@code -Dsurprisal.csvInJava=false}).
     *
     * @param rows the file's rows
     * @return true for the sampled rule, false for exact distinct counts
     */
    public static boolean appliesTo(long rows) {
        return rows > CsvProfiler.MAX_ROWS || "false".equals(System.getProperty(CsvProfiler.SWITCH));
    }

    /**
     * The distinct values of a column's edge sample, plus one for −∞ and one for +∞ when the column
     * holds them (a sample holds finite values only, but ±∞ are numbers and count as distinct values).
     *
     * @param sample the column's bottom-k edge sample of finite values ({@link RowSample}); not modified
     * @param min    the column's smallest number (−∞ when it holds one; +∞ when it has none)
     * @param max    the column's largest number
     * @return the distinct count, −0 counted as 0
     */
    public static long ofSample(double[] sample, double min, double max) {
        double[] v = sample.clone();
        for (int i = 0; i < v.length; i++) {
            v[i] = v[i] == 0 ? 0.0 : v[i]; // -0.0 is 0.0, as the other paths count it
        }
        Arrays.sort(v);
        long d = 0;
        for (int i = 0; i < v.length; i++) {
            d += i == 0 || v[i] != v[i - 1] ? 1 : 0;
        }
        return d + (min == Double.NEGATIVE_INFINITY ? 1 : 0) + (max == Double.POSITIVE_INFINITY ? 1 : 0);
    }

    /**
     * Whether the role needs the column's exact distinct count: the sample lacks some finite values
     * and either it holds at most {@value RoleRules#MAX_DISCRETE_VALUES} distinct values or every
     * number is whole.
     *
     * @param sampled        values in the edge sample
     * @param finite         finite values of the column
     * @param sampleDistinct {@link #ofSample} of the sample
     * @param integers       finite whole numbers of the column
     * @param numbers        numbers of the column (±∞ included)
     * @return true when an exact distinct count must be run
     */
    public static boolean needsExact(long sampled, long finite, long sampleDistinct, long integers, long numbers) {
        return sampled < finite && (sampleDistinct <= RoleRules.MAX_DISCRETE_VALUES || integers == numbers);
    }
}
