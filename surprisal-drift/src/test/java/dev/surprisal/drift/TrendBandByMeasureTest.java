// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.data.TableReader;
import dev.surprisal.drift.rules.Alarm;
import dev.surprisal.drift.rules.MonitorCheck;
import dev.surprisal.drift.rules.MonitoredCheck;
import dev.surprisal.drift.rules.TrendRule;
import dev.surprisal.drift.store.DriftStore;
import dev.surprisal.drift.store.StoreUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Review14 #9: the trend band of a check was built from every past decision whatever measure decided it,
 * so a one-off {@code drift check --measure js} put its JS values (bits, several times smaller than PSI
 * for the same shift) into the band of the PSI checks after it. Known truth: orders whose city shares
 * are a third each on 1 to 4 May, 4 May checked by JS; on 5 May Paris has 40% (PSI about 0.01, under the
 * warn band): a spike on the three PSI days, alarmed as it is without the JS check.
 */
class TrendBandByMeasureTest {
    @TempDir
    Path dir;

    private Path day(String name, long seed, double paris) throws IOException {
        return new CityDays(dir).day(name, seed, paris);
    }

    /** The alarms of the 5 May PSI check, with or without a JS check on 4 May before it. */
    private List<String> spikeAlarms(String store, boolean jsCheckOn4May) throws IOException {
        MonitorCheck psi = MonitorCheck.of("orders").withTrend(new TrendRule(3, 30, 3.0));
        StoreUrl url = new CityDays(dir).quietDays(store, psi, List.of("2024-05-01", "2024-05-02", "2024-05-03"));
        if (jsCheckOn4May) {
            MonitoredCheck.Outcome js = psi.withSettings(Map.of("measure", "js"))
                    .run(url, "2024-05-04", TableReader.open(day("2024-05-04", 50, 1.0 / 3)));
            assertThat(js.alarm()).isFalse();
            assertThat(js.report().options().measure()).isEqualTo(Measure.JS);
            try (DriftStore s = DriftStore.openReadOnly(url, MonitorCheck.LOCK_WAIT_MILLIS)) {
                assertThat(s.history("orders", "city")).last().satisfies(p -> {
                    assertThat(p.measure()).isEqualTo(Measure.JS);
                    assertThat(p.decision()).isPositive();
                });
            }
        }
        return psi.run(url, "2024-05-05", TableReader.open(day("2024-05-05", 99, 0.40))).alarms().stream()
                .map(a -> a.kind() + " " + a.message()).toList();
    }

    @Test
    void aOneOffJsCheckLeavesThePsiTrendBandOfTheNextCheckAsItWas() throws IOException {
        List<String> without = spikeAlarms("psi-only.duckdb", false);
        assertThat(without).singleElement().asString().startsWith(Alarm.Kind.TREND + " city: PSI")
                .contains("of 3 points");
        // before: the JS point in the PSI band ("of 4 points", a lower mean and a wider spread)
        assertThat(spikeAlarms("with-js.duckdb", true)).isEqualTo(without);
    }
}
