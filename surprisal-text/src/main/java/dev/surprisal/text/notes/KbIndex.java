package dev.surprisal.text.notes;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * What {@link KnowledgeBase#add} needs to judge a new note without rescanning, persisted as JSON
 * in {@code KB/.surprisal-index/index.json}: per note its path, SHA-256, MinHash signature and
 * label; the KB background word counts; the number of distinct notes containing each line that
 * occurs in at least two (lines seen once are dropped to keep the file small, so a new note's
 * line count is at most one low); and the low-density threshold. Note texts are not copied:
 * candidates and neighbours are re-read from the KB directory.
 */
public final class KbIndex {
    /** Directory name inside the KB. */
    public static final String DIR = ".surprisal-index";
    /** Format version: 2 since the MinHash permutations changed; older indexes need a rescan. */
    static final int VERSION = 2;
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(SerializationFeature.INDENT_OUTPUT)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** One indexed note. */
    public record Entry(String path, String sha256, long[] signature, Label label) {
    }

    /** The persisted form. */
    public record Stored(int version, KnowledgeBase.Options options, List<Entry> notes, Map<String, Long> background,
                         Map<String, Integer> lines, double lowDensityThresholdBits) {
    }

    final KnowledgeBase.Options options;
    final List<Entry> notes = new ArrayList<>();
    final Map<String, Long> background = new HashMap<>();
    final Map<String, Integer> lines = new HashMap<>();
    long backgroundTotal;
    double lowDensityThresholdBits = Double.NaN;

    private KbIndex(KnowledgeBase.Options options) {
        this.options = options;
    }

    static KbIndex empty(KnowledgeBase.Options options) {
        return new KbIndex(options);
    }

    synchronized void accumulate(MeasuredNote m) {
        for (Map.Entry<String, Integer> e : m.counts.entrySet()) {
            background.merge(e.getKey(), (long) e.getValue(), Long::sum);
            backgroundTotal += e.getValue();
        }
        for (String line : m.lines) {
            lines.merge(line, 1, Integer::sum);
        }
    }

    /**
     * {@link #accumulate}s every note, counting disjoint slices on all cores and merging the partial
     * maps; the result does not depend on the slicing.
     */
    void accumulateAll(List<MeasuredNote> distinct) {
        int slices = Math.max(1, Math.min(distinct.size() / 64, 2 * Runtime.getRuntime().availableProcessors()));
        List<KbIndex> parts = IntStream.range(0, slices).parallel().mapToObj(s -> {
            KbIndex part = new KbIndex(options);
            for (int i = s; i < distinct.size(); i += slices) {
                part.accumulate(distinct.get(i));
            }
            return part;
        }).toList();
        for (KbIndex part : parts) {
            part.background.forEach((w, c) -> background.merge(w, c, Long::sum));
            backgroundTotal += part.backgroundTotal;
            part.lines.forEach((l, c) -> lines.merge(l, c, Integer::sum));
        }
    }

    void addNote(MeasuredNote m, Label label) {
        notes.add(new Entry(m.path, m.sha256, m.signature, label));
    }

    /** Distinct indexed notes containing {@code line}. */
    int lineNotes(String line) {
        return lines.getOrDefault(line, 0);
    }

    List<KbReport.TemplateLine> templateLines() {
        return lines.entrySet().stream().filter(e -> e.getValue() >= options.templateMinNotes())
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(200).map(e -> new KbReport.TemplateLine(e.getKey(), e.getValue())).toList();
    }

    MeasuredNote load(Path kbDir, int j) {
        Path f = kbDir.resolve(notes.get(j).path());
        NoteReader.Result r = NoteReader.read(f, options.maxNoteBytes());
        return r.ok() ? new MeasuredNote(notes.get(j).path(), r.text()) : null;
    }

    void write(Path kbDir) {
        Map<String, Integer> shared = new HashMap<>();
        lines.forEach((k, v) -> {
            if (v >= 2) {
                shared.put(k, v);
            }
        });
        Stored s = new Stored(VERSION, options, notes, background, shared, lowDensityThresholdBits);
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
            throw new IllegalArgumentException("kbDir: " + kbDir + " has no " + DIR + "/index.json; run `surprisal notes scan "
                    + kbDir + "` first");
        }
        try {
            Stored s = JSON.readValue(f.toFile(), Stored.class);
            if (s.version() != VERSION) {
                throw new IllegalArgumentException("kbDir: " + kbDir + ": index format " + s.version() + " is not "
                        + VERSION + " (written by another surprisal version); run `surprisal notes scan " + kbDir + "` again");
            }
            KbIndex idx = new KbIndex(s.options());
            idx.notes.addAll(s.notes());
            idx.background.putAll(s.background());
            idx.backgroundTotal = s.background().values().stream().mapToLong(Long::longValue).sum();
            idx.lines.putAll(s.lines());
            idx.lowDensityThresholdBits = s.lowDensityThresholdBits();
            return idx;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

}
