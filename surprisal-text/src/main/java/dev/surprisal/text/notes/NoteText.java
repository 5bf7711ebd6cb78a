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
 * letters and digits ({@link #words()}).
 */
public final class NoteText {
    private static final Pattern FRONT_MATTER = Pattern.compile("\\A---\\R.*?\\R---\\R", Pattern.DOTALL);
    private static final Pattern FENCE = Pattern.compile("(?m)^(```|~~~).*?^\\1[^\\n]*$", Pattern.DOTALL);
    private static final Pattern LINK_TARGET = Pattern.compile("\\]\\([^)]*\\)");
    private static final Pattern URL = Pattern.compile("https?://\\S+");

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
     * Splits text into normalised words (NFKC, lower case, digits → 0, letter/digit runs).
     *
     * @param text any text
     * @return its normalised words, in order
     */
    public static List<String> tokenize(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>(s.length() / 2 + 1); // words are separated, so at most half the chars
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                w.appendCodePoint(Character.isDigit(cp) ? '0' : cp);
            } else if (w.length() > 0) {
                out.add(w.toString());
                w.setLength(0);
            }
        }
        if (w.length() > 0) {
            out.add(w.toString());
        }
        return out;
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
