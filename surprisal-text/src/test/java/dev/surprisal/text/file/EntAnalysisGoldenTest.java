// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** EntAnalysis prints what Debian's ent prints, character for character (golden: tools/reference/ent.py). */
class EntAnalysisGoldenTest {

    private static JsonNode golden() throws Exception {
        try (InputStream in = EntAnalysisGoldenTest.class.getResourceAsStream("/golden/ent.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(EntAnalysisGoldenTest.class.getResource("/golden/" + name).toURI());
    }

    @Test
    void terseAndPlainOutputMatchEntOnEveryGoldenFile() throws Exception {
        JsonNode cases = golden().get("cases");
        assertThat(cases.size()).isGreaterThanOrEqualTo(9);
        for (JsonNode c : cases) {
            Path file = resource(c.get("file").asText());
            EntAnalysis fromFile = EntAnalysis.of(file);
            EntAnalysis fromBytes = EntAnalysis.of(Files.readAllBytes(file));
            assertThat(fromFile.terse()).as(c.get("file").asText()).isEqualTo(c.get("terse").asText());
            assertThat(fromFile.report()).as(c.get("file").asText()).isEqualTo(c.get("plain").asText());
            assertThat(fromBytes.terse()).isEqualTo(fromFile.terse());
        }
    }

    @Test
    void parallelChunkedReadEqualsSequentialOnAFileSpanningSeveralChunks(@TempDir Path dir) throws Exception {
        byte[] data = new byte[60_000_001];
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (rng.nextInt(64) + (i % 3 == 0 ? 100 : 0));
        }
        Path f = dir.resolve("big.bin");
        Files.write(f, data);
        EntAnalysis a = EntAnalysis.of(f);
        EntAnalysis b = EntAnalysis.of(data);
        assertThat(a.terse()).isEqualTo(b.terse());
        assertThat(a.serialCorrelation()).isEqualTo(b.serialCorrelation());
        assertThat(a.monteCarloPi()).isEqualTo(b.monteCarloPi());
    }

    @Test
    void chiSquareTailAgreesWithTheExactDistributionToSixDigits() {
        // df = 2: the tail is exactly exp(−x/2)
        assertThat(ChiSquareTail.upperTail(3.0, 2)).isCloseTo(Math.exp(-1.5), org.assertj.core.data.Offset.offset(1e-12));
        // df = 1: 2·(1 − Φ(√x)); Φ(1.959964) = 0.975
        assertThat(ChiSquareTail.upperTail(1.959964 * 1.959964, 1)).isCloseTo(0.05, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void theOneShotPassBootstrapsNoInvokedynamic() throws Exception {
        // file --terse runs this code once: a string `+` or a lambda is an invokedynamic whose first run spins
        // method-handle classes (30-100 ms of CPU for terse()'s line under load; docs/benchmarks.md, terse18)
        java.util.List<Class<?>> classes = new java.util.ArrayList<>(
                java.util.List.of(EntAnalysis.class, ByteStreamStats.class, ChiSquareTail.class));
        classes.addAll(java.util.List.of(EntAnalysis.class.getDeclaredClasses()));
        assertThat(classes).hasSizeGreaterThan(3);
        for (Class<?> c : classes) {
            String pool;
            try (InputStream in = c.getResourceAsStream(c.getName().substring(c.getPackageName().length() + 1) + ".class")) {
                pool = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            }
            assertThat(pool).as(c.getName()).doesNotContain("StringConcatFactory").doesNotContain("LambdaMetafactory")
                    .doesNotContain("ObjectMethods");
        }
    }

    @Test
    void formattingFollowsGlibcHalfEvenOnExactTies() {
        assertThat(EntAnalysis.c(0.125, 2)).isEqualTo("0.12");
        assertThat(EntAnalysis.c(0.375, 2)).isEqualTo("0.38");
        assertThat(EntAnalysis.c(-1e-9, 6)).isEqualTo("-0.000000");
        assertThat(EntAnalysis.c(Double.NaN, 6)).isEqualTo("-nan");
    }
}
