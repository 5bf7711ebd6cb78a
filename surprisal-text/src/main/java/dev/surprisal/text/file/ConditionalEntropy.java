package dev.surprisal.text.file;

import dev.surprisal.core.ValidationException;

/**
 * Plug-in order-k conditional entropy of a byte sequence, H(X_t | X_{t−k}…X_{t−1}) in bits per
 * byte, for k = 0…3: (Σ_ctx n_ctx log n_ctx − Σ_(ctx,x) n log n)/N over the N = len − k
 * positions that have a full context (Cover &amp; Thomas 2006, "Elements of Information Theory",
 * §4.2, the entropy rate as the limit of these conditional entropies).
 *
 * <p>This is a <em>descriptive</em> statistic, not an achievable code length: it ignores the
 * cost of describing the model, so from k = 2 on it falls below what any real compressor
 * reaches on files of ordinary size (see {@link AdaptiveContextModel} for a sequential code length).
 * Counts for k ≤ 2 live in flat arrays (2²⁴ ints for k = 2); k = 3 uses an open-addressing
 * table keyed by the exact 32-bit 4-gram, so there are no collisions.
 */
public final class ConditionalEntropy {
    /** Largest supported order. */
    public static final int MAX_ORDER = 3;

    private ConditionalEntropy() {
    }

    /** H(X_t | previous k bytes) in bits per byte; 0 when fewer than k + 1 bytes. */
    public static double bitsPerByte(byte[] data, int k) {
        if (data == null) {
            throw new ValidationException("data: is null");
        }
        if (k < 0 || k > MAX_ORDER) {
            throw new ValidationException("k: is " + k + ", expected 0.." + MAX_ORDER);
        }
        long n = data.length - (long) k;
        if (n <= 0) {
            return 0;
        }
        double joint;
        double context;
        if (k == 3) {
            IntCountTable t = new IntCountTable(1 << 16);
            for (int i = 3; i < data.length; i++) {
                t.increment(((data[i - 3] & 0xff) << 24) | ((data[i - 2] & 0xff) << 16)
                        | ((data[i - 1] & 0xff) << 8) | (data[i] & 0xff));
            }
            joint = t.sumCLogC();
            IntCountTable ctx = new IntCountTable(1 << 16);
            t.forEach((key, c) -> ctx.add(key >>> 8, c));
            context = ctx.sumCLogC();
        } else {
            int[] counts = new int[1 << (8 * (k + 1))];
            int mask = counts.length - 1;
            int h = 0;
            for (int i = 0; i < k; i++) {
                h = (h << 8) | (data[i] & 0xff);
            }
            for (int i = k; i < data.length; i++) {
                h = ((h << 8) | (data[i] & 0xff)) & mask;
                counts[h]++;
            }
            joint = 0;
            context = 0;
            for (int c0 = 0; c0 < counts.length; c0 += 256) {
                long ctxN = 0;
                for (int x = 0; x < 256; x++) {
                    int c = counts[c0 + x];
                    if (c > 0) {
                        joint += c * Math.log(c);
                        ctxN += c;
                    }
                }
                if (ctxN > 0) {
                    context += ctxN * Math.log(ctxN);
                }
            }
            if (k == 0) {
                context = n * Math.log(n);
            }
        }
        return Math.max(0, (context - joint) / n / Math.log(2));
    }
}
