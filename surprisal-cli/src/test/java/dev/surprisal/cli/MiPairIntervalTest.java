// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mi --x A --y B --bootstrap B} prints the pair's interval (audit of 2 Dec, issue 9, D4: it printed none and
 * said nothing, while --help promised it "for every pair"): the same interval, in the same unit, as the pair gets
 * as a feature of {@code --target}.
 */
class MiPairIntervalTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** 200 rows of two 3-valued columns, y = x for 70% of the rows (true MI 0.4596 nats). */
    private static Path csv(Path dir) throws IOException {
        SplittableRandom r = new SplittableRandom(7);
        StringBuilder sb = new StringBuilder("x,y\n");
        for (int i = 0; i < 200; i++) {
            int x = r.nextInt(3);
            int y = r.nextDouble() < 0.7 ? x : r.nextInt(3);
            sb.append("v").append(x).append(",w").append(y).append('\n');
        }
        Path f = dir.resolve("t.csv");
        Files.writeString(f, sb.toString());
        return f;
    }

    @Test
    void thePairPrintsTheIntervalItsTargetRankingGives(@TempDir Path dir) throws Exception {
        Path f = csv(dir);
        Cli pair = Cli.run("mi", "--data", f.toString(), "--x", "x", "--y", "y", "--bootstrap", "500", "--json");
        assertThat(pair.code()).as(pair.err()).isZero();
        JsonNode p = JSON.readTree(pair.out());
        Cli ranked = Cli.run("mi", "--data", f.toString(), "--target", "y", "--bootstrap", "500", "--json");
        assertThat(ranked.code()).as(ranked.err()).isZero();
        JsonNode feature = JSON.readTree(ranked.out()).get("features").get(0);

        assertThat(p.get("ci_method").asText()).isEqualTo("basic");
        assertThat(p.get("bootstrap").asInt()).isEqualTo(500);
        assertThat(p.get("ci_lower").asDouble()).isLessThanOrEqualTo(p.get("value").asDouble());
        assertThat(p.get("ci_upper").asDouble()).isGreaterThanOrEqualTo(p.get("value").asDouble());
        assertThat(p.get("ci_lower").asDouble()).isEqualTo(feature.get("ci_lower").asDouble());
        assertThat(p.get("ci_upper").asDouble()).isEqualTo(feature.get("ci_upper").asDouble());
        assertThat(feature.get("ci_method").asText()).isEqualTo("basic");

        Cli text = Cli.run("mi", "--data", f.toString(), "--x", "x", "--y", "y", "--bootstrap", "500");
        assertThat(text.out() + text.err()).contains("95% CI of I(X;Y): [" + TextTable.num(p.get("ci_lower").asDouble())
                + ", " + TextTable.num(p.get("ci_upper").asDouble()) + "] bits (basic bootstrap, 500 replicates)");
    }

    @Test
    void noIntervalIsExplainedInTheJson(@TempDir Path dir) throws Exception {
        Cli pair = Cli.run("mi", "--data", csv(dir).toString(), "--x", "x", "--y", "y", "--bootstrap", "0", "--json");
        assertThat(pair.code()).as(pair.err()).isZero();
        JsonNode p = JSON.readTree(pair.out());
        assertThat(p.get("ci_lower").isNull()).isTrue();
        assertThat(p.get("ci_lower_reason").asText()).contains("--bootstrap 0");
    }
}
