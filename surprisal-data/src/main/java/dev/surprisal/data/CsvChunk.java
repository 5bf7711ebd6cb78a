// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data;

import dev.surprisal.data.roles.Cells;
import dev.surprisal.data.roles.DecimalReader;

import java.util.Arrays;

/**
 * One chunk's records: each column's cells as numbers (into the file's array of the column, from
 * the chunk's first line on) until a cell is not one, and from there (or from the first row, for
 * a column known to be text) as kept text; the row count, and whether it ended on blank lines.
 */
final class CsvChunk {
    final TextCells[] kept;
    /** The text of the rows before {@link #textFrom}, gathered again when the column became text. */
    final TextCells[] before;
    /** Per column, the first row kept as text (the rows before it were read as numbers). */
    final int[] textFrom;
    /** Per column, whether a number was read (a column of nothing but missing cells is text). */
    final boolean[] number;
    /**
     * Per column, whether every cell read as a number so far is an integer as {@link Long#toString}
     * writes it, or empty: then the column's text is the numbers written out, with no second
     * tokenising ({@link #canonicalInteger}).
     */
    final boolean[] integral;
    final double[][] values;
    final int firstLine;
    /** Per column, the rows to keep (a second tokenising keeps only the rows read as numbers). */
    final int[] limit;
    /** Reads this chunk's number cells (and, in the tokeniser, finds where they end). */
    final DecimalReader decimals = new DecimalReader();
    Numbers numbers;
    /** Set when the chunks were split without regard to quotes: the first quote seen anywhere. */
    java.util.concurrent.atomic.AtomicBoolean quote;
    int lineCount;
    int bytesPerColumn;
    int rows;
    boolean blank;

    CsvChunk(TextCells[] kept, double[][] values, int firstLine, int[] limit) {
        this.kept = kept;
        this.before = new TextCells[kept.length];
        this.textFrom = new int[kept.length];
        this.number = new boolean[kept.length];
        this.integral = new boolean[kept.length];
        Arrays.fill(integral, true);
        this.values = values;
        this.firstLine = firstLine;
        this.limit = limit;
    }

    /**
     * Column {@code j}'s cell in the current row: {@code b[start, end)}, {@code end} being
     * {@link #MISSING} for a missing cell and {@code -(end + 1)} for a quoted one with doubled quotes.
     */
    void cell(byte[] b, int j, int start, int end) {
        TextCells k = kept[j];
        if (k == null) {
            double x = end == MISSING ? Double.NaN : end < 0 ? Double.POSITIVE_INFINITY
                    : decimals.number(b, start, end);
            if (x != x && end != MISSING
                    && !Cells.isMissing(b, start, end)) {
                x = Double.POSITIVE_INFINITY; // text: neither a number nor a missing string
            } else if (x == x && decimalComma(b, start, end, numbers != null && numbers.semicolon)) {
                // a number written with a decimal comma (569,97): the column's role counts such cells
                // (ColumnStats.Commas: 1,234 beside 1,5 has two readings), which only its text can give
                x = Double.POSITIVE_INFINITY;
            } else if (x == x && Cells.isCode(b, start, end)) {
                // a code a number would change (02134, an ID beyond 2^53): the column is text (RoleRules.codes)
                x = Double.POSITIVE_INFINITY;
            }
            if (!Double.isInfinite(x)) {
                number(j, x, b, start, end);
                return;
            }
            // "inf" is a number to Cells but not a finite value: the text path counts it
            k = new TextCells(lineCount - rows + 1, bytesPerColumn);
            kept[j] = k;
            textFrom[j] = rows;
            numbers.sawText(j);
        }
        if (limit != null && rows >= limit[j]) {
            return;
        }
        if (end == MISSING) {
            k.add(b, 0, 0, TextCells.MISSING_CELL);
        } else if (end < 0) {
            k.add(b, start, -end - 1, TextCells.ESCAPED_CELL);
        } else {
            k.add(b, start, end, TextCells.PLAIN_CELL);
        }
    }

    /**
     * Column {@code j}'s cell {@code b[start, end)} in the current row read as the number {@code x}, finite,
     * or NaN for a missing cell ({@code end} {@link #MISSING}): straight from the file's bytes into the
     * column's array, no copy and no String. Only while {@link #readsNumbers} says so.
     */
    void number(int j, double x, byte[] b, int start, int end) {
        number[j] |= x == x;
        values[j][firstLine + rows] = x;
        if (integral[j] && end != MISSING) {
            integral[j] = canonicalInteger(b, start, end);
        }
    }

