// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.notes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * One scan's judgement of a whole knowledge base: exact copies by SHA-256, pairs by the shingle
 * index, line counts, novelty given the nearest non-copy notes, then {@link Judge#decide}.
 */
final class Scan {
    private final List<MeasuredNote> notes;
    private final List<Keep.Facts> facts;
    private final KnowledgeBase.Options o;
    private final Judge.Evidence[] ev;
    final KbIndex index;
    private final KnownTexts known = KnownTexts.builtIn();
    List<NoteReport> ranked;
    List<List<String>> exactGroups;
    List<List<String>> copyGroups;

    Scan(List<MeasuredNote> notes, List<Keep.Facts> facts, KnowledgeBase.Options o) {
        this.notes = notes;
        this.facts = facts;
        this.o = o;
        this.ev = new Judge.Evidence[notes.size()];
        for (int i = 0; i < ev.length; i++) {
            ev[i] = new Judge.Evidence();
        }
        this.index = KbIndex.empty(o);
    }

    void run() {
        int n = notes.size();
        exactGroups = exactCopies();
        // pairs: exact copies are left out of the index, their original stands for them
        long[][] sh = new long[n][];
        for (int i = 0; i < n; i++) {
            sh[i] = ev[i].exact != null ? new long[0] : notes.get(i).shingles;
        }
        // a shingle in the note and at least templateMinNotes others is shared text, not evidence of a copy
        ShingleIndex idx = ShingleIndex.of(sh, o.templateMinNotes() + 1);
        IntStream.range(0, n).parallel().forEach(i -> {
            long[] a = sh[i];
            long[] own = idx.own(a);
            Judge.phrases(ev[i], a, own);
            // a short note is compared too: it is not judged, but its copy is still a copy
            if (ev[i].exact != null) {
                return;
            }
            known.offer(ev[i], a, own, o);
            for (ShingleIndex.Shared s : idx.shared(i)) {
                int j = s.other();
                long[] b = sh[j];
                int upper = s.count() + Math.min(idx.skipped(i), idx.skipped(j));
                Judge.Versions v = Judge.Versions.of(notes.get(i), facts.get(i), notes.get(j), facts.get(j));
                // a version may be the note that holds the other: then it is the other's count that matters
                if (upper < o.threshold() * (v.sameTitle() ? Math.min(a.length, b.length) : a.length)) {
                    continue;
                }
                Judge.offer(ev[i], Judge.compare(a, own, b, j, notes.get(j).path,
                        () -> o.keep().original(facts.get(j), facts.get(i)), v, o));
            }
        });
        // lines and background over the notes that do not repeat a source
        boolean[] counted = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (!Judge.repeatsSource(ev[i])) {
                counted[i] = true;
                index.accumulateLines(notes.get(i));
                index.accumulateWords(notes.get(i));
            }
        }
        Judge.Copy[] copy = new Judge.Copy[n];
        for (int i = 0; i < n; i++) {
            int self = counted[i] ? 1 : 0;
            Judge.lines(ev[i], notes.get(i), k -> index.lineNotes(k) - self, o);
            copy[i] = Judge.copy(ev[i], notes.get(i), o);
        }
        // a copy should name an original, not another copy, when it overlaps one
        Judge.Copy[] first = copy.clone();
        for (int i = 0; i < n; i++) {
            if (copy[i] != null && !KnownTexts.isKnown(copy[i].of()) && first[copy[i].of()] != null && ev[i].exact == null) {
                Judge.preferOriginals(ev[i], j -> first[j] != null);
                copy[i] = Judge.copy(ev[i], notes.get(i), o);
            }
        }
        boolean[] hasExactCopy = new boolean[n];
        for (Judge.Evidence x : ev) {
            if (x.exact != null) {
                hasExactCopy[x.exact.of()] = true;
            }
        }
        // novelty given the nearest notes that are not copies
        IntStream.range(0, n).parallel().forEach(i -> {
            List<MeasuredNote> nb = new ArrayList<>();
            if (ev[i].exact != null) {
                nb.add(notes.get(ev[i].exact.of()));
            } else {
                long[] a = sh[i];
                ev[i].copiesLeftOut = hasExactCopy[i] || idx.shared(i).stream().anyMatch(s -> copy[s.other()] != null);
                idx.shared(i).stream().filter(s -> copy[s.other()] == null)
                        .sorted(Comparator.comparingDouble((ShingleIndex.Shared s) ->
                                -s.count() / (double) (a.length + sh[s.other()].length - s.count()))
                                .thenComparingInt(ShingleIndex.Shared::other))
                        .limit(o.neighbours()).forEach(s -> nb.add(notes.get(s.other())));
            }
            MeasuredNote m = notes.get(i);
            ev[i].novelBits = Novelty.novelBits(m.bytes, m.zstdBytes, KnowledgeBase.context(nb));
            ev[i].neighbours = nb.stream().map(x -> x.path).toList();
            KnowledgeBase.background(ev[i], m, index);
        });
        NoteReport[] reports = new NoteReport[n];
        IntStream.range(0, n).parallel().forEach(i -> reports[i] = Judge.decide(ev[i], notes.get(i), o));
        ranked = rankDigest(reports);
        for (int i = 0; i < n; i++) {
            index.addNote(notes.get(i), facts.get(i), ranked.get(i).label());
        }
        copyGroups = copyGroups(copy);
    }

    /** Groups byte-identical notes; in each, the keep rule's winner is the original, the others its copies. */
    private List<List<String>> exactCopies() {
        Map<String, List<Integer>> bySha = new LinkedHashMap<>();
        for (int i = 0; i < notes.size(); i++) {
            bySha.computeIfAbsent(notes.get(i).sha256, k -> new ArrayList<>()).add(i);
        }
        List<List<String>> groups = new ArrayList<>();
        for (List<Integer> g : bySha.values()) {
            if (g.size() < 2) {
                continue;
            }
            int best = g.get(0);
            for (int x : g) {
                if (x != best && !o.keep().original(facts.get(best), facts.get(x)).firstIsOriginal()) {
                    best = x;
                }
            }
            List<String> paths = new ArrayList<>();
            paths.add(notes.get(best).path);
            for (int x : g) {
                if (x != best) {
                    Keep.Decision d = o.keep().original(facts.get(best), facts.get(x));
                    ev[x].exact = new Judge.Copy(Label.DUPLICATE, best, notes.get(best).path, 1, 1, 1, d.why(), null);
                    paths.add(notes.get(x).path);
                }
            }
            groups.add(paths);
        }
        return groups;
    }

    /** Notes joined by copy links; the notes that copy one known text are one group, which does not name the text. */
    private List<List<String>> copyGroups(Judge.Copy[] copy) {
        int[] parent = new int[copy.length + known.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] != null) {
                int of = copy[i].of();
                int a = find(parent, i);
                int b = find(parent, KnownTexts.isKnown(of) ? copy.length - 1 - of : of);
                parent[Math.max(a, b)] = Math.min(a, b);
            }
        }
        Map<Integer, List<String>> g = new TreeMap<>();
        for (int i = 0; i < copy.length; i++) {
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

    private static List<NoteReport> rankDigest(NoteReport[] reports) {
        Integer[] genuine = IntStream.range(0, reports.length).filter(i -> reports[i].label() == Label.GENUINE)
                .boxed().sorted(Comparator.comparingDouble((Integer i) -> -KbReport.digestScore(reports[i]))
                        .thenComparing(i -> reports[i].path())).toArray(Integer[]::new);
        NoteReport[] out = reports.clone();
        for (int r = 0; r < genuine.length; r++) {
            out[genuine[r]] = reports[genuine[r]].withRank(r + 1);
        }
        return List.of(out);
    }
}
