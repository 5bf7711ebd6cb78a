// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's history (the monitor page's chart and {@code /history}) follows the rules the CLI's
 * {@code drift history} does (audit 11, defects 6 and 7): a window with no check recorded is shown as
 * such, and a column absent from a window's file is drawn off the scale for that reason, so the other
 * windows keep their scale.
 */
class HistoryChartPageTest {
    @Test
    void aMissingWindowAndAnAbsentColumnAreShownOnThePageAndInTheJson(@TempDir Path dir) throws Exception {
        try (TestServer t = new TestServer(dir, 600, 5, c -> c.withPublic(true, false), Clock.systemUTC())) {
            // 2024-05-05's file lacks 'country' (renamed): scored as all missing
            Path renamed = t.demo.dir().resolve("data/orders-2024-05-05.csv");
            String text = Files.readString(renamed);
            Files.writeString(renamed, text.replaceFirst("country", "country_code"));
            for (String day : new String[] {"2024-05-01", "2024-05-02", "2024-05-03", "2024-05-05"}) {
                assertThat(t.post("/api/v1/monitors/orders/checks", t.writeToken, "{\"window\":\"" + day + "\"}")
                        .statusCode()).as(day).isEqualTo(200);
            }
            JsonNode h = ReportJson.MAPPER.readTree(t.get("/api/v1/monitors/orders/history", t.writeToken).body());
            // before: no missing_days, and no point was set apart from the scale
            assertThat(h.path("missing_days")).hasSize(1);
            assertThat(h.path("missing_days").get(0).path("first").asText()).isEqualTo("2024-05-04");
            JsonNode off = null;
            // review13a: each point names the measure its check decided on, as stored, with its unit
            assertThat(h.path("measure").asText()).isEqualTo("PSI");
            for (JsonNode p : h.path("points")) {
                assertThat(p.path("measure").asText()).as(p.toString()).isEqualTo("PSI");
                assertThat(p.path("decision_unit").asText()).isEqualTo("unitless");
                if (p.path("off_scale").asBoolean(false)) {
                    assertThat(off).as("one off-scale point").isNull();
                    off = p;
                }
            }
            assertThat(off).isNotNull();
            assertThat(off.path("column").asText()).isEqualTo("country");
            assertThat(off.path("at").asText()).startsWith("2024-05-05");
            assertThat(off.path("off_scale_reason").asText()).startsWith("all missing in this check");

            String page = t.get("/monitors/orders", null).body();
            int country = page.indexOf("<h3>country");
            String section = page.substring(country, page.indexOf("</section>", country));
            assertThat(section).contains("class=\"gap\"").contains("2024-05-04: no check recorded")
                    .contains("class=\"offscale\"").contains("all missing in this check");
            // fixes17: the charts' titles name the measure drawn with its unit, as the tables' headers do
            assertThat(page).contains("Columns: PSI (unitless) over time");
            assertThat(section).contains("<title>History of country: PSI (unitless)</title>");
        }
    }
}
