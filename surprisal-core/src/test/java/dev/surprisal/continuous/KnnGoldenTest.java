// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.continuous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surprisal.core.Base;
import dev.surprisal.knn.PointSet;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Golden values from tools/reference/knn.py (scikit-learn 1.2, scipy cKDTree, brute-force numpy). */
class KnnGoldenTest {
    static JsonNode golden;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = KnnGoldenTest.class.getResourceAsStream("/golden/knn.json")) {
            golden = new ObjectMapper().readTree(in);
        }
    }

    static double[] doubles(JsonNode a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).asDouble();
        }
        return v;
    }

    static int[] ints(JsonNode a) {
        int[] v = new int[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).asInt();
        }
        return v;
    }

    static PointSet points(JsonNode flat, int d) {
        double[] v = doubles(flat);
        return PointSet.wrap(v.length / d, d, v);
    }

    @Test
    void ksg1EqualsSklearnComputeMiCc() {
        for (JsonNode c : golden.get("mi_cc")) {
            KnnEstimate e = KraskovMutualInformation.estimate(doubles(c.get("x")), doubles(c.get("y")),
                    c.get("k").asInt(), KraskovMutualInformation.Algorithm.KSG1, Base.NATS);
            String at = c.get("name").asText() + " k=" + c.get("k");
            assertThat(e.nats()).as(at).isCloseTo(c.get("mi_unclipped").asDouble(), within(1e-10));
            assertThat(Math.max(0, e.nats())).as(at).isCloseTo(c.get("mi").asDouble(), within(1e-10));
        }
    }

    @Test
    void rossEqualsSklearnComputeMiCd() {
        for (JsonNode c : golden.get("mi_cd")) {
            KnnEstimate e = RossMutualInformation.estimate(doubles(c.get("c")), ints(c.get("d")), c.get("k").asInt(), Base.NATS);
            String at = c.get("name").asText() + " k=" + c.get("k");
            assertThat(e.nats()).as(at).isCloseTo(c.get("mi_unclipped").asDouble(), within(1e-10));
        }
    }

    @Test
    void rossReportsDroppedSingletonLabels() {
        JsonNode c = golden.get("mi_cd").get(0);
        KnnEstimate e = RossMutualInformation.estimate(doubles(c.get("c")), ints(c.get("d")), 3, Base.NATS);
        assertThat(e.n()).isEqualTo(c.get("c").size() - 2);
        assertThat(e.warnings()).anyMatch(w -> w.contains("only once"));
    }

    @Test
    void kozachenkoLeonenkoEqualsCKDTreeReference() {
        for (JsonNode c : golden.get("entropy_kl")) {
            int d = c.get("d").asInt();
            KnnEstimate e = KozachenkoLeonenkoEntropy.estimate(points(c.get("x"), d), c.get("k").asInt(), Base.NATS);
            assertThat(e.nats()).as("d=" + d + " k=" + c.get("k")).isCloseTo(c.get("h").asDouble(), within(1e-10));
        }
    }

    @Test
    void divergenceEqualsCKDTreeReference() {
        for (JsonNode c : golden.get("divergence")) {
            int d = c.get("d").asInt();
            KnnEstimate e = KnnDivergence.estimate(points(c.get("x"), d), points(c.get("y"), d), c.get("k").asInt(), Base.NATS);
            assertThat(e.nats()).as("d=" + d + " k=" + c.get("k")).isCloseTo(c.get("kl").asDouble(), within(1e-10));
        }
    }

    @Test
    void ksg2EqualsBruteForceReference() {
        for (JsonNode c : golden.get("ksg2")) {
            KnnEstimate e = KraskovMutualInformation.estimate(points(c.get("x"), c.get("dx").asInt()),
                    points(c.get("y"), c.get("dy").asInt()), c.get("k").asInt(), KraskovMutualInformation.Algorithm.KSG2, Base.NATS);
            assertThat(e.nats()).as("k=" + c.get("k")).isCloseTo(c.get("mi").asDouble(), within(1e-10));
        }
    }

    @Test
    void frenzelPompeEqualsBruteForceReference() {
        for (JsonNode c : golden.get("cmi_fp")) {
            KnnEstimate e = FrenzelPompeConditionalMutualInformation.estimate(points(c.get("x"), 1),
                    points(c.get("y"), 1), points(c.get("z"), 1), c.get("k").asInt(), Base.NATS);
            assertThat(e.nats()).as("k=" + c.get("k")).isCloseTo(c.get("cmi").asDouble(), within(1e-10));
        }
    }

    @Test
    void gaoEqualsBruteForceReference() {
        for (JsonNode c : golden.get("gao")) {
            KnnEstimate e = GaoMixedMutualInformation.estimate(points(c.get("x"), 1), points(c.get("y"), 1),
                    c.get("k").asInt(), Base.NATS);
            assertThat(e.nats()).as("k=" + c.get("k")).isCloseTo(c.get("mi").asDouble(), within(1e-10));
        }
    }

    @Test
    void sklearnPublicFunctionsAgreeWithinNoise() {
        JsonNode r = golden.get("regression");
        double[][] f = new double[r.get("features").size()][];
        for (int i = 0; i < f.length; i++) {
            f[i] = doubles(r.get("features").get(i));
        }
        double[] reg = SklearnMutualInfo.mutualInfoRegression(f, doubles(r.get("target")));
        assertThat(reg).containsExactly(doubles(r.get("mi")), within(2e-3));
        JsonNode c = golden.get("classif");
        double[] cls = SklearnMutualInfo.mutualInfoClassif(f, ints(c.get("target")));
        assertThat(cls).containsExactly(doubles(c.get("mi")), within(2e-3));
    }

    @Test
    void unitsConvert() {
        JsonNode c = golden.get("mi_cc").get(0);
        KnnEstimate nats = KraskovMutualInformation.estimate(doubles(c.get("x")), doubles(c.get("y")));
        KnnEstimate bits = KraskovMutualInformation.estimate(doubles(c.get("x")), doubles(c.get("y")), 3,
                KraskovMutualInformation.Algorithm.KSG1, Base.BITS);
        assertThat(bits.value()).isCloseTo(nats.nats() / Math.log(2), within(1e-12));
        assertThat(bits.unit()).isEqualTo("bits");
    }
}
