// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EntropyCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void fairCoinPrintsExactlyOneBit() {
        Cli r = Cli.run("entropy", "0.5", "0.5");
        assertThat(r.code()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).isEqualTo("1.0" + System.lineSeparator());
        assertThat(r.err()).isEmpty();
    }

    @Test
    void seedExamplesInBitsAndOtherBases() {
        // scipy.stats.entropy([0.99, 0.01], base=2) = 0.08079313589591118
        assertThat(Double.parseDouble(Cli.run("entropy", "0.99,0.01").line())).isCloseTo(0.08079313589591118, within(1e-15));
        assertThat(Cli.run("entropy", "0.25", "0.25", "0.25", "0.25").line()).isEqualTo("2.0");
        // ln 2 nats
        assertThat(Double.parseDouble(Cli.run("entropy", "0.5", "0.5", "--base", "e").line())).isCloseTo(Math.log(2), within(1e-15));
    }

    @Test
    void countsAreNormalised() {
        assertThat(Cli.run("entropy", "--counts", "3", "3").line()).isEqualTo("1.0");
        assertThat(Cli.run("entropy", "--counts", "0.5", "1.5", "--base", "e").line())
                .isEqualTo(Cli.run("entropy", "0.25", "0.75", "--base", "e").line());
    }

    @Test
    void jsonHasMeasureValueUnitAndExplanation() throws Exception {
        Cli r = Cli.run("entropy", "0.5", "0.5", "--json", "--explain");
        assertThat(r.code()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("measure").asText()).isEqualTo("entropy");
        assertThat(j.get("value").asDouble()).isEqualTo(1.0);
        assertThat(j.get("unit").asText()).isEqualTo("bits");
        assertThat(j.get("base").asDouble()).isEqualTo(2.0);
        assertThat(j.get("explanation").asText()).contains("one fair coin flip");
    }

    @Test
    void explainSpeaksOfCoinFlipsAndCodeLength() {
        Cli r = Cli.run("entropy", "0.5", "0.5", "--explain");
        assertThat(r.out()).startsWith("1.0").contains("1 bit: as uncertain as one fair coin flip")
                .contains("an optimal code needs 1 bit per symbol on average");
    }

    /**
     * A bias-corrected estimate may exceed log(outcomes seen): the explanation once called chao-shen's 3.87 bits
     * "167% of the maximum" for counts 1 1 1 1 2; it now says what the estimator corrected and gives no maximum.
     */
    @Test
    void explainOfACorrectedEstimateNamesTheEstimatorAndClaimsNoMaximum() {
        Cli r = Cli.run("entropy", "--counts", "1", "1", "1", "1", "2", "--estimator", "chao-shen", "--explain");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("chao-shen estimate").contains("2.25 bits").contains("5 outcomes seen")
                .doesNotContain("of the maximum");
        Cli plugIn = Cli.run("entropy", "--counts", "1", "1", "1", "1", "2", "--explain");
        assertThat(plugIn.out()).contains("of the maximum");
    }

    @Test
    void estimatorNeedsCountsAndChangesTheValue() {
        assertThat(Cli.run("entropy", "0.5", "0.5", "--estimator", "miller-madow").code()).isEqualTo(ExitCode.USAGE);
        assertThat(Cli.run("entropy", "--counts", "3", "3", "--estimator", "no-such").code()).isEqualTo(ExitCode.USAGE);
        // Miller-Madow adds (K-1)/(2N) nats = 1/12 nats to the plug-in value ln 2.
        Cli r = Cli.run("entropy", "--counts", "3", "3", "--estimator", "miller-madow", "--base", "e");
        assertThat(r.code()).isZero();
        assertThat(Double.parseDouble(r.line())).isCloseTo(Math.log(2) + 1.0 / 12, within(1e-12));
    }

    @Test
    void invalidDistributionsAreBadData() {
        Cli negative = Cli.run("entropy", "-0.5", "1.5");
        assertThat(negative.code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(negative.err()).startsWith(ErrorHandlers.PREFIX).contains("value 1 ('-0.5')").contains("negative");
        Cli sum = Cli.run("entropy", "0.5", "0.6");
        assertThat(sum.code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(sum.err()).startsWith(ErrorHandlers.PREFIX).contains("sum");
        assertThat(sum.out()).isEmpty();
    }

    @Test
    void usageErrorsExitTwoWithOneLine() {
        Cli unknown = Cli.run("entropy", "--frobnicate", "0.5", "0.5");
        assertThat(unknown.code()).isEqualTo(ExitCode.USAGE);
        assertThat(unknown.err()).startsWith(ErrorHandlers.PREFIX).contains("--frobnicate");
        assertThat(unknown.err().strip().lines()).hasSize(1);

        Cli coin = Cli.run("entropy", "0.5", "0.5", "--base", "coin");
        assertThat(coin.code()).isEqualTo(ExitCode.USAGE);
        assertThat(coin.err()).startsWith(ErrorHandlers.PREFIX).contains("coin");

        assertThat(Cli.run("entropy", "half", "half").code()).isEqualTo(ExitCode.USAGE);
        assertThat(Cli.run("entropy").code()).isEqualTo(ExitCode.USAGE);
        assertThat(Cli.run().code()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void helpTeachesWithExamples() {
        Cli r = Cli.run("entropy", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Examples:").contains("surprisal entropy 0.5 0.5").contains("--estimator");
        assertThat(Cli.run("--version").out()).startsWith("surprisal ");
    }
}
