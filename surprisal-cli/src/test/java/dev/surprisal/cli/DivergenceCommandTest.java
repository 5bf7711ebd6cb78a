// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DivergenceCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    // scipy.stats.entropy([0.5, 0.5], [0.9, 0.1]) and the reverse
    private static final double KL_PQ = 0.5108256237659907;
    private static final double KL_QP = 0.3680642071684971;

    @Test
    void klInNatsMatchesScipy() {
        Cli r = Cli.run("divergence", "--p", "0.5,0.5", "--q", "0.9,0.1", "--base", "e");
        assertThat(r.code()).isZero();
        assertThat(Double.parseDouble(r.line())).isCloseTo(KL_PQ, within(1e-15));
    }

    @Test
    void bothPrintsTwoLabelledDirections() {
        Cli r = Cli.run("divergence", "--p", "0.5,0.5", "--q", "0.9,0.1", "--base", "e", "--both");
        String[] lines = r.line().split("\\R");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("KL(P||Q)\t").endsWith("\tnats");
        assertThat(lines[1]).startsWith("KL(Q||P)\t");
        assertThat(Double.parseDouble(lines[0].split("\t")[1])).isCloseTo(KL_PQ, within(1e-15));
        assertThat(Double.parseDouble(lines[1].split("\t")[1])).isCloseTo(KL_QP, within(1e-15));
    }

    @Test
    void jsonCarriesDirectionBaseAndSmoothing() throws Exception {
        Cli r = Cli.run("divergence", "--p", "0.5,0.5", "--q", "0.9,0.1", "--base", "e", "--json", "--both");
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("measure").asText()).isEqualTo("kl");
        assertThat(j.get("direction").asText()).isEqualTo("KL(P||Q)");
        assertThat(j.get("unit").asText()).isEqualTo("nats");
        assertThat(j.get("smoothing").asText()).isEqualTo("none");
        assertThat(j.get("value").asDouble()).isCloseTo(KL_PQ, within(1e-15));
        assertThat(j.get("results")).hasSize(2);
        assertThat(j.get("results").get(1).get("value").asDouble()).isCloseTo(KL_QP, within(1e-15));
    }

    @Test
    void infiniteKlSaysWhyAndSuggestsSmoothing() {
        Cli r = Cli.run("divergence", "--p", "0.5,0.5", "--q", "1,0");
        assertThat(r.code()).isZero();
        assertThat(r.line()).isEqualTo("Infinity");
        assertThat(r.err()).contains("q[1] = 0").contains("--smoothing");
        Cli quiet = Cli.run("divergence", "--p", "0.5,0.5", "--q", "1,0", "--quiet");
        assertThat(quiet.err()).isEmpty();
        assertThat(quiet.line()).isEqualTo("Infinity");
        Cli smoothed = Cli.run("divergence", "--p", "0.5,0.5", "--q", "1,0", "--smoothing", "epsilon=1e-6", "--json");
        assertThat(smoothed.out()).contains("\"smoothing\" : \"epsilon=1.0E-6\"");
        assertThat(Cli.run("divergence", "--p", "0.5,0.5", "--q", "1,0", "--smoothing", "epsilon=1e-6").line())
                .doesNotContain("Infinity");
    }

    @Test
    void laplaceOnCountsAddsOnePerOutcome() {
        // P = (1+1, 1+1)/4, Q = (2+1, 0+1)/4 -> KL = 0.5 ln(0.5/0.75) + 0.5 ln(0.5/0.25)
        Cli r = Cli.run("divergence", "--counts", "--p", "1,1", "--q", "2,0", "--smoothing", "laplace", "--base", "e");
        assertThat(Double.parseDouble(r.line()))
                .isCloseTo(0.5 * Math.log(0.5 / 0.75) + 0.5 * Math.log(2), within(1e-15));
        assertThat(Cli.run("divergence", "--p", "0.5,0.5", "--q", "1,0", "--smoothing", "laplace").code())
                .isEqualTo(ExitCode.USAGE);
    }

    @Test
    void allMeasuresAndRenyi() {
        Cli all = Cli.run("divergence", "--p", "0.5,0.5", "--q", "0.9,0.1", "--measure", "all");
        assertThat(all.code()).isZero();
        assertThat(all.out()).contains("KL(P||Q)").contains("JS(P,Q)").contains("H(P,Q)")
                .contains("Hellinger(P,Q)").contains("TV(P,Q)");
        // TV = 0.5 * (|0.5-0.9| + |0.5-0.1|) = 0.4
        assertThat(all.out()).containsPattern("TV\\(P,Q\\)\t0\\.4\\d*\tunitless");
        // Renyi of order 2: ln sum p^2/q = ln(0.25/0.9 + 0.25/0.1)
        Cli r2 = Cli.run("divergence", "--p", "0.5,0.5", "--q", "0.9,0.1", "--measure", "renyi:2", "--base", "e");
        assertThat(Double.parseDouble(r2.line())).isCloseTo(Math.log(0.25 / 0.9 + 0.25 / 0.1), within(1e-12));
        assertThat(Cli.run("divergence", "--p", "0.5,0.5", "--q", "0.9,0.1", "--measure", "cosine").code())
                .isEqualTo(ExitCode.USAGE);
    }

    @Test
    void badDistributionsAreBadDataAndExplainNamesTheCost() {
        assertThat(Cli.run("divergence", "--p", "0.5,0.6", "--q", "0.9,0.1").code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(Cli.run("divergence", "--p", "0.5,0.5", "--q", "0.9,0.1,0").code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(Cli.run("divergence", "--p", "0.5,0.5").code()).isEqualTo(ExitCode.USAGE);
        Cli r = Cli.run("divergence", "--p", "0.5,0.5", "--q", "0.9,0.1", "--base", "e", "--explain");
        assertThat(r.out()).contains("coding data from P with a code built for Q costs 0.511 extra nats per symbol");
    }
}
