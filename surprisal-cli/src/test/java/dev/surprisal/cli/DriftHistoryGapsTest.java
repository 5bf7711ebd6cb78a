// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import dev.surprisal.data.demo.EventTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a user reads over weeks of daily checks (audit 11): a failed day is a visible gap, a schema
 * change does not flatten the real drift days, and a stale-data check that could not run says so.
 */
class DriftHistoryGapsTest {
    private static final int PER_DAY = 300;

    @TempDir
    Path dir;

    private String store() {
        return dir.resolve("drift.duckdb").toString();
    }

    private void baselineOfOneDay() {
        Path ref = EventTable.days(1, 1, PER_DAY, 5).writeCsv(dir.resolve("day1.csv"));
        Cli b = Cli.run("drift", "baseline", "--monitor", "events", "--data", ref.toString(), "--store", store());
        assertThat(b.code()).as(b.out() + b.err()).isEqualTo(ExitCode.OK);
    }

    private Cli check(Path file, String at) {
        return Cli.run("drift", "check", "--monitor", "events", "--data", file.toString(), "--store", store(),
                "--at", at);
    }

    private Path day(int day) {
        return EventTable.days(day, day, PER_DAY, 5).writeCsv(dir.resolve("day" + day + ".csv"));
    }

    @Test
    void aFailedDayIsAGapInTheHistoryAndASchemaChangeIsDrawnOffTheScale() throws IOException {
        // before: the history went from 01-03 to 01-05 with no mark, and the renamed column's PSI (~15)
        // drew every other point as ▁
        baselineOfOneDay();
        assertThat(check(day(2), "2024-01-02").code()).isEqualTo(ExitCode.OK);
        assertThat(check(day(3), "2024-01-03").code()).isEqualTo(ExitCode.OK);
        Path empty = Files.writeString(dir.resolve("day4.csv"), "");
        assertThat(check(empty, "2024-01-04").code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(check(day(5), "2024-01-05").code()).isEqualTo(ExitCode.OK);
        assertThat(check(day(6), "2024-01-06").code()).isEqualTo(ExitCode.OK);
        Path renamed = dir.resolve("day7-renamed.csv");
        String text = Files.readString(day(7));
        Files.writeString(renamed, text.replaceFirst("amount", "amount_eur"));
        Cli schema = check(renamed, "2024-01-07");
        assertThat(schema.code()).as(schema.out() + schema.err()).isEqualTo(ExitCode.ALARM);

        Cli h = Cli.run("drift", "history", "--monitor", "events", "--store", store());
        assertThat(h.code()).isEqualTo(ExitCode.OK);
        assertThat(h.out()).containsPattern("(?m)^2024-01-04\\s+-\\s+no check recorded on this day")
                .contains("· = a day with no check recorded")
                // amount: 01-02, 01-03, gap, 01-05, 01-06, then the renamed day off the scale
                .containsPattern("(?m)^  amount\\s+\\S\\S·\\S\\S↑  last ")
                .contains("↑ = off the scale (").contains(" at 2024-01-07, over 10x the rest");
        // the flag column was not renamed: its line has the gap and no off-scale point
        assertThat(h.out()).containsPattern("(?m)^  flag\\s+\\S\\S·\\S\\S\\S  last ");

        Cli json = Cli.run("drift", "history", "--monitor", "events", "--store", store(), "--json");
        assertThat(json.out()).contains("\"missing_days\"").contains("\"first\" : \"2024-01-04\"");
    }

    @Test
    void aReSentBatchAgainstAOneDayReferenceSaysTheStaleCheckDidNotRun() {
        // before: OK, exit 0, and the roles line said "checked for ... stale values" with nothing else
        baselineOfOneDay();
        check(day(2), "2024-01-02");
        Cli resent = check(day(2), "2024-01-03");
        assertThat(resent.out()).contains("note: ts: the stale-data check (re-sent or replayed batch) did not run")
                .contains("It runs when the baseline covers several batches")
                .contains("stale values (when the baseline covers several batches)");
    }

    @Test
    void aCheckWithoutAtIsFiledUnderTodayInUtcWhateverTheMachinesZone() {
        // before: LocalDate.now() in the machine's zone, while the store's day rule is UTC
        baselineOfOneDay();
        // a zone whose date differs from UTC's now: 14 hours ahead after noon UTC, 12 behind before
        String zone = ZonedDateTime.now(ZoneOffset.UTC).getHour() >= 12 ? "Pacific/Kiritimati" : "Etc/GMT+12";
        TimeZone saved = TimeZone.getDefault();
        LocalDate before = LocalDate.now(ZoneOffset.UTC);
        Cli r;
        try {
            TimeZone.setDefault(TimeZone.getTimeZone(zone));
            assertThat(LocalDate.now()).isNotEqualTo(before);
            r = Cli.run("drift", "check", "--monitor", "events", "--data", day(2).toString(), "--store", store());
        } finally {
            TimeZone.setDefault(saved);
        }
        LocalDate after = LocalDate.now(ZoneOffset.UTC);
        assertThat(r.out()).as(r.err()).containsAnyOf(" at " + before + " recorded", " at " + after + " recorded");
    }
}
