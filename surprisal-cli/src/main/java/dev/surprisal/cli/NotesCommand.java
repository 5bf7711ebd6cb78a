// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surprisal.report.NotesHtmlReport;
import dev.surprisal.core.ValidationException;
import dev.surprisal.text.notes.KbReport;
import dev.surprisal.text.notes.Keep;
import dev.surprisal.text.notes.KnowledgeBase;
import dev.surprisal.text.notes.Label;
import dev.surprisal.text.notes.NoteReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code surprisal notes}: information density, duplicates, templates and novelty in a folder of notes. */
@Command(name = "notes",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        header = "Find copies, excerpts, templates and genuinely new notes in a knowledge base.",
        description = {
                "Reads .md and .txt files (strict UTF-8) under a directory. Each note gets one label and one",
                "sentence saying why (rules in docs/notes-labels.md), the first that applies:",
                "  duplicate        the same bytes as the note kept as the original (see --keep)",
                "  too-short        under 20 words: not judged",
                "  template         half of its lines also appear in 5 or more other notes",
                "  near-duplicate   at least --threshold (0.5) of its 5-word phrases are in a note of",
                "                   about the same size (ratio >= 0.8), kept as the original; or an",
                "                   earlier (or later, longer) version of a note with the same",
                "                   title, or a licence pasted whole: a near-copy of the published text (the",
                "                   GPL, LGPL, Apache, MPL, GFDL, ... texts of Debian's common-licenses, built in)",
                "  excerpt          at least --threshold (0.5) of its 5-word phrases are in one other note",
                "  low-information  under " + KnowledgeBase.LOW_NOVEL_BITS_PER_WORD + " new bits per word given its nearest notes, or word",
                "                   entropy under " + KnowledgeBase.LOW_WINDOWED_ENTROPY_BITS + " bits per word in 100-word windows, or",
                "                   80%% of its lines or of its 5-word phrases repeating earlier ones of the",
                "                   note (fixed thresholds, calibrated on Debian documentation:",
                "                   docs/notes-labels.md)",
                "  genuine          anything else, ranked by new bits per word given its nearest notes,",
                "                   brought to a length of " + KbReport.DIGEST_REFERENCE_WORDS + " words (rate x (words/"
                        + KbReport.DIGEST_REFERENCE_WORDS + ")^" + KbReport.DIGEST_LENGTH_EXPONENT + ", a note",
                "                   under " + KbReport.DIGEST_MIN_WORDS + " words counted as " + KbReport.DIGEST_MIN_WORDS
                        + "), so a short note's start-up cost does",
                "                   not put it above a long one as dense as it is.",
                ""},
        subcommands = {NotesCommand.Scan.class, NotesCommand.Add.class},
        footer = {"",
                "Examples:",
                "  surprisal notes scan --kb ~/notes --report notes.html",
                "  surprisal notes scan --kb ~/notes --keep oldest --explain   why each note got its label",
                "  surprisal notes scan --kb ~/notes --json > notes.json",
                "  surprisal notes add --data draft.md --kb ~/notes     exit 1 when the draft adds little",
                "(`notes scan DIR` and `notes add FILE --kb DIR` are the same as --kb DIR and --data FILE.)",
                "",
                "Exit codes of `notes add`: 1 for duplicate, near-duplicate, excerpt, template and",
                "low-information; 0 for genuine and too-short; 3 when the KB was never scanned."})
