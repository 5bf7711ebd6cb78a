// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.notes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;

/**
 * The label rules, shared by {@link KnowledgeBase#scan} and {@link KnowledgeBase#add}: what a pair
 * of notes says about the first, what a note's lines say, and the final decision with its one
 * plain sentence. Callers gather the {@link Evidence}; this class only applies the rules in the
 * order of {@link Label}.
 */
final class Judge {

    /**
     * A copy relation: this note is a copy (of kind {@code label}) of note {@code of}.
     *
     * @param containment        fraction of this note's shingles in the other
     * @param reverseContainment fraction of the other's shingles in this note
     * @param why the keep rule's reason the other note is the original ("it is older"), or why the relation is one-way
     * @param version for two versions of one note that one holds most of the other (same title), how this note
     *                relates to the other ("an earlier version of"); null otherwise
     */
    record Copy(Label label, int of, String ofPath, double jaccard, double containment, double reverseContainment,
                String why, String version) {
    }

    /**
     * What says that two notes a and b are versions of one note: the same title
     * ({@link MeasuredNote#title}), and which was modified first beyond the {@link Keep} tie.
     *
     * @param sameTitle whether both have the same non-empty title
     * @param older     -1 when a is older, +1 when b is, 0 for a tie
     */
    record Versions(boolean sameTitle, int older) {
        /** For a pair with nothing known (an exact copy, a test). */
        static final Versions NONE = new Versions(false, 0);

        static Versions of(MeasuredNote a, Keep.Facts fa, MeasuredNote b, Keep.Facts fb) {
            return new Versions(!a.title.isEmpty() && a.title.equals(b.title), Keep.modifiedFirst(fa, fb));
        }

        /** How a, the labelled one, relates to b: "an earlier version of", "a longer version of". */
        String of(boolean aShorter) {
            if (aShorter) {
                return older < 0 ? "an earlier version of" : "a shorter version of";
            }
            return older > 0 ? "a later, longer version of" : "a longer version of";
        }
    }

    /** What is known about one note before the decision. */
    static final class Evidence {
        /** Every near-duplicate or excerpt relation found, for {@link #preferOriginals}. */
        final List<Copy> relations = new ArrayList<>();
        Copy exact;
        Copy near;
        Copy excerpt;
        int templateLines;
        int candidateLines;
        /** Shingles of the note that at least the template minimum of other notes have, and all its shingles. */
        int commonPhrases;
        int phrases;
        double novelBits;
        List<String> neighbours = List.of();
        /** Whether a note that shares a phrase with this one was left out of the neighbours as a copy. */
        boolean copiesLeftOut;
        double klBits;
        double jsBits;
        /** The vanished indexed path this note's exact bytes were recorded under (a rename), or null. */
        String renamedFrom;
    }

    private Judge() {
    }

