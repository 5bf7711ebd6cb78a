// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.notes;

import dev.surprisal.core.ValidationException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link KnowledgeBase#add} needs to judge a new note without rescanning, persisted as JSON
 * in {@code KB/.surprisal-index/index.json}: per note its path, SHA-256, shingle count, modification time, generation (the scan or add that first indexed it, for
 * {@link Keep#FIRST_INDEXED}), label and the keys of its lines that other notes share; the KB
 * background word counts (a snapshot of the last scan: {@code add} does not change it); and the
 * number of distinct notes containing each line that occurs in at least two. Words and lines are
 * stored by their 64-bit {@link TextKey}. Beside it, {@code shingles.bin} holds each note's shingle
 * keys (the top 32 bits of its shingle hashes, sorted, distinct; none for an exact duplicate, as in
 * a scan), so that {@code add} finds the same candidate pairs and neighbours as {@link Scan}'s
 * inverted index, whatever the sizes: a 3% excerpt of a long note is found. The two files carry the
 * same random stamp, so a pair from different writes is refused. Note texts are not copied:
 * candidates and neighbours are re-read from the KB directory.
 */
public final class KbIndex {
    /** Directory name inside the KB. */
    public static final String DIR = ".surprisal-index";
    /**
     * Format version: 4 since shingle keys replace MinHash signatures, 5 since the options hold
     * {@code nearDuplicateContainment} and the stored labels follow the two-way copy rules, 6 since
     * a character of a script without spaces is a word (the phrases of Chinese, Japanese and Thai
     * notes changed); older indexes need a rescan.
     */
    static final int VERSION = 6;
    private static final String SHINGLES = "shingles.bin";
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(SerializationFeature.INDENT_OUTPUT)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** One indexed note; {@code lineKeys} holds only its lines that were in at least two notes when written. */
    public record Entry(String path, String sha256, int shingles, long mtimeMillis, int generation,
                        Label label, long[] lineKeys) {
        Keep.Facts facts() {
            return new Keep.Facts(path, mtimeMillis, generation);
        }
    }

    /** The persisted form: word keys and counts, line keys and note counts (lines in ≥ 2 notes). */
    public record Stored(int version, long stamp, KnowledgeBase.Options options, List<Entry> notes, long[] wordKeys,
                         long[] wordCounts, long[] lineKeys, long[] lineNotes) {
    }

    final KnowledgeBase.Options options;
    final List<Entry> notes = new ArrayList<>();
    /** {@link #keys} of each entry's shingles, aligned with {@link #notes}. */
    final List<long[]> shingleKeys = new ArrayList<>();
    private final LongCountMap background = new LongCountMap(1 << 14);
    private LongCountMap lines = new LongCountMap(1 << 14);
    /** Text of each line seen in at least two notes (for the report's template lines). */
    private final Map<Long, String> sharedLineText = new HashMap<>();
    long backgroundTotal;

    private KbIndex(KnowledgeBase.Options options) {
        this.options = options;
    }

    static KbIndex empty(KnowledgeBase.Options options) {
        return new KbIndex(options);
    }

    /** Adds the note's words to the background. */
    void accumulateWords(MeasuredNote m) {
        for (int k = 0; k < m.wordKeys.length; k++) {
            background.add(m.wordKeys[k], m.wordCounts[k]);
            backgroundTotal += m.wordCounts[k];
        }
    }

    /** Counts the note's distinct lines, once per note. */
    void accumulateLines(MeasuredNote m) {
        for (int j = 0; j < m.lineKeys.length; j++) {
            if (lines.add(m.lineKeys[j], 1) == 2) {
                sharedLineText.putIfAbsent(m.lineKeys[j], m.lines[j]);
            }
        }
    }

    void addNote(MeasuredNote m, Keep.Facts f, Label label) {
        notes.add(new Entry(m.path, m.sha256, m.shingles.length, f.mtimeMillis(), f.generation(), label,
                m.lineKeys));
        // an exact duplicate stands for nothing its original does not: left out, as in the scan's index
        shingleKeys.add(label == Label.DUPLICATE ? new long[0] : keys(m.shingles));
    }

    /**
     * The sorted distinct top 32 bits of sorted shingle hashes. Two shingles may share a key, so a
     * count of shared keys ({@link MinHash#intersection}) is a lower bound that callers widen by
     * {@code shingles.length − keys.length}.
     */
    static long[] keys(long[] shingles) {
        long[] out = new long[shingles.length];
        int k = 0;
        for (long h : shingles) {
            long key = h >> 32; // signed order of h is kept by its top half; stored as an int
            if (k == 0 || out[k - 1] != key) {
                out[k++] = key;
            }
        }
        return java.util.Arrays.copyOf(out, k);
    }

    /**
     * How a note's phrases meet the index, from one walk over every entry's keys.
     *
     * @param shared how many of the note's keys each entry has, by entry ({@link MinHash#intersection})
     * @param own    the note's own shingles: those whose key fewer than {@code templateMinNotes} indexed
     *               notes have, as {@link ShingleIndex#own} leaves out the shingles that the note and at
     *               least that many others share in a scan
     */
    record Overlap(int[] shared, long[] own) {
    }

    /**
     * The note's overlap with every entry and its own shingles, walking each entry's keys once (the
     * count per entry and the count per key come from the same merge).
     *
     * @param shingles the note's sorted distinct shingles
     * @param keys     {@link #keys} of them
     * @return the overlap
     */
    Overlap overlap(long[] shingles, long[] keys) {
        int[] notesWith = new int[keys.length];
        int[] shared = new int[shingleKeys.size()];
        for (int n = 0; n < shared.length; n++) {
            long[] other = shingleKeys.get(n);
            int i = 0;
            int j = 0;
            int both = 0;
            while (i < keys.length && j < other.length) {
                if (keys[i] == other[j]) {
                    notesWith[i++]++;
                    j++;
                    both++;
                } else if (keys[i] < other[j]) {
                    i++;
                } else {
                    j++;
                }
            }
            shared[n] = both;
        }
        long[] own = java.util.Arrays.stream(shingles).filter(h -> {
            int k = java.util.Arrays.binarySearch(keys, h >> 32);
            return notesWith[k] < options.templateMinNotes();
        }).toArray();
        return new Overlap(shared, own);
    }

    /** The entry for {@code path}, or -1. */
    int indexOf(String path) {
        for (int j = 0; j < notes.size(); j++) {
            if (notes.get(j).path().equals(path)) {
                return j;
            }
        }
        return -1;
    }

    /**
     * Removes entry {@code j} and its line counts, so that a re-added note is never compared with
     * its own earlier version and the index does not grow.
     */
    Entry remove(int j) {
        Entry e = notes.remove(j);
        shingleKeys.remove(j);
        LongCountMap minus = new LongCountMap(Math.max(16, e.lineKeys().length));
        for (long k : e.lineKeys()) {
            minus.add(k, 1);
        }
        long[][] all = lines.entries(1);
        LongCountMap rebuilt = new LongCountMap(Math.max(16, all[0].length));
        for (int k = 0; k < all[0].length; k++) {
            long left = all[1][k] - minus.get(all[0][k]);
            if (left > 0) {
                rebuilt.add(all[0][k], left);
            }
        }
        lines = rebuilt;
        return e;
    }

    /**
     * Removes the entries whose note is no longer a file inside {@code kbDir} (deleted, renamed, or
     * recorded from outside the knowledge base by an older version), so that no verdict names a
     * note that is gone.
     *
     * @return the removed entries, for {@link NoteAdder} to recognise a renamed note by its hash
     */
    List<Entry> pruneMissing(Path kbDir) {
        List<Entry> gone = new ArrayList<>();
        for (int j = notes.size() - 1; j >= 0; j--) {
            String p = notes.get(j).path();
            if (Path.of(p).isAbsolute() || !Files.isRegularFile(kbDir.resolve(p))) {
                gone.add(remove(j));
            }
        }
        return gone;
    }

    /** One more than the highest generation indexed (0 for an empty index). */
    int nextGeneration() {
        return notes.stream().mapToInt(Entry::generation).max().orElse(-1) + 1;
    }

    /** Distinct indexed notes containing the line with key {@code line}. */
    long lineNotes(long line) {
        return lines.get(line);
    }

    /** Background counts of the words with the given keys (0 for unseen words). */
    long[] backgroundCounts(long[] wordKeys) {
        long[] out = new long[wordKeys.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = background.get(wordKeys[k]);
        }
        return out;
    }

    List<KbReport.TemplateLine> templateLines() {
        return sharedLineText.entrySet().stream()
                .map(e -> new KbReport.TemplateLine(e.getValue(), (int) lines.get(e.getKey())))
                .filter(t -> t.notes() >= options.templateMinNotes())
                .sorted(Comparator.comparingInt(KbReport.TemplateLine::notes).reversed()
                        .thenComparing(KbReport.TemplateLine::line))
                .limit(200).toList();
    }

    MeasuredNote load(Path kbDir, int j) {
        Path f = kbDir.resolve(notes.get(j).path());
        NoteReader.Result r = NoteReader.read(f, options.maxNoteBytes());
        return r.ok() ? new MeasuredNote(notes.get(j).path(), r.text()) : null;
    }

    void write(Path kbDir) {
        long[][] words = background.entries(1);
        long[][] shared = lines.entries(2);
        List<Entry> slim = new ArrayList<>(notes.size());
        for (Entry e : notes) {
            slim.add(new Entry(e.path(), e.sha256(), e.shingles(), e.mtimeMillis(), e.generation(),
                    e.label(), java.util.Arrays.stream(e.lineKeys()).filter(k -> lines.get(k) >= 2).toArray()));
        }
        long stamp = new java.security.SecureRandom().nextLong();
        Stored s = new Stored(VERSION, stamp, options, slim, words[0], words[1], shared[0], shared[1]);
        try {
            Path d = Files.createDirectories(kbDir.resolve(DIR));
            Path tmpKeys = d.resolve(SHINGLES + ".tmp");
            try (java.io.DataOutputStream out = new java.io.DataOutputStream(
                    new java.io.BufferedOutputStream(Files.newOutputStream(tmpKeys), 1 << 16))) {
                out.writeLong(stamp);
                out.writeInt(shingleKeys.size());
                for (long[] k : shingleKeys) {
                    out.writeInt(k.length);
                    for (long x : k) {
                        out.writeInt((int) x);
                    }
                }
            }
            Path tmp = d.resolve("index.json.tmp");
            JSON.writeValue(tmp.toFile(), s);
            Files.move(tmpKeys, d.resolve(SHINGLES), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            Files.move(tmp, d.resolve("index.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write index in " + kbDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * When each indexed note was first indexed (for {@link Keep#FIRST_INDEXED}): by path, and by
     * SHA-256 for the notes whose file is gone, so that a note renamed since ({@code git mv})
     * keeps its place instead of counting as new.
     */
    record Generations(Map<String, Integer> byPath, Map<String, Integer> goneByHash) {
        /** The generation of the note at {@code path} with hash {@code sha256}, or {@code next} for a new note. */
        int of(String path, String sha256, int next) {
            Integer g = byPath.get(path);
            if (g == null) {
                g = goneByHash.get(sha256);
            }
            return g != null ? g : next;
        }

        /** One more than the highest generation recorded (0 when none). */
        int next() {
            return java.util.stream.Stream.concat(byPath.values().stream(), goneByHash.values().stream())
                    .mapToInt(Integer::intValue).max().orElse(-1) + 1;
        }
    }

    /** The generations of the current index in {@code kbDir}; empty when there is no readable current index. */
    static Generations generations(Path kbDir) {
        Map<String, Integer> byPath = new HashMap<>();
        Map<String, Integer> gone = new HashMap<>();
        try {
            KbIndex idx = read(kbDir);
            for (Entry e : idx.notes) {
                byPath.put(e.path(), e.generation());
            }
            for (Entry e : idx.pruneMissing(kbDir)) {
                gone.merge(e.sha256(), e.generation(), Math::min);
            }
        } catch (ValidationException | UncheckedIOException e) {
            // no index, or one of another version: every note is new
        }
        return new Generations(byPath, gone);
    }

    private static List<long[]> readKeys(Path kbDir, long stamp, int notes) throws IOException {
        Path f = kbDir.resolve(DIR).resolve(SHINGLES);
        String rescan = "; run `surprisal notes scan " + kbDir + "` again";
        if (!Files.isRegularFile(f)) {
            throw new ValidationException("kbDir: " + kbDir + " has no " + DIR + "/" + SHINGLES + rescan);
        }
        try (java.io.DataInputStream in = new java.io.DataInputStream(
                new java.io.BufferedInputStream(Files.newInputStream(f), 1 << 16))) {
            if (in.readLong() != stamp || in.readInt() != notes) {
                throw new ValidationException("kbDir: " + kbDir + ": " + DIR + "/" + SHINGLES
                        + " does not belong to index.json (an interrupted write?)" + rescan);
            }
            List<long[]> out = new ArrayList<>(notes);
            for (int j = 0; j < notes; j++) {
                long[] k = new long[in.readInt()];
                for (int x = 0; x < k.length; x++) {
                    k[x] = in.readInt();
                }
                out.add(k);
            }
            return out;
        } catch (java.io.EOFException e) {
            throw new ValidationException("kbDir: " + kbDir + ": " + DIR + "/" + SHINGLES + " is cut short" + rescan);
        }
    }

    static KbIndex read(Path kbDir) {
        Path f = kbDir.resolve(DIR).resolve("index.json");
        String problem = KnowledgeBase.directoryProblem(kbDir);
        if (problem != null) {
            throw new ValidationException("kbDir: " + kbDir + ": " + problem);
        }
        if (!Files.isRegularFile(f)) {
            throw new ValidationException("kbDir: " + kbDir + " has no " + DIR + "/index.json; run `surprisal notes scan "
                    + kbDir + "` first");
        }
        try {
            com.fasterxml.jackson.databind.JsonNode tree = JSON.readTree(f.toFile());
            int version = tree.path("version").asInt(-1);
            if (version != VERSION) {
                throw new ValidationException("kbDir: " + kbDir + ": index format " + version + " is not "
                        + VERSION + " (written by another surprisal version); run `surprisal notes scan " + kbDir + "` again");
            }
            Stored s = JSON.treeToValue(tree, Stored.class);
            KbIndex idx = new KbIndex(s.options());
            idx.notes.addAll(s.notes());
            idx.shingleKeys.addAll(readKeys(kbDir, s.stamp(), s.notes().size()));
            for (int k = 0; k < s.wordKeys().length; k++) {
                idx.background.add(s.wordKeys()[k], s.wordCounts()[k]);
                idx.backgroundTotal += s.wordCounts()[k];
            }
            for (int k = 0; k < s.lineKeys().length; k++) {
                idx.lines.add(s.lineKeys()[k], s.lineNotes()[k]);
            }
            return idx;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }
}
