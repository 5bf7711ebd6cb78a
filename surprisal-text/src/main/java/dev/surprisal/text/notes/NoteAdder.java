// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.notes;

import dev.surprisal.core.ValidationException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * {@link KnowledgeBase#add}: one note against the persisted index, with the same candidates and
 * neighbours as a scan. The note's shingle keys are intersected with every entry's stored keys
 * ({@link KbIndex#shingleKeys}); an entry is re-read and verified with exact shingles when the
 * shared count (widened by the note's colliding keys) could reach {@code threshold} of the note's
 * shingles, as {@link Scan} does with its inverted index. The nearest notes for novelty are the
 * non-copies of highest shingle Jaccard, as in a scan. (Until index format 4 this compared
 * MinHash signatures, which miss an excerpt under about 1/50 of its source's size: a 5% excerpt has
 * Jaccard 0.05, so 128 permutations often agree nowhere.)
 */
final class NoteAdder {
    private NoteAdder() {
    }

    /**
     * Whether the judged note joins the index: only a note inside the knowledge base that was not
     * rejected. A draft judged from elsewhere would otherwise make its own next version "a
     * near-copy" of it, and a rejected note (which a pre-commit hook keeps out of the repository)
     * would make later notes copies of a note that was never kept.
     */
    static boolean recorded(NoteReport report, Path kbDir, Path file) {
        return KnowledgeBase.inside(kbDir, file) && !report.label().addsLittle();
    }

    static NoteReport add(Path file, Path kbDir) {
        KbIndex index = KbIndex.read(kbDir);
        KnowledgeBase.Options o = index.options;
        NoteReader.Result r = NoteReader.read(file, o.maxNoteBytes());
        if (!r.ok()) {
            throw new ValidationException(file + ": " + r.reason());
        }
        MeasuredNote m = new MeasuredNote(KnowledgeBase.rel(kbDir, file), r.text());
        // entries whose file is gone name no note any more: a renamed note is not "a copy of" its old path
        List<KbIndex.Entry> gone = index.pruneMissing(kbDir);
        int old = index.indexOf(m.path);
        KbIndex.Entry prev = old >= 0 ? index.remove(old) : null;
        KbIndex.Entry renamed = prev != null ? null
                : gone.stream().filter(g -> g.sha256().equals(m.sha256)).findFirst().orElse(null);
        // a re-added or renamed note keeps the facts it was first indexed with, so the verdict does not change
        Keep.Facts self = prev != null ? prev.facts()
                : renamed != null ? new Keep.Facts(m.path, renamed.mtimeMillis(), renamed.generation())
                : new Keep.Facts(m.path, KnowledgeBase.mtime(file), index.nextGeneration());
        boolean known = prev != null || renamed != null;
        IntFunction<Keep.Decision> otherIsOriginal = j -> !known
                ? new Keep.Decision(true, "it was in the knowledge base first")
                : o.keep().original(index.notes.get(j).facts(), self);
        Map<Integer, MeasuredNote> loaded = new HashMap<>();
        IntFunction<MeasuredNote> load = j -> loaded.computeIfAbsent(j, k -> index.load(kbDir, k));
        Judge.Evidence e = new Judge.Evidence();
        for (int j = 0; j < index.notes.size(); j++) {
            KbIndex.Entry other = index.notes.get(j);
            // of several identical entries, name the one that is not itself labelled a copy
            boolean better = e.exact == null || index.notes.get(e.exact.of()).label() == Label.DUPLICATE;
            // an exact copy in the index is left out of the phrase comparison below, as in scan
            e.copiesLeftOut |= other.sha256().equals(m.sha256);
            if (better && other.sha256().equals(m.sha256)) {
                Keep.Decision d = otherIsOriginal.apply(j);
                if (d.firstIsOriginal()) {
                    e.exact = new Judge.Copy(Label.DUPLICATE, j, other.path(), 1, 1, 1, d.why(), null);
                }
            }
        }
        long[] keys = KbIndex.keys(m.shingles);
        int collided = m.shingles.length - keys.length;
        // one walk over the entries' keys gives both each entry's shared count and the note's own phrases
        KbIndex.Overlap overlap = index.overlap(m.shingles, keys);
        long[] own = overlap.own();
        Judge.phrases(e, m.shingles, own);
        if (e.exact == null) {
            // a pasted licence is a copy of the published text, as in scan
            KnownTexts.builtIn().offer(e, m.shingles, own, o);
        }
        List<double[]> similar = new ArrayList<>();
        for (int j = 0; j < index.notes.size(); j++) {
            KbIndex.Entry other = index.notes.get(j);
            int shared = overlap.shared()[j];
            if (shared == 0) {
                continue;
            }
            similar.add(new double[] {shared / (double) (m.shingles.length + other.shingles() - shared), j});
            // the draft may be a later version holding the entry (the title, read from the file, says so)
            if (e.exact != null || shared + collided < o.threshold() * Math.min(m.shingles.length, other.shingles())) {
                continue;
            }
            MeasuredNote b = load.apply(j);
            if (b != null) {
                int jj = j;
                Judge.offer(e, Judge.compare(m.shingles, own, b.shingles, j, other.path(),
                        () -> otherIsOriginal.apply(jj), Judge.Versions.of(m, self, b, other.facts()), o));
            }
        }
        Judge.preferOriginals(e, j -> index.notes.get(j).label() != null && index.notes.get(j).label().isCopy());
        Judge.lines(e, m, index::lineNotes, o);
        List<MeasuredNote> nb = new ArrayList<>();
        if (e.exact != null) {
            MeasuredNote orig = load.apply(e.exact.of());
            if (orig != null) {
                nb.add(orig);
            }
        } else {
            similar.sort(Comparator.comparingDouble((double[] x) -> -x[0]).thenComparingDouble(x -> x[1]));
            for (double[] s : similar) {
                if (nb.size() >= o.neighbours()) {
                    break;
                }
                KbIndex.Entry other = index.notes.get((int) s[1]);
                if (other.label() != null && other.label().isCopy()) {
                    e.copiesLeftOut = true;
                    continue;
                }
                MeasuredNote b = load.apply((int) s[1]);
                if (b != null) {
                    nb.add(b);
                }
            }
        }
        e.novelBits = Novelty.novelBits(m.bytes, m.zstdBytes, KnowledgeBase.context(nb));
        e.neighbours = nb.stream().map(x -> x.path).toList();
        KnowledgeBase.background(e, m, index);
        e.renamedFrom = renamed == null ? null : renamed.path();
        NoteReport report = Judge.decide(e, m, o);
        if (recorded(report, kbDir, file)) {
            if (!Judge.repeatsSource(e)) {
                index.accumulateLines(m);
            }
            index.addNote(m, self, report.label());
            index.write(kbDir);
        } else if (!gone.isEmpty()) {
            // the judged note stays out, but the entries of vanished notes are still dropped
            KbIndex unchanged = KbIndex.read(kbDir);
            unchanged.pruneMissing(kbDir);
            unchanged.write(kbDir);
        }
        return report;
    }
}
