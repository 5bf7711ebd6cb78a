package dev.surprisal.text.notes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Collects the evidence for each note's label and turns it into a {@link NoteReport}. */
final class Judge {
    final KnowledgeBase.Options options;
    final Map<Integer, Integer> dupOf = new HashMap<>();
    final Map<Integer, String> dupReason = new HashMap<>();
    final Map<Integer, double[]> bestJc = new HashMap<>();
    final Map<Integer, List<String>> template = new HashMap<>();
    final Map<Integer, Double> templateFraction = new HashMap<>();

    Judge(KnowledgeBase.Options options) {
        this.options = options;
    }

    void duplicate(int i, String reason, int of) {
        dupOf.put(i, of);
        dupReason.put(i, reason);
    }

    /** Whether {@code jc} beats the best near-duplicate evidence recorded for {@code i} so far. */
    boolean betterDuplicate(int i, double[] jc) {
        if (dupReason.containsKey(i) && !bestJc.containsKey(i)) {
            return false; // already an exact copy
        }
        double[] best = bestJc.get(i);
        return best == null || jc[0] + jc[1] > best[0] + best[1];
    }

    void templateOrFiller(int i, MeasuredNote m, KbIndex index, boolean selfCounted) {
        List<String> reasons = new ArrayList<>();
        int total = m.lines.length;
        int recurring = 0;
        for (long line : m.lineKeys) {
            if (index.lineNotes(line) - (selfCounted ? 1 : 0) >= options.templateMinNotes()) {
                recurring++;
            }
        }
        double fraction = total == 0 ? 0 : recurring / (double) total;
        templateFraction.put(i, fraction);
        if (total > 0 && fraction >= options.templateFraction()) {
            reasons.add(String.format(Locale.ROOT, "%d of %d lines (%.0f%%) recur in >= %d other notes (template lines)",
                    recurring, total, 100 * fraction, options.templateMinNotes()));
        }
        reasons.addAll(m.signals.fired(RepetitionSignals.Thresholds.GOPHER));
        if (!reasons.isEmpty()) {
            template.put(i, reasons);
        }
    }

    NoteReport report(int i, MeasuredNote m, double novelBits, List<String> neighbours, KbIndex index) {
        List<String> reasons = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        Label label;
        double threshold = index.lowDensityThresholdBits;
        if (Double.isNaN(m.windowedBits)) {
            messages.add("length-controlled entropy not defined: " + m.words.size() + " words < one "
                    + WordEntropy.WINDOW + "-word window; not judged for low density");
        }
        if (m.words.isEmpty()) {
            messages.add("no words after removing front matter, code and links");
        }
        if (dupOf.containsKey(i)) {
            label = Label.DUPLICATE;
            reasons.add(dupReason.get(i));
        } else if (template.containsKey(i)) {
            label = Label.TEMPLATE_OR_FILLER;
            reasons.addAll(template.get(i));
        } else if (!Double.isNaN(m.windowedBits) && !Double.isNaN(threshold) && m.windowedBits < threshold) {
            label = Label.LOW_DENSITY;
            reasons.add(String.format(Locale.ROOT,
                    "length-controlled entropy %.3f bits/word < %.3f, the KB's %.0fth percentile",
                    m.windowedBits, threshold, options.lowPercentile()));
        } else {
            label = Label.GENUINE_INCREMENT;
            reasons.add(String.format(Locale.ROOT, "adds %.0f novel bits (%.2f per word) given its %d nearest notes",
                    novelBits, m.words.isEmpty() ? 0 : novelBits / m.words.size(), neighbours.size()));
        }
        long[] background = index.backgroundCounts(m.wordKeys);
        double kl = Novelty.klBits(m.wordCounts, background, index.backgroundTotal, options.mu());
        double js = Novelty.jsBits(m.wordCounts, background, index.backgroundTotal);
        return new NoteReport(m.path, m.words.size(), m.unique, m.entropyBits, m.windowedBits, m.zstdBitsPerByte,
                templateFraction.getOrDefault(i, 0.0), novelBits,
                m.words.isEmpty() ? 0 : novelBits / m.words.size(), kl, js, List.copyOf(neighbours), label,
                List.copyOf(reasons), List.copyOf(messages), 0);
    }
}