public final class NotesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: choose scan or add");
    }

    /** {@code notes scan --kb DIR} (or {@code notes scan DIR}). */
    @Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
            header = "Scan a directory of notes, label each one and persist an index for `notes add`.",
            footer = {"",
                    "Examples:",
                    "  surprisal notes scan --kb ~/notes                  counts per label, labelled notes, digest",
                    "  surprisal notes scan ~/notes                       the same: DIR is --kb DIR",
                    "  surprisal notes scan --kb ~/notes --keep oldest    the older of two copies is the original",
                    "  surprisal notes scan --kb ~/notes --threshold 0.3 --explain   smaller excerpts too, with all signals",
                    "  surprisal notes scan --kb ~/notes --threads 2 --report notes.html --json > notes.json"})
    static final class Scan implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        OutputOptions common;

        @Option(names = "--kb", paramLabel = "DIR", description = "The knowledge-base directory.")
        Path kb;

        @Parameters(paramLabel = "DIR", arity = "0..1", description = "The same as --kb DIR.")
        Path positional;

        @Mixin
        ThreadsOption threads;

        @Option(names = "--report", paramLabel = "FILE", description = "Also write a self-contained HTML report.")
        Path html;

        @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "Digest length. Default: ${DEFAULT-VALUE}.")
        int top;

        @Option(names = "--keep", paramLabel = "RULE", defaultValue = "first-indexed",
                description = {"Which of two copies is the original (it stays genuine; the other is labelled):",
                        "first-indexed (already in the index, else oldest, else path), oldest, newest or path.",
                        "Modification times within 2 s are a tie and fall to the next rule. Default: ${DEFAULT-VALUE}."})
        String keep;

        @Option(names = "--threshold", paramLabel = "C", defaultValue = "0.5",
                description = "Excerpt from this containment: the fraction of a note's 5-word phrases found in one "
                        + "other note (datasketch's LSH Ensemble name). Default: ${DEFAULT-VALUE}.")
        double threshold;

        @Override
        public Integer call() {
            Path dir = oneOf(spec, "--kb DIR", kb, "DIR", positional);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            KnowledgeBase.Options options;
            try {
                options = KnowledgeBase.Options.defaults().withKeep(Keep.parse(keep)).withThreshold(threshold);
            } catch (ValidationException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            KnowledgeBase.Options chosen = options;
            KbReport r = threads.run(() -> KnowledgeBase.scan(dir, chosen, true));
            if (html != null) {
                try {
                    NotesHtmlReport.write(html, r);
                } catch (IOException e) {
                    throw new BadDataException("cannot write " + html + ": " + e.getMessage(), e);
                }
            }
            if (common.json()) {
                com.fasterxml.jackson.databind.node.ObjectNode tree = Json.mapper().valueToTree(r);
                for (int i = 0; i < r.notes().size(); i++) {
                    noteJson((ObjectNode) tree.withArray("notes").get(i), r.notes().get(i));
                }
                tree.put("digest_order", KbReport.DIGEST_ORDER);
                out.println(json(tree));
            } else {
                printPlain(out, r);
            }
            if (!common.quiet()) {
                for (KbReport.Skipped s : r.skipped()) {
                    err.println("surprisal: skipped " + s.path() + ": " + s.reason());
                }
            }
            out.flush();
            err.flush();
            return ExitCode.OK;
        }

        private void printPlain(PrintWriter out, KbReport r) {
            out.printf(Locale.ROOT, "%d notes, %d skipped%n", r.notes().size(), r.skipped().size());
            for (Label l : Label.values()) {
                out.printf(Locale.ROOT, "  %-16s %d%n", l.id(), r.labelled(l).size());
            }
            out.printf(Locale.ROOT, "exact duplicate groups: %d (%d files); groups joined by any copy: %d%n",
                    r.exactDuplicateGroups().size(), r.exactDuplicateGroups().stream().mapToInt(List::size).sum(),
                    r.nearDuplicateGroups().size());
            List<NoteReport> flagged = r.notes().stream().filter(n -> n.label() != Label.GENUINE).toList();
            if (!flagged.isEmpty()) {
                out.println("labelled notes (the originals stay genuine):");
                flagged.stream().limit(common.explain() ? Long.MAX_VALUE : top).forEach(n ->
                        out.printf(Locale.ROOT, "  %-40s %-15s %s%n", n.path(), n.label().id(), n.reason()));
                if (!common.explain() && flagged.size() > top) {
                    out.printf(Locale.ROOT, "  ... %d more (--explain lists all, --json has everything)%n", flagged.size() - top);
                }
            }
            out.println("digest (genuine notes by " + KbReport.DIGEST_ORDER + "):");
            r.digest().stream().limit(top).forEach(n -> out.printf(Locale.ROOT, "  %4d  %-50s %6.2f bits/word at 1,000 words  %8.0f bits  %6d words%n",
                    n.digestRank(), n.path(), KbReport.digestScore(n), n.novelBits(), n.words()));
            if (common.explain()) {
                out.println("details (Gopher repetition rules: Rae et al. 2021, arXiv 2112.11446, Table A1):");
                for (NoteReport n : r.notes()) {
                    out.println("  " + n.path() + ": " + String.join("; ", n.details()));
                }
                out.println("Raw word entropy mostly measures length (longer notes reveal more vocabulary), so density");
                out.println("is judged on 100-word windows; novelty is what a compressor still needs after the nearest notes.");
            }
        }
    }

    /** {@code notes add --data FILE --kb DIR} (or {@code notes add FILE --kb DIR}). */
    @Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false,
            header = "Judge one new note against a scanned knowledge base (uses DIR/.surprisal-index).",
            description = {"Prints the label and one sentence why. The knowledge base holds the original: a new",
                    "note that repeats one is the copy. Adding a note already in the index replaces its entry,",
                    "so running it twice gives the same verdict and the index does not grow. Only a note inside",
                    "DIR that is not rejected (exit 0) is recorded: a draft from elsewhere leaves the index as it",
                    "was. Entries whose file is gone are dropped, so a renamed note (git mv) is not a copy of its",
                    "old name.", ""},
            footer = {"",
                    "Examples:",
                    "  surprisal notes add --data draft.md --kb ~/notes   exit 1 when the draft adds little",
                    "  surprisal notes add draft.md --kb ~/notes          the same: FILE is --data FILE",
                    "  surprisal notes add --data draft.md --kb ~/notes --explain",
                    "  surprisal notes add --data draft.md --kb ~/notes --json   label, reason and novel bits per word",
                    "  git diff --cached --name-only --diff-filter=ACMR -- '*.md' | xargs -rn1 surprisal notes add --kb .",
                    "                                                     (pre-commit: added, copied, modified, renamed)",
                    "",
                    "Exit codes: 1 for duplicate, near-duplicate, excerpt, template and low-information;",
                    "0 for genuine and too-short; 3 when the KB has no index (run `notes scan` first)."})
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        OutputOptions common;

        @Option(names = "--data", paramLabel = "FILE", description = "The new note.")
        Path data;

        @Parameters(paramLabel = "FILE", arity = "0..1", description = "The same as --data FILE.")
        Path positional;

        @Mixin
        ThreadsOption threads;

        /** Named as {@link KnowledgeBase#add}'s parameter, so its messages name {@code --kb}. */
        @DataArgument
        @Option(names = "--kb", paramLabel = "DIR", required = true, description = "A directory scanned with `notes scan`.")
        Path kbDir;

        @Override
        public Integer call() {
            Path file = oneOf(spec, "--data FILE", data, "FILE", positional);
            PrintWriter out = spec.commandLine().getOut();
            NoteReport n;
            try {
                n = threads.run(() -> KnowledgeBase.add(file, kbDir));
            } catch (UncheckedIOException e) {
                throw new BadDataException(e.getMessage(), e);
            }
            if (common.json()) {
                // the headline is the novelty the label is judged on; the note's fields follow
                ObjectNode o = Json.mapper().createObjectNode();
                o.put("measure", "novel_bits_per_word");
                Json.putNumber(o, "value", n.novelBitsPerWord());
                o.put("unit", "bits per word");
                o.setAll(noteJson(Json.mapper().valueToTree(n), n));
                out.println(json(o));
            } else {
                out.println(n.label().id() + ": " + n.reason());
                if (common.explain()) {
                    out.printf(Locale.ROOT, "  %d words, novel %.0f bits (%.2f bits per word), Jensen-Shannon divergence "
                            + "from the KB's words %.3f bits%n", n.words(), n.novelBits(), n.novelBitsPerWord(), n.jsBits());
                    n.details().forEach(d -> out.println("  " + d));
                    n.messages().forEach(m -> out.println("  note: " + m));
                }
            }
            out.flush();
            return n.label().addsLittle() ? ExitCode.ALARM : ExitCode.OK;
        }
    }

    /**
     * The one input given as an option or as the positional alias; neither or both (when they
     * differ) is a usage error.
     */
    static Path oneOf(CommandSpec spec, String option, Path fromOption, String alias, Path fromAlias) {
        if (fromOption == null && fromAlias == null) {
            throw new ParameterException(spec.commandLine(), "missing " + option);
        }
        if (fromOption != null && fromAlias != null && !fromOption.equals(fromAlias)) {
            throw new ParameterException(spec.commandLine(), "give " + option + " once: " + alias + " is the same as "
                    + option + ", got " + fromOption + " and " + fromAlias);
        }
        return fromOption != null ? fromOption : fromAlias;
    }

    /**
     * A note's JSON with the reasons of its empty numbers in its own terms, where the generic one
     * ("not defined for these data") told a genuine note's reader nothing true, and its digest score.
     */
    static ObjectNode noteJson(ObjectNode node, NoteReport n) {
        if (n.copyOf() == null) {
            String notCopy = "not a copy: measured only for a note labelled duplicate, near-duplicate or excerpt, "
                    + "against the note in copy_of";
            node.put("containment_reason", notCopy);
            node.put("jaccard_reason", notCopy);
        }
        if (Double.isNaN(n.windowedEntropyBits())) {
            node.put("windowed_entropy_bits_reason", "under 100 words: fewer words than one 100-word window");
        }
        if (n.digestRank() > 0) {
            Json.putNumber(node, "digest_bits_per_word", KbReport.digestScore(n));
        } else {
            Json.putNumber(node, "digest_bits_per_word", Double.NaN, "not in the digest: only genuine notes are ranked");
        }
        return node;
    }

    static String json(Object o) {
        try {
            return Json.mapper().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
