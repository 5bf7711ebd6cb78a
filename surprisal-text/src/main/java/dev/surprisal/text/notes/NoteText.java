// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.notes;

import dev.surprisal.core.ValidationException;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A note's text prepared for word statistics. Markdown notes carry structure that is not prose:
 * YAML front matter, fenced code and link targets are removed first ({@link #prose()}); words
 * are then NFKC-normalised, lower-cased, digits mapped to 0 (as datatrove's {@code simplify_text}
 * and CCNet do, so dates and numbers in templates compare equal) and split on runs of Unicode
 * letters and digits ({@link #words()}). Scripts written without spaces between words (Han,
 * Hiragana, Katakana, Thai, Lao, Khmer, Myanmar; {@link Character.UnicodeScript}) have no runs to
 * split on, so each of their characters is a word of its own, with any combining marks that follow
 * it: a 150-character Japanese paragraph is 150 words, not the 7 runs between its punctuation, and
 * 5-word phrases become 5-character phrases there (docs/notes-labels.md, "Words, phrases and lines").
 */
public final class NoteText {
    private static final Pattern FRONT_MATTER = Pattern.compile("\\A---\\R.*?\\R---\\R", Pattern.DOTALL);
    private static final Pattern FENCE = Pattern.compile("(?m)^(```|~~~).*?^\\1[^\\n]*$", Pattern.DOTALL);
    private static final Pattern LINK_TARGET = Pattern.compile("\\]\\([^)]*\\)");
    private static final Pattern URL = Pattern.compile("https?://\\S+");
    /** Scripts whose writing puts no space between words: each character counts as a word. */
    private static final java.util.Set<Character.UnicodeScript> SPACELESS = java.util.EnumSet.of(
            Character.UnicodeScript.HAN, Character.UnicodeScript.HIRAGANA, Character.UnicodeScript.KATAKANA,
            Character.UnicodeScript.THAI, Character.UnicodeScript.LAO, Character.UnicodeScript.KHMER,
            Character.UnicodeScript.MYANMAR);
    /** The prolonged sound mark ー, of script COMMON, written inside Katakana words. */
    private static final int PROLONGED_SOUND_MARK = 0x30FC;

    private final String raw;
    private final String prose;
    private final List<String> words;

    private NoteText(String raw) {
        this.raw = raw;
        String p = FRONT_MATTER.matcher(raw).replaceFirst("");
        p = FENCE.matcher(p).replaceAll("");
        p = LINK_TARGET.matcher(p).replaceAll("]");
        p = URL.matcher(p).replaceAll(" ");
        this.prose = p;
        this.words = tokenize(p);
    }

    /**
     * Prepares {@code raw} (already decoded text).
     *
     * @param raw the decoded text
     * @return the prepared note
     */
    public static NoteText of(String raw) {
        if (raw == null) {
            throw new ValidationException("raw: is null");
        }
        return new NoteText(raw);
    }

    /**
     * Splits text into normalised words (NFKC, lower case, digits → 0, letter/digit runs; in
     * scripts written without spaces, one word per character, with its combining marks).
     *
     * @param text any text
     * @return its normalised words, in order
     */
    public static List<String> tokenize(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>(s.length() / 2 + 1);
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (isSpaceless(cp)) {
                flush(w, out);
                w.appendCodePoint(cp);
                // a Thai vowel or tone mark (a non-spacing mark, not a letter) belongs to the character before it
                while (i < s.length() && isMark(s.codePointAt(i))) {
                    w.appendCodePoint(s.codePointAt(i));
                    i += Character.charCount(s.codePointAt(i));
                }
                flush(w, out);
            } else if (Character.isLetterOrDigit(cp)) {
                w.appendCodePoint(Character.isDigit(cp) ? '0' : cp);
            } else {
                flush(w, out);
            }
        }
        flush(w, out);
        return out;
    }

    /**
     * Whether {@code cp} is a letter of a script written without spaces between words, so that it
     * counts as a word of its own.
     *
     * @param cp a code point
     * @return true for a letter of Han, Hiragana, Katakana, Thai, Lao, Khmer or Myanmar script
     */
    static boolean isSpaceless(int cp) {
        return cp == PROLONGED_SOUND_MARK
                || Character.isLetter(cp) && SPACELESS.contains(Character.UnicodeScript.of(cp));
    }

    private static boolean isMark(int cp) {
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK;
    }

    private static void flush(StringBuilder w, List<String> out) {
        if (w.length() > 0) {
            out.add(w.toString());
            w.setLength(0);
        }
    }

    /**
     * Normalised form of one line for cross-note comparison: its words joined by single spaces.
     *
     * @param line one line
     * @return its normalised words joined by single spaces
     */
    public static String normalizeLine(String line) {
        return String.join(" ", tokenize(line));
    }

    /**
     * The decoded file content.
     *
     * @return the decoded file content
     */
    public String raw() {
        return raw;
    }

    /**
     * Text without front matter, fenced code and link targets.
     *
     * @return the prose: the text without front matter, fenced code and link targets
     */
    public String prose() {
        return prose;
    }

    /**
     * Normalised words of {@link #prose()} (unmodifiable).
     *
     * @return the normalised words of the prose (unmodifiable)
     */
    public List<String> words() {
        return java.util.Collections.unmodifiableList(words);
    }
}
