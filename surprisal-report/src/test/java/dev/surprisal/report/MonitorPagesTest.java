// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.report;

import dev.surprisal.drift.store.HistoryChart;
import dev.surprisal.drift.store.HistoryPoint;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Review13a: the server's monitor page showed when a check alarmed (a red dot) but not why, which
 * {@code drift history} shows per row ("ALARM: W1/std 0.147 >= warn band 0.100"); and its legend did
 * not say how the charts are scaled.
 */
class MonitorPagesTest {
    @Test
    void eachAlarmedCheckIsListedWithItsOwnReasonAndTheLegendSaysTheScale() {
        List<HistoryPoint> h = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            h.add(new HistoryPoint(i + 1, "2024-05-0" + (i + 1), "amount", "OK", 0.01, 0.01, 0.01, 0.01, 0.01, 0.02, 0,
                    false, 1, 0, -1));
        }
        h.add(new HistoryPoint(6, "2024-05-06", "amount", "WARN", 0.04, 0.04, 0.04, 0.04, 0.04, 0.02, 0, true, 1, 0,
                -1, "W1/std 0.147 >= warn band 0.100 <w1-warn>"));
        String page = MonitorPages.monitor("orders", List.of(), HistoryChart.of(h, ZoneOffset.UTC, Map.of()), "PSI",
                "token", Map.of(), 1);
        int section = page.indexOf("<h3>amount");
        String column = page.substring(section, page.indexOf("</section>", section));
        assertThat(column).contains("<ul class=\"alarms\"><li>2024-05-06 (run 6): ALARM: W1/std 0.147 &gt;= warn band "
                + "0.100 &lt;w1-warn&gt;</li></ul>");
        assertThat(column).contains("2024-05-06: ALARM: W1/std 0.147"); // the dot's title too
        assertThat(page).contains("at least its warn band (0.1").contains("twice its noise level, so sampling noise "
                + "reads low");
    }

    /**
     * fixes17: the tables state each number's unit, the history chart's title did not ("History of amount"
     * and an h3 "History (PSI, …)"): it now names what it draws with the unit of the values drawn, which
     * are as stored (KL in nats, JS in bits).
     */
    @Test
    void theHistoryChartsTitleNamesWhatItDrawsWithItsUnit() {
        for (dev.surprisal.drift.Measure m : dev.surprisal.drift.Measure.values()) {
            List<HistoryPoint> h = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                h.add(new HistoryPoint(i + 1, "2024-05-0" + (i + 1), "amount", "OK", 0.01, 0.01, 0.01, 0.01, 0.01, 0.02,
                        0, false, 1, 0, -1, null, m));
            }
            String svg = Svg.history("amount", HistoryChart.of(h, ZoneOffset.UTC, Map.of()));
            String unit = m == dev.surprisal.drift.Measure.KL ? "nats" : m == dev.surprisal.drift.Measure.JS ? "bits"
                    : "unitless";
            assertThat(svg).as(m.name()).contains("<title>History of amount: " + m.label() + " (" + unit + ")</title>")
                    .contains(">" + m.label() + " (" + unit + "); dashed: noise level</text>");
        }
        String html = DriftHtmlReport.render("drift", ReportFixture.report(), ReportFixture.history());
        assertThat(html).contains("<h3>History: PSI (unitless)</h3>").contains(": PSI (unitless)</title>");
    }
}
