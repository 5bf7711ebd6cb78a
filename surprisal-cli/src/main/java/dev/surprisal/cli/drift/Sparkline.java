// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.drift;

import java.util.ArrayList;
import java.util.List;

/**
 * A one-line chart of a series with the eight block characters ▁▂▃▄▅▆▇█, scaled from 0 (a
 * divergence's floor) to the series maximum or a floor such as the warn band, whichever is larger,
 * so a flat low line means "no drift", not "noise magnified". Missing values (NaN) print as a space.
 *
 * <p>A point more than {@value #OFF_SCALE} times the largest of the others (and the floor) is drawn as
 * {@value #OFF_SCALE_MARK} and left out of the scale: a renamed column scored as all missing (PSI 15)
 * would otherwise flatten every real drift day (PSI 0.2 to 0.8) to ▁. At most a quarter of the points
 * are left out, so a series that rises for good is scaled to its own level.
 */
final class Sparkline {
    /** How many times the rest of the series a point must be to be drawn off the scale. */
    static final double OFF_SCALE = 10;
    /** The mark of a point drawn off the scale. */
    static final char OFF_SCALE_MARK = '↑';
    private static final char[] BLOCKS = "▁▂▃▄▅▆▇█".toCharArray();

    private Sparkline() {
    }

    /**
     * A drawn series.
     *
     * @param line     the chart, one character per point
     * @param top      the value drawn as █
     * @param offScale the indices of the points drawn as {@link #OFF_SCALE_MARK}, left out of the scale
     */
    record Chart(String line, double top, List<Integer> offScale) {
    }

    static String of(double[] values) {
        return of(values, 0);
    }

    /** Scaled to the larger of the series maximum and {@code floor}, so values far below it stay low. */
    static String of(double[] values, double floor) {
        return chart(values, floor).line();
    }

    /**
     * The chart scaled to the larger of {@code floor} and the series maximum without its off-scale points.
     *
     * @param values the series (NaN: no value)
     * @param floor  the least value drawn as █, e.g. the warn band
     * @return the chart, its top and its off-scale points
     */
    static Chart chart(double[] values, double floor) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (Double.isFinite(values[i])) {
                order.add(i);
            }
        }
        order.sort((a, b) -> Double.compare(values[b], values[a]));
        // the fewest largest points (at most a quarter) that tower over everything below them
        int k = 0;
        for (int cut = 1; cut <= order.size() / 4 && k == 0; cut++) {
            if (values[order.get(cut - 1)] > OFF_SCALE * Math.max(floor, values[order.get(cut)])) {
                k = cut;
            }
        }
        List<Integer> off = new ArrayList<>(order.subList(0, k));
        double max = floor;
        for (int j = k; j < order.size(); j++) {
            max = Math.max(max, values[order.get(j)]);
        }
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
        off.sort(null);
        return new Chart(b.toString(), max, List.copyOf(off));
    }
}
