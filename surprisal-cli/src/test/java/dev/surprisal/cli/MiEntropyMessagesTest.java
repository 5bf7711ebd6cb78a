// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI side of the 1 Dec audit of {@code mi} and {@code entropy} (issue 9): each exit code and message. */
class MiEntropyMessagesTest {
    /** 40 rows: x continuous, y a noisy function of x, g a 0/1 label. */
    private static Path csv(Path dir) throws IOException {
        StringBuilder b = new StringBuilder("x,y,g\n");
        java.util.SplittableRandom r = new java.util.SplittableRandom(2);
        for (int i = 0; i < 40; i++) {
            double x = r.nextGaussian();
            b.append(x).append(',').append(x + 0.3 * r.nextGaussian()).append(',').append(i % 2).append('\n');
        }
        return Files.writeString(dir.resolve("t.csv"), b.toString());
    }

    @Test
    void theSameColumnTwiceIsAUsageError(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("mi", "--data", csv(dir).toString(), "--x", "x", "--y", "x");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).startsWith(ErrorHandlers.PREFIX + "--y: 'x' is also --x").contains("infinite for a continuous column");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anUnknownColumnNamesTheOptionTypedAndTheFile(@TempDir Path dir) throws Exception {
        Path f = csv(dir);
        Cli mi = Cli.run("mi", "--data", f.toString(), "--x", "nope", "--y", "y");
        assertThat(mi.code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(mi.err()).startsWith(ErrorHandlers.PREFIX + f + ": --x: no column 'nope'; available: x, y, g");
        Cli entropy = Cli.run("entropy", "--data", f.toString(), "--column", "nope");
        assertThat(entropy.code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(entropy.err()).startsWith(ErrorHandlers.PREFIX + f + ": --column: no column 'nope'");
    }

    @Test
    void columnsWithATargetAlwaysReadTheTarget(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("mi", "--data", csv(dir).toString(), "--target", "y", "--columns", "x", "--permutations", "0",
                "--bootstrap", "0", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"target\" : \"y\"").contains("\"feature\" : \"x\"").doesNotContain("\"feature\" : \"g\"");
    }

    @Test
    void anEmptyFileNameIsAUsageErrorNamingTheOption() {
        Cli r = Cli.run("entropy", "--data", "", "--column", "a");
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).startsWith(ErrorHandlers.PREFIX).contains("--data: the file name is empty")
                .doesNotContain("directory");
    }

    @Test
    void roundingErrorIsWrittenAsZeroInTheMiTables() {
        assertThat(TextTable.num(-8.009e-16)).isEqualTo("0");
        assertThat(TextTable.num(2.805e-13)).isEqualTo("0");
        assertThat(TextTable.num(0.0005803)).isEqualTo("0.0005803");
        assertThat(TextTable.num(Double.NaN)).isEqualTo("-");
    }

    @Test
    void aHeaderOnlyFileSaysItHasNoRows(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("hdr.csv"), "x,y\n");
        for (String[] args : new String[][] {{"mi", "--data", f.toString(), "--target", "y"},
                {"entropy", "--data", f.toString(), "--column", "x"}}) {
            Cli r = Cli.run(args);
            assertThat(r.code()).isEqualTo(ExitCode.BAD_DATA);
            assertThat(r.err()).startsWith(ErrorHandlers.PREFIX + f + ": no rows: the file has a header but no data");
        }
    }
}
