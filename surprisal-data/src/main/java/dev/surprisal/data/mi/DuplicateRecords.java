// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.mi;

import dev.surprisal.continuous.DistinctRows;
import dev.surprisal.data.CategoricalColumn;
import dev.surprisal.data.Column;
import dev.surprisal.data.NumericColumn;
import dev.surprisal.data.Table;
import dev.surprisal.data.roles.ColumnRoles;
import dev.surprisal.data.roles.ColumnStats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The reading stage's rule for duplicated records, which {@link MiTable} applies by default.
 *
 * <p>A row is a <em>repeat</em> when it equals an earlier row in every column read (the columns selected by
 * {@code --columns}/{@code --exclude}, left-out ones such as an ID or a timestamp included: two events with
 * different IDs are two records). The repeats are <em>copies</em> (a table loaded twice, a join that fanned
 * out) when their share is far beyond how often the values of some fine column coincide naturally
 * ({@link DistinctRows#duplicatedRecords()}: repeat share &gt; 10 × the ties that column keeps on the distinct
 * rows; fine: each value on at most 5 rows on average). Flags, categories and small counts, alone or
 * determining each other, and rounded amounts beside them make rows recur by coincidence, and those repeats
 * are kept.
 *
 * <p>Why copies are left out: a kNN estimator counts a copy as a neighbour at distance 0 and reads it as
 * dependence (independent normal columns, every row twice: 1.09 bits and permutation p = 0.01), and every test
 * assumes independent records, which copies are not (a permutation test compares against shuffles that break
 * the copies apart; the G-test would count each record twice). So MI is estimated and tested on the distinct
 * rows. The plug-in MI of two discrete columns hardly moves (doubling every record keeps the frequencies), but
 * its test then counts each record once. A table of coarse columns only that was loaded twice cannot be told
 * from one with natural repeats, and is used whole.
 *
 * <p>Cost: one hash of each row, O(n·d), and a second pass over the distinct rows only when some row repeats;
 * none when the role scan already shows a column read of distinct numbers ({@code provablyDistinct}).
 */
public final class DuplicateRecords {
    private DuplicateRecords() {
    }

    /**
     * The distinct rows of the columns read, when the table's repeats are copies.
     *
     * @param table the table
     * @param roles its roles; {@link ColumnRoles#columns()} are the columns read
     * @return the distinct rows, or null when every row is kept (no repeats, or coincidences of coarse values)
     */
    public static DistinctRows find(Table table, ColumnRoles roles) {
        List<double[]> keys = new ArrayList<>();
        for (Column c : table.columns()) {
            if (!roles.columns().contains(c.name())) {
                continue;
            }
            if (c instanceof NumericColumn n) {
                keys.add(n.values());
            } else {
                keys.add(DistinctRows.labelColumn(((CategoricalColumn) c).codes()));
            }
        }
        return find(keys.toArray(new double[0][]));
    }

    /**
     * The distinct rows of the columns read given as keys, when the table's repeats are copies: what
     * {@link #find(Table, ColumnRoles)} decides, for an engine that reads the cells itself (Spark).
     *
     * @param keys one key per cell of each column read ({@code keys[j][i]}: row i of column j): a number column's
     *             values (NaN: missing), a text column's labels as whole numbers (equal labels for equal texts,
     *             so a text column never marks copies, as its codes do not locally)
     * @return the distinct rows, or null when every row is kept (no repeats, coincidences of coarse values, or no
     *         column)
     */
    public static DistinctRows find(double[][] keys) {
        if (keys.length == 0) {
            return null;
        }
        DistinctRows d = DistinctRows.of(keys);
        return d.duplicatedRecords() ? d : null;
    }

    /**
     * Whether the columns read can hold copies by this rule, judged from their role statistics alone, so an engine
     * can skip reading the rows for it. They cannot when a column read has a different value on every row (a key:
     * every cell a number and the numbers all distinct, or every cell a distinct text and some cell no number), for
     * then no row repeats; nor when no column read has a number that is not a finite whole number, for only such a
     * column can mark copies ({@link DistinctRows#residualTieShare()}). (A key column holding both 0.0 and −0.0 counts
     * them as two values, which the rule takes as one: the one case where this answer is not exact.)
     *
     * @param roles the roles, with the statistics of the columns read
     * @return false when the statistics rule copies out
     */
    public static boolean possible(ColumnRoles roles) {
        boolean fraction = false;
        for (String c : roles.columns()) {
            java.util.Optional<ColumnStats> s = roles.stats(c);
            if (s.isEmpty()) {
                fraction = true; // unknown: the rows decide
                continue;
            }
            ColumnStats st = s.get();
            if (st.distinctNumbers() == st.rows() || st.distinctTexts() == st.rows() && st.numbers() < st.rows()) {
                return false;
            }
            fraction |= st.numbers() > st.integers();
        }
        return fraction;
    }

    /**
     * Whether the role scan already shows that no row repeats another: a column read holds distinct numbers in
     * every row (one missing cell at most; the scan counts distinct values exactly as {@link DistinctRows}
     * compares them, −0.0 as 0.0), so no two rows agree in every column and {@link #find} would return null. The
     * usual table of measurements is decided without hashing its rows (about 0.1 s of CPU at 10⁶ rows, on the
     * command's one-threaded path).
     *
     * @param table the table
     * @param roles roles detected on this very table
     *              ({@link ColumnRoles#detect(Table, dev.surprisal.data.roles.RoleOverrides)}), whose statistics
     *              count its cells; statistics from elsewhere (another engine, a sample) prove nothing
     * @return true when some column read is all distinct; false says nothing
     */
    static boolean provablyDistinct(Table table, ColumnRoles roles) {
        for (Column c : table.columns()) {
            if (c instanceof NumericColumn && roles.columns().contains(c.name())) {
                ColumnStats s = roles.stats(c.name()).orElse(null);
                if (s != null && !s.distinctAtLeast() && s.rows() == c.size() && s.missing() <= 1
                        && s.numbers() == s.present() && s.distinctNumbers() == s.numbers()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The note of a table estimated on its distinct rows, in the command line's words.
     *
     * @param duplicates the rows left out as copies of earlier rows
     * @param rows       the rows of the file
     * @return the note
     */
    public static String note(long duplicates, long rows) {
        return String.format(Locale.ROOT, "%,d of %,d rows repeat an earlier row exactly (duplicated records); MI "
                + "is estimated and tested on the %,d distinct rows; --keep-duplicate-rows to use all",
                duplicates, rows, rows - duplicates);
    }
}
