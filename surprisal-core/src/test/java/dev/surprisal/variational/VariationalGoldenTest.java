// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.variational;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against numpy/scipy values written by tools/reference/variational.py. */
class VariationalGoldenTest {
    static JsonNode golden;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = VariationalGoldenTest.class.getResourceAsStream("/golden/variational.json")) {
            golden = new ObjectMapper().readTree(in);
        }
    }

    static double[] vec(JsonNode n) {
        double[] v = new double[n.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = n.get(i).asDouble();
        }
        return v;
    }

    static double[][] mat(JsonNode n) {
        double[][] m = new double[n.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = vec(n.get(i));
        }
        return m;
    }

    @Test
    void linearGaussianEvidenceAndPosteriorMatchScipy() {
        JsonNode g = golden.get("linearGaussian");
        LinearGaussianModel model = LinearGaussianModel.of(
                new double[][] {{1.0, 0.5}, {-0.3, 2.0}, {0.7, -1.1}, {0.2, 0.4}}, new double[] {0.5, -1, 0, 2}, 0.3);
        double[] x = {1.2, 0.4, -0.9, 2.5};
        assertThat(model.logEvidence(x)).isCloseTo(g.get("logEvidence").asDouble(), within(1e-12));
        MultivariateGaussian post = model.posterior(x);
        double[] m = vec(g.get("posteriorMean"));
        double[][] c = mat(g.get("posteriorCov"));
        for (int i = 0; i < 2; i++) {
            assertThat(post.mean()[i]).isCloseTo(m[i], within(1e-12));
            for (int j = 0; j < 2; j++) {
                assertThat(post.covariance()[i][j]).isCloseTo(c[i][j], within(1e-12));
            }
        }
    }

    @Test
    void fullKlAndLogSumExpMatchNumpy() {
        JsonNode k = golden.get("klFull");
        assertThat(GaussianKl.full(vec(k.get("mu0")), mat(k.get("cov0")), vec(k.get("mu1")), mat(k.get("cov1"))))
                .isCloseTo(k.get("kl").asDouble(), within(1e-12));
        JsonNode w = golden.get("logWeights");
        assertThat(LogWeights.logSumExp(vec(w.get("w")))).isCloseTo(w.get("logSumExp").asDouble(), within(1e-10));
        assertThat(LogWeights.logMeanExp(vec(w.get("w")))).isCloseTo(w.get("logMeanExp").asDouble(), within(1e-10));
    }
}
