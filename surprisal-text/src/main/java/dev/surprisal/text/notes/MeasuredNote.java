// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.notes;

import com.github.luben.zstd.Zstd;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashSet;
import java.util.HexFormat;
import java.util.List;

/** The per-note measurements that need only the note itself. */
final class MeasuredNote {
    /** zstd level for the per-note ratio; its 8 MiB window exceeds any note under the size limit. */
    static final int RATIO_LEVEL = Novelty.LEVEL;

    final String path;
    final byte[] bytes;
    final String sha256;
    final List<String> words;
    final int unique;
    final double entropyBits;
    final double windowedBits;
    final double zstdBitsPerByte;
    /** zstd level-{@value #RATIO_LEVEL} frame size of {@link #bytes}: the note's code length with no context. */
    final long zstdBytes;
    final RepetitionSignals signals;
    /** Distinct template-candidate lines and their {@link TextKey}s, aligned. */
    final String[] lines;
    final long[] lineKeys;
    /** Fraction of the note's lines of 3 or more words that repeat an earlier line of the note. */
    final double repeatedLineFraction;
    final long[] shingles;
    /** {@link TextKey}s of the distinct words, and their counts in this note, aligned. */
    final long[] wordKeys;
    final int[] wordCounts;
    /**
     * The note's title for telling two versions of one note from an excerpt ({@link #title}); empty
     * when it has none.
     */
    final String title;

    MeasuredNote(String path, String text) {
        this.path = path;
        this.bytes = text.getBytes(StandardCharsets.UTF_8);
        this.sha256 = sha256(bytes);
        NoteText note = NoteText.of(text);
        this.words = note.words();
        WordIds ids = WordIds.of(words);
        this.unique = ids.distinct();
        this.wordKeys = new long[unique];
        this.wordCounts = new int[unique];
        for (int id = 1; id <= unique; id++) {
            wordKeys[id - 1] = TextKey.of(ids.words()[id]);
            wordCounts[id - 1] = ids.counts()[id];
        }
        int[] scratch = new int[unique + 1];
        this.entropyBits = WordEntropy.bits(ids.ids(), 0, words.size(), scratch);
        this.windowedBits = WordEntropy.windowedBits(ids.ids(), scratch);
        this.zstdBytes = Zstd.compress(bytes, RATIO_LEVEL).length;
        this.zstdBitsPerByte = bytes.length == 0 ? 0 : 8.0 * zstdBytes / bytes.length;
        this.signals = RepetitionSignals.of(note, ids);
        List<String> all = candidateLines(note.prose());
        this.lines = new LinkedHashSet<>(all).toArray(new String[0]);
        this.repeatedLineFraction = all.isEmpty() ? 0 : (all.size() - lines.length) / (double) all.size();
        this.lineKeys = new long[lines.length];
        for (int j = 0; j < lines.length; j++) {
            lineKeys[j] = TextKey.of(lines[j]);
        }
        long[] positionKeys = new long[words.size()];
        for (int i = 0; i < positionKeys.length; i++) {
            positionKeys[i] = wordKeys[ids.ids()[i] - 1];
        }
        this.shingles = MinHash.shingles(positionKeys);
        this.title = title(text, note.prose());
    }

    private static final java.util.regex.Pattern FRONT_MATTER = java.util.regex.Pattern.compile("\\A---\\R(.*?)\\R---\\R",
            java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern FRONT_TITLE = java.util.regex.Pattern.compile("(?m)^title:[ \\t]*(.*?)[ \\t]*$");
    private static final java.util.regex.Pattern HEADING = java.util.regex.Pattern.compile("(?m)^#[ \\t]+(.+?)[ \\t#]*$");

    /**
     * The title a note gives itself: the {@code title:} of its YAML front matter, else the first
     * level-1 Markdown heading ({@code # ...}) of its prose; NFKC, lower case, quotes removed and
     * spaces collapsed, but digits kept ("Release 1.2" is not "Release 1.3"). Empty when it has none.
     */
    static String title(String text, String prose) {
        String t = "";
        java.util.regex.Matcher fm = FRONT_MATTER.matcher(text);
        if (fm.lookingAt()) {
            java.util.regex.Matcher m = FRONT_TITLE.matcher(fm.group(1));
            t = m.find() ? m.group(1) : "";
        }
        if (t.isBlank()) {
            java.util.regex.Matcher h = HEADING.matcher(prose);
            t = h.find() ? h.group(1) : "";
        }
        t = java.text.Normalizer.normalize(t, java.text.Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT).trim();
        if (t.length() >= 2 && (t.charAt(0) == '"' || t.charAt(0) == '\'') && t.charAt(t.length() - 1) == t.charAt(0)) {
            t = t.substring(1, t.length() - 1);
        }
        return t.replaceAll("\\s+", " ").trim();
    }

    /** Normalised lines of at least 3 words, in order: shorter ones (headings, "---") recur in any KB. */
    static List<String> candidateLines(String prose) {
        List<String> out = new java.util.ArrayList<>();
        for (String line : prose.split("\\R")) {
            String n = NoteText.normalizeLine(line);
            if (n.chars().filter(c -> c == ' ').count() >= 2) {
                out.add(n);
            }
        }
        return out;
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
