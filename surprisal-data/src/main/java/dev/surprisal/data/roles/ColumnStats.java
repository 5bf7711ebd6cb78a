// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.roles;

/**
 * What role detection knows about one column, gathered in one pass (a file's single scan, or a loop
 * over an in-memory column). Cells are read with {@link Cells}' rules, the numbers (numbers, integers, distinct
 * numbers, min, max) in the column's convention ({@link RoleRules#convention} of its commas, which do not depend on
 * it): a decimal-comma column's {@code 1.299} is the number 1299.
 *
 * @param column         the column name
 * @param rows           cells, missing ones included
 * @param missing        missing cells (NULL and pandas' missing strings)
 * @param numbers        non-missing cells that are numbers
 * @param integers       of those, the finite whole numbers
 * @param distinctNumbers distinct numeric values
 * @param distinctTexts  distinct non-missing cells as text
 * @param dates          non-missing cells that are ISO dates
 * @param timestamps     non-missing cells that are ISO date-times
 * @param min            smallest number (+∞ when none)
 * @param max            largest number (−∞ when none)
 * @param increasing     true when the numbers strictly increase in row order (only computed for
 *                       columns where it can change the role: fewer than 100 present cells, whole
 *                       numbers, all distinct; false otherwise)
 * @param distinctAtLeast true when {@code distinctNumbers} is a lower bound, not the exact count
 *                       (a large file's column whose role does not depend on it: more than
 *                       {@value RoleRules#MAX_DISCRETE_VALUES} values, not all whole); the reason
 *                       then says "at least"
 * @param commas         non-missing cells by how they use a ',' between digits ({@link Cells#comma})
 * @param layouts        non-missing cells that are dates in a non-ISO layout ({@code 29/11/2026}), by layout
 *                       ({@link DateLayout.Counts#add}); a whole column's only when they may decide
 *                       ({@link DateLayout.Counts#kept})
 */
