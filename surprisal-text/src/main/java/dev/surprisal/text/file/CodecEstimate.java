// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.file;

/**
 * One codec's result on a file: the real size when it compressed the whole file, else an estimate
 * from a {@link FileSample} of blocks compressed one by one.
 *
 * <p>The estimated rate is Σ compressed / Σ raw over the blocks, in bits per input byte, and the
 * range is its 95% confidence interval from the spread of the block rates (Student t with
 * blocks − 1 degrees of freedom, stratified blocks treated as a simple random sample), so it covers
 * how much the file's regions differ, not the bias of compressing blocks alone: a block cannot refer
 * to a repeat in another block, so for codecs with long windows (xz's 8 MiB dictionary, zstd's
 * 128 MiB --long) the real size of a file with long-range repeats is smaller than estimated.
 *
 * @param codec     the codec
 * @param estimated whether the figures come from a sample
 * @param blocks    blocks compressed (1 when exact)
 * @param rate      bits per input byte
 * @param rateLow   lower end of the 95% interval of the rate (the rate itself when exact)
 * @param rateHigh  upper end of the 95% interval of the rate (the rate itself when exact)
 * @param bytes     compressed size of the whole file in bytes (estimated: rate × file size / 8, rounded)
 */
public record CodecEstimate(CompressedSizes.Codec codec, boolean estimated, int blocks, double rate, double rateLow,
                            double rateHigh, long bytes) {

    /**
     * Whether the estimate can be far above the real size: the codec reaches further back than one
     * sampled block (xz, zstd --long), so repeats between distant parts of the file, which the
     * blocks cannot see, would shrink the real output. On Debian's copyright files concatenated
     * (24 MB, much repeated text) xz -6 was estimated at 0.74 bits/byte and really reached 0.29.
     *
     * @return true for an estimate by a codec whose window exceeds {@link FileSample#BLOCK}
     */
    public boolean mayOverstate() {
        return estimated && codec.window() > FileSample.BLOCK;
    }

    /** The real size of {@code inputBytes} compressed to {@code compressed} bytes. */
    static CodecEstimate exact(CompressedSizes.Codec codec, long inputBytes, long compressed) {
        double rate = inputBytes == 0 ? 0 : 8.0 * compressed / inputBytes;
        return new CodecEstimate(codec, false, 1, rate, rate, rate, compressed);
    }

    /**
     * The estimate from per-block sizes.
     *
     * @param raw        each block's length
     * @param compressed each block's compressed size
     * @param fileBytes  the whole file's size
     */
    static CodecEstimate fromBlocks(CompressedSizes.Codec codec, int[] raw, long[] compressed, long fileBytes) {
        int b = raw.length;
        long in = 0;
        long out = 0;
        double[] r = new double[b];
        for (int i = 0; i < b; i++) {
            in += raw[i];
            out += compressed[i];
            r[i] = 8.0 * compressed[i] / raw[i];
        }
        double rate = 8.0 * out / in;
        double half = 0;
        if (b > 1) {
            double mean = 0;
            for (double x : r) {
                mean += x / b;
            }
            double ss = 0;
            for (double x : r) {
                ss += (x - mean) * (x - mean);
            }
            double t = org.apache.commons.statistics.distribution.TDistribution.of(b - 1).inverseSurvivalProbability(0.025);
            half = t * Math.sqrt(ss / (b - 1) / b);
        }
        return new CodecEstimate(codec, true, b, rate, Math.max(0, rate - half), rate + half,
                Math.round(rate * fileBytes / 8));
    }
}
