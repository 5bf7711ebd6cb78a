// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.file;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Codec sizes of large files estimated from seeded blocks, against the real sizes of the whole file. */
class SampledCodecsTest {
    private static final Path GPL3 = Path.of("/usr/share/common-licenses/GPL-3");

    /**
     * 6 MiB of 64 KiB regions, each either random bytes or licence text (chosen by a seeded coin
     * with probability 0.3 of random): its blocks compress very differently, as in a real disk image.
     */
    static Path mixedFile(Path dir) throws IOException {
        SplittableRandom rng = new SplittableRandom(42);
        byte[] text = Files.readAllBytes(GPL3);
        byte[] out = new byte[6 << 20];
        for (int at = 0; at < out.length; at += 1 << 16) {
            if (rng.nextDouble() < 0.3) {
                byte[] r = new byte[1 << 16];
                rng.nextBytes(r);
                System.arraycopy(r, 0, out, at, r.length);
            } else {
                int from = rng.nextInt(text.length - (1 << 15));
                System.arraycopy(text, from, out, at, 1 << 15);
                System.arraycopy(text, rng.nextInt(text.length - (1 << 15)), out, at + (1 << 15), 1 << 15);
            }
        }
        return Files.write(dir.resolve("mixed.bin"), out);
    }

    @Test
    void aSampledEstimateSaysSoAndItsIntervalCoversTheRealDeflateRate(@TempDir Path dir) throws IOException {
        Path f = mixedFile(dir);
        FileAnalysis.Options o = FileAnalysis.Options.defaults().withModelBytes(4 << 20);
        AtomicLong steps = new AtomicLong();
        FileAnalysis est = FileAnalysis.of(f, o, steps::addAndGet);
        assertThat(steps.get()).isEqualTo(FileAnalysis.steps(Files.size(f), o)).isEqualTo(1 + 4 + 1 + 4 * 4);
        assertThat(est.sample().sampled()).isTrue();
        assertThat(est.sample().blocks()).isEqualTo(4);
        assertThat(est.modelBytes()).isEqualTo(4 << 20);
        assertThat(est.sampleDescription()).isEqualTo("4 seeded 1 MiB blocks (seed 1), 4194304 of 6291456 bytes");
        // each block lies in its own quarter of the file
        for (int b = 0; b < 4; b++) {
            assertThat(est.sample().offsets()[b]).isBetween(b * (6L << 20) / 4, (b + 1) * (6L << 20) / 4 - (1 << 20));
        }
        for (CompressedSizes.Codec c : CompressedSizes.Codec.values()) {
            CodecEstimate e = est.compressedSizes().get(c);
            assertThat(e.estimated()).isTrue();
            assertThat(e.blocks()).isEqualTo(4);
            assertThat(e.rateLow()).isLessThan(e.rate());
            assertThat(e.rateHigh()).isGreaterThan(e.rate());
            // only codecs that reach past one block can find more on the whole file than in the blocks
            assertThat(e.mayOverstate()).as(c.label()).isEqualTo(c.window() > FileSample.BLOCK);
        }
        assertThat(est.compressedSizes().get(CompressedSizes.Codec.XZ_6).mayOverstate()).isTrue();
        assertThat(est.compressedSizes().get(CompressedSizes.Codec.DEFLATE_9).mayOverstate()).isFalse();
        // deflate's 32 KiB window sees nothing across blocks, so blocks alone lose nothing: the truth is inside
        CodecEstimate d = est.compressedSizes().get(CompressedSizes.Codec.DEFLATE_9);
        double truth = 8.0 * CompressedSizes.size(CompressedSizes.Codec.DEFLATE_9, f) / Files.size(f);
        assertThat(truth).isBetween(d.rateLow(), d.rateHigh());
        assertThat(d.bytes()).isCloseTo(Math.round(d.rate() * Files.size(f) / 8), within(1L));
        assertThat(est.explain()).contains("estimates, with a 95% interval").contains("--exact-codecs");
    }

    @Test
    void exactCodecsOnASampledFileStreamTheWholeFile() throws IOException {
        byte[] text = Files.readAllBytes(GPL3);
        FileAnalysis.Options o = FileAnalysis.Options.defaults().withModelBytes(10_000).withCodecs(true, true);
        FileAnalysis exact = FileAnalysis.of(GPL3, o, n -> { });
        assertThat(exact.sample().sampled()).isTrue();
        assertThat(exact.modelBytes()).isEqualTo(10_000);
        assertThat(FileAnalysis.steps(text.length, o)).isEqualTo(1 + 4 + 1 + 4);
        for (CompressedSizes.Codec c : CompressedSizes.Codec.values()) {
            CodecEstimate x = exact.compressedSizes().get(c);
            assertThat(x.estimated()).isFalse();
            assertThat(x.mayOverstate()).isFalse();
            assertThat(x.bytes()).as(c.label()).isEqualTo(CompressedSizes.size(c, text));
        }
        assertThat(exact.codecsSampled()).isFalse();
        assertThat(exact.explain()).contains("The models saw 1 seeded 10000-byte block (seed 1)").doesNotContain("95% interval");
    }

    @Test
    void aFileWithinTheBudgetIsMeasuredWholeAndTheThreadCountChangesNothing(@TempDir Path dir) throws IOException {
        byte[] text = Files.readAllBytes(GPL3);
        FileAnalysis one = FileAnalysis.of(GPL3, FileAnalysis.Options.defaults().withThreads(1), n -> { });
        FileAnalysis three = FileAnalysis.of(GPL3, FileAnalysis.Options.defaults().withThreads(3), n -> { });
        assertThat(one.sample().sampled()).isFalse();
        assertThat(one.sampleDescription()).isEqualTo("the whole file");
        for (CompressedSizes.Codec c : CompressedSizes.Codec.values()) {
            assertThat(one.compressedSizes().get(c).estimated()).isFalse();
            assertThat(one.compressedSizes().get(c).bytes()).isEqualTo(CompressedSizes.size(c, text))
                    .isEqualTo(CompressedSizes.size(c, GPL3)).isEqualTo(three.compressedSizes().get(c).bytes());
        }
        assertThat(one.ppmOrder2BitsPerByte()).isEqualTo(three.ppmOrder2BitsPerByte());
        assertThat(one.conditionalEntropy(2)).isEqualTo(three.conditionalEntropy(2));
        // a budget under one block samples one block of the budget's size
        Path big = mixedFile(dir);
        FileAnalysis small = FileAnalysis.of(big, FileAnalysis.Options.defaults().withModelBytes(100_000)
                .withCodecs(false, false), n -> { });
        assertThat(small.modelBytes()).isEqualTo(100_000);
        assertThat(small.compressedSizes()).isEmpty();
    }
}