public record ColumnStats(String column, long rows, long missing, long numbers, long integers, long distinctNumbers,
                          long distinctTexts, long dates, long timestamps, double min, double max, boolean increasing,
                          boolean distinctAtLeast, Commas commas, DateLayout.Counts layouts) {

    /**
     * Cells that use a ',' or a '.' between digits, by kind ({@link Cells.Comma}); additive over parts of a column.
     * Serializable so that another engine's parts of a column (Spark's partitions) bring theirs back to be added;
     * not a stored form.
     *
     * @serial exclude
     * @param thousands cells grouped as no decimal comma writes ({@code 1,234,567}, {@code 2,096.40})
     * @param oneGroup  cells of one ',' group of 3 digits and no decimal part ({@code 1,234}: two readings)
     * @param decimal   cells only a decimal comma writes ({@code 1,5}, {@code 3,14}, {@code 1.234,56})
     * @param dotGroup  cells of '.' groups of 3 digits only ({@code 1.299}: 1.299, or 1299 with a decimal comma)
     * @param leadingZero integers with a leading zero ({@code 02134}: a code, {@link Cells#code})
     * @param beyond2_53 integers beyond 2^53 ({@code 9007199254740993}: a code, {@link Cells#code})
     * @param timeOfDay cells that are times of day ({@code 08:15:32}, {@link Cells#timeOfDay})
     * @param examples  per kind ({@link Cells.Comma#ordinal}), the smallest such cell's text (in {@link String}
     *                  order, so that parts of a column and every engine give the same), "" when none
     * @param forced    the convention the file's reader was told ({@link NumberHint#forced}, {@code --decimal}),
     *                  which {@link RoleRules#convention} returns whatever the counts; null when they decide
     * @param semicolon whether the column's file is ';'-separated ({@link NumberHint#semicolon}), where a one-group
     *                  cell ({@code 6,600}) is a decimal comma unless a cell groups thousands ({@link RoleRules#convention})
     */
    public record Commas(long thousands, long oneGroup, long decimal, long dotGroup, long leadingZero,
                         long beyond2_53, long timeOfDay, java.util.List<String> examples, NumberConvention forced, boolean semicolon)
            implements java.io.Serializable {
        /**
         * The kinds counted, each a count and an example: every {@link Cells.Comma} but {@link Cells.Comma#NONE}, in
         * ordinal order. Every engine's tally (the in-memory scan's arrays, the DuckDB scan's columns, a Spark
         * partition's parts) lists them so, and {@link #of} and {@link #count} map them to the fields: the one place.
         */
        public static final java.util.List<Cells.Comma> KINDS = java.util.Arrays.stream(Cells.Comma.values())
                .filter(k -> k != Cells.Comma.NONE).toList();
        /** "" for each kind: no examples (initialised before {@link #NONE}, which uses it). */
        private static final java.util.List<String> NO_EXAMPLES = java.util.Collections.nCopies(
                Cells.Comma.values().length, "");
        /** No cell with a comma between digits. */
        public static final Commas NONE = new Commas(0, 0, 0);

        /**
         * Checks the examples: one per kind.
         *
         * @param thousands   cells grouped as no decimal comma writes
         * @param oneGroup    cells of one ',' group
         * @param decimal     cells only a decimal comma writes
         * @param dotGroup    cells of '.' groups only
         * @param leadingZero integers with a leading zero
         * @param beyond2_53  integers beyond 2^53
         * @param timeOfDay   cells that are times of day
         * @param examples    per kind, the smallest such cell, "" when none
         * @param forced      the convention set for the file, or null
         * @param semicolon   whether the file is ';'-separated
         */
        public Commas {
            examples = java.util.List.copyOf(examples);
            if (examples.size() != Cells.Comma.values().length) {
                throw new IllegalArgumentException("examples: one per comma kind, " + Cells.Comma.values().length
                        + ", not " + examples.size());
            }
        }

        /**
         * Counts without '.' groups or examples.
         *
         * @param thousands cells grouped as no decimal comma writes
         * @param oneGroup  cells of one ',' group
         * @param decimal   cells only a decimal comma writes
         */
        public Commas(long thousands, long oneGroup, long decimal) {
            this(thousands, oneGroup, decimal, 0, NO_EXAMPLES);
        }

        /**
         * Counts without codes ({@link Cells#code}), no convention set: the cells decide.
         *
         * @param thousands cells grouped as no decimal comma writes
         * @param oneGroup  cells of one ',' group
         * @param decimal   cells only a decimal comma writes
         * @param dotGroup  cells of '.' groups only
         * @param examples  per kind up to {@link Cells.Comma#DOT_GROUP} (or all kinds), the smallest such cell, ""
         *                  when none; the code kinds' examples are ""
         */
        public Commas(long thousands, long oneGroup, long decimal, long dotGroup, java.util.List<String> examples) {
            this(thousands, oneGroup, decimal, dotGroup, 0, 0, withoutCodes(examples));
        }

        /**
         * Counts with codes, no convention set: the cells decide.
         *
         * @param thousands   cells grouped as no decimal comma writes
         * @param oneGroup    cells of one ',' group
         * @param decimal     cells only a decimal comma writes
         * @param dotGroup    cells of '.' groups only
         * @param leadingZero integers with a leading zero
         * @param beyond2_53  integers beyond 2^53
         * @param examples    per kind, the smallest such cell, "" when none
         */
        public Commas(long thousands, long oneGroup, long decimal, long dotGroup, long leadingZero, long beyond2_53,
                      java.util.List<String> examples) {
            this(thousands, oneGroup, decimal, dotGroup, leadingZero, beyond2_53, 0, examples, null, false);
        }

        /**
         * Counts without codes, with the file's convention.
         *
         * @param thousands cells grouped as no decimal comma writes
         * @param oneGroup  cells of one ',' group
         * @param decimal   cells only a decimal comma writes
         * @param dotGroup  cells of '.' groups only
         * @param examples  per kind, the smallest such cell, "" when none
         * @param forced    the convention set for the file, or null
         * @param semicolon whether the file is ';'-separated
         */
        public Commas(long thousands, long oneGroup, long decimal, long dotGroup, java.util.List<String> examples,
                      NumberConvention forced, boolean semicolon) {
            this(thousands, oneGroup, decimal, dotGroup, 0, 0, 0, withoutCodes(examples), forced, semicolon);
        }

        /** The examples of the kinds up to {@link Cells.Comma#DOT_GROUP}, with "" for the code kinds. */
        private static java.util.List<String> withoutCodes(java.util.List<String> examples) {
            java.util.List<String> e = new java.util.ArrayList<>(examples);
            while (e.size() < Cells.Comma.values().length) {
                e.add("");
            }
            return e;
        }

        /**
         * @param c the convention the file's reader was told
         * @return these counts with that convention set ({@link NumberHint#apply})
         */
        public Commas withForced(NumberConvention c) {
            return new Commas(thousands, oneGroup, decimal, dotGroup, leadingZero, beyond2_53, timeOfDay, examples, c,
                    semicolon);
        }

        /**
         * @return these counts of a column of a ';'-separated file ({@link NumberHint#apply})
         */
        public Commas inSemicolonFile() {
            return new Commas(thousands, oneGroup, decimal, dotGroup, leadingZero, beyond2_53, timeOfDay, examples, forced,
                    true);
        }

        /**
         * The counts and examples of a tally kept by {@link Cells.Comma#ordinal}.
         *
         * @param counts   per kind's ordinal, how many cells are of it ({@link Cells.Comma#NONE}'s is not used)
         * @param examples per kind's ordinal, the smallest such cell, "" when none
         * @return those counts and examples
         */
        public static Commas of(long[] counts, String[] examples) {
            return new Commas(counts[Cells.Comma.THOUSANDS.ordinal()], counts[Cells.Comma.ONE_GROUP.ordinal()],
                    counts[Cells.Comma.DECIMAL.ordinal()], counts[Cells.Comma.DOT_GROUP.ordinal()],
                    counts[Cells.Comma.LEADING_ZERO.ordinal()], counts[Cells.Comma.BEYOND_2_53.ordinal()],
                    counts[Cells.Comma.TIME_OF_DAY.ordinal()], java.util.List.of(examples), null, false);
        }

        /**
         * @param kind a comma kind
         * @return how many cells are of that kind (0 for {@link Cells.Comma#NONE}, which is not counted)
         */
        public long count(Cells.Comma kind) {
            return switch (kind) {
                case THOUSANDS -> thousands;
                case ONE_GROUP -> oneGroup;
                case DECIMAL -> decimal;
                case DOT_GROUP -> dotGroup;
                case LEADING_ZERO -> leadingZero;
                case BEYOND_2_53 -> beyond2_53;
                case TIME_OF_DAY -> timeOfDay;
                case NONE -> 0;
            };
        }

        /**
         * @param kind a comma kind
         * @return the smallest cell of that kind, "" when none
         */
        public String example(Cells.Comma kind) {
            return examples.get(kind.ordinal());
        }

        /**
         * @param other the counts of another part of the column
         * @return the counts of both parts, each kind's example the smaller one
         */
        public Commas plus(Commas other) {
            java.util.List<String> e = new java.util.ArrayList<>();
            for (int k = 0; k < examples.size(); k++) {
                e.add(smaller(examples.get(k), other.examples.get(k)));
            }
            return new Commas(thousands + other.thousands, oneGroup + other.oneGroup, decimal + other.decimal,
                    dotGroup + other.dotGroup, leadingZero + other.leadingZero, beyond2_53 + other.beyond2_53,
                    timeOfDay + other.timeOfDay, e,
                    forced != null ? forced : other.forced, semicolon || other.semicolon);
        }

        /**
         * @param a an example, "" for none
         * @param b another
         * @return the smaller example ("" only when both are)
         */
        public static String smaller(String a, String b) {
            return a.isEmpty() ? b : b.isEmpty() || a.compareTo(b) <= 0 ? a : b;
        }
    }

    /**
     * Statistics with cells counted by comma kind.
     *
     * @param column          the column name
     * @param rows            cells, missing ones included
     * @param missing         missing cells
     * @param numbers         non-missing cells that are numbers
     * @param integers        of those, the finite whole numbers
     * @param distinctNumbers distinct numeric values
     * @param distinctTexts   distinct non-missing cells as text
     * @param dates           non-missing cells that are ISO dates
     * @param timestamps      non-missing cells that are ISO date-times
     * @param min             smallest number (+∞ when none)
     * @param max             largest number (−∞ when none)
     * @param increasing      whether the numbers strictly increase in row order (see above)
     * @param commas          non-missing cells by how they use a ',' between digits
     */
    public ColumnStats(String column, long rows, long missing, long numbers, long integers, long distinctNumbers,
                       long distinctTexts, long dates, long timestamps, double min, double max, boolean increasing,
                       Commas commas) {
        this(column, rows, missing, numbers, integers, distinctNumbers, distinctTexts, dates, timestamps, min, max,
                increasing, false, commas, DateLayout.Counts.NONE);
    }

    /**
     * Statistics with a distinct-count bound and comma counts, no non-ISO date counted.
     *
     * @param column          the column name
     * @param rows            cells, missing ones included
     * @param missing         missing cells
     * @param numbers         non-missing cells that are numbers
     * @param integers        of those, the finite whole numbers
     * @param distinctNumbers distinct numeric values
     * @param distinctTexts   distinct non-missing cells as text
     * @param dates           non-missing cells that are ISO dates
     * @param timestamps      non-missing cells that are ISO date-times
     * @param min             smallest number (+∞ when none)
     * @param max             largest number (−∞ when none)
     * @param increasing      whether the numbers strictly increase in row order (see above)
     * @param distinctAtLeast whether the distinct counts are lower bounds
     * @param commas          non-missing cells by how they use a ',' between digits
     */
    public ColumnStats(String column, long rows, long missing, long numbers, long integers, long distinctNumbers,
                       long distinctTexts, long dates, long timestamps, double min, double max, boolean increasing,
                       boolean distinctAtLeast, Commas commas) {
        this(column, rows, missing, numbers, integers, distinctNumbers, distinctTexts, dates, timestamps, min, max,
                increasing, distinctAtLeast, commas, DateLayout.Counts.NONE);
    }

    /**
     * @param k the column's comma counts as its file's reader reads them ({@link NumberHint#apply})
     * @return these statistics with those counts
     */
    public ColumnStats withCommas(Commas k) {
        return new ColumnStats(column, rows, missing, numbers, integers, distinctNumbers, distinctTexts, dates,
                timestamps, min, max, increasing, distinctAtLeast, k, layouts);
    }

    /**
     * @param counts the non-ISO date layouts' counts
     * @return these statistics with those counts
     */
    public ColumnStats withLayouts(DateLayout.Counts counts) {
        return new ColumnStats(column, rows, missing, numbers, integers, distinctNumbers, distinctTexts, dates,
                timestamps, min, max, increasing, distinctAtLeast, commas, counts);
    }

    /**
     * Statistics with exact distinct counts, of a column without cells that hold a ',' between digits
     * (a typed number column).
     *
     * @param column          the column name
     * @param rows            cells, missing ones included
     * @param missing         missing cells
     * @param numbers         non-missing cells that are numbers
     * @param integers        of those, the finite whole numbers
     * @param distinctNumbers distinct numeric values
     * @param distinctTexts   distinct non-missing cells as text
     * @param dates           non-missing cells that are ISO dates
     * @param timestamps      non-missing cells that are ISO date-times
     * @param min             smallest number (+∞ when none)
     * @param max             largest number (−∞ when none)
     * @param increasing      whether the numbers strictly increase in row order (see above)
     */
    public ColumnStats(String column, long rows, long missing, long numbers, long integers, long distinctNumbers,
                       long distinctTexts, long dates, long timestamps, double min, double max, boolean increasing) {
        this(column, rows, missing, numbers, integers, distinctNumbers, distinctTexts, dates, timestamps, min, max,
                increasing, false, Commas.NONE);
    }

    /**
     * The statistics of an in-memory column, read by {@link Cells}' rules (the same as a file's scan gives),
     * so that another engine counting a part of a table at a time applies the one rule set; the
     * additive fields (rows, missing, numbers, integers, dates, timestamps) of parts add up, min and max
     * combine, the distinct counts do not.
     *
     * @param column a column (numbers, or text read afterwards by {@link Cells})
     * @return its statistics
     */
    public static ColumnStats of(dev.surprisal.data.Column column) {
        return RoleScan.scan(column);
    }

    /**
     * {@link #of(dev.surprisal.data.Column)}, its working memory (an array of one {@code long} per
     * row, to count the distinct numbers) reused from {@code scratch}: a caller taking the statistics
     * of many columns of a table passes one {@link ScanScratch} to each call and drops it after.
     *
     * @param column  a column (numbers, or text read afterwards by {@link Cells})
     * @param scratch working memory shared by the calls for one table's columns, from any threads
     * @return its statistics, the same as {@link #of(dev.surprisal.data.Column)} gives
     */
    public static ColumnStats of(dev.surprisal.data.Column column, ScanScratch scratch) {
        return RoleScan.scan(column, java.util.Objects.requireNonNull(scratch, "scratch"));
    }

    /**
     * {@link #of(dev.surprisal.data.Column, ScanScratch)} of a column of a file whose reader says {@code hint} about its
     * numbers: a ';'-separated file or a convention set ({@link NumberHint#apply}).
     *
     * @param column  a column
     * @param scratch working memory to reuse
     * @param hint    what the file's reader says about its decimal mark ({@link dev.surprisal.data.TableReader#numberHint})
     * @return its statistics
     */
    public static ColumnStats of(dev.surprisal.data.Column column, ScanScratch scratch, NumberHint hint) {
        return RoleScan.scan(column, java.util.Objects.requireNonNull(scratch, "scratch"),
                java.util.Objects.requireNonNull(hint, "hint"));
    }

    /**
     * {@link #of(dev.surprisal.data.Column)} of a part of a column whose numbers are read in the whole column's
     * convention (another engine's partition: its own commas may decide otherwise).
     *
     * @param column     a part of a column
     * @param convention the whole column's convention ({@link RoleRules#convention})
     * @return its statistics, its numbers read in {@code convention}
     */
    public static ColumnStats of(dev.surprisal.data.Column column, NumberConvention convention) {
        return RoleScan.scan(column, java.util.Objects.requireNonNull(convention, "convention"));
    }

    /** @return the cells that are not missing */
    public long present() {
        return rows - missing;
    }

    /** @return non-missing cells that are not numbers (the invalid cells if the column is numeric) */
    public long nonNumbers() {
        return present() - numbers;
    }

    /** @return whether the monotone rule could change this column's role (see {@link #increasing}) */
    public boolean monotoneCandidate() {
        return present() < RoleRules.ID_MIN_ROWS && numbers == present() && integers == numbers
                && distinctNumbers == numbers && distinctNumbers > RoleRules.MAX_DISCRETE_VALUES;
    }

    /**
     * @return these statistics with {@link #increasing} set
     *
     * @param on whether the column's values increase with the row
     */
    public ColumnStats withIncreasing(boolean on) {
        return new ColumnStats(column, rows, missing, numbers, integers, distinctNumbers, distinctTexts, dates,
                timestamps, min, max, on, distinctAtLeast, commas, layouts);
    }

    /**
     * @return these statistics with {@link #distinctNumbers} (and {@link #distinctTexts}) marked as lower bounds
     */
    public ColumnStats withDistinctAtLeast() {
        return new ColumnStats(column, rows, missing, numbers, integers, distinctNumbers, distinctTexts, dates,
                timestamps, min, max, increasing, true, commas, layouts);
    }
}
