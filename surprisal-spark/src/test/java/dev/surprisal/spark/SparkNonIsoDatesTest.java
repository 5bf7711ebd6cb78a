// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dates in a non-ISO layout give Spark the local roles and verdicts (issue 9): a reference of 28 days whose
 * {@code day} writes {@code dd/mm/yyyy} and whose {@code at} writes {@code mm/dd/yyyy HH:MM}. Known truth: both are
 * date and timestamp columns in those layouts on either engine (before, {@code day} was categorical locally and every
 * later day DRIFT); a day with 30% garbage {@code day} cells is DRIFT on {@code day} with the cells named, the same
 * on both; a resampled day is OK. A {@code month} column of firsts of months ({@code 01/03/2026}, no day or month
 * over 12) has its order assumed on either engine, and both warn alike (dates15).
 */
@Tag("spark")
class SparkNonIsoDatesTest {
    @TempDir
    static Path dir;
    private static String ref;

    @BeforeAll
    static void files() throws IOException {
        TestSpark.session();
        ref = days("ref.csv", 1, 28, 0).toString();
    }

    private static Path days(String name, long seed, int days, double garbage) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder("day,at,amount,month\n");
        for (int i = 0; i < 100 * days; i++) {
            LocalDate d = LocalDate.of(2026, 11, 1).plusDays(r.nextInt(28));
            String day = r.nextDouble() < garbage ? "garbage"
                    : String.format(Locale.ROOT, "%02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
            b.append(day).append(',').append(String.format(Locale.ROOT, "%02d/%02d/%d %02d:%02d", d.getMonthValue(),
                    d.getDayOfMonth(), d.getYear(), r.nextInt(24), r.nextInt(60))).append(',')
                    .append(String.format(Locale.ROOT, "%.2f", Math.exp(4 + r.nextGaussian() / 2))).append(',')
                    .append(String.format(Locale.ROOT, "01/%02d/2026", 3 + i % 10)).append('\n');
        }
        return Files.writeString(dir.resolve(name), b.toString());
    }

    private static JsonNode compare(Path day, int expected) throws IOException {
        CliRun.Compared c = CliRun.compareOnBoth(ref, day, expected);
        JsonNode s = c.report();
        assertThat(s.path("warnings").get(0).path("column").asText()).isEqualTo("month");
        assertThat(s.path("warnings").get(0).path("other_reading").asText()).isEqualTo("2026-03-01");
        assertThat(c.text()).contains("day     date (dd/mm/yyyy)", "at      timestamp (mm/dd/yyyy)")
                .doesNotContain("warning:");
        assertThat(c.err()).contains("surprisal: warning: month: the data did not decide the order of day and month");
        return s;
    }

    @Test
    void aResampleIsOkAndGarbageDaysDriftAsLocally() throws IOException {
        compare(days("same.csv", 2, 28, 0), 0);
        JsonNode bad = compare(days("bad.csv", 3, 28, 0.30), 1);
        assertThat(bad.toString()).contains("garbage");
    }
}
