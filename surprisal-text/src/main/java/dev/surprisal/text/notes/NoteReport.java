package dev.surprisal.text.notes;

import java.util.List;

/**
 * Everything measured about one note, and its label with reasons.
 *
 * @param path                 path relative to the knowledge-base directory
 * @param words                normalised words
 * @param uniqueWords          distinct normalised words
 * @param wordEntropyBits      plug-in word entropy, bits per word (tracks length; not thresholded)
 * @param windowedEntropyBits  length-controlled entropy (mean over 100-word windows), NaN below 100 words
 * @param zstdBitsPerByte      8 × zstd size / raw size of the note on its own
 * @param templateLineFraction share of the note's lines (≥ 3 words) that recur in many notes
 * @param novelBits            C(neighbours · note) − C(neighbours), bits
 * @param novelBitsPerWord     novelBits / words
 * @param klBits               KL(Dirichlet-smoothed note ‖ KB background), bits
 * @param jsBits               Jensen–Shannon divergence note vs background, bits in [0, 1]
 * @param neighbours           notes used as compression context, most similar first
 * @param label                the verdict
 * @param reasons              why the label was given
 * @param messages             remarks on what could not be measured
 * @param digestRank           1-based rank by novel bits among genuine increments, 0 otherwise
 */
public record NoteReport(String path, int words, int uniqueWords, double wordEntropyBits,
                         double windowedEntropyBits, double zstdBitsPerByte, double templateLineFraction,
                         double novelBits, double novelBitsPerWord, double klBits, double jsBits,
                         List<String> neighbours, Label label, List<String> reasons, List<String> messages,
                         int digestRank) {
}