    /** Whether column {@code j}'s cells are still read as numbers (not yet found to be text). */
    boolean readsNumbers(int j) {
        return values != null && kept[j] == null;
    }

    /**
     * Whether {@code b[from, to)} has a ',' and {@link Cells#comma} calls it a decimal comma, or, in a ';'-separated
     * file ({@code semicolon}), one ',' group ({@code 6,600}), which is a decimal comma there unless another cell of
     * the column groups thousands ({@link dev.surprisal.data.roles.NumberHint}): only the column's text can say.
     */
    private static boolean decimalComma(byte[] b, int from, int to, boolean semicolon) {
        for (int k = from; k < to; k++) {
            if (b[k] == ',') {
                Cells.Comma kind = Cells.comma(new String(b, from, to - from, java.nio.charset.StandardCharsets.UTF_8));
                return kind == Cells.Comma.DECIMAL || semicolon && kind == Cells.Comma.ONE_GROUP;
            }
        }
        return false;
    }

    /** A kept cell's end when it is missing (an unquoted empty field). */
    static final int MISSING = Integer.MIN_VALUE;

    /**
     * Whether {@code b[from, to)} is an integer of at most 15 digits (exact as a double) as
     * {@link Long#toString} writes it: an optional minus, no leading zero, not {@code -0}; so the cell's
     * text is its number written out.
     */
    static boolean canonicalInteger(byte[] b, int from, int to) {
        int i = from < to && b[from] == '-' ? from + 1 : from;
        int digits = to - i;
        if (digits < 1 || digits > 15 || (b[i] == '0' && (digits > 1 || i > from))) {
            return false;
        }
        for (; i < to; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * The number columns being read: one array of numbers per column for the whole file, made when
     * a chunk first writes to it, and which columns some chunk has already found to be text (a chunk
     * that starts later keeps their text from its first row, and so needs no second tokenising).
     */
    static final class Numbers {
        private final java.util.concurrent.atomic.AtomicReferenceArray<double[]> arrays;
        private final java.util.concurrent.atomic.AtomicIntegerArray text;
        private final int lines;
        private final boolean allText;
        /** Whether the file is ';'-separated: a one-group cell ({@code 6,600}) keeps its column as text. */
        final boolean semicolon;

        Numbers(int columns, int lines, boolean allText, boolean semicolon) {
            this.semicolon = semicolon;
            this.arrays = new java.util.concurrent.atomic.AtomicReferenceArray<>(columns);
            this.text = new java.util.concurrent.atomic.AtomicIntegerArray(columns);
            this.lines = lines;
            this.allText = allText;
        }

        /** A chunk's state: a column starts as numbers unless it is known to be text. */
        CsvChunk start(int columns, int firstLine, int lineCount, int bytesPerColumn) {
            TextCells[] kept = new TextCells[columns];
            double[][] values = new double[columns][];
            for (int j = 0; j < columns; j++) {
                if (allText || text.get(j) != 0) {
                    kept[j] = new TextCells(lineCount + 1, bytesPerColumn);
                } else {
                    values[j] = array(j);
                }
            }
            CsvChunk c = new CsvChunk(kept, values, firstLine, null);
            c.numbers = this;
            c.lineCount = lineCount;
            c.bytesPerColumn = bytesPerColumn;
            return c;
        }

        private double[] array(int j) {
            double[] a = arrays.get(j);
            if (a == null) {
                a = new double[lines];
                if (!arrays.compareAndSet(j, null, a)) {
                    a = arrays.get(j);
                }
            }
            return a;
        }

        /**
         * Column {@code j}'s numbers, in row order, when every chunk read it as numbers and at least
         * one cell is a number; else null. Chunks with fewer rows than line feeds are closed up.
         */
        double[] of(int j, CsvChunk[] chunks, long[] first) {
            boolean any = false;
            for (CsvChunk c : chunks) {
                if (c.kept[j] != null) {
                    return null;
                }
                any |= c.number[j];
            }
            double[] a = arrays.get(j);
            if (!any || a == null) {
                return null;
            }
            int at = 0;
            for (int k = 0; k < chunks.length; k++) {
                if (at != first[k]) {
                    System.arraycopy(a, (int) first[k], a, at, chunks[k].rows);
                }
                at += chunks[k].rows;
            }
            return a;
        }

        /** Lets go of the arrays of the columns that turned out to be text. */
        void clear() {
            for (int j = 0; j < arrays.length(); j++) {
                arrays.set(j, null);
            }
        }

        void sawText(int j) {
            text.set(j, 1);
        }
    }
}
