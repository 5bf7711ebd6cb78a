// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.file;

import java.util.Locale;

/**
 * From how many bytes each of ent's randomness statistics ({@link EntAnalysis}) means something, and why it is
 * undefined below: the one rule {@code surprisal file} shows them by, in text ("undefined: …") and in JSON (null
 * with a reason). {@code ent} itself prints a value whatever the size (a p-value from 1 byte, π = 4 from one point);
 * {@link EntAnalysis#report()} and {@link EntAnalysis#terse()} still print exactly that, since they are ent's output.
 *
 * <p>The rule is the one of every counted test in this project: a statistic that compares counts with what random
 * bytes would give is used only where every count it compares has at least 5 expected (the textbook condition of
 * the χ² and normal approximations; the same rule withholds {@code mi}'s G-test p-value):
 * <ul>
 *   <li><b>χ² p-value</b>: 5 expected of each of the 256 byte values, so {@value #CHI_SQUARE_P_BYTES} bytes. The χ²
 *       statistic itself is the file's own number and is always given.</li>
 *   <li><b>Monte Carlo π</b>: 5 expected points both inside and outside the quarter circle (random points fall
 *       outside with probability 1 − π/4 = 0.215), so {@value #MONTE_CARLO_POINTS} points of 6 bytes,
 *       {@value #MONTE_CARLO_BYTES} bytes. With fewer, one point more or less moves the estimate by 0.17 or more:
 *       from 6 bytes (one point) it can only be 0 or 4.</li>
 *   <li><b>Serial correlation</b> (lag 1, circular): {@value #SERIAL_CORRELATION_BYTES} bytes. From 2 or 3 bytes
 *       it is −1 or −0.5 whatever the bytes are (an identity of the circular sums), so it says nothing about
 *       them; and it is undefined when every byte is equal (no variance), as ent says.</li>
 * </ul>
 * The order-0 entropy and the arithmetic mean describe the bytes as they are and are given from 1 byte.
 */
public final class EntSmallFiles {
    /** Bytes from which the χ² p-value is given: 5 expected of each of 256 byte values. */
    public static final long CHI_SQUARE_P_BYTES = 5 * 256;
    /** Monte Carlo points (6 bytes each) from which π is estimated: 5 expected outside the quarter circle. */
    public static final long MONTE_CARLO_POINTS = 24;
    /** Bytes from which π is estimated: {@value #MONTE_CARLO_POINTS} points of 6 bytes. */
    public static final long MONTE_CARLO_BYTES = 6 * MONTE_CARLO_POINTS;
    /** Bytes from which the circular serial correlation depends on the bytes. */
    public static final long SERIAL_CORRELATION_BYTES = 4;

    private EntSmallFiles() {
    }

    /**
     * Why the χ² p-value of {@code e} is not given, or null when it is.
     *
     * @param e an analysis
     * @return the reason, starting "undefined: ", or null
     */
    public static String chiSquareP(EntAnalysis e) {
        return e.bytes() >= CHI_SQUARE_P_BYTES ? null : String.format(Locale.ROOT, "undefined: %,d byte%s, fewer than"
                + " %,d (the chi-square tail needs 5 expected of each of the 256 byte values)", e.bytes(),
                e.bytes() == 1 ? "" : "s", CHI_SQUARE_P_BYTES);
    }

    /**
     * Why the Monte Carlo π of {@code e} is not given, or null when it is.
     *
     * @param e an analysis
     * @return the reason, starting "undefined: ", or null
     */
    public static String monteCarloPi(EntAnalysis e) {
        long points = e.bytes() / 6;
        return points >= MONTE_CARLO_POINTS ? null : String.format(Locale.ROOT, "undefined: %,d point%s of 6 bytes"
                        + " from %,d byte%s; an estimate needs %d points (%d bytes), 5 expected outside the circle",
                points, points == 1 ? "" : "s", e.bytes(), e.bytes() == 1 ? "" : "s", MONTE_CARLO_POINTS,
                MONTE_CARLO_BYTES);
    }

    /**
     * Why the serial correlation of {@code e} is not given, or null when it is.
     *
     * @param e an analysis
     * @return the reason, starting "undefined: ", or null
     */
    public static String serialCorrelation(EntAnalysis e) {
        if (e.bytes() < SERIAL_CORRELATION_BYTES) {
            return String.format(Locale.ROOT, "undefined: fewer than %d bytes (from 2 or 3 bytes the circular"
                    + " correlation is -1 or -0.5 whatever the bytes)", SERIAL_CORRELATION_BYTES);
        }
        return e.serialCorrelationDefined() ? null : "undefined: all byte values are equal";
    }
}
