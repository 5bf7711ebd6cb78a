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
        // three days of history (01-02, 01-03, 01-05) do not yet tell a daily monitor from an irregular one
        Cli afterGap = check(day(5), "2024-01-05");
        assertThat(afterGap.code()).isEqualTo(ExitCode.OK);
        assertThat(afterGap.out()).doesNotContain("no run recorded");
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
                // the reason is what the check stored (amount all missing), not a guess from the PSI's size
                .contains("↑ = off the scale, over 10x the rest (2024-01-07: PSI ")
                .containsPattern(", all missing in this check \\(missing share 0\\.\\d% in the reference, 100% here")
                .doesNotContain("schema change or broken batch?");
        // the flag column was not renamed: its line has the gap and no off-scale point
        assertThat(h.out()).containsPattern("(?m)^  flag\\s+\\S\\S·\\S\\S\\S  last ");

        Cli json = Cli.run("drift", "history", "--monitor", "events", "--store", store(), "--json");
        assertThat(json.out()).contains("\"missing_days\"").contains("\"first\" : \"2024-01-04\"")
                .contains("\"off_scale\" : true").contains("\"off_scale_reason\" : \"all missing in this check");
    }

    @Test
    void theFirstCheckAfterAGapSaysSoInItsJson() {
        baselineOfOneDay();
        check(day(2), "2024-01-02");
        check(day(3), "2024-01-03");
        check(day(4), "2024-01-04");
        // before: the first check after the failed days did not mention them
        Cli text = check(day(6), "2024-01-06");
        assertThat(text.out()).contains("note: no run recorded for 2024-01-05 (a failed or skipped check records "
                + "nothing)");
        check(day(7), "2024-01-07");
        Cli json = Cli.run("drift", "check", "--monitor", "events", "--data", day(9).toString(), "--store", store(),
                "--at", "2024-01-09", "--json");
        assertThat(json.code()).as(json.err()).isEqualTo(ExitCode.OK);
        assertThat(json.out()).contains("\"missing_days_before\"").contains("\"first\" : \"2024-01-08\"")
                .contains("\"days\" : 1").contains("\"note\" : \"no run recorded for 2024-01-08\"");
        // a check with no gap before it says nothing of the kind
        Cli next = check(day(10), "2024-01-10");
        assertThat(next.out()).doesNotContain("no run recorded");
    }

    @Test
    void aReRunKeepsItsDaysPlaceAndSaysWhichRunItReplaced() {
        // audit 11: a re-run of 11-22 became run 30, listed between runs 20 and 22 with nothing said
        baselineOfOneDay();
        check(day(2), "2024-01-02");
        check(day(3), "2024-01-03");
        check(day(4), "2024-01-04");
        Cli rerun = check(day(3), "2024-01-03");
        // run 4 is the store's fourth run; the monitor has three checks, the re-run having replaced run 2
        assertThat(rerun.out()).containsPattern("run 4 recorded in .*: monitor 'events' at 2024-01-03; 3 checks against "
                + "baseline version 1 so far; replaced run 2");
        Cli h = Cli.run("drift", "history", "--monitor", "events", "--store", store());
        assertThat(h.out()).containsPattern("(?m)^2024-01-02\\s+1\\s")
                .containsPattern("(?m)^2024-01-03\\s+4\\s.*re-run: replaced run 2$")
                .containsPattern("(?m)^2024-01-04\\s+3\\s");
        assertThat(h.out().indexOf("re-run")).isEqualTo(h.out().lastIndexOf("re-run")); // once, on the run's first row
        Cli json = Cli.run("drift", "history", "--monitor", "events", "--store", store(), "--json");
        assertThat(json.out()).contains("\"replaced_run_id\" : 2");
    }

    @Test
    void aReSentBatchAgainstAOneDayReferenceSaysTheStaleCheckDidNotRun() {
        // before: OK, exit 0, and the roles line said "checked for ... stale values" with nothing else
        baselineOfOneDay();
        check(day(2), "2024-01-02");
        Cli resent = check(day(2), "2024-01-03");
        assertThat(resent.out()).contains("note: ts: the stale-data check (re-sent or replayed batch) did not run")
                .contains("It runs when the baseline covers several batches")
                .contains("re-sent batches (when the baseline covers several batches)");
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
        assertThat(r.out()).as(r.err()).contains("recorded in").containsAnyOf("the first check of monitor 'events' "
                + "against baseline version 1, at " + before + "\n", "against baseline version 1, at " + after + "\n");
    }
}