    /**
     * What note a's shingles against note b's say about a (docs/notes-labels.md, "Copies"). Let
     * {@code ca} be the fraction of a's shingles that b has and {@code cb} the reverse; the size
     * ratio (smaller / larger count) is then {@code min(ca, cb) / max(ca, cb)}.
     * <ul>
     * <li>No relation unless {@code ca ≥ threshold} and also at least {@code threshold} of a's
     * <em>own</em> shingles ({@code aOwn}: those fewer than {@code templateMinNotes + 1} notes have)
     * are in b: a licence or other boilerplate that many notes share is never the evidence that one
     * copies another.</li>
     * <li>Near-duplicate (two versions of one note; the keep rule says which is the copy): both
     * {@code ca} and {@code cb} reach {@code threshold}, and either the sizes are within
     * {@code nearDuplicateSizeRatio} or both reach {@code nearDuplicateContainment}.</li>
     * <li>Two versions of one note (the same title, {@code v}): either holds at least
     * {@code threshold} of the other's phrases and own phrases. The keep rule says which is the copy,
     * whatever their lengths, a near-duplicate named "an earlier version of" and so on (an original
     * that a later edit grew is no excerpt of its edit, and no length ratio turns which is labelled).</li>
     * <li>Excerpt (a part of b; labelled whatever the times): otherwise, when a is the smaller note
     * by more than the size ratio.</li>
     * <li>Neither (two notes of about the same size that share about half of each): no relation.</li>
     * </ul>
     *
     * @param aOwn        a's shingles less those common in the knowledge base, sorted
     * @param bIsOriginal the keep rule's decision "b is the original", asked only for near-duplicates and versions
     * @param v           whether a and b are versions of one note, and which is older
     */
    static Copy compare(long[] a, long[] aOwn, long[] b, int bId, String bPath, Supplier<Keep.Decision> bIsOriginal,
                        Versions v, KnowledgeBase.Options o) {
        if (a.length == 0 || b.length == 0 || aOwn.length == 0) {
            return null;
        }
        int inter = MinHash.intersection(a, b);
        double ca = inter / (double) a.length;
        double cb = inter / (double) b.length;
        boolean holds = holds(a, aOwn, b, inter, o);
        double j = inter / (double) (a.length + b.length - inter);
        double sizeRatio = Math.min(a.length, b.length) / (double) Math.max(a.length, b.length);
        boolean near = holds && cb >= o.threshold() && (sizeRatio >= o.nearDuplicateSizeRatio()
                || Math.min(ca, cb) >= o.nearDuplicateContainment());
        if (v.sameTitle() && !near) {
            return holds || heldBy(b, a, aOwn, inter, o) ? version(a, b, bId, bPath, ca, cb, inter, bIsOriginal, v) : null;
        }
        if (!holds) {
            return null;
        }
        if (near) {
            Keep.Decision d = bIsOriginal.get();
            return d.firstIsOriginal() ? new Copy(Label.NEAR_DUPLICATE, bId, bPath, j, ca, cb, d.why(), null) : null;
        }
        if (a.length < b.length && sizeRatio < o.nearDuplicateSizeRatio()) {
            return new Copy(Label.EXCERPT, bId, bPath, j, ca, cb, String.format(Locale.ROOT, "this note is %s of its "
                    + "size and holds %s of it (an excerpt is under %s of its source's size and holds under %s of it)",
                    pct(sizeRatio), pct(cb), pct(o.nearDuplicateSizeRatio()), pct(o.nearDuplicateContainment())), null);
        }
        return null;
    }

    /** Whether at least the threshold of x's phrases, and of its own phrases {@code xOwn}, are in y ({@code inter} shared). */
    private static boolean holds(long[] x, long[] xOwn, long[] y, int inter, KnowledgeBase.Options o) {
        return inter >= o.threshold() * x.length && MinHash.intersection(xOwn, y) >= o.threshold() * xOwn.length;
    }

    /**
     * {@link #holds} for x held in y when only y's own phrases {@code yOwn} are known: being shared
     * is a property of the phrase, so the own phrases in both are {@code yOwn ∩ x}, and x has at most
     * {@code |x| − (inter − |yOwn ∩ x|)} own phrases. The test is made against that upper bound:
     * stricter than {@link #holds}, and the same when x's shared phrases are all in y (an edit that
     * grew x keeps them).
     */
    private static boolean heldBy(long[] x, long[] y, long[] yOwn, int inter, KnowledgeBase.Options o) {
        if (inter < o.threshold() * x.length) {
            return false;
        }
        int ownBoth = MinHash.intersection(yOwn, x);
        return ownBoth > 0 && ownBoth >= o.threshold() * (x.length - (inter - ownBoth));
    }

    /**
     * Two versions of one note (the same title, one holding at least the threshold of the other's
     * phrases): the keep rule says which is labelled, whatever their lengths. Until 2026-12-02 a
     * version of which the other held under half was labelled whatever the times, so a few words
     * more or less around that half turned which of the two was labelled (review13c).
     */
    private static Copy version(long[] a, long[] b, int bId, String bPath, double ca, double cb, int inter,
                                Supplier<Keep.Decision> bIsOriginal, Versions v) {
        Keep.Decision d = bIsOriginal.get();
        if (!d.firstIsOriginal()) {
            return null;
        }
        double j = inter / (double) (a.length + b.length - inter);
        return new Copy(Label.NEAR_DUPLICATE, bId, bPath, j, ca, cb, d.why(), v.of(a.length < b.length));
    }

