// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.mi;

import dev.surprisal.core.ColumnRole;
import dev.surprisal.counts.Counts;
import dev.surprisal.data.CellLocator;
import dev.surprisal.data.DataException;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.ValueCounts;
import dev.surprisal.data.profile.CellText;
import dev.surprisal.data.profile.InvalidCell;
import dev.surprisal.data.roles.Cells;
import dev.surprisal.data.roles.ColumnRoles;
import dev.surprisal.data.roles.NumberConvention;
import dev.surprisal.data.roles.RoleDecision;
import dev.surprisal.data.roles.RoleRules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A column's distinct cells, as a {@code GROUP BY} of their text gives them ({@link TableReader#valueCounts}: fast
 * on a file of any size, and the distinct cells are few where counting them matters), read by the one rule every
 * verb reads cells with ({@link Cells}, the column's {@link RoleDecision}), so that {@code entropy --data} counts
 * what {@code mi} and {@code drift} measure:
 * <ul>
 *   <li>a <b>missing</b> cell (pandas' missing strings: {@code NA}, {@code null}, {@code None}, {@code #N/A},
 *       {@code n/a}, an empty cell, …) is no value: left out and counted in a note, as pandas'
 *       {@code value_counts()} leaves NaN out;</li>
 *   <li>a column whose role reads numbers (binary, discrete; a constant column of numbers) is counted <b>by
 *       value</b>, in its number convention: {@code 3} and {@code 3.0} are one value, as {@code mi} reads them; a cell
 *       that is not a number ({@code abc}) is <b>invalid</b> and {@code inf} is <b>infinite</b>, both left out as
 *       {@code mi} leaves them out, in a note that names the values with their counts and first lines;</li>
 *   <li>any other role (categorical, id-like, date, timestamp) is counted by its text, missing cells left out.</li>
 * </ul>
 * Whether a column reads numbers is its role's question: a column of codes read as text (a role set to categorical,
 * or codes with leading zeros read as labels) keeps {@code 007} and {@code 7} apart.
 */
public final class ColumnCells {
    /** How many invalid values a note names, the most frequent first (as drift's invalid bin names them). */
    static final int NAMED = dev.surprisal.data.profile.InvalidCell.KEPT;

    private ColumnCells() {
    }

    /**
     * The counts of a column's values, its distinct cells read as its role reads them.
     *
     * @param values  the column's cells, left out values in its notes
     * @param missing cells left out as missing (an empty cell or a missing string)
     * @param invalid cells left out as not numbers, in a column that reads numbers
     * @param infinite cells left out as ±∞, in a column that reads numbers
     * @param notes   what was left out, one note per kind, each with counts and the first cells
     */
    public record Read(ValueCounts values, long missing, long invalid, long infinite, List<String> notes) {
    }

    /**
     * Reads {@code column} of {@code reader}: one {@code GROUP BY} of its text, folded here by {@link #fold}, and, only
     * when it has invalid or infinite cells, one more query that finds the first line of the values named.
     *
     * @param reader the file's reader
     * @param roles  the table's roles (the column among them)
     * @param column the column
     * @return its counts and notes
     * @throws DataException if the column cannot be read, or no value is left once missing and invalid cells are out
     */
    public static Read read(TableReader reader, ColumnRoles roles, String column) {
        boolean numbers = readsNumbers(roles, column);
        // a text role's integers (codes beyond 2^53: RoleRules.codes) are counted by their text as written: DuckDB's
        // integer read as a double would merge 9007199254740993 with ...992; an integer's text is one spelling per
        // value, so nothing else changes
        TableReader counted = !numbers && integerTyped(reader, column)
                ? reader.withType(column, dev.surprisal.data.ColumnType.CATEGORICAL) : reader;
        Folded f = fold(counted.valueCounts(column), roles.decision(column), numbers);
        Map<String, Long> firstRows = f.invalid.isEmpty() && f.infinite.isEmpty() ? Map.of()
                : firstRows(reader, column, f.named());
        CellLocator at = CellLocator.of(reader.file(), reader.format());
        return f.read(column, reader.file(), v -> firstRows.containsKey(v) ? at.where(firstRows.get(v)) : null);
    }

