package dev.surprisal.text.notes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    private RepetitionSignals(NoteText note) {
        List<String> lines = nonBlank(note.prose().split("\\R"));
        List<String> paragraphs = nonBlank(note.prose().split("\\R\\s*\\R"));
        long chars = Math.max(1, note.prose().length());
        double[] l = duplicates(lines);
        double[] p = duplicates(paragraphs);
        dupLineFraction = lines.isEmpty() ? 0 : l[0] / lines.size();
        dupLineCharFraction = l[1] / chars;
        dupParagraphFraction = paragraphs.isEmpty() ? 0 : p[0] / paragraphs.size();
        dupParagraphCharFraction = p[1] / chars;
        List<String> words = note.words();
        long wordChars = 0;
        for (String w : words) {
            wordChars += w.length();
        }
        for (int n = 2; n <= 4; n++) {
            topNgramCharFraction[n - 2] = wordChars == 0 ? 0 : topNgramChars(words, n) / (double) wordChars;
        }
        for (int n = 5; n <= 10; n++) {
            dupNgramCharFraction[n - 5] = wordChars == 0 ? 0 : dupNgramChars(words, n) / (double) wordChars;
        }
    }

    /** Signals of a prepared note. */
    public static RepetitionSignals of(NoteText note) {
        return new RepetitionSignals(note);
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

    private static long topNgramChars(List<String> w, int n) {
        if (w.size() < n) {
            return 0;
        }
        Map<List<String>, int[]> counts = new HashMap<>();
        for (int i = 0; i + n <= w.size(); i++) {
            counts.computeIfAbsent(w.subList(i, i + n), k -> new int[1])[0]++;
        }
        long best = 0;
        for (Map.Entry<List<String>, int[]> e : counts.entrySet()) {
            if (e.getValue()[0] > 1) {
                long chars = 0;
                for (String s : e.getKey()) {
                    chars += s.length();
                }
                best = Math.max(best, chars * e.getValue()[0]);
            }
        }
        return best;
    }

    private static long dupNgramChars(List<String> w, int n) {
        Set<List<String>> seen = new HashSet<>();
        long chars = 0;
        int i = 0;
        while (i + n <= w.size()) {
            List<String> g = w.subList(i, i + n);
            if (!seen.add(g)) {
                for (String s : g) {
                    chars += s.length();
                }
                i += n;
            } else {
                i++;
            }
        }
        return chars;
    }

    /** Reasons, one per signal above its threshold (empty when none fires). */
    public List<String> fired(Thresholds t) {
        List<String> r = new ArrayList<>();
        check(r, "duplicate line fraction", dupLineFraction, t.dupLineFraction);
        check(r, "duplicate paragraph fraction", dupParagraphFraction, t.dupParagraphFraction);
        check(r, "duplicate line char fraction", dupLineCharFraction, t.dupLineCharFraction);
        check(r, "duplicate paragraph char fraction", dupParagraphCharFraction, t.dupParagraphCharFraction);
        for (int n = 2; n <= 4; n++) {
            check(r, "top " + n + "-gram char fraction", topNgramCharFraction[n - 2], t.topNgram[n - 2]);
        }
        for (int n = 5; n <= 10; n++) {
            check(r, "duplicate " + n + "-gram char fraction", dupNgramCharFraction[n - 5], t.dupNgram[n - 5]);
        }
        return r;
    }

    private static void check(List<String> r, String name, double v, double threshold) {
        if (v > threshold) {
            r.add(String.format(Locale.ROOT, "%s %.3f > %.2f (Gopher, Rae et al. 2021 Table A1)", name, v, threshold));
        }
    }

    public double duplicateLineFraction() {
        return dupLineFraction;
    }

    public double duplicateLineCharFraction() {
        return dupLineCharFraction;
    }

    public double duplicateParagraphFraction() {
        return dupParagraphFraction;
    }

    public double duplicateParagraphCharFraction() {
        return dupParagraphCharFraction;
    }

    /** Top n-gram char fraction, n = 2…4. */
    public double topNgramCharFraction(int n) {
        return topNgramCharFraction[n - 2];
    }

    /** Duplicate n-gram char fraction, n = 5…10. */
    public double duplicateNgramCharFraction(int n) {
        return dupNgramCharFraction[n - 5];
    }
}
