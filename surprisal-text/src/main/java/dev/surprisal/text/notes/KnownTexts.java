// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.notes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Published licence texts that a note may paste or quote: Debian 12's
 * {@code /usr/share/common-licenses} (GPL, LGPL, Apache, MPL, GFDL, Artistic, BSD, CC0), built in as
 * resources so that every machine gives the same verdicts.
 * <p>
 * Why: nothing inside a knowledge base says which text came from outside. A licence pasted whole
 * into one note was that note's own writing to every rule: genuine, ranked in the middle of the
 * digest (the GPL-3, 5,678 words at 15.5 new bits per word, 14th of 31 in {@code DigestRankingTest}'s
 * folder). Against these texts such a note is a near-copy of the licence, labelled with the copies.
 * <p>
 * A known text takes part in a copy relation as a note that is always the original
 * ({@link Judge#compare} with the same thresholds), under a negative id ({@link #id}) that no note has.
 * Only the near-duplicate relation counts (the whole licence, however wrapped, with or without a short
 * header of the note's own): a note holding a part of a licence is judged as before, since quoting a
 * clause is often what a note is for, and a licence pasted into 5 or more notes stays their template.
 */
final class KnownTexts {
    /** The resource folder holding {@code index.txt} and one {@code NAME.gz} per text. */
    private static final String DIR = "/dev/surprisal/text/notes/licences/";

    /** The keep rule's reason for every known text: it is never the copy. */
    static final Keep.Decision ORIGINAL = new Keep.Decision(true,
            "it is a published licence text, from outside the knowledge base");

    /** One known text: its name (as in /usr/share/common-licenses) and its sorted distinct shingles. */
    record Text(String name, long[] shingles) {
        /** How a verdict names it, where it names a note's path otherwise. */
        String label() {
            return "the " + name + " licence text";
        }
    }

    private static final class Holder {
        static final KnownTexts ALL = load();
    }

    private final List<Text> texts;
    /** Every known shingle mapped to the bit set of the texts that have it (at most 63 texts). */
    private final LongCountMap owners;

    private KnownTexts(List<Text> texts) {
        if (texts.size() > 63) {
            throw new IllegalStateException("at most 63 known texts, got " + texts.size());
        }
        this.texts = List.copyOf(texts);
        int total = texts.stream().mapToInt(t -> t.shingles.length).sum();
        this.owners = new LongCountMap(total);
        for (int k = 0; k < texts.size(); k++) {
            for (long h : texts.get(k).shingles) {
                owners.add(h, 1L << k);
            }
        }
    }

    /**
     * The built-in licence texts (read once per JVM).
     *
     * @return the known texts
     */
    static KnownTexts builtIn() {
        return Holder.ALL;
    }

    /** Known texts from the given texts (for tests). */
    static KnownTexts of(List<String> names, List<String> bodies) {
        List<Text> t = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            t.add(new Text(names.get(k), MinHash.shingles(NoteText.of(bodies.get(k)).words())));
        }
        return new KnownTexts(t);
    }

    private static KnownTexts load() {
        List<String> names = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        try (InputStream in = resource("index.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                try (InputStream gz = new GZIPInputStream(resource(line.strip() + ".gz"))) {
                    names.add(line.strip());
                    bodies.add(new String(gz.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the built-in licence texts: " + e.getMessage(), e);
        }
        return of(names, bodies);
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = KnownTexts.class.getResourceAsStream(DIR + name);
        if (in == null) {
            throw new IOException("resource " + DIR + name + " is missing from the jar");
        }
        return in;
    }

    /**
     * How many texts are known.
     *
     * @return the number of known texts
     */
    int size() {
        return texts.size();
    }

    /**
     * The id a copy relation gives known text k: negative, so that it is no note's index.
     *
     * @param k the text's position
     * @return its id
     */
    static int id(int k) {
        return -1 - k;
    }

    /**
     * Whether a copy relation's {@code of} names a known text rather than a note.
     *
     * @param of the id in {@link Judge.Copy#of()}
     * @return true for a known text
     */
    static boolean isKnown(int of) {
        return of < 0;
    }

    /**
     * Offers note a's relation to the known text that holds the most of its phrases, when that
     * relation is a near-duplicate ({@link Judge#compare}, the text always the original). The closest
     * text decides: a note of most of the GPL-2 is an excerpt of it, not "a near-copy" of the shorter
     * GPL-1 that shares most of its wording; and an excerpt of a text is not offered.
     *
     * @param e    the note's evidence
     * @param a    the note's sorted shingles
     * @param aOwn its phrases that fewer than the template minimum of other notes have (a licence pasted
     *             into 5 or more notes is their template, as before)
     * @param o    the thresholds
     */
    void offer(Judge.Evidence e, long[] a, long[] aOwn, KnowledgeBase.Options o) {
        if (a.length == 0) {
            return;
        }
        int[] hits = new int[texts.size()];
        for (long h : a) {
            long mask = owners.get(h);
            while (mask != 0) {
                hits[Long.numberOfTrailingZeros(mask)]++;
                mask &= mask - 1;
            }
        }
        Judge.Copy closest = null;
        for (int k = 0; k < hits.length; k++) {
            if (hits[k] >= o.threshold() * a.length) {
                Text t = texts.get(k);
                Judge.Copy c = Judge.compare(a, aOwn, t.shingles, id(k), t.label(), () -> ORIGINAL,
                        Judge.Versions.NONE, o);
                if (Judge.better(c, closest)) {
                    closest = c;
                }
            }
        }
        if (closest != null && closest.label() == Label.NEAR_DUPLICATE) {
            Judge.offer(e, closest);
        }
    }
}
