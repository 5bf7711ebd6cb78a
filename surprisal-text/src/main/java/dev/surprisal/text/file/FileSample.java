// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The bytes the context models and codecs of {@link FileAnalysis} see: the whole file when it has
 * at most the budget, else a stratified seeded sample of {@link #BLOCK}-byte blocks, one at a
 * random offset in each of {@code budget / BLOCK} equal strata of the file (so every region is
 * represented and the same seed gives the same blocks). Each block is kept apart: the codecs
 * compress the blocks one by one, and the spread of their rates gives the range of the estimate.
 *
 * @param fileBytes the file's size
 * @param offsets   where each block starts; one block at 0 covering the whole file when not sampled
 * @param lengths   the length of each block
 * @param seed      the seed of the offsets
 * @param data      the blocks, concatenated
 */
public record FileSample(long fileBytes, long[] offsets, int[] lengths, long seed, byte[] data) {
    /** Bytes per sampled block (1 MiB). */
    public static final int BLOCK = 1 << 20;

    /**
     * Reads the sample of {@code file}.
     *
     * @param file   the file
     * @param budget bytes the models may see; a larger file is sampled in {@code max(1, budget / BLOCK)} blocks
     *               (one block of {@code budget} bytes when it is under {@link #BLOCK})
     * @param seed   seed of the block offsets
     * @return the sample
     * @throws UncheckedIOException when the file cannot be read
     */
    public static FileSample read(Path file, int budget, long seed) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            long[] offsets;
            int[] lengths;
            if (size <= budget) {
                offsets = new long[] {0};
                lengths = new int[] {(int) size};
            } else {
                int blocks = Math.max(1, budget / BLOCK);
                long stratum = size / blocks;
                int len = (int) Math.min(Math.min(BLOCK, budget), stratum);
                SplittableRandom rng = new SplittableRandom(seed);
                offsets = new long[blocks];
                lengths = new int[blocks];
                for (int b = 0; b < blocks; b++) {
                    offsets[b] = b * stratum + rng.nextLong(stratum - len + 1);
                    lengths[b] = len;
                }
            }
            byte[] data = new byte[Math.toIntExact(Arrays.stream(lengths).asLongStream().sum())];
            int at = 0;
            for (int b = 0; b < offsets.length; b++) {
                ByteBuffer bb = ByteBuffer.wrap(data, at, lengths[b]);
                long pos = offsets[b];
                while (bb.hasRemaining()) {
                    int got = ch.read(bb, pos);
                    if (got < 0) {
                        throw new IOException("file shrank while being read");
                    }
                    pos += got;
                }
                at += lengths[b];
            }
            return new FileSample(size, offsets, lengths, seed, data);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether the models see only part of the file.
     *
     * @return true when the models see only part of the file
     */
    public boolean sampled() {
        return data.length < fileBytes;
    }

    /**
     * Number of blocks.
     *
     * @return the number of blocks
     */
    public int blocks() {
        return offsets.length;
    }

    /** Block {@code b} as its own array. */
    byte[] block(int b) {
        int from = 0;
        for (int x = 0; x < b; x++) {
            from += lengths[x];
        }
        return Arrays.copyOfRange(data, from, from + lengths[b]);
    }
}
