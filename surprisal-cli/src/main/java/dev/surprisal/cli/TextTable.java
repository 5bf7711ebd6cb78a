// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import dev.surprisal.core.NumberStyle;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table with columns aligned by padding with spaces: text columns left-aligned,
 * columns whose cells are all numbers right-aligned. Used for the multi-row answers of
 * {@code surprisal mi} (ranking, matrix, selection); {@code --json} carries the full-precision values.
 */
final class TextTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(List<String> header) {
        this.header = List.copyOf(header);
    }

    TextTable add(List<String> row) {
        if (row.size() != header.size()) {
            throw new IllegalStateException("row has " + row.size() + " cells, header " + header.size());
        }
        rows.add(List.copyOf(row));
        return this;
    }

    /** The lines: header, then one per row, trailing spaces removed. */
    List<String> lines() {
        int c = header.size();
        int[] width = new int[c];
        boolean[] numeric = new boolean[c];
        for (int j = 0; j < c; j++) {
            width[j] = header.get(j).length();
            numeric[j] = !rows.isEmpty();
            for (List<String> r : rows) {
                width[j] = Math.max(width[j], r.get(j).length());
                numeric[j] &= isNumber(r.get(j));
            }
        }
        List<String> out = new ArrayList<>();
        out.add(line(header, width, numeric));
        for (List<String> r : rows) {
            out.add(line(r, width, numeric));
        }
        return out;
    }

    private static String line(List<String> cells, int[] width, boolean[] numeric) {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < cells.size(); j++) {
            if (j > 0) {
                b.append("  ");
            }
            String s = cells.get(j);
            String pad = " ".repeat(width[j] - s.length());
            b.append(numeric[j] ? pad + s : s + pad);
        }
        return b.toString().stripTrailing();
    }

    private static boolean isNumber(String s) {
        return s.equals("-") || s.matches("-?[0-9.]+(E-?[0-9]+)?");
    }

    /**
     * Four significant digits, plain notation for everyday magnitudes, "-" for NaN (not applicable). A value
     * below {@link #ROUNDING} in magnitude is written 0: the MI tables' estimates carry no digit there (an
     * independent pair's plug-in MI computes to ±1e-16, not 0), and "-8.009E-16" beside "0.08570" reads as a
     * finding rather than as rounding.
     */
    static String num(double v) {
        return CELL.format(Math.abs(v) < ROUNDING ? 0.0 : v);
    }

    /** Below this magnitude a cell is rounding error of double arithmetic, far under any estimate's noise. */
    static final double ROUNDING = 1e-10;

    private static final NumberStyle CELL = NumberStyle.significant(4).withTrailingZeros(true).withNaN("-");
}
