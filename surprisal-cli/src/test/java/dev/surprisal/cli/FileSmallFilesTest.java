// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * audit18 finding 8: {@code file} printed a χ² p-value from 1 byte and a Monte Carlo π of 4.000 from the one point of
 * a 6-byte file (while 5 bytes said "undefined"). Each statistic now says "undefined" below the size where it means
 * something, in text and JSON alike; {@code --ent} still prints what ent prints.
 */
class FileSmallFilesTest {
    @Test
    void aOneByteAndASixByteFileGetNoPValueNorPi(@TempDir Path dir) throws Exception {
        Path one = Files.writeString(dir.resolve("one.txt"), "a");
        Path six = Files.writeString(dir.resolve("tiny.txt"), "hello\n");
        Cli r1 = Cli.run("file", "--no-codecs", one.toString());
        assertThat(r1.code()).as(r1.err()).isZero();
        assertThat(r1.out()).contains("chi-square (255 df)          255.00, p undefined: 1 byte, fewer than 1,280")
                .doesNotContain("p = ")
                .contains("serial correlation           undefined: fewer than 4 bytes");
        Cli r6 = Cli.run("file", "--no-codecs", six.toString());
        assertThat(r6.out()).contains("Monte Carlo pi               undefined: 1 point of 6 bytes from 6 bytes")
                .doesNotContain("4.000000000");
        Cli j = Cli.run("file", "--no-codecs", "--json", six.toString());
        assertThat(j.code()).as(j.err()).isZero();
        JsonNode o = Json.mapper().readTree(j.out());
        assertThat(o.path("chi_square_p").isNull()).isTrue();
        assertThat(o.path("chi_square_p_reason").asText()).startsWith("undefined: 6 bytes, fewer than 1,280");
        assertThat(o.path("monte_carlo_pi").isNull()).isTrue();
        assertThat(o.path("monte_carlo_pi_reason").asText()).contains("needs 24 points (144 bytes)");
        assertThat(o.path("serial_correlation").isNumber()).isTrue();
        assertThat(o.path("chi_square").asDouble()).isPositive();
        // ent's own report is ent's, whatever the size
        assertThat(Cli.run("file", "--ent", six.toString()).out()).contains("Monte Carlo value for Pi is 4.000000000");
    }

    @Test
    void aFileLargeEnoughGetsEveryStatistic(@TempDir Path dir) throws Exception {
        byte[] b = new byte[1280];
        new java.util.SplittableRandom(5).nextBytes(b);
        Path f = Files.write(dir.resolve("r.bin"), b);
        Cli r = Cli.run("file", "--no-codecs", f.toString());
        assertThat(r.out()).contains(", p = ").doesNotContain("undefined");
    }
}
