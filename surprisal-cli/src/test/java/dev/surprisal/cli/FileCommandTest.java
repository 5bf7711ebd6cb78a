// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class FileCommandTest {
    private static final String TERSE_ONE_BYTE =
            "0,File-bytes,Entropy,Chi-square,Mean,Monte-Carlo-Pi,Serial-Correlation\n1,1,0.000000,255.000000,97.000000,-nan,-100000.000000\n";

    @Test
    void terseModePrintsEntsCsvVerbatim(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("a.bin"), "a");
        Cli r = Cli.run("file", "--terse", f.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo(TERSE_ONE_BYTE); // captured from Debian ent 1.2 -t
    }

    @Test
    void jsonAndExplainReportEveryBoundAndCodec(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("t.txt"), "the quick brown fox jumps over the lazy dog. ".repeat(200));
        Cli r = Cli.run("file", f.toString(), "--json", "--explain");
        assertThat(r.code()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("bytes").asLong()).isEqualTo(9000);
        assertThat(j.get("conditional_entropy")).hasSize(3);
        assertThat(j.get("conditional_entropy").get(0).get("estimator").asText()).isEqualTo("miller-madow");
        assertThat(codec(j, "xz -6").get("rate").asDouble()).isLessThan(j.get("entropy").asDouble());
        assertThat(j.get("explanation").asText()).contains("Order-0 entropy");
        Cli plain = Cli.run("file", f.toString(), "--order0");
        String[] fields = plain.out().split("\t");
        assertThat(fields[0]).isEqualTo(f.toString());
        assertThat(Double.parseDouble(fields[1])).isCloseTo(j.get("entropy").asDouble(), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(fields[2]).isEqualTo("bits per byte");
    }

    @Test
    void aMissingFileIsBadData() {
        Cli r = Cli.run("file", "/no/such/file");
        assertThat(r.code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(r.err()).contains("/no/such/file");
    }

    /** Tiny files: every null in the JSON has its {@code <name>_reason} (monte_carlo_pi had none). */
    @Test
    void everyNullOfATinyFileHasItsReason(@TempDir Path dir) throws Exception {
        for (int size = 1; size <= 2; size++) {
            Path f = Files.write(dir.resolve(size + ".bin"), size == 1 ? new byte[] {7} : new byte[] {7, 42});
            Cli r = Cli.run("file", f.toString(), "--json");
            assertThat(r.code()).as(r.err()).isZero();
            JsonNode root = new ObjectMapper().readTree(r.out());
            assertNullsHaveReasons(root, "$");
            assertThat(r.out()).contains("\"monte_carlo_pi_reason\" : \"undefined: 0 points of 6 bytes from " + size
                    + " byte");
        }
    }

    private static void assertNullsHaveReasons(JsonNode node, String path) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                assertNullsHaveReasons(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getValue().isNull()) {
                    assertThat(node.has(e.getKey() + "_reason")).as(path + "." + e.getKey() + " is null without a reason")
                            .isTrue();
                }
                assertNullsHaveReasons(e.getValue(), path + "." + e.getKey());
            });
        }
    }

    @Test
    void specialFilesAreNotCalledEmpty(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path fifo = dir.resolve("fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        Cli r = Cli.run("file", fifo.toString());
        assertThat(r.code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(r.err()).contains(fifo + ": a named pipe (FIFO), not a regular file").doesNotContain("empty");
        // /proc files say size 0 yet have content: this was "empty file (0 bytes)", exit 0
        Cli p = Cli.run("file", "/proc/self/status");
        assertThat(p.code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(p.err()).contains("size reads 0 bytes (as in /proc), not a regular file");
    }

    @Test
    void anEmptyFileIsSaidToBeEmptyWithoutNaN(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path f = java.nio.file.Files.createFile(dir.resolve("empty.bin"));
        Cli r = Cli.run("file", f.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo(f + ": empty file (0 bytes): there are no bytes to measure\n").doesNotContain("NaN");
        assertThat(Cli.run("file", f.toString(), "--json").out()).contains("\"empty\" : true").doesNotContain("NaN");
    }

    @Test
    void orderKEntropyOfRandomBytesIsEitherNearEightOrNotEstimable(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        byte[] b = new byte[300_000];
        new java.util.SplittableRandom(3).nextBytes(b);
        java.nio.file.Path f = java.nio.file.Files.write(dir.resolve("random.bin"), b);
        Cli r = Cli.run("file", f.toString(), "--no-codecs");
        assertThat(r.out()).contains("H(X | previous 1 bytes)      not estimable from 300000 bytes (needs 10 per distinct 2-byte string")
                .contains("H(X | previous 3 bytes)      not estimable from 300000 bytes");
        assertThat(Cli.run("file", "--help").out()).contains("k = 1, 2, 3");
    }

    @Test
    void aFileOverTheModelBudgetSaysItsCodecSizesAreEstimatedFromASample(@TempDir Path dir) throws Exception {
        byte[] text = Files.readAllBytes(Path.of("/usr/share/common-licenses/GPL-3"));
        byte[] b = new byte[3 << 20];
        for (int at = 0; at < b.length; at += text.length) {
            System.arraycopy(text, 0, b, at, Math.min(text.length, b.length - at));
        }
        Path f = Files.write(dir.resolve("licences.txt"), b);
        Cli r = Cli.run("file", f.toString(), "--model-bytes", "2097152", "--threads", "2");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("  models and codecs on a sample: 2 seeded 1 MiB blocks (seed 1), 2097152 of 3145728 bytes\n")
                .containsPattern("  xz -6 +\\d\\.\\d{6} bits/byte, estimated from 2 blocks: 95% interval "
                        + "\\d\\.\\d{6} to \\d\\.\\d{6} \\(about \\d+ bytes; the whole file may compress far smaller: this codec "
                        + "finds repeats between blocks\\)\n")
                .containsPattern("  deflate -9 +\\d\\.\\d{6} bits/byte, estimated from 2 blocks: 95% interval "
                        + "\\d\\.\\d{6} to \\d\\.\\d{6} \\(about \\d+ bytes\\)\n");
        JsonNode j = new ObjectMapper().readTree(Cli.run("file", f.toString(), "--model-bytes", "2097152", "--json",
                "--exact-codecs").out());
        assertThat(j.get("sample").get("sampled").asBoolean()).isTrue();
        assertThat(codec(j, "deflate -9").get("estimated").asBoolean()).isFalse();
        assertThat(Cli.run("file", f.toString(), "--threads", "0").err()).contains("--threads: must be at least 1, got 0");
    }

    /** The codec's entry of the JSON's codecs array. */
    private static JsonNode codec(JsonNode j, String label) {
        for (JsonNode c : j.get("codecs")) {
            if (c.get("codec").asText().equals(label)) {
                return c;
            }
        }
        throw new AssertionError("no codec " + label + " in " + j.get("codecs"));
    }
}
