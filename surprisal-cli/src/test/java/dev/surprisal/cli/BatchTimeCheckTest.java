// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A monitor's batch time through {@code drift check}, known truth from audit15 (t3): a reference of 30 days of
 * orders written in {@code Z}; a day's batch and the same rows re-written in {@code +09:00} (a replay), an
 * hour in {@code +09:00} then the next hour in {@code Z} (newer), a writer switching to {@code +02:00}, a
 * batch ten weeks old checked with and without {@code --max-lag}, and epoch seconds in the reasons.
 */
class BatchTimeCheckTest {
    @TempDir
    Path dir;

    private static final Instant REF_START = Instant.parse("2026-03-15T00:00:00Z");

    private String store() {
        return dir.resolve("drift.duckdb").toString();
    }

    /** {@code n} orders from {@code from}, one every {@code step} seconds, their time written by {@code ts}. */
    private Path orders(String name, Instant from, long step, int n, Function<Instant, String> ts) throws IOException {
        StringBuilder csv = new StringBuilder("ts,amount\n");
        for (int i = 0; i < n; i++) {
            csv.append(ts.apply(from.plusSeconds(step * i))).append(',')
                    .append(String.format(Locale.ROOT, "%.2f", 5 + (i * 37 % 97) * 1.37)).append('\n');
        }
        return Files.writeString(dir.resolve(name), csv);
    }

