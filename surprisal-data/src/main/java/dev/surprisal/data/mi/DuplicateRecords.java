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
 * none when the role scan already shows a key among the columns read ({@code keyColumn}).
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
     * can skip reading the rows for it. They cannot when a column read is a key ({@link #keyColumn}), for then no
     * row repeats; nor when no column read has a number that is not a finite whole number, for only such a column
     * can mark copies ({@link DistinctRows#residualTieShare()}). A column without statistics (frozen roles) leaves
     * the question to the rows.
     *
     * @param roles the roles, with the statistics of the columns read
     * @return false when the statistics rule copies out
     */
    public static boolean possible(ColumnRoles roles) {
        if (keyColumn(roles) != null) {
            return false;
        }
        for (String c : roles.columns()) {
            java.util.Optional<ColumnStats> s = roles.stats(c);
            if (s.isEmpty() || s.get().numbers() > s.get().integers()) {
                return true; // unknown, or a number with a fraction: the rows decide
            }
        }
        return false;
    }

    /**
     * Whether the role scan of this very table already shows that no row repeats another: a column read is a key
     * ({@link #keyColumn}), so no two rows agree in every column and {@link #find} would return null. The usual
     * table of measurements with an ID is decided without hashing its rows (about 0.1 s of CPU at 10⁶ rows, on
     * the command's one-threaded path).
     *
     * @param table the table
     * @param roles roles detected on this very table
     *              ({@link ColumnRoles#detect(Table, dev.surprisal.data.roles.RoleOverrides)}), whose statistics
     *              count its cells; statistics from elsewhere (another engine, a sample) prove nothing
     * @return true when some column read is a key of this table; false says nothing
     */
    static boolean provablyDistinct(Table table, ColumnRoles roles) {
        String key = keyColumn(roles);
        return key != null && roles.stats(key).orElseThrow().rows() == table.rowCount();
    }

    /**
     * The one rule for "can this table hold duplicate rows?": the first column read whose statistics show a
     * different value on every row, or null. Such a column is
     * <ul>
     *   <li>one of distinct numbers, every present cell a number and at most one cell missing (a missing cell
     *       is read as NaN, and one NaN repeats nothing); the scan counts −0.0 as 0.0, as {@link DistinctRows}
     *       compares them; or</li>
     *   <li>one of distinct texts on every row, none a number and not a date or time, so it is read as labels
     *       (a column read as numbers or instants could turn two distinct texts into one value: two unreadable
     *       cells into NaN, one instant written in two zones).</li>
     * </ul>
     * Both {@link #possible} (engines that skip reading the rows) and {@link #provablyDistinct} (the local reader)
     * ask it.
     *
     * @param roles the roles, with the statistics of the columns read
     * @return the key column's name, or null when no column read is shown to be one (or none has statistics)
     */
    static String keyColumn(ColumnRoles roles) {
        for (String c : roles.columns()) {
            ColumnStats st = roles.stats(c).orElse(null);
            if (st == null) {
                continue;
            }
            boolean numbers = st.missing() <= 1 && st.numbers() == st.present() && st.distinctNumbers() == st.numbers();
            boolean texts = st.distinctTexts() == st.rows() && st.numbers() == 0 && !roles.role(c).isTemporal();
            if (numbers || texts) {
                return c;
            }
        }
        return null;
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
