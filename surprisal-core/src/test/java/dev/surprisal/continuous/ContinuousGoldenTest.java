// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.continuous;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surprisal.continuous.gaussian.GaussianEntropy;
import dev.surprisal.continuous.gaussian.GaussianMutualInformation;
import dev.surprisal.continuous.spacing.SpacingEntropy;
import dev.surprisal.core.Base;
import dev.surprisal.dependence.Correlation;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Matches scipy / numpy golden values from tools/reference/continuous.py (golden/continuous.json). */
class ContinuousGoldenTest {
    private static final double REL = 1e-12;
    private static JsonNode golden;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = ContinuousGoldenTest.class.getResourceAsStream("/golden/continuous.json")) {
            golden = new ObjectMapper().readTree(in);
        }
    }

    static void close(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(REL * Math.max(1.0, Math.abs(expected))));
    }

    static double[] doubles(JsonNode node) {
        double[] v = new double[node.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = node.get(i).asDouble();
        }
        return v;
    }

    static int[] ints(JsonNode node) {
        int[] v = new int[node.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = node.get(i).asInt();
        }
        return v;
    }

    static double[][] matrix(JsonNode node) {
        double[][] m = new double[node.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = doubles(node.get(i));
        }
        return m;
    }

    @TestFactory
    Stream<DynamicTest> spacingEntropyMatchesScipy() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode sample : golden.get("spacing")) {
            double[] data = doubles(sample.get("data"));
            for (JsonNode c : sample.get("cases")) {
                String method = c.get("method").asText();
                SpacingEntropy.Method m = SpacingEntropy.Method.valueOf(method.toUpperCase(Locale.ROOT).replace(' ', '_'));
                JsonNode w = c.get("window");
                int window = w == null || w.isNull() ? SpacingEntropy.defaultWindowLength(data.length) : w.asInt();
                Base base = c.has("base") ? Base.of(c.get("base").asDouble()) : Base.NATS;
                String name = sample.get("name").asText() + " " + method + " m=" + window + " " + base;
                tests.add(DynamicTest.dynamicTest(name, () ->
                        close(SpacingEntropy.estimate(data, m, window, base), c.get("entropy").asDouble())));
            }
        }
        assertThat(tests).hasSizeGreaterThan(200);
        return tests.stream();
    }

    @Test
    void autoResolvesAsScipy() {
        assertThat(SpacingEntropy.resolve(SpacingEntropy.Method.AUTO, 10)).isEqualTo(SpacingEntropy.Method.VAN_ES);
        assertThat(SpacingEntropy.resolve(SpacingEntropy.Method.AUTO, 11)).isEqualTo(SpacingEntropy.Method.EBRAHIMI);
        assertThat(SpacingEntropy.resolve(SpacingEntropy.Method.AUTO, 1000)).isEqualTo(SpacingEntropy.Method.EBRAHIMI);
        assertThat(SpacingEntropy.resolve(SpacingEntropy.Method.AUTO, 1001)).isEqualTo(SpacingEntropy.Method.VASICEK);
        assertThat(SpacingEntropy.defaultWindowLength(100)).isEqualTo(10);
        assertThat(SpacingEntropy.defaultWindowLength(6)).isEqualTo(2); // sqrt(6) + 0.5 = 2.95
    }

    @Test
    void gaussianEntropyAndMutualInformationMatchScipyAndNumpy() {
        int checked = 0;
        for (JsonNode g : golden.get("gaussian")) {
            double[][] cov = matrix(g.get("cov"));
            close(GaussianEntropy.ofCovariance(cov, Base.NATS), g.get("entropy").asDouble());
            close(GaussianEntropy.ofCovariance(cov, Base.BITS), g.get("entropy").asDouble() / Math.log(2));
            if (cov.length == 1) {
                close(GaussianEntropy.ofVariance(cov[0][0], Base.NATS), g.get("entropy").asDouble());
            }
            if (g.has("mi")) {
                close(GaussianMutualInformation.ofCovariance(cov, ints(g.get("x")), ints(g.get("y")), Base.NATS),
                        g.get("mi").asDouble());
                checked++;
            }
            if (g.has("cmi")) {
                close(GaussianMutualInformation.conditional(cov, ints(g.get("cx")), ints(g.get("cy")),
                        ints(g.get("cz")), Base.NATS), g.get("cmi").asDouble());
                checked++;
            }
        }
        assertThat(checked).isEqualTo(5);
        for (JsonNode b : golden.get("bivariate")) {
            close(GaussianMutualInformation.ofCorrelation(b.get("rho").asDouble(), Base.NATS), b.get("mi").asDouble());
        }
    }

    @Test
    void gaussianMutualInformationFromSamplesMatchesNumpy() {
        JsonNode s = golden.get("from_samples");
        double[][] data = matrix(s.get("data"));
        double[][] x = new double[data.length][];
        double[][] y = new double[data.length][];
        double[][] x0 = new double[data.length][];
        double[][] x1 = new double[data.length][];
        double[] c0 = new double[data.length];
        double[] c1 = new double[data.length];
        for (int i = 0; i < data.length; i++) {
            x[i] = new double[] {data[i][0], data[i][1]};
            y[i] = new double[] {data[i][2], data[i][3]};
            x0[i] = new double[] {data[i][0]};
            x1[i] = new double[] {data[i][1]};
            c0[i] = data[i][0];
            c1[i] = data[i][1];
        }
        close(GaussianMutualInformation.fromSamples(x, y, Base.NATS), s.get("mi").asDouble());
        close(GaussianMutualInformation.fromSamples(c0, c1, Base.NATS), s.get("mi01").asDouble());
        close(GaussianMutualInformation.conditionalFromSamples(x0, x1, y, Base.NATS),
                s.get("cmi_0_1_given_23").asDouble());
    }

    @Test
    void pearsonSpearmanAndRanksMatchScipy() {
        for (JsonNode c : golden.get("correlation")) {
            double[] x = doubles(c.get("x"));
            double[] y = doubles(c.get("y"));
            close(Correlation.pearson(x, y), c.get("pearson").asDouble());
            close(Correlation.spearman(x, y), c.get("spearman").asDouble());
            assertThat(Correlation.ranks(x)).containsExactly(doubles(c.get("ranks_x")));
        }
    }
}