    private static Function<Instant, String> at(ZoneOffset offset) {
        return t -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atOffset(offset));
    }

    private void baseline(Function<Instant, String> ts) throws IOException {
        Path ref = orders("ref.csv", REF_START, 300, 30 * 288, ts); // 30 days, every 5 minutes
        Cli b = Cli.run("drift", "baseline", "--monitor", "orders", "--data", ref.toString(), "--store", store());
        assertThat(b.code()).as(b.out() + b.err()).isEqualTo(ExitCode.OK);
    }

    private Cli check(Path data, String at, String... more) {
        String[] args = {"drift", "check", "--monitor", "orders", "--data", data.toString(), "--store", store(),
            "--at", at};
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return Cli.run(all);
    }

    @Test
    void aDayReWrittenInPlusNineIsAReplayAndTheNextHourInZIsNewer() throws IOException {
        baseline(at(ZoneOffset.UTC));
        Instant day = Instant.parse("2026-04-14T00:00:00Z");
        Cli first = check(orders("day1.csv", day, 60, 1440, at(ZoneOffset.UTC)), "2026-04-14");
        assertThat(first.out()).as(first.err()).doesNotContain("stale data");
        // audit (a): OK before 2026-12-02, the replay's text 2026-04-15T08:59+09:00 sorting after 2026-04-14T23:59Z
        Cli replay = check(orders("tokyo.csv", day, 60, 1440, at(ZoneOffset.ofHours(9))), "2026-04-15");
        assertThat(replay.out()).contains("stale data: today's newest value 2026-04-15T08:59:00+09:00 "
                + "(2026-04-14 23:59:00 UTC) is not newer than the newest 2026-04-14T23:59:00Z");
        // audit (b): WARN before, the next hour's Z text sorting before the hour before's +09:00 text
        Cli h1 = check(orders("h1.csv", Instant.parse("2026-04-16T00:00:00Z"), 10, 360, at(ZoneOffset.ofHours(9))),
                "2026-04-16T01:00Z");
        Cli h2 = check(orders("h2.csv", Instant.parse("2026-04-16T01:00:00Z"), 10, 360, at(ZoneOffset.UTC)),
                "2026-04-16T02:00Z");
        assertThat(h2.out()).as(h1.out()).doesNotContain("stale data");
    }

    @Test
    void aWriterSwitchingFromZToPlusTwoOrToLocalTimeIsSaid() throws IOException {
        // audit (c): OK with no note before
        baseline(at(ZoneOffset.UTC));
        Instant day = Instant.parse("2026-04-14T00:00:00Z");
        Cli plusTwo = check(orders("berlin.csv", day, 60, 1440, at(ZoneOffset.ofHours(2))), "2026-04-14");
        assertThat(plusTwo.out()).contains("WARN").contains("time zone changed: today's date-times are written with "
                + "offset +02:00 (2026-04-15T01:59:00+02:00), the reference's with offset Z");
        Cli local = check(orders("local.csv", day.plusSeconds(86_400), 60, 1440,
                t -> t.atOffset(ZoneOffset.UTC).toLocalDateTime().toString()), "2026-04-15");
        assertThat(local.out()).contains("written without a UTC offset (local time)")
                .contains("a local time and an instant cannot be compared");
    }

    @Test
    void aBatchTenWeeksOldIsStaleUnderMaxLagAndTheRolesLineSaysWhatIsChecked() throws IOException {
        baseline(at(ZoneOffset.UTC));
        Path late = orders("late.csv", Instant.parse("2026-04-18T00:00:00Z"), 40, 2000, at(ZoneOffset.UTC));
        // audit D5: OK with no note, while the roles line promised "stale values"
        Cli off = check(late, "2026-06-30");
        assertThat(off.code()).isEqualTo(ExitCode.OK);
        assertThat(off.out()).contains("invalid dates and re-sent batches (when the baseline covers several batches))")
                .doesNotContain("stale values");
        Cli on = check(late, "2026-06-30", "--max-lag", "2d", "--fail-on", "warn");
        assertThat(on.code()).as(on.out() + on.err()).isEqualTo(ExitCode.ALARM);
        assertThat(on.out()).contains("stale data: today's newest value 2026-04-18T22:12:40Z lies 72 days 1 hour "
                + "before the check's time 2026-06-30T00:00:00Z (max-lag 2 days;")
                .contains("and stale values (newest value more than 2 days before the check's time, max-lag)");
        Cli fresh = check(late, "2026-04-19", "--max-lag", "36h");
        assertThat(fresh.code()).isEqualTo(ExitCode.OK);
        assertThat(fresh.out()).doesNotContain("stale data").contains("more than 1 day 12 hours before the check's time");
    }

    /**
     * Without {@code --at} the check is filed under today's date and the lag is measured from the check's clock:
     * the check's time the finding names lies between the clock before and after the command, and a batch whose
     * newest order is ten days before the command lies "10 days" behind it. Nothing sleeps; the library's own
     * test with a fixed clock is {@code MaxLagClockTest}.
     */
    @Test
    void withoutAtTheLagIsMeasuredFromTheClockOfTheCheck() throws IOException {
        baseline(at(ZoneOffset.UTC));
        Instant before = Instant.now();
        Instant newest = before.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minus(java.time.Duration.ofDays(10));
        Path late = orders("late.csv", newest.minusSeconds(60L * 99), 60, 100, at(ZoneOffset.UTC));
        Cli c = Cli.run("drift", "check", "--monitor", "orders", "--data", late.toString(), "--store", store(),
                "--max-lag", "2d");
        Instant after = Instant.now();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("stale data: today's newest value (\\S+) lies "
                + "10 days before the check's time (\\S+) \\(max-lag 2 days; a stalled feed, or an old batch sent "
                + "late\\?\\)").matcher(c.out());
        assertThat(m.find()).as(c.out() + c.err()).isTrue();
        assertThat(java.time.OffsetDateTime.parse(m.group(1)).toInstant()).isEqualTo(newest);
        assertThat(Instant.parse(m.group(2))).isBetween(before, after);
    }

    @Test
    void aBadLagIsAUsageErrorNamingTheOptionAndValue() throws IOException {
        baseline(at(ZoneOffset.UTC));
        Path day = orders("day.csv", Instant.parse("2026-04-14T00:00:00Z"), 60, 100, at(ZoneOffset.UTC));
        for (String bad : new String[] {"3x", "-2d", "0h", "h"}) {
            Cli r = check(day, "2026-04-14", "--max-lag", bad);
            assertThat(r.code()).as(bad).isEqualTo(ExitCode.USAGE);
            assertThat(r.err()).contains("--max-lag: expected a positive duration such as 90m, 36h, 2d or 1w")
                    .contains("got '" + bad + "'");
        }
    }

    @Test
    void epochSecondsInAStaleDataReasonReadAsUtc() throws IOException {
        // audit D8a: the reason printed 1776211140 where the roles line printed 2026-04-14 23:59:00 UTC
        baseline(t -> Long.toString(t.getEpochSecond()));
        Path day = orders("epoch.csv", Instant.parse("2026-04-14T00:00:00Z"), 60, 1440,
                t -> Long.toString(t.getEpochSecond()));
        check(day, "2026-04-14");
        Cli again = check(day, "2026-04-15");
        assertThat(again.out()).contains("stale data: today's newest value 2026-04-14 23:59:00 UTC (epoch 1776211140) "
                + "is not newer than the newest 2026-04-14 23:59:00 UTC (epoch 1776211140)");
    }
}
