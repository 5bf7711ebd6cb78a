// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.notes;

import java.util.List;

/**
 * Word-distribution entropy of a note, raw and length-controlled.
 *
 * <p><b>Raw</b>: the plug-in entropy H = log₂N − (1/N)Σ c_w log₂ c_w of the note's word counts,
 * in bits per word. It grows with length (more words reveal more of the vocabulary): on five real
 * corpora its Spearman correlation with word count is 0.77–0.96, so thresholding it mostly
 * thresholds length (research note text-novelty-anchors §6).
 *
 * <p><b>Length-controlled</b>: the mean of H over consecutive non-overlapping windows of
 * {@link #WINDOW} = 100 words (a trailing partial window is dropped). Every window has the same
 * length, so the estimator's length bias is the same for every note; the same corpora give
 * |ρ| ≤ 0.41 with word count. This is the windowed variant of the moving-average type-token ratio
 * (Covington &amp; McFall 2010, "Cutting the Gordian knot: the moving-average type–token ratio").
 * Notes shorter than one window have no length-controlled entropy ({@link Double#NaN}, reported
 * with a message, never thresholded).
 */
public final class WordEntropy {
    /** Window length in words. */
    public static final int WINDOW = 100;

    private WordEntropy() {
    }

    /**
     * Plug-in entropy of the words in bits per word; 0 for fewer than 2 words.
     *
     * @param words the note's words
     * @return the plug-in entropy in bits per word
     */
    public static double bits(List<String> words) {
        WordIds w = WordIds.of(words);
        return bits(w.ids(), 0, w.ids().length, new int[w.distinct() + 1]);
    }

    /**
     * Mean entropy over full {@link #WINDOW}-word windows, or NaN when the note is shorter than one window.
     *
     * @param words the note's words
     * @return the mean windowed entropy in bits per word, or NaN
     */
    public static double windowedBits(List<String> words) {
        WordIds w = WordIds.of(words);
        return windowedBits(w.ids(), new int[w.distinct() + 1]);
    }

    /** {@link #windowedBits(List)} over word ids; {@code scratch} (zeros, length > max id) is left zeroed. */
    static double windowedBits(int[] ids, int[] scratch) {
        int windows = ids.length / WINDOW;
        if (windows == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int w = 0; w < windows; w++) {
            sum += bits(ids, w * WINDOW, (w + 1) * WINDOW, scratch);
        }
        return sum / windows;
    }

    /** Plug-in entropy of {@code ids[from, to)} in bits per word; {@code scratch} must be zero and is left zero. */
    static double bits(int[] ids, int from, int to, int[] scratch) {
        int n = to - from;
        if (n <= 1) {
            return 0;
        }
        for (int i = from; i < to; i++) {
            scratch[ids[i]]++;
        }
        double sumCLogC = 0;
        for (int i = from; i < to; i++) {
            int c = scratch[ids[i]];
            if (c > 0) { // first visit of this id: take its term and clear it
                sumCLogC += c * Math.log(c);
                scratch[ids[i]] = 0;
            }
        }
        return Math.max(0, (Math.log(n) - sumCLogC / n) / Math.log(2));
    }
}
