// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.core;

import java.util.Locale;

/**
 * The base of the logarithm, which fixes the unit of an information quantity.
 *
 * <p>A value computed in nats (natural log) converts to base {@code b} by dividing by {@code ln b}:
 * {@code H_b = H_nats / ln b}. The core API computes in nats internally and converts once at the
 * end, so every measure that takes a {@code Base} is exactly {@code nats / base.lnBase()}.
 *
 * <ul>
 *   <li>{@link #BITS}: base 2, the unit of a binary code (one fair coin flip is 1 bit);</li>
 *   <li>{@link #NATS}: base e, the unit scipy uses by default;</li>
 *   <li>{@link #BANS}: base 10 (also called hartleys or dits).</li>
 * </ul>
 *
 * <p>Instances are immutable; use {@link #of(double)} or {@link #parse(String)} for other bases.
 */
public final class Base {
    /** Base 2; unit "bits". */
    public static final Base BITS = new Base(2.0, "bits");
    /** Base e; unit "nats". */
    public static final Base NATS = new Base(Math.E, "nats");
    /** Base 10; unit "bans". */
    public static final Base BANS = new Base(10.0, "bans");

    private final double base;
    private final double lnBase;
    private final String unit;

    private Base(double base, String unit) {
        this.base = base;
        this.lnBase = base == Math.E ? 1.0 : Math.log(base);
        this.unit = unit;
    }

    /**
     * The base {@code b}; 2, e and 10 return the named constants.
     *
     * @param b the base of the logarithm, finite and greater than 1
     * @return the unit of logarithms to base {@code b}
     * @throws ValidationException if {@code b} is not finite or not greater than 1
     */
    public static Base of(double b) {
        if (!(b > 1.0) || !Double.isFinite(b)) {
            throw new ValidationException("base: must be a finite number > 1, got " + b);
        }
        if (b == 2.0) {
            return BITS;
        }
        if (b == Math.E) {
            return NATS;
        }
        if (b == 10.0) {
            return BANS;
        }
        return new Base(b, "log" + format(b) + " units");
    }

    /**
     * Parses {@code 2|bits|bit}, {@code e|nats|nat}, {@code 10|bans|ban|hartleys} or any number greater than 1.
     *
     * @param text the unit as typed (case and surrounding spaces ignored)
     * @return the unit
     * @throws ValidationException naming the text when it is none of these, or when it is null
     */
    public static Base parse(String text) {
        Validate.notNull("base", text);
        String t = text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "2": case "bit": case "bits": case "shannon": case "shannons":
                return BITS;
            case "e": case "nat": case "nats":
                return NATS;
            case "10": case "ban": case "bans": case "hartley": case "hartleys": case "dit": case "dits":
                return BANS;
            default:
                break;
        }
        final double b;
        try {
            b = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new ValidationException("base: expected 2, e, 10, bits, nats, bans or a number > 1, got '" + text + "'");
        }
        return of(b);
    }

    /**
     * The numeric base b.
     *
     * @return b, greater than 1
     */
    public double base() {
        return base;
    }

    /**
     * The natural logarithm of the base.
     *
     * @return ln b, the divisor that turns nats into this unit
     */
    public double lnBase() {
        return lnBase;
    }

    /**
     * The unit's name.
     *
     * @return the name in plural, e.g. "bits", "nats", "bans" or "log3 units"
     */
    public String unit() {
        return unit;
    }

    /**
     * Converts a quantity in nats into this unit. Infinite values stay infinite.
     *
     * @param nats a quantity in nats
     * @return the same quantity in this unit: nats / ln b
     */
    public double fromNats(double nats) {
        return lnBase == 1.0 ? nats : nats / lnBase;
    }

    /**
     * Converts a quantity in this unit into nats.
     *
     * @param value a quantity in this unit
     * @return the same quantity in nats: value · ln b
     */
    public double toNats(double value) {
        return lnBase == 1.0 ? value : value * lnBase;
    }

    /**
     * The logarithm to this base.
     *
     * @param x a positive number
     * @return log_b(x) (−∞ at 0, NaN below)
     */
    public double log(double x) {
        return fromNats(Math.log(x));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Base && Double.compare(((Base) o).base, base) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(base);
    }

    @Override
    public String toString() {
        return unit;
    }

    private static String format(double b) {
        return b == Math.rint(b) ? Long.toString((long) b) : Double.toString(b);
    }
}
