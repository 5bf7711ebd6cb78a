// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.drift;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SparklineTest {
    @Test
    void aSchemaChangeOutlierDoesNotFlattenTheRealDriftDays() {
        // audit 11's amount: 14 quiet days, 9 drift days (PSI 0.20-0.83), a renamed column (PSI 15.1)
        double[] psi = new double[24];
        for (int i = 0; i < 14; i++) {
            psi[i] = 0.01;
        }
        double[] drift = {0.2, 0.3, 0.4, 0.5, 0.6, 0.83, 0.7, 0.5, 0.3};
        System.arraycopy(drift, 0, psi, 14, drift.length);
        psi[23] = 15.1;
        // before: every drift day drew as ▁ under the 15.1 point
        String line = Sparkline.of(psi, 0.1);
        assertThat(line.charAt(19)).isEqualTo('█');
        assertThat(line.charAt(14)).isNotEqualTo('▁');
        assertThat(line.charAt(23)).isEqualTo(Sparkline.OFF_SCALE_MARK);
        Sparkline.Chart c = Sparkline.chart(psi, 0.1);
        assertThat(c.offScale()).containsExactly(23);
        assertThat(c.top()).isEqualTo(0.83);
    }

    @Test
    void aRealSpikeOrARiseForGoodStaysOnTheScale() {
        // one spike of 5x the rest is drawn, not set apart
        assertThat(Sparkline.chart(new double[] {0.1, 0.12, 0.5, 0.11, 0.1}, 0.1).offScale()).isEmpty();
        // a series at 0.01 then at 2 for good: more than a quarter is high, so nothing is left out
        assertThat(Sparkline.chart(new double[] {0.01, 0.01, 0.01, 2, 2, 2}, 0.1).offScale()).isEmpty();
        // a 10x spike over the warn band floor, the rest far below it: set apart, scaled to the floor
        Sparkline.Chart c = Sparkline.chart(new double[] {0.005, 0.02, 0.005, 1.5}, 0.1);
        assertThat(c.offScale()).isEqualTo(List.of(3));
        assertThat(c.top()).isEqualTo(0.1);
        assertThat(c.line()).isEqualTo("▁▂▁↑");
    }
}
