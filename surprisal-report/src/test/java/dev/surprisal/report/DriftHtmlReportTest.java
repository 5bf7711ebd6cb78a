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
        assertThat(html).contains("New values today: <b>&lt;b&gt;new&lt;/b&gt;</b> 200 rows");
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
