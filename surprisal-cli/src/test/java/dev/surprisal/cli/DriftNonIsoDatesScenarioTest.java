// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9 end to end: a daily file whose {@code day} column writes its dates {@code dd/mm/yyyy} (pandas'
 * {@code df.to_csv} of a European export), {@code mm/dd/yyyy} or {@code dd.mm.yyyy}. The baseline reads the column
 * as dates in that layout and freezes it; the next day's check reads its cells the same way. Before, the column
 * was categorical, so every next day's check said "DRIFT: day: new values 100.00%", exit 1, every day.
 */
class DriftNonIsoDatesScenarioTest {
    @TempDir
    Path dir;

    private static String dmy(LocalDate d) {
        return String.format("%02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }

    /** Rows of ts (ISO), day (as {@code day} writes it), amount: 100 a day from {@code first}, {@code days} days. */
    private Path file(String name, LocalDate first, int days, Function<LocalDate, String> day, long seed)
            throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder("ts,day,amount\n");
        for (int i = 0; i < 100 * days; i++) {
            LocalDate d = first.plusDays(i / 100);
            b.append(d).append(String.format(" %02d:%02d:00,", r.nextInt(24), r.nextInt(60))).append(day.apply(d))
                    .append(',').append(Math.round(Math.exp(4 + r.nextGaussian() / 2) * 100) / 100.0).append('\n');
        }
        return Files.writeString(dir.resolve(name), b.toString());
    }

    private String baseline(String monitor, Path ref, String... more) {
        String store = dir.resolve("drift.duckdb").toString();
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("drift", "baseline", "--monitor",
                monitor, "--data", ref.toString(), "--store", store));
        args.addAll(java.util.List.of(more));
        Cli b = Cli.run(args.toArray(String[]::new));
        assertThat(b.code()).as(b.out() + b.err()).isEqualTo(ExitCode.OK);
        return store;
    }

    private static Cli check(String store, String monitor, Path day) {
        return Cli.run("drift", "check", "--monitor", monitor, "--data", day.toString(), "--store", store);
    }

    @Test
    void theNextDayOfDayFirstDatesIsOkAndADayFromInsideTheBaselineIsStale() throws IOException {
        LocalDate first = LocalDate.of(2026, 11, 1);
        String store = baseline("days", file("ref.csv", first, 28, DriftNonIsoDatesScenarioTest::dmy, 9));
        Cli ok = check(store, "days", file("day29.csv", first.plusDays(28), 1, DriftNonIsoDatesScenarioTest::dmy, 10));
        assertThat(ok.code()).as(ok.out() + ok.err()).isEqualTo(ExitCode.OK);
        assertThat(ok.out()).doesNotContain("new values").doesNotContain("stale data")
                .doesNotContain("invalid cells in day")
                .containsPattern("day +date \\(dd/mm/yyyy\\) +100% of values are dates written dd/mm/yyyy");

        // a re-sent day warns as the ISO ts column beside it does (a WARN: exit 0, as for ISO dates)
        Cli stale = check(store, "days", file("again.csv", first.plusDays(10), 1, DriftNonIsoDatesScenarioTest::dmy, 11));
        assertThat(stale.out()).contains("WARN: day: stale data: today's newest value 2026-11-11 is not newer than the "
                + "reference's newest 2026-11-28", "WARN: ts: stale data: today's newest value 2026-11-11");
    }

    @Test
    void garbageCellsAreNamedWithTheirLine() throws IOException {
        LocalDate first = LocalDate.of(2026, 11, 1);
        String store = baseline("days", file("ref.csv", first, 28, DriftNonIsoDatesScenarioTest::dmy, 9));
        Path day = file("day29.csv", first.plusDays(28), 1, DriftNonIsoDatesScenarioTest::dmy, 10);
        java.util.List<String> lines = new java.util.ArrayList<>(Files.readAllLines(day));
        for (int line : new int[] {2, 3, 4, 5, 6, 7, 8, 9, 10, 11}) { // 10 of 100 cells: beyond noise
            lines.set(line - 1, lines.get(line - 1).replace("29/11/2026", line == 5 ? "2026-11-29" : "garbage"));
        }
        Files.write(day, lines);
        Cli c = check(store, "days", day);
        assertThat(c.code()).as(c.out() + c.err()).isEqualTo(ExitCode.ALARM);
        assertThat(c.out()).contains("invalid cells in day")
                .contains("\"garbage\" ×9 (first: line 2), \"2026-11-29\" ×1 (line 5)"); // by value, counted (drift16)
    }

