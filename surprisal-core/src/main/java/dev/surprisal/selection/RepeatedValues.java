// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.selection;

import dev.surprisal.core.ColumnRole;
import dev.surprisal.core.Printable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Counts of repeated values for {@link MiPair}'s repeats note, and the note: whether a continuous column's values as
 * read repeat on more than {@link MiPair#REPEATED_SHARE} of a pair's rows, how many entries of a key array repeat an
 * earlier one, and what is true to say about such a pair ({@link #note}).
 */
final class RepeatedValues {
    /** Bits of the hash set per row (a power of two): enough that a column of distinct values fills half of it. */
    private static final int BITS_PER_ROW = 4;

    private RepeatedValues() {
    }

    /**
     * Whether more than {@link MiPair#REPEATED_SHARE} (one half) of the rows repeat an earlier row's value of
     * {@code raw}, compared with {@code ==} (so −0.0 equals 0.0).
     *
     * <p>The exact answer needs the number of distinct values d: the share is (n − d)/n, above one half exactly when
     * 2d &lt; n. Before sorting (about 0.1 s of CPU per 10⁶ rows, where nearly every column of measurements has
     * distinct values) a lower bound on d is taken in one pass: each value is hashed to one bit of a set of about
     * 4n bits. Equal values hash to the same bit, so the bits set are the hashes of the distinct values, and there
     * are at most d of them (several values may share a bit, never the other way). Hence bits set ≥ n/2 gives
     * d ≥ n/2, the share ≤ one half, and the answer "no" without sorting. With d distinct values about
     * 4n·(1 − e^(−d/4n)) bits are set (0.88·n for d = n), so only columns with d below about 0.53·n go on to the
     * exact count from one sort; a hash that sets few bits only sends more columns to that count, it never changes
     * the answer.
     *
     * @param raw  the column's values as read (none NaN on {@code rows})
     * @param rows the pair's rows, indices into {@code raw}
     * @return true when more than half of the rows repeat an earlier row's value
     */
    static boolean mostlyRepeated(double[] raw, int[] rows) {
        int n = rows.length;
        if (n < 2) {
            return false;
        }
        // 2^log ≥ 4n bits, at most 2^30 (128 MiB; more rows only weaken the bound, which stays a bound)
        int log = Math.min(30, 64 - Long.numberOfLeadingZeros((long) n * BITS_PER_ROW - 1));
        long[] set = new long[Math.max(1, (1 << log) >>> 6)];
        int shift = 64 - log;
        for (int r : rows) {
            // Fibonacci hashing: the top bits of the product depend on every bit of the value; + 0.0 makes −0.0 0.0
            long h = Double.doubleToLongBits(raw[r] + 0.0) * 0x9E3779B97F4A7C15L;
            int bit = (int) (h >>> shift);
            set[bit >>> 6] |= 1L << bit;
        }
        long filled = 0;
        for (long w : set) {
            filled += Long.bitCount(w);
        }
        if (filled >= (1 - MiPair.REPEATED_SHARE) * n) {
            return false; // d ≥ filled ≥ (1 − share)·n, so at most share·n rows repeat a value (above)
        }
        double[] sorted = MiPair.pick(raw, rows);
        Arrays.sort(sorted);
        int repeats = 0;
        for (int i = 1; i < sorted.length; i++) {
            repeats += sorted[i] == sorted[i - 1] ? 1 : 0;
        }
        return (double) repeats / n > MiPair.REPEATED_SHARE;
    }

    /**
     * How many entries repeat an earlier one.
     *
     * @param keys the keys (not modified)
     * @return n minus the number of distinct keys
     */
    static int repeats(long[] keys) {
        long[] sorted = keys.clone();
        Arrays.sort(sorted);
        int repeats = 0;
        for (int i = 1; i < sorted.length; i++) {
            repeats += sorted[i] == sorted[i - 1] ? 1 : 0;
        }
        return repeats;
    }

    /**
     * The note on a pair with continuous columns whose values repeat (tied columns), or null when the pair's rows do
     * not repeat an earlier row: points that coincide in the joint space are what a nearest-neighbour estimate is not
     * built for (its k-th neighbour distance is then the tie-breaking noise); where the joint points are distinct,
     * the noise only orders equal values of one column and the estimate stands (a 5-valued column against a
     * continuous one: the KSG estimate with noise and Ross's by value agree, 0.396 nats each on 3,000 rows, true
     * 0.394, as scikit-learn's functions give). What the note says of each tied column depends on its distinct
     * values d on the pair's rows, by the role rule ({@link ColumnRole#MAX_DISCRETE_VALUES}):
     * <ul>
     *   <li>d ≤ 20: a few point masses, better read as discrete. By value, the plug-in's bias is about
     *       (d − 1)(L − 1)/(2n) nats (Miller 1955), small with so few values, and the estimate does not depend on
     *       the noise; the note gives the {@code --role} option.</li>
     *   <li>d &gt; 20: rounded measurements (an age to 0.1 year: 619 values on 3,000 rows, each seen about 5
     *       times). Read as labels, chance agreement within each value counts as dependence: the audit's age gave
     *       1.684 bits by value against a true 1.29. The kNN estimate breaks the ties with noise of 1e-10 of the
     *       column's scale, as scikit-learn's {@code mutual_info_regression} and {@code mutual_info_classif} do,
     *       and stands (1.290 bits there); the note says so and gives no advice to read the column as discrete.</li>
     * </ul>
     *
     * @param jointRepeats the pair's rows that repeat an earlier row exactly in the values as read
     * @param rows         the pair's rows
     * @param a            the first column's name
     * @param b            the second column's name
     * @param tied         the names of the pair's continuous columns whose values repeat on most rows
     * @param distinct     each tied column's distinct values on the pair's rows
     * @return the note, or null when no row repeats an earlier one
     */
    static String note(int jointRepeats, int rows, String a, String b, List<String> tied, int[] distinct) {
        if (jointRepeats == 0) {
            return null;
        }
        List<String> few = new ArrayList<>();
        List<String> fewCounts = new ArrayList<>();
        List<String> rounded = new ArrayList<>();
        List<String> roundedCounts = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        StringBuilder advice = new StringBuilder();
        for (int c = 0; c < distinct.length; c++) {
            String name = tied.get(c);
            if (distinct[c] <= ColumnRole.MAX_DISCRETE_VALUES) {
                few.add(name);
                fewCounts.add(Integer.toString(distinct[c]));
                advice.append(advice.length() == 0 ? "" : " and ").append("--role ")
                        .append(Printable.shellWord(name + "=discrete"));
            } else {
                rounded.add(name);
                roundedCounts.add(String.format(Locale.ROOT, "%,d", distinct[c]));
                seen.add(String.format(Locale.ROOT, "%.0f", (double) rows / distinct[c]));
            }
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%d of %d rows (%.1f%%) repeat an earlier"
                + " row exactly in (%s, %s), counted on the values as read", jointRepeats, rows,
                100.0 * jointRepeats / rows, a, b));
        if (!few.isEmpty()) {
            out.append(String.format(Locale.ROOT, "; %s %s only %s distinct values (at most %d: the role rule for a"
                    + " discrete column): point masses, on which a nearest-neighbour estimate sees only its tie-breaking"
                    + " noise, so %s better read as discrete: %s (the command line; RoleOverrides.withRole for a Java"
                    + " caller) measures %s by value", String.join(" and ", few), few.size() == 1 ? "has" : "have",
                    String.join(" and ", fewCounts), ColumnRole.MAX_DISCRETE_VALUES,
                    few.size() == 1 ? "it is" : "they are", advice, few.size() == 1 ? "it" : "them"));
        }
        if (!rounded.isEmpty()) {
            out.append(String.format(Locale.ROOT, "; %s %s %s distinct values (more than %d: rounded measurements,"
                    + " continuous by the role rule): the nearest-neighbour estimate breaks these ties with noise of"
                    + " 1e-10 of the column's scale, as scikit-learn's mutual_info_regression does, and stands; read as"
                    + " discrete, each value would be a label seen about %s times, and an MI by value would count"
                    + " chance agreement within a value as dependence", String.join(" and ", rounded),
                    rounded.size() == 1 ? "has" : "have", String.join(" and ", roundedCounts),
                    ColumnRole.MAX_DISCRETE_VALUES, String.join(" and ", seen)));
        }
        return out.toString();
    }
}
