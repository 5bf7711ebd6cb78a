// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.file;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Why no codec beats a file's order-0 entropy, read from the file's own numbers (its size, its order-0
 * entropy against that of random bytes of the same length, its order-1 estimate), so that the sentence
 * {@link FileAnalysis#explain()} prints is true of this file: random or already-compressed bytes have no
 * redundancy to remove; a bound smaller than any codec's headers cannot be reached; a file with
 * redundancy but too few bytes does not pay back a codec's container overhead and the cost of learning
 * its statistics, which the order-0 bound is given for free.
 */
final class CodecShortfall {
    /**
     * How far below the order-0 entropy of uniform random bytes of the same length a file's may be and
     * still read as random, in bits/byte. That entropy varies by 0.07 bits/byte at 100 bytes and by
     * 0.02 from 1,000 bytes on; plain text lies 2 bits/byte and more below it, already-compressed data
     * (gzip, JPEG) within 0.1.
     */
    static final double RANDOM_MARGIN = 0.5;

    /** Above this many bytes the Miller–Madow bias formula gives the uniform expectation to 1e-6 bits. */
    private static final long EXACT_UP_TO = 65_536;

    private CodecShortfall() {
    }

    /**
     * The order-0 entropy that {@code n} independent uniform random bytes show on average, in bits/byte:
     * 8 less the plug-in estimate's bias, which is large when {@code n} is small (about 6.29 at 100
     * bytes, 7.28 at 300): E[H] = log2 n − (256/n)·E[c·log2 c] for a byte value's count c ~ Binomial(n, 1/256).
     *
     * @param n the number of bytes
     * @return the expected plug-in entropy, bits/byte (0 for n ≤ 1)
     */
    static double uniformOrderZeroBits(long n) {
        if (n <= 1) {
            return 0;
        }
        if (n > EXACT_UP_TO) {
            return 8 - 255 / (2.0 * n * Math.log(2));
        }
        double p = 1 / 256.0;
        double ratio = p / (1 - p);
        double pmf = Math.pow(1 - p, n); // P(c = 0); at n = 65,536 about 1e-112, still a normal double
        double sum = 0;
        for (long j = 1; j <= n; j++) {
            pmf *= (double) (n - j + 1) / j * ratio;
            sum += pmf * j * log2(j);
            if (j > n * p && pmf < 1e-18) {
                break; // past the mean, the rest of the tail adds nothing at double precision
            }
        }
        return log2(n) - 256.0 / n * sum;
    }

    /**
     * The sentence saying why no codec beats the order-0 bound on this file.
     *
     * @param ent    ent's statistics over the whole file
     * @param order1 the order-1 conditional entropy estimate of the models' bytes
     * @param codecs the codecs that ran, none of them below the order-0 bound
     * @return the reason, one or two sentences
     */
    static String reason(EntAnalysis ent, ConditionalEntropy.Estimate order1, Collection<CodecEstimate> codecs) {
        long n = ent.bytes();
        double h0 = ent.entropyBitsPerByte();
        double random = uniformOrderZeroBits(n);
        String against = String.format(Locale.ROOT, "order-0 entropy %.3f bits/byte, against %.3f for %d uniform random "
                + "bytes", h0, random, n);
        CompressedSizes.Codec leanest = null;
        for (CodecEstimate c : codecs) {
            if (leanest == null || Empty.SIZES.get(c.codec()) < Empty.SIZES.get(leanest)) {
                leanest = c.codec();
            }
        }
        long overhead = Empty.SIZES.get(leanest);
        String fixed = String.format(Locale.ROOT, "(headers, block or frame descriptors, checksum: %s writes %d bytes "
                + "even for an empty input)", leanest.label(), overhead);
        long bound = (long) Math.ceil(n * h0 / 8);
        if (bound <= overhead) {
            return String.format(Locale.ROOT, "No codec beats order-0 entropy here: the order-0 bound for the whole file "
                    + "is %d bytes, no more than the fixed cost of the leanest codec %s.", bound, fixed);
        }
        // checked after the headers: an empty or few-byte file is below every codec's fixed cost, random or not
        if (h0 >= random - RANDOM_MARGIN) {
            return "No codec beats order-0 entropy here: the bytes look random (" + against + "), so there is no "
                    + "redundancy for any codec to remove; random or already-compressed data does not go below 8 "
                    + "bits/byte, and each codec's headers put it above"
                    + (random < 7.9 ? String.format(Locale.ROOT, " (%d bytes are too few to show all 256 values "
                    + "evenly, hence an order-0 entropy under 8 even for random bytes)", n) : "") + ".";
        }
        long saving = n - bound;
        if (!order1.estimable()) {
            return String.format(Locale.ROOT, "No codec beats order-0 entropy here, though the data has redundancy (%s): "
                    + "at %d bytes the file is too small. Each codec pays its container overhead %s and learns the byte "
                    + "statistics as it goes, which the order-0 bound is given for free; on so few bytes that costs "
                    + "more than the %d bytes the redundancy could save.", against, n, fixed, saving);
        }
        return String.format(Locale.ROOT, "No codec beats order-0 entropy here, though the data has redundancy (%s): "
                + "knowing the previous byte leaves %.3f bits/byte, and what context the codecs find does not pay "
                + "for their container overhead %s and for learning the statistics as they go, which the order-0 "
                + "bound is given for free.", against, order1.bitsPerByte(), fixed);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** Each codec's output for an empty input, measured once, on first use: its fixed container overhead. */
    private static final class Empty {
        static final Map<CompressedSizes.Codec, Long> SIZES = new EnumMap<>(CompressedSizes.Codec.class);

        static {
            for (CompressedSizes.Codec c : CompressedSizes.Codec.values()) {
                SIZES.put(c, CompressedSizes.size(c, new byte[0]));
            }
        }
    }
}
