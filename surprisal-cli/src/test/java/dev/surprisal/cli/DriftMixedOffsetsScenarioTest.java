// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stale-data check of {@code drift check} on files that mix UTC offsets within themselves, end to end.
 * A column's newest value was the text that sorts last (until 2026-12-02), not the latest instant: a local-time
 * export across the end of summer time re-sent passed as new (OK, exit 0), and a batch of two sites, one writing
 * {@code +09:00}, that did advance was called re-sent (WARN). Known truth: the rows' instants.
 */
class DriftMixedOffsetsScenarioTest {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path dir;

    /** Rows one a minute from {@code from} (inclusive) to {@code to} (exclusive), written in {@code zone}. */
    private static void rows(StringBuilder csv, String site, Instant from, Instant to, ZoneId zone, Random r) {
        for (Instant t = from; t.isBefore(to); t = t.plusSeconds(60)) {
            csv.append(ISO.format(t.atZone(zone))).append(',').append(site).append(',')
                    .append(String.format(Locale.ROOT, "%.2f", Math.exp(3 + 0.5 * r.nextGaussian()))).append('\n');
        }
    }

    private Path write(String name, StringBuilder csv) throws IOException {
        return Files.writeString(dir.resolve(name), csv);
    }

    /** {@code drift check}, failing on WARN, with {@code more} options ({@code --json}: OK columns' reasons too). */
    private static Cli check(String store, Path file, String at, String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("drift", "check", "--monitor", "orders",
                "--data", file.toString(), "--store", store, "--at", at, "--fail-on", "warn"));
        args.addAll(java.util.List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void theLastHourOfAnAutumnExportReSentIsStale() throws IOException {
        // Berlin local time from 1 October to 02:59+01:00 on 25 October, after the clocks went back at 03:00+02:00:
        // the newest instant is 02:59+01:00 (01:59 UTC), the text that sorts last 02:59+02:00 (00:59 UTC)
        Instant end = Instant.parse("2026-10-25T02:00:00Z");
        StringBuilder ref = new StringBuilder("ts,site,amount\n");
        rows(ref, "berlin", Instant.parse("2026-09-30T22:00:00Z"), end, BERLIN, new Random(1));
        String store = dir.resolve("drift.duckdb").toString();
        Cli baseline = Cli.run("drift", "baseline", "--monitor", "orders", "--data", write("ref.csv", ref).toString(),
                "--store", store);
        assertThat(baseline.code()).as(baseline.out() + baseline.err()).isEqualTo(ExitCode.OK);

        // before: "newest value 2026-10-25T02:59:00+01:00, after the reference's newest 2026-10-25T02:59:00+02:00",
        // OK and exit 0: the replay passed
        StringBuilder lastHour = new StringBuilder("ts,site,amount\n");
        rows(lastHour, "berlin", end.minusSeconds(3600), end, BERLIN, new Random(2));
        Cli resent = check(store, write("resent.csv", lastHour), "2026-10-25T03:05:00+01:00");
        assertThat(resent.code()).as(resent.out() + resent.err()).isEqualTo(ExitCode.ALARM);
        assertThat(resent.out()).contains("stale data: today's newest value 2026-10-25T02:59:00+01:00 is not newer than "
                + "the reference's newest 2026-10-25T02:59:00+01:00");

        // the hour after it is new: it advances past the re-sent batch, the last one checked
        StringBuilder nextHour = new StringBuilder("ts,site,amount\n");
        rows(nextHour, "berlin", end, end.plusSeconds(3600), BERLIN, new Random(3));
        Cli next = check(store, write("next.csv", nextHour), "2026-10-25T04:05:00+01:00", "--json");
        assertThat(next.code()).as(next.out() + next.err()).isEqualTo(ExitCode.OK);
        assertThat(next.out()).contains("newest value 2026-10-25T03:59:00+01:00, after the newest "
                + "2026-10-25T02:59:00+01:00").doesNotContain("stale data");
    }

    @Test
    void aBatchOfTwoSitesThatAdvancesIsNotStale() throws IOException {
        // site A writes UTC (Z), site B Tokyo time (+09:00), which sorts after A's text on the same instant; B's
        // rows run ten minutes behind A's
        Instant start = Instant.parse("2026-04-05T00:00:00Z");
        Instant end = Instant.parse("2026-04-15T00:00:00Z");
        ZoneId tokyo = ZoneOffset.ofHours(9);
        StringBuilder ref = new StringBuilder("ts,site,amount\n");
        Random r = new Random(4);
        rows(ref, "a", start, end, ZoneOffset.UTC, r);
        rows(ref, "b", start, end.minusSeconds(600), tokyo, r);
        String store = dir.resolve("drift.duckdb").toString();
        Cli baseline = Cli.run("drift", "baseline", "--monitor", "orders", "--data", write("ref.csv", ref).toString(),
                "--store", store);
        assertThat(baseline.code()).as(baseline.out() + baseline.err()).isEqualTo(ExitCode.OK);

        // the next hour of A, with B's last hour sent again (at-least-once delivery): the batch advances to
        // 00:59 UTC. Before: its newest was B's 08:49+09:00 (23:49 UTC), the reference's too, "stale data: ...
        // is not newer than the reference's newest", WARN and exit 1
        StringBuilder batch = new StringBuilder("ts,site,amount\n");
        Random s = new Random(5);
        rows(batch, "a", end, end.plusSeconds(3600), ZoneOffset.UTC, s);
        rows(batch, "b", end.minusSeconds(4200), end.minusSeconds(600), tokyo, s);
        Cli next = check(store, write("next.csv", batch), "2026-04-15T01:05:00Z", "--json");
        assertThat(next.code()).as(next.out() + next.err()).isEqualTo(ExitCode.OK);
        assertThat(next.out()).contains("newest value 2026-04-15T00:59:00Z, after the reference's newest "
                + "2026-04-14T23:59:00Z").doesNotContain("stale data");
    }
}
