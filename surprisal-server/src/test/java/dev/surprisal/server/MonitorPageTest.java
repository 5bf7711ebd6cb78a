// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitor page shows, per column, the last check's largest KL contributions and its new values
 * (known truth: the demo's drifted day has a new country, SE, in 5% of the orders), and after a new
 * baseline says that the history restarts at it instead of showing an empty section.
 */
class MonitorPageTest {
    @Test
    void lastFindingsPerColumnAndARestartedHistoryAreShown(@TempDir Path dir) throws Exception {
        try (TestServer t = new TestServer(dir, 1500, 4, c -> c.withPublic(true, false), Clock.systemUTC())) {
            assertThat(t.post("/api/v1/monitors/orders/checks", t.writeToken, "{\"window\":\"2024-05-04\"}")
                    .statusCode()).isEqualTo(200);
            String page = t.get("/monitors/orders", null).body();
            int country = page.indexOf("<h3>country");
            assertThat(country).isNotNegative();
            String section = page.substring(country, page.indexOf("</section>", country));
            // SE is new: the reference's share there is ~0, so its KL(reference || window) term is ~0, and the
            // largest terms are the old countries whose share fell; the new value is named on its own line
            assertThat(section).containsPattern("largest contributions to KL\\(reference ‖ window\\), nats: "
                    + "(US|DE|FR|GB|ES|IT|NL) \\d")
                    .containsPattern("New values \\(the reference had none\\): SE \\(\\d+ rows\\)");
            assertThat(page).doesNotContain("history-restart");

            assertThat(t.post("/api/v1/monitors/orders/baselines", t.writeToken, "{}").statusCode()).isEqualTo(201);
            String after = t.get("/monitors/orders", null).body();
            assertThat(after).contains("History restarts at baseline v2: no check against it yet.");
        }
    }
}
