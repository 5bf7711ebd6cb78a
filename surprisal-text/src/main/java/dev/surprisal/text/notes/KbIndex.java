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
 * in {@code KB/.surprisal-index/index.json}: per note its path, SHA-256, MinHash signature and
 * label; the KB background word counts; the number of distinct notes containing each line that
 * occurs in at least two (lines seen once are dropped to keep the file small, so a new note's
 * line count is at most one low); and the low-density threshold. Words and lines are stored by
 * their 64-bit {@link TextKey}, counted in primitive maps. Note texts are not copied: candidates
 * and neighbours are re-read from the KB directory.
 */
public final class KbIndex {
    /** Directory name inside the KB. */
    public static final String DIR = ".surprisal-index";
    /** Format version: 2 since MinHash permutations and word/line keys changed; older indexes need a rescan. */
    static final int VERSION = 2;
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(SerializationFeature.INDENT_OUTPUT)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** One indexed note. */
    public record Entry(String path, String sha256, long[] signature, Label label) {
    }

    /** The persisted form: word keys and counts, line keys and note counts (lines in ≥ 2 notes). */
    public record Stored(int version, KnowledgeBase.Options options, List<Entry> notes, long[] wordKeys,
                         long[] wordCounts, long[] lineKeys, long[] lineNotes, double lowDensityThresholdBits) {
    }

    final KnowledgeBase.Options options;
    final List<Entry> notes = new ArrayList<>();
    private final LongCountMap background = new LongCountMap(1 << 14);
    private final LongCountMap lines = new LongCountMap(1 << 14);
    /** Text of each line seen in at least two notes (for the report's template lines). */
    private final Map<Long, String> sharedLineText = new HashMap<>();
    long backgroundTotal;
    double lowDensityThresholdBits = Double.NaN;

    private KbIndex(KnowledgeBase.Options options) {
        this.options = options;
    }

    static KbIndex empty(KnowledgeBase.Options options) {
        return new KbIndex(options);
    }

    void accumulate(MeasuredNote m) {
        for (int k = 0; k < m.wordKeys.length; k++) {
            background.add(m.wordKeys[k], m.wordCounts[k]);
            backgroundTotal += m.wordCounts[k];
        }
        for (int j = 0; j < m.lineKeys.length; j++) {
            if (lines.add(m.lineKeys[j], 1) == 2) {
                sharedLineText.putIfAbsent(m.lineKeys[j], m.lines[j]);
            }
        }
    }

    void addNote(MeasuredNote m, Label label) {
        notes.add(new Entry(m.path, m.sha256, m.signature, label));
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
        Stored s = new Stored(VERSION, options, notes, words[0], words[1], shared[0], shared[1], lowDensityThresholdBits);
        try {
            Path d = Files.createDirectories(kbDir.resolve(DIR));
            Path tmp = d.resolve("index.json.tmp");
            JSON.writeValue(tmp.toFile(), s);
            Files.move(tmp, d.resolve("index.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write index in " + kbDir + ": " + e.getMessage(), e);
        }
    }

    static KbIndex read(Path kbDir) {
        Path f = kbDir.resolve(DIR).resolve("index.json");
        if (!Files.isRegularFile(f)) {
            throw new ValidationException("kbDir: " + kbDir + " has no " + DIR + "/index.json; run `surprisal notes scan "
                    + kbDir + "` first");
        }
        try {
            Stored s = JSON.readValue(f.toFile(), Stored.class);
            if (s.version() != VERSION) {
                throw new ValidationException("kbDir: " + kbDir + ": index format " + s.version() + " is not "
                        + VERSION + " (written by another surprisal version); run `surprisal notes scan " + kbDir + "` again");
            }
            KbIndex idx = new KbIndex(s.options());
            idx.notes.addAll(s.notes());
            for (int k = 0; k < s.wordKeys().length; k++) {
                idx.background.add(s.wordKeys()[k], s.wordCounts()[k]);
                idx.backgroundTotal += s.wordCounts()[k];
            }
            for (int k = 0; k < s.lineKeys().length; k++) {
                idx.lines.add(s.lineKeys()[k], s.lineNotes()[k]);
            }
            idx.lowDensityThresholdBits = s.lowDensityThresholdBits();
            return idx;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }
}
