// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElboCommandTest {
    @TempDir
    Path dir;

    @Test
    void demoPrintsTheGapCaviAndBothKlDirections() {
        Path png = dir.resolve("kl.png");
        Cli r = Cli.run("elbo", "demo", "--plot", png.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out())
                .containsPattern("true posterior\\s+-?[0-9.]+\\s+[0-9.]+\\s+-?[0-9.]+\\s+0\\.0000")
                .contains("ELBO by iteration")
                .contains("forward, min KL(p||q): q = N(0.000, 3.162^2)")
                .containsPattern("reverse, min KL\\(q\\|\\|p\\): q = N\\(-?(2\\.9|3\\.0)\\d\\d, 1\\.0\\d\\d\\^2\\)");
        assertThat(png).isRegularFile();
    }

    @Test
    void numbersHaveADecimalPointWhateverTheUsersLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        java.util.Locale.setDefault(java.util.Locale.GERMANY);
        try {
            Cli r = Cli.run("elbo", "demo");
            assertThat(r.code()).as(r.err()).isZero();
            // German formatting would write 3,162 and 0,0000
            assertThat(r.out()).contains("forward, min KL(p||q): q = N(0.000, 3.162^2)")
                    .doesNotContainPattern("\\d,\\d{2,4}\\b");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void tourHasTheElboStop() {
        Cli r = Cli.run("tour", "--no-vae");
        assertThat(r.out()).contains("The ELBO").contains("without --no-vae");
    }

    @Test
    void defaultTourTrainsTheTinyVae() {
        Cli r = Cli.run("tour");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("trained for one epoch on 2,000 Fashion-MNIST images")
                .containsPattern("test -ELBO: [0-9.]+ nats/image untrained -> [0-9.]+ after one epoch");
    }

    @Test
    void aPlotOntoADirectoryIsAUsageErrorBeforeTheDemoRuns() {
        Cli r = Cli.run("elbo", "demo", "--plot", dir.toString());
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).startsWith(ErrorHandlers.PREFIX + "--plot: " + dir + " is a directory").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }
}
