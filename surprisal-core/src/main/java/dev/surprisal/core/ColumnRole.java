// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a table column is, for the purpose of measuring it. Every verb that reads a table (drift,
 * mi, entropy) asks one detector in {@code surprisal-data} ({@code dev.surprisal.data.roles}) for
 * each column's role and the reason, and the user can override it.
 *
 * <p>The detection rules (on the reference data; "missing" are the cells pandas reads as missing by
 * default, and a column is numeric when at least 95% of its non-missing cells parse as numbers):
 * <ul>
 *   <li>{@link #CONSTANT}: at most one distinct non-missing value (an all-missing column too).</li>
 *   <li>{@link #BINARY}: a numeric column with exactly 2 distinct values.</li>
 *   <li>{@link #DISCRETE}: a numeric column with 3 to 20 distinct values.</li>
 *   <li>Binary and discrete exclude a column whose values are all distinct and not all integers (five amounts,
 *       each seen once): measurements, continuous whatever their count; integer codes and repeated fractions
 *       ({@code 0.5}, {@code 1.5} grades) stay discrete.</li>
 *   <li>{@link #ID_LIKE}: an integer-valued numeric column, or a text column (names, UUIDs), whose
 *       distinct values are at least 95% of its non-missing values on at least 100 of them; or an
 *       integer column with more than 20 distinct values that is strictly increasing in row order.
 *       A column holding non-integer numbers is never id-like.</li>
 *   <li>{@link #DATE} / {@link #TIMESTAMP}: at least 95% of the non-missing cells are ISO dates
 *       ({@code 2024-05-01}) / ISO date-times ({@code 2024-05-01 06:00:00}, {@code 2024-05-01T06:00Z}).</li>
 *   <li>{@link #CONTINUOUS}: any other numeric column.</li>
 *   <li>{@link #CATEGORICAL}: any other column: text and booleans.</li>
 * </ul>
 * Scored roles ({@link #isScored()}) enter distribution drift and mutual information; the others
 * are reported and checked for what matters about them (missing share, duplicate keys, stale
 * timestamps), not scored.
 */
public enum ColumnRole {
    /** A numeric column with two distinct values, e.g. a 0/1 flag. */
    BINARY("binary"),
    /** A numeric column with 3 to 20 distinct values, e.g. a count of items. */
    DISCRETE("discrete"),
    /**
     * A numeric column with more than 20 distinct values that is not id-like, or one of at most 20 values all
     * distinct and not all integers (measurements seen once each).
     */
    CONTINUOUS("continuous"),
    /** Text or boolean values, measured as labels. */
    CATEGORICAL("categorical"),
    /** A key: (nearly) every value distinct, or strictly increasing integers. */
    ID_LIKE("id-like"),
    /** Date-times. */
    TIMESTAMP("timestamp"),
    /** Calendar dates without a time. */
    DATE("date"),
    /** At most one distinct value. */
    CONSTANT("constant");

    /**
     * The most distinct values of a {@link #BINARY} or {@link #DISCRETE} column: the one rule by which a numeric
     * column is read as discrete, both when roles are detected and when MI advises reading a tied continuous column
     * as discrete.
     */
    public static final int MAX_DISCRETE_VALUES = 20;

    private final String label;

    ColumnRole(String label) {
        this.label = label;
    }

    /**
     * The role's name as users type and read it.
     *
     * @return "binary", "discrete", "continuous", "categorical", "id-like", "timestamp", "date" or "constant"
     */
    public String label() {
        return label;
    }

    /**
     * Whether the column's distribution is scored (drift, mutual information) by default.
     *
     * @return false for id-like, timestamp, date and constant columns
     */
    public boolean isScored() {
        return this == BINARY || this == DISCRETE || this == CONTINUOUS || this == CATEGORICAL;
    }

    /**
     * Whether the column is measured by value (one bin or label per value), not as a continuum.
     *
     * @return true for binary, discrete and categorical columns
     */
    public boolean isDiscrete() {
        return this == BINARY || this == DISCRETE || this == CATEGORICAL;
    }

    /**
     * Whether the role tells a point in time: its cells must be dates or date-times, and a cell
     * that is neither is invalid, as a non-number is in a numeric column.
     *
     * @return true for timestamp and date columns
     */
    public boolean isTemporal() {
        return this == TIMESTAMP || this == DATE;
    }

    /**
     * Whether the role describes numbers (binary, discrete, continuous).
     *
     * @return true for binary, discrete and continuous columns
     */
    public boolean isNumeric() {
        return this == BINARY || this == DISCRETE || this == CONTINUOUS;
    }

    /**
     * The role called {@code text} ({@link #label()}, case-insensitive; "id_like" and "idlike" also
     * read as id-like).
     *
     * @param text a role label such as "binary"
     * @return the role
     * @throws ValidationException naming the valid labels when {@code text} is none of them
     */
    public static ColumnRole parse(String text) {
        if (text != null) {
            String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            if (t.equals("idlike")) {
                t = "id-like";
            }
            for (ColumnRole r : values()) {
                if (r.label.equals(t)) {
                    return r;
                }
            }
        }
        throw new ValidationException("role: expected one of " + labels() + ", got '" + text + "'");
    }

    /**
     * The valid labels, comma-separated, for messages and help texts.
     *
     * @return "binary, discrete, continuous, categorical, id-like, timestamp, date, constant"
     */
    public static String labels() {
        return Arrays.stream(values()).map(ColumnRole::label).collect(Collectors.joining(", "));
    }
}
