// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** From how many bytes each of ent's statistics is given (audit18 finding 8). */
class EntSmallFilesTest {
    private static EntAnalysis random(int n) {
        byte[] b = new byte[n];
        new SplittableRandom(n).nextBytes(b);
        return EntAnalysis.of(b);
    }

    @Test
    void theChiSquarePValueNeedsFiveExpectedOfEachByteValue() {
        assertThat(EntSmallFiles.chiSquareP(EntAnalysis.of(new byte[] {'a'}))).isEqualTo("undefined: 1 byte, fewer"
                + " than 1,280 (the chi-square tail needs 5 expected of each of the 256 byte values)");
        assertThat(EntSmallFiles.chiSquareP(random(1279))).startsWith("undefined: 1,279 bytes");
        assertThat(EntSmallFiles.chiSquareP(random(1280))).isNull();
    }

    @Test
    void monteCarloPiNeedsTwentyFourPoints() {
        // one point of 6 bytes gives only 0 or 4: ent prints 4.000000000 for "hello\n"
        EntAnalysis six = EntAnalysis.of("hello\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(six.monteCarloPi()).isEqualTo(4.0);
        assertThat(EntSmallFiles.monteCarloPi(six)).isEqualTo("undefined: 1 point of 6 bytes from 6 bytes; an"
                + " estimate needs 24 points (144 bytes), 5 expected outside the circle");
        assertThat(EntSmallFiles.monteCarloPi(random(5))).startsWith("undefined: 0 points of 6 bytes from 5 bytes");
        assertThat(EntSmallFiles.monteCarloPi(random(143))).startsWith("undefined: 23 points");
        assertThat(EntSmallFiles.monteCarloPi(random(144))).isNull();
        // the bound's reason: 24 random points fall outside the quarter circle 5.15 times on average
        assertThat(EntSmallFiles.MONTE_CARLO_POINTS * (1 - Math.PI / 4)).isGreaterThanOrEqualTo(5.0);
        assertThat((EntSmallFiles.MONTE_CARLO_POINTS - 1) * (1 - Math.PI / 4)).isLessThan(5.0);
    }

    @Test
    void theSerialCorrelationOfTwoOrThreeBytesIsFixedWhateverTheBytes() {
        SplittableRandom r = new SplittableRandom(1);
        for (int trial = 0; trial < 20; trial++) {
            byte[] two = {(byte) r.nextInt(256), (byte) r.nextInt(256)};
            byte[] three = {(byte) r.nextInt(256), (byte) r.nextInt(256), (byte) r.nextInt(256)};
            EntAnalysis a2 = EntAnalysis.of(two);
            EntAnalysis a3 = EntAnalysis.of(three);
            if (a2.serialCorrelationDefined()) {
                assertThat(a2.serialCorrelation()).isCloseTo(-1.0, within(1e-12));
            }
            if (a3.serialCorrelationDefined()) {
                assertThat(a3.serialCorrelation()).isCloseTo(-0.5, within(1e-12));
            }
            assertThat(EntSmallFiles.serialCorrelation(a2)).startsWith("undefined: fewer than 4 bytes");
            assertThat(EntSmallFiles.serialCorrelation(a3)).startsWith("undefined: fewer than 4 bytes");
        }
        assertThat(EntSmallFiles.serialCorrelation(EntAnalysis.of(new byte[] {1, 2, 4, 3}))).isNull();
        assertThat(EntSmallFiles.serialCorrelation(EntAnalysis.of(new byte[] {7, 7, 7, 7, 7})))
                .isEqualTo("undefined: all byte values are equal");
    }
}