    /** Integer types as DuckDB names them: their values' text is exact, a double's is not beyond 2^53. */
    private static final java.util.Set<String> INTEGERS = java.util.Set.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT",
            "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT");

    /** Whether DuckDB reads {@code column} of {@code reader}'s file as an integer type. */
    private static boolean integerTyped(TableReader reader, String column) {
        return reader.schema().field(column).map(f -> f.duckdbType() != null
                && INTEGERS.contains(f.duckdbType().trim().toUpperCase(Locale.ROOT))).orElse(false);
    }

    /**
     * Whether {@code column}'s cells are counted by value: its role reads numbers (binary, discrete, continuous), or
     * it is constant and its cells are numbers ({@link RoleRules#isNumeric}).
     *
     * @param roles  the table's roles
     * @param column the column
     * @return true to count it by value
     */
    public static boolean readsNumbers(ColumnRoles roles, String column) {
        ColumnRole r = roles.decision(column).role();
        return r.isNumeric() || r == ColumnRole.CONSTANT && roles.stats(column).map(RoleRules::isNumeric).orElse(false);
    }

    /**
     * A column's distinct cells with their counts, sorted apart into values (by text, or by number when
     * {@code numbers}), missing, invalid and infinite cells.
     *
     * @param raw      the column's distinct cells and their counts (null labels: missing rows, as
     *                 {@link ValueCounts#missing()} counts them too)
     * @param decision the column's role and number convention
     * @param numbers  whether the column's cells are counted by value ({@link #readsNumbers})
     * @return the cells sorted apart
     */
    public static Folded fold(ValueCounts raw, RoleDecision decision, boolean numbers) {
        NumberConvention convention = decision.convention();
        Map<Double, Long> byNumber = new TreeMap<>();
        Map<String, Long> byText = new LinkedHashMap<>();
        Map<String, Long> missing = new LinkedHashMap<>();
        Map<String, Long> invalid = new HashMap<>();
        Map<String, Long> infinite = new HashMap<>();
        long nulls = raw.missing();
        for (int i = 0; i < raw.labels().size(); i++) {
            String cell = raw.labels().get(i);
            long n = raw.counts().get(i);
            if (cell == null) {
                continue; // counted by raw.missing()
            }
            if (Cells.isMissing(cell)) {
                missing.merge(cell, n, Long::sum);
            } else if (!numbers) {
                byText.merge(cell, n, Long::sum);
            } else {
                double x = Cells.number(cell, convention);
                if (Double.isNaN(x)) {
                    invalid.merge(cell, n, Long::sum);
                } else if (Double.isInfinite(x)) {
                    infinite.merge(cell, n, Long::sum);
                } else {
                    byNumber.merge(x == 0.0 ? 0.0 : x, n, Long::sum); // -0 and 0 are one value
                }
            }
        }
        if (nulls > 0) {
            missing.merge("", nulls, Long::sum); // an empty field is NULL in SQL, the empty string in pandas
        }
        Map<String, Long> values = new LinkedHashMap<>();
        if (numbers) {
            byNumber.forEach((x, n) -> values.put(label(x), n));
        } else {
            values.putAll(byText);
        }
        return new Folded(values, missing, invalid, infinite);
    }

    /**
     * A column's cells sorted apart by {@link #fold}.
     *
     * @param values   each value (its text, or its number as {@link #label} writes it) and its count, in order
     * @param missing  each missing string ({@code ""} for an empty cell) and its count
     * @param invalid  each invalid cell and its count
     * @param infinite each infinite cell ({@code inf}, {@code -Infinity}) and its count
     */
    public record Folded(Map<String, Long> values, Map<String, Long> missing, Map<String, Long> invalid,
                         Map<String, Long> infinite) {
        /**
         * The cells whose first place the notes name ({@link #read}'s {@code where} is asked about these only): the
         * most frequent invalid cells and the most frequent infinite one, so that an engine looks for these alone.
         *
         * @return the cells, none when every cell is a value or missing
         */
        public List<String> named() {
            List<String> out = new ArrayList<>();
            top(invalid).forEach(e -> out.add(e.getKey()));
            top(infinite).stream().limit(1).forEach(e -> out.add(e.getKey()));
            return out;
        }

        /**
         * The counts and the notes.
         *
         * @param column the column, as notes name it
         * @param file   the source, for messages (may be null)
         * @param where  where the first cell holding an invalid or infinite value is ({@code line 7}), null when not
         *               known
         * @return the counts and the notes
         * @throws DataException if no value is left
         */
        public Read read(String column, Path file, java.util.function.Function<String, String> where) {
            long m = sum(missing);
            long bad = sum(invalid);
            long inf = sum(infinite);
            if (values.isEmpty()) {
                throw new DataException(file, -1, column, String.format(Locale.ROOT, "no values to count: %s",
                        String.join("; ", notes(column, m, bad, inf, where))), null);
            }
            long[] counts = values.values().stream().mapToLong(Long::longValue).toArray();
            ValueCounts vc = new ValueCounts(column, List.copyOf(values.keySet()), Counts.of(counts), m);
            return new Read(vc, m, bad, inf, notes(column, m, bad, inf, where));
        }

        private List<String> notes(String column, long m, long bad, long inf,
                                   java.util.function.Function<String, String> where) {
            List<String> notes = new ArrayList<>(3);
            if (m > 0) {
                notes.add(String.format(Locale.ROOT, "%s: %,d missing cell%s left out (%s); the entropy is that of the"
                        + " %,d cells with a value", column, m, m == 1 ? "" : "s", listed(missing, null, false),
                        sum(values)));
            }
            if (bad > 0) {
                notes.add(String.format(Locale.ROOT, "%s: %,d cell%s %s not numbers, left out as missing: %s", column,
                        bad, bad == 1 ? "" : "s", bad == 1 ? "is" : "are", listed(invalid, where, true)));
            }
            if (inf > 0) {
                String first = top(infinite).get(0).getKey();
                String at = where.apply(first);
                notes.add(MiTable.infiniteCellsNote(column, inf, (at == null ? "" : at + ": ") + "'" + first + "'"));
            }
            return notes;
        }
    }

    /** The values a note names: {@link #NAMED} most frequent, ties by text. */
    private static List<Map.Entry<String, Long>> top(Map<String, Long> cells) {
        return cells.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).limit(NAMED).toList();
    }

    /**
     * {@code "abc" ×9 (first: line 7), "x" ×1 (line 40), and 3 cells of other values}: drift's way of naming invalid
     * values ({@link CellText#listed}); without {@code where}, every value and its count ({@code "NA" ×20, "" ×20}).
     */
    private static String listed(Map<String, Long> cells, java.util.function.Function<String, String> where,
                                 boolean others) {
        List<Map.Entry<String, Long>> named = others ? top(cells) : cells.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .toList();
        List<InvalidCell> shown = new ArrayList<>(named.size());
        for (Map.Entry<String, Long> e : named) {
            shown.add(new InvalidCell(where == null ? null : where.apply(e.getKey()), e.getKey(), e.getValue()));
        }
        return CellText.listed(shown, sum(cells));
    }

    private static long sum(Map<String, Long> cells) {
        return cells.values().stream().mapToLong(Long::longValue).sum();
    }

    /** A value as a label: an integer without a decimal part ({@code 3}), else Java's shortest decimal. */
    static String label(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }

    /**
     * The first row (from 0) of each of {@code cells} in {@code column}, by one query over the file's rows in order
     * (only run when the column has cells a note names).
     */
    private static Map<String, Long> firstRows(TableReader reader, String column, List<String> cells) {
        Map<String, Long> out = new HashMap<>();
        if (cells.isEmpty()) {
            return out;
        }
        reader.query(sql -> {
            StringBuilder in = new StringBuilder();
            for (String c : cells) {
                in.append(in.length() == 0 ? "" : ", ").append(dev.surprisal.data.SqlView.literal(c));
                String typed = typedSpelling(c);
                if (typed != null) {
                    in.append(", ").append(dev.surprisal.data.SqlView.literal(typed));
                }
            }
            sql.forEachRow("SELECT v, min(rn) FROM (SELECT row_number() OVER () AS rn, " + sql.text(column)
                    + " AS v FROM " + sql.from() + ") WHERE v IN (" + in + ") GROUP BY v", row -> {
                String v = row.getString(1);
                long first = row.getLong(2) - 1;
                out.merge(v, first, Math::min);
                String label = labelOfTyped(v);
                if (label != null) {
                    out.merge(label, first, Math::min);
                }
            });
            return null;
        });
        return out;
    }

    /** DuckDB's text of a typed ±∞ ({@code inf}) for the label a typed column's GROUP BY gives it ({@code Infinity}). */
    private static String typedSpelling(String label) {
        return switch (label) {
            case "Infinity" -> "inf";
            case "-Infinity" -> "-inf";
            default -> null;
        };
    }

    private static String labelOfTyped(String text) {
        return switch (text) {
            case "inf" -> "Infinity";
            case "-inf" -> "-Infinity";
            default -> null;
        };
    }
}
