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
 * Invalid cells in a date and a timestamp column give Spark the local verdicts (issue 9): daily order files of 3,000
 * rows ({@code order_id}, an ISO {@code day}, an ISO {@code ts}, {@code amount}, {@code country}) whose reference has
 * 2% invalid cells in both temporal columns ({@code n.d.}, {@code 31/04/2024 25:61}: what an export writes for a
 * missing or mistyped date). Known truth: a day with 30% invalid {@code day} cells, or 30% invalid {@code ts} cells,
 * is DRIFT on that column (exit 1); a day with the same 2% share is OK on both (exit 0). Each verdict, the invalid
 * share and the cells located are the local engine's.
 */
@Tag("spark")
class SparkDateCellsTest {
    @TempDir
    static Path dir;
    private static String ref;

    @BeforeAll
    static void files() throws IOException {
        TestSpark.session();
        ref = orders("ref.csv", 1, 0.02, 0.02).toString();
    }

    /** 3,000 orders of April 2024 with the given shares of invalid {@code day} and {@code ts} cells. */
    private static Path orders(String name, long seed, double badDays, double badTimes) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        String[] countries = {"SE", "DE", "FR", "NO"};
        StringBuilder b = new StringBuilder("order_id,day,ts,amount,country\n");
        for (int i = 0; i < 3000; i++) {
            LocalDate d = LocalDate.of(2024, 4, 1).plusDays(r.nextInt(30));
            String day = r.nextDouble() < badDays ? "n.d." : d.toString();
            String ts = r.nextDouble() < badTimes ? "31/04/2024 25:61"
                    : d + String.format(Locale.ROOT, "T%02d:%02d:%02d", r.nextInt(24), r.nextInt(60), r.nextInt(60));
            b.append(seed * 100_000 + i).append(',').append(day).append(',').append(ts).append(',')
                    .append(String.format(Locale.ROOT, "%.2f", Math.exp(4 + r.nextGaussian() / 2))).append(',')
                    .append(countries[r.nextInt(countries.length)]).append('\n');
        }
        return Files.writeString(dir.resolve(name), b.toString());
    }

    /** Runs {@code drift compare} on both engines; asserts the same exit code, column verdicts and text. */
    private static JsonNode compare(Path day, int expected) throws IOException {
        return CliRun.compareOnBoth(ref, day, expected).report();
    }

    private static JsonNode column(JsonNode report, String name) {
        for (JsonNode c : report.path("columns")) {
            if (c.path("column").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError(name + " not in " + report);
    }

    @Test
    void manyInvalidDatesAlarmOnSparkAsLocally() throws IOException {
        JsonNode days = compare(orders("bad-days.csv", 2, 0.30, 0.02), 1);
        assertThat(column(days, "day").toString()).contains("DRIFT");
        assertThat(column(days, "ts").toString()).doesNotContain("DRIFT");
        JsonNode times = compare(orders("bad-times.csv", 3, 0.02, 0.30), 1);
        assertThat(column(times, "ts").toString()).contains("DRIFT");
        assertThat(column(times, "day").toString()).doesNotContain("DRIFT");
    }

    @Test
    void theSameShareOfInvalidDatesDoesNotAlarm() throws IOException {
        JsonNode same = compare(orders("same.csv", 4, 0.02, 0.02), 0);
        assertThat(column(same, "day").toString()).doesNotContain("DRIFT");
        assertThat(column(same, "ts").toString()).doesNotContain("DRIFT");
    }
}
