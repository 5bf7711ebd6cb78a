// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DriftHtmlReportTest {
    @Test
    void everyNameAndLabelFromTheDataIsEscaped() {
        String html = DriftHtmlReport.render("drift <check>", ReportFixture.report(), ReportFixture.history());
        assertThat(html).doesNotContain("<script").doesNotContain("<b>new</b>").doesNotContain("<check>");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(html).containsPattern("New values today: <b>&quot;&lt;b&gt;new&lt;/b&gt;&quot;</b> [0-9.]+% of "
                + "today&#39;s values \\(200 rows\\)");
    }

    @Test
    void theDriftedCountIsThatOfTheScoredColumnsWithCheckedOnesApart() {
        // only the unscored timestamp warns (today lies before the reference): before, "1 of 4 columns drifted"
        dev.surprisal.data.profile.Profile ref = dev.surprisal.data.profile.ProfileBuilder.fit(
                dev.surprisal.data.demo.EventTable.days(1, 30, 200, 2).table(),
                dev.surprisal.data.profile.ProfileOptions.defaults());
        dev.surprisal.drift.DriftReport r = dev.surprisal.drift.DriftScorer.compare(ref,
                dev.surprisal.data.profile.ProfileBuilder.count(ref, dev.surprisal.data.demo.EventTable.days(-9, -5, 200,
                        2).table()), dev.surprisal.drift.DriftOptions.defaults());
        assertThat(DriftHtmlReport.render("split", r, java.util.Map.of())).contains("<p class=\"verdict\">0 of 2 scored "
                + "columns changed (2 more checked, not scored, 1 of them WARN). ");
        // a drifted day: the CLI's count, DRIFT and WARN apart
        assertThat(DriftHtmlReport.render("day", ReportFixture.report(), java.util.Map.of()))
                .contains(">" + ReportFixture.report().summary()).contains("of 3 scored columns changed (");
    }

    @Test
    void pageIsSelfContainedWithChartsPerColumnAndHistory() {
        String html = DriftHtmlReport.render("drift", ReportFixture.report(), ReportFixture.history());
        assertThat(html).doesNotContain("http://cdn", "https://", "<link", "src=\"http");
        assertThat(html.split("class=\"chart histogram\"", -1)).hasSize(4);
        assertThat(html.split("class=\"chart contributions\"", -1)).hasSize(4);
        assertThat(html.split("class=\"chart history\"", -1)).hasSize(2);
        assertThat(html).contains("dataset drift".substring(0, 7), "DRIFT", "extra bits per value");
    }
}
