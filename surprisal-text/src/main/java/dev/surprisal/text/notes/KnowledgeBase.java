package dev.surprisal.text.notes;

import dev.surprisal.core.ValidationException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Scans a directory of .md/.txt notes and labels each one; {@link #add} judges one new note
 * against the index a scan persisted in {@link KbIndex#DIR}, without rescanning.
 *
 * <p>Decision order (each label carries its evidence): {@code duplicate} when the bytes equal an
 * earlier note's or an LSH candidate verifies with exact shingle Jaccard ≥ 0.8 or containment
 * ≥ 0.9; else {@code template-or-filler} when at least half its lines recur in ≥ 5 distinct notes
 * or a Gopher repetition rule fires; else {@code low-density} when its length-controlled entropy
 * is below the KB's 10th percentile; else {@code genuine-increment}, ranked by novel bits.
 */
public final class KnowledgeBase {

    /** Tunable thresholds; {@link #defaults()} states the defaults and their sources. */
    public record Options(int templateMinNotes, double templateFraction, double jaccard, double containment,
                          double lowPercentile, int neighbours, long maxNoteBytes, double mu) {
        /** 5 notes, 0.5, J 0.8 (text-dedup / RedPajama), containment 0.9, 10th percentile, 3 neighbours, 16 MiB, μ 2000. */
        public static Options defaults() {
            return new Options(5, 0.5, 0.8, 0.9, 10, 3, NoteReader.DEFAULT_MAX_BYTES, Novelty.DEFAULT_MU);
        }
    }

    private KnowledgeBase() {
    }

    /** Scans {@code dir} with default options and writes the index. */
    public static KbReport scan(Path dir) {
        return scan(dir, Options.defaults(), true);
    }

    /** Scans {@code dir}; when {@code writeIndex}, persists {@link KbIndex} under {@code dir/.surprisal-index}. */
    public static KbReport scan(Path dir, Options o, boolean writeIndex) {
        List<Path> files = listNotes(dir);
        List<KbReport.Skipped> skipped = new ArrayList<>();
        MeasuredNote[] measured = new MeasuredNote[files.size()];
        String[] reasons = new String[files.size()];
        IntStream.range(0, files.size()).parallel().forEach(i -> {
            Path f = files.get(i);
            NoteReader.Result r = NoteReader.read(f, o.maxNoteBytes());
            if (r.ok()) {
                measured[i] = new MeasuredNote(rel(dir, f), r.text());
            } else {
                reasons[i] = r.reason();
            }
        });
        List<MeasuredNote> notes = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            if (measured[i] != null) {
                notes.add(measured[i]);
            } else {
                skipped.add(new KbReport.Skipped(rel(dir, files.get(i)), reasons[i]));
            }
        }
        int n = notes.size();
        Judge judge = new Judge(o);
        // 1. duplicates, in path order: only earlier notes can be the original
        LshIndex dupIndex = new LshIndex(LshIndex.DUPLICATES[0], LshIndex.DUPLICATES[1]);
        Map<String, Integer> bySha = new HashMap<>();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            MeasuredNote m = notes.get(i);
            Integer first = bySha.putIfAbsent(m.sha256, i);
            if (first != null) {
                judge.duplicate(i, "exact copy of " + notes.get(first).path, first);
                union(parent, i, first);
                continue;
            }
            for (int j : dupIndex.candidates(m.signature, i)) {
                double[] jc = jaccardContainment(m.shingles, notes.get(j).shingles);
                if ((jc[0] >= o.jaccard() || jc[1] >= o.containment()) && judge.betterDuplicate(i, jc)) {
                    judge.duplicate(i, String.format(Locale.ROOT, "near-duplicate of %s (shingle Jaccard %.2f, containment %.2f)",
                            notes.get(j).path, jc[0], jc[1]), j);
                    judge.bestJc.put(i, jc);
                }
            }
            if (judge.dupOf.containsKey(i)) {
                union(parent, i, judge.dupOf.get(i));
            }
            dupIndex.add(i, m.signature);
        }
        // 2. background statistics over distinct (non-duplicate) notes
        KbIndex index = KbIndex.empty(o);
        for (int i = 0; i < n; i++) {
            if (!judge.dupOf.containsKey(i)) {
                index.accumulate(notes.get(i));
            }
        }
        // 3. neighbours and novelty
        LshIndex near = new LshIndex(LshIndex.NEIGHBOURS[0], LshIndex.NEIGHBOURS[1]);
        for (int i = 0; i < n; i++) {
            near.add(i, notes.get(i).signature);
        }
        NoteReport[] reports = new NoteReport[n];
        double[] novel = new double[n];
        List<List<String>> neighbourNames = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            neighbourNames.add(null);
        }
        IntStream.range(0, n).parallel().forEach(i -> {
            List<Integer> nb = nearest(notes.get(i).signature, near.candidates(notes.get(i).signature, i),
                    j -> notes.get(j).signature, o.neighbours());
            ByteArrayOutputStream ctx = new ByteArrayOutputStream();
            List<String> names = new ArrayList<>();
            for (int j : nb) {
                ctx.writeBytes(notes.get(j).bytes);
                names.add(notes.get(j).path);
            }
            novel[i] = Novelty.novelBits(notes.get(i).bytes, notes.get(i).zstdBytes, ctx.toByteArray());
            neighbourNames.set(i, names);
        });
        // 4. template / filler, then the low-density percentile over what is left
        List<Double> eligible = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!judge.dupOf.containsKey(i)) {
                judge.templateOrFiller(i, notes.get(i), index, true);
                if (!judge.template.containsKey(i) && !Double.isNaN(notes.get(i).windowedBits)) {
                    eligible.add(notes.get(i).windowedBits);
                }
            }
        }
        index.lowDensityThresholdBits = percentile(eligible, o.lowPercentile());
        // judge and index are only read from here on, so the reports can be built concurrently
        IntStream.range(0, n).parallel().forEach(i ->
                reports[i] = judge.report(i, notes.get(i), novel[i], neighbourNames.get(i), index));
        List<NoteReport> ranked = rankDigest(Arrays.asList(reports));
        for (int i = 0; i < n; i++) {
            index.addNote(notes.get(i), ranked.get(i).label());
        }
        if (writeIndex) {
            index.write(dir);
        }
        return new KbReport(dir.toString(), ranked, skipped, groups(notes, exactParents(notes)),
                groups(notes, parent), index.templateLines(), index.lowDensityThresholdBits);
    }

    /**
     * Judges {@code file} against the index persisted in {@code kbDir} (run {@link #scan} first),
     * reading only the candidate and neighbour notes; appends the note to the index.
     */
    public static NoteReport add(Path file, Path kbDir) {
        KbIndex index = KbIndex.read(kbDir);
        Options o = index.options;
        NoteReader.Result r = NoteReader.read(file, o.maxNoteBytes());
        if (!r.ok()) {
            throw new ValidationException("file: " + file + ": " + r.reason());
        }
        MeasuredNote m = new MeasuredNote(rel(kbDir, file), r.text());
        int self = index.notes.size();
        Judge judge = new Judge(o);
        LshIndex dupIndex = new LshIndex(LshIndex.DUPLICATES[0], LshIndex.DUPLICATES[1]);
        LshIndex near = new LshIndex(LshIndex.NEIGHBOURS[0], LshIndex.NEIGHBOURS[1]);
        for (int j = 0; j < self; j++) {
            KbIndex.Entry e = index.notes.get(j);
            if (e.sha256().equals(m.sha256) && !judge.dupOf.containsKey(self)) {
                judge.duplicate(self, "exact copy of " + e.path(), j);
            }
            dupIndex.add(j, e.signature());
            near.add(j, e.signature());
        }
        if (!judge.dupOf.containsKey(self)) {
            for (int j : dupIndex.candidates(m.signature, self)) {
                MeasuredNote other = index.load(kbDir, j);
                if (other == null) {
                    continue;
                }
                double[] jc = jaccardContainment(m.shingles, other.shingles);
                if ((jc[0] >= o.jaccard() || jc[1] >= o.containment()) && judge.betterDuplicate(self, jc)) {
                    judge.duplicate(self, String.format(Locale.ROOT, "near-duplicate of %s (shingle Jaccard %.2f, containment %.2f)",
                            other.path, jc[0], jc[1]), j);
                    judge.bestJc.put(self, jc);
                }
            }
        }
        List<Integer> nb = nearest(m.signature, near.candidates(m.signature, self),
                j -> index.notes.get(j).signature(), o.neighbours());
        ByteArrayOutputStream ctx = new ByteArrayOutputStream();
        List<String> names = new ArrayList<>();
        for (int j : nb) {
            MeasuredNote other = index.load(kbDir, j);
            if (other != null) {
                ctx.writeBytes(other.bytes);
                names.add(other.path);
            }
        }
        double novel = Novelty.novelBits(m.bytes, m.zstdBytes, ctx.toByteArray());
        if (!judge.dupOf.containsKey(self)) {
            judge.templateOrFiller(self, m, index, false);
        }
        NoteReport report = judge.report(self, m, novel, names, index);
        if (report.label() == Label.GENUINE_INCREMENT) {
            report = withRank(report, 1);
        }
        if (!judge.dupOf.containsKey(self)) {
            index.accumulate(m);
        }
        index.addNote(m, report.label());
        index.write(kbDir);
        return report;
    }

    static double[] jaccardContainment(long[] a, long[] b) {
        if (a.length == 0 || b.length == 0) {
            return new double[] {0, 0};
        }
        int inter = MinHash.intersection(a, b);
        return new double[] {inter / (double) (a.length + b.length - inter), inter / (double) a.length};
    }

    private static List<Integer> nearest(long[] sig, Iterable<Integer> candidates,
                                         java.util.function.IntFunction<long[]> sigOf, int k) {
        List<double[]> scored = new ArrayList<>();
        for (int j : candidates) {
            scored.add(new double[] {MinHash.estimate(sig, sigOf.apply(j)), j});
        }
        scored.sort((x, y) -> x[0] != y[0] ? Double.compare(y[0], x[0]) : Double.compare(x[1], y[1]));
        List<Integer> out = new ArrayList<>();
        for (int t = 0; t < Math.min(k, scored.size()); t++) {
            out.add((int) scored.get(t)[1]);
        }
        return out;
    }

    /** Linear-interpolation percentile (Hyndman &amp; Fan type 7); NaN for an empty list. */
    static double percentile(List<Double> values, double pct) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double h = (v.length - 1) * pct / 100.0;
        int lo = (int) Math.floor(h);
        int hi = Math.min(v.length - 1, lo + 1);
        return v[lo] + (h - lo) * (v[hi] - v[lo]);
    }

    private static List<NoteReport> rankDigest(List<NoteReport> reports) {
        List<NoteReport> genuine = reports.stream().filter(r -> r.label() == Label.GENUINE_INCREMENT)
                .sorted(Comparator.comparingDouble(NoteReport::novelBits).reversed()).toList();
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < genuine.size(); i++) {
            rank.put(genuine.get(i).path(), i + 1);
        }
        List<NoteReport> out = new ArrayList<>();
        for (NoteReport r : reports) {
            out.add(rank.containsKey(r.path()) ? withRank(r, rank.get(r.path())) : r);
        }
        return out;
    }

    private static NoteReport withRank(NoteReport r, int rank) {
        return new NoteReport(r.path(), r.words(), r.uniqueWords(), r.wordEntropyBits(), r.windowedEntropyBits(),
                r.zstdBitsPerByte(), r.templateLineFraction(), r.novelBits(), r.novelBitsPerWord(), r.klBits(),
                r.jsBits(), r.neighbours(), r.label(), r.reasons(), r.messages(), rank);
    }

    private static int[] exactParents(List<MeasuredNote> notes) {
        int[] p = new int[notes.size()];
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < p.length; i++) {
            Integer f = first.putIfAbsent(notes.get(i).sha256, i);
            p[i] = f == null ? i : f;
        }
        return p;
    }

    private static List<List<String>> groups(List<MeasuredNote> notes, int[] parent) {
        Map<Integer, List<String>> g = new java.util.TreeMap<>();
        for (int i = 0; i < notes.size(); i++) {
            g.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(notes.get(i).path);
        }
        return g.values().stream().filter(l -> l.size() > 1).toList();
    }

    private static int find(int[] p, int i) {
        while (p[i] != i) {
            p[i] = p[p[i]];
            i = p[i];
        }
        return i;
    }

    private static void union(int[] p, int a, int b) {
        int ra = find(p, a);
        int rb = find(p, b);
        if (ra != rb) {
            p[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    static List<Path> listNotes(Path dir) {
        List<Path> out = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    return !d.equals(dir) && d.getFileName().toString().startsWith(".")
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                    if (name.endsWith(".md") || name.endsWith(".txt")) {
                        out.add(f);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    out.add(f); // reported by NoteReader with its reason
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("dir: " + dir + ": " + e.getMessage(), e);
        }
        out.sort(Comparator.comparing(p -> rel(dir, p)));
        return out;
    }

    static String rel(Path dir, Path f) {
        Path a = dir.toAbsolutePath().normalize();
        Path b = f.toAbsolutePath().normalize();
        return b.startsWith(a) ? a.relativize(b).toString().replace('\\', '/') : b.toString();
    }
}