    @Test
    void monthFirstByDefaultWhenNoDayIsOverTwelveAndDayFirstOnRequest() throws IOException {
        // the first twelve days of each of two months: 03/04/2026 is 4 March (month first) or 3 April (day first)
        StringBuilder b = new StringBuilder("day,amount\n");
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 2400; i++) {
            LocalDate d = LocalDate.of(2026, 4 + (i / 1200), 1 + (i / 100) % 12);
            b.append(dmy(d)).append(',').append(r.nextInt(1000)).append('\n');
        }
        Path ref = Files.writeString(dir.resolve("ref.csv"), b.toString());
        // a re-sent reference shows the newest date as each reading makes it: 12/05/2026 is 5 December or 12 May
        String store = baseline("m", ref);
        Cli monthFirst = check(store, "m", ref);
        assertThat(monthFirst.out()).contains("read mm/dd/yyyy (no day or month is over 12, so month first, as pandas "
                + "reads them; --dayfirst COL if the days come first)", "today's newest value 2026-12-05 ");
        baseline("d", ref, "--dayfirst", "day");
        Cli dayFirst = check(store, "d", ref);
        assertThat(dayFirst.out()).contains("written dd/mm/yyyy, as set by --dayfirst (no day or month is over 12)",
                "today's newest value 2026-05-12 ");
        // a monitor file says it with its key, as the option: the server and --config fit the same baseline
        Path config = Files.writeString(dir.resolve("monitors.yaml"), """
                monitors:
                  - name: f
                    source: { path: "day-{date}.csv" }
                    reference: { path: ref.csv }
                    dayfirst: [day]
                """);
        baseline("f", ref, "--config", config.toString());
        Cli fromFile = Cli.run("drift", "check", "--monitor", "f", "--data", ref.toString(), "--store", store,
                "--config", config.toString());
        assertThat(fromFile.out()).contains("written dd/mm/yyyy, as set by --dayfirst (no day or month is over 12)",
                "today's newest value 2026-05-12 ");
        // on a column with no such dates --dayfirst is refused as bad data, as --continuous on text is
        Cli numbers = Cli.run("drift", "baseline", "--monitor", "n", "--data", ref.toString(), "--store", store,
                "--dayfirst", "amount");
        assertThat(numbers.code()).as(numbers.out() + numbers.err()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(numbers.err()).contains("--dayfirst: 'amount' has no dates written dd/mm/yyyy or mm/dd/yyyy (",
                "leave it out of --dayfirst");
    }

    @Test
    void monthFirstAndDottedLayoutsAreReadAsDates() throws IOException {
        LocalDate first = LocalDate.of(2026, 11, 1);
        Function<LocalDate, String> mdy = d -> String.format("%02d/%02d/%d", d.getMonthValue(), d.getDayOfMonth(),
                d.getYear());
        Function<LocalDate, String> dotted = d -> String.format("%02d.%02d.%d", d.getDayOfMonth(), d.getMonthValue(),
                d.getYear());
        for (Function<LocalDate, String> layout : java.util.List.of(mdy, dotted)) {
            String monitor = layout == mdy ? "us" : "de";
            String store = baseline(monitor, file(monitor + ".csv", first, 28, layout, 9));
            Cli ok = check(store, monitor, file(monitor + "29.csv", first.plusDays(28), 1, layout, 10));
            assertThat(ok.code()).as(ok.out() + ok.err()).isEqualTo(ExitCode.OK);
            assertThat(ok.out()).doesNotContain("new values").containsPattern("day +date");
            Cli stale = check(store, monitor, file(monitor + "again.csv", first.plusDays(3), 1, layout, 11));
            assertThat(stale.out()).contains("WARN: day: stale data: today's newest value 2026-11-04 is not newer");
        }
    }

    @Test
    void miAndEntropySayTheLayout() throws IOException {
        StringBuilder b = new StringBuilder("day,amount,kind\n");
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 2800; i++) {
            int kind = r.nextInt(3);
            b.append(dmy(LocalDate.of(2026, 11, 1).plusDays(i / 100))).append(',')
                    .append(Math.round((10 + 5 * kind + r.nextGaussian()) * 100) / 100.0).append(',')
                    .append("abc".charAt(kind)).append('\n');
        }
        Path ref = Files.writeString(dir.resolve("mi.csv"), b.toString());
        Cli mi = Cli.run("mi", "--data", ref.toString(), "--target", "amount");
        assertThat(mi.out() + mi.err()).contains("column day: 100% of values are dates written dd/mm/yyyy (1,600 with "
                + "a first number over 12): date (dd/mm/yyyy): left out of mutual information");
        Cli h = Cli.run("entropy", "--data", ref.toString(), "--column", "day");
        assertThat(h.out() + h.err()).contains("day: 100% of values are dates written dd/mm/yyyy").contains(
                "date (dd/mm/yyyy)");
    }
}
