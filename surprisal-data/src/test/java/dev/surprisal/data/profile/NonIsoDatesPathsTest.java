// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import dev.surprisal.core.ColumnRole;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.roles.DateLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9: a column of {@code dd/mm/yyyy} dates (with a timestamp column of {@code mm/dd/yyyy HH:MM} beside it) gets
 * the same role, layout, range and invalid cells from the Java CSV path and the DuckDB path; the layout survives the
 * profile's JSON, and a later day is counted in it.
 */
class NonIsoDatesPathsTest {
    @TempDir
    Path dir;

    private Path file(String name, LocalDate first, int days, String garbage) throws IOException {
        StringBuilder b = new StringBuilder("day,at,n\n");
        for (int i = 0; i < 100 * days; i++) {
            LocalDate d = first.plusDays(i / 100);
            String day = garbage != null && i % 25 == 3 ? garbage
                    : String.format("%d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
            b.append(day).append(',').append(String.format("%02d/%02d/%d %02d:%02d", d.getMonthValue(),
                    d.getDayOfMonth(), d.getYear(), i % 24, i % 60)).append(',').append(i % 7).append('\n');
        }
        return Files.writeString(dir.resolve(name), b.toString());
    }

    @Test
    void javaAndDuckDbReadTheLayoutAlike() throws IOException {
        Path ref = file("ref.csv", LocalDate.of(2026, 11, 1), 28, null);
        Profile java = ProfileBuilder.fit(TableReader.open(ref), ProfileOptions.defaults());
        Profile sql = CsvPathTest.viaDuckDb(() -> ProfileBuilder.fit(TableReader.open(ref), ProfileOptions.defaults()));
        for (Profile p : new Profile[] {java, sql}) {
            assertThat(p.column("day").role()).isEqualTo(ColumnRole.DATE);
            assertThat(p.column("day").layout()).isEqualTo(DateLayout.parse("dd/mm/yyyy"));
            assertThat(p.column("day").reason()).contains("dates written dd/mm/yyyy");
            assertThat(p.column("day").keys().min()).isEqualTo("2026-11-01");
            assertThat(p.column("day").keys().max()).isEqualTo("2026-11-28");
            assertThat(p.column("at").role()).isEqualTo(ColumnRole.TIMESTAMP);
            assertThat(p.column("at").layout()).isEqualTo(DateLayout.parse("mm/dd/yyyy"));
            assertThat(p.column("at").keys().max()).isEqualTo("2026-11-28 23:59");
        }
        Profile back = ProfileJson.read(ProfileJson.write(java));
        assertThat(back.column("day").layout()).isEqualTo(DateLayout.parse("dd/mm/yyyy"));
        assertThat(ProfileJson.write(java)).contains("\"dateLayout\"");

        Path day = file("day.csv", LocalDate.of(2026, 11, 29), 1, "2026-11-29");
        for (boolean duck : new boolean[] {false, true}) {
            Profile c = duck ? CsvPathTest.viaDuckDb(() -> ProfileBuilder.count(back, TableReader.open(day)))
                    : ProfileBuilder.count(back, TableReader.open(day));
            assertThat(c.column("day").invalid()).as("an ISO cell is not in the frozen layout").isEqualTo(4);
            assertThat(c.column("day").invalidCells().get(0).value()).isEqualTo("2026-11-29");
            assertThat(c.column("day").invalidCells().get(0).where()).contains("5");
            assertThat(c.column("day").keys().max()).isEqualTo("2026-11-29");
        }
    }
}
