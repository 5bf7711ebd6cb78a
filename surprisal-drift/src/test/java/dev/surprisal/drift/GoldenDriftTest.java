// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surprisal.data.profile.Moments;
import dev.surprisal.measures.Smoothing;
import dev.surprisal.inference.KolmogorovSmirnovResult;
import dev.surprisal.inference.KolmogorovSmirnovTest;
import dev.surprisal.measures.Wasserstein;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.assertj.core.data.Percentage.withPercentage;

/** Against scipy: tools/reference/drift.py writes golden/drift.json. */
class GoldenDriftTest {
    private static JsonNode golden() throws IOException {
        try (InputStream in = GoldenDriftTest.class.getResourceAsStream("/golden/drift.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static long[] longs(JsonNode a) {
        long[] out = new long[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asLong();
        }
        return out;
    }

    private static double[] doubles(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asDouble();
        }
        return out;
    }

    @Test
    void binnedDivergencesMatchScipy() throws IOException {
        for (JsonNode c : golden().get("binned")) {
            BinnedDivergences d = BinnedDivergences.of(longs(c.get("reference")), longs(c.get("current")),
                    Smoothing.jeffreys());
            assertThat(d.klNats()).isCloseTo(c.get("klNats").asDouble(), offset(1e-12));
            assertThat(d.reverseKlNats()).isCloseTo(c.get("reverseKlNats").asDouble(), offset(1e-12));
            assertThat(d.psi()).isCloseTo(c.get("psi").asDouble(), offset(1e-12));
            assertThat(d.jsBits()).isCloseTo(c.get("jsBits").asDouble(), offset(1e-12));
            assertThat(d.hellinger()).isCloseTo(c.get("hellinger").asDouble(), offset(1e-12));
            assertThat(d.totalVariation()).isCloseTo(c.get("tv").asDouble(), offset(1e-12));
            assertThat(d.gTestPValue()).isCloseTo(c.get("gPValue").asDouble(), offset(1e-10));
            assertThat(d.chiSquaredPValue()).isCloseTo(c.get("chi2PValue").asDouble(), offset(1e-10));
        }
    }

    @Test
    void sampleKsAndWassersteinMatchScipy() throws IOException {
        for (JsonNode c : golden().get("samples")) {
            double[] a = doubles(c.get("reference"));
            double[] b = doubles(c.get("current"));
            // the calls DriftScorer makes on the seeded samples
            KolmogorovSmirnovResult r = KolmogorovSmirnovTest.twoSample().withMethod(KolmogorovSmirnovTest.Method.ASYMP)
                    .test(a, b);
            assertThat(r.statistic()).isCloseTo(c.get("ks").asDouble(), offset(1e-12));
            assertThat(r.pValue()).isCloseTo(c.get("ksPValueAsymptotic").asDouble(), offset(1e-10));
            assertThat(Wasserstein.distance(a, b)).isCloseTo(c.get("wasserstein").asDouble(), offset(1e-10));
            assertThat(Moments.of(a, a.length).std()).isCloseTo(c.get("referenceStd").asDouble(), offset(1e-12));
        }
    }

    @Test
    void rangeExceedanceMatchesExactCombinatorics() throws IOException {
        for (JsonNode c : golden().get("exceedance")) {
            assertThat(RangeExceedance.survival(c.get("k").asLong(), c.get("n").asLong(), c.get("m").asLong()))
                    .isCloseTo(c.get("survival").asDouble(), withPercentage(1e-6));
        }
    }

    @Test
    void psiCriticalValueMatchesChiSquaredQuantile() throws IOException {
        for (JsonNode c : golden().get("critical")) {
            assertThat(Measure.PSI.critical(c.get("alpha").asDouble(), c.get("df").asInt(), c.get("n").asLong(),
                    c.get("m").asLong())).isCloseTo(c.get("psi").asDouble(), withPercentage(1e-7));
        }
    }
}
