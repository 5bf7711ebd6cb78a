// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.notes;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdDictCompress;
import com.github.luben.zstd.ZstdDictContentType;


/**
 * How much a note adds to what the knowledge base already holds.
 *
 * <p><b>Novel bits</b> approximate the conditional Kolmogorov complexity K(note | context) by a
 * real compressor: C(context · note) − C(context), the extra compressed size of the note once its
 * nearest notes have been seen (Cilibrasi &amp; Vitányi 2005, "Clustering by compression", IEEE
 * TIT 51(4)). It is computed as one zstd pass over the note with the context loaded as a raw-content
 * dictionary (a prefix the matcher may reference), minus the frame of an empty input, which equals
 * the concatenation difference without recompressing the context. Level {@link #LEVEL} keeps an
 * 8 MiB window, far beyond gzip's 32 KiB, so repeats from anywhere in the context are found.
 *
 * <p><b>Distributional surprise</b> against the KB's background word distribution q:
 * KL(p_μ ‖ q) with Dirichlet smoothing p_μ(w) = (c(w) + μ·q(w))/(N + μ), μ = 2000 (Zhai &amp;
 * Lafferty 2004, "A study of smoothing methods for language models applied to information
 * retrieval", ACM TOIS 22(2)); and the Jensen–Shannon divergence of the unsmoothed note
 * distribution and q, which is bounded by 1 bit and needs no smoothing. Both in bits.
 */
public final class Novelty {
    /** zstd level for novelty (8 MiB window). */
    public static final int LEVEL = 9;
    /** Default Dirichlet prior mass μ. */
    public static final double DEFAULT_MU = 2000;
    private static final long EMPTY_FRAME = Zstd.compress(new byte[0], LEVEL).length;

    private Novelty() {
    }

    /**
     * C(context · note) − C(context) in bits, by zstd with {@code context} as a raw dictionary; ≥ 0.
     *
     * @param note the note's bytes
     * @param context the bytes of its nearest notes
     * @return the novel bits, ≥ 0
     */
    public static double novelBits(byte[] note, byte[] context) {
        return novelBits(note, -1, context);
    }

    /**
     * As {@link #novelBits(byte[], byte[])}; {@code aloneBytes}, when ≥ 0, is the note's own
     * level-{@value #LEVEL} frame size, which is the answer for an empty context (no second pass).
     */
    static double novelBits(byte[] note, long aloneBytes, byte[] context) {
        long size;
        if (context == null || context.length == 0) {
            size = aloneBytes >= 0 ? aloneBytes : Zstd.compress(note, LEVEL).length;
        } else {
            byte[] dst = new byte[(int) Zstd.compressBound(note.length)];
            try (ZstdDictCompress dict = new ZstdDictCompress(context, 0, context.length, LEVEL,
                    ZstdDictContentType.RAW_CONTENT)) {
                size = Zstd.compressFastDict(dst, 0, note, 0, note.length, dict);
            }
        }
        return 8.0 * Math.max(0, size - EMPTY_FRAME);
    }

    /**
     * KL(p_μ ‖ q) in bits. {@code noteCounts[k]} is the count in the note of its k-th distinct word
     * and {@code backgroundCounts[k]} that word's count in the background of {@code backgroundTotal}
     * words. Words of the note missing from the background get q = 0.5/total (half a count), the
     * usual add-half guard, so the divergence stays finite.
     *
     * @param noteCounts the count of each distinct word of the note
     * @param backgroundCounts each of those words' count in the background
     * @param backgroundTotal the background's word count
     * @param mu the Dirichlet prior mass that smooths the note's distribution toward the background
     * @return KL(p_μ ‖ q) in bits, ≥ 0
     */
    public static double klBits(int[] noteCounts, long[] backgroundCounts, long backgroundTotal, double mu) {
        int noteWords = sum(noteCounts);
        if (noteWords == 0 || backgroundTotal == 0) {
            return 0;
        }
        double denom = noteWords + mu;
        double seenQ = 0;
        double kl = 0;
        for (int k = 0; k < noteCounts.length; k++) {
            double q = q(backgroundCounts[k], backgroundTotal);
            seenQ += q;
            double p = (noteCounts[k] + mu * q) / denom;
            kl += p * Math.log(p / q);
        }
        // every unseen word w has p(w) = μ q(w)/(N+μ): ratio constant, mass (1 − seenQ)·μ/(N+μ)
        double ratio = mu / denom;
        double unseenMass = Math.max(0, 1 - seenQ) * ratio;
        if (unseenMass > 0) {
            kl += unseenMass * Math.log(ratio);
        }
        return Math.max(0, kl / Math.log(2));
    }

    /**
     * JSD(p ‖ q) in bits, p the note's word distribution, q the background (arguments as in
     * {@link #klBits}); in [0, 1].
     *
     * @param noteCounts the count of each distinct word of the note
     * @param backgroundCounts each of those words' count in the background
     * @param backgroundTotal the background's word count
     * @return JSD(p ‖ q) in bits, in [0, 1]
     */
    public static double jsBits(int[] noteCounts, long[] backgroundCounts, long backgroundTotal) {
        int noteWords = sum(noteCounts);
        if (noteWords == 0 || backgroundTotal == 0) {
            return 0;
        }
        double seenQ = 0;
        double js = 0;
        for (int k = 0; k < noteCounts.length; k++) {
            double p = noteCounts[k] / (double) noteWords;
            double q = q(backgroundCounts[k], backgroundTotal);
            seenQ += q;
            double m = 0.5 * (p + q);
            js += 0.5 * p * Math.log(p / m) + 0.5 * q * Math.log(q / m);
        }
        // words only in q: m = q/2, each contributes ½ q ln 2
        js += 0.5 * Math.max(0, 1 - seenQ) * Math.log(2);
        return Math.min(1, Math.max(0, js / Math.log(2)));
    }

    private static int sum(int[] counts) {
        int n = 0;
        for (int c : counts) {
            n += c;
        }
        return n;
    }

    private static double q(long count, long total) {
        return (count == 0 ? 0.5 : count) / (double) total;
    }
}
