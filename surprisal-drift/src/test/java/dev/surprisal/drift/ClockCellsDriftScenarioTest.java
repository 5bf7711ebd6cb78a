// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.core.ColumnRole;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileBuilder;
import dev.surprisal.data.profile.ProfileOptions;
import dev.surprisal.data.roles.NumberConvention;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Columns written as clocks, end to end from CSV files through the library (verdict20):
 * <ul>
 *   <li>a taxi table's {@code pickup_time} ({@code 08:30}, {@code 17:45:10}) whose batch has unreadable cells: the
 *       note on its invalid cells said "neither a number nor missing", untrue of a column whose cells are times;</li>
 *   <li>a call log's {@code call_length} written {@code mm:ss} ({@code 03:45}, {@code 31:05}): its calls of 24
 *       minutes or more were invalid cells of a column of times of day, so the reference silently dropped its
 *       longest calls and a day of long calls alarmed as an "invalid share" instead of the shift it is.</li>
 * </ul>
 */
class ClockCellsDriftScenarioTest {
    @TempDir
    Path dir;

    /**
     * Taxi trips: trip_id, pickup_time (a morning and an evening peak, {@code hh:mm} or {@code hh:mm:ss}), a fare,
     * a Yes/No cash flag with blank cells; {@code invalid} of the pickup times are text a driver's app wrote instead.
     */
    private Path trips(String name, long seed, int rows, double invalid) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        String[] junk = {"25:99", "soon", "tbd", "--:--"};
        StringBuilder b = new StringBuilder("trip_id,pickup_time,fare,paid_cash\n");
        for (int i = 0; i < rows; i++) {
            double hour = r.nextBoolean() ? 8.5 + 1.2 * r.nextDouble() * (r.nextBoolean() ? 1 : -1)
                    : 17.75 + 1.5 * r.nextDouble() * (r.nextBoolean() ? 1 : -1);
            int s = (int) (hour * 3600);
            String t = r.nextDouble() < invalid ? junk[r.nextInt(junk.length)] : i % 3 == 0
                    ? String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                    : String.format(Locale.ROOT, "%02d:%02d", s / 3600, s / 60 % 60);
            b.append(seed * 100_000 + i).append(',').append(t).append(',')
                    .append(String.format(Locale.ROOT, "%.2f", Math.exp(2.8 + 0.5 * r.nextGaussian()))).append(',')
                    .append(i % 50 == 0 ? "" : r.nextDouble() < 0.3 ? "Yes" : "No").append('\n');
        }
        return Files.writeString(dir.resolve(name), b.toString());
    }

    /**
     * Calls: call_id, call_length written {@code mm:ss} as a phone system exports it, log-normal around
     * {@code medianMinutes} with a long tail, an agent's team.
     */
    private Path calls(String name, long seed, int rows, double medianMinutes) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        String[] teams = {"billing", "support", "sales"};
        StringBuilder b = new StringBuilder("call_id,call_length,team\n");
        for (int i = 0; i < rows; i++) {
            int sec = Math.max(5, (int) Math.round(medianMinutes * 60 * Math.exp(0.8 * r.nextGaussian())));
            b.append("C-").append(seed).append('-').append(i).append(',')
                    .append(String.format(Locale.ROOT, "%02d:%02d", sec / 60, sec % 60)).append(',')
                    .append(teams[r.nextInt(3)]).append('\n');
        }
        return Files.writeString(dir.resolve(name), b.toString());
    }

    private static ColumnDrift column(DriftReport report, String name) {
        return report.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void invalidCellsOfATimeOfDayColumnAreNamedAsNotTimesNotAsNotNumbers() throws IOException {
        Profile ref = ProfileBuilder.fit(TableReader.open(trips("ref.csv", 1, 4000, 0)), ProfileOptions.defaults());
        assertThat(ref.column("pickup_time").role()).isEqualTo(ColumnRole.CONTINUOUS);
        assertThat(ref.column("pickup_time").convention()).isEqualTo(NumberConvention.TIME_OF_DAY);
        DriftReport today = DriftScorer.compare(ref, ProfileBuilder.count(ref,
                TableReader.open(trips("today.csv", 2, 2000, 0.06))), DriftOptions.defaults());
        ColumnDrift c = column(today, "pickup_time");
        assertThat(c.status()).as(c.reason()).isEqualTo(Status.DRIFT);
        assertThat(c.reason()).startsWith("invalid share rose 0.0% -> ");
        assertThat(c.invalidCells()).extracting(dev.surprisal.data.profile.InvalidCell::value).contains("25:99", "soon");
        assertThat(c.invalidMeaning()).isEqualTo("neither a time of day or duration (hh:mm or hh:mm:ss) nor missing")
                .doesNotContain("number");
        // the fare beside it is a number column, and says so
        assertThat(column(today, "fare").invalidMeaning()).isEqualTo("neither a number nor missing");
    }

    @Test
    void longerCallsAreAShiftInDistributionNeverInvalidCells() throws IOException {
        Profile ref = ProfileBuilder.fit(TableReader.open(calls("ref.csv", 1, 5000, 3.5)), ProfileOptions.defaults());
        var length = ref.column("call_length");
        assertThat(length.role()).as(length.reason()).isEqualTo(ColumnRole.CONTINUOUS);
        // the reference's long tail (calls of 24 minutes or more: 58:30) is kept as values, and said to be durations
        assertThat(length.invalid()).as(length.reason()).isZero();
        assertThat(length.reason()).contains("distinct durations (");
        for (double median : new double[] {10, 30}) {
            DriftReport today = DriftScorer.compare(ref, ProfileBuilder.count(ref,
                    TableReader.open(calls("today" + median + ".csv", 2, 2000, median))), DriftOptions.defaults());
            ColumnDrift c = column(today, "call_length");
            assertThat(c.status()).as("median %s min: %s", median, c.reason()).isEqualTo(Status.DRIFT);
            assertThat(c.invalidRateCurrent()).as("median %s min: %s", median, c.reason()).isZero();
            assertThat(c.reason()).as("median %s min", median).doesNotContain("invalid share")
                    .contains("W1/std");
            assertThat(column(today, "team").status()).isEqualTo(Status.OK);
        }
        // a resample of the reference's law raises no alarm
        DriftReport same = DriftScorer.compare(ref, ProfileBuilder.count(ref,
                TableReader.open(calls("same.csv", 3, 2000, 3.5))), DriftOptions.defaults());
        assertThat(column(same, "call_length").status()).as(column(same, "call_length").reason())
                .isEqualTo(Status.OK);
    }
}
