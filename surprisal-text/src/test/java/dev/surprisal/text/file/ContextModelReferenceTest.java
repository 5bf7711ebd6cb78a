// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.file;

import dev.surprisal.core.Base;
import dev.surprisal.counts.Counts;
import dev.surprisal.estimators.MillerMadowEntropy;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The fast PPM-C (256-bit symbol sets) and the sorted (k+1)-gram counts against the textbook
 * definitions written out with maps, on short random strings over small and full alphabets.
 */
class ContextModelReferenceTest {

    private static byte[] bytes(long seed, int length, int alphabet) {
        SplittableRandom rng = new SplittableRandom(seed);
        byte[] d = new byte[length];
        for (int i = 0; i < length; i++) {
            d[i] = (byte) (255 - rng.nextInt(alphabet)); // high byte values: the sets' last word
        }
        return d;
    }

    /** PPM-C as Cleary–Witten and Moffat describe it: a map of counts per context, exclusion by a flag per symbol. */
    private static double referencePpm(byte[] d, int order, boolean exclusion) {
        Map<String, int[]> tables = new HashMap<>();
        double bits = 0;
        for (int i = 0; i < d.length; i++) {
            int sym = d[i] & 0xff;
            boolean[] excluded = new boolean[256];
            boolean coded = false;
            for (int o = Math.min(order, i); o >= 0 && !coded; o--) {
                int[] c = tables.get(o + ":" + key(d, i, o));
                if (c == null) {
                    continue;
                }
                long t = 0;
                int distinct = 0;
                for (int s = 0; s < 256; s++) {
                    if (c[s] > 0 && !(exclusion && excluded[s])) {
                        t += c[s];
                        distinct++;
                    }
                }
                if (distinct == 0) {
                    continue;
                }
                if (c[sym] > 0) {
                    bits += Math.log((double) (t + distinct) / c[sym]) / Math.log(2);
                    coded = true;
                } else {
                    bits += Math.log((double) (t + distinct) / distinct) / Math.log(2);
                    for (int s = 0; s < 256; s++) {
                        excluded[s] |= exclusion && c[s] > 0;
                    }
                }
            }
            if (!coded) {
                int left = 0;
                for (boolean e : excluded) {
                    left += e ? 0 : 1;
                }
                bits += Math.log(left) / Math.log(2);
            }
            for (int o = Math.min(order, i); o >= 0; o--) {
                tables.computeIfAbsent(o + ":" + key(d, i, o), x -> new int[256])[sym]++;
            }
        }
        return bits;
    }

    private static String key(byte[] d, int i, int o) {
        StringBuilder sb = new StringBuilder();
        for (int j = i - o; j < i; j++) {
            sb.append(d[j] & 0xff).append(',');
        }
        return sb.toString();
    }

    @Property(tries = 60)
    void ppmcMatchesTheTextbookModel(@ForAll @IntRange(min = 0, max = 700) int length,
                                     @ForAll @IntRange(min = 1, max = 256) int alphabet,
                                     @ForAll @IntRange(min = 0, max = 2) int order, @ForAll boolean exclusion,
                                     @ForAll long seed) {
        byte[] d = bytes(seed, length, alphabet);
        double fast = AdaptiveContextModel.ppmc(order, exclusion).codeLengthBits(d);
        assertThat(fast).isCloseTo(referencePpm(d, order, exclusion), within(1e-9 * Math.max(1, fast)));
    }

    @Property(tries = 60)
    void sortedGramCountsMatchAMapOfGrams(@ForAll @IntRange(min = 0, max = 3000) int length,
                                          @ForAll @IntRange(min = 1, max = 256) int alphabet,
                                          @ForAll @IntRange(min = 0, max = 3) int k, @ForAll long seed) {
        byte[] d = bytes(seed, length, alphabet);
        ConditionalEntropy.Estimate e = ConditionalEntropy.estimate(d, k);
        if (length <= k) {
            assertThat(e.positions()).isZero();
            return;
        }
        Map<String, Long> joint = new HashMap<>();
        Map<String, Long> context = new HashMap<>();
        for (int i = k; i < length; i++) {
            String ctx = key(d, i, k);
            joint.merge(ctx + (d[i] & 0xff), 1L, Long::sum);
            context.merge(ctx, 1L, Long::sum);
        }
        double h = MillerMadowEntropy.INSTANCE.entropy(Counts.of(joint.values().stream().mapToLong(Long::longValue).toArray()), Base.BITS)
                - MillerMadowEntropy.INSTANCE.entropy(Counts.of(context.values().stream().mapToLong(Long::longValue).toArray()), Base.BITS);
        assertThat(e.positions()).isEqualTo(length - k);
        assertThat(e.distinctGrams()).isEqualTo(joint.size());
        assertThat(e.bitsPerByte()).isCloseTo(Math.max(0, h), within(1e-9));
    }
}
