// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.core;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * How a number is written for a reader: the one implementation of the project's rules for
 * printing a {@code double} in tables, sentences, labels and reports. An immutable style, made by
 * a static factory and adjusted with {@code withX}; each output keeps its own style, so outputs
 * stay as they were when the helpers were merged here.
 *
 * <p>The four notations:
 * <ul>
 *   <li>{@link #significant(int) significant(n)}: n significant digits of the exact binary value,
 *       rounded half up ({@link BigDecimal} with {@code MathContext(n)}), plain notation for
 *       magnitudes 10⁻¹⁰ ≤ |v| &lt; 10⁷ ({@code 0.0000009109}) and {@code 1.23E+7} / {@code 1.23E-11} outside;
 *       trailing zeros dropped unless {@link #withTrailingZeros(boolean) kept}; zero is {@code 0}.
 *       Used by sentences (3 digits) and plain tables (4 digits).</li>
 *   <li>{@link #general(int) general(n)}: C's {@code %.ng} (n significant digits, exponent form
 *       {@code 1.23e-05} below 10⁻⁴ and at or above 10ⁿ, trailing zeros kept). Used by HTML reports,
 *       bin labels and drift reasons.</li>
 *   <li>{@link #fixed(int) fixed(d)}: {@code %.df} (d decimals); a non-zero value below 10⁻ᵈ, which
 *       would print as zero, is written with two significant digits in the plain notation of
 *       {@link #significant} ({@code 0.000030}). Used by drift tables.</li>
 *   <li>{@link #label(int) label(n)}: a whole number below 10¹⁵ as an integer ({@code 3}, not
 *       {@code 3.0}); any other as {@code %.ng} with trailing zeros dropped. Used where a value
 *       names a thing (a category, a cell quoted in a role's reason).</li>
 * </ul>
 *
 * <p>Rules common to all styles: NaN and ±∞ are written with the style's spellings (by default
 * Java's {@code NaN}, {@code Infinity}, {@code -Infinity}); negative zero is written as zero, never
 * {@code -0} (a sign on a zero suggests a direction the value does not have); {@link Locale#ROOT}
 * always, so the decimal separator is a point whatever the user's locale.
 */
public final class NumberStyle {
    private enum Notation { SIGNIFICANT, GENERAL, FIXED, LABEL }

    /**
     * Magnitudes from here to {@link #PLAIN_MAX} are written in plain notation by {@link #significant}: every
     * small value a table shows (tables write a magnitude below 10⁻¹⁰ as 0, rounding error), so that no table
     * mixes {@code 9.109E-7} with {@code 0.000001826} (BigDecimal's own rule switches at 10⁻⁶; issue 9).
     */
    private static final double PLAIN_MIN = 1e-10;
    private static final double PLAIN_MAX = 1e7;
    /** {@link #label} writes whole numbers below this as integers (a {@code long} holds them exactly). */
    private static final double WHOLE_MAX = 1e15;

    private final Notation notation;
    private final int digits;
    private final boolean trailingZeros;
    private final String nan;
    private final String positiveInfinity;
    private final String negativeInfinity;
    /** The {@code printf} pattern of {@link Notation#GENERAL}, {@link Notation#FIXED} and {@link Notation#LABEL}. */
    private final String pattern;
    /** 10⁻ᵈ of {@link Notation#FIXED}, parsed rather than computed, so that 1e-4 is exactly the literal. */
    private final double fixedMin;

    private NumberStyle(Notation notation, int digits, boolean trailingZeros, String nan, String positiveInfinity,
                        String negativeInfinity) {
        this.notation = notation;
        this.digits = digits;
        this.trailingZeros = trailingZeros;
        this.nan = nan;
        this.positiveInfinity = positiveInfinity;
        this.negativeInfinity = negativeInfinity;
        this.pattern = "%." + digits + (notation == Notation.FIXED ? "f" : "g");
        this.fixedMin = Double.parseDouble("1e-" + digits);
    }

    private static NumberStyle of(Notation notation, int digits, String name, int min, boolean trailingZeros) {
        if (digits < min || digits > 17) {
            throw new ValidationException(name + ": must be " + min + "..17, got " + digits);
        }
        return new NumberStyle(notation, digits, trailingZeros, "NaN", "Infinity", "-Infinity");
    }

    /**
     * n significant digits, plain notation for 10⁻¹⁰ ≤ |v| &lt; 10⁷, trailing zeros dropped.
     *
     * @param digits significant digits, 1..17
     * @return the style
     * @throws ValidationException if {@code digits} is outside 1..17
     */
    public static NumberStyle significant(int digits) {
        return of(Notation.SIGNIFICANT, digits, "digits", 1, false);
    }

    /**
     * C's {@code %.ng}: n significant digits, trailing zeros kept.
     *
     * @param digits significant digits, 1..17
     * @return the style
     * @throws ValidationException if {@code digits} is outside 1..17
     */
    public static NumberStyle general(int digits) {
        return of(Notation.GENERAL, digits, "digits", 1, true);
    }

    /**
     * {@code %.df}; a non-zero value below 10⁻ᵈ with two significant digits in {@link #significant}'s notation
     * ({@code 0.000030}, not {@code 3.0e-05} beside {@code 0.2765}).
     *
     * @param decimals digits after the decimal point, 0..17
     * @return the style
     * @throws ValidationException if {@code decimals} is outside 0..17
     */
    public static NumberStyle fixed(int decimals) {
        return of(Notation.FIXED, decimals, "decimals", 0, true);
    }

    /**
     * Whole numbers below 10¹⁵ as integers, others as {@code %.ng} without trailing zeros.
     *
     * @param digits significant digits of a number that is not whole, 1..17
     * @return the style
     * @throws ValidationException if {@code digits} is outside 1..17
     */
    public static NumberStyle label(int digits) {
        return of(Notation.LABEL, digits, "digits", 1, false);
    }

    /**
     * Whether {@link #significant} keeps the trailing zeros of its rounded value ({@code 0.1000},
     * the four digits of the double nearest 0.1; a value that is exact in fewer digits, such as
     * 0.5, stays {@code 0.5}). The other notations ignore it.
     *
     * @param keep true to keep them
     * @return a style that differs only in this
     */
    public NumberStyle withTrailingZeros(boolean keep) {
        return new NumberStyle(notation, digits, keep, nan, positiveInfinity, negativeInfinity);
    }

    /**
     * How NaN (a value that is not defined or not applicable) is written.
     *
     * @param text the spelling, such as {@code -} or {@code n/a}
     * @return a style that differs only in this
     * @throws ValidationException if {@code text} is null
     */
    public NumberStyle withNaN(String text) {
        Validate.notNull("text", text);
        return new NumberStyle(notation, digits, trailingZeros, text, positiveInfinity, negativeInfinity);
    }

    /**
     * How +∞ and −∞ are written.
     *
     * @param positive the spelling of +∞, such as {@code inf} or {@code ∞}
     * @param negative the spelling of −∞
     * @return a style that differs only in this
     * @throws ValidationException if either is null
     */
    public NumberStyle withInfinity(String positive, String negative) {
        Validate.notNull("positive", positive);
        Validate.notNull("negative", negative);
        return new NumberStyle(notation, digits, trailingZeros, nan, positive, negative);
    }

    /**
     * Writes a number in this style.
     *
     * @param v any double, NaN and ±∞ included
     * @return its text; never {@code -0} in any form
     */
    public String format(double v) {
        if (Double.isNaN(v)) {
            return nan;
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? positiveInfinity : negativeInfinity;
        }
        if (v == 0) {
            v = 0.0; // −0.0 == 0: written as zero, without a sign
        }
        switch (notation) {
            case SIGNIFICANT:
                return significantDigits(v);
            case FIXED:
                return v != 0 && Math.abs(v) < fixedMin
                        ? significantDigits(v, 2, true)
                        : String.format(Locale.ROOT, pattern, v);
            case LABEL:
                if (v == Math.rint(v) && Math.abs(v) < WHOLE_MAX) {
                    return Long.toString((long) v);
                }
                String s = String.format(Locale.ROOT, pattern, v);
                return s.contains("e") ? s : new BigDecimal(s).stripTrailingZeros().toPlainString();
            default:
                return String.format(Locale.ROOT, pattern, v);
        }
    }

    private String significantDigits(double v) {
        return significantDigits(v, digits, trailingZeros);
    }

    private static String significantDigits(double v, int digits, boolean trailingZeros) {
        if (v == 0) {
            return "0";
        }
        BigDecimal b = new BigDecimal(v).round(new MathContext(digits));
        if (!trailingZeros) {
            b = b.stripTrailingZeros();
        }
        double a = Math.abs(v);
        return a >= PLAIN_MIN && a < PLAIN_MAX ? b.toPlainString() : b.toString();
    }

    @Override
    public String toString() {
        return notation.name().toLowerCase(Locale.ROOT) + "(" + digits + ")";
    }
}