    /** Whether {@code x} is stronger evidence than {@code y} (null loses): higher containment, then the earlier path. */
    static boolean better(Copy x, Copy y) {
        if (x == null) {
            return false;
        }
        if (y == null) {
            return true;
        }
        if (x.containment() != y.containment()) {
            return x.containment() > y.containment();
        }
        return x.ofPath().compareTo(y.ofPath()) < 0;
    }

    /** Stores a relation from {@link #compare} in the evidence if it beats what is there. */
    static void offer(Evidence e, Copy c) {
        if (c == null) {
            return;
        }
        e.relations.add(c);
        if (c.label() == Label.NEAR_DUPLICATE) {
            if (better(c, e.near)) {
                e.near = c;
            }
        } else if (better(c, e.excerpt)) {
            e.excerpt = c;
        }
    }

    /**
     * Re-chooses the near-duplicate and excerpt evidence among the relations to notes that are not
     * copies themselves, when there are any: of two overlapping excerpts of one note, each should
     * name that note, not the other excerpt. A known text ({@link KnownTexts}) is never a copy.
     *
     * @param isNoteCopy whether the note with the given (non-negative) id is labelled a copy
     */
    static void preferOriginals(Evidence e, java.util.function.IntPredicate isNoteCopy) {
        java.util.function.IntPredicate isCopy = j -> !KnownTexts.isKnown(j) && isNoteCopy.test(j);
        if (e.relations.stream().noneMatch(c -> !isCopy.test(c.of()))) {
            return;
        }
        e.near = null;
        e.excerpt = null;
        List<Copy> all = List.copyOf(e.relations);
        e.relations.clear();
        for (Copy c : all) {
            if (!isCopy.test(c.of())) {
                offer(e, c);
            }
        }
    }

    /**
     * Counts the note's lines that recur in at least the template minimum of other notes.
     *
     * @param otherNotes the number of other notes containing a line, given its key
     */
    static void lines(Evidence e, MeasuredNote m, LongUnaryOperator otherNotes, KnowledgeBase.Options o) {
        e.candidateLines = m.lineKeys.length;
        int recurring = 0;
        for (long line : m.lineKeys) {
            if (otherNotes.applyAsLong(line) >= o.templateMinNotes()) {
                recurring++;
            }
        }
        e.templateLines = recurring;
    }

    /**
     * Whether the note's lines stay out of the line counts: only an exact copy, which stands for
     * its original. Near-copies and excerpts are counted, because the members of a template family
     * are exactly that to each other; the price is that a note whose same half is repeated by five
     * or more near-copies or excerpts counts as a template (docs/notes-labels.md).
     */
    static boolean repeatsSource(Evidence e) {
        return e.exact != null;
    }

    /**
     * Records how many of the note's shingles are common (shared with at least the template minimum
     * of other notes) out of all of them.
     */
    static void phrases(Evidence e, long[] all, long[] own) {
        e.phrases = all.length;
        e.commonPhrases = all.length - own.length;
    }

    private static boolean templateByLines(Evidence e, KnowledgeBase.Options o) {
        return e.candidateLines > 0 && e.templateLines >= o.templateFraction() * e.candidateLines;
    }

    /** Most of the note is text that many notes share (a licence pasted with a short header), however it is wrapped. */
    private static boolean templateByPhrases(Evidence e, KnowledgeBase.Options o) {
        return e.phrases > 0 && e.commonPhrases >= o.templateFraction() * e.phrases;
    }

    /** The copy label of the evidence, in rule order, or null. */
    static Copy copy(Evidence e, MeasuredNote m, KnowledgeBase.Options o) {
        if (e.exact != null) {
            return e.exact;
        }
        if (m.words.size() < o.minWords()) {
            // too short to judge, but a copy of a whole short note (a front-matter-only edit) is still a copy;
            // a few words that a longer note also holds are not called its excerpt, nor a version of it
            return e.near != null && e.near.version() == null ? e.near : null;
        }
        if (templateByLines(e, o)) {
            return null;
        }
        // a note mostly of shared text whose own phrases are in one note is that note's copy, not a template
        return e.near != null ? e.near : e.excerpt;
    }

