// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.drift;

import dev.surprisal.drift.store.HistoryChart;
import dev.surprisal.drift.store.HistoryPoint;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The history's one-line chart, drawn from the library's {@link HistoryChart} as {@code drift history} draws it. */
class SparklineTest {
    /** One run a day from 2026-11-01 over {@code psi}, column amount, leaving out the day {@code skipped} of the month. */
    private static String line(double[] psi, int skipped) {
        List<HistoryPoint> points = new ArrayList<>();
        int day = 1;
        for (int i = 0; i < psi.length; i++, day++) {
            day += day == skipped ? 1 : 0;
            points.add(new HistoryPoint(i + 1, LocalDate.of(2026, 11, day).toString(), "amount", "OK", psi[i], psi[i],
                    psi[i], psi[i], psi[i], 0.05, 0, false, 1, 0, -1));
        }
        HistoryChart chart = HistoryChart.of(points, ZoneOffset.UTC, Map.of("amount", 0.0));
        return Sparkline.of(chart.series("amount", HistoryPoint::psi, 0.1), chart.slots());
    }

    @Test
    void aSchemaChangeOutlierDoesNotFlattenTheRealDriftDays() {
        // audit 11's amount: 14 quiet days, 9 drift days (PSI 0.20-0.83), a renamed column (PSI 15.1)
        double[] psi = new double[24];
        java.util.Arrays.fill(psi, 0, 14, 0.01);
        System.arraycopy(new double[] {0.2, 0.3, 0.4, 0.5, 0.6, 0.83, 0.7, 0.5, 0.3}, 0, psi, 14, 9);
        psi[23] = 15.1;
        // before: every drift day drew as ▁ under the 15.1 point
        String line = line(psi, 0);
        assertThat(line).hasSize(24);
        assertThat(line.charAt(19)).as("0.83, the top of the scale").isEqualTo('█');
        assertThat(line.charAt(14)).isNotEqualTo('▁');
        assertThat(line.charAt(23)).isEqualTo(Sparkline.OFF_SCALE_MARK);
    }

    @Test
    void aSpikeFarAboveTheRestIsSetApartAndAMissingDayIsMarked() {
        // a 10x spike over the warn band floor, the rest far below it: set apart, scaled to the floor (0.1)
        assertThat(line(new double[] {0.005, 0.02, 0.005, 1.5}, 0)).isEqualTo("▁▂▁↑");
        // one spike of 5x the rest is drawn on the scale; 2026-11-03 has no check: a gap mark in its place
        assertThat(line(new double[] {0.1, 0.12, 0.5, 0.11, 0.1}, 3)).isEqualTo("▂▃" + Sparkline.GAP_MARK + "█▃▂");
    }
}
