// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.estimators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surprisal.core.Base;
import dev.surprisal.counts.ContingencyTable;
import dev.surprisal.counts.Counts;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every estimator against the independent Python re-implementations of
 * {@code tools/reference/estimators.py} (scipy, and mpmath + scipy.integrate.quad for NSB).
 */
class EstimatorsGoldenTest {
    static JsonNode golden() throws IOException {
        try (InputStream in = EstimatorsGoldenTest.class.getResourceAsStream("/golden/estimators.json")) {
            assertThat(in).as("golden/estimators.json on the test classpath").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    static long[] longs(JsonNode array) {
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asLong();
        }
        return out;
    }

    static ContingencyTable table(JsonNode rows) {
        long[][] t = new long[rows.size()][];
        for (int r = 0; r < t.length; r++) {
            t[r] = longs(rows.get(r));
        }
        return ContingencyTable.of(t);
    }

    /** NSB is a numerical integral on both sides; the closed forms must agree to rounding. */
    private static double tolerance(String estimator, double expected) {
        double scale = Math.max(1.0, Math.abs(expected));
        return "nsb".equals(estimator) ? 1e-8 * scale : 1e-12 * scale;
    }

    @TestFactory
    List<DynamicTest> entropyMatchesReference() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : golden().get("entropy")) {
            Counts counts = Counts.of(longs(c.get("counts")));
            for (String name : EntropyEstimators.names()) {
                double expected = c.get(name).asDouble();
                tests.add(DynamicTest.dynamicTest(name + " " + counts, () -> {
                    double nats = EntropyEstimators.byName(name).entropy(counts, Base.NATS);
                    assertThat(nats).isCloseTo(expected, within(tolerance(name, expected)));
                    double bits = EntropyEstimators.byName(name).entropy(counts, Base.BITS);
                    assertThat(bits).isCloseTo(expected / Math.log(2), within(tolerance(name, expected) * 2));
                }));
            }
            double sd = c.get("nsb_sd").asDouble();
            tests.add(DynamicTest.dynamicTest("nsb sd " + counts, () ->
                    assertThat(NsbEntropy.INSTANCE.posterior(counts, Base.NATS).standardDeviation())
                            .isCloseTo(sd, within(1e-7 * Math.max(1, sd)))));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> nsbWithExplicitAlphabetMatchesReference() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : golden().get("nsb_explicit_k")) {
            Counts counts = Counts.of(longs(c.get("counts")));
            long k = c.get("k").asLong();
            tests.add(DynamicTest.dynamicTest("nsb K=" + k + " " + counts, () -> {
                NsbEntropy.Posterior p = NsbEntropy.withAlphabetSize(k).posterior(counts, Base.NATS);
                assertThat(p.mean()).isCloseTo(c.get("nsb").asDouble(), within(1e-8));
                assertThat(p.standardDeviation()).isCloseTo(c.get("nsb_sd").asDouble(), within(1e-7));
                assertThat(p.base()).isEqualTo(Base.NATS);
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> mutualInformationMatchesReference() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : golden().get("independence")) {
            ContingencyTable t = table(c.get("table"));
            c.get("mi").properties().forEach(e -> tests.add(DynamicTest.dynamicTest(
                    e.getKey() + " MI " + t, () -> {
                        double expected = e.getValue().asDouble();
                        double mi = EntropyEstimators.byName(e.getKey()).mutualInformation(t, Base.NATS);
                        assertThat(mi).isCloseTo(expected, within(1e-11));
                        assertThat(EntropyEstimators.byName(e.getKey()).mutualInformationClipped(t, Base.NATS))
                                .isEqualTo(Math.max(0.0, mi));
                    })));
        }
        return tests;
    }
}