    /** Applies the rules in {@link Label} order and writes the report (digest rank 0). */
    static NoteReport decide(Evidence e, MeasuredNote m, KnowledgeBase.Options o) {
        int words = m.words.size();
        double perWord = words == 0 ? 0 : e.novelBits / words;
        List<String> details = new ArrayList<>();
        // a sentence pasted ten times, wrapped or on one line, repeats its phrases, not its lines
        double repeatedPhrases = m.signals.duplicateNgramCharFraction(5);
        List<String> messages = new ArrayList<>();
        if (Double.isNaN(m.windowedBits)) {
            messages.add("length-controlled entropy not defined: " + words + " words < one "
                    + WordEntropy.WINDOW + "-word window");
        }
        if (m.words.isEmpty()) {
            messages.add("no words after removing front matter, code and links");
        }
        if (e.renamedFrom != null) {
            messages.add("renamed from " + e.renamedFrom + ": the index held the same bytes there, and that file "
                    + "is gone; it keeps its place as first indexed");
        }
        for (String g : m.signals.fired(RepetitionSignals.Thresholds.GOPHER)) {
            details.add(g);
        }
        if (e.commonPhrases > 0) {
            details.add(String.format(Locale.ROOT, "%d of its %d 5-word phrases are in at least %d other notes (shared "
                    + "text, not counted as evidence of copying)", e.commonPhrases, e.phrases, o.templateMinNotes()));
        }
        if (e.candidateLines > 0) {
            details.add(String.format(Locale.ROOT, "%d of its %d distinct lines of 3 or more words recur in at least %d "
                    + "other notes", e.templateLines, e.candidateLines, o.templateMinNotes()));
        }
        details.add(String.format(Locale.ROOT, "novel bits %.0f (%.3f bits per word) %s; "
                + "length-controlled word entropy %s; %.0f%% of its lines of 3 or more words repeat an earlier line; "
                + "%.0f%% of its word characters repeat an earlier 5-word phrase of the note", e.novelBits, perWord,
                e.neighbours.isEmpty() ? "on its own" : "given " + nearest(e.neighbours.size()), Double.isNaN(m.windowedBits) ? "not defined (under 100 words)"
                        : String.format(Locale.ROOT, "%.3f bits per word", m.windowedBits), 100 * m.repeatedLineFraction,
                100 * repeatedPhrases));
        Label label;
        String reason;
        Copy copy = copy(e, m, o);
        if (e.exact != null) {
            label = Label.DUPLICATE;
            reason = String.format(Locale.ROOT, "an exact copy of %s, which is kept as the original because %s",
                    copy.ofPath(), copy.why());
        } else if (words < o.minWords() && copy == null) {
            label = Label.TOO_SHORT;
            reason = String.format(Locale.ROOT, "only %d words%s: too short to judge (notes under %d words are not judged)",
                    words, m.words.stream().anyMatch(w -> NoteText.isSpaceless(w.codePointAt(0)))
                            ? " (a Chinese, Japanese or Thai character counts as one word)" : "", o.minWords());
        } else if (words >= o.minWords() && templateByLines(e, o)) {
            label = Label.TEMPLATE;
            reason = String.format(Locale.ROOT, "%d of its %d lines also appear in %d or more other notes: a template "
                    + "(from half of its lines)", e.templateLines, e.candidateLines, o.templateMinNotes());
        } else if (copy != null && copy.version() != null) {
            label = Label.NEAR_DUPLICATE;
            reason = String.format(Locale.ROOT, "%s %s (the same title): %s of this note is in it and %s of it is in "
                            + "this note (counted in 5-word phrases); %s is kept because %s", copy.version(),
                    copy.ofPath(), pct(copy.containment()), pct(copy.reverseContainment()), copy.ofPath(), copy.why());
        } else if (copy != null && copy.label() == Label.NEAR_DUPLICATE) {
            label = Label.NEAR_DUPLICATE;
            reason = String.format(Locale.ROOT, "a near-copy of %s: %s of this note is in it and %s of it is in this note "
                            + "(near-duplicate from %s both ways at about the same size, or %s both ways); %s is kept because %s",
                    copy.ofPath(), pct(copy.containment()), pct(copy.reverseContainment()), pct(o.threshold()),
                    pct(o.nearDuplicateContainment()), copy.ofPath(), copy.why());
        } else if (copy != null) {
            label = Label.EXCERPT;
            reason = String.format(Locale.ROOT, "%s of this note is in %s (an excerpt from %s, counted in 5-word phrases)",
                    pct(copy.containment()), copy.ofPath(), pct(o.threshold()));
            details.add("excerpt direction: " + copy.why());
        } else if (templateByPhrases(e, o)) {
            label = Label.TEMPLATE;
            reason = String.format(Locale.ROOT, "%s of its 5-word phrases also appear in %d or more other notes (shared "
                    + "text such as a licence): a template, not a copy of any one of them (from half of its phrases)",
                    pct(e.commonPhrases / (double) e.phrases), o.templateMinNotes());
        } else if (perWord < o.lowNovelBitsPerWord()) {
            label = Label.LOW_INFORMATION;
            reason = String.format(Locale.ROOT, "adds only %.2f new bits per word %s (low-information below %.2f)",
                    perWord, e.neighbours.isEmpty() ? "on its own" : "given " + nearest(e.neighbours.size()),
                    o.lowNovelBitsPerWord());
        } else if (!Double.isNaN(m.windowedBits) && m.windowedBits < o.lowWindowedEntropyBits()) {
            label = Label.LOW_INFORMATION;
            reason = String.format(Locale.ROOT, "its words keep repeating: %.2f bits of word entropy per word in "
                    + "100-word windows (low-information below %.2f)", m.windowedBits, o.lowWindowedEntropyBits());
        } else if (m.repeatedLineFraction >= o.lowRepeatedLineFraction()) {
            label = Label.LOW_INFORMATION;
            reason = String.format(Locale.ROOT, "it repeats itself: %s of its lines repeat an earlier line "
                    + "(low-information from %s)", pct(m.repeatedLineFraction), pct(o.lowRepeatedLineFraction()));
        } else if (repeatedPhrases >= o.lowRepeatedLineFraction()) {
            label = Label.LOW_INFORMATION;
            reason = String.format(Locale.ROOT, "it repeats itself: %s of its word characters repeat an earlier 5-word "
                    + "phrase of the note (low-information from %s)", pct(repeatedPhrases), pct(o.lowRepeatedLineFraction()));
        } else {
            label = Label.GENUINE;
            reason = e.neighbours.isEmpty()
                    ? String.format(Locale.ROOT, "adds %.0f new bits (%.2f per word) on its own: %s", e.novelBits, perWord,
                    e.copiesLeftOut ? "only notes labelled as copies share a 5-word phrase with it"
                            : "no other note shares a 5-word phrase with it")
                    : String.format(Locale.ROOT, "adds %.0f new bits (%.2f per word) given %s",
                    e.novelBits, perWord, nearest(e.neighbours.size()));
        }
        Copy shown = label.isCopy() ? copy : null;
        return new NoteReport(m.path, words, m.unique, m.entropyBits, m.windowedBits, m.zstdBitsPerByte,
                e.candidateLines == 0 ? 0 : e.templateLines / (double) e.candidateLines, e.novelBits, perWord,
                e.klBits, e.jsBits, List.copyOf(e.neighbours), label, reason, shown == null ? null : shown.ofPath(),
                shown == null ? Double.NaN : shown.containment(), shown == null ? Double.NaN : shown.jaccard(),
                List.copyOf(details), List.copyOf(messages), 0);
    }

    /** "its nearest note", "its 3 nearest notes": a count of one is no plural. */
    static String nearest(int k) {
        return k == 1 ? "its nearest note" : "its " + k + " nearest notes";
    }

    private static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * fraction);
    }
}
