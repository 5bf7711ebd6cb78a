// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.inference;

import com.fasterxml.jackson.databind.JsonNode;
import dev.surprisal.core.ValidationException;
import org.junit.jupiter.api.Test;

import static dev.surprisal.inference.ScipyTestsGoldenTest.close;
import static dev.surprisal.inference.ScipyTestsGoldenTest.doubles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code scipy.stats.ks_2samp}, {@code kstwo.sf} and {@code special.smirnov} of scipy 1.10 (tools/reference/inference.py). */
class KolmogorovSmirnovGoldenTest {

    private static JsonNode golden() throws Exception {
        ScipyTestsGoldenTest.load();
        return ScipyTestsGoldenTest.golden;
    }

    @Test
    void twoSampleTestMatchesKs2samp() throws Exception {
        JsonNode g = golden();
        int checked = 0;
        int asymptotic = 0;
        for (JsonNode c : g.get("ks_2samp")) {
            JsonNode sample = g.get("ks_samples").get(c.get("name").asText());
            double[] x = doubles(sample.get("x"));
            double[] y = doubles(sample.get("y"));
            Alternative alt = Alternative.parse(c.get("alternative").asText());
            KolmogorovSmirnovTest.Method method = KolmogorovSmirnovTest.Method.parse(c.get("method").asText());
            KolmogorovSmirnovTest test = KolmogorovSmirnovTest.twoSample().withAlternative(alt).withMethod(method);
            String what = c.get("name").asText() + " " + alt.scipyName() + " " + method.scipyName();
            if (c.get("pvalue").isNull()) {
                // scipy answers NaN for one value against one with method='asymp'; the library says why
                assertThatThrownBy(() -> test.test(x, y)).as(what).isInstanceOf(ValidationException.class)
                        .hasMessageContaining("EXACT");
                continue;
            }
            KolmogorovSmirnovResult r = test.test(x, y);
            close(r.statistic(), c.get("statistic").asDouble(), 1e-12, 0, what + " statistic");
            close(r.pValue(), c.get("pvalue").asDouble(), 1e-11, 1e-15, what + " p");
            assertThat(r.statisticLocation()).as(what + " location").isEqualTo(c.get("statistic_location").asDouble());
            assertThat(r.statisticSign()).as(what + " sign").isEqualTo(c.get("statistic_sign").asInt());
            assertThat(r.alternative()).isEqualTo(alt);
            assertThat(r.method()).isNotEqualTo(KolmogorovSmirnovTest.Method.AUTO);
            assertThat(r.n1()).isEqualTo(x.length);
            asymptotic += r.method() == KolmogorovSmirnovTest.Method.ASYMP ? 1 : 0;
            checked++;
        }
        assertThat(checked).isGreaterThan(100);
        assertThat(asymptotic).isGreaterThan(30);
    }

    @Test
    void kolmogorovDistributionMatchesKstwo() throws Exception {
        JsonNode g = golden();
        for (JsonNode c : g.get("kstwo")) {
            int n = c.get("n").asInt();
            double d = c.get("d").asDouble();
            close(KolmogorovDistribution.twoSidedSf(n, d), c.get("sf").asDouble(), 1e-11, 1e-15,
                    "kstwo.sf(" + d + ", " + n + ")");
        }
        for (JsonNode c : g.get("smirnov")) {
            int n = c.get("n").asInt();
            double d = c.get("d").asDouble();
            close(KolmogorovDistribution.oneSidedSf(n, d), c.get("sf").asDouble(), 1e-11, 1e-15,
                    "smirnov(" + n + ", " + d + ")");
        }
    }
}
