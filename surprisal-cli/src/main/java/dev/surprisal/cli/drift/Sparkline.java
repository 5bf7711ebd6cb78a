// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.drift;

/**
 * A one-line chart of a series with the eight block characters ▁▂▃▄▅▆▇█, scaled from 0 (a
 * divergence's floor) to the series maximum or a floor such as the warn band, whichever is larger,
 * so a flat low line means "no drift", not "noise magnified". Missing values (NaN) print as a space.
 */
final class Sparkline {
    private static final char[] BLOCKS = "▁▂▃▄▅▆▇█".toCharArray();

    private Sparkline() {
    }

    static String of(double[] values) {
        return of(values, 0);
    }

    /** Scaled to the larger of the series maximum and {@code floor}, so values far below it stay low. */
    static String of(double[] values, double floor) {
        double max = floor;
        for (double v : values) {
            if (Double.isFinite(v)) {
                max = Math.max(max, v);
            }
        }
        StringBuilder b = new StringBuilder(values.length);
        for (double v : values) {
            if (!Double.isFinite(v)) {
                b.append(Double.isNaN(v) ? ' ' : BLOCKS[BLOCKS.length - 1]);
            } else if (max <= 0) {
                b.append(BLOCKS[0]);
            } else {
                int i = (int) Math.round(Math.max(0, v) / max * (BLOCKS.length - 1));
                b.append(BLOCKS[i]);
            }
        }
        return b.toString();
    }
}
