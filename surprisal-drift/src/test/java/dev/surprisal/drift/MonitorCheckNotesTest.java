// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.data.TableReader;
import dev.surprisal.data.profile.ProfileBuilder;
import dev.surprisal.data.profile.ProfileOptions;
import dev.surprisal.drift.rules.MonitorCheck;
import dev.surprisal.drift.rules.MonitoredCheck;
import dev.surprisal.drift.store.DriftStore;
import dev.surprisal.drift.store.StoreUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library's outcome of a check carries what the user should read beside the scores, so the
 * command line, the server and a Java program say it alike: the days with no run before the check
 * (from the runs' times: a run left out of the history is a day checked), and what it was compared
 * with. Known truth: daily batches of the same orders (resampled), 4 May never checked.
 */
class MonitorCheckNotesTest {
    @TempDir
    Path dir;

    private Path day(String name, long seed, double shift) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder("order_id,amount,is_fraud\n");
        for (int i = 0; i < 3000; i++) {
            b.append(seed * 1_000_000 + i).append(',').append(String.format(Locale.ROOT, "%.2f",
                    50 + 10 * (r.nextGaussian() + shift))).append(',').append(r.nextDouble() < 0.03 ? 1 : 0).append('\n');
        }
        return Files.writeString(dir.resolve(name + ".csv"), b);
    }

    @Test
    void theFirstCheckAfterAFailedDaySaysSoAndAnExcludedRunIsNoMissingDay() throws IOException {
        StoreUrl url = StoreUrl.parse(dir.resolve("drift.duckdb").toString());
        try (DriftStore s = DriftStore.open(url, true, MonitorCheck.LOCK_WAIT_MILLIS)) {
            s.saveBaseline("orders", ProfileBuilder.fit(TableReader.open(day("ref", 1, 0)), ProfileOptions.defaults()));
        }
        MonitorCheck check = MonitorCheck.of("orders");
        long seed = 2;
        for (String d : List.of("2024-05-01", "2024-05-02", "2024-05-03")) {
            MonitoredCheck.Outcome o = check.run(url, d, TableReader.open(day(d, seed++, 0)));
            assertThat(o.missingDaysBefore()).as(d).isNull();
            assertThat(o.alarm()).as(d + " is resampled").isFalse();
            assertThat(o.notes()).as(d).isEmpty();
        }
        MonitoredCheck.Outcome after = check.run(url, "2024-05-05", TableReader.open(day("2024-05-05", seed++, 0)));
        assertThat(after.missingDaysBefore()).isNotNull();
        assertThat(after.missingDaysBefore().first()).hasToString("2024-05-04");
        assertThat(after.missingDaysBefore().days()).isEqualTo(1);
        assertThat(after.notes()).containsExactly("no run recorded for 2024-05-04 (a failed or skipped check records "
                + "nothing); this check is compared with the baseline as always");

        // 6 May checked, then left out of the history (a partial load, the server's exclusion): 7 May's check has
        // no missing day, since 6 May was checked; nor is 6 May the batch before 7 May
        MonitoredCheck.Outcome sixth = check.run(url, "2024-05-06", TableReader.open(day("2024-05-06", seed++, 0)));
        try (DriftStore s = DriftStore.open(url, false, MonitorCheck.LOCK_WAIT_MILLIS)) {
            MonitorCheck.Baseline b = check.baseline(s, "2024-05-07", Set.of(sixth.runId()));
            MonitoredCheck.Outcome seventh = check.record(s, "2024-05-07", b, ProfileBuilder.count(b.reference(),
                    TableReader.open(day("2024-05-07", seed++, 0))), null, Set.of(sixth.runId()));
            assertThat(seventh.missingDaysBefore()).isNull();
            assertThat(seventh.schema()).as("a profile without its file's columns: no schema change known").isNull();
            assertThat(b.description()).isEqualTo("baseline version 1");
        }
    }

    @Test
    void aRollingCheckIsComparedWithTheBatchesBeforeItOnTheCommandLineAsOnTheServer() throws IOException {
        StoreUrl url = StoreUrl.parse(dir.resolve("rolling.duckdb").toString());
        try (DriftStore s = DriftStore.open(url, true, MonitorCheck.LOCK_WAIT_MILLIS)) {
            s.saveBaseline("orders", ProfileBuilder.fit(TableReader.open(day("ref", 1, 0)), ProfileOptions.defaults()));
        }
        MonitorCheck rolling = MonitorCheck.of("orders").withRolling(2);
        // the amounts moved 0.5 sd on 1 May and stay there: against the baseline every day drifts, against the
        // days before it (rolling) the second and third days do not
        assertThat(amount(rolling.run(url, "2024-05-01", TableReader.open(day("d1", 2, 0.5)))))
                .isEqualTo(Status.DRIFT);
        MonitoredCheck.Outcome second = rolling.run(url, "2024-05-02", TableReader.open(day("d2", 3, 0.5)));
        assertThat(amount(second)).isEqualTo(Status.OK);
        try (DriftStore s = DriftStore.open(url, false, MonitorCheck.LOCK_WAIT_MILLIS)) {
            assertThat(rolling.baseline(s, "2024-05-03").description()).isEqualTo("rolling: the 2 windows 2024-05-01, "
                    + "2024-05-02 (of 2 asked), on the bins of baseline version 1");
            assertThat(MonitorCheck.of("orders").baseline(s, "2024-05-03").description())
                    .isEqualTo("baseline version 1");
        }
    }

    private static Status amount(MonitoredCheck.Outcome o) {
        return o.report().columns().stream().filter(c -> c.name().equals("amount")).findFirst().orElseThrow().status();
    }
}
