// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.rules;

import dev.surprisal.drift.store.HistoryPoint;

import java.util.List;

/**
 * Spike detection on a column's own history of the deciding measure, after Deequ's
 * {@code OnlineNormalStrategy}: today alarms when its value exceeds mean + {@code sigmas}·σ of the
 * last {@code window} points that did not alarm themselves (earlier alarms would inflate the
 * band: deequ#531), once at least {@code minHistory} such points exist, and when the value is also
 * beyond its sampling-noise critical value (a spike within noise is not worth waking anyone).
 */
public record TrendRule(int minHistory, int window, double sigmas) {
    /**
     * @return 7 points at least, a window of 30, 3 sigma
     */
    public static TrendRule defaults() {
        return new TrendRule(7, 30, 3.0);
    }

    /**
     * The upper band from {@code history} (oldest first), or NaN when the history is too short.
     *
     * @param history the column's history, oldest first
     * @return mean + sigmas·σ of the last window of non-alarmed finite points, or NaN with fewer than minHistory
     */
    public double upperBand(List<HistoryPoint> history) {
        double[] v = history.stream().filter(h -> !h.alarmed() && Double.isFinite(h.decision()))
                .mapToDouble(HistoryPoint::decision).toArray();
        if (v.length < minHistory) {
            return Double.NaN;
        }
        int from = Math.max(0, v.length - window);
        int n = v.length - from;
        double mean = 0;
        for (int i = from; i < v.length; i++) {
            mean += v[i];
        }
        mean /= n;
        double ss = 0;
        for (int i = from; i < v.length; i++) {
            ss += (v[i] - mean) * (v[i] - mean);
        }
        double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0.0;
        return mean + sigmas * sd;
    }

    /**
     * True when {@code value} spikes above the band and is beyond noise ({@code critical}).
     *
     * @param value today's deciding measure
     * @param critical its sampling-noise critical value
     * @param history the column's history, oldest first
     * @return true when value exceeds the band and is at least the critical value
     */
    public boolean fires(double value, double critical, List<HistoryPoint> history) {
        double band = upperBand(history);
        return Double.isFinite(band) && value > band && value >= critical;
    }
}
