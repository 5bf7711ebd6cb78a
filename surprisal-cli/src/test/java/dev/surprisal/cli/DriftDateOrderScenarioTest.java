// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, dates15: dates whose order of day and month the data cannot decide (no day or month over 12). Known
 * truth: a European monthly report ({@code 01/03/2026} is 1 March), a European daily file of 1 to 12 January, a US
 * file of 1 to 12 March ({@code 03/01/2026} is 1 March). The baseline reads them month first, as pandas does, and
 * until dates15 said so only in the role's reason; a European column was then frozen as January days, and the day a
 * {@code 13/01/2026} arrived its check alarmed on invalid cells without saying why.
 */
class DriftDateOrderScenarioTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static String dmy(LocalDate d) {
        return String.format("%02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }

    private static String mdy(LocalDate d) {
        return String.format("%02d/%02d/%d", d.getMonthValue(), d.getDayOfMonth(), d.getYear());
    }

    /** 100 rows of (day, amount) for each date, the dates written by {@code layout}. */
    private Path file(String name, List<LocalDate> dates, Function<LocalDate, String> layout) throws IOException {
        SplittableRandom r = new SplittableRandom(name.hashCode());
        StringBuilder b = new StringBuilder("day,amount\n");
        for (LocalDate d : dates) {
            for (int i = 0; i < 100; i++) {
                b.append(layout.apply(d)).append(',').append(Math.round(Math.exp(4 + r.nextGaussian() / 2) * 100) / 100.0)
                        .append('\n');
            }
        }
        return Files.writeString(dir.resolve(name), b.toString());
    }

    private static List<LocalDate> days(LocalDate first, int n) {
        return first.datesUntil(first.plusDays(n)).toList();
    }

    private String store() {
        return dir.resolve("drift.duckdb").toString();
    }

    private Cli baseline(String monitor, Path ref, String... more) {
        List<String> args = new ArrayList<>(List.of("drift", "baseline", "--monitor", monitor, "--data", ref.toString(),
                "--store", store()));
        args.addAll(List.of(more));
        Cli b = Cli.run(args.toArray(String[]::new));
        assertThat(b.code()).as(b.out() + b.err()).isEqualTo(ExitCode.OK);
        return b;
    }

    private Cli check(String monitor, Path day, String... more) {
        List<String> args = new ArrayList<>(List.of("drift", "check", "--monitor", monitor, "--data", day.toString(),
                "--store", store()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void aEuropeanMonthlyColumnIsReadMonthFirstAndTheBaselineSaysSoWithTheFix() throws IOException {
        // the first of March to December: 01/03/2026 .. 01/12/2026, no day or month over 12
        List<LocalDate> months = new ArrayList<>();
        for (int m = 3; m <= 12; m++) {
            months.add(LocalDate.of(2026, m, 1));
        }
        Path ref = file("monthly.csv", months, DriftDateOrderScenarioTest::dmy);
        Cli text = baseline("eu", ref);
        // on standard error, as the schema notes: stdout stays the report a script reads
        assertThat(text.out()).doesNotContain("warning:");
        assertThat(text.err()).contains("surprisal: warning: day: the data did not decide the order of day and month (no date "
                + "has a day or month over 12): read month first (mm/dd/yyyy), as pandas reads them, so 01/03/2026 is "
                + "2026-01-03; read day first it would be 2026-03-01; if the column writes the day first, re-baseline "
                + "with --dayfirst day (in a monitor file: dayfirst: [day])");

        assertThat(baseline("eu", ref, "--quiet").err()).as("--quiet").doesNotContain("warning:");

        Cli explain = baseline("eu", ref, "--explain");
        assertThat(explain.err()).contains("Column 'day' holds dates such as 01/03/2026 whose day and month are both 12"
                + " or less, so the data cannot tell which comes first. They were read month first (mm/dd/yyyy): "
                + "01/03/2026 is 3 January 2026. If the file writes them day first, 01/03/2026 is 1 March 2026,",
                "a date like 13/01/2026, which only a day-first reading can read: that check then alarms on invalid "
                        + "cells. If the file writes them day first, re-baseline with --dayfirst day (in a monitor file: "
                        + "dayfirst: [day]).");

        JsonNode j = JSON.readTree(baseline("eu", ref, "--json").out());
        assertThat(j.path("warnings")).hasSize(1);
        JsonNode w = j.path("warnings").get(0);
        assertThat(w.path("column").asText()).isEqualTo("day");
        assertThat(w.path("kind").asText()).isEqualTo("date_order_assumed");
        assertThat(w.path("layout").asText()).isEqualTo("mm/dd/yyyy");
        assertThat(w.path("example").asText()).isEqualTo("01/03/2026");
        assertThat(w.path("read").asText()).isEqualTo("2026-01-03");
        assertThat(w.path("other_reading").asText()).isEqualTo("2026-03-01");
        assertThat(w.path("fix").asText()).contains("--dayfirst day");

        // read day first on request: no warning, and the range is March to December
        Cli dayFirst = baseline("eu", ref, "--dayfirst", "day");
        assertThat(dayFirst.out() + dayFirst.err()).doesNotContain("warning:");
        assertThat(JSON.readTree(baseline("eu", ref, "--dayfirst", "day", "--json").out()).path("warnings")).isEmpty();
    }

    @Test
    void aUsColumnOfTheFirstTwelveDaysWarnsTooAndAColumnWithADayOverTwelveDoesNot() throws IOException {
        // 03/01/2026 .. 03/12/2026 is 1 to 12 March (month first): read right, but the data did not decide it
        Cli us = baseline("us", file("us.csv", days(LocalDate.of(2026, 3, 1), 12), DriftDateOrderScenarioTest::mdy));
        assertThat(us.err()).contains("surprisal: warning: day: the data did not decide the order of day and month",
                "read month first (mm/dd/yyyy), as pandas reads them, so 03/01/2026 is 2026-03-01; read day first it "
                        + "would be 2026-01-03");
        // 1 to 28 March: 03/13/2026 shows month first
        Cli decided = baseline("us28", file("us28.csv", days(LocalDate.of(2026, 3, 1), 28),
                DriftDateOrderScenarioTest::mdy));
        assertThat(decided.err()).doesNotContain("warning:");
        assertThat(decided.out()).contains("dates written mm/dd/yyyy (");
        // compare reads the reference's roles the same way and says it too
        Path ref = file("eu12.csv", days(LocalDate.of(2026, 1, 1), 12), DriftDateOrderScenarioTest::dmy);
        Cli compare = Cli.run("drift", "compare", "--reference", ref.toString(), "--data", ref.toString());
        assertThat(compare.out()).doesNotContain("warning:");
        assertThat(compare.err()).contains("surprisal: warning: day: the data did not decide the order of day and month");
        assertThat(Cli.run("drift", "compare", "--reference", ref.toString(), "--data", ref.toString(), "--quiet").err())
                .as("--quiet").doesNotContain("warning:");
    }

    @Test
    void aDayOverTwelveAfterAnAssumedMonthFirstBaselineSaysToReBaselineDayFirst() throws IOException {
        // a European daily file baselined on 1 to 12 January: read as the firsts of January to December
        baseline("eu", file("ref.csv", days(LocalDate.of(2026, 1, 1), 12), DriftDateOrderScenarioTest::dmy));
        Path day13 = file("day13.csv", List.of(LocalDate.of(2026, 1, 13)), DriftDateOrderScenarioTest::dmy);
        Cli c = check("eu", day13);
        assertThat(c.code()).as(c.out() + c.err()).isEqualTo(ExitCode.ALARM);
        String why = "they are dates only read day first, and the baseline froze month first (mm/dd/yyyy), as pandas "
                + "reads them, none of its dates showing the order (no day or month over 12); if the column writes the"
                + " day first, re-baseline with --dayfirst day (in a monitor file: dayfirst: [day])";
        assertThat(c.out()).contains("DRIFT: day: invalid", "all invalid: expected dates like 12/01/2026 (mm/dd/yyyy), "
                + "found dd/mm/yyyy dates like '13/01/2026' (line 2); " + why);
        JsonNode j = JSON.readTree(check("eu", day13, "--json").out());
        assertThat(j.toString()).contains(why);

        // re-baselined day first, the same day is OK
        baseline("eu", file("ref.csv", days(LocalDate.of(2026, 1, 1), 12), DriftDateOrderScenarioTest::dmy),
                "--dayfirst", "day");
        Cli ok = check("eu", day13);
        assertThat(ok.code()).as(ok.out() + ok.err()).isEqualTo(ExitCode.OK);
    }

    @Test
    void aDayFirstBatchAfterAMonthFirstColumnIsAChangedLayoutNotABaselineGuess() throws IOException {
        // the reference shows month first (03/13/2026 and later); a batch written day first is a real data change
        baseline("us", file("ref.csv", days(LocalDate.of(2026, 3, 1), 28), DriftDateOrderScenarioTest::mdy));
        Cli c = check("us", file("day.csv", List.of(LocalDate.of(2026, 3, 29)), DriftDateOrderScenarioTest::dmy));
        assertThat(c.code()).as(c.out() + c.err()).isEqualTo(ExitCode.ALARM);
        assertThat(c.out()).contains("found dd/mm/yyyy dates like '29/03/2026' (line 2); they are dates only read day "
                + "first, and the baseline froze month first (mm/dd/yyyy) as its dates showed (a second number over 12):"
                + " the column's layout changed upstream, a real data change")
                .doesNotContain("--dayfirst day");

        // a baseline read day first by --dayfirst meets a month-first batch
        Path eu = file("eu.csv", days(LocalDate.of(2026, 1, 1), 12), DriftDateOrderScenarioTest::dmy);
        baseline("eu", eu, "--dayfirst", "day");
        Cli m = check("eu", file("us.csv", List.of(LocalDate.of(2026, 1, 13)), DriftDateOrderScenarioTest::mdy));
        assertThat(m.code()).as(m.out() + m.err()).isEqualTo(ExitCode.ALARM);
        assertThat(m.out()).contains("they are dates only read month first, and the baseline froze day first "
                + "(dd/mm/yyyy) as set by --dayfirst, none of its dates showing the order; if the column writes the "
                + "month first, re-baseline without --dayfirst day (in a monitor file: leave it out of dayfirst:)");
    }

    @Test
    void dayFirstOnAYearFirstColumnIsRefusedAsOnAnIsoColumn() throws IOException {
        Path ref = file("ymd.csv", days(LocalDate.of(2026, 3, 1), 28),
                d -> String.format("%d/%02d/%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth()));
        Cli c = Cli.run("drift", "baseline", "--monitor", "y", "--data", ref.toString(), "--store", store(),
                "--dayfirst", "day");
        assertThat(c.code()).as(c.out() + c.err()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(c.err()).contains("--dayfirst: 'day' has no dates written dd/mm/yyyy or mm/dd/yyyy (",
                "written yyyy/mm/dd", "the year comes first, so the order of day and month is fixed",
                "leave it out of --dayfirst");
    }
}
