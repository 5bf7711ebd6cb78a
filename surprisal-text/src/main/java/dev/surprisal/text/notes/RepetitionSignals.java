// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.notes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Gopher repetition signals of one note (Rae et al. 2021, "Scaling Language Models: Methods,
 * Analysis &amp; Insights from Training Gopher", arXiv 2112.11446, Appendix A, Table A1), with
 * Table A1's thresholds as the defaults ({@link Thresholds#GOPHER}, as datatrove's
 * {@code GopherRepetitionFilter} sets them).
 *
 * <p>Definitions (the three public ports disagree; this one follows datatrove's greedy counting):
 * lines split on newlines, paragraphs on blank lines, blank ones dropped; a line or paragraph is a
 * duplicate when an identical one occurred earlier in the note. The n-gram fractions run over the
 * normalised words of {@link NoteText}: "top n-gram" is count × characters of the most frequent
 * n-gram (n = 2, 3, 4) and "duplicate n-gram" is the characters covered by later occurrences of an
 * n-gram, scanning left to right and skipping n words after each hit (n = 5…10). Characters are
 * word characters (RedPajama-V2's denominator), so markdown punctuation does not dilute them.
 */
public final class RepetitionSignals {

    /** Thresholds above which a signal fires. */
    public static final class Thresholds {
        /** Rae et al. 2021, Table A1. */
        public static final Thresholds GOPHER = new Thresholds(0.30, 0.30, 0.20, 0.20,
                new double[] {0.20, 0.18, 0.16}, new double[] {0.15, 0.14, 0.13, 0.12, 0.11, 0.10});
        final double dupLineFraction;
        final double dupParagraphFraction;
        final double dupLineCharFraction;
        final double dupParagraphCharFraction;
        final double[] topNgram;       // n = 2, 3, 4
        final double[] dupNgram;       // n = 5 … 10

        Thresholds(double dl, double dp, double dlc, double dpc, double[] top, double[] dup) {
            this.dupLineFraction = dl;
            this.dupParagraphFraction = dp;
            this.dupLineCharFraction = dlc;
            this.dupParagraphCharFraction = dpc;
            this.topNgram = top;
            this.dupNgram = dup;
        }
    }

    private final double dupLineFraction;
    private final double dupLineCharFraction;
    private final double dupParagraphFraction;
    private final double dupParagraphCharFraction;
    private final double[] topNgramCharFraction = new double[3];
    private final double[] dupNgramCharFraction = new double[6];

    private RepetitionSignals(NoteText note, WordIds words) {
        List<String> lines = nonBlank(note.prose().split("\\R"));
        List<String> paragraphs = nonBlank(note.prose().split("\\R\\s*\\R"));
        long chars = Math.max(1, note.prose().length());
        double[] l = duplicates(lines);
        double[] p = duplicates(paragraphs);
        dupLineFraction = lines.isEmpty() ? 0 : l[0] / lines.size();
        dupLineCharFraction = l[1] / chars;
        dupParagraphFraction = paragraphs.isEmpty() ? 0 : p[0] / paragraphs.size();
        dupParagraphCharFraction = p[1] / chars;
        int[] ids = words.ids();
        int[] len = words.lengths();
        long wordChars = 0;
        for (int wl : len) {
            wordChars += wl;
        }
        LongCountMap scratch = new LongCountMap(ids.length);
        for (int n = 2; n <= 4; n++) {
            topNgramCharFraction[n - 2] = wordChars == 0 ? 0 : topNgramChars(ids, len, n, scratch) / (double) wordChars;
        }
        for (int n = 5; n <= 10; n++) {
            dupNgramCharFraction[n - 5] = wordChars == 0 ? 0 : dupNgramChars(ids, len, n, scratch) / (double) wordChars;
        }
    }

    /**
     * Signals of a prepared note.
     *
     * @param note a prepared note
     * @return its repetition signals
     */
    public static RepetitionSignals of(NoteText note) {
        return new RepetitionSignals(note, WordIds.of(note.words()));
    }

    /** Signals of a prepared note whose words are already numbered. */
    static RepetitionSignals of(NoteText note, WordIds words) {
        return new RepetitionSignals(note, words);
    }

    private static List<String> nonBlank(String[] parts) {
        List<String> out = new ArrayList<>();
        for (String s : parts) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private static double[] duplicates(List<String> items) {
        Set<String> seen = new HashSet<>();
        double count = 0;
        double chars = 0;
        for (String s : items) {
            if (!seen.add(s)) {
                count++;
                chars += s.length();
            }
        }
        return new double[] {count, chars};
    }

    /**
     * 64-bit keys of all n-grams of word ids, by a polynomial rolling hash; two different n-grams
     * share a key with probability about 2⁻⁶⁴ per pair, far below any threshold's resolution.
     */
    private static long[] ngramKeys(int[] ids, int n) {
        int count = ids.length - n + 1;
        if (count <= 0) {
            return new long[0];
        }
        final long p = 0x9E3779B97F4A7C15L;
        long pow = 1;
        for (int j = 1; j < n; j++) {
            pow *= p;
        }
        long[] keys = new long[count];
        long h = 0;
        for (int j = 0; j < n; j++) {
            h = h * p + ids[j];
        }
        keys[0] = h;
        for (int i = 1; i < count; i++) {
            h = (h - ids[i - 1] * pow) * p + ids[i + n - 1];
            keys[i] = h;
        }
        return keys;
    }

    private static long chars(int[] len, int from, int n) {
        long c = 0;
        for (int j = from; j < from + n; j++) {
            c += len[j];
        }
        return c;
    }

    private static long topNgramChars(int[] ids, int[] len, int n, LongCountMap counts) {
        long[] keys = ngramKeys(ids, n);
        counts.clear();
        int bestCount = 1;
        long best = 0;
        for (int i = 0; i < keys.length; i++) {
            int c = (int) counts.add(keys[i], 1);
            if (c > 1) {
                long v = c * chars(len, i, n);
                if (c > bestCount || (c == bestCount && v > best)) {
                    bestCount = c;
                    best = v;
                }
            }
        }
        return best;
    }

    private static long dupNgramChars(int[] ids, int[] len, int n, LongCountMap seen) {
        long[] keys = ngramKeys(ids, n);
        seen.clear();
        long chars = 0;
        int i = 0;
        while (i < keys.length) {
            if (seen.add(keys[i], 1) > 1) {
                chars += chars(len, i, n);
                i += n;
            } else {
                i++;
            }
        }
        return chars;
    }

    /**
     * Reasons, one per signal above its threshold (empty when none fires).
     *
     * @param t the thresholds
     * @return one reason per signal above its threshold
     */
    public List<String> fired(Thresholds t) {
        List<String> r = new ArrayList<>();
        check(r, "duplicate line fraction", dupLineFraction, t.dupLineFraction);
        check(r, "duplicate paragraph fraction", dupParagraphFraction, t.dupParagraphFraction);
        check(r, "duplicate line char fraction", dupLineCharFraction, t.dupLineCharFraction);
        check(r, "duplicate paragraph char fraction", dupParagraphCharFraction, t.dupParagraphCharFraction);
        for (int n = 2; n <= 4; n++) {
            check(r, "top " + n + "-gram character ratio (count × length / word characters; above 1 when occurrences overlap)", topNgramCharFraction[n - 2], t.topNgram[n - 2]);
        }
        for (int n = 5; n <= 10; n++) {
            check(r, "duplicate " + n + "-gram char fraction", dupNgramCharFraction[n - 5], t.dupNgram[n - 5]);
        }
        return r;
    }

    private static void check(List<String> r, String name, double v, double threshold) {
        if (v > threshold) {
            r.add(String.format(Locale.ROOT, "%s %.3f > %.2f (Gopher repetition rule, Rae et al. 2021, Table A1)", name, v, threshold));
        }
    }

    /**
     * @return the fraction of lines that duplicate an earlier line
     */
    public double duplicateLineFraction() {
        return dupLineFraction;
    }

    /**
     * @return the fraction of characters in duplicated lines
     */
    public double duplicateLineCharFraction() {
        return dupLineCharFraction;
    }

    /**
     * @return the fraction of paragraphs that duplicate an earlier paragraph
     */
    public double duplicateParagraphFraction() {
        return dupParagraphFraction;
    }

    /**
     * @return the fraction of characters in duplicated paragraphs
     */
    public double duplicateParagraphCharFraction() {
        return dupParagraphCharFraction;
    }

    /**
     * Top n-gram character ratio, n = 2…4: count × characters of the most frequent n-gram over the
     * note's word characters. A ratio, not a fraction: overlapping occurrences ("a a a a a") push it above 1.
     *
     * @param n the n-gram length, 2 to 4
     * @return the ratio
     */
    public double topNgramCharFraction(int n) {
        return topNgramCharFraction[n - 2];
    }

    /**
     * Duplicate n-gram char fraction, n = 5…10.
     *
     * @param n the n-gram length, 5 to 10
     * @return the fraction of word characters inside duplicated n-grams
     */
    public double duplicateNgramCharFraction(int n) {
        return dupNgramCharFraction[n - 5];
    }
}
