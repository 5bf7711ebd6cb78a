// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import dev.surprisal.data.TableReader;
import dev.surprisal.data.roles.DateLayout;
import dev.surprisal.data.roles.RoleOverrides;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * dates15: a profile says which of its date columns had their order of day and month assumed, not shown by the data
 * (no day or month over 12), on the Java CSV path and the DuckDB path alike, and the basis of the order survives the
 * profile's JSON so that a later check can say whether the baseline guessed. Known truth: a European monthly report
 * {@code month} ({@code 01/03/2026} is 1 March), a US daily column of 1 to 28 March {@code us} (decided by
 * {@code 03/13/2026}), a dotted monthly column {@code dotted}.
 */
class DateOrderWarningTest {
    @TempDir
    Path dir;

    private Path file() throws IOException {
        StringBuilder b = new StringBuilder("month,us,dotted,n\n");
        for (int i = 0; i < 560; i++) {
            int m = 3 + i % 10;
            b.append(String.format("01/%02d/2026,03/%02d/2026,01.%02d.2026,%d%n", m, 1 + i % 28, m, i % 7));
        }
        return Files.writeString(dir.resolve("monthly.csv"), b.toString());
    }

    @Test
    void anAssumedOrderIsWarnedWithAnExampleReadBothWaysOnEveryPath() throws IOException {
        Path f = file();
        Profile java = ProfileBuilder.fit(TableReader.open(f), ProfileOptions.defaults());
        Profile sql = CsvPathTest.viaDuckDb(() -> ProfileBuilder.fit(TableReader.open(f), ProfileOptions.defaults()));
        Profile back = ProfileJson.read(ProfileJson.write(java));
        for (Profile p : new Profile[] {java, sql, back}) {
            assertThat(p.column("month").layout().basis()).isEqualTo(DateLayout.Basis.ASSUMED);
            assertThat(p.column("us").layout().basis()).isEqualTo(DateLayout.Basis.CELLS);
            List<DateOrderWarning> w = p.dateOrderWarnings();
            assertThat(w).extracting(DateOrderWarning::column).containsExactly("month", "dotted");
            DateOrderWarning month = w.get(0);
            assertThat(month.layout()).isEqualTo(DateLayout.parse("mm/dd/yyyy"));
            assertThat(month.example()).isEqualTo("01/03/2026");
            assertThat(month.read()).isEqualTo("2026-01-03");
            assertThat(month.otherReading()).isEqualTo("2026-03-01");
            assertThat(month.fix()).isEqualTo("if the column writes the day first, re-baseline with --dayfirst month "
                    + "(in a monitor file: dayfirst: [month])");
            assertThat(month.explanation()).contains("01/03/2026 is 3 January 2026", "01/03/2026 is 1 March 2026");
            DateOrderWarning dotted = w.get(1);
            assertThat(dotted.message()).contains("read day first (dd.mm.yyyy), as dotted dates are written, so "
                    + "01.03.2026 is 2026-03-01; read month first it would be 2026-01-03",
                    "write its dates as ISO yyyy-mm-dd upstream");
        }
        assertThat(ProfileJson.write(java)).contains("\"dateOrder\":\"assumed\"", "\"dateOrder\":\"cells\"");
    }

    @Test
    void dayFirstOnRequestIsNoWarningAndAnOldProfileIsUnrecorded() throws IOException {
        Path f = file();
        Profile p = ProfileBuilder.fit(TableReader.open(f), ProfileOptions.defaults()
                .withRoles(RoleOverrides.none().withDayFirst(List.of("month"))));
        assertThat(p.column("month").layout()).isEqualTo(DateLayout.parse("dd/mm/yyyy"));
        assertThat(p.column("month").layout().basis()).isEqualTo(DateLayout.Basis.DAYFIRST);
        assertThat(p.dateOrderWarnings()).extracting(DateOrderWarning::column).containsExactly("dotted");
        Profile back = ProfileJson.read(ProfileJson.write(p));
        assertThat(back.column("month").layout().basis()).isEqualTo(DateLayout.Basis.DAYFIRST);
        // a profile written before dates15 has no dateOrder: it says nothing it cannot know
        Profile old = ProfileJson.read(ProfileJson.write(p).replace("\"dateOrder\":\"dayfirst\",", "")
                .replace(",\"dateOrder\":\"dayfirst\"", ""));
        assertThat(old.column("month").layout().basis()).isEqualTo(DateLayout.Basis.UNRECORDED);
        assertThat(old.dateOrderWarnings()).extracting(DateOrderWarning::column).containsExactly("dotted");
    }

    @Test
    void anAnalysisThatReadsTheTableIsToldToReadItAgainNotToReBaseline() throws IOException {
        // mon16: mi and entropy --data take their roles from ColumnRoles, not from a profile
        var roles = dev.surprisal.data.roles.ColumnRoles.detect(TableReader.open(file()), RoleOverrides.none());
        List<DateOrderWarning> w = DateOrderWarning.ofDecisions(roles.decisions());
        assertThat(w).extracting(DateOrderWarning::column).containsExactly("month", "dotted");
        assertThat(w).extracting(DateOrderWarning::remedy).containsOnly(DateOrderWarning.Remedy.READ);
        assertThat(w.get(0).message()).isEqualTo("month: the data did not decide the order of day and month (no date "
                + "has a day or month over 12): read month first (mm/dd/yyyy), as pandas reads them; if the column "
                + "writes the day first, read it with --dayfirst month");
        assertThat(w.get(1).fix()).isEqualTo("if the column writes the month first, write its dates as ISO yyyy-mm-dd "
                + "upstream and read it again");
        assertThat(w.get(0).explanation()).contains("a drift baseline of this file would freeze that reading",
                "read it with --dayfirst month.");
        // set to labels, its cells are read in no order: no warning
        var labels = dev.surprisal.data.roles.ColumnRoles.detect(TableReader.open(file()), RoleOverrides.none()
                .withRole("month", dev.surprisal.core.ColumnRole.CATEGORICAL));
        assertThat(DateOrderWarning.ofDecisions(labels.decisions())).extracting(DateOrderWarning::column)
                .containsExactly("dotted");
    }
}
