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
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9 end to end: a daily orders file whose ISO {@code day} column turns to garbage or to
 * dd/mm/yyyy alarms (exit 1) with the invalid cells located and the format expected named; a resample
 * exits 0. Before, every case printed the day column OK, "no alarm", exit 0.
 */
class DriftDateCellsScenarioTest {
    @TempDir
    Path dir;

    /** 3,000 orders of April 2024: order_id, day as {@code day} writes (row, date), amount, country. */
    private Path orders(String name, long seed, BiFunction<Integer, LocalDate, String> day) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        String[] countries = {"SE", "DE", "FR", "NO"};
        StringBuilder b = new StringBuilder("order_id,day,amount,country\n");
        for (int i = 0; i < 3000; i++) {
            LocalDate d = LocalDate.of(2024, 4, 1).plusDays(r.nextInt(30));
            b.append(seed * 100_000 + i).append(',').append(day.apply(i, d)).append(',')
                    .append(Math.round(Math.exp(4 + r.nextGaussian() / 2) * 100) / 100.0).append(',')
                    .append(countries[r.nextInt(countries.length)]).append('\n');
        }
        return Files.writeString(dir.resolve(name), b.toString());
    }

    @Test
    void compareAlarmsOnGarbageAndAnotherLayoutAndNotOnAResample() throws IOException {
        String ref = orders("ref.csv", 1, (i, d) -> d.toString()).toString();

        Cli garbage = Cli.run("drift", "compare", ref, orders("garbage.csv", 2, (i, d) -> "garbage").toString());
        assertThat(garbage.code()).as(garbage.out()).isEqualTo(ExitCode.ALARM);
        assertThat(garbage.out()).contains("DRIFT: day: invalid share rose 0.0% -> 100.0% (3,000 of 3,000 cells today, "
                + "beyond noise): all invalid: expected dates like 2024-04-30 (yyyy-mm-dd), found 'garbage' (line 2)",
                "invalid cells in day: 100.00% of today's rows (neither a date nor missing); values: \"garbage\" ×3,000 (first: line 2)");
        assertThat(garbage.out()).containsPattern("day +date\\* .* \\+100\\.00% +DRIFT");

        Cli dmy = Cli.run("drift", "compare", ref, orders("dmy.csv", 3, (i, d) -> String.format("%02d/%02d/%d",
                d.getDayOfMonth(), d.getMonthValue(), d.getYear())).toString());
        assertThat(dmy.code()).as(dmy.out()).isEqualTo(ExitCode.ALARM);
        assertThat(dmy.out()).contains("all invalid: expected dates like 2024-04-30 (yyyy-mm-dd), found dd/mm/yyyy dates "
                + "like '");

        Cli same = Cli.run("drift", "compare", ref, orders("same.csv", 4, (i, d) -> d.toString()).toString());
        assertThat(same.code()).as(same.out()).isEqualTo(ExitCode.OK);
        assertThat(same.out()).contains("no alarm").doesNotContain("invalid cells in day");
    }

    @Test
    void aMonitorAlarmsOnAGarbageDay() throws IOException {
        String store = dir.resolve("drift.duckdb").toString();
        Path ref = orders("ref.csv", 1, (i, d) -> d.toString());
        assertThat(Cli.run("drift", "baseline", "--monitor", "dm", "--data", ref.toString(), "--store", store).code())
                .isEqualTo(ExitCode.OK);
        Cli r = Cli.run("drift", "check", "--monitor", "dm", "--data",
                orders("garbage.csv", 5, (i, d) -> i % 2 == 0 ? "garbage" : d.toString()).toString(), "--store", store);
        assertThat(r.code()).as(r.out()).isEqualTo(ExitCode.ALARM);
        assertThat(r.out()).contains("invalid share rose 0.0% -> 50.0% (1,500 of 3,000 cells today, beyond noise): "
                + "expected dates like 2024-04-30 (yyyy-mm-dd), found 'garbage' (line 2)");
    }
}
