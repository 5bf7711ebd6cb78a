// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.drift;

import dev.surprisal.drift.store.HistoryChart;

import java.util.List;

/**
 * A one-line chart of a series with the eight block characters ▁▂▃▄▅▆▇█, scaled from 0 (a
 * divergence's floor) to the series maximum or a floor such as the warn band, whichever is larger,
 * so a flat low line means "no drift", not "noise magnified". Missing values (NaN) print as a space.
 *
 * <p>Points off the scale ({@link HistoryChart#offScale}: the library's one rule, which the server's
 * chart uses too) are drawn as {@value #OFF_SCALE_MARK} and left out of the scale; a day with no run
 * recorded on a history's timeline is drawn as {@value #GAP_MARK}.
 */
final class Sparkline {
    /** The mark of a point drawn off the scale. */
    static final char OFF_SCALE_MARK = '↑';
    /** The mark of a day with no check recorded. */
    static final char GAP_MARK = '·';
    private static final char[] BLOCKS = "▁▂▃▄▅▆▇█".toCharArray();

    private Sparkline() {
    }

    /**
     * A history series on its timeline: its off-scale points as the library found them, missing days as
     * {@link #GAP_MARK}.
     *
     * @param series the column's series
     * @param slots  the timeline it lies on
     * @return the line, one character per slot
     */
    static String of(HistoryChart.Series series, List<HistoryChart.Slot> slots) {
        char[] line = draw(series.values(), series.top(), series.offScale().stream()
                .map(HistoryChart.OffScalePoint::slot).toList()).toCharArray();
        for (int i = 0; i < line.length; i++) {
            if (slots.get(i).missing()) {
                line[i] = GAP_MARK;
            }
        }
        return new String(line);
    }

    private static String draw(double[] values, double max, List<Integer> off) {
        StringBuilder b = new StringBuilder(values.length);
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (off.contains(i)) {
                b.append(OFF_SCALE_MARK);
            } else if (!Double.isFinite(v)) {
                b.append(Double.isNaN(v) ? ' ' : BLOCKS[BLOCKS.length - 1]);
            } else if (max <= 0) {
                b.append(BLOCKS[0]);
            } else {
                int i2 = (int) Math.round(Math.min(1, Math.max(0, v) / max) * (BLOCKS.length - 1));
                b.append(BLOCKS[i2]);
            }
        }
        return b.toString();
    }
}
