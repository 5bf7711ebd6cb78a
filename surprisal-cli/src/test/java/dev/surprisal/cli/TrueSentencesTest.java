// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Sentences that were false or odd on ordinary input (audit 8, defects 6, 7, 10 and 11). */
class TrueSentencesTest {
    @Test
    void aSmoothedDivergenceSaysSoAndThatTheUnsmoothedValueIsInfinite() {
        Cli r = Cli.run("divergence", "--p", "0.5,0.5", "--q", "1,0", "--smoothing", "epsilon=1e-6", "--explain");
        assertThat(r.code()).isZero();
        String said = "Smoothed with --smoothing epsilon=1.0E-6: 1.0E-6 added to each probability of P and Q, then "
                + "renormalised, before measuring; without smoothing KL(P||Q) is infinite, so the finite value is set by the chosen smoothing, not by the data.";
        assertThat(r.out()).contains(said);
        assertThat(r.err()).contains("surprisal: note: " + said);
        Cli counts = Cli.run("divergence", "--counts", "--p", "120,30,5", "--q", "100,45,5", "--smoothing", "laplace");
        assertThat(counts.err()).contains("Smoothed with --smoothing laplace: 1 added to each count of P and Q, then "
                + "renormalised, before measuring.");
        assertThat(Cli.run("divergence", "--p", "0.5,0.5", "--q", "0.9,0.1").err()).doesNotContain("Smoothed with");
    }

    @Test
    void explanationsUseTheRightUnitsAndKnowWhetherBothDirectionsAreShown() {
        assertThat(Cli.run("divergence", "--p", "1,0", "--q", "0.5,0.5", "--explain").out())
                .contains("costs 1 extra bit per symbol").doesNotContain("1 extra bits")
                .contains("use --both to see both directions");
        assertThat(Cli.run("divergence", "--p", "0.7,0.3", "--q", "0.2,0.8", "--both", "--explain").out())
                .contains("(both directions are shown)").doesNotContain("use --both");
        assertThat(Cli.run("divergence", "--measure", "tv", "--p", "0.7,0.3", "--q", "0.3,0.7", "--explain").out())
                .contains("(40 percentage points)").doesNotContain("40%");
    }

    @Test
    void valuesNotSummingToOneAreBadDataInEveryCommandAndTheHintNamesCounts() {
        Cli entropy = Cli.run("entropy", "0.5", "0.5", "0.5");
        Cli divergence = Cli.run("divergence", "--p", "2,2", "--q", "9,1");
        for (Cli r : new Cli[] {entropy, divergence}) {
            assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.BAD_DATA);
            assertThat(r.err()).contains("probabilities must sum to 1")
                    .contains("if these are counts, add --counts").doesNotContain("if you meant 2.2");
        }
        // a comma that may be a decimal point is still asked about (usage)
        assertThat(Cli.run("divergence", "--p", "0,5", "--q", "0,5").code()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void iwaeOneIsCalledMonteCarloNoiseNotAGain() {
        assertThat(VaeCommand.iwaeLine(1, -250.1, 0.689))
                .isEqualTo("  IWAE-1            -250.100  (ELBO + 0.689: Monte-Carlo noise, since IWAE-1 equals the ELBO "
                        + "in expectation)");
        assertThat(VaeCommand.iwaeLine(1, -251.0, -0.2)).contains("(ELBO - 0.200: Monte-Carlo noise");
        assertThat(VaeCommand.iwaeLine(50, -245.0, 5.8)).isEqualTo("  IWAE-50           -245.000  (ELBO + 5.800)");
    }
}
